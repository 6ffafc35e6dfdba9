// @vitest-environment jsdom
import {beforeAll, describe, expect, test} from "vitest";
import {indexSources, type SourceRef} from "../../src/components/chart.js";
import {BASIS_LABELS, basisLabel, formatReported, revenueFunding, type RevenueFundingCompany, type RevenueFundingResult} from "../../src/components/revenueFunding.js";
import {company, expectAccessible, expectInsideViewBox, expectNoInjectedMarkup, HOSTILE, markIds, tooltipText} from "./chartAssertions.js";
import {companySummary, financials as fixtureFinancials, sources as fixtureSources} from "./storyFixtures.js";
import {tableRows} from "./tableRows.js";
import {expectChineseChart} from "./chineseChartText.js";

// Which year is a company's latest and which report of it counts are company_summary's columns (the build's
// rules, tested with it); the chart draws them, says which year each row is for and names the companies it
// cannot draw.
let summary: RevenueFundingCompany[];
let financials: RevenueFundingResult[];
let sources: ReturnType<typeof indexSources>;

beforeAll(async () => {
  summary = await tableRows<RevenueFundingCompany>("company_summary");
  financials = await tableRows<RevenueFundingResult>("financials");
  sources = indexSources(await tableRows<SourceRef>("sources"));
});

/** The marks the published columns call for: money raised, revenue and net loss where each is positive. */
function expectedIds(rows: readonly RevenueFundingCompany[]): string[] {
  return rows
    .filter((c) => c.revenue_usd_m !== null)
    .flatMap((c) => [
      ...((c.funding_usd_mid ?? 0) > 0 ? [`${c.company_id}:raised`] : []),
      ...((c.revenue_usd_m ?? 0) > 0 ? [`${c.company_id}:revenue`] : []),
      ...((c.net_loss_usd_m ?? 0) > 0 ? [`${c.company_id}:net_loss`] : [])
    ]);
}

