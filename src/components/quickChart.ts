/**
 * A quick look at a query result: the reader picks x, y and (optionally) colour columns and gets a
 * sensible chart for their types: points over a number or date axis, or horizontal bars over categories.
 * One mark per row that has both values; rows without them are counted in the description.
 */
import * as d3 from "./d3.js";
import {chartFrame, FRAME_TEXT, LICENCE} from "./chart.js";
import {formatValue} from "./dataTable.js";
import {localizeTimeTicks} from "./chartWords.js";
import {bilingual, formatDay, type Lang} from "./i18n.js";

/** Column names are the tables' SQL names in both languages; only the chart's own words change. */
const TEXT = bilingual({
  en: {
    title: (x: string, y: string) => `${y} by ${x}`,
    description: (bars: boolean, n: number, x: string, y: string, color: string | null, skipped: number) =>
      `${bars ? "Bars" : "Points"}: ${n} rows with ${x} and a numeric ${y}${color ? `, coloured by ${color}` : ""}.${skipped ? ` ${skipped} rows without both values are not drawn.` : ""}`,
    sourceLine: `Query result from the Six Tigers Atlas tables. ${LICENCE}.`,
    /** A value in a label or tooltip: dates as ISO days, like the result table. */
    value: formatValue,
    pair: (name: string, value: string) => `${name}: ${value}`
  },
  zh: {
    title: (x: string, y: string) => `${y}（按 ${x}）`,
    description: (bars: boolean, n: number, x: string, y: string, color: string | null, skipped: number) =>
      `${bars ? "条形图" : "散点图"}：${n}行同时有 ${x} 和数值 ${y}${color ? `，按 ${color} 着色` : ""}。${skipped ? `另有${skipped}行缺少其中一个值，未画出。` : ""}`,
    sourceLine: `查询结果，来自六小虎图谱的数据表。${FRAME_TEXT("zh").licence}。`,
    value: (v: unknown) => (v instanceof Date ? formatDay(v, "zh") : formatValue(v)),
    pair: (name: string, value: string) => `${name}：${value}`
  }
});

export interface QuickChartOptions {
  /** Column on the horizontal axis (number, date or text). */
  x: string;
  /** Numeric column on the vertical axis (for bars: the bar length). */
  y: string;
  /** Column that colours the marks (any type); blank for none. */
  color?: string | null;
  /** Width in pixels (default 640). */
  width?: number;
  /** Height in pixels (default 360). */
  height?: number;
  /** Title; defaults to "y by x" ("y（按x）" in Chinese). */
  title?: string;
  /** The page's language: the chart's own words follow it; column names are SQL names and stay. */
  lang?: Lang;
}

type Kind = "number" | "date" | "text";

export function columnKind(rows: readonly Record<string, unknown>[], column: string): Kind {
  const values = rows.map((r) => r[column]).filter((v) => v !== null && v !== undefined);
  if (values.length && values.every((v) => v instanceof Date)) return "date";
  if (values.length && values.every((v) => typeof v === "number" && Number.isFinite(v))) return "number";
  return "text";
}

