/**
 * Small pieces the atlas's charts share beyond the frame in chart.ts: a wrapped legend laid out without
 * measuring the DOM (text widths are estimated from the characters, so charts render under jsdom and at build
 * time), text wrapping for captions inside an SVG, label dodging, and formats for dates, parameter counts and
 * months.
 */
import * as d3 from "./d3.js";
import type {ChartFrame} from "./chart.js";

// --- Text ------------------------------------------------------------------------------------------------

/**
 * Estimated width of a text in pixels. Generous on purpose: an overestimate only leaves some space, an
 * underestimate lets labels collide or overflow. CJK characters are a full em wide.
 */
export function textWidth(text: string, fontSize = 11): number {
  let em = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= 0x2e80) em += 1;
    else if ("ijl.,:;'|!()[] ".includes(ch)) em += 0.34;
    else if (/[A-Z0-9mwMW%—–×$]/.test(ch)) em += 0.72;
    else em += 0.6;
  }
  return em * fontSize;
}

/** Greedy word wrap to lines no wider than `maxWidth` (a single overlong word gets a line of its own). */
export function wrapText(text: string, maxWidth: number, fontSize = 11): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, fontSize) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

/** Shortens a text with an ellipsis to fit `maxWidth`. */
export function truncateText(text: string, maxWidth: number, fontSize = 11): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  let out = text;
  while (out.length > 1 && textWidth(`${out}…`, fontSize) > maxWidth) out = out.slice(0, -1);
  return `${out.trimEnd()}…`;
}

/** Writes wrapped lines into an SVG <text> as <tspan>s, as text nodes only. */
export function appendLines(text: d3.Selection<SVGTextElement, unknown, null, undefined>, lines: string[], x: number, lineHeight = 13): void {
  lines.forEach((line, i) => {
    text.append("tspan").attr("x", x).attr("dy", i === 0 ? 0 : lineHeight).text(line);
  });
}

// --- Legend ----------------------------------------------------------------------------------------------

export interface LegendItem {
  label: string;
  /** Draws the key into a group centred on (7, 0), about 14 × 12 px. */
  swatch: (g: d3.Selection<SVGGElement, unknown, null, undefined>) => void;
  /** Optional data-key attribute, so tests and styles can find an entry. */
  key?: string;
}

export interface LegendLayout {
  items: (LegendItem & {x: number; y: number})[];
  height: number;
}

const SWATCH = 14;
const SWATCH_GAP = 4;
const ITEM_GAP = 14;
const ROW_HEIGHT = 16;

/** Places legend entries left to right, wrapping to a new row when `width` is reached. */
export function layoutLegend(items: LegendItem[], width: number, fontSize = 11): LegendLayout {
  let x = 0;
  let y = 0;
  const placed = items.map((item) => {
    const label = truncateText(item.label, Math.max(40, width - SWATCH - SWATCH_GAP), fontSize);
    const w = SWATCH + SWATCH_GAP + textWidth(label, fontSize);
    if (x > 0 && x + w > width) {
      x = 0;
      y += ROW_HEIGHT;
    }
    const at = {...item, label, x, y};
    x += w + ITEM_GAP;
    return at;
  });
  return {items: placed, height: items.length ? y + ROW_HEIGHT : 0};
}

/** Draws a laid-out legend into `parent` with its top-left corner at (x, y). */
export function drawLegend<E extends SVGSVGElement | SVGGElement>(parent: d3.Selection<E, unknown, null, undefined>, layout: LegendLayout, x: number, y: number): void {
  const legend = parent
    .append("g")
    .attr("class", "legend")
    .attr("transform", `translate(${x},${y})`);
  for (const item of layout.items) {
    const entry = legend
      .append("g")
      .attr("class", "legend-item")
      .attr("transform", `translate(${item.x},${item.y + ROW_HEIGHT / 2})`);
    if (item.key) entry.attr("data-key", item.key);
    const swatch = entry.append("g").attr("class", "legend-swatch");
    item.swatch(swatch as unknown as d3.Selection<SVGGElement, unknown, null, undefined>);
    entry
      .append("text")
      .attr("x", SWATCH + SWATCH_GAP)
      .attr("dy", "0.35em")
      .attr("fill", "currentColor")
      .text(item.label);
  }
}

/** Swatch helpers for the common keys. */
export const swatches = {
  dot(fill: string, options: {hollow?: boolean; r?: number; opacity?: number} = {}) {
    return (g: d3.Selection<SVGGElement, unknown, null, undefined>) => {
      g.append("circle")
        .attr("cx", SWATCH / 2)
        .attr("r", options.r ?? 4.5)
        .attr("fill", fill)
        .attr("fill-opacity", options.hollow ? 0 : 1)
        .attr("stroke", fill)
        .attr("stroke-width", 1.5)
        .attr("opacity", options.opacity ?? 1);
    };
  },
  symbol(type: d3.SymbolType, fill: string, size = 60, hollow = false) {
    return (g: d3.Selection<SVGGElement, unknown, null, undefined>) => {
      g.append("path")
        .attr("transform", `translate(${SWATCH / 2},0)`)
        .attr("d", d3.symbol(type, size)()!)
        .attr("fill", fill)
        .attr("fill-opacity", hollow ? 0 : 1)
        .attr("stroke", fill)
        .attr("stroke-width", 1.5);
    };
  },
  line(stroke: string, options: {dash?: string; width?: number; opacity?: number} = {}) {
    return (g: d3.Selection<SVGGElement, unknown, null, undefined>) => {
      g.append("line")
        .attr("x1", 0)
        .attr("x2", SWATCH)
        .attr("stroke", stroke)
        .attr("stroke-width", options.width ?? 2)
        .attr("stroke-dasharray", options.dash ?? null)
        .attr("opacity", options.opacity ?? 1);
    };
  },
  rect(fill: string) {
    return (g: d3.Selection<SVGGElement, unknown, null, undefined>) => {
      g.append("rect").attr("x", 1).attr("y", -5).attr("width", SWATCH - 2).attr("height", 10).attr("fill", fill);
    };
  }
};

