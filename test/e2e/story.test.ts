/**
 * The story pages in a real browser: each chart draws one mark per row of its data (counted here with native
 * DuckDB from the same Parquet files), filters change the chart and the URL and survive a reload and
 * back/forward, downloads produce files, axe finds no serious or critical violation (target size included:
 * axe leaves that rule off unless asked), and at 375 px nothing
 * scrolls sideways.
 */
import {readFileSync} from "node:fs";
import type {Page} from "playwright-core";
import {describe, expect, test} from "vitest";
import {openPage, waitForCells, useSite} from "./browser.js";
import {queryBuilt} from "./helpers.js";

const ALL_TABLES = ["companies", "company_summary", "funding_rounds", "funding_steps", "investor_links", "models", "model_counts", "events", "financials", "claims", "density_points", "density_fit", "price_points", "sources"];
const STORY_ROUTES = ["", "funding", "pivots", "density", "companies/zhipu", "companies/modelbest", "data", "explore"];

const site = useSite();

/** Every test opens pages the same way (browser.ts). */
const visit = site.visit.bind(site);

async function count(sql: string): Promise<number> {
  const [row] = await queryBuilt(`SELECT count(*)::INTEGER AS n FROM (${sql})`, ALL_TABLES);
  return row.n as number;
}

/** Steps of the cumulative funding line: the build's counted, dated financing rounds (funding_steps). */
async function countRounds(where = "TRUE"): Promise<number> {
  return count(`SELECT * FROM funding_steps WHERE ${where}`);
}

function marks(page: Page, chart: string) {
  return page.locator(`[data-chart="${chart}"] .mark`);
}