describe("revenueFunding(companies, options) on the built tables", () => {
  test("draws money raised, revenue and net loss for every company with a full-year revenue, in display order", () => {
    const figure = revenueFunding(summary, {sources, financials});
    const expected = expectedIds([...summary].sort((a, b) => a.display_order! - b.display_order!));
    expect(markIds(figure).sort()).toEqual([...expected].sort());
    // The real tables, not empty ones: MiniMax and Zhipu have published results.
    expect(expected).toEqual(expect.arrayContaining(["minimax:raised", "minimax:revenue", "minimax:net_loss", "zhipu:revenue"]));
    const rows = [...figure.querySelectorAll(".row")].map((r) => r.getAttribute("data-company"));
    expect(rows).toEqual(summary.filter((c) => c.revenue_usd_m !== null).map((c) => c.company_id));
  });

  test("places each mark at its company_summary value and colours it with the company colour", () => {
    const figure = revenueFunding(summary, {sources, financials});
    const minimax = summary.find((c) => c.company_id === "minimax")!;
    const value = (id: string) => Number(figure.querySelector(`.mark[data-id="${id}"]`)!.getAttribute("data-value"));
    expect(value("minimax:revenue")).toBe(minimax.revenue_usd_m);
    expect(value("minimax:net_loss")).toBe(minimax.net_loss_usd_m);
    expect(value("minimax:raised")).toBe(minimax.funding_usd_mid);
    expect(figure.querySelector('.mark[data-id="minimax:raised"]')!.getAttribute("fill")).toBe(minimax.color);
    // Revenue sits far left of the money raised on the shared axis.
    const x = (id: string) => Number(figure.querySelector(`.mark[data-id="${id}"]`)!.getAttribute(id.endsWith("raised") ? "cx" : "x"));
    expect(x("minimax:revenue")).toBeLessThan(x("minimax:raised"));
  });

  test("says which year each company's figures are for and names the companies without results", () => {
    const figure = revenueFunding(summary, {sources, financials});
    const {description} = expectAccessible(figure, "Revenue against money raised");
    for (const c of summary.filter((r) => r.revenue_usd_m !== null)) {
      expect(description).toMatch(new RegExp(`${c.results_period} \\([^)]*${c.label!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
    }
    const note = figure.querySelector(".chart-note")!.textContent!;
    for (const c of summary.filter((r) => r.revenue_usd_m === null)) expect(note).toContain(c.label);
    expect(note).toContain("Not drawn (no reported full-year revenue)");
  });

  test("tooltips quote the figures as reported and link the results row's sources", () => {
    const figure = revenueFunding(summary, {sources, financials});
    const minimax = summary.find((c) => c.company_id === "minimax")!;
    const row = financials.find((f) => f.id === minimax.results_financial_id)!;
    const text = tooltipText(figure, figure.querySelector('.mark[data-id="minimax:revenue"]')!);
    expect(text).toContain(`Revenue, ${minimax.results_period}`);
    expect(text).toContain(row.figures_reported);
    expect(figure.querySelector(".atlas-tooltip a")).not.toBeNull();
  });

  test.each([320, 640, 960])("keeps every mark and label inside the viewBox at width %i", (width) => {
    const figure = revenueFunding(summary, {sources, financials, width});
    expect(figure.querySelector("svg")!.getAttribute("viewBox")).toMatch(new RegExp(`^0 0 ${width} `));
    expectInsideViewBox(figure);
    expect(markIds(figure)).toHaveLength(expectedIds(summary).length);
  });

  test("uses short names at 320 px", () => {
    const narrow = revenueFunding(summary, {sources, financials, width: 320});
    const labels = [...narrow.querySelectorAll(".row-label tspan:first-child")].map((t) => t.textContent);
    expect(labels).toContain("Zhipu");
  });
});

describe("revenueFunding(companies, options) on fixtures", () => {
  test("draws what each company has and names what it lacks", () => {
    const figure = revenueFunding(companySummary, {sources: fixtureSources, financials: fixtureFinancials});
    expect(markIds(figure)).toEqual(["alpha:raised", "alpha:revenue", "alpha:net_loss", "beta:raised", "beta:revenue", "delta:revenue", "delta:net_loss"]);
    const note = figure.querySelector(".chart-note")!.textContent!;
    expect(note).toContain("Not drawn (no reported full-year revenue): 丙 Gamma.");
    expect(note).toContain("No disclosed funding amount: 丁 Delta.");
    expect(note).toContain("No net loss reported: Beta.");
    expect(figure.querySelector("desc")!.textContent).toContain("The figures are for 2025 (甲 Alpha) and 2024 (Beta, 丁 Delta).");
    // Alpha's funding spans $60m–$80m: a whisker.
    expect(figure.querySelector(".whisker[data-for=alpha]")).not.toBeNull();
    const rows = [...figure.querySelectorAll(".atlas-data tbody tr")];
    expect(rows).toHaveLength(3);
    expect(rows[1].textContent).toContain("press report");
  });

  test("a press figure's tooltip says it is not a filing and gives its confidence", () => {
    const figure = revenueFunding(companySummary, {sources: fixtureSources, financials: fixtureFinancials});
    const text = tooltipText(figure, figure.querySelector('.mark[data-id="beta:revenue"]')!);
    expect(text).toContain("Revenue, 2024: $12m");
    expect(text).toContain("As reported: 收入8640万元");
    expect(text).toContain("press report (not a filing); low confidence");
  });

  test("leaves zero revenue and a net profit off the log scale and says so", () => {
    const figure = revenueFunding([
      company("z", "Zero", "Zero", {results_period: "2023", revenue_usd_m: 0, net_loss_usd_m: 5}),
      company("p", "Profit", "Profit", {results_period: "2024", revenue_usd_m: 50, net_loss_usd_m: -3})
    ]);
    expect(markIds(figure).sort()).toEqual(["p:revenue", "z:net_loss"]);
    const note = figure.querySelector(".chart-note")!.textContent!;
    expect(note).toContain("Revenue of zero or less, not on the log scale: Zero.");
    expect(note).toContain("A net profit or break-even, not on the log scale: Profit.");
  });

  test("renders hostile names and reported figures as text", () => {
    const figure = revenueFunding([company("x", HOSTILE, HOSTILE, {funding_usd_low: 10, funding_usd_mid: 20, funding_usd_high: 30, rounds_counted: 1, results_period: HOSTILE, results_financial_id: "x1", results_basis: HOSTILE, results_confidence: HOSTILE, revenue_usd_m: 2, net_loss_usd_m: 8})], {
      financials: [{id: "x1", figures_reported: HOSTILE, notes: HOSTILE, source_ids: ["evil"]}],
      sources: indexSources([{source_id: "evil", publisher: HOSTILE, title: HOSTILE, url: null}])
    });
    expectNoInjectedMarkup(figure);
    expect(figure.querySelector(".row-label")!.textContent).toContain(HOSTILE);
    expect(tooltipText(figure, figure.querySelector('.mark[data-id="x:revenue"]')!)).toContain(HOSTILE);
    expectNoInjectedMarkup(figure);
  });

  test("says so when no company has results", () => {
    const figure = revenueFunding([company("a", "Alpha", "Alpha", {funding_usd_low: 5, funding_usd_mid: 5, funding_usd_high: 5, rounds_counted: 1})]);
    expect(figure.querySelectorAll(".mark")).toHaveLength(0);
    expect(figure.querySelector(".empty")).not.toBeNull();
    expect(figure.querySelector("desc")!.textContent).toContain("Not drawn (no reported full-year revenue): Alpha.");
  });
});

describe("formatReported(value, currency)", () => {
  test('formatReported(724, "CNY") is "CNY 724m"; a missing value is empty', () => {
    expect(formatReported(724, "CNY")).toBe("CNY 724m");
    expect(formatReported(2465.6, "CNY")).toBe("CNY 2,465.6m");
    expect(formatReported(79.038, "USD")).toBe("USD 79.038m");
    expect(formatReported(null, "USD")).toBe("");
  });
});

describe("revenueFunding in Chinese (lang zh)", () => {
  test("on the published tables: title, description, axis, legend, rows and notes are Chinese", () => {
    const figure = revenueFunding(summary, {sources, financials, lang: "zh"});
    const {visible, description, headers} = expectChineseChart(figure);
    expectAccessible(figure, "营收与融资额");
    const zhipu = summary.find((c) => c.company_id === "zhipu")!;
    expect(description).toContain(`数据年份：${zhipu.results_period}年（智谱`);
    expect(visible).toContain("智谱");
    expect(visible).toContain(`${zhipu.results_period}年业绩`);
    expect(figure.querySelector(".axis-label")!.textContent).toBe("美元（对数刻度）→");
    expect([...figure.querySelectorAll(".legend-item text")].map((t) => t.textContent)).toEqual(["融资额（低–高）", "营收", "净亏损"]);
    expect(figure.querySelector(".chart-note")!.textContent).toMatch(/^未画出（没有报道完整年度营收）：/);
    for (const label of figure.querySelectorAll(".value-label")) expect(label.textContent).toMatch(/^[\d.]+(万|亿)?美元$/);
    expect(headers).toEqual(["公司", "融资额低值（百万美元）", "融资额（百万美元）", "融资额高值（百万美元）", "业绩年度", "营收（百万美元）", "净亏损（百万美元）", "业绩出处"]);
  });

  test.each([320, 375, 640])("fits width %i in Chinese", (width) => {
    const figure = revenueFunding(summary, {sources, financials, width, lang: "zh"});
    expectChineseChart(figure);
    expectInsideViewBox(figure);
  });

  test("on fixtures: notes, years and the tooltips of a press figure in Chinese", () => {
    const figure = revenueFunding(companySummary, {sources: fixtureSources, financials: fixtureFinancials, lang: "zh"});
    const note = figure.querySelector(".chart-note")!.textContent!;
    expect(note).toBe("未画出（没有报道完整年度营收）：丙。没有披露融资金额：丁。没有报道净亏损：Beta。");
    expect(figure.querySelector("desc")!.textContent).toContain("数据年份：2025年（甲）和2024年（Beta、丁）。");
    const rows = [...figure.querySelectorAll(".atlas-data tbody tr")];
    expect(rows[1].textContent).toContain("媒体报道（非正式披露）");
    const text = tooltipText(figure, figure.querySelector('.mark[data-id="beta:revenue"]')!);
    expect(text).toContain("2024年营收：1200万美元");
    expect(text).toContain("报道原文：收入8640万元");
    expect(text).toContain("出处：媒体报道（非正式披露）；可信度低");
    const raised = tooltipText(figure, figure.querySelector('.mark[data-id="alpha:raised"]')!);
    expect(raised).toContain("融资额：7000万美元（6000万美元–8000万美元），来自2轮披露金额的融资");
    expect(`${text} ${raised}`).not.toMatch(/Revenue|As reported|From:|Money raised|confidence/);
  });

  test("zero revenue, a profit and no results at all, in Chinese", () => {
    const figure = revenueFunding(
      [company("z", "Zero", "零", {results_period: "2023", revenue_usd_m: 0, net_loss_usd_m: 5}), company("p", "Profit", "盈", {results_period: "2024", revenue_usd_m: 50, net_loss_usd_m: -3})],
      {lang: "zh"}
    );
    const note = figure.querySelector(".chart-note")!.textContent!;
    expect(note).toContain("营收为零或负数，无法画在对数刻度上：零。");
    expect(note).toContain("实现净利润或盈亏平衡，无法画在对数刻度上：盈。");
    const none = revenueFunding([company("a", "Alpha", "甲", {funding_usd_mid: 5, rounds_counted: 1})], {lang: "zh"});
    expect(none.querySelector(".empty")!.textContent).toBe("没有公司报道过完整年度的营收。");
  });
});

describe("basisLabel(basis, lang) and formatReported in Chinese", () => {
  test("basisLabel names a basis in either language; BASIS_LABELS stays the English table", () => {
    expect(basisLabel("prospectus", "zh")).toBe("招股书");
    expect(basisLabel("press")).toBe(BASIS_LABELS.press);
    expect(basisLabel("press")).toBe("press report (not a filing)");
    expect(basisLabel("constructor", "zh")).toBe("constructor");
    expect(basisLabel(null, "zh")).toBe("");
  });

  test("formatReported counts in 亿/万 with the currency's Chinese name in Chinese", () => {
    expect(formatReported(724, "CNY", "zh")).toBe("7.24亿元");
    expect(formatReported(2465.6, "CNY", "zh")).toBe("24.656亿元");
    expect(formatReported(57.4, "CNY", "zh")).toBe("5740万元");
    expect(formatReported(97.417, "CNY", "zh")).toBe("9741.7万元");
    expect(formatReported(79.038, "USD", "zh")).toBe("7903.8万美元");
    expect(formatReported(10, "EUR", "zh")).toBe("EUR 1000万");
    expect(formatReported(null, "USD", "zh")).toBe("");
    expect(formatReported(724, "CNY", "en")).toBe("CNY 724m");
  });
});
