/**
 * Checks shared by the chart tests: the accessible name, marks inside the viewBox, hostile text staying
 * text. Positions are resolved through the translate() of every ancestor group, because marks are drawn
 * in plot coordinates inside a group shifted by the margins.
 */
import {expect} from "vitest";
import * as d3 from "../../src/components/d3.js";
import type {CompanySummaryRow} from "../../src/components/rows.js";
import {summary} from "./storyFixtures.js";

export {round, utc} from "./storyFixtures.js";

/** A detached SVG element as a d3 selection, to draw a chart part into in a test. */
export function svgElement<K extends keyof SVGElementTagNameMap>(tag: K): d3.Selection<SVGElementTagNameMap[K], unknown, null, undefined> {
  return d3.select<SVGElementTagNameMap[K], unknown>(document.createElementNS("http://www.w3.org/2000/svg", tag));
}

export const HOSTILE = '<img src=x onerror="alert(1)">';

export function marks(figure: Element): Element[] {
  return [...figure.querySelectorAll(".mark")];
}

export function markIds(figure: Element): string[] {
  return marks(figure).map((m) => m.getAttribute("data-id")!);
}

/** svg[role=img] named by its <title> and described by its <desc>. */
export function expectAccessible(figure: HTMLElement, title: string | RegExp): {title: string; description: string} {
  const svg = figure.querySelector("svg")!;
  expect(svg.getAttribute("role")).toBe("img");
  const [titleId, descId] = svg.getAttribute("aria-labelledby")!.split(" ");
  const titleEl = svg.querySelector(`#${titleId}`)!;
  const descEl = svg.querySelector(`#${descId}`)!;
  expect(titleEl.tagName.toLowerCase()).toBe("title");
  expect(descEl.tagName.toLowerCase()).toBe("desc");
  expect(titleEl.textContent).toMatch(title);
  expect(descEl.textContent!.length).toBeGreaterThan(40);
  return {title: titleEl.textContent!, description: descEl.textContent!};
}

function offset(el: Element): [number, number] {
  let x = 0;
  let y = 0;
  for (let node: Element | null = el.parentElement; node && node.tagName.toLowerCase() !== "svg"; node = node.parentElement) {
    const t = /translate\(\s*([-\d.e]+)[ ,]+([-\d.e]+)\s*\)/.exec(node.getAttribute("transform") ?? "");
    if (t) {
      x += Number(t[1]);
      y += Number(t[2]);
    }
  }
  return [x, y];
}

/** Every horizontal coordinate a mark has (cx, x, x + width, x1, x2, the x of each point of a path). */
export function markXs(el: Element): number[] {
  const [dx] = offset(el);
  const xs: number[] = [];
  for (const name of ["cx", "x", "x1", "x2"]) {
    const v = el.getAttribute(name);
    if (v !== null) xs.push(Number(v) + dx);
  }
  const w = el.getAttribute("width");
  if (w !== null && el.getAttribute("x") !== null) xs.push(Number(el.getAttribute("x")) + Number(w) + dx);
  const d = el.getAttribute("d");
  if (d) {
    // linkHorizontal and line paths are absolute "x,y" pairs after M/L/C.
    for (const pair of d.matchAll(/(-?[\d.]+(?:e-?\d+)?),(-?[\d.]+(?:e-?\d+)?)/g)) xs.push(Number(pair[1]) + dx);
  }
  return xs;
}

export function markYs(el: Element): number[] {
  const [, dy] = offset(el);
  const ys: number[] = [];
  for (const name of ["cy", "y", "y1", "y2"]) {
    const v = el.getAttribute(name);
    if (v !== null) ys.push(Number(v) + dy);
  }
  return ys;
}

/** Every mark (and every text label) lies within the viewBox horizontally, marks vertically too. */
export function expectInsideViewBox(figure: HTMLElement): void {
  const svg = figure.querySelector("svg")!;
  const [, , width, height] = svg.getAttribute("viewBox")!.split(" ").map(Number);
  const all = marks(figure);
  expect(all.length).toBeGreaterThan(0);
  for (const el of all) {
    const xs = markXs(el);
    expect(xs.length, `mark ${el.getAttribute("data-id")} has a position`).toBeGreaterThan(0);
    for (const x of xs) {
      expect(Number.isFinite(x), `${el.getAttribute("data-id")} x=${x}`).toBe(true);
      expect(x, `${el.getAttribute("data-id")} x`).toBeGreaterThanOrEqual(0);
      expect(x, `${el.getAttribute("data-id")} x`).toBeLessThanOrEqual(width);
    }
    for (const y of markYs(el)) {
      expect(y, `${el.getAttribute("data-id")} y`).toBeGreaterThanOrEqual(0);
      expect(y, `${el.getAttribute("data-id")} y`).toBeLessThanOrEqual(height);
    }
  }
  for (const text of svg.querySelectorAll("text")) {
    const x = text.getAttribute("x");
    if (x === null) continue;
    const [dx] = offset(text);
    const ax = Number(x) + dx;
    expect(ax, `text "${text.textContent}"`).toBeGreaterThanOrEqual(0);
    expect(ax, `text "${text.textContent}"`).toBeLessThanOrEqual(width);
  }
}

/** Hostile text must never become markup. */
export function expectNoInjectedMarkup(figure: Element): void {
  expect(figure.querySelector("img")).toBeNull();
  expect(figure.querySelector("script")).toBeNull();
  expect(figure.querySelector("[onerror]")).toBeNull();
}

/** Shows the tooltip of a mark (as a click would) and returns its text. */
export function tooltipText(figure: HTMLElement, mark: Element): string {
  mark.dispatchEvent(new MouseEvent("click", {bubbles: true}));
  const tip = figure.querySelector(".atlas-tooltip") as HTMLElement;
  expect(tip.hidden).toBe(false);
  return tip.textContent ?? "";
}

/** A company_summary row for hand-made cases. */
export function company(id: string, short_en: string, short_zh = short_en, extra: Partial<CompanySummaryRow> = {}): CompanySummaryRow {
  return summary(id, short_en, short_zh, extra);
}
