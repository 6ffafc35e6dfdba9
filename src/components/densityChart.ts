/**
 * The densing law, refitted in the reader's browser: capability density (log scale) of the paper's open base
 * models against release date, the running maximum as a step line, and the exponential trend fitted live with
 * the same code, origin, bootstrap size and seed as the build (so with the default options the chart reproduces
 * the published density_fit row exactly). Dashed reference slopes through the window's first record show what
 * doubling every 3.3, 3.5 or 8 months would look like, so the claims can be compared by eye with the data.
 */
import * as d3 from "./d3.js";
import {DENSITY_ORIGIN} from "../lib/tables/densityPoints.js";
import {BOOTSTRAP} from "../lib/tables/densityFit.js";
import {DAYS_PER_MONTH, fitDensingTrend, runningMaxRecords, type DensingTrend} from "../lib/trend.js";
import {chartFrame, formatMonths, sourceLine, type SourceIndex} from "./chart.js";
import {companyLookup, type CompanyRef} from "./companyLookup.js";
import {asDate, DAY_MS, isoDay} from "./cells.js";
import {logTimeAxes} from "./chartAxes.js";
import {drawLegend, layoutLegend, swatches} from "./chartLegend.js";
import {dodge, drawFitCaption, wrapText} from "./chartText.js";
import {bilingual, formatDay, type Lang} from "./i18n.js";
import {localizeTimeTicks} from "./chartWords.js";

export interface DensityPointRow {
  id: string;
  model: string;
  release_date: Date | string | null;
  params_b?: number | null;
  density: number | null;
  is_record?: boolean | null;
  company_id?: string | null;
  source_ids: readonly string[];
  confidence?: string | null;
}

export interface FitOptions {
  /** Inclusive range of release dates to fit; default: every point. */
  window?: readonly [Date | string, Date | string];
  /** Fit the running-maximum records only (the paper's method) rather than every model. Default true. */
  recordsOnly?: boolean;
}

export interface DensityChartOptions extends FitOptions {
  /** The page's language: every word the chart shows follows it. */
  lang?: Lang;
  /** Width in pixels; adapts down to 320 (fewer ticks, wrapped legend and caption). Default 640. */
  width?: number;
  /** Height of the SVG in pixels, legend included. Default 440. */
  height?: number;
  /** Doubling times in months drawn as dashed reference slopes through the window's first record. Default [3.3, 3.5, 8]. */
  referenceMonths?: readonly number[];
  /** Sources by id (indexSources of the sources table), for the tooltips and the source line. */
  sources?: SourceIndex;
  /** Rows of the companies table, to name the atlas's companies (MiniCPM is ModelBest's) in tooltips and the legend. */
  companies?: readonly CompanyRef[];
}

const plural = (n: number) => (n === 1 ? "" : "s");

