/**
 * "A GPT-4-level model on a device by the end of 2026", held against the data: the fitted record-density trend
 * extended from the date of the claim to its deadline, with the range the bootstrap interval of the doubling time
 * allows, and what that would make of a device-sized model (effective parameters = density × parameters).
 *
 * It stops short of a verdict on purpose. The data contain no effective size for GPT-4 (its size was never
 * disclosed, and it is not an open base model the paper could measure), so the comparison is left to the reader
 * and says so. It is also an extrapolation beyond the last point, and is labelled as one.
 */
import * as d3 from "./d3.js";
import {DENSITY_ORIGIN} from "../lib/tables/densityPoints.js";
import {runningMaxRecords} from "../lib/trend.js";
import {chartFrame, formatFactor, formatMonths, formatParams, sourceLine, type SourceIndex} from "./chart.js";
import {companyLabel, type CompanyRef} from "./companyLookup.js";
import {asDate, DAY_MS, daysFrom, isoDay} from "./cells.js";
import {logTimeAxes} from "./chartAxes.js";
import {drawLegend, layoutLegend, swatches} from "./chartLegend.js";
import {drawFitCaption, wrapText} from "./chartText.js";
import {captionedTable, elementMaker} from "./htmlElements.js";
import {FIT_COLOR, usablePoints, type DensityPointRow} from "./densityChart.js";
import type {Lang} from "./i18n.js";

/** What the projection needs of a fit: a density_fit row or the result of fitFor. */
export interface TrendLike {
  slope_per_day: number;
  intercept: number;
  /** t = 0 of the fit; default 2023-02-24. */
  origin?: Date | string | null;
  ci_low_days?: number | null;
  ci_high_days?: number | null;
  n?: number | null;
}

export interface ClaimLike {
  id?: string;
  claimant?: string | null;
  company_id?: string | null;
  date: Date | string | null;
  date_raw?: string | null;
  value?: number | null;
  unit?: string | null;
  statement?: string | null;
  source_ids?: readonly string[];
}

export interface Projection {
  from: string;
  to: string;
  days: number;
  /** Doublings of the trend between the two dates. */
  doublings: number;
  /** Factor by which trend density grows between the dates. */
  growth: number;
  /** The factor at the slow and fast ends of the doubling time's interval; null without an interval. */
  growth_low: number | null;
  growth_high: number | null;
  /** Trend density on the two dates. */
  density_from: number;
  density_to: number;
  /** Trend density at the end date for the slow and fast ends of the interval, pivoting on density_from. */
  density_to_low: number | null;
  density_to_high: number | null;
}

export interface DeviceProjectionOptions {
  /** The page's language: every word the chart shows follows it. */
  lang?: Lang;
  /** The density fit to extend: the "records" row of density_fit (the paper's method), or fitFor's result. */
  fit: TrendLike;
  /** The claim to test (a device_timeline row); its date starts the projection and its year ends it. */
  claim?: ClaimLike | null;
  /** Width in pixels; adapts down to 320. Default 640. */
  width?: number;
  /** Height of the SVG in pixels, legend and caption included. Default 340. */
  height?: number;
  /** Device-sized models to translate into effective parameters, in billions. Default [4, 8]. */
  deviceSizesB?: readonly number[];
  /** End of the projection; default the end of the claim's year, or 2026-12-31. */
  toDate?: Date | string;
  /** Sources by id (indexSources of the sources table), for the tooltips and the source line. */
  sources?: SourceIndex;
  /** Rows of the companies table, to name the claimant's company in Chinese and English. */
  companies?: readonly CompanyRef[];
}

/** The start used when no claim is given: Li Dahai restating the 2026 target on stage (2024-07-19). */
export const DEFAULT_FROM = "2024-07-19";
export const DEFAULT_TO = "2026-12-31";

/**
 * How far the fitted trend moves between two dates: growth = exp(slope × days), and the densities on the trend
 * line at both ends. The range uses the doubling time's interval with the start fixed on the trend.
 */
