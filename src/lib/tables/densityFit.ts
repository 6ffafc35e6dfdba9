/**
 * The densing-law trend, computed at build time from density_points, never typed in: replace the points and
 * the fit follows. ln(density) = slope·t + intercept, by least squares, over the running-maximum records (the
 * paper's method) and over all models, with a seeded percentile bootstrap for the doubling time.
 */
import {fitDensingTrend} from "../trend.js";
import {DENSITY_ORIGIN} from "./densityPoints.js";
import type {PublishedTable} from "./common.js";

/** Resamples for the 95% interval; fixed seed so the build is reproducible. */
export const BOOTSTRAP = {iterations: 2000, seed: 1, level: 0.95};

export const densityFit: PublishedTable = {
  name: "density_fit",
  title: "Density fit",
  title_zh: "密度拟合",
  description:
    "Exponential trend of capability density over time, fitted by the build from density_points: over the " +
    "running-maximum records (the paper's method) and over all models.",
  description_zh: "能力密度随时间变化的指数趋势，由构建程序根据 density_points 拟合：一次只用创新高的记录点（论文的做法），一次用全部模型。",
  key: ["fit_id"],
  inputs: ["data/density_points.csv"],
  derived: true,
  columns: [
    {name: "fit_id", type: "VARCHAR", description: "records (running maximum, the paper's method) or all (every model)", description_zh: "records（创新高的记录点，论文的做法）或 all（全部模型）"},
    {name: "records_only", type: "BOOLEAN", description: "true when fitted on the running-maximum records only", description_zh: "只用创新高记录点拟合时为 true"},
    {name: "origin", type: "DATE", description: "t = 0 (the Llama-1 release)", description_zh: "t = 0 的时点（Llama-1 发布日）"},
    {name: "window_start", type: "DATE", description: "first release date considered", description_zh: "纳入拟合的最早发布日期"},
    {name: "window_end", type: "DATE", description: "last release date considered", description_zh: "纳入拟合的最晚发布日期"},
    {name: "n", type: "INTEGER", description: "points in the fit", description_zh: "参与拟合的点数", unit: "models"},
    {name: "slope_per_day", type: "DOUBLE", description: "A in ln(density) = A·t + B", description_zh: "ln(density) = A·t + B 中的 A", unit: "per day"},
    {name: "intercept", type: "DOUBLE", description: "B in ln(density) = A·t + B", description_zh: "ln(density) = A·t + B 中的 B"},
    {name: "r2", type: "DOUBLE", description: "coefficient of determination of the fit in log space", description_zh: "拟合在对数空间中的决定系数"},
    {name: "doubling_days", type: "DOUBLE", description: "ln 2 ÷ A", description_zh: "翻倍时间（天）：ln 2 ÷ A", unit: "days"},
    {name: "doubling_months", type: "DOUBLE", description: "doubling time in months of 30.44 days", description_zh: "翻倍时间，按每月 30.44 天折算", unit: "months"},
    {name: "ci_low_days", type: "DOUBLE", description: "lower end of the bootstrap interval of the doubling time", description_zh: "翻倍时间 bootstrap 区间的下端", unit: "days"},
    {name: "ci_high_days", type: "DOUBLE", description: "upper end of the bootstrap interval of the doubling time", description_zh: "翻倍时间 bootstrap 区间的上端", unit: "days"},
    {name: "ci_low_months", type: "DOUBLE", description: "lower end of the interval in months", description_zh: "区间下端，以月计", unit: "months"},
    {name: "ci_high_months", type: "DOUBLE", description: "upper end of the interval in months", description_zh: "区间上端，以月计", unit: "months"},
    {name: "ci_level", type: "DOUBLE", description: "level of the interval", description_zh: "区间的置信水平", unit: "fraction"},
    {name: "bootstrap_iterations", type: "INTEGER", description: "case resamples drawn (seeded, reproducible)", description_zh: "个案重抽样的次数（固定随机种子，结果可复现）"},
    {name: "method", type: "VARCHAR", description: "how the fit was made", description_zh: "拟合的做法"},
    {name: "source_ids", type: "VARCHAR[]", description: "sources of the points fitted", description_zh: "所拟合数据点的来源"}
  ],
  build(dataset) {
    // In the published table's order (date, id), so a reader refitting the Parquet rows gets the same interval:
    // the bootstrap resamples by position.
    const points = [...dataset.density_points]
      .sort((a, b) => a.release_date!.date.localeCompare(b.release_date!.date) || a.id.localeCompare(b.id))
      .map((p) => ({date: p.release_date!.date, density: p.density!}));
    const sourceIds = [...new Set(dataset.density_points.flatMap((p) => p.source_ids))].sort();
    return (["records", "all"] as const).map((fitId) => {
      const recordsOnly = fitId === "records";
      const fit = fitDensingTrend(points, {origin: DENSITY_ORIGIN, recordsOnly, iterations: BOOTSTRAP.iterations, seed: BOOTSTRAP.seed});
      return {
        fit_id: fitId,
        records_only: recordsOnly,
        origin: fit.origin,
        window_start: fit.window_start,
        window_end: fit.window_end,
        n: fit.n,
        slope_per_day: fit.slope_per_day,
        intercept: fit.intercept,
        r2: fit.r2,
        doubling_days: fit.doubling_days,
        doubling_months: fit.doubling_months,
        ci_low_days: fit.ci_low_days,
        ci_high_days: fit.ci_high_days,
        ci_low_months: fit.ci_low_months,
        ci_high_months: fit.ci_high_months,
        ci_level: BOOTSTRAP.level,
        bootstrap_iterations: BOOTSTRAP.iterations,
        method: recordsOnly
          ? "OLS of ln(density) on days since origin, over the points that set a new maximum in date order; 95% percentile bootstrap (case resampling, seed 1)"
          : "OLS of ln(density) on days since origin, over every model; 95% percentile bootstrap (case resampling, seed 1)",
        source_ids: sourceIds
      };
    });
  }
};
