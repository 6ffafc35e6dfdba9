// @vitest-environment jsdom
/**
 * The overview's and the funding page's findings, filter bar and rounds table in Chinese (src/zh/index.md,
 * src/zh/funding.md), and in English as they were. The page modules name their files through Framework's
 * FileAttachment (tables.ts) and, when the reader asks, query DuckDB (database.ts); both are stood in for here.
 */
import {beforeEach, describe, expect, test, vi} from "vitest";

vi.mock("../../src/components/tables.js", () => ({PARQUET: {}, CSV: {funding_rounds: "funding_rounds.csv"}}));
// The rounds table's query, when the reader runs it: two rows as DuckDB returns them for the funding_rounds SELECT.
vi.mock("../../src/components/database.js", () => ({
  getDatabase: async () => ({
    query: async () => ({
      rows: [
        {id: "a2", company: "甲 Alpha", date: "2024-03", kind: "round", round: "Series A", amount_reported: "数亿元", amount_usd_low: 10, amount_usd_high: 30, valuation_reported: "about $1bn", counted: true, counted_note: null, conflict_key: null, confidence: "medium", source_ids: ["s1"]},
        {id: "a-ipo", company: "甲 Alpha", date: "2025-12-30", kind: "ipo", round: "IPO", amount_reported: "HK$1bn", amount_usd_low: 128, amount_usd_high: 128, valuation_reported: null, counted: false, counted_note: "an IPO, not a private round", conflict_key: null, confidence: "high", source_ids: ["s1", "s3"]}
      ]
    })
  })
}));

import {overviewFindings, resultsSentences, type OverviewData} from "../../src/components/pages/overview.js";
import {fundingFilters, fundingFindings, roundsTable, type FundingData} from "../../src/components/pages/funding.js";
import type {Lang} from "../../src/components/i18n.js";
import {companySummary, companies, densityFit, events, financials, fundingRounds, fundingSteps, investorLinks, sourceRows, sources} from "./storyFixtures.js";

/** Share of Han characters among letters, our measure of "written in Chinese". */
function cjkShare(text: string): number {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  return letters ? (text.match(/\p{Script=Han}/gu)?.length ?? 0) / letters : 0;
}

/** Text of a node without what is marked as another language (lang="en": data, names, quotes). */
function ownText(node: Node): string {
  if (node.nodeType === 3) return node.textContent ?? "";
  if (node.nodeType !== 1) return "";
  const lang = (node as Element).getAttribute("lang");
  if (lang && !/^zh/i.test(lang)) return "";
  return [...node.childNodes].map(ownText).join("");
}

const text = (value: unknown): string => (value instanceof Node ? (value.textContent ?? "") : String(value));

function data(lang: Lang): OverviewData & FundingData {
  return {
    company_summary: companySummary,
    companies,
    funding_rounds: fundingRounds,
    funding_steps: fundingSteps,
    events,
    density_fit: densityFit,
    financials,
    investor_links: investorLinks,
    sources: sourceRows,
    sourceIndex: sources,
    lang
  };
}

const FUNDED = ["alpha", "beta", "gamma"];
const ENGLISH_UI = /\b(raised|the most|against|net loss|confidence|filing|valued|times|each behind|none|investor|rows|Download|Company|Sources|yes|no)\b/;