export function projectDensity(fit: TrendLike, fromDate: Date | string, toDate: Date | string): Projection {
  const origin = asDate(fit.origin ?? DENSITY_ORIGIN)!;
  const from = asDate(fromDate)!;
  const to = asDate(toDate)!;
  if (!from || !to) throw new Error("projectDensity: fromDate and toDate must be dates");
  const days = daysFrom(from, to);
  const densityAt = (date: Date) => Math.exp(fit.slope_per_day * daysFrom(origin, date) + fit.intercept);
  const growth = Math.exp(fit.slope_per_day * days);
  const rate = (doublingDays: number | null | undefined) => (doublingDays && doublingDays > 0 ? 2 ** (days / doublingDays) : null);
  const growthLow = rate(fit.ci_high_days);
  const growthHigh = rate(fit.ci_low_days);
  const densityFrom = densityAt(from);
  return {
    from: isoDay(from),
    to: isoDay(to),
    days,
    doublings: (fit.slope_per_day * days) / Math.LN2,
    growth,
    growth_low: growthLow,
    growth_high: growthHigh,
    density_from: densityFrom,
    density_to: densityAt(to),
    density_to_low: growthLow === null ? null : densityFrom * growthLow,
    density_to_high: growthHigh === null ? null : densityFrom * growthHigh
  };
}

