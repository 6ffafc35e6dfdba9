/**
 * A table that does not arrive. Playwright holds, refuses or cuts short one table's request, and the page must
 * show one readable notice for that table where the charts that need it stand (naming the file and what
 * happened, in the page's language), keep the build's copy of those charts, draw every chart that needs only
 * the other tables, raise no error, and, once the fault is gone, draw the missing charts in place on "Try again".
 *
 * The stall test runs on the real timeout (STALL_MS, 10 s: the notice must show within 15 s); the others do
 * not wait for one.
 */
import {readFileSync, readdirSync} from "node:fs";
import {join} from "node:path";
import type {BrowserContext, Page, Route} from "playwright-core";
import {describe, expect, test} from "vitest";
import {openPage, useSite, type PageProblems} from "./browser.js";

const site = useSite();

/** Requests for one table's Parquet file (its name in dist/ carries a content hash). */
const tableFile = (table: string) => new RegExp(`/_file/data/${table}\\.[0-9a-f]{8}\\.parquet$`);

/** The built file's bytes, to serve cut short. */
function builtTable(table: string): Buffer {
  const dir = "dist/_file/data";
  const name = readdirSync(dir).find((file) => tableFile(table).test(`/_file/data/${file}`));
  if (!name) throw new Error(`no ${table}.parquet in ${dir}`);
  return readFileSync(join(dir, name));
}

/**
 * Opens `route` with `fault` answering the table's requests until `heal()`; later requests go through. Problems
 * are recorded as in every browser test (browser.ts).
 */
async function openWithFault(route: string, table: string, fault: (route: Route) => Promise<void> | void) {
  const {page, context, problems} = await openPage(site.browser, new URL(site.server.url).origin);
  let faulty = true;
  const held: Route[] = [];
  await page.route(tableFile(table), (r) => {
    if (!faulty) return r.continue();
    held.push(r);
    return fault(r);
  });
  const opened = Date.now();
  await page.goto(site.server.url + route);
  return {page, context, problems, opened, heal: () => void (faulty = false), held};
}

/** Errors a reader could see or a script raised; the browser's own line for a refused request is not one. */
function errors(problems: PageProblems): string[] {
  return problems.consoleErrors.filter((text) => !/^Failed to load resource: the server responded with a status of 404/.test(text));
}

const marks = (page: Page, chart: string) => page.locator(`[data-chart="${chart}"] .mark`);

async function close(context: BrowserContext) {
  await context.close();
}