// --- Layout ----------------------------------------------------------------------------------------------

/**
 * Moves label positions apart so no two are closer than `gap`, keeping them inside [min, max]. Returns the new
 * positions in the input order.
 */
export function dodge(positions: number[], gap: number, min: number, max: number): number[] {
  const order = positions.map((p, i) => ({p, i})).sort((a, b) => a.p - b.p);
  for (let k = 1; k < order.length; k++) order[k].p = Math.max(order[k].p, order[k - 1].p + gap);
  const overflow = order.length ? order[order.length - 1].p - max : 0;
  if (overflow > 0) for (const o of order) o.p -= overflow;
  for (let k = 0; k < order.length; k++) order[k].p = Math.max(order[k].p, k === 0 ? min : order[k - 1].p + gap);
  const out = new Array<number>(positions.length);
  for (const o of order) out[o.i] = o.p;
  return out;
}

/** Axis ticks at powers of ten (and 2× and 5× when there is room) inside a log scale's domain. */
export function logTicks(scale: d3.ScaleLogarithmic<number, number>, pixels: number): number[] {
  const [lo, hi] = scale.domain();
  const decades = Math.log10(hi / lo);
  const steps = pixels / Math.max(decades, 1) >= 90 ? [1, 2, 5] : pixels / Math.max(decades, 1) >= 60 ? [1, 3] : [1];
  const ticks: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
    for (const s of steps) {
      const v = s * 10 ** e;
      if (v >= lo * 0.999 && v <= hi * 1.001) ticks.push(+v.toPrecision(6));
    }
  }
  return ticks;
}

/** A left log axis in currentColor with light grid lines. */
export function logAxisLeft(plot: ChartFrame["plot"], y: d3.ScaleLogarithmic<number, number>, width: number, height: number, format: (v: number) => string): void {
  const ticks = logTicks(y, height);
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

// --- Values ----------------------------------------------------------------------------------------------

/** A DATE cell as the browser gets it (a Date) or an ISO day string, as a UTC Date; null when absent. */
export function asDate(value: Date | string | null | undefined): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(+value) ? null : value;
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(+date) ? null : date;
}

/** ISO `YYYY-MM-DD` of a UTC date. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export const DAY_MS = 86_400_000;

/** Whole days from a to b. */
export function daysFrom(a: Date, b: Date): number {
  return Math.round((+b - +a) / DAY_MS);
}

/** Billions of parameters as "0.5B", "32B", "1T", "2.8T". */
export function formatParams(billions: number): string {
  if (!Number.isFinite(billions)) return "n/a";
  if (billions >= 1000) return `${d3.format(".2~r")(billions / 1000)}T`;
  if (billions >= 100) return `${Math.round(billions)}B`;
  return `${d3.format(".2~r")(billions)}B`;
}

/** Months with one decimal ("3.5"); "∞" for a trend that never doubles. */
export function formatMonths(months: number): string {
  if (!Number.isFinite(months)) return "∞";
  return months.toFixed(1);
}

/** A growth factor as "×431" or "×1,650". */
export function formatFactor(value: number): string {
  if (!Number.isFinite(value)) return "n/a";
  return `×${value >= 100 ? d3.format(",")(Math.round(value)) : d3.format(".2~r")(value)}`;
}

// --- Point labels ----------------------------------------------------------------------------------------

export interface PlacedLabel {
  x: number;
  y: number;
  anchor: "start" | "middle" | "end";
}

type Box = {x0: number; y0: number; x1: number; y1: number};
const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/**
 * Greedy labels for points: each label tries right, left, above and below its point and takes the first spot
 * that stays inside the plot and clear of the other points and of labels already placed; a label with no free
 * spot is left out (null) rather than drawn over something. Positions are for text with dy = 0.35em.
 */
export function placeLabels(points: {x: number; y: number; text: string}[], width: number, height: number, options: {fontSize?: number; radius?: number} = {}): (PlacedLabel | null)[] {
  const {fontSize = 10, radius = 5} = options;
  const taken: Box[] = points.map((p) => ({x0: p.x - radius, y0: p.y - radius, x1: p.x + radius, y1: p.y + radius}));
  const half = fontSize * 0.6;
  return points.map((p, i) => {
    const w = textWidth(p.text, fontSize);
    const gap = radius + 3;
    const candidates: (PlacedLabel & {box: Box})[] = [
      {x: p.x + gap, y: p.y, anchor: "start", box: {x0: p.x + gap, y0: p.y - half, x1: p.x + gap + w, y1: p.y + half}},
      {x: p.x - gap, y: p.y, anchor: "end", box: {x0: p.x - gap - w, y0: p.y - half, x1: p.x - gap, y1: p.y + half}},
      {x: p.x, y: p.y - gap - half, anchor: "middle", box: {x0: p.x - w / 2, y0: p.y - gap - 2 * half, x1: p.x + w / 2, y1: p.y - gap}},
      {x: p.x, y: p.y + gap + half, anchor: "middle", box: {x0: p.x - w / 2, y0: p.y + gap, x1: p.x + w / 2, y1: p.y + gap + 2 * half}}
    ];
    for (const c of candidates) {
      if (c.box.x0 < 0 || c.box.x1 > width || c.box.y0 < 0 || c.box.y1 > height) continue;
      if (taken.some((b, j) => j !== i && overlaps(b, c.box))) continue;
      taken.push(c.box);
      return {x: c.x, y: c.y, anchor: c.anchor};
    }
    return null;
  });
}
