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
  description:
    "Exponential trend of capability density over time, fitted by the build from density_points: over the " +
    "running-maximum records (the paper's method) and over all models.",
  key: ["fit_id"],
  inputs: ["data/density_points.csv"],
  derived: true,
  columns: [
    {name: "fit_id", type: "VARCHAR", description: "records (running maximum, the paper's method) or all (every model)"},
    {name: "records_only", type: "BOOLEAN", description: "true when fitted on the running-maximum records only"},
    {name: "origin", type: "DATE", description: "t = 0 (the Llama-1 release)"},
    {name: "window_start", type: "DATE", description: "first release date considered"},
    {name: "window_end", type: "DATE", description: "last release date considered"},
    {name: "n", type: "INTEGER", description: "points in the fit", unit: "models"},
    {name: "slope_per_day", type: "DOUBLE", description: "A in ln(density) = A·t + B", unit: "per day"},
    {name: "intercept", type: "DOUBLE", description: "B in ln(density) = A·t + B"},
    {name: "r2", type: "DOUBLE", description: "coefficient of determination of the fit in log space"},
    {name: "doubling_days", type: "DOUBLE", description: "ln 2 ÷ A", unit: "days"},
    {name: "doubling_months", type: "DOUBLE", description: "doubling time in months of 30.44 days", unit: "months"},
    {name: "ci_low_days", type: "DOUBLE", description: "lower end of the bootstrap interval of the doubling time", unit: "days"},
    {name: "ci_high_days", type: "DOUBLE", description: "upper end of the bootstrap interval of the doubling time", unit: "days"},
    {name: "ci_low_months", type: "DOUBLE", description: "lower end of the interval in months", unit: "months"},
    {name: "ci_high_months", type: "DOUBLE", description: "upper end of the interval in months", unit: "months"},
    {name: "ci_level", type: "DOUBLE", description: "level of the interval", unit: "fraction"},
    {name: "bootstrap_iterations", type: "INTEGER", description: "case resamples drawn (seeded, reproducible)"},
    {name: "method", type: "VARCHAR", description: "how the fit was made"},
    {name: "source_ids", type: "VARCHAR[]", description: "sources of the points fitted"}
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
