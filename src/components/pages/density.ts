/**
 * The densing-law page (src/density.md): its tables, its filter bar (which models to fit and over what
 * window, kept in the URL), its charts as defined in views.ts, the findings its prose quotes and the table of
 * records DuckDB answers for the window.
 *
 * The one computation left in the browser is the refit for the reader's window (fitFor, with the build's
 * settings): it answers "what if I fit over these dates", which no table can hold for every window. With no
 * filters set it reproduces the build's density_fit row.
 */
import {formatMonths} from "../chart.js";
import {dateRange, radioGroup} from "../controls.js";
import {fitFor} from "../densityChart.js";
import {csvButton} from "../downloads.js";
import {priceHalving} from "../priceChart.js";
import {densityParams, densitySpan, VIEWS, windowDates, type DensityState, type StoryData} from "../views.js";
import {loadTables} from "./load.js";
import {sqlTable, urlFilterBar} from "./pageParts.js";
import {listText} from "./overview.js";

const TABLES = ["company_summary", "density_points", "density_fit", "claims", "price_points"] as const;

export type DensityData = StoryData<(typeof TABLES)[number] | "sources">;

export function loadDensity(): Promise<DensityData> {
  return loadTables(TABLES);
}

/** The filter bar, set from the URL and writing to it: ?fit=all&window=2023-06-01..2025-04-30 */
export function densityFilters(data: DensityData) {
  const [first, last] = densitySpan(data);
  return urlFilterBar(densityParams(data), (initial) => ({
    fit: radioGroup(
      [
        {value: "records", label: "Record-setting models only (the paper’s method)"},
        {value: "all", label: `All ${data.density_points.length} models`}
      ],
      {label: "Fit the trend over", value: initial.fit, name: "fit"}
    ),
    window: dateRange({label: "Release window", value: initial.window, min: first, max: last})
  }));
}

/** The density page's charts. */
export const densityViews = {
  density: (data: DensityData, state: DensityState, width: number) => VIEWS.density.render(data, state, width),
  claims: (data: DensityData) => VIEWS.claims.render(data, {}, 0),
  device: (data: DensityData, width: number) => VIEWS["device-projection"].render(data, {}, width),
  prices: (data: DensityData, width: number) => VIEWS["price-chart"].render(data, {}, width)
};

/** What the page says about the data as a whole (the paper's points, the build's fits, the claims). */
export function densityFindings(data: DensityData) {
  const records = data.density_fit.find((f) => f.fit_id === "records")!;
  const all = data.density_fit.find((f) => f.fit_id === "all");
  const scored = data.claims.filter((c) => c.topic === "density_doubling");
  const verdict = (v: string) => scored.filter((c) => c.verdict === v);
  const halving = priceHalving(data.price_points);
  return {
    points: data.density_points.length,
    recordsN: records.n,
    recordsMonths: records.doubling_months.toFixed(2),
    recordsDays: Math.round(records.doubling_days),
    recordsLow: formatMonths(records.ci_low_months),
    recordsHigh: formatMonths(records.ci_high_months),
    allMonths: all ? formatMonths(all.doubling_months) : "n/a",
    claims: scored.length,
    consistent: verdict("consistent").length,
    consistentWho: listText([...new Set(verdict("consistent").map((c) => c.claimant))]),
    outside: verdict("outside").length,
    differentMetric: verdict("different-metric").length,
    notComparable: verdict("not-comparable").length,
    priceMonths: halving.months.toFixed(1),
    priceFall: Math.round(halving.fall).toLocaleString("en")
  };
}

/** The refit for the reader's window and model set: the heading and the note under it. */
export function windowFit(data: DensityData, state: DensityState) {
  const recordsOnly = state.fit === "records";
  // A window with fewer than two release dates cannot be fitted; say so rather than fail.
  let fit = null;
  try {
    fit = fitFor(data.density_points, {window: windowDates(state.window), recordsOnly});
  } catch {
    fit = null;
  }
  const [from, to] = state.window;
  return {
    heading: fit
      ? `${recordsOnly ? "Record density" : "Density"} doubles every ${fit.doubling_months.toFixed(1)} months in this window`
      : "Too few models in this window to fit a trend",
    note: fit
      ? `Fitted on ${fit.n} ${recordsOnly ? "record-setting " : ""}models released between ${from} and ${to}: slope ${fit.slope_per_day.toFixed(5)} per day, R² ${fit.r2.toFixed(3)}, 95% bootstrap interval ${fit.ci_low_months.toFixed(1)}–${fit.ci_high_months.toFixed(1)} months.`
      : "Widen the window."
  };
}

/** The claims as a CSV download, with the build's verdicts. */
export function claimsDownload(data: DensityData): HTMLElement {
  const columns = ["id", "claimant", "date_raw", "topic", "metric", "value", "unit", "statement", "status", "claimed_months", "verdict", "verdict_note", "confidence", "source_ids"];
  return csvButton(data.claims as unknown as Record<string, unknown>[], columns, "claims.csv");
}

/** "The records, asked in SQL": DuckDB-WASM computes the running maximum for the window. */
export function recordsTable(state: DensityState): HTMLElement {
  const [from, to] = state.window;
  return sqlTable({
    id: "density-sql",
    sql: `SELECT model, release_date, density, params_b
          FROM (
            SELECT *, max(density) OVER (ORDER BY release_date, density DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS previous_max
            FROM density_points
            WHERE release_date BETWEEN ?::DATE AND ?::DATE
          )
          WHERE previous_max IS NULL OR density > previous_max
          ORDER BY release_date`,
    params: [from, to],
    table: () => ({
      caption: `Record-setting models, ${from} to ${to}`,
      labels: {model: "Model", release_date: "Released", density: "Density", params_b: "Parameters (B)"},
      download: "density-records.csv"
    })
  });
}

/** Pages put the live chart in place of the build-time one (prerendered.ts). */
export {hydrate} from "../prerendered.js";
