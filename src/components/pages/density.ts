/**
 * The densing-law page (src/density.md, src/zh/density.md): its tables, its filter bar (which models to fit and
 * over what window, kept in the URL), its charts as defined in views/density.ts, the findings its prose quotes and the
 * table of the window's records (a filter on the build's prior_peak_date, in the page and in its SQL alike). Every word it puts on the page is in TEXT, in both
 * languages; the page's language is `data.lang`.
 *
 * The one computation left in the browser is the refit for the reader's window (fitFor, with the build's
 * settings): it answers "what if I fit over these dates", which no table can hold for every window. With no
 * filters set it reproduces the build's density_fit row.
 */
import {formatMonths} from "../chart.js";
import {dateRange, radioGroup} from "../controls.js";
import {formatValue} from "../dataTable.js";
import {fitFor} from "../densityChart.js";
import {csvButton} from "../downloads.js";
import {asDate, isoDay} from "../cells.js";
import {bilingual, formatDay, formatNumber} from "../i18n.js";
import {priceHalving} from "../priceChart.js";
import type {DensityPointsRow} from "../rows.js";
import {densityParams, densitySpan, windowDates, type DensityState, type StoryData} from "../views.js";
import {DENSITY_VIEWS} from "../views/density.js";
import {control, known, whenLoaded} from "../tableFaults.js";
import {drawEmbeddable} from "../embedControl.js";
import {loadTables} from "./load.js";
import {orderBy} from "../rowOrder.js";
import {sqlBackedTable, urlFilterBar} from "./pageParts.js";
import {dataNames} from "./pageText.js";

/** The tables the page reads (the build reads them too, to draw its filter bar). */
export const TABLES = ["company_summary", "density_points", "density_fit", "claims", "price_points"] as const;

export type DensityData = StoryData<(typeof TABLES)[number] | "sources">;

/** The refit of the reader's window, as the heading and note describe it. */
interface WindowFit {
  n: number;
  months: string;
  slope: string;
  r2: string;
  low: string;
  high: string;
  from: string;
  to: string;
}

/** The page's words; phrases with values are functions. */
const TEXT = bilingual({
  en: {
    fitOver: "Fit the trend over",
    recordsOnly: "Record-setting models only (the paper’s method)",
    allModels: (n: number) => `All ${n} models`,
    window: "Release window",
    notAvailable: "n/a",
    /** The window's ends as the note shows them (the ISO days the URL has). */
    day: (iso: string) => iso,
    heading: (recordsOnly: boolean, months: string) => `${recordsOnly ? "Record density" : "Density"} doubles every ${months} months in this window`,
    tooFew: "Too few models in this window to fit a trend",
    note: (recordsOnly: boolean, f: WindowFit) =>
      `Fitted on ${f.n} ${recordsOnly ? "record-setting " : ""}models released between ${f.from} and ${f.to}: slope ${f.slope} per day, R² ${f.r2}, 95% bootstrap interval ${f.low}–${f.high} months.`,
    widen: "Widen the window.",
    claimsButton: "Download CSV",
    records: {
      caption: (from: string, to: string) => `Record-setting models, ${from} to ${to}`,
      labels: {model: "Model", release_date: "Released", density: "Density", params_b: "Parameters (B)"}
    }
  },
  zh: {
    fitOver: "拟合趋势所用的模型",
    recordsOnly: "只用创纪录的模型（论文的方法）",
    allModels: (n: number) => `全部${n}个模型`,
    window: "发布时间窗口",
    notAvailable: "无",
    day: (iso: string) => formatDay(new Date(`${iso}T00:00:00Z`), "zh"),
    heading: (recordsOnly: boolean, months: string) => `在这个窗口里，${recordsOnly ? "纪录密度" : "密度"}每${months}个月翻一番`,
    tooFew: "这个窗口里的模型太少，拟合不出趋势",
    note: (recordsOnly: boolean, f: WindowFit) =>
      `拟合基于${f.from}至${f.to}间发布的${f.n}个${recordsOnly ? "创纪录" : ""}模型：斜率为每天${f.slope}，R²为${f.r2}，95%自助法置信区间为${f.low}–${f.high}个月。`,
    widen: "请把窗口放宽一些。",
    claimsButton: "下载全部说法（CSV）",
    records: {
      caption: (from: string, to: string) => `${from}至${to}间创下密度纪录的模型`,
      labels: {model: "模型", release_date: "发布日期", density: "密度", params_b: "参数量（B）"}
    }
  }
});

/** The page's tables: a generator, yielding them again after a retry (load.ts). */
export function loadDensity(): AsyncGenerator<DensityData, void> {
  return loadTables(TABLES);
}

/** The filter bar, set from the URL and writing to it: ?fit=all&window=2023-06-01..2025-04-30 */
export function densityFilters(data: DensityData) {
  return control(() => drawDensityFilters(data));
}

function drawDensityFilters(data: DensityData) {
  const t = TEXT(data.lang);
  const [first, last] = densitySpan(data);
  return urlFilterBar(densityParams(data), (initial) => ({
    fit: radioGroup(
      [
        {value: "records", label: t.recordsOnly},
        {value: "all", label: t.allModels(data.density_points.length)}
      ],
      {label: t.fitOver, value: initial.fit, name: "fit"}
    ),
    window: dateRange({label: t.window, value: initial.window, min: first, max: last})
  }), {lang: data.lang});
}

