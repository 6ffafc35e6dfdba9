/**
 * Text inside the atlas's SVG charts without a layout engine: widths are estimated from the characters
 * (charts render under jsdom and at build time, where nothing can be measured), text is wrapped and cut to
 * those estimates, wrapped lines are written as <tspan>s, and labels are moved apart or placed beside their
 * points so they do not collide.
 */
import type * as d3 from "./d3.js";

// --- Measuring ------------------------------------------------------------------------------------------

/**
 * Estimated width of text in px. Generous on purpose: an overestimate only leaves some room, an underestimate
 * lets labels collide or overflow. CJK, kana, Hangul and full-width forms are a full em; capitals, digits and
 * the wide m/w/@ are wider than the other Latin letters; i, l, punctuation and spaces are narrow.
 *
 * The class widths were checked against the advance widths of Liberation Sans (Arial's metrics) and DejaVu
 * Sans (a wide Linux default) on the atlas's own labels: none comes out narrower than Liberation draws it,
 * and under DejaVu only a few (2% of them) do, by at most 4%.
 */
export function textWidth(text: string, fontSize = 11): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return em * fontSize;
}

/** One character's estimated width in em (textWidth's classes). */
function charEm(ch: string): number {
  const code = ch.codePointAt(0)!;
  // Everything from CJK Radicals (U+2E80) up, and the Hangul Jamo block below it. The few narrow
  // characters up there (half-width kana) are over-counted, which is the safe direction.
  if (code >= 0x2e80 || (code >= 0x1100 && code <= 0x115f)) return 1;
  if ("ijl.,:;'|!()[] ".includes(ch)) return 0.34;
  if ("mwMW@".includes(ch)) return 0.85;
  if (/[A-Z0-9%—–×$]/.test(ch)) return 0.72;
  return 0.62;
}

/** Full-width characters (CJK, kana, Hangul, full-width forms), as `textWidth` counts them: one em each. */
function isWide(ch: string | undefined): boolean {
  const code = ch?.codePointAt(0) ?? 0;
  return code >= 0x2e80 || (code >= 0x1100 && code <= 0x115f);
}

/** Chinese punctuation that may not begin a line (it closes or follows what comes before). */
const NO_LINE_START = new Set([..."，。、；：！？）》」』】〕"]);

/** The text cut to fit `maxWidth`, with an ellipsis when cut; "" when not even one character fits. */
export function truncateText(text: string, maxWidth: number, fontSize = 11): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  // The longest start that fits with its ellipsis, found in one pass (a 2,000-character name once took millions of
  // measurements, one per character removed). Code points, not UTF-16 units, so a cut never splits a surrogate pair.
  const chars = [...text];
  const ellipsis = charEm("…");
  let em = 0;
  let fits = 0;
  for (const ch of chars) {
    em += charEm(ch);
    if ((em + ellipsis) * fontSize > maxWidth) break;
    fits += 1;
  }
  return fits ? chars.slice(0, fits).join("").trimEnd() + "…" : "";
}

/**
 * Writes each element's label cut to its width (truncateText); a cut label keeps the whole text in a <title>, which
 * a pointer shows and a screen reader reads. SVG text does not wrap, and charts show what overflows them, so an uncut
 * long name would widen the page.
 */
export function fitText<E extends SVGTextElement | SVGTSpanElement, D>(
  selection: d3.Selection<E, D, d3.BaseType, unknown>,
  label: (d: D) => string,
  maxWidth: (d: D) => number,
  fontSize = 11
): void {
  selection.each(function (d) {
    const full = label(d);
    const shown = truncateText(full, maxWidth(d), fontSize);
    this.textContent = shown;
    if (shown === full) return;
    const title = this.ownerDocument.createElementNS("http://www.w3.org/2000/svg", "title");
    title.textContent = full;
    (this.closest("text") ?? this).prepend(title);
  });
}

/** How many of `chars`, from the first, fit in `maxWidth` together. */
function fittingChars(chars: readonly string[], maxWidth: number, fontSize: number): number {
  let em = 0;
  let n = 0;
  for (const ch of chars) {
    em += charEm(ch);
    if (em * fontSize > maxWidth) break;
    n += 1;
  }
  return n;
}

/**
 * Greedy word wrap to lines of at most `maxWidth`, broken at spaces, and inside a word too long for a line
 * (a CJK name or a Chinese sentence has no spaces) so that every line fits. A break inside a word never puts
 * Chinese closing punctuation (，。）) at the start of a line: the character before it goes down with it.
 */
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
      // The longest start that fits (at least one character, and not the whole word), in one pass over the widths.
      let n = Math.min(rest.length - 1, Math.max(1, fittingChars(rest, maxWidth, fontSize)));
      while (n > 1 && NO_LINE_START.has(rest[n])) n--;
      lines.push(rest.slice(0, n).join(""));
      rest = rest.slice(n);
    }
    line = rest.join("");
  }
  if (line) lines.push(line);
  return lines;
}

