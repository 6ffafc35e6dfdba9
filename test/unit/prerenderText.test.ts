/**
 * The build-time render of a real story page with hostile data text: /pivots as Framework and the edition step leave
 * it (test/fixtures/framework/pivots-edition.html, regenerate it from a build's Framework output after
 * mendBuiltPages and mendEditions when the page changes), its tables the story fixtures with one event titled with
 * every `$` replacement pattern. An earlier prerender spliced with String.replace: one such title left /pivots with
 * 1 of 3 charts and, with several, 12 copies of `</html>`. In-process and on fixture rows, so it costs a second, not a
 * build.
 */
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {JSDOM} from "jsdom";
import {afterAll, expect, test, vi} from "vitest";
import {companySummary, edgeCompany, events, models, pivotEvents, pivotModelCounts, sourceRows} from "./storyFixtures.js";

// The page module names its Parquet files through Framework's FileAttachment, which exists only in the browser.
vi.mock("observablehq:stdlib", () => ({FileAttachment: (name: string) => ({href: name})}));

const {prerender} = await import("../../scripts/prerender.js");

/** Every pattern String.replace expands, in an event title drawn by /pivots' first chart. */
const TITLE = "Alpha $` before $' after $& match $$ dollar $1 group $<name> named";

const TABLES: Record<string, unknown[]> = {
  company_summary: [...companySummary, edgeCompany],
  events: [...events.map((e) => (e.id === "alpha-listing" ? {...e, title: TITLE} : e)), ...pivotEvents],
  models,
  model_counts: pivotModelCounts,
  sources: sourceRows
};

const dist = mkdtempSync(join(tmpdir(), "atlas-prerender-text-"));
afterAll(() => rmSync(dist, {recursive: true, force: true}));

test("a $ pattern in an event title leaves /pivots whole: one page, every slot and value filled, the title as written", async () => {
  const page = readFileSync("test/fixtures/framework/pivots-edition.html", "utf8");
  const slots = [...page.matchAll(/<div id="prerender-([a-z0-9-]+)" class="atlas-prerender"[^>]*><\/div>/g)].map((m) => m[1]);
  expect(slots).toEqual(["pivots-filters", "event-swimlanes"]);
  writeFileSync(join(dist, "pivots.html"), page);

  const rendered = await prerender(dist, async (name) => {
    if (!TABLES[name]) throw new Error(`no fixture table ${name}`);
    return TABLES[name] as Record<string, unknown>[];
  });
  expect(rendered).toEqual(slots.map((slot) => `pivots.html#${slot}`));

  const html = readFileSync(join(dist, "pivots.html"), "utf8");
  expect(html.split("</html>")).toHaveLength(2);
  expect(html.split("<!DOCTYPE html>")).toHaveLength(2);
  expect(html).not.toMatch(/<observablehq-loading><\/observablehq-loading>/);
  // The page after its main column is as it was: nothing of it was copied or dropped.
  const after = (text: string) => text.slice(text.indexOf("</main>"));
  expect(after(html)).toBe(after(page));
  const {document} = new JSDOM(html).window;
  for (const slot of slots) {
    const filled = document.getElementById(`prerender-${slot}`)!;
    expect(filled.children.length, slot).toBeGreaterThan(0);
  }
  const chart = document.getElementById("prerender-event-swimlanes")!;
  expect(chart.querySelectorAll("svg")).toHaveLength(1);
  // The title as written, once in the chart's data table, and nowhere a pattern was expanded into page text.
  const cells = [...chart.querySelectorAll("td")].map((td) => td.textContent);
  expect(cells.filter((text) => text === TITLE)).toHaveLength(1);
  expect(document.body.textContent!.split(TITLE)).toHaveLength(2);
});
