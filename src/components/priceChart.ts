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
import {bilingual, formatDay, type Lang} from "./i18n.js";
import {localizeTimeTicks} from "./chartWords.js";

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
const formatPriceZh = (v: number) => `${d3.format("~g")(v)}美元`;

type Point = {model: string; date: string; price: number};

const TEXT = bilingual({
  en: {
    title: "Price of GPT-3.5-level output over time",
    price: formatPrice,
    /** Ticks of the price axis; its label names the currency in Chinese, so the ticks there are bare numbers. */
    tick: formatPrice,
    cheapest: "cheapest at the time",
    other: "other model",
    fitted: (months: string) => `fitted: halving every ${months} months`,
    caption: (fall: string, first: Point, last: Point, months: string, days: number, n: number, r2: string) =>
      `The cheapest price fell ${fall}-fold, from ${formatPrice(first.price)} (${first.model}, ${first.date}) to ${formatPrice(last.price)} (${last.model}, ${last.date}): halving every ${months} months (${days} days, fit over ${n} points, R² ${r2}).`,
    noFit: "Too few cheapest-line points to fit a halving time.",
    description: (n: number, range: string, cheapest: number, caption: string) =>
      `Scatter plot of API price in US dollars per million tokens (log scale) against date for ${n} models at about GPT-3.5 level, ` +
      range +
      `from the densing-law paper. The ${cheapest} models that were the cheapest at their time are joined by a line. ${caption}`,
    range: (from: string, to: string) => `${from} to ${to}, `,
    skipped: (n: number) => ` ${n} row${n === 1 ? "" : "s"} without a date or price ${n === 1 ? "is" : "are"} not drawn.`,
    yes: "yes",
    labels: {model: "Model", date: "Date", price: "USD per million tokens", cheapest: "On the cheapest line"},
    yLabel: "USD per million tokens (log scale)",
    xLabel: "Date",
    perMillion: (price: string, date: string) => `${price} per million tokens · ${date}`,
    cheapestThen: "The cheapest GPT-3.5-level option at the time"
  },
  zh: {
    title: "GPT-3.5 水平输出的价格变化",
    price: formatPriceZh,
    tick: d3.format("~g"),
    cheapest: "当时最便宜",
    other: "其他模型",
    fitted: (months: string) => `拟合：每${months}个月减半`,
    caption: (fall: string, first: Point, last: Point, months: string, days: number, n: number, r2: string) =>
      `最低价格从${formatPriceZh(first.price)}（${first.model}，${first.date}）降至${formatPriceZh(last.price)}（${last.model}，${last.date}），只有原来的1/${fall}：` +
      `每${months}个月减半（${days}天，基于${n}个点拟合，R² ${r2}）。`,
    noFit: "“最便宜”折线上的点太少，无法拟合减半时间。",
    description: (n: number, range: string, cheapest: number, caption: string) =>
      `散点图：约 GPT-3.5 水平的${n}个模型的 API 价格（美元/百万 tokens，对数刻度）随日期的变化，${range}数据来自“密度法则”论文。` +
      `当时最便宜的${cheapest}个模型以折线相连。${caption}`,
    range: (from: string, to: string) => `${from}至${to}，`,
    skipped: (n: number) => `另有${n}行缺少日期或价格，未画出。`,
    yes: "是",
    labels: {model: "模型", date: "日期", price: "美元/百万 tokens", cheapest: "在“最便宜”折线上"},
    yLabel: "美元/百万 tokens（对数刻度）",
    xLabel: "日期",
    perMillion: (price: string, date: string) => `每百万 tokens ${price} · ${date}`,
    cheapestThen: "当时最便宜的 GPT-3.5 水平选择"
  }
});

export function priceChart(prices: readonly PriceRow[], options: PriceChartOptions = {}): HTMLElement {
  const {width = 640, height = 360, sources = new Map(), lang = "en"} = options;
  const t = TEXT(lang);
  const day = (date: Date) => formatDay(date, lang);
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
      {key: "cheapest", label: t.cheapest, swatch: swatches.dot(CHEAPEST_COLOR)},
      {key: "other", label: t.other, swatch: swatches.dot("currentColor", {hollow: true})},
      ...(halving ? [{key: "fit", label: t.fitted(formatMonths(halving.months)), swatch: swatches.line(CHEAPEST_COLOR, {dash: "5 3", width: 1.5})}] : [])
    ],
    width - 16
  );
  const point = (q: Point): Point => ({...q, date: day(asDate(q.date)!)});
  const captionText = halving
    ? t.caption(d3.format(".4~r")(halving.fall), point(halving.first), point(halving.last), formatMonths(halving.months), Math.round(halving.days), halving.n, halving.r2.toFixed(2))
    : t.noFit;
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

  const description = t.description(rows.length, dates.length ? t.range(day(d0), day(d1)) : "", line.length, captionText) + (skipped ? t.skipped(skipped) : "");

  const frame = chartFrame({
    name: "price",
    title: t.title,
    lang,
    description,
    width,
    height: margin.top + innerHeight + margin.bottom,
    margin,
    sourceLine: sourceLine(
      rows.flatMap((p) => p.source_ids),
      sources,
      4,
      lang
    ),
    sources,
    table: {
      rows: [...rows]
        .sort(byDateThenId((p) => p.date))
        .map((p) => ({model: p.model, date: day(asDate(p.date)!), price: p.price_usd_per_mtok, cheapest: p.on_cheapest_line ? t.yes : ""})),
      columns: ["model", "date", "price", "cheapest"],
      labels: t.labels
    }
  });
  const {svg, plot} = frame;
  drawLegend(svg, legend, 8, 6);
  drawFitCaption(svg, captionLines, legend.height + 20);
  logTimeAxes(plot, {x, y, width: innerWidth, height: innerHeight, marginLeft: margin.left, format: t.tick, yLabel: t.yLabel, xLabel: t.xLabel});
  localizeTimeTicks(plot, lang);

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
    lines: [t.perMillion(t.price(p.price_usd_per_mtok!), day(asDate(p.date)!)), ...(p.on_cheapest_line ? [t.cheapestThen] : [])],
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
