// @vitest-environment jsdom
import {beforeAll, describe, expect, test} from "vitest";
import {indexSources, type SourceRef} from "../../src/components/chart.js";
import {claimMonths, claimPhrase, claimsPanel, claimVerdict, type ClaimRow, type FitRow} from "../../src/components/claimsPanel.js";
import {tableRows} from "./tableRows.js";


let claims: ClaimRow[];
let fits: FitRow[];
let sources: ReturnType<typeof indexSources>;

beforeAll(async () => {
  claims = await tableRows<ClaimRow>("claims");
  fits = await tableRows<FitRow>("density_fit");
  sources = indexSources(await tableRows<SourceRef>("sources"));
});

const EVIL = "<img src=x onerror=alert(1)>";
const FIT: FitRow = {fit_id: "records", records_only: true, n: 9, doubling_months: 3.5, ci_low_months: 2.9, ci_high_months: 4.9};
const claim = (id: string, extra: Partial<ClaimRow> = {}): ClaimRow => ({
  id,
  claimant: "Someone",
  date: new Date("2024-01-01T00:00:00Z"),
  date_raw: "2024-01",
  topic: "density_doubling",
  metric: "capability_density",
  value: 3.3,
  unit: "months",
  statement: "A claim.",
  status: "reported",
  source_ids: ["s"],
  ...extra
});
const verdictOf = (figure: HTMLElement, id: string) => (figure.querySelector(`tr.mark[data-id="${id}"]`) as HTMLElement).dataset.verdict;

describe("claim helpers", () => {
  test("claimMonths converts months, days and ×-per-year rates to months", () => {
    expect(claimMonths(claim("a", {value: 8, unit: "months"}))).toBe(8);
    expect(claimMonths(claim("a", {value: 100, unit: "days"}))).toBeCloseTo(100 / 30.44, 10);
    // 10× a year doubles every ln2/ln10 years = 109.95 days.
    expect(claimMonths(claim("a", {value: 10, unit: "x per year"}))! * 30.44).toBeCloseTo(109.95, 1);
    expect(claimMonths(claim("a", {value: 2026, unit: "year"}))).toBeNull();
    expect(claimMonths(claim("a", {value: null}))).toBeNull();
  });

  test("claimPhrase says doubling or halving by what the metric measures", () => {
    expect(claimPhrase(claim("a", {value: 8, metric: "knowledge_density"}))).toBe("doubling every 8 months");
    expect(claimPhrase(claim("a", {value: 8, metric: "params_at_fixed_capability"}))).toBe("halving every 8 months");
    expect(claimPhrase(claim("a", {value: 100, unit: "days"}))).toBe("doubling every 100 days (≈ 3.3 months)");
    expect(claimPhrase(claim("a", {value: 10, unit: "x per year", metric: "gpt4_level_model_size"}))).toBe("10× smaller per year (≈ halving every 3.6 months)");
    expect(claimPhrase(claim("a", {value: 2026, unit: "year", topic: "device_timeline"}))).toBe("by the end of 2026");
  });

  test("claimVerdict scores only capability-density rates, against the interval", () => {
    expect(claimVerdict(claim("a", {value: 3.3}), FIT)).toBe("consistent");
    expect(claimVerdict(claim("a", {value: 2.9}), FIT)).toBe("consistent");
    expect(claimVerdict(claim("a", {value: 8}), FIT)).toBe("outside");
    expect(claimVerdict(claim("a", {value: 8, metric: "knowledge_density"}), FIT)).toBe("different-metric");
    expect(claimVerdict(claim("a", {value: 8, metric: "params_at_fixed_capability"}), FIT, {comparableMetrics: ["capability_density", "params_at_fixed_capability"]})).toBe("outside");
    expect(claimVerdict(claim("a", {topic: "device_timeline", value: 2026, unit: "year"}), FIT)).toBe("target-date");
    expect(claimVerdict(claim("a", {value: null}), FIT)).toBe("no-value");
    expect(claimVerdict(claim("a"), undefined)).toBe("no-fit");
    expect(claimVerdict(claim("a"), FIT, {notComparable: {a: "covers another period"}})).toBe("not-comparable");
  });
});

