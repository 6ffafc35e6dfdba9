/**
 * Layout helpers for charts that must lay themselves out from `width` alone: text widths are estimated
 * from character classes instead of measured (charts render under jsdom and at build time, where there is
 * no layout engine), legends and notes wrap onto as many lines as the width needs, and log axes get a
 * tick set thinned to fit.
 */
import * as d3 from "./d3.js";
import {formatUsdMillions} from "./chart.js";

const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/**
 * Estimated width of text in px. Deliberately generous (Latin at 0.62 em, CJK at 1 em) so that an
 * estimate that is off errs towards leaving room rather than overflowing.
 */
export function textWidth(text: string, fontSize = 11): number {
  let em = 0;
  for (const ch of text) em += WIDE.test(ch) ? 1 : ch === " " ? 0.3 : /[mwMW@]/.test(ch) ? 0.85 : /[il.,:;'|!]/.test(ch) ? 0.3 : 0.62;
  return em * fontSize;
}

/** The text cut to fit `maxWidth`, with an ellipsis when cut. */
export function truncateText(text: string, maxWidth: number, fontSize = 11): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length && textWidth(chars.join("") + "…", fontSize) > maxWidth) chars.pop();
  return chars.length ? chars.join("").trimEnd() + "…" : "";
}

/** Lines of at most `maxWidth`, broken at spaces (and inside words too long for a line). */
export function wrapText(text: string, maxWidth: number, fontSize = 11): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (textWidth(candidate, fontSize) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = "";
    let rest = [...word];
    while (textWidth(rest.join(""), fontSize) > maxWidth && rest.length > 1) {
      let n = rest.length - 1;
      while (n > 1 && textWidth(rest.slice(0, n).join(""), fontSize) > maxWidth) n--;
      lines.push(rest.slice(0, n).join(""));
      rest = rest.slice(n);
    }
    line = rest.join("");
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Tick values for a log axis: the densest of 1-9, 1-2-3-5, 1-2-5, 1-3 and 1 per decade that stays within
 * `maxCount`, then every other power of ten (d3's own log ticks label every integer multiple on short
 * domains and next to nothing on domains narrower than a decade).
 */
export function logTicks(domain: readonly [number, number] | number[], maxCount: number): number[] {
  const [lo, hi] = [Math.min(domain[0], domain[1]), Math.max(domain[0], domain[1])];
  if (!(lo > 0) || !(hi > 0)) return [];
  const first = Math.floor(Math.log10(lo));
  const last = Math.ceil(Math.log10(hi));
  const inDomain = (v: number) => v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9);
  for (const mantissas of [[1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 5], [1, 2, 5], [1, 3], [1]]) {
    const ticks: number[] = [];
    for (let e = first; e <= last; e++) for (const m of mantissas) ticks.push(+(m * 10 ** e).toPrecision(12));
    const kept = ticks.filter(inDomain);
    if (kept.length <= Math.max(1, maxCount)) return kept.length ? kept : [lo];
  }
  const powers = d3.range(first, last + 1).map((e) => 10 ** e).filter(inDomain);
  const step = Math.ceil(powers.length / Math.max(1, maxCount));
  return powers.filter((_, i) => i % step === 0);
}

/** A log domain around the values, padded by a factor on each side; null when there is nothing positive. */
export function logDomain(values: Iterable<number | null | undefined>, pad = 1.3): [number, number] | null {
  const positive = [...values].filter((v): v is number => typeof v === "number" && Number.isFinite(v) && v > 0);
  if (!positive.length) return null;
  let [lo, hi] = d3.extent(positive) as [number, number];
  if (lo === hi) [lo, hi] = [lo / 2, hi * 2];
  return [lo / pad, hi * pad];
}

/** A left axis of USD millions in currentColor: log scales get `logTicks`, linear ones d3's. */
export function usdAxisLeft(
  plot: d3.Selection<SVGGElement, unknown, null, undefined>,
  y: d3.ScaleLogarithmic<number, number> | d3.ScaleLinear<number, number>,
  height: number,
  log: boolean
): void {
  const axis = d3.axisLeft(y).tickFormat((v) => (Number(v) === 0 ? "0" : formatUsdMillions(Number(v)))).tickSizeOuter(0);
  // Log ticks are unevenly spaced, so they can be denser than linear ones before labels collide.
  if (log) axis.tickValues(logTicks(y.domain() as [number, number], Math.max(2, Math.floor(height / 30))));
  else axis.ticks(Math.max(2, Math.floor(height / 50)));
  plot.append("g").attr("class", "axis axis-y").call(axis);
}

