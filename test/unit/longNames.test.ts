/**
 * A name of 2,000 characters without a space (a company, an investor, a model, an event title) must not widen a
 * chart: SVG text does not wrap, and the charts' SVGs show what overflows them, so one such label once widened
 * pages to 23,842 px. Every view of every story page is drawn with the story fixtures' company "alpha" and its rows
 * renamed so, and no text of its SVG may reach outside the width it was given (by the charts' own width estimate,
 * textWidth); text that was cut keeps the whole name in a <title>, for a pointer and a screen reader.
 */
import {JSDOM} from "jsdom";
import {afterAll, beforeAll, describe, expect, test, vi} from "vitest";
import {textWidth} from "../../src/components/chartText.js";
import {
  claims,
  companies,
  companySummary,
  densityFit,
  densityPoints,
  edgeCompany,
  events,
  financials,
  fundingRounds,
  fundingSteps,
  investorLinks,
  modelCounts,
  models,
  pricePoints,
  sourceRows
} from "./storyFixtures.js";

vi.mock("observablehq:stdlib", () => ({FileAttachment: (name: string) => ({href: name})}));

const dom = new JSDOM("<!doctype html><html><body></body></html>");
const globals = globalThis as unknown as Record<string, unknown>;
const saved = {document: globals.document, window: globals.window};
beforeAll(() => Object.assign(globals, {document: dom.window.document, window: dom.window}));
afterAll(() => Object.assign(globals, saved));

const {VIEWS} = await import("../../src/components/views/all.js");
const {loadStoryData} = await import("../../src/components/views.js");

/** 2,000 characters, no space, no break opportunity. */
const LONG = "X".repeat(1990) + "Holdings";
const LONG_ZH = "长".repeat(2000);

/** Alpha's rows with each of `fields` that holds text renamed to LONG. */
const alpha = <R extends {company_id?: string}>(rows: R[], fields: (keyof R)[]): R[] =>
  rows.map((row) => (row.company_id === "alpha" ? {...row, ...Object.fromEntries(fields.filter((f) => typeof row[f] === "string").map((f) => [f, LONG]))} : row));

const TABLES: Record<string, unknown[]> = {
  company_summary: [...companySummary, edgeCompany].map((c) =>
    c.company_id === "alpha" ? {...c, name_en: LONG, name_zh: LONG_ZH, short_en: LONG, short_zh: LONG_ZH, label: `${LONG_ZH} ${LONG}`, course_title: LONG} : c
  ),
  companies: alpha(companies, ["name_en", "name_zh", "short_en", "short_zh"] as never),
  funding_rounds: alpha(fundingRounds, ["round", "amount_reported", "notes"]).map((r) => (r.company_id === "alpha" ? {...r, lead_investors: [LONG], investors: [LONG]} : r)),
  funding_steps: alpha(fundingSteps, ["round", "amount_reported"]),
  investor_links: investorLinks.map((l) => ({...l, investor: LONG, investor_as_reported: LONG})),
  events: alpha(events, ["title"]),
  models: alpha(models, ["model"]),
  model_counts: modelCounts,
  financials,
  claims: claims.map((c, i) => (i === 0 ? {...c, claimant: LONG} : c)),
  density_points: densityPoints.map((p, i) => (i === 0 ? {...p, model: LONG} : p)),
  density_fit: densityFit,
  price_points: pricePoints.map((p, i) => (i === 0 ? {...p, model: LONG} : p)),
  sources: sourceRows.map((s, i) => (i === 0 ? {...s, title: LONG, publisher: LONG} : s))
};

/** The x offset a transform="translate(x…)" adds. */
const translateX = (element: Element): number => Number(/translate\(\s*(-?[\d.]+)/.exec(element.getAttribute("transform") ?? "")?.[1] ?? 0);

/** The text an element draws: its own, without the <title> a pointer shows. */
function drawn(element: Element): string {
  return [...element.childNodes].map((node) => (node.nodeType === 3 ? node.textContent : (node as Element).tagName === "title" ? "" : drawn(node as Element))).join("");
}

/** Where a <text> lies horizontally in its SVG, by the position of it and its groups and the estimated width of its text. */
function extent(text: Element, svg: Element): {left: number; right: number} {
  let x = Number(text.getAttribute("x") ?? 0) + translateX(text);
  for (let e = text.parentElement; e && e !== svg; e = e.parentElement) x += translateX(e) + (e.tagName === "svg" ? Number(e.getAttribute("x") ?? 0) : 0);
  const lines = text.querySelectorAll("tspan").length ? [...text.querySelectorAll("tspan")].map(drawn) : [drawn(text)];
  const size = Number(text.getAttribute("font-size") ?? text.closest("[font-size]")?.getAttribute("font-size") ?? 11);
  const w = Math.max(...lines.map((line) => textWidth(line, size)));
  const anchor = text.getAttribute("text-anchor") ?? text.closest("[text-anchor]")?.getAttribute("text-anchor") ?? "start";
  const left = anchor === "middle" ? x - w / 2 : anchor === "end" ? x - w : x;
  return {left, right: left + w};
}

describe("a 2,000-character name", () => {
  // The build's width and a phone's (every cut is tightest there and lanes stack). The Chinese name rides in `label`.
  test.each([688, 360])(`stays inside every chart's width (%i px), and is whole in a <title> where it was cut`, async (width) => {
    const problems: string[] = [];
    for (const [name, view] of Object.entries(VIEWS) as [string, {tables: string[]; defaults: (d: unknown) => unknown; render: (...a: unknown[]) => Element}][]) {
      const data = await loadStoryData(view.tables as never, async (table) => TABLES[table] as never, "en");
      const slot = dom.window.document.createElement("div");
      slot.setAttribute("data-company", "alpha");
      const figure = view.render(data, view.defaults(data), width, slot);
      for (const svg of figure.querySelectorAll("svg")) {
        if (svg.parentElement?.closest("svg")) continue;
        const svgWidth = Number(svg.getAttribute("width"));
        if (svgWidth > width) problems.push(`${name}: svg width ${svgWidth}`);
        for (const text of svg.querySelectorAll("text")) {
          const {left, right} = extent(text, svg);
          const shown = drawn(text);
          // A few pixels of slack for labels set at the very edge; a long name overflows by thousands.
          if (left < -24 || right > width + 24) problems.push(`${name}: "${shown.slice(0, 40)}…" spans ${Math.round(left)}–${Math.round(right)} px`);
          if (/(XXXX|长长长)[^…]*…$/.test(shown)) {
            const title = text.querySelector("title") ?? text.parentElement?.querySelector(":scope > title");
            if (!title || !/XXXXXXXXXXHoldings|长{2000}/.test(title.textContent ?? "")) problems.push(`${name}: "${shown.slice(0, 20)}…" was cut without the whole name in a <title>`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