describe("overviewFindings in Chinese", () => {
  const f = overviewFindings(data("zh"));

  test("amounts in 亿/万美元, Chinese dates, Chinese short names and Chinese phrases", () => {
    expect(f.raised).toBe("5.6亿美元");
    expect(f.raisedLow).toBe("5.5亿美元");
    expect(f.top).toBe("Beta融资最多，达4.9亿美元");
    expect(f.second).toBe("甲（7000万美元）");
    expect(f.least).toBe("甲（7000万美元）");
    expect(f.largest.company).toBe("Beta");
    expect(f.largest.round).toBe("B轮");
    expect(f.largest.date).toBe("2025年2月");
    expect(f.largest.amount).toBe("3.9亿美元");
    expect(f.listed).toBe("甲于2025年12月30日");
    expect(f.listedDates).toBe("2025年12月30日");
    expect(f.listedNames).toBe("甲");
    expect(f.topValued).toBe("Beta，最近一次估值为20亿美元（2025年6月）");
    expect(f.stillTraining).toBe("Beta");
    expect(f.steppedBack).toBe("没有一家");
  });

  test("the results sentences are Chinese, and keep the spans the consistency test reads", () => {
    const results = f.results;
    expect(results.textContent).toBe(
      "甲公布的2025年营收为3000万美元，而它披露的融资额为7000万美元；同期净亏损2.5亿美元。" +
        "据媒体报道，Beta在2024年的营收约为1200万美元，而它披露的融资额为4.9亿美元（可信度：低；并非正式财报）。"
    );
    expect([...results.querySelectorAll("[data-column]")].map((s) => `${s.getAttribute("data-company")}.${s.getAttribute("data-column")}=${s.textContent}`)).toEqual([
      "alpha.revenue_usd_m=3000万美元",
      "alpha.funding_usd_mid=7000万美元",
      "alpha.net_loss_usd_m=2.5亿美元",
      "beta.revenue_usd_m=1200万美元",
      "beta.funding_usd_mid=4.9亿美元"
    ]);
    expect(f.noResults).toBe("");
  });

  test("a company with no amount and none with results are said in Chinese", () => {
    const gamma = {...companySummary[2], group: "six_tigers", revenue_usd_m: 3, results_period: "2024-H1", results_basis: "press", results_confidence: null, funding_usd_mid: null, rounds_undisclosed: 2};
    expect(resultsSentences([gamma], document, "zh").textContent).toBe("据媒体报道，丙在2024年上半年的营收约为300万美元（可信度：未评级；并非正式财报）。它的各轮融资都没有披露金额。");
    const none = overviewFindings({...data("zh"), company_summary: companySummary.map((c) => ({...c, revenue_usd_m: null}))});
    expect(none.noResults).toBe("甲和Beta尚未公布完整年度的营收。");
  });

  test("a round label with no Chinese words is shown as data, marked English", () => {
    const steps = fundingSteps.map((s) => (s.round_id === "b2" ? {...s, round: "Strategic stake (Meituan)"} : s));
    const round = overviewFindings({...data("zh"), funding_steps: steps}).largest.round as HTMLElement;
    expect(round.tagName).toBe("SPAN");
    expect(round.getAttribute("lang")).toBe("en");
    expect(round.textContent).toBe("Strategic stake (Meituan)");
  });

  test("no English phrase is left, and the findings are mostly Chinese", () => {
    const phrases = [f.top, f.second, f.least, text(f.largest.round), f.largest.date, f.largest.amount, f.listed, f.listedDates, f.topValued, f.stillTraining, f.steppedBack, ownText(f.results)];
    const all = phrases.join("。");
    expect(all).not.toMatch(ENGLISH_UI);
    expect(cjkShare(all)).toBeGreaterThanOrEqual(0.6);
  });

  test("source links carry their source's language", () => {
    const link = f.largest.sources.querySelector("a")!;
    expect(link.getAttribute("lang")).toBe("en");
    expect(f.largest.sources.className).toBe("atlas-cite");
  });
});

describe("overviewFindings in English is as it was", () => {
  const f = overviewFindings(data("en"));
  test("phrases, amounts and dates", () => {
    expect(f.raised).toBe("$560m");
    expect(f.top).toBe("Beta raised the most, $490m");
    expect(f.second).toBe("甲 Alpha ($70m)");
    expect(f.largest).toMatchObject({company: "Beta", round: "Series B", date: "2025-02", amount: "$390m"});
    expect(f.listed).toBe("甲 Alpha on 2025-12-30");
    expect(f.topValued).toBe("Beta, last valued at $2bn (2025-06)");
    expect(f.steppedBack).toBe("none");
    expect(f.results.textContent).toBe(
      "甲 Alpha reported revenue of $30m for 2025 against $70m raised; its net loss was $250m. " +
        "Press reports put Beta’s revenue for 2024 at $12m against $490m raised (low confidence; not a filing)."
    );
    expect(f.largest.sources.querySelector("a")!.hasAttribute("lang")).toBe(false);
  });
});

