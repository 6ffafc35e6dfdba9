// @vitest-environment jsdom
import {describe, expect, test} from "vitest";
import {indexSources} from "../../src/components/chart.js";
import {claimPhrase, claimsPanel, type ClaimRow, type FitRow} from "../../src/components/claimsPanel.js";
import {claims, densityFit as fits, sources} from "./storyFixtures.js";
import {cjkShare, englishLeft, textWithoutData, visibleChartText} from "./zhChartText.js";

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

describe("claimsPanel in Chinese", () => {
  const ENGLISH = ["Claims", "Claim", "Who and when", "Status and sources", "What the data says", "Verdict", "Measure", "doubling", "halving", "every", "months", "days", "Records fit", "All", "models", "claimed", "inside", "outside", "interval", "consistent", "different metric", "not comparable", "target date", "no number", "published", "reported", "unverified", "press", "evidence", "scored", "linked", "undated", "capability density", "Sources"];

  test("words claims in Chinese", () => {
    expect(claimPhrase(claim("a", {value: 8, metric: "knowledge_density", claimed_months: 8}), "zh")).toBe("每8个月翻一番");
    expect(claimPhrase(claim("a", {value: 8, metric: "params_at_fixed_capability", claimed_months: 8}), "zh")).toBe("每8个月减半");
    expect(claimPhrase(claim("a", {value: 100, unit: "days", claimed_months: 100 / 30.4375}), "zh")).toBe("每100天翻一番（约3.3个月）");
    expect(claimPhrase(claim("a", {value: 10, unit: "x per year", metric: "gpt4_level_model_size", claimed_months: 3.6123}), "zh")).toBe("每年缩小至1/10（约每3.6个月减半）");
    expect(claimPhrase(claim("a", {value: 2026, unit: "year", topic: "device_timeline", claimed_months: null}), "zh")).toBe("2026年底前");
    expect(claimPhrase(claim("a", {value: null}), "zh")).toBe("未给出数字");
  });

  test("speaks Chinese: caption, headers, verdicts, evidence, note and source line", () => {
    const figure = claimsPanel(claims, {fits, sources, lang: "zh"});
    expect(figure.querySelector("table > caption")!.textContent).toBe("关于密度增长速度的各种说法，与论文自身数据对照：纪录模型每3.5个月翻一番（95%置信区间3.0–4.0个月）");
    expect([...figure.querySelectorAll("thead th")].map((th) => th.textContent)).toEqual(["谁、何时", "说法", "状态与来源", "数据怎么说", "结论"]);
    const paper = figure.querySelector('tr[data-id="paper"]')!;
    expect(paper.textContent).toContain("纪录模型拟合（12个模型，2023年2月24日至2025年4月30日发布）：每3.5个月翻一番（95%置信区间3.0–4.0个月）。");
    expect(paper.textContent).toContain("全部51个模型：4.6个月（95%置信区间3.9–5.8个月）。");
    expect(paper.textContent).toContain("所称的3.5个月落在纪录模型的区间之内。");
    expect(paper.querySelector(".verdict")!.textContent).toBe("相符");
    expect(figure.querySelector('tr[data-id="fast"]')!.textContent).toContain("所称的3.3个月落在纪录模型的区间之外。");
    const knowledge = figure.querySelector('tr[data-id="knowledge"]')!;
    expect(knowledge.querySelector(".claim-metric")!.textContent).toBe("度量：“知识密度”（面壁智能的说法）");
    expect(knowledge.querySelector(".verdict")!.textContent).toBe("度量不同，无从比较");
    expect(knowledge.querySelector(".claim-date")!.textContent).toBe("2024年4月");
    expect(figure.querySelector('tr[data-id="device"] .verdict')!.textContent).toBe("是目标日期，不是速度");
    expect(figure.querySelector('tr[data-id="device"] .claim-value')!.textContent).toBe("2026年底前");
    expect(figure.querySelector(".atlas-source")!.textContent).toMatch(/^来源：.*（各行均附链接）。六小虎图谱 · 数据采用 CC BY 4.0 协议。$/);
    expect(figure.dataset.summary).toBe("度量不同，无从比较1项，落在区间之外1项，相符1项，无从比较1项，是目标日期，不是速度1项，没有可比较的数字1项");
    // Everything but the data's own English words (claimants, statements, the build's notes, marked lang="en") is Chinese.
    const ours = textWithoutData(figure.querySelector("table")!) + visibleChartText(figure, ".atlas-source", true);
    expect(englishLeft(ours, ENGLISH), ours).toEqual([]);
    expect(cjkShare(visibleChartText(figure))).toBeGreaterThanOrEqual(0.4);
  });

  test("marks the data's English words lang=\"en\", and only on a Chinese page", () => {
    const zh = claimsPanel(claims, {fits, sources, lang: "zh"});
    const before = zh.querySelector('tr[data-id="before"]')!;
    expect(before.querySelector('.evidence [lang="en"]')!.textContent).toBe("the points start in February 2023; they cannot test the earlier rate");
    expect(before.querySelector(".claimant")!.getAttribute("lang")).toBe("en");
    expect(before.querySelector(".claim-statement")!.getAttribute("lang")).toBe("en");
    expect(claimsPanel(claims, {fits, sources}).querySelector("[lang]")).toBeNull();
  });

  test("folds into two columns in Chinese too, and says so when there is no fit", () => {
    const figure = claimsPanel(claims, {fits, sources, width: 320, lang: "zh"});
    expect([...figure.querySelectorAll("thead th")].map((th) => th.textContent)).toEqual(["说法", "数据怎么说"]);
    expect(figure.querySelector('tr[data-id="paper"] .claim-who')!.textContent).toBe("paper claimant，2025年1月");
    expect(figure.querySelector('tr[data-id="paper"] .claim-who [lang="en"]')!.textContent).toBe("paper claimant");
    const none = claimsPanel([claim("x")], {fits: [], lang: "zh"});
    expect(none.querySelector(".verdict")!.textContent).toBe("没有可对照的拟合");
    expect(none.querySelector(".atlas-note")!.textContent).toBe("未提供密度拟合，因此不对任何说法作判定。关于其他度量的说法只列出，不作判定。");
  });
});
