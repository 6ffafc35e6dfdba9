// @vitest-environment jsdom
import {describe, expect, test} from "vitest";
import {indexSources} from "../../src/components/chart.js";
import {claimPhrase, claimsPanel, type ClaimRow, type FitRow} from "../../src/components/claimsPanel.js";
import {claims, densityFit as fits, sources} from "./storyFixtures.js";

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
  claimed_months: 3.3,
  verdict: "consistent",
  verdict_note: null,
  ...extra
});
const verdictOf = (figure: HTMLElement, id: string) => (figure.querySelector(`tr.mark[data-id="${id}"]`) as HTMLElement).dataset.verdict;

// Converting a claim to months and scoring it against the fit are the build's (claims.claimed_months,
// claims.verdict); the panel words the claim and shows the published verdict with its evidence.
describe("claimPhrase(claim)", () => {
  test("says doubling or halving by what the metric measures, with the published months", () => {
    expect(claimPhrase(claim("a", {value: 8, metric: "knowledge_density", claimed_months: 8}))).toBe("doubling every 8 months");
    expect(claimPhrase(claim("a", {value: 8, metric: "params_at_fixed_capability", claimed_months: 8}))).toBe("halving every 8 months");
    expect(claimPhrase(claim("a", {value: 100, unit: "days", claimed_months: 100 / 30.4375}))).toBe("doubling every 100 days (≈ 3.3 months)");
    expect(claimPhrase(claim("a", {value: 10, unit: "x per year", metric: "gpt4_level_model_size", claimed_months: 3.6123}))).toBe("10× smaller per year (≈ halving every 3.6 months)");
    expect(claimPhrase(claim("a", {value: 2026, unit: "year", topic: "device_timeline", claimed_months: null}))).toBe("by the end of 2026");
  });
});

describe("claimsPanel(claims, options)", () => {
  test("lists one row per density-doubling or device-timeline claim, in date order", () => {
    const figure = claimsPanel(claims, {fits, sources});
    const rows = [...figure.querySelectorAll("tbody tr.mark")] as HTMLElement[];
    expect(rows.map((r) => r.dataset.id)).toEqual(["knowledge", "fast", "paper", "before", "device", "vague"]);
  });

  test("shows each claim's published verdict, and the fit as evidence for the scored ones", () => {
    const figure = claimsPanel(claims, {fits, sources});
    for (const c of claims.filter((c) => c.topic !== "capability")) expect(verdictOf(figure, c.id)).toBe(c.verdict);
    const paper = figure.querySelector('tr[data-id="paper"]')!;
    expect(paper.textContent).toContain("Records fit (12 models, models released 2023-02-24 to 2025-04-30): doubling every 3.5 months (95% CI 3.0–4.0).");
    expect(paper.textContent).toContain("All 51 models: 4.6 months (95% CI 3.9–5.8).");
    expect(paper.textContent).toContain("The claimed 3.5 months is inside the records interval.");
    expect(paper.querySelector(".verdict")!.textContent).toBe("consistent");
    expect(figure.querySelector('tr[data-id="fast"]')!.textContent).toContain("The claimed 3.3 months is outside the records interval.");
    const knowledge = figure.querySelector('tr[data-id="knowledge"]')!;
    expect(knowledge.querySelector(".verdict")!.textContent).toBe("different metric — not comparable");
    expect(knowledge.textContent).toContain("its ≈ 8.0 months is not the same quantity");
    expect(figure.querySelector('tr[data-id="device"] .verdict')!.textContent).toBe("a target date, not a rate");
    expect(figure.querySelector("figure")).toBeNull();
    expect(figure.dataset.summary).toBe("1 different metric — not comparable, 1 outside the interval, 1 consistent, 1 not comparable, 1 a target date, not a rate, 1 no number to compare");
  });

  test("a claim the build left unscored shows the build's reason", () => {
    const figure = claimsPanel(claims, {fits, sources});
    const row = figure.querySelector('tr[data-id="before"]')!;
    expect(row.getAttribute("data-verdict")).toBe("not-comparable");
    expect(row.textContent).toContain("the points start in February 2023; they cannot test the earlier rate");
  });

  test("is a semantic table with a caption, column headers and source links", () => {
    const figure = claimsPanel(claims, {fits, sources});
    expect(figure.tagName).toBe("FIGURE");
    expect(figure.querySelector("svg")).toBeNull();
    expect(figure.querySelector("table > caption")!.textContent).toContain("Claims about how fast density grows");
    expect([...figure.querySelectorAll("thead th")].map((th) => th.getAttribute("scope"))).toEqual(["col", "col", "col", "col", "col"]);
    const link = figure.querySelector('tr[data-id="paper"] .claim-sources a') as HTMLAnchorElement;
    expect(link.href).toBe("https://example.com/1");
    expect(link.rel).toContain("noopener");
    expect(figure.querySelector("figcaption")!.textContent).toContain("CC BY 4.0");
  });

  test("folds into two columns below 560 px", () => {
    const figure = claimsPanel(claims, {fits, sources, width: 320});
    expect(figure.querySelectorAll("thead th")).toHaveLength(2);
    expect(figure.querySelectorAll("tbody tr.mark")).toHaveLength(6);
    for (const tr of figure.querySelectorAll("tbody tr")) expect(tr.children).toHaveLength(2);
  });

  test("renders hostile claimants, statements and sources as text", () => {
    const figure = claimsPanel([claim("x", {claimant: EVIL, statement: EVIL, date_raw: EVIL, metric: EVIL, verdict: "not-comparable", verdict_note: EVIL})], {
      fits: [FIT],
      sources: indexSources([{source_id: "s", publisher: EVIL, title: EVIL, url: "https://example.com/"}])
    });
    expect(figure.querySelector("img")).toBeNull();
    expect(figure.querySelector(".claimant")!.textContent).toBe(EVIL);
    expect(figure.querySelector(".claim-statement")!.textContent).toBe(EVIL);
    expect(figure.querySelector(".claim-sources a")!.textContent).toContain(EVIL);
    expect(figure.querySelector(".evidence")!.textContent).toBe(EVIL);
  });

  test("without a fit, a scored verdict cannot be explained and shows as no fit", () => {
    const figure = claimsPanel([claim("x")], {fits: []});
    expect(verdictOf(figure, "x")).toBe("no-fit");
  });
});
