/**
 * The notebooks in a real browser: each draws its charts and shows its ```sql``` results, with counts checked
 * against native DuckDB over the same Parquet files, reacts to its input, and loads nothing from elsewhere.
 * The fork kit end to end (`npm run new`, a build, the new page in the sidebar) is in rebuild.test.ts, which
 * builds one changed copy of the project for it and for the loaders' freshness.
 */
import type {Page} from "playwright-core";
import {TABLE_NAMES} from "../../src/lib/tables/index.js";
import {readFileSync} from "node:fs";
import {describe, expect, test} from "vitest";
import {type PageProblems, useSite} from "./browser.js";
import {queryBuilt} from "./helpers.js";

const NOTEBOOKS = ["notebooks/template", "notebooks/before-the-flagship", "notebooks/edge-models"];
const TABLES = TABLE_NAMES;
/** How long a redraw after an input change may take. */
const POLL = {timeout: 15_000, interval: 200};

const site = useSite();

async function count(sql: string): Promise<number> {
  const [row] = await queryBuilt(`SELECT count(*)::INTEGER AS n FROM (${sql})`, TABLES);
  return row.n as number;
}

/** Every test opens pages the same way (browser.ts). */
const visit = site.visit.bind(site);

/** Waits until the page's charts have drawn and its ```sql``` results are shown. */
async function settled(page: Page) {
  await page.waitForSelector(".atlas-chart .mark", {timeout: 30_000});
  await page.waitForSelector(".atlas-table table tbody tr", {timeout: 30_000});
}

/** Marks of a chart, once it has drawn (charts wait for DuckDB). */
async function marks(page: Page, chart: string) {
  await page.waitForSelector(`.atlas-chart[data-chart="${chart}"] .mark`, {timeout: 30_000});
  return page.locator(`.atlas-chart[data-chart="${chart}"] .mark`);
}

/** Rows of the table a ```sql``` block displays inside the element with this id (notebook.js's Inputs.table). */
async function sqlRows(page: Page, id: string) {
  await page.waitForSelector(`#${id} table tbody tr`, {timeout: 30_000});
  return page.locator(`#${id} table tbody tr`);
}

function expectClean(problems: PageProblems) {
  expect(problems.consoleErrors).toEqual([]);
  expect(problems.failedRequests).toEqual([]);
  expect(problems.foreignRequests).toEqual([]);
}

