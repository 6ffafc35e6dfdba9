/**
 * The price of a fixed level of capability: API price per million tokens (log scale) of models at about GPT-3.5
 * level, from the densing-law paper's Fig. 3a. The cheapest models at each moment form a falling line; an
 * exponential fitted to them (the same least squares as the density trend, on ln price) gives the halving time.
 */
import * as d3 from "./d3.js";
import {DAYS_PER_MONTH, fitExponential} from "../lib/trend.js";
import {chartFrame, formatMonths, sourceLine, type SourceIndex} from "./chart.js";
import {asDate, byDateThenId, DAY_MS, daysFrom, isoDay} from "./cells.js";
import {logTimeAxes} from "./chartAxes.js";
import {drawLegend, layoutLegend, swatches} from "./chartLegend.js";
import {drawFitCaption, placeLabels, wrapText} from "./chartText.js";
import type {Lang} from "./i18n.js";

export interface PriceRow {
  id: string;
  model: string;
  date: Date | string | null;
  price_usd_per_mtok: number | null;
  on_cheapest_line?: boolean | null;
  source_ids: readonly string[];
  confidence?: string | null;
}

export interface PriceChartOptions {
  /** The page's language: every word the chart shows follows it. */
  lang?: Lang;
  /** Width in pixels; adapts down to 320 (fewer ticks, no point labels, wrapped legend). Default 640. */
  width?: number;
  /** Height of the SVG in pixels, legend included. Default 360. */
  height?: number;
  /** Sources by id (indexSources of the sources table), for the tooltips and the source line. */
  sources?: SourceIndex;
}

export interface PriceHalving {
  /** Points on the cheapest line that were fitted. */
  n: number;
  /** d ln(price) / dt, per day; negative when prices fall. */
  slope_per_day: number;
  /** ln(price) at the origin. */
  intercept: number;
  /** ISO date of t = 0: the first cheapest-line point. */
  origin: string;
  r2: number;
  /** ln 2 ÷ −slope; Infinity when prices do not fall. */
  days: number;
  /** The halving time in months of 30.44 days. */
  months: number;
  /** First cheapest price ÷ last cheapest price (the paper's 266.7×). */
  fall: number;
  first: {model: string; date: string; price: number};
  last: {model: string; date: string; price: number};
}

/** Accent of the cheapest line; legible on light and dark backgrounds. */
export const CHEAPEST_COLOR = "#2a9d3a";

function usable(prices: readonly PriceRow[]): PriceRow[] {
  return prices.filter((p) => asDate(p.date) !== null && typeof p.price_usd_per_mtok === "number" && p.price_usd_per_mtok > 0);
}

function cheapestLine(prices: readonly PriceRow[]): PriceRow[] {
  return usable(prices)
    .filter((p) => p.on_cheapest_line)
    .sort(byDateThenId((p) => p.date));
}

/**
 * How fast the cheapest price falls: least squares of ln(price) on days over the cheapest-line points (the
 * paper's 2.6 months; these points give about 2.5). Throws with fewer than two such points on distinct dates.
 */
export function priceHalving(prices: readonly PriceRow[]): PriceHalving {
  const line = cheapestLine(prices);
  if (line.length < 2) throw new Error(`priceHalving: need at least 2 cheapest-line points, got ${line.length}`);
  const origin = asDate(line[0].date)!;
  const fit = fitExponential(line.map((p) => ({t: daysFrom(origin, asDate(p.date)!), y: p.price_usd_per_mtok!})));
  const days = fit.slope < 0 ? Math.LN2 / -fit.slope : Infinity;
  const point = (p: PriceRow) => ({model: p.model, date: isoDay(asDate(p.date)!), price: p.price_usd_per_mtok!});
  return {
    n: fit.n,
    slope_per_day: fit.slope,
    intercept: fit.intercept,
    origin: isoDay(origin),
    r2: fit.r2,
    days,
    months: days / DAYS_PER_MONTH,
    fall: line[0].price_usd_per_mtok! / line[line.length - 1].price_usd_per_mtok!,
    first: point(line[0]),
    last: point(line[line.length - 1])
  };
}

const formatPrice = (v: number) => `$${d3.format("~g")(v)}`;