describe("fundingFindings in Chinese", () => {
  test("totals, leaders, the top valuation and the widest investors", () => {
    const f = fundingFindings(data("zh"), {companies: FUNDED, scale: "linear"});
    expect(f.total).toBe("5.65亿美元");
    expect(f.leaders).toBe("Beta（4.9亿美元）、甲（7000万美元）和丙（500万美元）");
    expect(f.topValued).toBe("Beta：20亿美元（报道为“$2-3bn”，2025年6月），是其已披露融资额的4.1倍");
    // Tencent has its Chinese name in investor_links; Alibaba (in these fixtures) has none and keeps its own.
    expect(f.widest).toBe("Alibaba和腾讯，各投了其中2家");
    expect(f.sharedCount).toBe(2);
    const all = [f.leaders, f.topValued, f.widest].join("。");
    expect(all).not.toMatch(ENGLISH_UI);
    expect(cjkShare(all.replace(/Alibaba|Beta/g, ""))).toBeGreaterThanOrEqual(0.6);
  });

  test("nothing to say is said in Chinese", () => {
    const f = fundingFindings(data("zh"), {companies: ["gamma"], scale: "linear"});
    expect(f.widest).toBe("无（没有一家投资方投了其中两家或以上）");
    expect(f.topValued).toBe("无");
  });

  test("English is as it was", () => {
    const f = fundingFindings(data("en"), {companies: FUNDED, scale: "linear"});
    expect(f.leaders).toBe("Beta ($490m), 甲 Alpha ($70m) and 丙 Gamma ($5m)");
    expect(f.topValued).toBe("Beta, last valued at $2bn ($2-3bn, 2025-06), 4.1 times what it disclosed raising");
    expect(f.widest).toBe("Alibaba and Tencent, each behind 2 of them");
    expect(fundingFindings(data("en"), {companies: ["gamma"], scale: "linear"}).widest).toBe("no investor backed more than one of them");
  });
});