const TEXT = bilingual({
  en: {
    title: "Capability density of open models over time",
    fitDescription: (months: string, low: string, high: string) => `doubling every ${months} months (95% CI ${low}–${high})`,
    fitError: (recordsOnly: boolean) => `too few ${recordsOnly ? "record-setting " : ""}models in the window to fit a trend`,
    record: "record (new maximum)",
    other: "other model",
    outside: "outside the window",
    companyModel: (company: string) => `${company} model`,
    runningMax: "running maximum",
    fitted: (months: string) => `fitted trend (${months} months)`,
    reference: (months: number) => `doubling every ${months} months`,
    caption: (n: number, recordsOnly: boolean, from: string, to: string, fit: string, r2: string) =>
      `Fitted on ${n} ${recordsOnly ? "record-setting " : ""}model${plural(n)} released ${from} to ${to}: ${fit}, R² ${r2}.`,
    noTrend: (error: string) => `No trend: ${error}.`,
    description: (n: number, first: string, last: string, records: number, from: string, to: string, caption: string) =>
      `Scatter plot of capability density (log scale) against release date for ${n} open base models from the densing-law paper, ` +
      `${first} to ${last}. ${records} record-setting model${plural(records)} in the window ${from} to ${to} ` +
      `form the running maximum, drawn as a step line. ${caption}`,
    references: (months: number[]) => ` Dashed reference lines through the first record show doubling every ${months.join(", ")} months.`,
    dimmed: (n: number) => ` ${n} models outside the window are dimmed.`,
    skipped: (n: number) => ` ${n} point${plural(n)} without a date or density ${n === 1 ? "is" : "are"} not drawn.`,
    yes: "yes",
    no: "no",
    labels: {model: "Model", released: "Released", params_b: "Parameters (B)", density: "Density", record: "Record in window", in_window: "In window"},
    yLabel: "Capability density (log scale)",
    xLabel: "Release date",
    endReference: (months: number) => `${months} mo`,
    endFit: "fit",
    released: (date: string) => `Released ${date} (as plotted in the paper)`,
    density: (density: string, params: number | null | undefined) => `Capability density ${density}${params ? ` · ${params}B parameters` : ""}`,
    effective: (size: string) => `Effective size ≈ ${size}B (density × parameters)`,
    newMaximum: "Sets a new maximum in the window",
    outsideWindow: "Outside the fitted window"
  },
  zh: {
    title: "开源模型能力密度的演变",
    fitDescription: (months: string, low: string, high: string) => `每${months}个月翻一番（95%置信区间${low}–${high}个月）`,
    fitError: (recordsOnly: boolean) => `窗口内${recordsOnly ? "刷新纪录的" : ""}模型太少，无法拟合趋势`,
    record: "刷新纪录（新高）",
    other: "其他模型",
    outside: "窗口之外",
    companyModel: (company: string) => `${company}模型`,
    runningMax: "历史最高",
    fitted: (months: string) => `拟合趋势（${months}个月）`,
    reference: (months: number) => `每${months}个月翻一番`,
    caption: (n: number, recordsOnly: boolean, from: string, to: string, fit: string, r2: string) =>
      `拟合基于${from}至${to}发布的${n}个${recordsOnly ? "刷新纪录的" : ""}模型：${fit}，R² ${r2}。`,
    noTrend: (error: string) => `无法给出趋势：${error}。`,
    description: (n: number, first: string, last: string, records: number, from: string, to: string, caption: string) =>
      `散点图：“密度法则”论文中${n}个开源基座模型的能力密度（对数刻度）随发布日期的变化，${first}至${last}。` +
      `${from}至${to}窗口内有${records}个刷新纪录的模型，连成阶梯状的历史最高线。${caption}`,
    references: (months: number[]) => `过第一个纪录点的虚线为参考线，分别表示每${months.join("、")}个月翻一番。`,
    dimmed: (n: number) => `窗口之外的${n}个模型以淡色显示。`,
    skipped: (n: number) => `另有${n}个点缺少日期或密度，未画出。`,
    yes: "是",
    no: "否",
    labels: {model: "模型", released: "发布时间", params_b: "参数量（B）", density: "能力密度", record: "窗口内纪录", in_window: "在窗口内"},
    yLabel: "能力密度（对数刻度）",
    xLabel: "发布日期",
    endReference: (months: number) => `${months}个月`,
    endFit: "拟合",
    released: (date: string) => `${date}发布（按论文图中所标）`,
    density: (density: string, params: number | null | undefined) => `能力密度${density}${params ? ` · 参数量${params}B` : ""}`,
    effective: (size: string) => `等效规模≈${size}B（能力密度×参数量）`,
    newMaximum: "在窗口内创下新高",
    outsideWindow: "在拟合窗口之外"
  }
});

/** Red of the fitted trend, as in the paper's figure; legible on light and dark backgrounds. */
export const FIT_COLOR = "#d62728";
const REFERENCE_DASHES = ["6 3", "2 3", "9 3 2 3", "1 2"];

/** Points the chart and the fit can use: a release date and a positive density. */
export function usablePoints<T extends DensityPointRow>(points: readonly T[]): T[] {
  return points.filter((p) => asDate(p.release_date) !== null && typeof p.density === "number" && p.density > 0 && Number.isFinite(p.density));
}

/**
 * The densing-law fit over `points` with the build's settings (origin 2023-02-24, 2000 bootstrap resamples,
 * seed 1): ln(density) = slope·t + intercept over the running-maximum records in the window (or every point in
 * it). Throws when the window leaves fewer than two distinct release dates to fit.
 */