export function deviceProjection(points: readonly DensityPointRow[], options: DeviceProjectionOptions): HTMLElement {
  const {fit, claim, width = 640, height = 340, deviceSizesB = [4, 8], sources = new Map(), companies = []} = options;
  const fromDate = asDate(claim?.date ?? null) ?? asDate(DEFAULT_FROM)!;
  const toDate =
    asDate(options.toDate ?? null) ?? (claim?.unit === "year" && typeof claim.value === "number" ? asDate(`${claim.value}-12-31`)! : asDate(DEFAULT_TO)!);
  const p = projectDensity(fit, fromDate, toDate);
  const origin = asDate(fit.origin ?? DENSITY_ORIGIN)!;
  const trendAt = (date: Date) => Math.exp(fit.slope_per_day * daysFrom(origin, date) + fit.intercept);

  const usable = usablePoints(points);
  const dateOf = (d: DensityPointRow) => asDate(d.release_date)!;
  const records = runningMaxRecords(usable, (d) => +dateOf(d) / DAY_MS, (d) => d.density!);
  const lastPoint = usable.length ? (d3.max(usable, dateOf) as Date) : fromDate;
  const firstPoint = usable.length ? (d3.min(usable, dateOf) as Date) : fromDate;
  const monthsBeyond = Math.max(0, Math.round(daysFrom(lastPoint, toDate) / 30.44));
  const claimLabel = claim ? `${claim.claimant ?? "the claim"}, ${claim.date_raw ?? p.from}` : `from ${p.from}`;
  const company = claim?.company_id ? companies.find((c) => c.company_id === claim.company_id) : undefined;

  const range = p.growth_low !== null && p.growth_high !== null ? ` (95% range ${formatFactor(p.growth_low)} to ${formatFactor(p.growth_high)})` : "";
  const captionText =
    `From ${p.from} to ${p.to} the fitted record trend multiplies density ${formatFactor(p.growth)}${range}: ` +
    `${p.doublings.toFixed(1)} doublings, ${monthsBeyond} months of it beyond the last data point (${isoDay(lastPoint)}).`;
  const captionLines = wrapText(captionText, width - 16);
  const legend = layoutLegend(
    [
      {key: "record", label: "record model", swatch: swatches.dot("currentColor")},
      {key: "trend", label: "fitted trend", swatch: swatches.line(FIT_COLOR, {width: 2.5})},
      {key: "projection", label: "trend extended", swatch: swatches.line(FIT_COLOR, {width: 2, dash: "5 3"})},
      ...(range ? [{key: "range", label: "95% range of the doubling time", swatch: swatches.rect(`${FIT_COLOR}33`)}] : [])
    ],
    width - 16
  );
  const margin = {top: legend.height + captionLines.length * 13 + 34, right: 16, bottom: 40, left: 48};
  const innerWidth = Math.max(40, width - margin.left - margin.right);
  const innerHeight = Math.max(160, height - margin.top - margin.bottom);

  const x = d3
    .scaleUtc()
    .domain([new Date(+firstPoint - 30 * DAY_MS), new Date(+toDate + 45 * DAY_MS)])
    .range([0, innerWidth]);
  const yValues = [...records.map((d) => d.density!), p.density_to, p.density_to_high ?? p.density_to, trendAt(firstPoint)];
  const y = d3
    .scaleLog()
    .domain([(d3.min(yValues) ?? 0.01) / 1.5, (d3.max(yValues) ?? 10) * 1.5])
    .range([innerHeight, 0]);

  const description =
    `Line chart of record capability density (log scale) over time with the fitted densing-law trend extended to ${p.to}. ` +
    `${records.length} record-setting models from ${isoDay(firstPoint)} to ${isoDay(lastPoint)} are drawn. ${captionText} ` +
    `The data hold no effective size for GPT-4, so the chart does not say whether the target is met.`;

  const frame = chartFrame({
    name: "device-projection",
    title: "A GPT-4-level model on a device by the end of 2026?",
    description,
    width,
    height: margin.top + innerHeight + margin.bottom,
    margin,
    sourceLine: sourceLine(
      [...records.flatMap((d) => d.source_ids), ...(claim?.source_ids ?? [])],
      sources
    ),
    sources,
    table: {
      rows: records.map((d) => ({model: d.model, released: isoDay(dateOf(d)), density: d.density, params_b: d.params_b ?? null})),
      columns: ["model", "released", "density", "params_b"],
      labels: {model: "Record model", released: "Released", density: "Density", params_b: "Parameters (B)"}
    }
  });
  const {svg, plot} = frame;
  drawLegend(svg, legend, 8, 6);
  drawFitCaption(svg, captionLines, legend.height + 20);
  logTimeAxes(plot, {x, y, width: innerWidth, height: innerHeight, marginLeft: margin.left, format: d3.format("~g"), yLabel: "Capability density (log scale)", xLabel: "Date"});

  if (p.density_to_low !== null && p.density_to_high !== null) {
    plot
      .append("path")
      .attr("class", "projection-range")
      .attr(
        "d",
        `M${x(fromDate)},${y(p.density_from)}L${x(toDate)},${y(p.density_to_high)}L${x(toDate)},${y(p.density_to_low)}Z`
      )
      .attr("fill", FIT_COLOR)
      .attr("fill-opacity", 0.15);
  }
  // The trend is exponential and y is log, so any stretch of it is a straight segment.
  const trendSegment = (cls: string, from: Date, to: Date) =>
    plot
      .append("line")
      .attr("class", cls)
      .attr("x1", x(from))
      .attr("y1", y(trendAt(from)))
      .attr("x2", x(to))
      .attr("y2", y(trendAt(to)))
      .attr("stroke", FIT_COLOR);
  trendSegment("fit-line", firstPoint, lastPoint).attr("stroke-width", 2.5);
  trendSegment("projection-line", lastPoint, toDate).attr("stroke-width", 2).attr("stroke-dasharray", "5 3");

  const rules = [
    {date: fromDate, label: claim ? `claim, ${p.from}` : p.from, cls: "rule-from"},
    {date: toDate, label: `deadline, ${p.to}`, cls: "rule-to"}
  ];
  const ruleGroup = plot.append("g").attr("class", "rules");
  for (const [i, r] of rules.entries()) {
    ruleGroup
      .append("line")
      .attr("class", r.cls)
      .attr("x1", x(r.date))
      .attr("x2", x(r.date))
      .attr("y1", 0)
      .attr("y2", innerHeight)
      .attr("stroke", "currentColor")
      .attr("stroke-opacity", 0.5)
      .attr("stroke-dasharray", "2 2");
    // The deadline sits at the right edge, so its label reads leftwards; the claim's label goes below it.
    ruleGroup
      .append("text")
      .attr("class", `${r.cls}-label`)
      .attr("x", x(r.date) + (i === 1 ? -4 : 4))
      .attr("y", innerHeight - 6 - (i === 1 ? 0 : 12))
      .attr("text-anchor", i === 1 ? "end" : "start")
      .attr("font-size", 10)
      .attr("fill", "currentColor")
      .text(r.label);
  }
  plot
    .append("text")
    .attr("class", "projection-label")
    .attr("x", x(toDate) - 6)
    .attr("y", y(p.density_to))
    .attr("dy", "-0.5em")
    .attr("text-anchor", "end")
    .attr("font-size", 10)
    .attr("fill", FIT_COLOR)
    .text(`density ≈ ${d3.format(",.3~r")(p.density_to)}`);

  const marks = plot
    .append("g")
    .attr("class", "marks")
    .selectAll("circle")
    .data(records)
    .join("circle")
    .attr("class", "mark record")
    .attr("data-id", (d) => d.id)
    .attr("cx", (d) => x(dateOf(d)))
    .attr("cy", (d) => y(d.density!))
    .attr("r", 4.5)
    .attr("fill", "currentColor");
  frame.tooltip.attach(marks, (d) => ({
    title: d.model,
    lines: [
      `Released ${isoDay(dateOf(d))} · density ${d3.format(".3~g")(d.density!)}`,
      ...(d.params_b ? [`${d.params_b}B parameters, effective ≈ ${formatParams(d.params_b * d.density!)}`] : [])
    ],
    sources: d.source_ids
  }));

  // The numbers a reader needs to make the comparison themselves.
  const el = elementMaker(frame.figure.ownerDocument);
  const block = el("div", "atlas-projection");
  if (claim?.statement) {
    const said = el("p", "atlas-note projection-claim");
    said.textContent = `${claim.claimant ?? "The claim"}${company ? ` (${companyLabel(company)})` : ""}, ${claim.date_raw ?? p.from}: ${claim.statement}`;
    block.append(said);
  }
  const {wrapper, tbody} = captionedTable(el, {
    caption: "What a device-sized model would amount to on the record trend (effective parameters = density × parameters)",
    headers: ["Model size", `Effective size on the trend, ${p.from}`, `Effective size on the trend, ${p.to}`, "95% range"],
    className: "projection-table"
  });
  for (const size of deviceSizesB) {
    const tr = el("tr");
    tr.dataset.size = String(size);
    const th = el("th", undefined, formatParams(size));
    th.scope = "row";
    tr.append(
      th,
      el("td", "numeric", formatParams(size * p.density_from)),
      el("td", "numeric", formatParams(size * p.density_to)),
      el("td", "numeric", p.density_to_low !== null && p.density_to_high !== null ? `${formatParams(size * p.density_to_low)} – ${formatParams(size * p.density_to_high)}` : "n/a")
    );
    tbody.append(tr);
  }
  block.append(wrapper);
  const caveat = el("p", "atlas-note projection-caveat");
  caveat.textContent =
    `The data contain no effective parameter count for GPT-4: OpenAI never disclosed its size, and the densing-law paper measured only open base models. ` +
    `So whether, say, a ${formatParams(deviceSizesB[0] ?? 4)} model "worth" ${formatParams((deviceSizesB[0] ?? 4) * p.density_to)} reaches GPT-4 level is a comparison the reader must make with a figure from elsewhere. ` +
    `The projection assumes the record trend (doubling every ${formatMonths(Math.LN2 / fit.slope_per_day / 30.44)} months) simply continues for ${monthsBeyond} months past the last point; ` +
    `densities are relative to the paper's small reference models, and nothing here accounts for a device's memory, compute or power.`;
  block.append(caveat);
  frame.figure.insertBefore(block, frame.figure.querySelector("figcaption"));
  return frame.figure;
}