describe("each chart draws one mark per row of its data", () => {
  test("overview: timeline strip, funding–valuation scatter and revenue against money raised", async () => {
    const {page, context, problems} = await visit("");
    try {
      const expected =
        (await count("SELECT * FROM company_summary WHERE founded IS NOT NULL")) +
        (await count("SELECT * FROM funding_rounds WHERE kind IN ('round', 'ipo')")) +
        (await count("SELECT * FROM events WHERE event_type = 'ipo_listing'"));
      expect(await marks(page, "timeline-strip").count()).toBe(expected);
      // Companies with both a disclosed funding total and a latest valuation.
      const both = await count("SELECT * FROM company_summary WHERE funding_usd_mid > 0 AND valuation_usd_mid > 0");
      expect(await marks(page, "funding-valuation").count()).toBe(both);
      // Per company with a full-year revenue: money raised, revenue and net loss, each when positive.
      const results = "SELECT * FROM company_summary WHERE revenue_usd_m IS NOT NULL";
      const resultMarks =
        (await count(`${results} AND funding_usd_mid > 0`)) + (await count(`${results} AND revenue_usd_m > 0`)) + (await count(`${results} AND net_loss_usd_m > 0`));
      expect(resultMarks).toBeGreaterThan(0);
      expect(await marks(page, "revenue-funding").count()).toBe(resultMarks);
      expect(await page.locator(".atlas-course-grid [role=listitem], .atlas-course-grid > li").count()).toBe(await count("SELECT * FROM company_summary"));
      expect(problems.consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("funding: cumulative funding, valuations, investor network", async () => {
    const {page, context} = await visit("funding");
    try {
      expect(await marks(page, "cumulative-funding").count()).toBe(await countRounds());
      // The prose quotes the same rows the chart draws.
      const disclosed = await countRounds("disclosed");
      const undisclosed = await countRounds("NOT disclosed");
      await expect.poll(() => page.locator("main").innerText()).toContain(`over ${disclosed} financing rounds with a published amount; ${undisclosed} more rounds`);
      expect(await marks(page, "valuations").count()).toBe(await count("SELECT * FROM funding_rounds WHERE valuation_usd_mid IS NOT NULL"));
      const pairs = await count(
        "SELECT DISTINCT investor_id, company_id FROM investor_links WHERE investor_id IS NOT NULL AND round_kind IN ('round', 'ipo', 'disclosure')"
      );
      const shown = await marks(page, "investor-network").count();
      expect(shown).toBeGreaterThan(10);
      expect(shown).toBeLessThanOrEqual(pairs);
    } finally {
      await context.close();
    }
  });

  test("pivots: event swimlanes and model scatter", async () => {
    const {page, context} = await visit("pivots");
    try {
      expect(await marks(page, "event-swimlanes").count()).toBe(await count("SELECT * FROM events"));
      const drawable = await count("SELECT * FROM models WHERE params_total_b IS NOT NULL");
      expect(await marks(page, "model-scatter").first().count()).toBe(1);
      const first = page.locator('[data-chart="model-scatter"]').first();
      expect(await first.locator(".mark").count()).toBe(drawable);
    } finally {
      await context.close();
    }
  });

  test("density: the 51 points and the price points", async () => {
    const {page, context} = await visit("density");
    try {
      expect(await marks(page, "density").count()).toBe(await count("SELECT * FROM density_points"));
      expect(await marks(page, "price").count()).toBe(await count("SELECT * FROM price_points"));
      await page.waitForSelector("#density-sql[aria-busy=false] table");
      const records = await page.locator("#density-sql tbody tr").count();
      expect(records).toBe(await count("SELECT * FROM density_points WHERE is_record"));
    } finally {
      await context.close();
    }
  });

  test.each(["zhipu", "minimax"])("companies/%s: a Results row per financials row, and the check against the reported total", async (id) => {
    const {page, context, problems} = await visit(`companies/${id}`);
    try {
      const results = await count(`SELECT * FROM financials WHERE company_id = '${id}'`);
      expect(results).toBeGreaterThan(0);
      expect(await page.locator("h2", {hasText: "Results"}).count()).toBe(1);
      const table = page.locator("table", {has: page.locator("caption", {hasText: "Reported results"})});
      await expect.poll(() => table.locator("tbody tr").count()).toBe(results);
      const [summary] = await queryBuilt(`SELECT * FROM company_summary WHERE company_id = '${id}'`, ["company_summary"]);
      const check = page.locator(".atlas-funding-total");
      if (summary.funding_total_check === null) expect(await check.count()).toBe(0);
      else {
        expect(await check.getAttribute("data-check")).toBe(summary.funding_total_check);
        expect(await check.textContent()).toContain(summary.funding_total_note as string);
        if (summary.funding_total_check === "disagrees") expect(await check.textContent()).toContain("disagree");
      }
      expect(problems.consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("a company without results has no Results section; announced and abandoned models are marked not counted", async () => {
    const [none] = await queryBuilt("SELECT company_id FROM company_summary WHERE company_id NOT IN (SELECT company_id FROM financials) ORDER BY display_order LIMIT 1", ["company_summary", "financials"]);
    const bare = await visit(`companies/${none.company_id}`);
    try {
      expect(await bare.page.locator("h2", {hasText: "Results"}).count()).toBe(0);
    } finally {
      await bare.context.close();
    }
    const [model] = await queryBuilt("SELECT company_id, model, status FROM models WHERE status <> 'released' ORDER BY id LIMIT 1", ["models"]);
    const {page, context} = await visit(`companies/${model.company_id}`);
    try {
      const row = page.locator("table", {has: page.locator("caption", {hasText: "Model releases"})}).locator("tbody tr", {hasText: model.model as string});
      await expect.poll(() => row.first().textContent()).toContain(`${model.status} (not counted)`);
    } finally {
      await context.close();
    }
  });

  test("a company page: timeline marks for every dated round, model and event", async () => {
    const {page, context} = await visit("companies/zhipu");
    try {
      const expected =
        (await count("SELECT * FROM funding_rounds WHERE company_id = 'zhipu'")) +
        (await count("SELECT * FROM models WHERE company_id = 'zhipu'")) +
        (await count("SELECT * FROM events WHERE company_id = 'zhipu'"));
      expect(await marks(page, "company-timeline").count()).toBe(expected);
      expect(await page.locator("h1").textContent()).toContain("智谱");
      expect(await page.locator("ol.atlas-sources li").count()).toBeGreaterThan(10);
    } finally {
      await context.close();
    }
  });
});

describe("charts rendered at build time", () => {
  test.each([
    ["", "funding-valuation"],
    ["", "revenue-funding"],
    ["funding", "cumulative-funding"],
    ["pivots", "event-swimlanes"],
    ["density", "density"],
    ["companies/zhipu", "company-timeline"]
  ])("/%s shows its %s chart with scripts off, and the live chart replaces it", async (route, chart) => {
    const context = await site.browser.newContext({javaScriptEnabled: false});
    try {
      const page = await context.newPage();
      await page.goto(site.server.url + route);
      const staticMarks = await page.locator(`.atlas-prerender [data-chart="${chart}"] .mark`).count();
      expect(staticMarks).toBeGreaterThan(0);
      expect(await page.locator(`.atlas-prerender [data-chart="${chart}"] svg[role=img]`).count()).toBe(1);
    } finally {
      await context.close();
    }
    const live = await visit(route);
    try {
      await live.page.waitForSelector(`.atlas-prerender[data-live="true"] [data-chart="${chart}"]`, {state: "attached"});
      expect(await live.page.locator(`[data-chart="${chart}"]`).count()).toBe(1);
    } finally {
      await live.context.close();
    }
  });
});

/**
 * Records every layout shift the page makes from its first byte (the Layout Instability API). The test gives no
 * input, so every shift counts: in an emulated phone context Chromium sometimes marks a shift `hadRecentInput`
 * all the same, which would hide it.
 */
const WATCH_SHIFTS = `window.__shifts = [];
new PerformanceObserver((list) => {
  for (const shift of list.getEntries()) {
    const moved = shift.sources.map((s) => (s.node && s.node.nodeType === 1 ? s.node : s.node?.parentElement)?.outerHTML.slice(0, 80));
    window.__shifts.push({value: shift.value, moved});
  }
}).observe({type: "layout-shift", buffered: true});`;

describe("the live page keeps what the build drew where it is", () => {
  // A phone's screen, where a line that grows moves the most. Web Vitals call up to 0.1 good; these measure 0.000.
  test.each(["", "funding", "pivots", "density", "companies/zhipu", "zh/", "zh/funding", "zh/pivots", "zh/density", "zh/companies/zhipu"])(
    "/%s: the live page takes over with a cumulative layout shift below 0.01, from the first byte until it has settled",
    async (route) => {
      const {page, context, problems} = await openPage(site.browser, new URL(site.server.url).origin, {width: 412, height: 823});
      try {
        await page.addInitScript(WATCH_SHIFTS);
        await page.goto(site.server.url + route);
        await waitForCells(page);
        await page.waitForTimeout(500);
        // The live page did take over: every build-time slot swapped, no placeholder left.
        expect(await page.locator(".atlas-prerender:not([data-live])").count()).toBe(0);
        expect(await page.locator("observablehq-loading").count()).toBe(0);
        const shifts = await page.evaluate(() => (window as unknown as {__shifts: {value: number; moved: string[]}[]}).__shifts);
        const total = shifts.reduce((sum, s) => sum + s.value, 0);
        expect(total, `shifts: ${JSON.stringify(shifts, null, 1)}`).toBeLessThan(0.01);
        expect(problems.consoleErrors).toEqual([]);
      } finally {
        await context.close();
      }
    }
  );

  test("the built filter bar shows the state the live one starts from (scripts off)", async () => {
    const context = await site.browser.newContext({javaScriptEnabled: false});
    try {
      const page = await context.newPage();
      await page.goto(site.server.url + "density");
      const bar = page.locator("#prerender-density-filters");
      expect(await bar.locator('input[name="fit"][value="records"]').isChecked()).toBe(true);
      expect(await bar.locator('input[name="from"]').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      await page.goto(site.server.url + "funding");
      const boxes = page.locator('#prerender-funding-filters input[type="checkbox"]');
      expect(await boxes.count()).toBeGreaterThan(5);
      for (const box of await boxes.all()) expect(await box.isChecked()).toBe(true);
    } finally {
      await context.close();
    }
  });

  test.each(["", "funding", "pivots", "density", "zh/", "zh/funding", "zh/pivots", "zh/density"])(
    "/%s: each prose value the build wrote is the value its cell shows live",
    async (route) => {
      // Each inline cell's text by its id: what sits just before its <!--:id:--> marker (Framework's convention).
      const byCell = (page: Page) =>
        page.evaluate(() => {
          const values: Record<string, string> = {};
          const walker = document.createTreeWalker(document.querySelector("main")!, NodeFilter.SHOW_COMMENT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const id = /^:([0-9a-f]{8}(?:-\d+)?):$/.exec((node as Comment).data)?.[1];
            if (id && node.previousSibling) values[id] = node.previousSibling.textContent ?? "";
          }
          return values;
        });
      const context = await site.browser.newContext({javaScriptEnabled: false});
      let built: Record<string, string>;
      try {
        const page = await context.newPage();
        await page.goto(site.server.url + route);
        expect(await page.locator("observablehq-loading:not(.atlas-prerendered)").count()).toBe(0);
        built = await byCell(page);
      } finally {
        await context.close();
      }
      expect(Object.keys(built).length).toBeGreaterThan(5);
      const live = await visit(route);
      try {
        const shown = await byCell(live.page);
        for (const [id, value] of Object.entries(built)) expect(shown[id], `cell ${id}`).toBe(value);
        expect(live.problems.consoleErrors).toEqual([]);
      } finally {
        await live.context.close();
      }
    }
  );
});

describe("filters live in the URL", () => {
  test("funding: unticking a company redraws, writes ?companies=, and survives reload and back", async () => {
    const {page, context} = await visit("funding");
    try {
      const before = await marks(page, "cumulative-funding").count();
      const zhipuRounds = await countRounds("company_id = 'zhipu'");
      await page.locator('form.atlas-checkbox input[value="zhipu"]').uncheck();
      await expect.poll(() => marks(page, "cumulative-funding").count()).toBe(before - zhipuRounds);
      expect(new URL(page.url()).searchParams.get("companies")).not.toContain("zhipu");
      await page.locator('form.atlas-radio input[value="log"]').check();
      await expect.poll(() => new URL(page.url()).searchParams.get("scale")).toBe("log");

      await page.reload();
      await waitForCells(page);
      expect(await page.locator('form.atlas-checkbox input[value="zhipu"]').isChecked()).toBe(false);
      expect(await page.locator('form.atlas-radio input[value="log"]').isChecked()).toBe(true);
      expect(await marks(page, "cumulative-funding").count()).toBe(before - zhipuRounds);

      await page.goBack();
      await expect.poll(() => page.locator('form.atlas-radio input[value="linear"]').isChecked()).toBe(true);
      await page.goBack();
      await expect.poll(() => marks(page, "cumulative-funding").count()).toBe(before);
    } finally {
      await context.close();
    }
  });

  test("density: switching to all models refits, writes ?fit=all, and a reload restores it", async () => {
    const {page, context} = await visit("density");
    try {
      const heading = () => page.locator("h2", {hasText: "doubles every"}).first().textContent();
      const recordsHeading = await heading();
      await page.locator('input[name="fit"][value="all"]').check();
      await expect.poll(() => new URL(page.url()).searchParams.get("fit")).toBe("all");
      await expect.poll(heading).not.toBe(recordsHeading);
      const allHeading = await heading();
      await page.reload();
      await waitForCells(page);
      expect(await heading()).toBe(allHeading);
    } finally {
      await context.close();
    }
  });

  test("unknown or malformed parameters are ignored without breaking the page", async () => {
    const {page, context, problems} = await visit("funding?companies=nobody,%3Cscript%3E&scale=cubic&junk=%E0%A4%A");
    try {
      expect(await page.locator('form.atlas-radio input[value="linear"]').isChecked()).toBe(true);
      expect(await marks(page, "cumulative-funding").count()).toBe(await countRounds());
      expect(problems.consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
    const density = await visit("density?window=2025-01-01..2023-01-01&fit=maybe");
    try {
      expect(await density.page.locator('input[name="fit"][value="records"]').isChecked()).toBe(true);
      expect(density.problems.consoleErrors).toEqual([]);
    } finally {
      await density.context.close();
    }
  });
});

describe("downloads", () => {
  test("a chart downloads as SVG (with title, source line and licence) and as PNG; a table as CSV", async () => {
    const {page, context} = await visit("density");
    try {
      const figure = page.locator('[data-chart="density"]');
      const [svg] = await Promise.all([page.waitForEvent("download"), figure.locator('button[data-format="svg"]').click()]);
      expect(svg.suggestedFilename()).toBe("six-tigers-atlas-density.svg");
      const svgText = readFileSync(await svg.path(), "utf8");
      expect(svgText).toContain("<svg");
      expect(svgText).toContain("CC BY 4.0");
      expect(svgText).toContain(await figure.locator(".atlas-chart-title").textContent());
      const [png] = await Promise.all([page.waitForEvent("download"), figure.locator('button[data-format="png"]').click()]);
      expect(png.suggestedFilename()).toBe("six-tigers-atlas-density.png");
      expect(readFileSync(await png.path()).subarray(1, 4).toString()).toBe("PNG");
      const [csv] = await Promise.all([page.waitForEvent("download"), page.locator('#density-sql button[data-format="csv"]').click()]);
      expect(readFileSync(await csv.path(), "utf8").split("\n")[0]).toBe("model,release_date,density,params_b");
    } finally {
      await context.close();
    }
  });
});

describe("accessibility and small screens", () => {
  const axeSource = readFileSync("node_modules/axe-core/axe.min.js", "utf8");

  test.each(STORY_ROUTES.flatMap((route) => (["light", "dark"] as const).map((scheme) => [route, scheme] as const)))("/%s (%s theme): axe finds no serious or critical violation", async (route, scheme) => {
    const {page, context} = await visit(route);
    try {
      if (scheme === "dark") {
        await page.emulateMedia({colorScheme: "dark"});
        await page.waitForTimeout(100);
      }
      // Evaluated through DevTools, not as an inline <script>: the pages' Content-Security-Policy refuses inline scripts.
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        const result = await (window as unknown as {axe: {run: (c: unknown, o: unknown) => Promise<{violations: {id: string; impact: string; nodes: {target: string[]}[]}[]}>}}).axe.run(document, {resultTypes: ["violations"], rules: {"target-size": {enabled: true}}});
        return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
      });
      expect(violations).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test.each(STORY_ROUTES)("/%s: at 375 px wide nothing scrolls sideways", async (route) => {
    const {page, context} = await visit(route, {width: 375, height: 800});
    try {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    } finally {
      await context.close();
    }
  });

  test("every chart has an accessible name and description", async () => {
    for (const route of ["", "funding", "pivots", "density", "companies/modelbest"]) {
      const {page, context} = await visit(route);
      try {
        const unnamed = await page.evaluate(() =>
          Array.from(document.querySelectorAll(".atlas-chart svg")).filter((svg) => {
            const ids = (svg.getAttribute("aria-labelledby") ?? "").split(" ").filter(Boolean);
            return svg.getAttribute("role") !== "img" || ids.length < 2 || ids.some((id) => !document.getElementById(id)?.textContent);
          }).length
        );
        expect(unnamed, route).toBe(0);
        expect(await page.locator(".atlas-chart").count(), route).toBeGreaterThan(0);
      } finally {
        await context.close();
      }
    }
  });
});