describe("claimsPanel(claims, options)", () => {
  test("lists one row per density-doubling or device-timeline claim, in date order", () => {
    const figure = claimsPanel(claims, {fits, sources});
    const expected = claims.filter((c) => c.topic === "density_doubling" || c.topic === "device_timeline");
    const rows = [...figure.querySelectorAll("tbody tr.mark")] as HTMLElement[];
    expect(rows.map((r) => r.dataset.id).sort()).toEqual(expected.map((c) => c.id).sort());
    expect(rows).toHaveLength(16);
    const dates = rows.map((r) => +(claims.find((c) => c.id === r.dataset.id)!.date as Date));
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
  });

  test("scores the real claims against the build's records fit", () => {
    const figure = claimsPanel(claims, {fits, sources});
    // The records interval is 2.86–4.88 months.
    for (const id of [
      "arxiv-2024-12-capability-density-3-3-months",
      "nmi-2025-11-06-capability-density-3-5-months",
      "36kr-2025-11-20-density-100-days",
      "nmi-2025-density-doubling-after-chatgpt"
    ]) {
      expect(verdictOf(figure, id)).toBe("consistent");
    }
    expect(verdictOf(figure, "modelbest-2024-09-knowledge-density-8-months")).toBe("different-metric");
    expect(verdictOf(figure, "epoch-2024-03-compute-halving-8-months")).toBe("different-metric");
    expect(verdictOf(figure, "nmi-2025-densing-times-moore-88-days")).toBe("different-metric");
    expect(verdictOf(figure, "li-dahai-2024-06-15-gpt4-level-edge-by-2026")).toBe("target-date");
    const knowledge = figure.querySelector('tr[data-id="modelbest-2024-09-knowledge-density-8-months"]')!;
    expect(knowledge.querySelector(".verdict")!.textContent).toBe("different metric — not comparable");
    expect(knowledge.querySelector(".claim-value")!.textContent).toBe("doubling every 8 months");
    const paper = figure.querySelector('tr[data-id="nmi-2025-11-06-capability-density-3-5-months"]')!;
    expect(paper.textContent).toContain("doubling every 3.5 months (95% CI 2.9–4.9)");
    expect(paper.textContent).toContain("All 51 models: 4.9 months (95% CI 3.8–7.0)");
    expect(paper.querySelector(".verdict")!.textContent).toBe("consistent");
  });

  test("notComparable takes a claim out of scoring with the reason shown", () => {
    const reason = "About models before ChatGPT; the points start in February 2023.";
    const figure = claimsPanel(claims, {fits, sources, notComparable: {"nmi-2025-density-doubling-before-chatgpt": reason}});
    const row = figure.querySelector('tr[data-id="nmi-2025-density-doubling-before-chatgpt"]')!;
    expect(row.getAttribute("data-verdict")).toBe("not-comparable");
    expect(row.textContent).toContain(reason);
  });

  test("is a semantic table with a caption, column headers and source links", () => {
    const figure = claimsPanel(claims, {fits, sources});
    expect(figure.tagName).toBe("FIGURE");
    expect(figure.querySelector("svg")).toBeNull();
    expect(figure.querySelector("table > caption")!.textContent).toContain("Claims about how fast density grows");
    expect([...figure.querySelectorAll("thead th")].map((th) => th.getAttribute("scope"))).toEqual(["col", "col", "col", "col", "col"]);
    const link = figure.querySelector('tr[data-id="nmi-2025-11-06-capability-density-3-5-months"] .claim-sources a') as HTMLAnchorElement;
    expect(link.href).toMatch(/^https?:/);
    expect(link.rel).toContain("noopener");
    expect(figure.querySelector("figcaption")!.textContent).toContain("CC BY 4.0");
  });

  test("folds into two columns below 560 px", () => {
    const figure = claimsPanel(claims, {fits, sources, width: 320});
    expect(figure.querySelectorAll("thead th")).toHaveLength(2);
    expect(figure.querySelectorAll("tbody tr.mark")).toHaveLength(16);
    for (const tr of figure.querySelectorAll("tbody tr")) expect(tr.children).toHaveLength(2);
  });

  test("renders hostile claimants, statements and sources as text", () => {
    const figure = claimsPanel([claim("x", {claimant: EVIL, statement: EVIL, date_raw: EVIL, metric: EVIL})], {
      fits: [FIT],
      sources: indexSources([{source_id: "s", publisher: EVIL, title: EVIL, url: "https://example.com/"}])
    });
    expect(figure.querySelector("img")).toBeNull();
    expect(figure.querySelector(".claimant")!.textContent).toBe(EVIL);
    expect(figure.querySelector(".claim-statement")!.textContent).toBe(EVIL);
    expect(figure.querySelector(".claim-sources a")!.textContent).toContain(EVIL);
  });

  test("without a fit nothing is scored", () => {
    const figure = claimsPanel([claim("x")], {fits: []});
    expect(verdictOf(figure, "x")).toBe("no-fit");
  });
});
