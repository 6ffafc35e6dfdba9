/**
 * Chart legends that lay themselves out from the width alone: entries run left to right and wrap onto new
 * rows, with label widths estimated (chartText.ts) rather than measured, so the legend's height is known
 * before the SVG is drawn and the plot can be placed below it. `swatches` draws the common keys.
 */
import * as d3 from "./d3.js";
import {textWidth, truncateText} from "./chartText.js";

type SwatchGroup = d3.Selection<SVGGElement, unknown, null, undefined>;

export interface LegendItem {
  label: string;
  /** Draws the key into a group centred on (7, 0), about 14 × 12 px (see `swatches`). */
  swatch: (g: SwatchGroup) => void;
  /** Optional data-key attribute, so tests and styles can find an entry. */
  key?: string;
}

export interface LegendLayout {
  /** `label` as drawn (cut to the width), `full` as given. */
  items: (LegendItem & {x: number; y: number; full: string})[];
  height: number;
}

const SWATCH = 14;
const SWATCH_GAP = 4;
const ITEM_GAP = 14;
const ROW_HEIGHT = 16;

/** Places legend entries left to right, wrapping to a new row when `width` is reached. */
export function layoutLegend(items: readonly LegendItem[], width: number, fontSize = 11): LegendLayout {
  let x = 0;
  let y = 0;
  const placed = items.map((item) => {
    // A label longer than a whole row is cut, so one entry never overflows the width on its own.
    const label = truncateText(item.label, Math.max(40, width - SWATCH - SWATCH_GAP), fontSize);
    const w = SWATCH + SWATCH_GAP + textWidth(label, fontSize);
    if (x > 0 && x + w > width) {
      x = 0;
      y += ROW_HEIGHT;
    }
    const at = {...item, label, full: item.label, x, y};
    x += w + ITEM_GAP;
    return at;
  });
  return {items: placed, height: items.length ? y + ROW_HEIGHT : 0};
}

/** Draws a laid-out legend into `parent` with its top-left corner at (x, y); text in currentColor. */
export function drawLegend<E extends SVGElement>(parent: d3.Selection<E, unknown, null, undefined>, layout: LegendLayout, x: number, y: number): void {
  const legend = parent
    .append("g")
    .attr("class", "legend")
    .attr("transform", `translate(${x},${y})`);
  for (const item of layout.items) {
    // Entries are positioned at their row's middle so swatch and text (dy 0.35em) centre on the same line.
    const entry = legend
      .append("g")
      .attr("class", "legend-item")
      .attr("transform", `translate(${item.x},${item.y + ROW_HEIGHT / 2})`);
    if (item.key) entry.attr("data-key", item.key);
    const swatch = entry.append("g").attr("class", "legend-swatch");
    item.swatch(swatch as unknown as SwatchGroup);
    const text = entry
      .append("text")
      .attr("x", SWATCH + SWATCH_GAP)
      .attr("dy", "0.35em")
      .attr("fill", "currentColor")
      .text(item.label);
    // A cut label keeps the whole in a <title>, which a pointer shows and a screen reader reads.
    if (item.full !== item.label) text.insert("title", ":first-child").text(item.full);
  }
}

/** Swatch helpers for the common keys, drawn in the swatch's frame (centred on (7, 0)). */
export const swatches = {
  dot(fill: string, options: {hollow?: boolean; r?: number; opacity?: number; dash?: string} = {}) {
    return (g: SwatchGroup) => {
      g.append("circle")
        .attr("cx", SWATCH / 2)
        .attr("r", options.r ?? 4.5)
        .attr("fill", fill)
        .attr("fill-opacity", options.hollow ? 0 : 1)
        .attr("stroke", fill)
        .attr("stroke-width", 1.5)
        .attr("stroke-dasharray", options.dash ?? null)
        .attr("opacity", options.opacity ?? 1);
    };
  },
  symbol(type: d3.SymbolType, fill: string, size = 60, hollow = false) {
    return (g: SwatchGroup) => {
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
    return (g: SwatchGroup) => {
      g.append("line")
        .attr("x1", 0)
        .attr("x2", SWATCH)
        .attr("stroke", stroke)
        .attr("stroke-width", options.width ?? 2)
        .attr("stroke-dasharray", options.dash ?? null)
        .attr("opacity", options.opacity ?? 1);
    };
  },
  /** A band, e.g. a shaded range. */
  rect(fill: string) {
    return (g: SwatchGroup) => {
      g.append("rect").attr("x", 1).attr("y", -5).attr("width", SWATCH - 2).attr("height", 10).attr("fill", fill);
    };
  },
  /** A rounded square, the key for a company's colour in the funding charts. */
  square(fill: string) {
    return (g: SwatchGroup) => {
      g.append("rect").attr("x", 1).attr("y", -6).attr("width", SWATCH - 2).attr("height", SWATCH - 2).attr("rx", 2).attr("fill", fill);
    };
  }
};
