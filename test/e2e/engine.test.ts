/**
 * No engine until a reader asks for SQL. Story pages (both editions) never request DuckDB-WASM and stay within
 * their byte budget; each story table drawn in the page holds the same rows as DuckDB's answer to the query it
 * shows (Run in SQL), for more than one state of the page, and the same query opens in /explore; /explore shows
 * the engine's download as a <progress> with bytes; a second visit starts the engine from the browser's cache.
 */
import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {chromium, type Page} from "playwright-core";
import {describe, expect, test} from "vitest";
import {builtRoutes, chromiumPath, isEmbedRoute, openPage, useSite, waitForCells, wireBytes} from "./browser.js";
import {queryBuilt} from "./helpers.js";
import {TABLE_NAMES} from "../../src/lib/tables/index.js";
import {readSqlLink} from "../../src/components/sqlLink.js";

const site = useSite();
const visit = site.visit.bind(site);

/** The story pages of both editions: the overview, the three stories and every company page. */
const STORY_ROUTES = builtRoutes().filter((r) => /^(zh\/)?(|funding|pivots|density|companies\/.+)$/.test(r));

/**
 * Pages with no SQL of their own: every route but the explorer and the notebooks. The embed pages are held to the
 * same (no engine, their own byte budget) by embed.test.ts, in one loop over all of them.
 */
const NO_ENGINE_ROUTES = builtRoutes().filter((r) => !/^(zh\/)?(explore|notebooks\/)/.test(r) && !isEmbedRoute(r));

const ENGINE = /duckdb|\.wasm(\?|$)/i;

/**
 * A story page's budget until the network is idle, as a compressing host sends it (the 350 kB). What a page
 * spends it on: Parquet tables 150–185 kB (ZSTD; the sources table, 46 kB, on every page), D3, hyparquet and fzstd
 * 68 kB, the page's own modules 24–65 kB (only the charts it draws), Framework's runtime 24 kB; no web font. They
 * measure 265–297 kB.
 */
const BUDGET = 350_000;