/** The density page's charts. */
export const densityViews = {
  density: (data: DensityData, state: DensityState, width: number) => drawEmbeddable("density", DENSITY_VIEWS.density, data, state, width),
  claims: (data: DensityData) => drawEmbeddable("claims", DENSITY_VIEWS.claims, data, {}, 0),
  device: (data: DensityData, width: number) => drawEmbeddable("device-projection", DENSITY_VIEWS["device-projection"], data, {}, width),
  prices: (data: DensityData, width: number) => drawEmbeddable("price-chart", DENSITY_VIEWS["price-chart"], data, {}, width)
};

/**
 * What the page says about the data as a whole (the paper's points, the build's fits, the claims). The
 * claimants are data: in Chinese they come as a span whose English names are marked lang="en".
 */
export function densityFindings(data: DensityData) {
  return known(() => findings(data));
}

function findings(data: DensityData) {
  const {lang} = data;
  const t = TEXT(lang);
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
    allMonths: all ? formatMonths(all.doubling_months) : t.notAvailable,
    claims: scored.length,
    consistent: verdict("consistent").length,
    consistentWho: dataNames([...new Set(verdict("consistent").map((c) => c.claimant))], lang),
    outside: verdict("outside").length,
    differentMetric: verdict("different-metric").length,
    notComparable: verdict("not-comparable").length,
    priceMonths: halving.months.toFixed(1),
    priceFall: formatNumber(Math.round(halving.fall), lang, 0)
  };
}

/** The refit for the reader's window and model set: the heading and the note under it. */
export function windowFit(data: DensityData, state: DensityState) {
  const t = TEXT(data.lang);
  const recordsOnly = state.fit === "records";
  // A window with fewer than two release dates cannot be fitted; say so rather than fail.
  let fit = null;
  try {
    fit = fitFor(data.density_points, {window: windowDates(state.window), recordsOnly});
  } catch {
    fit = null;
  }
  const [from, to] = state.window;
  if (!fit) return {heading: t.tooFew, note: t.widen};
  return {
    heading: t.heading(recordsOnly, fit.doubling_months.toFixed(1)),
    note: t.note(recordsOnly, {
      n: fit.n,
      months: fit.doubling_months.toFixed(1),
      slope: fit.slope_per_day.toFixed(5),
      r2: fit.r2.toFixed(3),
      low: fit.ci_low_months.toFixed(1),
      high: fit.ci_high_months.toFixed(1),
      from: t.day(from),
      to: t.day(to)
    })
  };
}

/** The claims as a CSV download, with the build's verdicts. */
export function claimsDownload(data: DensityData): HTMLElement {
  return whenLoaded(() => drawClaimsDownload(data), data, ["claims"]);
}

function drawClaimsDownload(data: DensityData): HTMLElement {
  const columns = ["id", "claimant", "date_raw", "topic", "metric", "value", "unit", "statement", "status", "claimed_months", "verdict", "verdict_note", "confidence", "source_ids"];
  const button = csvButton(data.claims as unknown as Record<string, unknown>[], columns, "claims.csv");
  // The button says what it saves, in the page's language.
  button.textContent = TEXT(data.lang).claimsButton;
  return button;
}

/**
 * The window's records in SQL: the models released in the window that no earlier model of the window matched.
 * The build publishes each model's prior peak (the last earlier model at least as dense), so a record of the
 * window is a model whose prior peak, if any, came before the window: a filter, not a running maximum.
 */
export const RECORDS_SQL = `SELECT model, release_date, density, params_b
FROM density_points
WHERE release_date BETWEEN ?::DATE AND ?::DATE
  AND (prior_peak_date IS NULL OR prior_peak_date < ?::DATE)
ORDER BY release_date, id`;

/** RECORDS_SQL's rows for the window, from the page's published points: the same rows, columns and order. */
export function recordRows(points: readonly DensityPointsRow[], state: Pick<DensityState, "window">): Record<string, unknown>[] {
  const [from, to] = state.window;
  const day = (value: unknown) => {
    const date = asDate(value);
    return date ? isoDay(date) : null;
  };
  return points
    .filter((p) => {
      const released = day(p.release_date);
      const peak = day(p.prior_peak_date);
      return released !== null && released >= from && released <= to && (peak === null || peak < from);
    })
    .sort(orderBy((p) => p.release_date, (p) => p.id))
    .map((p) => ({model: p.model, release_date: p.release_date, density: p.density, params_b: p.params_b}));
}

/** "The records of the window": drawn from the points, its SQL run in DuckDB-WASM when the reader asks. */
export function recordsTable(data: Pick<DensityData, "density_points" | "lang">, state: DensityState): HTMLElement {
  return whenLoaded(() => drawRecordsTable(data, state), data, ["density_points"]);
}

function drawRecordsTable(data: Pick<DensityData, "density_points" | "lang">, state: DensityState): HTMLElement {
  const lang = data.lang ?? "en";
  const t = TEXT(lang);
  const [from, to] = state.window;
  return sqlBackedTable({
    id: "density-sql",
    lang,
    rows: recordRows(data.density_points, state),
    sql: RECORDS_SQL,
    params: [from, to, from],
    table: () => ({
      caption: t.records.caption(t.day(from), t.day(to)),
      columns: ["model", "release_date", "density", "params_b"],
      labels: t.records.labels,
      // formatDay gives the ISO day in English, as the table always showed it.
      format: {release_date: (v) => (v instanceof Date ? formatDay(v, lang) : formatValue(v))},
      download: "density-records.csv"
    })
  });
}

/** Pages put the live chart in place of the build-time one (prerendered.ts). */
export {hydrate} from "../prerendered.js";
export {inTurn} from "../turns.js";
