/**
 * The first page: a table painted straight from Parquet, and a DuckDB-WASM query whose rows must equal the
 * same query run by native DuckDB over the same built files.
 */
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, expect, test} from "vitest";
import type {StaticServer} from "../../scripts/serve.js";
import {launchBrowser, openPage, serveDist, waitForCells} from "./browser.js";
import {queryBuilt, readBuilt} from "./helpers.js";

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), serveDist()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test("the companies table lists every primary company from companies.parquet", async () => {
  const {page, context, problems} = await openPage(browser, new URL(server.url).origin);
  try {
    await page.goto(server.url);
    await page.waitForSelector("#companies[aria-busy=false] table");
    const shown = await page.locator("#companies tbody tr td:nth-child(2)").allTextContents();
    const expected = (await readBuilt("companies")).filter((c) => c.is_primary).map((c) => c.name_en);
    expect(shown.sort()).toEqual((expected as string[]).sort());
    expect(problems.consoleErrors).toEqual([]);
  } finally {
    await context.close();
  }
});

test("the DuckDB-WASM query returns the rows native DuckDB returns for the same Parquet", async () => {
  const {page, context, problems} = await openPage(browser, new URL(server.url).origin);
  try {
    await page.goto(server.url);
    await page.waitForSelector("#funding-sql[aria-busy=false]", {timeout: 30_000});
    await waitForCells(page);
    expect(await page.locator("#funding-sql .atlas-error").count(), "query error").toBe(0);
    const cells = await page.locator("#funding-sql tbody tr").evaluateAll((rows) =>
      rows.map((tr) => Array.from(tr.querySelectorAll("td"), (td) => td.textContent))
    );
    const expected = await queryBuilt(
      `SELECT c.name_en, count(*)::INTEGER AS rounds, round(sum(f.amount_usd_mid))::INTEGER AS usd
       FROM funding_rounds f JOIN companies c ON c.company_id = f.company_id AND c.is_primary
       WHERE f.kind = 'round' AND f.amount_usd_mid IS NOT NULL
       GROUP BY ALL ORDER BY usd DESC`,
      ["funding_rounds", "companies"]
    );
    expect(expected.length).toBeGreaterThan(3);
    expect(cells.map(([, name, rounds, usd]) => [name, Number(rounds), Number(usd)])).toEqual(
      expected.map((r) => [r.name_en, r.rounds, r.usd])
    );
    const firstQuery = await page.evaluate(() => performance.getEntriesByName("atlas:funding-sql:ready")[0]?.startTime);
    console.log(`first DuckDB query result at ${Math.round(firstQuery)} ms after navigation`);
    expect(problems.foreignRequests).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
  } finally {
    await context.close();
  }
});

test("a failing DuckDB start shows a readable message instead of a dead page", async () => {
  const {page, context} = await openPage(browser, new URL(server.url).origin);
  try {
    // Make the engine unreachable: its wasm answers 404, as on a host that failed to upload it.
    await page.route("**/*.wasm", (route) => route.fulfill({status: 404, body: "missing"}));
    await page.goto(server.url);
    await page.waitForSelector("#funding-sql[aria-busy=false]", {timeout: 30_000});
    await expect.poll(() => page.locator("#funding-sql .atlas-error").textContent()).toMatch(/DuckDB-WASM could not start: its engine file is unavailable \(HTTP 404/);
    // The Parquet-painted table does not depend on DuckDB and is still there.
    expect(await page.locator("#companies tbody tr").count()).toBeGreaterThan(5);
  } finally {
    await context.close();
  }
});