describe("story pages never start the engine", () => {
  test("the story pages and their Chinese twins are all here", () => {
    expect(STORY_ROUTES).toEqual(expect.arrayContaining(["", "funding", "pivots", "density", "companies/zhipu", "zh/", "zh/funding", "zh/pivots", "zh/density", "zh/companies/zhipu"]));
  });

  test.each(NO_ENGINE_ROUTES)("/%s requests nothing of DuckDB-WASM", async (route) => {
    const {page, context, problems} = await openPage(site.browser, new URL(site.server.url).origin);
    try {
      const requested: string[] = [];
      page.on("request", (request) => requested.push(request.url()));
      const {total, uncounted} = await wireBytes(page, async () => {
        await page.goto(site.server.url + route);
        await waitForCells(page);
      });
      expect(requested.filter((url) => ENGINE.test(url))).toEqual([]);
      expect(requested.length).toBeGreaterThan(5);
      if (STORY_ROUTES.includes(route)) {
        expect(uncounted, "requests the byte count could not see").toEqual([]);
        expect(total, `bytes until idle on /${route}`).toBeLessThanOrEqual(BUDGET);
      }
      expect(problems.failedRequests).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

/** A story table's shown rows (cell texts), its row count and whose rows they are. */
async function tableState(page: Page, id: string) {
  const region = page.locator(`#${id}`);
  return {
    source: await region.getAttribute("data-source"),
    rows: Number(await region.locator(".atlas-table").getAttribute("data-rows")),
    cells: await region.locator("tbody tr").evaluateAll((rows) => rows.map((tr) => Array.from(tr.querySelectorAll("td"), (td) => td.textContent))),
    csv: await downloadCsv(page, id)
  };
}

/** The table's CSV (unformatted values of every shown column and row). */
async function downloadCsv(page: Page, id: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator(`#${id} .atlas-table button[data-format="csv"]`).click()]);
  return readFileSync(await download.path(), "utf8");
}

/** The window's records by the old definition, a running maximum inside the window, counted by native DuckDB. */
const runningMaxIn = (from: string, to: string) => `SELECT * FROM (
  SELECT *, max(density) OVER (ORDER BY release_date, density DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS previous_max
  FROM density_points WHERE release_date BETWEEN DATE '${from}' AND DATE '${to}'
) WHERE previous_max IS NULL OR density > previous_max`;

/**
 * Each table in more than one state, with the rows it must hold counted independently of its own query: so a
 * state the page ignored, or a page filter and a query that agree with each other but not with the question,
 * fails. The windows start after some models' prior peaks, so their records are not all records overall.
 */
const TABLE_STATES: {route: string; id: string; expected: string}[] = [
  {route: "funding", id: "rounds-sql", expected: "SELECT * FROM funding_rounds"},
  {route: "funding?companies=zhipu,moonshot", id: "rounds-sql", expected: "SELECT * FROM funding_rounds WHERE company_id IN ('zhipu', 'moonshot')"},
  {route: "zh/funding?companies=minimax,stepfun,baichuan", id: "rounds-sql", expected: "SELECT * FROM funding_rounds WHERE company_id IN ('minimax', 'stepfun', 'baichuan')"},
  {route: "density", id: "density-sql", expected: "SELECT * FROM density_points WHERE is_running_max"},
  {route: "density?window=2024-07-01..2025-04-05", id: "density-sql", expected: runningMaxIn("2024-07-01", "2025-04-05")},
  {route: "zh/density?window=2024-01-04..2024-12-31", id: "density-sql", expected: runningMaxIn("2024-01-04", "2024-12-31")},
  {route: "pivots", id: "models-sql", expected: "SELECT DISTINCT company_id FROM model_counts"},
  {route: "pivots?companies=modelbest,zhipu,deepseek", id: "models-sql", expected: "SELECT DISTINCT company_id FROM model_counts WHERE company_id IN ('modelbest', 'zhipu', 'deepseek')"},
  {route: "zh/pivots?companies=modelbest,moonshot", id: "models-sql", expected: "SELECT DISTINCT company_id FROM model_counts WHERE company_id IN ('modelbest', 'moonshot')"}
];

describe("a story table holds DuckDB's answer to the query it shows", () => {
  test("the density windows above hold records that are not records overall", async () => {
    for (const [from, to] of [["2024-07-01", "2025-04-05"], ["2024-01-04", "2024-12-31"]]) {
      const [row] = await queryBuilt(`SELECT count(*)::INTEGER AS n FROM (${runningMaxIn(from, to)}) WHERE NOT is_running_max`, ["density_points"]);
      expect(row.n, `${from}..${to}`).toBeGreaterThan(0);
    }
  });

  test.each(TABLE_STATES.map((s) => [s.route, s.id, s.expected]))("/%s #%s: the page's rows equal DuckDB-WASM's answer and the expected count", async (route, id, expected) => {
    const {page, context, problems} = await visit(route);
    try {
      const drawn = await tableState(page, id);
      expect(drawn.source).toBe("page");
      expect(drawn.rows).toBe(drawn.cells.length);
      expect(drawn.rows).toBe((await queryBuilt(expected, TABLE_NAMES)).length);
      const sql = (await page.locator(`#${id} details.atlas-query code`).textContent())!;
      // The text shown runs as it is, in native DuckDB over the same Parquet.
      expect((await queryBuilt(sql, TABLE_NAMES)).length).toBe(drawn.rows);
      await page.locator(`#${id} .atlas-run-sql`).click();
      await page.waitForSelector(`#${id}[data-source="duckdb"][aria-busy="false"]`, {timeout: 60_000});
      const answered = await tableState(page, id);
      expect(answered.cells).toEqual(drawn.cells);
      expect(answered.csv).toEqual(drawn.csv);
      expect(problems.consoleErrors).toEqual([]);
      expect(problems.failedRequests).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test.each([
    ["density?window=2024-07-01..2025-04-05", "density-sql", "explore"],
    ["zh/pivots?companies=modelbest,moonshot", "models-sql", "zh/explore"]
  ])("/%s #%s: Open in /explore opens /%s with the query, and it gives the same rows", async (route, id, explore) => {
    const {page, context, problems} = await visit(route);
    try {
      const sql = (await page.locator(`#${id} details.atlas-query code`).textContent())!;
      const rows = Number(await page.locator(`#${id} .atlas-table`).getAttribute("data-rows"));
      await page.locator(`#${id} .atlas-explore-link`).click();
      await page.waitForURL((url) => url.pathname.endsWith(`/${explore}`));
      expect(await readSqlLink(page.url())).toEqual({sql, from: "fragment"});
      // The build's editor is there from the first paint (empty for a link); the live one holds the query.
      await page.waitForSelector("#prerender-explorer[data-live] #atlas-sql");
      expect(await page.locator("#atlas-sql").inputValue()).toBe(sql);
      await page.waitForSelector("#explore-result[data-rows][aria-busy=false]", {state: "attached", timeout: 60_000});
      expect(Number(await page.locator("#explore-result").getAttribute("data-rows"))).toBe(rows);
      expect(problems.consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe("the engine's download", () => {
  test("/explore shows a <progress> of the engine's bytes while it downloads, then the result", async () => {
    const {page, context, problems} = await openPage(site.browser, new URL(site.server.url).origin);
    try {
      // About 4 s for the 34 MB engine.
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", {offline: false, latency: 20, downloadThroughput: 8_000_000, uploadThroughput: 1_000_000});
      await page.goto(`${site.server.url}explore`);
      const midway = await page.waitForFunction(
        () => {
          const bar = document.querySelector<HTMLProgressElement>(".atlas-engine-progress:not([hidden]) progress");
          if (!bar || !bar.hasAttribute("value") || !(bar.value > 0 && bar.value < bar.max)) return null;
          return {value: bar.value, max: bar.max, text: bar.parentElement!.textContent};
        },
        undefined,
        {timeout: 60_000, polling: 50}
      );
      const seen = (await midway.jsonValue())!;
      expect(seen.max).toBeGreaterThan(30_000_000);
      expect(seen.text).toMatch(/^\d+\.\d of \d+\.\d MB · \d+%$/);
      await page.waitForSelector("#explore-result[data-rows][aria-busy=false]", {state: "attached", timeout: 60_000});
      await page.waitForSelector("#explore-status[aria-busy=false]", {timeout: 60_000});
      expect(await page.locator(".atlas-engine-progress").count()).toBe(0);
      expect(Number(await page.locator("#explore-result").getAttribute("data-rows"))).toBeGreaterThan(0);
      expect(problems.consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("a story table's Run in SQL shows the same bar, in Chinese on a Chinese page", async () => {
    const {page, context} = await visit("zh/pivots");
    try {
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", {offline: false, latency: 20, downloadThroughput: 8_000_000, uploadThroughput: 1_000_000});
      await page.locator("#models-sql .atlas-run-sql").click();
      const text = await page.waitForFunction(
        () => {
          const bar = document.querySelector<HTMLProgressElement>("#models-sql .atlas-engine-progress:not([hidden]) progress");
          return bar && bar.value > 0 && bar.value < bar.max ? bar.parentElement!.textContent : null;
        },
        undefined,
        {timeout: 60_000, polling: 50}
      );
      expect(await text.jsonValue()).toMatch(/^已下载 \d+\.\d MB，共 \d+\.\d MB（\d+%）$/);
      await page.waitForSelector('#models-sql[data-source="duckdb"][aria-busy="false"]', {timeout: 60_000});
    } finally {
      await context.close();
    }
  });

  test("a second visit starts the engine from the browser's cache (a browser profile with a disk cache)", async () => {
    const engineRequests: string[] = [];
    const count = (request: {url?: string; headers: Record<string, unknown>}) => {
      if (request.url && ENGINE.test(request.url)) engineRequests.push(`${request.url.split("/").pop()} ${request.headers.range ?? "whole"}`);
    };
    site.server.server.on("request", count);
    // Playwright's contexts keep their cache in memory, too small for a 34 MB file; a profile has a disk cache.
    const profile = mkdtempSync(join(tmpdir(), "atlas-profile-"));
    const context = await chromium.launchPersistentContext(profile, {executablePath: chromiumPath(), headless: true, args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]});
    try {
      const started: number[] = [];
      for (const visit of [1, 2]) {
        const page = await context.newPage();
        await page.goto(`${site.server.url}explore`);
        await page.waitForSelector("#explore-status[aria-busy=false]", {timeout: 60_000});
        expect(await page.locator("#explore-status").textContent()).toMatch(/DuckDB-WASM is ready/);
        // A compressing host's cached copy of the engine is compressed, so the browser cannot answer the client's
        // 4-byte range probe from it and asks the server for those 4 bytes; what must not come again is a whole file.
        const whole = engineRequests.splice(0).filter((request) => request.endsWith(" whole"));
        started.push(whole.length);
        await page.close();
      }
      expect(started[0], "the first visit downloads the engine and its worker").toBeGreaterThanOrEqual(2);
      expect(started[1], "the second downloads none of them again").toBe(0);
    } finally {
      site.server.server.off("request", count);
      await context.close();
      rmSync(profile, {recursive: true, force: true});
    }
  });
});