/** A bottom axis of USD millions on a log scale. */
export function usdAxisBottom(plot: d3.Selection<SVGGElement, unknown, null, undefined>, x: d3.ScaleLogarithmic<number, number>, height: number, width: number): void {
  const axis = d3
    .axisBottom(x)
    .tickValues(logTicks(x.domain() as [number, number], Math.max(2, Math.floor(width / 55))))
    .tickFormat((v) => formatUsdMillions(Number(v)))
    .tickSizeOuter(0);
  plot.append("g").attr("class", "axis axis-x").attr("transform", `translate(0,${height})`).call(axis);
}

// --- Legends --------------------------------------------------------------------------------------------

export interface LegendItem {
  key: string;
  label: string;
  /** Swatch colour; ignored when `symbol` draws the swatch. */
  color?: string;
  /** Draws a custom swatch into a 12 × 12 box whose top-left corner is the origin. */
  symbol?: (g: d3.Selection<SVGGElement, unknown, null, undefined>) => void;
}

export interface LegendLayout {
  items: (LegendItem & {x: number; y: number})[];
  height: number;
}

const SWATCH = 12;
const LEGEND_LINE = 18;

/** Places legend items left to right, wrapping onto new lines within `width`. */
export function legendLayout(items: readonly LegendItem[], width: number, fontSize = 11): LegendLayout {
  const placed: LegendLayout["items"] = [];
  let x = 0;
  let y = 0;
  for (const item of items) {
    const label = truncateText(item.label, Math.max(40, width - SWATCH - 6), fontSize);
    const w = SWATCH + 5 + textWidth(label, fontSize);
    if (x > 0 && x + w > width) {
      x = 0;
      y += LEGEND_LINE;
    }
    placed.push({...item, label, x, y});
    x += w + 14;
  }
  return {items: placed, height: items.length ? y + LEGEND_LINE : 0};
}

/** Draws a laid-out legend at (x, y) of `parent`; text in currentColor. */
export function drawLegend<E extends SVGElement>(parent: d3.Selection<E, unknown, null, undefined>, layout: LegendLayout, x: number, y: number): void {
  const g = parent.append("g").attr("class", "legend").attr("transform", `translate(${x},${y})`);
  for (const item of layout.items) {
    const entry = g.append("g").attr("class", "legend-item").attr("data-key", item.key).attr("transform", `translate(${item.x},${item.y})`);
    if (item.symbol) item.symbol(entry);
    else entry.append("rect").attr("width", SWATCH).attr("height", SWATCH).attr("rx", 2).attr("fill", item.color ?? "currentColor");
    entry.append("text").attr("x", SWATCH + 5).attr("y", SWATCH - 2).attr("fill", "currentColor").text(item.label);
  }
}

/** Draws wrapped note lines (e.g. "Not drawn: …") at (x, y); returns nothing, height is `lines × 14`. */
export function drawNote<E extends SVGElement>(parent: d3.Selection<E, unknown, null, undefined>, lines: readonly string[], x: number, y: number): void {
  if (!lines.length) return;
  const text = parent.append("text").attr("class", "chart-note").attr("x", x).attr("y", y).attr("fill", "currentColor").attr("font-size", 10.5);
  // The trailing space keeps words apart in textContent (copy, tests) where a line break split them.
  lines.forEach((line, i) => text.append("tspan").attr("x", x).attr("dy", i ? 14 : 0).text(i < lines.length - 1 ? `${line} ` : line));
}

export const NOTE_LINE = 14;

/**
 * A halo behind label text in the page background colour, so lines passing under a label do not cut it.
 * Set as a style (not presentation attributes) because only CSS resolves the theme variable.
 */
export const LABEL_HALO = "paint-order: stroke; stroke: var(--theme-background, #fff); stroke-width: 3px; stroke-linejoin: round;";