describe("the funding page's controls and rounds table follow the language", () => {
  beforeEach(() => history.replaceState(null, "", "/zh/funding"));

  test("filter bar: Chinese legends, choices and company names", () => {
    const bar = fundingFilters(data("zh")) as unknown as HTMLElement;
    expect([...bar.querySelectorAll("legend")].map((l) => l.textContent)).toEqual(["公司", "纵轴刻度"]);
    const labels = [...bar.querySelectorAll("label")].map((l) => l.textContent!.trim());
    expect(labels).toEqual(["甲", "Beta", "丙", "线性", "对数"]);
    expect(bar.textContent).not.toMatch(/\b(Companies|Scale|Linear|Log)\b/);
  });

  test("filter bar in English is as it was", () => {
    const bar = fundingFilters(data("en")) as unknown as HTMLElement;
    expect([...bar.querySelectorAll("legend")].map((l) => l.textContent)).toEqual(["Companies", "Scale"]);
    expect([...bar.querySelectorAll("label")].map((l) => l.textContent!.trim())).toEqual(["甲 Alpha", "Beta", "丙 Gamma", "Linear", "Log"]);
  });

  test("rounds table: drawn at once; caption, headers, cells, filter, actions and download link in Chinese", async () => {
    const region = roundsTable(data("zh"), {companies: FUNDED, scale: "linear"});
    expect(region.getAttribute("aria-busy")).toBe("false");
    expect(region.dataset.source).toBe("page");
    expect(region.querySelector("caption")!.textContent).toBe("共9条融资记录");
    expect([...region.querySelectorAll("th")].map((th) => th.textContent)).toEqual([
      "公司", "日期", "类型", "轮次", "报道金额", "百万美元（下限）", "百万美元（上限）", "报道估值", "计入总额", "未计入原因", "存在分歧", "可信度", "来源"
    ]);
    const rows = [...region.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent));
    // By date, as the SQL orders them.
    expect(rows.map((r) => r[1])).toEqual(["2023年1月", "2023年6月", "2024年1月", "2024年3月", "2024年6月", "2025年1月", "2025年2月", "2025年6月", "2025年12月30日"]);
    expect(rows[3].slice(0, 5)).toEqual(["甲", "2024年3月", "融资轮", "A轮", "数亿元"]);
    expect(rows[3][8]).toBe("是");
    expect(rows[3][11]).toBe("中");
    expect(rows[8].slice(0, 4)).toEqual(["甲", "2025年12月30日", "IPO", "IPO"]);
    expect(rows[8][8]).toBe("否");
    // The reason a row is left out is an English data value: shown as it is, marked English.
    const note = region.querySelectorAll("tbody tr")[8].querySelectorAll("td")[9].firstElementChild!;
    expect(note.getAttribute("lang")).toBe("en");
    expect(note.textContent).toBe("an IPO, not a private round");
    expect(region.querySelector(".atlas-download")!.textContent).toBe("下载 CSV");
    expect(region.querySelector(".atlas-download-link")!.textContent).toBe("下载全部公司的每一轮融资（CSV）");
    expect(region.querySelector(".atlas-table-filter")!.textContent).toBe("筛选 ");
    expect(region.querySelector(".atlas-run-sql")!.textContent).toBe("用 SQL 运行");
    expect(region.querySelector("details.atlas-query code")!.textContent).toContain("WHERE list_contains(['alpha', 'beta', 'gamma'], f.company_id)");
    const own = ownText(region);
    expect(own).not.toMatch(/\b(Showing|Download|Company|Date|Kind|Round|In totals|Why not|Sources|yes|no|funding rows|Run|Open|Filter)\b/);
  });

  test("rounds table: the reader's filter keeps the rows that mention the text, and says how many", async () => {
    const region = roundsTable(data("zh"), {companies: FUNDED, scale: "linear"});
    const input = region.querySelector(".atlas-table-filter input") as HTMLInputElement;
    input.value = "ipo";
    input.dispatchEvent(new Event("input"));
    expect([...region.querySelectorAll("tbody tr")].map((tr) => tr.querySelectorAll("td")[1].textContent)).toEqual(["2025年12月30日"]);
    expect(region.querySelector(".atlas-table-matching")!.textContent).toBe("9行中有1行含有筛选的文字。");
    expect(region.querySelector(".atlas-table")!.getAttribute("data-rows")).toBe("9");
  });

  test("rounds table in English is as it was, drawn from the rounds of the companies chosen", async () => {
    const region = roundsTable(data("en"), {companies: ["alpha"], scale: "linear"});
    expect(region.querySelector("caption")!.textContent).toBe("4 funding rows");
    expect([...region.querySelectorAll("th")].map((th) => th.textContent).slice(0, 4)).toEqual(["Company", "Date", "Kind", "Round"]);
    const second = [...region.querySelectorAll("tbody tr:nth-child(2) td")].map((td) => td.textContent);
    expect(second.slice(0, 5)).toEqual(["甲 Alpha", "2024-03", "round", "Series A", "数亿元"]);
    expect(second[8]).toBe("yes");
    expect(second[11]).toBe("medium");
    expect(region.querySelector("tbody tr:nth-child(2) td:nth-child(4)")!.children).toHaveLength(0);
    expect(region.querySelector(".atlas-download")!.textContent).toBe("Download CSV");
    expect(region.querySelector(".atlas-download-link")!.textContent).toBe("Download every round of every company (CSV)");
    expect(region.querySelector(".atlas-run-sql")!.textContent).toBe("Run in SQL");
    expect(region.querySelector(".atlas-explore-link")!.textContent).toBe("Open in /explore");
    expect(region.querySelector("details.atlas-query summary")!.textContent).toBe("The query in SQL");
  });

});