describe("a table that does not load", () => {
  test("/funding, funding_steps stalls: a notice naming it within 15 s on the real timeout, the other charts drawn, Try again draws it", async () => {
    const {page, context, problems, opened, heal} = await openWithFault("funding", "funding_steps", () => {
      // Never answered: the request stays open, as on a host that stops sending.
    });
    try {
      const notice = page.locator(".atlas-fault");
      await notice.first().waitFor({timeout: 15_000});
      expect(Date.now() - opened).toBeLessThan(15_000);
      expect(await notice.count()).toBe(1);
      const text = await notice.innerText();
      expect(text).toContain("funding_steps.parquet");
      expect(text).toContain("nothing arrived for 10 seconds (timed out)");
      // Where the chart that needs it stands, under the build's copy, which stays.
      const slot = page.locator("#prerender-cumulative-funding");
      expect(await slot.locator(".atlas-fault").count()).toBe(1);
      expect(await marks(page, "cumulative-funding").count()).toBeGreaterThan(0);
      expect(await slot.getAttribute("data-live")).toBeNull();
      // The charts of the other tables are live.
      await expect.poll(() => marks(page, "valuations").count()).toBeGreaterThan(0);
      await expect.poll(() => marks(page, "investor-network").count()).toBeGreaterThan(0);
      expect(await page.locator("#rounds-sql table").count()).toBe(1);
      expect(await page.locator(".observablehq--error").count()).toBe(0);

      heal();
      await page.getByRole("button", {name: "Try again"}).click();
      await page.waitForSelector("#prerender-cumulative-funding[data-live=true] [data-chart=cumulative-funding] .mark");
      await expect.poll(() => notice.count()).toBe(0);
      expect(await page.locator("#prerender-cumulative-funding > *").count()).toBe(1);
      expect(errors(problems)).toEqual([]);
    } finally {
      await close(context);
    }
  });

  test("/zh/, financials is not found (404): one Chinese notice by its chart, the other charts drawn, Try again draws it", async () => {
    const {page, context, problems, heal} = await openWithFault("zh/", "financials", (r) => r.fulfill({status: 404, body: "not found"}));
    try {
      const notice = page.locator(".atlas-fault");
      await notice.first().waitFor({timeout: 15_000});
      await expect.poll(() => marks(page, "timeline-strip").count()).toBeGreaterThan(0);
      expect(await notice.count()).toBe(1);
      const text = await notice.innerText();
      expect(text).toContain("未能载入数据表 financials.parquet");
      expect(text).toContain("服务器上找不到该文件（HTTP 404）");
      expect(await page.locator("#prerender-revenue-funding .atlas-fault").count()).toBe(1);
      expect(await marks(page, "funding-valuation").count()).toBeGreaterThan(0);
      expect(await page.locator(".atlas-course-grid").count()).toBe(1);
      expect(await page.locator(".observablehq--error").count()).toBe(0);

      heal();
      await page.getByRole("button", {name: "重试"}).click();
      await page.waitForSelector("#prerender-revenue-funding[data-live=true] [data-chart=revenue-funding] .mark");
      await expect.poll(() => notice.count()).toBe(0);
      expect(errors(problems)).toEqual([]);
    } finally {
      await close(context);
    }
  });

  test("/companies/zhipu, events arrives cut short: one notice (damaged or incomplete) at the timeline, the other tables drawn", async () => {
    const bytes = builtTable("events");
    const {page, context, problems, heal} = await openWithFault("companies/zhipu", "events", (r) =>
      r.fulfill({status: 200, contentType: "application/octet-stream", body: bytes.subarray(0, Math.floor(bytes.length / 2))})
    );
    try {
      const notice = page.locator(".atlas-fault");
      await notice.first().waitFor({timeout: 15_000});
      await expect.poll(() => page.locator("#funding table tbody tr, h2#funding ~ * table tbody tr").count()).toBeGreaterThan(0);
      expect(await notice.count()).toBe(1);
      expect(await notice.innerText()).toContain("Could not load the table events.parquet: it arrived damaged or incomplete.");
      // The timeline and the events table both need it: the notice stands at the first, by the build's copy.
      expect(await page.locator("#prerender-company-timeline .atlas-fault").count()).toBe(1);
      expect(await marks(page, "company-timeline").count()).toBeGreaterThan(0);
      expect(await page.locator(".observablehq--error").count()).toBe(0);

      heal();
      await page.getByRole("button", {name: "Try again"}).click();
      await page.waitForSelector("#prerender-company-timeline[data-live=true] [data-chart=company-timeline] .mark");
      await expect.poll(() => notice.count()).toBe(0);
      expect(errors(problems)).toEqual([]);
    } finally {
      await close(context);
    }
  });

  test("/data, models is not found: one notice at the first part that reads it, the parts of other files drawn", async () => {
    const {page, context, problems} = await openWithFault("data", "models", (r) => r.fulfill({status: 404, body: ""}));
    try {
      const notice = page.locator(".atlas-fault");
      await notice.first().waitFor({timeout: 15_000});
      await expect.poll(() => page.locator("main caption", {hasText: "Every field of every table"}).count()).toBe(1);
      expect(await notice.count()).toBe(1);
      expect(await notice.innerText()).toContain("models.parquet: it was not found on the server (HTTP 404)");
      // The downloads list counts every table's rows: it is the first part that reads models.
      const heading = await notice.evaluate((el) => {
        const headings = [...document.querySelectorAll("main h2")];
        return headings.filter((h) => h.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING).pop()?.id;
      });
      expect(heading).toBe("downloads");
      expect(await page.locator("main caption", {hasText: /^\d+ of \d+ sources$/}).count()).toBe(1);
      expect(await page.locator(".atlas-citation-text").count()).toBeGreaterThan(0);
      expect(await page.locator(".observablehq--error").count()).toBe(0);
      expect(errors(problems)).toEqual([]);
    } finally {
      await close(context);
    }
  });

  test("/explore, a table stalls (timeout shortened to 2 s through ATLAS_STALL_MS): the status names the file instead of starting forever, and Try again starts it", async () => {
    const {page, context} = await openPage(site.browser, new URL(site.server.url).origin);
    await page.addInitScript(() => ((globalThis as {ATLAS_STALL_MS?: number}).ATLAS_STALL_MS = 2_000));
    await page.route(tableFile("funding_steps"), () => {});
    try {
      await page.goto(site.server.url + "explore");
      const status = page.locator("#explore-status.atlas-error");
      await status.waitFor({timeout: 30_000});
      expect(await status.innerText()).toContain("A table could not be loaded: funding_steps.parquet: nothing arrived for 2 seconds (timed out)");
      // Said once, in the status line: not again where the result would be.
      expect(await page.locator("main").innerText()).not.toMatch(/funding_steps\.parquet[\s\S]*funding_steps\.parquet/);
      // Once the table arrives again, Try again starts the engine in place and runs the page's query.
      await page.unroute(tableFile("funding_steps"));
      await status.locator("button", {hasText: "Try again"}).click();
      await page.locator("#explore-status[aria-busy=false]:not(.atlas-error)").waitFor({timeout: 60_000});
      expect(await page.locator("#explore-status").innerText()).toMatch(/is ready: \d+ tables/);
      await page.locator("#explore-result .atlas-explorer-table tbody tr").first().waitFor({timeout: 30_000});
    } finally {
      await close(context);
    }
  });
});
