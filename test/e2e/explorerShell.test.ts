/**
 * /explore as the build draws it: the editor with the first example, the examples and the starting status are in
 * the page's HTML, so its largest element paints with the first frame (Lighthouse timed it after the explorer's
 * modules, seconds later on a phone). The live explorer then takes the slot without moving anything, and a shared
 * link's query never shows as the first example.
 */
import {describe, expect, test} from "vitest";
import {explorerReady, openPage, useSite} from "./browser.js";
import {withSqlLink} from "../../src/components/sqlLink.js";
import {EXAMPLE_QUERIES} from "../../src/lib/exampleQueries.js";

const site = useSite();

/** The page's paints and layout shifts from its first byte, for the test to read (no input is given). */
const WATCH = `window.__paints = {lcp: [], shifts: 0};
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__paints.lcp.push({at: e.startTime, id: e.element ? e.element.id : "", tag: e.element ? e.element.localName : ""});
}).observe({type: "largest-contentful-paint", buffered: true});
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__paints.shifts += e.value;
}).observe({type: "layout-shift", buffered: true});
document.addEventListener("DOMContentLoaded", () => {
  window.__paints.editorAtStart = document.querySelector("#atlas-sql")?.value ?? null;
  const slot = document.getElementById("prerender-explorer");
  if (slot) new MutationObserver((_, observer) => {
    if (!slot.dataset.live) return;
    window.__paints.liveAt = performance.now();
    observer.disconnect();
  }).observe(slot, {attributes: true, attributeFilter: ["data-live"]});
});`;

interface Paints {
  lcp: {at: number; id: string; tag: string}[];
  shifts: number;
  editorAtStart: string | null;
  liveAt?: number;
}

describe("/explore's build-time explorer", () => {
  test.each([
    ["explore", "Starting DuckDB-WASM"],
    ["zh/explore", "正在启动 DuckDB-WASM"]
  ])("/%s with scripts off: the editor holds the first example, the examples and the starting status are there, nothing answers", async (route, starting) => {
    const context = await site.browser.newContext({javaScriptEnabled: false});
    try {
      const page = await context.newPage();
      await page.goto(site.server.url + route);
      const built = page.locator("#prerender-explorer > section.atlas-explorer");
      expect(await built.getAttribute("inert")).toBe("");
      expect(await built.locator("textarea#atlas-sql").inputValue()).toBe(EXAMPLE_QUERIES[0].sql);
      expect(await built.locator(".atlas-example").count()).toBe(EXAMPLE_QUERIES.length);
      expect(await built.locator("#explore-status").textContent()).toContain(starting);
      expect(await built.locator("#atlas-limit").inputValue()).toBe("1000");
    } finally {
      await context.close();
    }
  });

  test.each(["explore", "zh/explore"])(
    "/%s on a phone: the largest paint is the built editor, with the first paint; the live explorer takes over, runs the example and moves nothing",
    async (route) => {
      const {page, context, problems} = await openPage(site.browser, new URL(site.server.url).origin, {width: 412, height: 823});
      try {
        await page.addInitScript(WATCH);
        await page.goto(site.server.url + route);
        await explorerReady(page);
        await page.waitForSelector("#explore-result .atlas-explorer-summary");
        const fcp = await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN);
        const paints = await page.evaluate(() => (window as unknown as {__paints: Paints}).__paints);
        // The largest paint is the build's (its editor, or on the Chinese page's narrow screen a paragraph of its
        // prose), before the live explorer took the slot: nothing the live page drew was larger. Without the build's
        // explorer the live editor, drawn once the explorer's modules had run, was the largest, 0.5 s after the first
        // paint here and seconds after it on a phone.
        const largest = paints.lcp.at(-1)!;
        expect(paints.liveAt, "the live explorer took the slot").toBeGreaterThan(fcp);
        expect(largest.at, JSON.stringify({fcp, liveAt: paints.liveAt, lcp: paints.lcp})).toBeLessThan(paints.liveAt!);
        expect(paints.editorAtStart).toBe(EXAMPLE_QUERIES[0].sql);
        // The live explorer holds the slot, answers and keeps the editor's text.
        expect(await page.locator("#prerender-explorer[data-live] > section.atlas-explorer:not([inert])").count()).toBe(1);
        expect(await page.locator("#atlas-sql").count()).toBe(1);
        expect(await page.locator("#atlas-sql").inputValue()).toBe(EXAMPLE_QUERIES[0].sql);
        expect(paints.shifts).toBeLessThan(0.01);
        expect(problems).toEqual({consoleErrors: [], failedRequests: [], foreignRequests: []});
      } finally {
        await context.close();
      }
    }
  );

  test.each([
    ["a #sql= link", async (base: string, sql: string) => withSqlLink(base, sql)],
    ["an older ?sql= link", async (base: string, sql: string) => `${base}?sql=${encodeURIComponent(sql)}`]
  ])("%s: the built editor shows nothing before the live one shows the link's query", async (_, link) => {
    const sql = "SELECT count(*) AS n FROM models";
    const {page, context, problems} = await openPage(site.browser, new URL(site.server.url).origin);
    try {
      await page.addInitScript(WATCH);
      await page.goto(await link(site.server.url + "explore", sql));
      await explorerReady(page);
      const paints = await page.evaluate(() => (window as unknown as {__paints: Paints}).__paints);
      expect(paints.editorAtStart).toBe("");
      expect(await page.locator("#atlas-sql").inputValue()).toBe(sql);
      expect(problems).toEqual({consoleErrors: [], failedRequests: [], foreignRequests: []});
    } finally {
      await context.close();
    }
  });
});