export function quickChart(rows: readonly Record<string, unknown>[], options: QuickChartOptions): HTMLElement {
  const {x, y, color = null, width = 640, height = 360, lang = "en"} = options;
  const t = TEXT(lang);
  const xKind = columnKind(rows, x);
  const drawn = rows.filter((r) => r[x] !== null && r[x] !== undefined && typeof r[y] === "number" && Number.isFinite(r[y] as number));
  const skipped = rows.length - drawn.length;
  const title = options.title ?? t.title(x, y);
  const bars = xKind === "text";
  const labelWidth = bars ? Math.min(200, Math.max(60, d3.max(drawn, (r) => formatValue(r[x]).length * 6.5) ?? 60)) : 56;
  const barHeight = 18;
  const frameHeight = bars ? Math.max(120, drawn.length * barHeight + 48) : height;
  const frame = chartFrame({
    name: "quick-chart",
    title,
    description: t.description(bars, drawn.length, x, y, color, skipped),
    width,
    height: frameHeight,
    margin: {top: 12, right: 16, bottom: 36, left: labelWidth + 8},
    sourceLine: t.sourceLine,
    lang,
    table: {rows: drawn as Record<string, unknown>[], columns: [x, y, ...(color ? [color] : [])]}
  });
  const {plot, inner} = frame;
  const colors = color ? d3.scaleOrdinalColors(drawn.map((r) => formatValue(r[color]))) : () => "currentColor";
  const yValues = drawn.map((r) => r[y] as number);
  if (bars) {
    const yBand = d3.scaleBand<string>().domain(drawn.map((r, i) => `${i}`)).range([0, inner.height]).padding(0.2);
    const lo = Math.min(0, d3.min(yValues) ?? 0);
    const hi = Math.max(0, d3.max(yValues) ?? 1);
    const xScale = d3.scaleLinear().domain([lo, hi]).nice().range([0, inner.width]);
    plot.append("g").attr("class", "axis axis-x").attr("transform", `translate(0,${inner.height})`).call(d3.axisBottom(xScale).ticks(Math.max(2, Math.floor(inner.width / 80))));
    const marks = plot
      .append("g")
      .selectAll("rect")
      .data(drawn)
      .join("rect")
      .attr("class", "mark")
      .attr("data-id", (_, i) => String(i))
      .attr("x", (r) => Math.min(xScale(0), xScale(r[y] as number)))
      .attr("width", (r) => Math.abs(xScale(r[y] as number) - xScale(0)))
      .attr("y", (_, i) => yBand(`${i}`)!)
      .attr("height", yBand.bandwidth())
      .attr("fill", (r) => colors(formatValue(color ? r[color] : "")));
    plot
      .append("g")
      .attr("class", "labels")
      .selectAll("text")
      .data(drawn)
      .join("text")
      .attr("x", -6)
      .attr("y", (_, i) => yBand(`${i}`)! + yBand.bandwidth() / 2)
      .attr("dy", "0.32em")
      .attr("text-anchor", "end")
      .attr("fill", "currentColor")
      .text((r) => truncate(formatValue(r[x]), Math.floor(labelWidth / 6.5)));
    frame.tooltip.attach(marks, (r) => ({title: t.value(r[x]), lines: [t.pair(y, t.value(r[y])), ...(color ? [t.pair(color, t.value(r[color]))] : [])]}));
  } else {
    const xScale =
      xKind === "date"
        ? d3.scaleUtc().domain(d3.extent(drawn, (r) => r[x] as Date) as [Date, Date]).nice().range([0, inner.width])
        : d3.scaleLinear().domain(d3.extent(drawn, (r) => r[x] as number) as [number, number]).nice().range([0, inner.width]);
    const yScale = d3.scaleLinear().domain(d3.extent(yValues) as [number, number]).nice().range([inner.height, 0]);
    plot.append("g").attr("class", "axis axis-x").attr("transform", `translate(0,${inner.height})`).call(d3.axisBottom(xScale as d3.ScaleLinear<number, number>).ticks(Math.max(2, Math.floor(inner.width / 90))));
    if (xKind === "date") localizeTimeTicks(plot, lang);
    plot.append("g").attr("class", "axis axis-y").call(d3.axisLeft(yScale).ticks(6));
    const marks = plot
      .append("g")
      .selectAll("circle")
      .data(drawn)
      .join("circle")
      .attr("class", "mark")
      .attr("data-id", (_, i) => String(i))
      .attr("cx", (r) => (xScale as (v: unknown) => number)(r[x]))
      .attr("cy", (r) => yScale(r[y] as number))
      .attr("r", 4)
      .attr("fill", (r) => colors(formatValue(color ? r[color] : "")))
      .attr("fill-opacity", 0.8);
    frame.tooltip.attach(marks, (r) => ({title: t.pair(x, t.value(r[x])), lines: [t.pair(y, t.value(r[y])), ...(color ? [t.pair(color, t.value(r[color]))] : [])]}));
  }
  plot.append("text").attr("class", "axis-label").attr("x", inner.width).attr("y", inner.height + 30).attr("text-anchor", "end").attr("fill", "currentColor").text(bars ? y : x);
  if (!bars) plot.append("text").attr("class", "axis-label").attr("x", -labelWidth + 4).attr("y", -2).attr("fill", "currentColor").text(`↑ ${y}`);
  return frame.figure;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, Math.max(1, max - 1))}…` : text;
}
