/**
 * Links that survive (issue 12, part 3), in a real browser against the built site: /explore keeps its query in
 * `#sql=` (compressed, never sent to the server), so an older `?sql=` link still runs and is rewritten, a 40 kB
 * query survives a reload, the language switch carries the query to the twin, and a malformed `#sql=` says so;
 * story pages put a malformed address right and say what they ignored or clamped, in the page's language.
 *
 * The explorer's tests share one page and go on from where the one before left it: DuckDB starts on each load.
 */
import type {Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {asDate, isoDay} from "../../src/components/cells.js";
import {readSqlLink} from "../../src/components/sqlLink.js";
import {TABLE_NAMES} from "../../src/lib/tables/index.js";
import {openPage, useSite} from "./browser.js";
import {queryBuilt, readBuilt} from "./helpers.js";

const site = useSite();

/** Waits for DuckDB to be ready and the query on the page to have answered. */
async function answered(page: Page): Promise<void> {
  await page.waitForSelector("#explore-status[aria-busy=false]", {timeout: 60_000});
  await page.waitForSelector("#explore-result[aria-busy=false][data-rows]", {state: "attached", timeout: 60_000});
}

/** A query of about `size` characters that compresses no better than real SQL: distinct pseudo-random ids. */
function longQuery(size: number): {sql: string; ids: number} {
  const ids: string[] = [];
  let x = 20260108;
  for (let length = 0; length < size; ) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    const id = `('m-${x.toString(36)}')`;
    ids.push(id);
    length += id.length + 2;
  }
  return {sql: `SELECT count(*) AS n FROM (VALUES ${ids.join(", ")}) AS t(id)`, ids: ids.length};
}

describe("/explore links", () => {
  let explore: Awaited<ReturnType<typeof openPage>>;
  beforeAll(async () => {
    explore = await openPage(site.browser, new URL(site.server.url).origin);
  });
  afterAll(async () => {
    await explore?.context.close();
  });

  test("an older ?sql= link on /zh/explore runs, is rewritten to #sql= in place, and the language switch carries it to /explore", async () => {
    const {page, problems} = explore;
    const sql = "SELECT short_en, '智谱 #&+%' AS tricky FROM companies WHERE is_primary ORDER BY short_en";
    const expected = await queryBuilt(sql, TABLE_NAMES);
    await page.goto(`${site.server.url}zh/explore?sql=${encodeURIComponent(sql)}`);
    await answered(page);
    expect(await page.locator("#atlas-sql").inputValue()).toBe(sql);
    expect(Number(await page.locator("#explore-result").getAttribute("data-rows"))).toBe(expected.length);
    await expect.poll(() => new URL(page.url()).hash).toMatch(/^#sql=[A-Za-z0-9_-]+$/);
    expect(new URL(page.url()).search).toBe("");
    expect(await readSqlLink(page.url())).toEqual({sql, from: "fragment"});
    // Rewritten in place: back leaves the page rather than going to the ?sql= form.
    expect(await page.evaluate(() => history.length)).toBe(2);

    await page.click("a[data-twin]");
    await page.waitForURL((url) => url.pathname.endsWith("/explore") && !url.pathname.includes("/zh/"));
    await answered(page);
    expect(await readSqlLink(page.url())).toEqual({sql, from: "fragment"});
    expect(await page.locator("#atlas-sql").inputValue()).toBe(sql);
    expect(Number(await page.locator("#explore-result").getAttribute("data-rows"))).toBe(expected.length);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.failedRequests).toEqual([]);
  });

  test("a 40 kB query survives a reload: it stays in the fragment, and the address the server sees stays short", async () => {
    const {page, problems} = explore;
    // Run on its own, the test opens the explorer; after the one before, it goes on from there.
    if (!new URL(page.url()).pathname.endsWith("/explore")) {
      await page.goto(`${site.server.url}explore`);
      await answered(page);
    }
    const {sql, ids} = longQuery(40_000);
    expect(sql.length).toBeGreaterThan(40_000);
    await page.locator("#atlas-sql").fill(sql);
    await page.locator("#atlas-sql").press("Control+Enter");
    await expect.poll(async () => (await readSqlLink(page.url()))?.sql).toBe(sql);
    await answered(page);
    expect(await page.locator("#explore-result tbody td").first().textContent()).toBe(ids.toLocaleString("en"));

    const served: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "document") served.push(request.url());
    });
    await page.reload();
    await answered(page);
    expect(served).toHaveLength(1);
    expect(served[0].length).toBeLessThan(200);
    expect(served[0]).not.toContain("sql");
    expect(await page.locator("#atlas-sql").inputValue()).toBe(sql);
    expect(await page.locator("#explore-result tbody td").first().textContent()).toBe(ids.toLocaleString("en"));
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.failedRequests).toEqual([]);
  });

  test("a malformed #sql= says so in the page, and back returns to the query before it", async () => {
    const {page, problems} = explore;
    if (!new URL(page.url()).pathname.endsWith("/explore")) {
      await page.goto(`${site.server.url}explore`);
      await answered(page);
    }
    const before = await page.locator("#atlas-sql").inputValue();
    // Same document: only the fragment changes, as when a reader edits the address.
    await page.goto(`${site.server.url}explore#sql=bm90IGNvbXByZXNzZWQ`);
    const error = page.locator(".atlas-explorer-error");
    await expect.poll(() => error.textContent()).toMatch(/The query in this link could not be read: the text after #sql= is not a complete compressed query/);
    expect(await error.isVisible()).toBe(true);
    expect(await page.locator("#atlas-sql").inputValue()).toBe("");
    expect(await page.locator("#explore-result").getAttribute("data-rows")).toBe("");

    await page.goBack();
    await expect.poll(() => page.locator("#atlas-sql").inputValue()).toBe(before);
    await answered(page);
    expect(await error.isHidden()).toBe(true);
    expect(problems.consoleErrors).toEqual([]);
  });
});

