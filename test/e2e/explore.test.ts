/**
 * /explore in a real browser: every example query runs and returns rows (their latency after DuckDB is
 * ready is reported), a shared ?sql= link reproduces a result, bad SQL shows DuckDB's message and the next
 * query still runs, a long query can be cancelled, the row limit is said when hit, results sort, chart and
 * download.
 */
import {readFileSync} from "node:fs";
import type {Page} from "playwright-core";
import {describe, expect, test} from "vitest";
import {EXAMPLE_QUERIES} from "../../src/lib/exampleQueries.js";
import {TABLE_NAMES} from "../../src/lib/tables/index.js";
import {explorerReady, openPage, runExplorerSql, useSite} from "./browser.js";
import {queryBuilt} from "./helpers.js";
import {readSqlLink} from "../../src/components/sqlLink.js";
import {ON_PAGE_MARK} from "../../src/components/parquetToIpc.js";

// Every published table, so the example queries see what the explorer registers.
const TABLES = TABLE_NAMES;

const site = useSite();

/** /explore opened and started; `prepare` sets the page up before it loads (listeners, routes). */
async function openExplorer(search = "", prepare: (page: Page) => unknown = () => {}) {
  const opened = await openPage(site.browser, new URL(site.server.url).origin);
  await prepare(opened.page);
  await opened.page.goto(`${site.server.url}explore${search}`);
  await explorerReady(opened.page);
  return opened;
}

/** How many tables the page converted itself, not the table worker (parquetToIpc.ts marks each). */
function tablesOnPage(page: Page): Promise<number> {
  return page.evaluate((mark) => performance.getEntriesByName(mark).length, ON_PAGE_MARK);
}

async function settled(page: Page): Promise<void> {
  await page.waitForSelector("#explore-result[aria-busy=false]", {state: "attached", timeout: 60_000});
}


function resultCells(page: Page) {
  return page.locator("#explore-result .atlas-explorer-table tbody tr").evaluateAll((rows) => rows.map((tr) => Array.from(tr.querySelectorAll("td"), (td) => td.textContent)));
}