export function fitFor(points: readonly DensityPointRow[], options: FitOptions = {}): DensingTrend {
  const {window, recordsOnly = true} = options;
  const range = window ? ([isoDay(asDate(window[0])!), isoDay(asDate(window[1])!)] as [string, string]) : undefined;
  // The page's heading and the chart ask for the same fit; the bootstrap runs once per points table and window.
  const key = `${recordsOnly}|${range?.join("..") ?? "all"}`;
  let cache = FITS.get(points);
  if (!cache) FITS.set(points, (cache = new Map()));
  if (!cache.has(key)) cache.set(key, computeFit(points, recordsOnly, range));
  return cache.get(key)!;
}

const FITS = new WeakMap<readonly DensityPointRow[], Map<string, DensingTrend>>();

function computeFit(points: readonly DensityPointRow[], recordsOnly: boolean, range: [string, string] | undefined): DensingTrend {
  // The bootstrap resamples by position, so the interval depends on input order; the table's key order
  // (release date, then id) makes the result independent of how the rows arrived.
  const ordered = usablePoints(points).sort((a, b) => +asDate(a.release_date)! - +asDate(b.release_date)! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return fitDensingTrend(
    ordered.map((p) => ({date: isoDay(asDate(p.release_date)!), density: p.density!})),
    {origin: DENSITY_ORIGIN, recordsOnly, window: range, iterations: BOOTSTRAP.iterations, seed: BOOTSTRAP.seed}
  );
}

/** "doubling every 3.5 months (95% CI 2.9–4.9)"; "每3.5个月翻一番（95%置信区间2.9–4.9个月）" in Chinese. */
export function describeFit(fit: DensingTrend, lang: Lang = "en"): string {
  return TEXT(lang).fitDescription(formatMonths(fit.doubling_months), formatMonths(fit.ci_low_months), formatMonths(fit.ci_high_months));
}

export function densityChart(points: readonly DensityPointRow[], options: DensityChartOptions = {}): HTMLElement {
  const {width = 640, height = 440, recordsOnly = true, referenceMonths = [3.3, 3.5, 8], sources = new Map(), companies = [], lang = "en"} = options;
  const t = TEXT(lang);
  const day = (date: Date) => formatDay(date, lang);
  const usable = usablePoints(points);
  const skipped = points.length - usable.length;
  const dateOf = (p: DensityPointRow) => asDate(p.release_date)!;
  const origin = asDate(DENSITY_ORIGIN)!;
  const tOf = (date: Date) => (+date - +origin) / DAY_MS;

  const allDates = usable.map(dateOf);
  const [first, last] = allDates.length ? (d3.extent(allDates) as [Date, Date]) : [origin, new Date(+origin + 365 * DAY_MS)];
  const windowStart = options.window ? asDate(options.window[0])! : first;
  const windowEnd = options.window ? asDate(options.window[1])! : last;
  const inWindow = (p: DensityPointRow) => isoDay(dateOf(p)) >= isoDay(windowStart) && isoDay(dateOf(p)) <= isoDay(windowEnd);
  const windowed = usable.filter(inWindow);
  const records = runningMaxRecords(windowed, (p) => tOf(dateOf(p)), (p) => p.density!);
  const recordIds = new Set(records.map((p) => p.id));

  let fit: DensingTrend | null = null;
  let fitError = "";
  try {
    fit = fitFor(usable, {window: options.window, recordsOnly});
  } catch {
    fitError = t.fitError(recordsOnly);
  }

  const lookup = companyLookup(companies, lang);
  // Company colours only when the page names the companies: a legend entry reading "modelbest model" helps no one.
  const companiesPresent = lookup.order(usable.map((p) => p.company_id).filter((id): id is string => !!id && lookup.get(id) !== undefined));
  const colored = new Set(companiesPresent);
  const refs = records.length
    ? referenceMonths.map((months, i) => ({months, dash: REFERENCE_DASHES[i % REFERENCE_DASHES.length], start: records[0]}))
    : [];
  const legend = layoutLegend(
    [
      {key: "record", label: t.record, swatch: swatches.dot("currentColor")},
      {key: "other", label: t.other, swatch: swatches.dot("currentColor", {hollow: true})},
      ...(windowed.length < usable.length ? [{key: "outside", label: t.outside, swatch: swatches.dot("currentColor", {hollow: true, opacity: 0.3})}] : []),
      ...companiesPresent.map((id) => ({key: `company-${id}`, label: t.companyModel(lookup.label(id)), swatch: swatches.dot(lookup.color(id))})),
      {key: "running-max", label: t.runningMax, swatch: swatches.line("currentColor", {width: 1.5, opacity: 0.6})},
      ...(fit ? [{key: "fit", label: t.fitted(formatMonths(fit.doubling_months)), swatch: swatches.line(FIT_COLOR, {width: 2.5})}] : []),
      ...refs.map((r) => ({key: `reference-${r.months}`, label: t.reference(r.months), swatch: swatches.line("currentColor", {dash: r.dash, width: 1.5, opacity: 0.7})}))
    ],
    width - 16
  );

  const captionText = fit ? t.caption(fit.n, recordsOnly, day(windowStart), day(windowEnd), describeFit(fit, lang), fit.r2.toFixed(2)) : t.noTrend(fitError);
  // The fit's numbers sit between the legend and the plot, wrapped to the width, so they never cover data.
  const captionLines = wrapText(captionText, (width - 24) / 1.12); // bold text runs about 12% wider
  const margin = {top: legend.height + captionLines.length * 13 + 34, right: 16, bottom: 40, left: 48};
  const innerWidth = Math.max(40, width - margin.left - margin.right);
  const innerHeight = Math.max(200, height - margin.top - margin.bottom);

  const pad = Math.max(15 * DAY_MS, (+last - +first) * 0.03);
  const x = d3.scaleUtc().domain([new Date(+first - pad), new Date(+last + pad)]).range([0, innerWidth]);
  const fitAt = (date: Date) => Math.exp(fit!.slope_per_day * tOf(date) + fit!.intercept);
  const refAt = (r: (typeof refs)[number], date: Date) => r.start.density! * 2 ** ((+date - +dateOf(r.start)) / DAY_MS / (r.months * DAYS_PER_MONTH));
  const lineEnd = windowEnd > last ? last : windowEnd;
  const lineStart = windowStart < first ? first : windowStart;
  const yValues = [
    ...usable.map((p) => p.density!),
    ...(fit ? [fitAt(lineStart), fitAt(lineEnd)] : []),
    ...refs.map((r) => refAt(r, lineEnd))
  ];
  const y = d3
    .scaleLog()
    .domain([(d3.min(yValues) ?? 0.01) / 1.5, (d3.max(yValues) ?? 10) * 1.5])
    .range([innerHeight, 0]);

  const description =
    t.description(usable.length, day(first), day(last), records.length, day(windowStart), day(windowEnd), captionText) +
    (refs.length ? t.references(refs.map((r) => r.months)) : "") +
    (windowed.length < usable.length ? t.dimmed(usable.length - windowed.length) : "") +
    (skipped ? t.skipped(skipped) : "");

  const frame = chartFrame({
    name: "density",
    title: t.title,
    lang,
    description,
    width,
    height: margin.top + innerHeight + margin.bottom,
    margin,
    sourceLine: sourceLine(
      usable.flatMap((p) => p.source_ids),
      sources,
      4,
      lang
    ),
    sources,
    table: {
      rows: [...usable]
        .sort((a, b) => +dateOf(a) - +dateOf(b) || b.density! - a.density!)
        .map((p) => ({
          model: p.model,
          released: day(dateOf(p)),
          params_b: p.params_b ?? null,
          density: p.density,
          record: recordIds.has(p.id) ? t.yes : "",
          in_window: inWindow(p) ? t.yes : t.no
        })),
      columns: ["model", "released", "params_b", "density", "record", "in_window"],
      labels: t.labels
    }
  });
  const {svg, plot} = frame;
  drawLegend(svg, legend, 8, 6);
  logTimeAxes(plot, {x, y, width: innerWidth, height: innerHeight, marginLeft: margin.left, format: d3.format("~g"), yLabel: t.yLabel, xLabel: t.xLabel});
  localizeTimeTicks(plot, lang);

  if (options.window) {
    plot
      .append("rect")
      .attr("class", "window")
      .attr("x", Math.max(0, x(windowStart)))
      .attr("width", Math.max(0, Math.min(innerWidth, x(windowEnd)) - Math.max(0, x(windowStart))))
      .attr("height", innerHeight)
      .attr("fill", "currentColor")
      .attr("fill-opacity", 0.04);
  }

  if (records.length) {
    const steps: [Date, number][] = records.map((p) => [dateOf(p), p.density!]);
    steps.push([lineEnd, records[records.length - 1].density!]);
    plot
      .append("path")
      .attr("class", "running-max")
      .attr("d", d3.line<[Date, number]>().x((d) => x(d[0])).y((d) => y(d[1])).curve(d3.curveStepAfter)(steps))
      .attr("fill", "none")
      .attr("stroke", "currentColor")
      .attr("stroke-opacity", 0.6)
      .attr("stroke-width", 1.5);
  }

  const refGroup = plot.append("g").attr("class", "references");
  const endLabels: {text: string; y: number; cls: string}[] = [];
  for (const r of refs) {
    const from = dateOf(r.start);
    refGroup
      .append("line")
      .attr("class", "reference")
      .attr("data-months", r.months)
      .attr("x1", x(from))
      .attr("y1", y(r.start.density!))
      .attr("x2", x(lineEnd))
      .attr("y2", y(refAt(r, lineEnd)))
      .attr("stroke", "currentColor")
      .attr("stroke-opacity", 0.7)
      .attr("stroke-width", 1.2)
      .attr("stroke-dasharray", r.dash);
    endLabels.push({text: t.endReference(r.months), y: y(refAt(r, lineEnd)), cls: "reference-label"});
  }
  if (fit) {
    plot
      .append("line")
      .attr("class", "fit-line")
      .attr("x1", x(lineStart))
      .attr("y1", y(fitAt(lineStart)))
      .attr("x2", x(lineEnd))
      .attr("y2", y(fitAt(lineEnd)))
      .attr("stroke", FIT_COLOR)
      .attr("stroke-width", 2.5);
    endLabels.push({text: t.endFit, y: y(fitAt(lineEnd)), cls: "fit-label"});
  }
  // Short end labels: the full wording is in the legend; these tie each line to its entry.
  const labelYs = dodge(
    endLabels.map((l) => l.y),
    12,
    6,
    innerHeight - 6
  );
  plot
    .append("g")
    .attr("class", "end-labels")
    .selectAll("text")
    .data(endLabels)
    .join("text")
    .attr("class", (l) => l.cls)
    .attr("x", Math.min(innerWidth, x(lineEnd)) - 4)
    .attr("y", (_, i) => labelYs[i])
    .attr("dy", "-0.3em")
    .attr("text-anchor", "end")
    .attr("fill", (l) => (l.cls === "fit-label" ? FIT_COLOR : "currentColor"))
    .attr("font-size", 10)
    .text((l) => l.text);

  drawFitCaption(svg, captionLines, legend.height + 20, {fill: fit ? FIT_COLOR : "currentColor", bold: true});

  const pointColor = (p: DensityPointRow) => (p.company_id && colored.has(p.company_id) ? lookup.color(p.company_id) : "currentColor");
  const ordered = [...usable].sort((a, b) => Number(recordIds.has(a.id)) - Number(recordIds.has(b.id)));
  const marks = plot
    .append("g")
    .attr("class", "marks")
    .selectAll("circle")
    .data(ordered)
    .join("circle")
    .attr("class", (p) => ["mark", recordIds.has(p.id) ? "record" : "", inWindow(p) ? "" : "outside"].filter(Boolean).join(" "))
    .attr("data-id", (p) => p.id)
    .attr("cx", (p) => x(dateOf(p)))
    .attr("cy", (p) => y(p.density!))
    .attr("r", (p) => (recordIds.has(p.id) ? 5 : 3.8))
    .attr("fill", pointColor)
    .attr("fill-opacity", (p) => (recordIds.has(p.id) ? 1 : 0))
    .attr("stroke", pointColor)
    .attr("stroke-width", 1.3)
    .attr("opacity", (p) => (inWindow(p) ? 1 : 0.3));
  frame.tooltip.attach(marks, (p) => ({
    title: p.model,
    lines: [
      t.released(day(dateOf(p))),
      t.density(d3.format(".3~g")(p.density!), p.params_b),
      ...(p.params_b ? [t.effective(d3.format(".3~g")(p.density! * p.params_b))] : []),
      ...(recordIds.has(p.id) ? [t.newMaximum] : []),
      ...(inWindow(p) ? [] : [t.outsideWindow]),
      ...(p.company_id ? [lookup.label(p.company_id)] : [])
    ],
    sources: p.source_ids
  }));
  return frame.figure;
}