describe("story pages correct their address", () => {
  test("the README's /density?fit=all&window=2023-06-01..2025-04-30 keeps its window, clamped to the data, and says so", async () => {
    const days = (await readBuilt("density_points")).map((d) => asDate(d.release_date)).filter((d): d is Date => d !== null).map(isoDay).sort();
    const last = days[days.length - 1];
    expect(last < "2025-04-30", "the example's window must reach past the data for this test to mean anything").toBe(true);
    const {page, context, problems} = await site.visit("density?fit=all&window=2023-06-01..2025-04-30");
    try {
      expect(new URL(page.url()).search).toBe(`?fit=all&window=2023-06-01..${last}`);
      expect(await page.locator('input[name="from"]').inputValue()).toBe("2023-06-01");
      expect(await page.locator('input[name="to"]').inputValue()).toBe(last);
      expect(await page.locator('input[name="fit"][value="all"]').isChecked()).toBe(true);
      const notice = page.locator("#prerender-density-filters .atlas-controls .atlas-url-notice");
      expect(await notice.textContent()).toBe(`Clamped window=2023-06-01..2025-04-30 to window=2023-06-01..${last}: the data run from ${days[0]} to ${last}.`);
      // The fit is over the clamped window, not the whole span.
      expect(await page.locator("p.atlas-note", {hasText: "Fitted on"}).first().textContent()).toContain(`released between 2023-06-01 and ${last}`);
      expect(problems.consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("a malformed parameter leaves the address with a notice, shown as text; another feature's parameter stays", async () => {
    const hostile = "<img src=x onerror=alert(1)>";
    const {page, context, problems} = await site.visit(`funding?scale=cubic&companies=zhipu,${encodeURIComponent(hostile)}&theirs=%E0%A4%A`);
    try {
      let dialogs = 0;
      page.on("dialog", (dialog) => {
        dialogs++;
        void dialog.dismiss();
      });
      expect(new URL(page.url()).search).toBe("?companies=zhipu&theirs=%E0%A4%A");
      const notice = page.locator(".atlas-controls .atlas-url-notice");
      expect(await notice.locator("p").allTextContents()).toEqual([
        `Ignored ${hostile} in companies: not among this page’s choices.`,
        "Ignored scale=cubic: not one of linear, log."
      ]);
      expect(await notice.locator("img").count()).toBe(0);
      expect(await page.locator('input[name="companies"]:checked').count()).toBe(1);
      expect(await page.locator('input[name="scale"][value="linear"]').isChecked()).toBe(true);
      expect(dialogs).toBe(0);
      expect(problems.consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("/zh/density: a reversed window is dropped from the address, and the notice is in Chinese", async () => {
    const {page, context, problems} = await site.visit("zh/density?window=2025-01-01..2024-01-01&fit=all");
    try {
      expect(new URL(page.url()).search).toBe("?fit=all");
      expect(await page.locator(".atlas-controls .atlas-url-notice").textContent()).toBe("已忽略 window=2025-01-01..2024-01-01：结束日期早于开始日期。");
      expect(problems.consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