// --- Drawing --------------------------------------------------------------------------------------------

/**
 * Writes wrapped lines into an SVG <text> as <tspan>s at `x`, as text nodes only (hostile text stays text).
 * `separator` ends every line but the last: a note passes " " so that words a line break split stay apart
 * in its textContent (copying, tests); a trailing space on a start-anchored line draws nothing. A space is
 * left out between two Chinese characters, where a break splits no words.
 */
export function appendLines(text: d3.Selection<SVGTextElement, unknown, null, undefined>, lines: readonly string[], x: number, lineHeight = 13, separator = ""): void {
  lines.forEach((line, i) => {
    const next = lines[i + 1];
    const sep = separator === " " && next !== undefined && isWide([...line].pop()) && isWide([...next][0]) ? "" : separator;
    text
      .append("tspan")
      .attr("x", x)
      .attr("dy", i === 0 ? 0 : lineHeight)
      .text(next !== undefined ? line + sep : line);
  });
}

/**
 * The caption that states a fit's numbers, between a chart's legend and its plot (so it never covers data):
 * wrapped lines at x = 8 from baseline `y`, 13 px apart. Bold when it is the chart's headline finding.
 */
export function drawFitCaption<E extends SVGElement>(parent: d3.Selection<E, unknown, null, undefined>, lines: readonly string[], y: number, style: {fill?: string; bold?: boolean} = {}): void {
  const text = parent.append("text").attr("class", "fit-caption").attr("y", y).attr("fill", style.fill ?? "currentColor");
  if (style.bold) text.attr("font-weight", 600);
  appendLines(text, lines, 8);
}

/** Line height of `drawNote`: a note of n lines takes n × NOTE_LINE px. */
export const NOTE_LINE = 14;

/** Draws wrapped note lines (e.g. "Not drawn: …") at (x, y), in smaller text than the chart's. */
export function drawNote<E extends SVGElement>(parent: d3.Selection<E, unknown, null, undefined>, lines: readonly string[], x: number, y: number): void {
  if (!lines.length) return;
  const text = parent.append("text").attr("class", "chart-note").attr("x", x).attr("y", y).attr("fill", "currentColor").attr("font-size", 10.5);
  appendLines(text, lines, x, NOTE_LINE, " ");
}

/**
 * Says why a chart has nothing to draw, centred across the plot (at half its height unless `y` is given), in
 * place of an empty frame a reader could take for a failure to load.
 */
export function drawEmptyMessage(plot: d3.Selection<SVGGElement, unknown, null, undefined>, inner: {width: number; height: number}, text: string, y = inner.height / 2): void {
  plot.append("text").attr("class", "empty").attr("x", inner.width / 2).attr("y", y).attr("text-anchor", "middle").attr("fill", "currentColor").text(text);
}

/**
 * A halo behind label text in the page background colour, so lines passing under a label do not cut it.
 * Set as a style (not presentation attributes) because only CSS resolves the theme variable.
 */
export const LABEL_HALO = "paint-order: stroke; stroke: var(--theme-background, #fff); stroke-width: 3px; stroke-linejoin: round;";

// --- Placing labels -------------------------------------------------------------------------------------

/**
 * Moves label positions apart so no two are closer than `gap`, keeping them inside [min, max] where they
 * fit. Returns the new positions in the input order.
 */
export function dodge(positions: readonly number[], gap: number, min: number, max: number): number[] {
  const order = positions.map((p, i) => ({p, i})).sort((a, b) => a.p - b.p);
  for (let k = 1; k < order.length; k++) order[k].p = Math.max(order[k].p, order[k - 1].p + gap);
  const overflow = order.length ? order[order.length - 1].p - max : 0;
  if (overflow > 0) for (const o of order) o.p -= overflow;
  // Shifting the stack up may have pushed its top past `min`; pushing down again keeps the gaps (a stack
  // taller than max - min then overflows at the bottom rather than overlapping).
  for (let k = 0; k < order.length; k++) order[k].p = Math.max(order[k].p, k === 0 ? min : order[k - 1].p + gap);
  const out = new Array<number>(positions.length);
  for (const o of order) out[o.i] = o.p;
  return out;
}

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
export function placeLabels(points: readonly {x: number; y: number; text: string}[], width: number, height: number, options: {fontSize?: number; radius?: number} = {}): (PlacedLabel | null)[] {
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
