/**
 * Checks for a chart drawn on a Chinese page: what it shows is Chinese. The measure is the issue's: the share
 * of Han characters among all letters (digits, punctuation and symbols do not count either way), over the
 * text a reader sees — title, every SVG text (axes, ticks, legend, captions, labels), table captions, notes (a
 * collapsed list of data values by its summary only) and source line.
 */
import {expect} from "vitest";

const HAN = /\p{Script=Han}/u;
const LETTER = /\p{L}/u;

/** Han characters ÷ letters in `text` (0 when it has no letters). */
export function cjkShare(text: string): number {
  let han = 0;
  let letters = 0;
  for (const ch of text) {
    if (!LETTER.test(ch)) continue;
    letters++;
    if (HAN.test(ch)) han++;
  }
  return letters ? han / letters : 0;
}

/** An element's text without the parts marked lang="en" (the data's own English words: titles, statements). */
export function textWithoutData(el: Element): string {
  const copy = el.cloneNode(true) as Element;
  for (const data of copy.querySelectorAll('[lang="en"]')) data.remove();
  return copy.matches('[lang="en"]') ? "" : copy.textContent ?? "";
}

/**
 * The title, every text in the SVG, table captions, notes and the source line, each once; `exclude` leaves out
 * elements inside a match (e.g. ".point-labels"), `withoutData` the parts marked lang="en".
 */
export function visibleChartText(figure: Element, exclude?: string, withoutData = false): string {
  const parts: string[] = [];
  const keep = (el: Element) => !exclude || !el.closest(exclude);
  for (const el of figure.querySelectorAll(".atlas-chart-title, caption, svg text, .atlas-note:not(details), details.atlas-note > summary, .atlas-source")) {
    if (el.closest("svg") && el.tagName.toLowerCase() !== "text") continue;
    // Nested texts (a <text> holding <tspan>s) are read once, from the outer one.
    if (el.tagName.toLowerCase() === "text" && el.parentElement?.closest("text")) continue;
    if (keep(el)) parts.push(withoutData ? textWithoutData(el) : el.textContent ?? "");
  }
  return parts.join("\n");
}

/** The SVG's accessible description. */
export function chartDescription(figure: Element): string {
  return figure.querySelector("svg desc")?.textContent ?? "";
}

/** The column headers of the chart's tables. */
export function tableHeaders(figure: Element): string[] {
  return [...figure.querySelectorAll("th[scope=col]")].map((th) => th.textContent ?? "");
}

/** Every word of `words` found in `text`, as a whole word and ignoring case: English left on a Chinese page. */
export function englishLeft(text: string, words: readonly string[]): string[] {
  return words.filter((w) => new RegExp(`(?<![A-Za-z])${w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![A-Za-z])`, "i").test(text));
}

/**
 * The common assertions for a chart on a Chinese page:
 * - each of `contains` appears in its visible text, description, table headers or `extra` (e.g. a tooltip);
 * - none of the English UI words `english` is left there (the source line's publisher names and the parts
 *   marked lang="en" are data, and are not checked);
 * - the source line is the frame's Chinese one;
 * - the CJK share of the visible text (everything shown, data included, unless `exclude`d) is at least `min`.
 * Returns the share, for reporting.
 */
export function expectChinese(figure: Element, options: {english: readonly string[]; contains: readonly string[]; min?: number; exclude?: string; extra?: string}): number {
  const visible = visibleChartText(figure, options.exclude);
  const ours = [visibleChartText(figure, ".atlas-source", true), chartDescription(figure), ...tableHeaders(figure), options.extra ?? ""].join("\n");
  for (const word of options.contains) expect(ours).toContain(word);
  expect(englishLeft(ours, options.english), ours).toEqual([]);
  expect(ours).not.toMatch(/\b(Sources?|Download|Data table)\b/);
  const source = figure.querySelector(".atlas-source")?.textContent ?? "";
  expect(source).toMatch(/^来源：/);
  expect(source).toContain("六小虎图谱");
  const share = cjkShare(visible);
  expect(share, visible).toBeGreaterThanOrEqual(options.min ?? 0.4);
  return share;
}