describe("each notebook renders its charts and SQL results", () => {
  test("template: the query, the chart and the sources follow the company menu", async () => {
    const {page, context, problems} = await visit("notebooks/template");
    try {
      expect(await page.locator("#notebook-db").getAttribute("aria-busy")).toBe("false");
      expect(await page.locator("#notebook-db").innerText()).toMatch(new RegExp(`Database ready: ${TABLE_NAMES.length} tables`));
      const modelbest = await count("SELECT * FROM models WHERE company_id = 'modelbest'");
      expect(await (await sqlRows(page, "notebook-sql")).count()).toBe(modelbest);
      expect(await (await marks(page, "model-scatter")).count()).toBe(
        await count("SELECT * FROM models WHERE company_id = 'modelbest' AND params_total_b IS NOT NULL")
      );
      expect(await page.locator("#notebook-sources li").count()).toBe(
        await count("SELECT DISTINCT unnest(source_ids) FROM models WHERE company_id = 'modelbest'")
      );

      // Another company: the bound parameter changes, and everything downstream follows.
      await page.locator("main form select").first().selectOption({label: "Zhipu"});
      const zhipu = await count("SELECT * FROM models WHERE company_id = 'zhipu'");
      await expect.poll(() => page.locator("#notebook-sql table tbody tr").count(), POLL).toBe(zhipu);
      const zhipuSized = await count("SELECT * FROM models WHERE company_id = 'zhipu' AND params_total_b IS NOT NULL");
      await expect.poll(() => page.locator('[data-chart="model-scatter"] .mark').count(), POLL).toBe(zhipuSized);
      expectClean(problems);
    } finally {
      await context.close();
    }
  });

  test("before-the-flagship: one row per tiger, one bar per flagship, and the threshold re-asks", async () => {
    const {page, context, problems} = await visit("notebooks/before-the-flagship");
    try {
      const tigers = await count(`SELECT * FROM companies WHERE is_primary AND "group" = 'six_tigers'`);
      const withFlagship = (min: number) =>
        count(
          `SELECT DISTINCT m.company_id FROM models m JOIN companies c ON c.company_id = m.company_id AND c.is_primary
           WHERE c."group" = 'six_tigers' AND m.params_total_b >= ${min}`
        );
      expect(await (await sqlRows(page, "flagship-sql")).count()).toBe(tigers);
      expect(await (await marks(page, "raised-before-flagship")).count()).toBe(await withFlagship(100));
      // One mark per funding_steps row dated before its company's flagship, each placed on the plot (a mark
      // without a position is one the component could not read).
      const stepsBefore = await count(
        `SELECT s.* FROM funding_steps s JOIN funding_rounds r ON r.id = s.round_id
         JOIN (SELECT company_id, min(release_date) AS release_date FROM models WHERE params_total_b >= 100 GROUP BY company_id) f ON f.company_id = s.company_id
         WHERE (CASE r.date_precision WHEN 'day' THEN r.date + INTERVAL 1 DAY WHEN 'month' THEN r.date + INTERVAL 1 MONTH ELSE r.date + INTERVAL 1 YEAR END) <= f.release_date`
      );
      const cumulative = await marks(page, "cumulative-funding");
      expect(await cumulative.count()).toBe(stepsBefore);
      const unplaced = await cumulative.evaluateAll((els) => els.filter((el) => !/\d/.test(el.getAttribute("transform") ?? el.getAttribute("cx") ?? el.getAttribute("x") ?? "")).length);
      expect(unplaced).toBe(0);
      expect(await page.locator("#flagship-sources li a").count()).toBeGreaterThan(0);
      // The findings are computed, not typed: they name the flagships the query found.
      const findings = await page.locator("main").innerText();
      expect(findings).toMatch(new RegExp(`${await withFlagship(100)} of the ${tigers}\\s+tigers have a model of at least 100 billion`));

      await page.getByLabel("30B parameters").check();
      const at30 = await withFlagship(30);
      await expect.poll(() => page.locator('[data-chart="raised-before-flagship"] .mark').count(), POLL).toBe(at30);
      await expect.poll(() => page.locator("main").innerText(), POLL).toMatch(new RegExp(`${at30} of the ${tigers}\\s+tigers have a model of at least 30 billion`));
      expectClean(problems);
    } finally {
      await context.close();
    }
  });

  test("edge-models: sizes per company, the measured pairs, and both charts", async () => {
    const {page, context, problems} = await visit("notebooks/edge-models");
    try {
      const small = (max: number) => `FROM models WHERE (deployment = 'edge' OR params_total_b <= ${max})`;
      expect(await (await sqlRows(page, "edge-sql")).count()).toBe(await count(`SELECT DISTINCT company_id ${small(10)}`));
      expect(await (await marks(page, "model-scatter")).count()).toBe(await count(`SELECT * ${small(10)} AND params_total_b IS NOT NULL`));
      expect(await (await marks(page, "density")).count()).toBe(await count("SELECT * FROM density_points"));
      const pairs = await sqlRows(page, "density-sql");
      expect(await pairs.count()).toBeGreaterThan(0);
      // Every pair is one of the paper's points that belongs to an atlas company.
      expect(await pairs.count()).toBeLessThanOrEqual(await count("SELECT * FROM density_points WHERE company_id IS NOT NULL"));
      expect(await page.locator("#edge-sources li a").count()).toBeGreaterThan(0);

      await page.getByLabel("4B parameters").check();
      const sized4 = await count(`SELECT * ${small(4)} AND params_total_b IS NOT NULL`);
      await expect.poll(() => page.locator('[data-chart="model-scatter"] .mark').count(), POLL).toBe(sized4);
      await expect.poll(() => page.locator("#edge-sql table tbody tr").count(), POLL).toBe(await count(`SELECT DISTINCT company_id ${small(4)}`));
      expectClean(problems);
    } finally {
      await context.close();
    }
  });
});

describe("accessibility and small screens", () => {
  const axeSource = readFileSync("node_modules/axe-core/axe.min.js", "utf8");

  test.each(NOTEBOOKS.flatMap((route) => (["light", "dark"] as const).map((scheme) => [route, scheme] as const)))(
    "/%s (%s theme): axe finds no serious or critical violation",
    async (route, scheme) => {
      const {page, context} = await visit(route);
      try {
        await settled(page);
        if (scheme === "dark") {
          await page.emulateMedia({colorScheme: "dark"});
          await page.waitForTimeout(100);
        }
        // Evaluated through DevTools, not as an inline <script>: the pages' Content-Security-Policy refuses inline scripts.
        await page.evaluate(axeSource);
        const violations = await page.evaluate(async () => {
          type Result = {violations: {id: string; impact: string; nodes: {target: string[]}[]}[]};
          const axe = (window as unknown as {axe: {run: (c: unknown, o: unknown) => Promise<Result>}}).axe;
          const result = await axe.run(document, {resultTypes: ["violations"], rules: {"target-size": {enabled: true}}});
          return result.violations
            .filter((v) => v.impact === "serious" || v.impact === "critical")
            .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
        });
        expect(violations).toEqual([]);
      } finally {
        await context.close();
      }
    }
  );

  test.each(NOTEBOOKS)("/%s: at 375 px wide nothing scrolls sideways", async (route) => {
    const {page, context} = await visit(route, {width: 375, height: 800});
    try {
      await settled(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    } finally {
      await context.close();
    }
  });
});
