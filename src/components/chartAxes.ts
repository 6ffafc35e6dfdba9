/**
 * Value axes for the charts (the time axis itself is `timeAxis` in chart.ts): tick sets for log scales thinned
 * to the space there is, log domains padded around the data, USD axes, and log axes with grid lines, alone or
 * with a time axis below. All draw in currentColor so they follow the page's theme.
 */
import * as d3 from "./d3.js";
import {axisLabel, formatUsdMillions, timeAxis, type ChartFrame} from "./chart.js";
import {usdTick, type Lang} from "./i18n.js";

type Plot = ChartFrame["plot"];

/**
 * Tick values for a log axis: the densest of 1-9, 1-2-3-5, 1-2-5, 1-3 and 1 per decade that stays within
 * `maxCount`, then every other power of ten (d3's own log ticks label every integer multiple on short
 * domains and next to nothing on domains narrower than a decade).
 */
export function logTicks(domain: readonly number[], maxCount: number): number[] {
  const [lo, hi] = [Math.min(domain[0], domain[1]), Math.max(domain[0], domain[1])];
  if (!(lo > 0) || !(hi > 0)) return [];
  const first = Math.floor(Math.log10(lo));
  const last = Math.ceil(Math.log10(hi));
  const inDomain = (v: number) => v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9);
  for (const mantissas of [[1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 5], [1, 2, 5], [1, 3], [1]]) {
    const ticks: number[] = [];
    // toPrecision strips float noise (3 * 10 ** -1 is 0.30000000000000004) so labels and tests see 0.3.
    for (let e = first; e <= last; e++) for (const m of mantissas) ticks.push(+(m * 10 ** e).toPrecision(12));
    const kept = ticks.filter(inDomain);
    if (kept.length <= Math.max(1, maxCount)) return kept.length ? kept : [lo];
  }
  const powers = d3.range(first, last + 1).map((e) => 10 ** e).filter(inDomain);
  const step = Math.ceil(powers.length / Math.max(1, maxCount));
  return powers.filter((_, i) => i % step === 0);
}

/**
 * How many ticks a vertical log axis of `height` px can carry: one per 30 px. Log ticks are unevenly spaced,
 * so they can be denser than linear ones (one per 50 px) before labels collide.
 */
function logTickCount(height: number): number {
  return Math.max(2, Math.floor(height / 30));
}

/** A log domain around the values, padded by a factor on each side; null when there is nothing positive. */
export function logDomain(values: Iterable<number | null | undefined>, pad = 1.3): [number, number] | null {
  const positive = [...values].filter((v): v is number => typeof v === "number" && Number.isFinite(v) && v > 0);
  if (!positive.length) return null;
  let [lo, hi] = d3.extent(positive) as [number, number];
  if (lo === hi) [lo, hi] = [lo / 2, hi * 2];
  return [lo / pad, hi * pad];
}

/** A left log axis with light grid lines across the plot's `width`, labels formatted by `format`. */
export function logAxisLeft(plot: Plot, y: d3.ScaleLogarithmic<number, number>, width: number, height: number, format: (v: number) => string): void {
  const ticks = logTicks(y.domain(), logTickCount(height));
  plot
    .append("g")
    .attr("class", "axis axis-y")
    .call(d3.axisLeft(y).tickValues(ticks).tickFormat((v) => format(+v)).tickSizeOuter(0));
  plot
    .append("g")
    .attr("class", "grid")
    .attr("stroke", "currentColor")
    .attr("stroke-opacity", 0.08)
    .selectAll("line")
    .data(ticks)
    .join("line")
    .attr("x1", 0)
    .attr("x2", width)
    .attr("y1", (d) => y(d))
    .attr("y2", (d) => y(d));
}

/**
 * The axes of a scatter of a log quantity over time (density, price, model size): `logAxisLeft` with its grid,
 * the time axis below, the y label above the axis and the x label under the axis's right end.
 */
export function logTimeAxes(
  plot: Plot,
  axes: {x: d3.ScaleTime<number, number>; y: d3.ScaleLogarithmic<number, number>; width: number; height: number; marginLeft: number; format: (v: number) => string; yLabel: string; xLabel: string}
): void {
  const {x, y, width, height, marginLeft, format, yLabel, xLabel} = axes;
  logAxisLeft(plot, y, width, height, format);
  timeAxis(plot, x, height, width);
  axisLabel(plot, yLabel, -marginLeft + 4, -12);
  axisLabel(plot, xLabel, width, height + 34, "end");
}

/**
 * A USD-millions tick label: "$1.2bn" in English; "12亿" in Chinese, where the axis label carries the
 * currency (美元) so the ticks stay short.
 */
function usdTickLabel(lang: Lang): (v: number) => string {
  return lang === "zh" ? (v) => usdTick(v, "zh") : (v) => formatUsdMillions(v);
}

/**
 * A UTC date tick in Chinese: "2024年" at a year's start, "7月" at a month's, "7月8日" otherwise, the same
 * levels d3's English multi-scale format uses ("2024", "July", "Jul 08").
 */
export function zhDateTick(date: Date): string {
  if (+d3.utcMonth.floor(date) < +date) return `${date.getUTCMonth() + 1}月${date.getUTCDate()}日`;
  if (+d3.utcYear.floor(date) < +date) return `${date.getUTCMonth() + 1}月`;
  return `${date.getUTCFullYear()}年`;
}

/**
 * The bottom time axis in the page's language: English is chart.ts's `timeAxis` as it is; Chinese has the
 * same ticks with Chinese year and month forms.
 */
export function timeAxisIn(plot: Plot, x: d3.ScaleTime<number, number>, height: number, width: number, lang: Lang = "en"): void {
  if (lang !== "zh") return timeAxis(plot, x, height, width);
  plot
    .append("g")
    .attr("class", "axis axis-x")
    .attr("transform", `translate(0,${height})`)
    .call(
      d3
        .axisBottom(x)
        .ticks(Math.max(2, Math.floor(width / 100)))
        .tickFormat((d) => zhDateTick(d as Date))
        .tickSizeOuter(0)
    );
}

/** A left axis of USD millions: log scales get `logTicks`, linear ones d3's. */
export function usdAxisLeft(plot: Plot, y: d3.ScaleLogarithmic<number, number> | d3.ScaleLinear<number, number>, height: number, log: boolean, lang: Lang = "en"): void {
  const tick = usdTickLabel(lang);
  const axis = d3.axisLeft(y).tickFormat((v) => (Number(v) === 0 ? "0" : tick(Number(v)))).tickSizeOuter(0);
  if (log) axis.tickValues(logTicks(y.domain(), logTickCount(height)));
  else axis.ticks(Math.max(2, Math.floor(height / 50)));
  plot.append("g").attr("class", "axis axis-y").call(axis);
}

/** A bottom axis of USD millions on a log scale; horizontal labels are wider, so one tick per 55 px. */
export function usdAxisBottom(plot: Plot, x: d3.ScaleLogarithmic<number, number>, height: number, width: number, lang: Lang = "en"): void {
  const tick = usdTickLabel(lang);
  const axis = d3
    .axisBottom(x)
    .tickValues(logTicks(x.domain(), Math.max(2, Math.floor(width / 55))))
    .tickFormat((v) => tick(Number(v)))
    .tickSizeOuter(0);
  plot.append("g").attr("class", "axis axis-x").attr("transform", `translate(0,${height})`).call(axis);
}
