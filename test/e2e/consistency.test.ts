/**
 * One number everywhere: the figures a reader meets on the overview, on /funding, in /explore and in the
 * downloads are the build's published columns, not recomputed copies that could drift apart. Each test reads
 * the figure where a reader sees it and compares it with company_summary (or the table it comes from), read
 * here with native DuckDB from the same Parquet files.
 */
import {readFileSync} from "node:fs";
import {describe, expect, test} from "vitest";
import {formatUsdMillions} from "../../src/components/chart.js";
import {parseCsv} from "../../src/lib/csv.js";
import {EXAMPLE_QUERIES} from "../../src/lib/exampleQueries.js";
import {TABLE_NAMES} from "../../src/lib/tables/index.js";
import {useSite} from "./browser.js";
import {queryBuilt} from "./helpers.js";

const site = useSite();

/** company_summary as published, in display order. */
async function summary() {
  return queryBuilt("SELECT * FROM company_summary ORDER BY display_order", ["company_summary"]);
}

/** Every test opens pages the same way (browser.ts). */
const visit = site.visit.bind(site);

describe("one number everywhere", () => {
  test("company_summary agrees with the rows it summarises: counted rounds, funding_steps and funding_rounds", async () => {
    const [check] = await queryBuilt(
      `WITH sums AS (
         SELECT company_id, sum(amount_usd_mid) AS mid, count(amount_usd_mid)::INTEGER AS n FROM funding_rounds WHERE counted GROUP BY company_id
       ), last_steps AS (
         SELECT company_id, arg_max(cum_usd_mid, step) AS cum FROM funding_steps GROUP BY company_id
       )
       SELECT count(*) FILTER (WHERE abs(coalesce(s.funding_usd_mid, 0) - coalesce(sums.mid, 0)) > 1e-6)::INTEGER AS sum_mismatch,
              count(*) FILTER (WHERE s.rounds_counted <> coalesce(sums.n, 0))::INTEGER AS count_mismatch,
              count(*) FILTER (WHERE abs(coalesce(s.funding_usd_mid, 0) - coalesce(l.cum, 0)) > 1e-6)::INTEGER AS steps_mismatch,
              count(*)::INTEGER AS companies
       FROM company_summary s LEFT JOIN sums USING (company_id) LEFT JOIN last_steps l USING (company_id)`,
      ["company_summary", "funding_rounds", "funding_steps"]
    );
    expect(check).toEqual({sum_mismatch: 0, count_mismatch: 0, steps_mismatch: 0, companies: 10});
  });

  test("the overview's “Disclosed funding, six tigers” card is the sum of company_summary.funding_usd_mid over the six tigers", async () => {
    const rows = await summary();
    const tigers = rows.filter((r) => r.group === "six_tigers");
    expect(tigers).toHaveLength(6);
    const sum = (key: string) => tigers.reduce((s, r) => s + ((r[key] as number | null) ?? 0), 0);
    const {page, context, problems} = await visit("");
    try {
      const card = page.locator(".card", {has: page.locator("h2", {hasText: "Disclosed funding, six tigers"})});
      expect(await card.locator(".big").textContent()).toBe(formatUsdMillions(sum("funding_usd_mid")));
      const note = (await card.locator(".atlas-note").textContent()) ?? "";
      expect(note).toContain(`${formatUsdMillions(sum("funding_usd_low"))}–${formatUsdMillions(sum("funding_usd_high"))}`);
      expect(problems.consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("the overview's revenue sentences and its revenue chart quote company_summary's results columns", async () => {
    const rows = await summary();
    const tigers = rows.filter((r) => r.group === "six_tigers" && r.revenue_usd_m !== null);
    expect(tigers.length).toBeGreaterThan(0);
    const {page, context, problems} = await visit("");
    try {
      const quoted = await page.locator(".atlas-results [data-column]").evaluateAll((spans) =>
        spans.map((s) => ({company: (s as HTMLElement).dataset.company!, column: (s as HTMLElement).dataset.column!, text: s.textContent ?? ""}))
      );
      // Each tiger with results is quoted for its revenue; every number quoted is the published column.
      expect(quoted.filter((q) => q.column === "revenue_usd_m").map((q) => q.company)).toEqual(tigers.map((r) => r.company_id));
      for (const q of quoted) {
        const row = rows.find((r) => r.company_id === q.company)!;
        expect(q.text, `${q.company}.${q.column}`).toBe(formatUsdMillions(row[q.column] as number));
      }
      const text = (await page.locator(".atlas-results").textContent()) ?? "";
      for (const r of tigers) expect(text).toContain(`for ${r.results_period}`);
      // The chart's data table: one row per company with results, revenue and net loss to 0.1 million.
      const drawn = rows.filter((r) => r.revenue_usd_m !== null);
      const table = page.locator('.atlas-chart[data-chart="revenue-funding"] details.atlas-data table').first();
      const header = await table.locator("thead th").allTextContents();
      const cells = await table.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll("td, th"), (td) => td.textContent ?? "")));
      const at = (name: string) => header.findIndex((h) => h.trim() === name);
      // A missing value reads as a dash in a story table (the grid sets NULL apart from an empty string).
      const number = (v: string) => (v === "—" ? null : Number(v.replace(/,/g, "")));
      const tenth = (v: unknown) => (v === null ? null : Math.round((v as number) * 10) / 10);
      expect(cells.map((row) => row[at("Company")])).toEqual(drawn.map((r) => r.label));
      expect(cells.map((row) => number(row[at("Revenue (USD m)")]))).toEqual(drawn.map((r) => tenth(r.revenue_usd_m)));
      expect(cells.map((row) => number(row[at("Net loss (USD m)")]))).toEqual(drawn.map((r) => tenth(r.net_loss_usd_m)));
      expect(cells.map((row) => row[at("Results year")])).toEqual(drawn.map((r) => r.results_period));
      expect(problems.consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("/funding's cumulative chart ends each company's line at company_summary.funding_usd_mid", async () => {
    // Every company with a step on the line; one whose rounds are all undisclosed ends at zero.
    const rows = await queryBuilt(
      "SELECT * FROM company_summary WHERE company_id IN (SELECT company_id FROM funding_steps) ORDER BY display_order",
      ["company_summary", "funding_steps"]
    );
    const {page, context, problems} = await visit("funding");
    try {
      const table = page.locator('.atlas-chart[data-chart="cumulative-funding"] details.atlas-data table').first();
      const header = await table.locator("thead th").allTextContents();
      const cells = await table.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll("td, th"), (td) => td.textContent ?? "")));
      const at = (name: string) => header.findIndex((h) => h.trim() === name);
      const [company, cumulative] = [at("Company"), at("Cumulative (USD m)")];
      expect(company).toBeGreaterThanOrEqual(0);
      expect(cumulative).toBeGreaterThanOrEqual(0);
      // The table lists steps in order, so a company's last row holds its running total.
      const last = new Map(cells.map((row) => [row[company], Number(row[cumulative].replace(/,/g, ""))]));
      expect([...last.keys()]).toEqual(rows.map((r) => r.label));
      for (const r of rows) expect(last.get(r.label as string), r.company_id as string).toBe(Math.round(((r.funding_usd_mid as number | null) ?? 0) * 10) / 10);
      expect(problems.consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("/explore's company-summary example shows company_summary's numbers", async () => {
    const example = EXAMPLE_QUERIES.find((q) => q.id === "company-summary")!;
    const expected = await queryBuilt(example.sql, TABLE_NAMES);
    const {page, context, problems} = await visit(`explore?sql=${encodeURIComponent(example.sql)}`);
    try {
      await page.waitForSelector("#explore-result[data-rows]");
      const header = await page.locator("#explore-result .atlas-explorer-table thead th").allTextContents();
      const cells = await page
        .locator("#explore-result .atlas-explorer-table tbody tr")
        .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll("td"), (td) => td.textContent ?? "")));
      const column = (name: string) => cells.map((row) => row[header.findIndex((h) => h.replace(/[▲▼↑↓\s]/g, "") === name)]);
      expect(column("company")).toEqual(expected.map((r) => String(r.company)));
      // SQL results say NULL; numbers are grouped.
      const shown = column("funding_mid").map((v) => (v === "NULL" ? null : Number(v.replace(/,/g, ""))));
      expect(shown).toEqual(expected.map((r) => (r.funding_mid === null ? null : Number(r.funding_mid))));
      expect(problems.consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("the CSV download and the data package carry the same rows as the Parquet", async () => {
    const rows = await summary();
    const csv = parseCsv(readFileSync("dist/downloads/company_summary.csv", "utf8"), "company_summary.csv").rows.map((r) => r.values);
    expect(csv.map((r) => r.company_id)).toEqual(rows.map((r) => r.company_id));
    expect(csv.map((r) => (r.funding_usd_mid === "" ? null : Number(r.funding_usd_mid)))).toEqual(rows.map((r) => r.funding_usd_mid));
    const descriptor = JSON.parse(readFileSync("dist/downloads/datapackage.json", "utf8")) as {resources: {name: string; rows?: number}[]};
    for (const name of TABLE_NAMES) {
      const [{n}] = await queryBuilt(`SELECT count(*)::INTEGER AS n FROM ${name}`, [name]);
      expect(descriptor.resources.find((r) => r.name === name)?.rows, name).toBe(n);
    }
  });
});