describe("/explore", () => {
  test("every example query runs and returns the rows native DuckDB returns", async () => {
    const {page, context, problems} = await openExplorer();
    try {
      const latencies: number[] = [];
      for (const example of EXAMPLE_QUERIES) {
        await page.locator(`button[data-example="${example.id}"]`).click();
        await settled(page);
        expect(await page.locator(".atlas-explorer-error").isHidden(), `${example.id}: ${await page.locator(".atlas-explorer-error").textContent()}`).toBe(true);
        const shown = Number(await page.locator("#explore-result").getAttribute("data-rows"));
        const expected = await queryBuilt(example.sql, TABLES);
        expect(shown, example.id).toBe(expected.length);
        expect(shown, example.id).toBeGreaterThan(0);
        const summary = (await page.locator(".atlas-explorer-summary").textContent()) ?? "";
        latencies.push(Number(/in (\d+) ms/.exec(summary)![1]));
        await expect.poll(async () => (await readSqlLink(page.url()))?.sql).toBe(example.sql);
      }
      const sorted = [...latencies].sort((a, b) => a - b);
      const median = sorted.length % 2 ? sorted[sorted.length >> 1] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
      console.log(`example queries after DuckDB is ready: median ${median} ms (${latencies.join(", ")} ms)`);
      expect(problems.consoleErrors).toEqual([]);
      expect(problems.foreignRequests).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("the tables are converted beside the page, in a worker let go once they are in; a table's columns are drawn when opened", async () => {
    const TABLE_WORKER = /\/_import\/components\/tableWorker\.[0-9a-f]{8}\.js$/;
    const started: string[] = [];
    const closed: string[] = [];
    const {page, context, problems} = await openExplorer("", (page) =>
      page.on("worker", (worker) => {
        started.push(worker.url());
        worker.on("close", () => closed.push(worker.url()));
      })
    );
    try {
      expect(started.filter((url) => TABLE_WORKER.test(url))).toHaveLength(1);
      await expect.poll(() => closed.filter((url) => TABLE_WORKER.test(url)).length).toBe(1);
      // The worker did the work: the page marks any table it had to convert itself.
      expect(await tablesOnPage(page)).toBe(0);
      const entries = page.locator(".atlas-schema-table");
      expect(await entries.count()).toBe(TABLES.length);
      expect(await page.locator(".atlas-schema-table table").count()).toBe(0);
      await entries.first().locator("summary").click();
      await expect.poll(() => entries.first().locator("tbody tr").count()).toBeGreaterThan(1);
      expect(problems.consoleErrors).toEqual([]);
      expect(problems.foreignRequests).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("a table worker that cannot load leaves the tables to the page, and the explorer still starts and answers", async () => {
    const {page, context, problems} = await openExplorer("", (page) => page.route(/tableWorker\.[0-9a-f]{8}\.js$/, (route) => route.abort()));
    try {
      await settled(page);
      expect(await tablesOnPage(page)).toBeGreaterThan(0);
      expect(Number(await page.locator("#explore-result").getAttribute("data-rows"))).toBeGreaterThan(0);
      // The refused worker script is the one failure: the browser reports it, nothing else goes wrong.
      expect(problems.consoleErrors.filter((e) => !/tableWorker|Failed to load resource/.test(e))).toEqual([]);
      expect(problems.foreignRequests).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("a shared ?sql= link opens with that query run", async () => {
    const sql = "SELECT short_en, founded_raw FROM companies WHERE is_primary ORDER BY short_en";
    const {page, context} = await openExplorer(`?sql=${encodeURIComponent(sql)}`);
    try {
      expect(await page.locator("#atlas-sql").inputValue()).toBe(sql);
      const expected = await queryBuilt(sql, TABLES);
      // A NULL reads NULL in a SQL result, apart from an empty string.
      expect(await resultCells(page)).toEqual(expected.map((r) => [String(r.short_en), r.founded_raw === null ? "NULL" : String(r.founded_raw)]));
    } finally {
      await context.close();
    }
  });

  test("bad SQL shows DuckDB's message next to the editor, and the next query still runs", async () => {
    const {page, context, problems} = await openExplorer();
    try {
      await runExplorerSql(page, "SELECT nonsense FROM nowhere");
      await expect.poll(() => page.locator(".atlas-explorer-error").textContent()).toMatch(/nowhere/i);
      await runExplorerSql(page, "SELECT 42 AS answer");
      expect(await page.locator(".atlas-explorer-error").isHidden()).toBe(true);
      expect(await resultCells(page)).toEqual([["42"]]);
      expect(problems.consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("a long query can be cancelled, and the page keeps working", async () => {
    const {page, context} = await openExplorer();
    try {
      await page.locator("#atlas-sql").fill("SELECT sum(a.range * b.range) FROM range(200000) a, range(200000) b");
      await page.locator("#atlas-run").click();
      await page.waitForSelector("#atlas-cancel:not([disabled])");
      await page.waitForTimeout(300);
      await page.locator("#atlas-cancel").click();
      await expect.poll(() => page.locator(".atlas-explorer-error").textContent(), {timeout: 20_000}).toMatch(/cancelled/);
      await runExplorerSql(page, "SELECT 1 AS one");
      expect(await resultCells(page)).toEqual([["1"]]);
    } finally {
      await context.close();
    }
  });

  test("the row limit is said when hit; results sort, chart and download as CSV and Parquet", async () => {
    const {page, context} = await openExplorer();
    try {
      await runExplorerSql(page, "SELECT range AS n, range % 7 AS remainder FROM range(2500)");
      expect(await page.locator(".atlas-explorer-summary").textContent()).toMatch(/row limit of 1,000 was reached/);
      // 1,000 rows kept, past the grid's plain size: the grid counts them all, and only those in view are drawn.
      expect(await page.locator("#explore-result .atlas-explorer-table table").getAttribute("aria-rowcount")).toBe("1001");
      expect(await page.locator("#explore-result .atlas-explorer-table tbody tr").count()).toBeLessThan(100);

      await page.locator("#explore-result .atlas-explorer-table th button", {hasText: "remainder"}).click();
      await page.locator("#explore-result .atlas-explorer-table th button", {hasText: "remainder"}).click();
      expect(await page.locator("#explore-result .atlas-explorer-table th", {hasText: "remainder"}).getAttribute("aria-sort")).toBe("descending");
      expect(await page.locator("#explore-result .atlas-explorer-table tbody tr td:nth-child(2)").first().textContent()).toBe("6");

      await page.locator(".atlas-quick-chart-controls select[name=x]").selectOption("n");
      await page.locator(".atlas-quick-chart-controls select[name=y]").selectOption("remainder");
      await expect.poll(() => page.locator('[data-chart="quick-chart"] .mark').count()).toBe(1000);

      const [csv] = await Promise.all([page.waitForEvent("download"), page.locator('#explore-result .atlas-explorer-table button[data-format="csv"]').click()]);
      expect(readFileSync(await csv.path(), "utf8").split("\n")[0]).toBe("n,remainder");
      const [parquet] = await Promise.all([page.waitForEvent("download"), page.locator('#explore-result button[data-format="parquet"]').click()]);
      const bytes = readFileSync(await parquet.path());
      expect(bytes.subarray(0, 4).toString()).toBe("PAR1");
      expect(bytes.subarray(-4).toString()).toBe("PAR1");
    } finally {
      await context.close();
    }
  });

  test("back and forward walk through the queries run", async () => {
    const {page, context} = await openExplorer();
    try {
      await runExplorerSql(page, "SELECT 1 AS first");
      await runExplorerSql(page, "SELECT 2 AS second");
      await page.goBack();
      await expect.poll(() => page.locator("#atlas-sql").inputValue()).toBe("SELECT 1 AS first");
      await settled(page);
      expect(await resultCells(page)).toEqual([["1"]]);
      await page.goForward();
      await expect.poll(() => page.locator("#atlas-sql").inputValue()).toBe("SELECT 2 AS second");
    } finally {
      await context.close();
    }
  });
});