export function priceChart(prices: readonly PriceRow[], options: PriceChartOptions = {}): HTMLElement {
  const {width = 640, height = 360, sources = new Map()} = options;
  const rows = usable(prices);
  const skipped = prices.length - rows.length;
  const line = cheapestLine(prices);
  let halving: PriceHalving | null = null;
  try {
    halving = priceHalving(prices);
  } catch {
    halving = null;
  }

  const legend = layoutLegend(
    [
      {key: "cheapest", label: "cheapest at the time", swatch: swatches.dot(CHEAPEST_COLOR)},
      {key: "other", label: "other model", swatch: swatches.dot("currentColor", {hollow: true})},
      ...(halving ? [{key: "fit", label: `fitted: halving every ${formatMonths(halving.months)} months`, swatch: swatches.line(CHEAPEST_COLOR, {dash: "5 3", width: 1.5})}] : [])
    ],
    width - 16
  );
  const captionText = halving
    ? `The cheapest price fell ${d3.format(".4~r")(halving.fall)}-fold, from ${formatPrice(halving.first.price)} (${halving.first.model}, ${halving.first.date}) to ${formatPrice(halving.last.price)} (${halving.last.model}, ${halving.last.date}): halving every ${formatMonths(halving.months)} months (${Math.round(halving.days)} days, fit over ${halving.n} points, R² ${halving.r2.toFixed(2)}).`
    : "Too few cheapest-line points to fit a halving time.";
  const captionLines = wrapText(captionText, width - 16);
  const margin = {top: legend.height + captionLines.length * 13 + 34, right: 16, bottom: 40, left: 48};
  const innerWidth = Math.max(40, width - margin.left - margin.right);
  const innerHeight = Math.max(160, height - margin.top - margin.bottom);

  const dates = rows.map((p) => asDate(p.date)!);
  const [d0, d1] = dates.length ? (d3.extent(dates) as [Date, Date]) : [new Date("2023-01-01T00:00:00Z"), new Date("2025-01-01T00:00:00Z")];
  const pad = Math.max(20 * DAY_MS, (+d1 - +d0) * 0.04);
  const x = d3.scaleUtc().domain([new Date(+d0 - pad), new Date(+d1 + pad)]).range([0, innerWidth]);
  const values = rows.map((p) => p.price_usd_per_mtok!);
  const y = d3
    .scaleLog()
    .domain([(d3.min(values) ?? 0.1) / 1.6, (d3.max(values) ?? 10) * 1.6])
    .range([innerHeight, 0]);

  const description =
    `Scatter plot of API price in US dollars per million tokens (log scale) against date for ${rows.length} models at about GPT-3.5 level, ` +
    (dates.length ? `${isoDay(d0)} to ${isoDay(d1)}, ` : "") +
    `from the densing-law paper. The ${line.length} models that were the cheapest at their time are joined by a line. ${captionText}` +
    (skipped ? ` ${skipped} row${skipped === 1 ? "" : "s"} without a date or price ${skipped === 1 ? "is" : "are"} not drawn.` : "");

  const frame = chartFrame({
    name: "price",
    title: "Price of GPT-3.5-level output over time",
    description,
    width,
    height: margin.top + innerHeight + margin.bottom,
    margin,
    sourceLine: sourceLine(
      rows.flatMap((p) => p.source_ids),
      sources
    ),
    sources,
    table: {
      rows: [...rows]
        .sort(byDateThenId((p) => p.date))
        .map((p) => ({model: p.model, date: isoDay(asDate(p.date)!), price: p.price_usd_per_mtok, cheapest: p.on_cheapest_line ? "yes" : ""})),
      columns: ["model", "date", "price", "cheapest"],
      labels: {model: "Model", date: "Date", price: "USD per million tokens", cheapest: "On the cheapest line"}
    }
  });
  const {svg, plot} = frame;
  drawLegend(svg, legend, 8, 6);
  drawFitCaption(svg, captionLines, legend.height + 20);
  logTimeAxes(plot, {x, y, width: innerWidth, height: innerHeight, marginLeft: margin.left, format: formatPrice, yLabel: "USD per million tokens (log scale)", xLabel: "Date"});

  plot
    .append("path")
    .attr("class", "cheapest-line")
    .attr("d", d3.line<PriceRow>().x((p) => x(asDate(p.date)!)).y((p) => y(p.price_usd_per_mtok!))(line) ?? "")
    .attr("fill", "none")
    .attr("stroke", CHEAPEST_COLOR)
    .attr("stroke-width", 2);
  if (halving) {
    const origin = asDate(halving.origin)!;
    const at = (date: Date) => Math.exp(halving!.intercept + halving!.slope_per_day * daysFrom(origin, date));
    const start = asDate(halving.first.date)!;
    const end = asDate(halving.last.date)!;
    plot
      .append("line")
      .attr("class", "fit-line")
      .attr("x1", x(start))
      .attr("y1", y(at(start)))
      .attr("x2", x(end))
      .attr("y2", y(at(end)))
      .attr("stroke", CHEAPEST_COLOR)
      .attr("stroke-width", 1.5)
      .attr("stroke-dasharray", "5 3");
  }

  const marks = plot
    .append("g")
    .attr("class", "marks")
    .selectAll("circle")
    .data(rows)
    .join("circle")
    .attr("class", (p) => (p.on_cheapest_line ? "mark cheapest" : "mark"))
    .attr("data-id", (p) => p.id)
    .attr("cx", (p) => x(asDate(p.date)!))
    .attr("cy", (p) => y(p.price_usd_per_mtok!))
    .attr("r", 5)
    .attr("fill", (p) => (p.on_cheapest_line ? CHEAPEST_COLOR : "currentColor"))
    .attr("fill-opacity", (p) => (p.on_cheapest_line ? 1 : 0))
    .attr("stroke", (p) => (p.on_cheapest_line ? CHEAPEST_COLOR : "currentColor"))
    .attr("stroke-width", 1.5);
  frame.tooltip.attach(marks, (p) => ({
    title: p.model,
    lines: [`${formatPrice(p.price_usd_per_mtok!)} per million tokens · ${isoDay(asDate(p.date)!)}`, ...(p.on_cheapest_line ? ["The cheapest GPT-3.5-level option at the time"] : [])],
    sources: p.source_ids
  }));

  // Names next to the points where there is room; the tooltips and the data table always have them.
  if (width >= 480) {
    const placed = placeLabels(
      rows.map((p) => ({x: x(asDate(p.date)!), y: y(p.price_usd_per_mtok!), text: p.model})),
      innerWidth,
      innerHeight,
      {fontSize: 10, radius: 5}
    );
    const labelled = rows.map((p, i) => ({p, at: placed[i]})).filter((d) => d.at !== null);
    plot
      .append("g")
      .attr("class", "point-labels")
      .selectAll("text")
      .data(labelled)
      .join("text")
      .attr("x", (d) => d.at!.x)
      .attr("y", (d) => d.at!.y)
      .attr("text-anchor", (d) => d.at!.anchor)
      .attr("dy", "0.35em")
      .attr("font-size", 10)
      .attr("fill", "currentColor")
      .text((d) => d.p.model);
  }
  return frame.figure;
}
