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
import type {Lang} from "./i18n.js";

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

/** "doubling every 3.5 months (95% CI 2.9–4.9)" */
export function describeFit(fit: DensingTrend): string {
  return `doubling every ${formatMonths(fit.doubling_months)} months (95% CI ${formatMonths(fit.ci_low_months)}–${formatMonths(fit.ci_high_months)})`;
}

export function densityChart(points: readonly DensityPointRow[], options: DensityChartOptions = {}): HTMLElement {
  const {width = 640, height = 440, recordsOnly = true, referenceMonths = [3.3, 3.5, 8], sources = new Map(), companies = []} = options;
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
    fitError = `too few ${recordsOnly ? "record-setting " : ""}models in the window to fit a trend`;
  }

  const lookup = companyLookup(companies);
  // Company colours only when the page names the companies: a legend entry reading "modelbest model" helps no one.
  const companiesPresent = lookup.order(usable.map((p) => p.company_id).filter((id): id is string => !!id && lookup.get(id) !== undefined));
  const colored = new Set(companiesPresent);
  const refs = records.length
    ? referenceMonths.map((months, i) => ({months, dash: REFERENCE_DASHES[i % REFERENCE_DASHES.length], start: records[0]}))
    : [];
  const legend = layoutLegend(
    [
      {key: "record", label: "record (new maximum)", swatch: swatches.dot("currentColor")},
      {key: "other", label: "other model", swatch: swatches.dot("currentColor", {hollow: true})},
      ...(windowed.length < usable.length ? [{key: "outside", label: "outside the window", swatch: swatches.dot("currentColor", {hollow: true, opacity: 0.3})}] : []),
      ...companiesPresent.map((id) => ({key: `company-${id}`, label: `${lookup.label(id)} model`, swatch: swatches.dot(lookup.color(id))})),
      {key: "running-max", label: "running maximum", swatch: swatches.line("currentColor", {width: 1.5, opacity: 0.6})},
      ...(fit ? [{key: "fit", label: `fitted trend (${formatMonths(fit.doubling_months)} months)`, swatch: swatches.line(FIT_COLOR, {width: 2.5})}] : []),
      ...refs.map((r) => ({key: `reference-${r.months}`, label: `doubling every ${r.months} months`, swatch: swatches.line("currentColor", {dash: r.dash, width: 1.5, opacity: 0.7})}))
    ],
    width - 16
  );

  const captionText = fit
    ? `Fitted on ${fit.n} ${recordsOnly ? "record-setting " : ""}model${fit.n === 1 ? "" : "s"} released ${isoDay(windowStart)} to ${isoDay(windowEnd)}: ${describeFit(fit)}, R² ${fit.r2.toFixed(2)}.`
    : `No trend: ${fitError}.`;
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
    `Scatter plot of capability density (log scale) against release date for ${usable.length} open base models from the densing-law paper, ` +
    `${isoDay(first)} to ${isoDay(last)}. ${records.length} record-setting model${records.length === 1 ? "" : "s"} in the window ${isoDay(windowStart)} to ${isoDay(windowEnd)} ` +
    `form the running maximum, drawn as a step line. ${captionText}` +
    (refs.length ? ` Dashed reference lines through the first record show doubling every ${refs.map((r) => r.months).join(", ")} months.` : "") +
    (windowed.length < usable.length ? ` ${usable.length - windowed.length} models outside the window are dimmed.` : "") +
    (skipped ? ` ${skipped} point${skipped === 1 ? "" : "s"} without a date or density ${skipped === 1 ? "is" : "are"} not drawn.` : "");

  const frame = chartFrame({
    name: "density",
    title: "Capability density of open models over time",
    description,
    width,
    height: margin.top + innerHeight + margin.bottom,
    margin,
    sourceLine: sourceLine(
      usable.flatMap((p) => p.source_ids),
      sources
    ),
    sources,
    table: {
      rows: [...usable]
        .sort((a, b) => +dateOf(a) - +dateOf(b) || b.density! - a.density!)
        .map((p) => ({
          model: p.model,
          released: isoDay(dateOf(p)),
          params_b: p.params_b ?? null,
          density: p.density,
          record: recordIds.has(p.id) ? "yes" : "",
          in_window: inWindow(p) ? "yes" : "no"
        })),
      columns: ["model", "released", "params_b", "density", "record", "in_window"],
      labels: {model: "Model", released: "Released", params_b: "Parameters (B)", density: "Density", record: "Record in window", in_window: "In window"}
    }
  });
  const {svg, plot} = frame;
  drawLegend(svg, legend, 8, 6);
  logTimeAxes(plot, {x, y, width: innerWidth, height: innerHeight, marginLeft: margin.left, format: d3.format("~g"), yLabel: "Capability density (log scale)", xLabel: "Release date"});

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
    endLabels.push({text: `${r.months} mo`, y: y(refAt(r, lineEnd)), cls: "reference-label"});
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
    endLabels.push({text: "fit", y: y(fitAt(lineEnd)), cls: "fit-label"});
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
      `Released ${isoDay(dateOf(p))} (as plotted in the paper)`,
      `Capability density ${d3.format(".3~g")(p.density!)}${p.params_b ? ` · ${p.params_b}B parameters` : ""}`,
      ...(p.params_b ? [`Effective size ≈ ${d3.format(".3~g")(p.density! * p.params_b)}B (density × parameters)`] : []),
      ...(recordIds.has(p.id) ? ["Sets a new maximum in the window"] : []),
      ...(inWindow(p) ? [] : ["Outside the fitted window"]),
      ...(p.company_id ? [lookup.label(p.company_id)] : [])
    ],
    sources: p.source_ids
  }));
  return frame.figure;
}
