/**
 * The shared DuckDB-WASM client on a real page, started by a story table's "Run in SQL": its answer equals
 * native DuckDB's over the same Parquet files, its loading state shows, and a failed start leaves a readable
 * message and a working page.
 */
import {expect, test} from "vitest";
import {openPage, waitForCells, useSite} from "./browser.js";
import {queryBuilt} from "./helpers.js";

const site = useSite();

test("the rounds table from DuckDB-WASM (Run in SQL) equals native DuckDB's answer over the same Parquet", async () => {
  const {page, context, problems} = await openPage(site.browser, new URL(site.server.url).origin);
  try {
    await page.goto(`${site.server.url}funding`);
    await waitForCells(page);
    const clicked = await page.evaluate(() => performance.now());
    await page.locator("#rounds-sql .atlas-run-sql").click();
    // The loading state is visible until DuckDB answers.
    expect(await page.locator("#rounds-sql").getAttribute("aria-busy")).toBe("true");
    await page.waitForSelector("#rounds-sql[aria-busy=false][data-source=duckdb] table", {timeout: 30_000});
    await waitForCells(page);
    const cells = await page.locator("#rounds-sql tbody tr").evaluateAll((rows) =>
      rows.map((tr) => Array.from(tr.querySelectorAll("td"), (td) => td.textContent))
    );
    const expected = await queryBuilt(
      // A round with no reported amount shows the grid's mark for a missing value, a dash.
      `SELECT f.date_raw, f.round, coalesce(f.amount_reported, '—') AS amount
       FROM funding_rounds f ORDER BY f.date, f.id`,
      ["funding_rounds"]
    );
    expect(expected.length).toBeGreaterThan(40);
    expect(cells.map((c) => [c[1], c[3], c[4]])).toEqual(expected.map((r) => [r.date_raw, r.round, r.amount]));
    const ready = await page.evaluate(() => performance.getEntriesByName("atlas:rounds-sql:sql")[0]?.startTime);
    console.log(`first DuckDB query result on /funding ${Math.round(ready - clicked)} ms after Run in SQL`);
    expect(problems.foreignRequests).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
  } finally {
    await context.close();
  }
});

test("a failing DuckDB start shows a readable message; the Parquet-drawn charts are unaffected", async () => {
  const {page, context} = await openPage(site.browser, new URL(site.server.url).origin);
  try {
    // The engine file answers 404, as on a host where its upload failed.
    await page.route("**/*.wasm", (route) => route.fulfill({status: 404, body: "missing"}));
    await page.goto(`${site.server.url}funding`);
    await waitForCells(page);
    await page.locator("#rounds-sql .atlas-run-sql").click();
    await page.waitForSelector("#rounds-sql[aria-busy=false] .atlas-error", {timeout: 30_000});
    await expect.poll(() => page.locator("#rounds-sql .atlas-error").textContent()).toMatch(/DuckDB-WASM could not start: its engine file is unavailable \(HTTP 404/);
    expect(await page.locator('[data-chart="cumulative-funding"] .mark').count()).toBeGreaterThan(10);
    // The page's own rows stay.
    expect(await page.locator("#rounds-sql").getAttribute("data-source")).toBe("page");
    expect(await page.locator("#rounds-sql tbody tr").count()).toBeGreaterThan(40);
  } finally {
    await context.close();
  }
});
