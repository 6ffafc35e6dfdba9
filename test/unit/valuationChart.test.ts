// @vitest-environment jsdom
import {describe, expect, test} from "vitest";
import {valuationChart} from "../../src/components/valuationChart.js";
import {company, expectAccessible, expectInsideViewBox, expectNoInjectedMarkup, HOSTILE, markIds, round, tooltipText, utc} from "./chartAssertions.js";
import {companySummary as companies, fundingRounds, sources} from "./storyFixtures.js";
import {expectChineseChart} from "./chineseChartText.js";

// A round in progress and a second, disputed reading of beta's valuation, on top of the shared fixtures.
const rounds = [
  ...fundingRounds,
  round({id: "b-plan", company_id: "beta", kind: "in_progress", date: utc(2025, 9), valuation_reported: "$4bn target", valuation_kind: "exact", valuation_usd_low: 4000, valuation_usd_mid: 4000, valuation_usd_high: 4000, counted: false}),
  round({id: "b-press-valuation", company_id: "beta", kind: "disclosure", date: utc(2025, 5), valuation_reported: "$2.5bn", valuation_kind: "exact", valuation_usd_low: 2500, valuation_usd_mid: 2500, valuation_usd_high: 2500, conflict_key: "beta-valuation", counted: false})
];

const valued = (ids?: string[]) => rounds.filter((r) => typeof r.valuation_usd_mid === "number" && r.date && (!ids || ids.includes(r.company_id)));

describe("valuationChart(rounds, options)", () => {
  test("draws one mark per row with a valuation, of any kind", () => {
    const figure = valuationChart(rounds, {companies, sources});
    const expected = valued();
    expect(expected.map((r) => r.id).sort()).toEqual(["a2", "b-disclosure", "b-plan", "b-press-valuation"]);
    expect(markIds(figure).sort()).toEqual(expected.map((r) => r.id).sort());
    expect(figure.querySelectorAll(".mark.tentative")).toHaveLength(expected.filter((r) => r.kind === "in_progress").length);
  });

  test("draws an error bar for every valuation reported as a range, none for exact ones", () => {
    const figure = valuationChart(rounds, {companies, sources});
    const ranged = valued().filter((r) => r.valuation_kind !== "exact" && r.valuation_usd_high! > r.valuation_usd_low!);
    expect([...figure.querySelectorAll(".error-bar")].map((b) => b.getAttribute("data-for")).sort()).toEqual(ranged.map((r) => r.id).sort());
  });

  test("marks disputed rows with a dashed outline and says so in the tooltip", () => {
    const figure = valuationChart(rounds, {companies, sources});
    const disputed = valued().filter((r) => r.conflict_key);
    expect(disputed).toHaveLength(2);
    const marked = [...figure.querySelectorAll(".mark.disputed")];
    expect(marked.map((m) => m.getAttribute("data-id")).sort()).toEqual(disputed.map((r) => r.id).sort());
    expect(marked.every((m) => m.getAttribute("stroke-dasharray"))).toBe(true);
    const text = tooltipText(figure, figure.querySelector('.mark[data-id="b-disclosure"]')!);
    expect(text).toContain("Beta");
    expect(text).toContain("Disputed: see conflict_key beta-valuation");
    expect(text).toContain("b-press-valuation");
    expect(figure.querySelector('.mark[data-id="a2"]')!.getAttribute("fill")).toBe("#4e79a7");
  });

  test("joins each company's valuations with a line, labels the log axis, and is named", () => {
    const figure = valuationChart(rounds, {companies, sources});
    const counts = new Map<string, number>();
    for (const r of valued()) counts.set(r.company_id, (counts.get(r.company_id) ?? 0) + 1);
    const withLines = [...counts].filter(([, n]) => n > 1).map(([id]) => id);
    expect([...figure.querySelectorAll(".line")].map((l) => l.getAttribute("data-company")).sort()).toEqual(withLines.sort());
    expect(figure.querySelector(".axis-label")!.textContent).toContain("log scale");
    expect(figure.querySelectorAll(".axis-y .tick").length).toBeGreaterThan(2);
    expect(figure.querySelectorAll(".axis-x .tick").length).toBeGreaterThan(1);
    expectAccessible(figure, "Valuations over time");
  });

  test("companyIds restricts the companies drawn", () => {
    const figure = valuationChart(rounds, {companies, sources, companyIds: ["alpha"]});
    expect(markIds(figure).sort()).toEqual(valued(["alpha"]).map((r) => r.id).sort());
  });

  test.each([320, 960])("keeps every mark and label inside the viewBox at width %i", (width) => {
    expectInsideViewBox(valuationChart(rounds, {companies, sources, width}));
  });

  test("skips undated rows and says so; an empty selection says so too", () => {
    const figure = valuationChart(
      [round({id: "v1", company_id: "a", date: utc(2024), valuation_usd_mid: 100, valuation_kind: "exact"}), round({id: "v2", company_id: "a", date: null, valuation_usd_mid: 200})],
      {companies: [company("a", "Alpha")]}
    );
    expect(markIds(figure)).toEqual(["v1"]);
    expect(figure.querySelector("desc")!.textContent).toContain("1 valuation without a date is not drawn");
    expect(valuationChart(rounds, {companies, companyIds: []}).querySelector(".empty")).not.toBeNull();
  });

  test("renders hostile names and reported values as text", () => {
    const figure = valuationChart(
      [round({id: "x1", company_id: "x", valuation_usd_low: 50, valuation_usd_mid: 60, valuation_usd_high: 70, valuation_kind: "approx", valuation_reported: HOSTILE, conflict_key: "k"}), round({id: "x2", company_id: "x", conflict_key: "k", valuation_reported: HOSTILE})],
      {companies: [company("x", HOSTILE, HOSTILE)]}
    );
    expectNoInjectedMarkup(figure);
    expect(tooltipText(figure, figure.querySelector(".mark")!)).toContain(HOSTILE);
    expectNoInjectedMarkup(figure);
  });
});

describe("valuationChart in Chinese (lang zh)", () => {
  const zh = {companies, sources, lang: "zh" as const};

  test("title, description, legend, axis, table headers and kinds are Chinese", () => {
    const figure = valuationChart(rounds, zh);
    const {description, headers} = expectChineseChart(figure);
    expectAccessible(figure, "估值变化");
    expect(description).toContain("2家公司（甲、Beta）共4条估值报道");
    expect(description).toContain("以虚线圈出");
    const legend = [...figure.querySelectorAll(".legend-item text")].map((t) => t.textContent);
    expect(legend).toEqual(["甲", "Beta", "报道区间", "进行中的融资", "说法不一"]);
    expect(figure.querySelector(".axis-label")!.textContent).toBe("↑ 报道估值（美元，对数刻度）");
    expect(headers).toEqual(["公司", "日期", "类型", "轮次", "报道估值（原文）", "低值（百万美元）", "估值（百万美元）", "高值（百万美元）", "分歧标识"]);
    const cells = [...figure.querySelectorAll(".atlas-data td")].map((td) => td.textContent);
    expect(cells).toContain("事后披露");
    expect(cells).toContain("2025年6月");
    const yTicks = [...figure.querySelectorAll(".axis-y .tick text")].map((t) => t.textContent!);
    expect(yTicks.some((t) => t.endsWith("亿"))).toBe(true);
  });

  test("tooltips: amounts in 亿美元, the kind in Chinese, the rival reports named", () => {
    const figure = valuationChart(rounds, zh);
    const text = tooltipText(figure, figure.querySelector('.mark[data-id="b-disclosure"]')!);
    expect(text).toContain("事后披露，2025年6月（事后披露）");
    expect(text).toContain("估值：$2-3bn ≈ 20亿美元（20亿美元–30亿美元）");
    expect(text).toContain("说法不一：见 conflict_key beta-valuation；其他报道：b-press-valuation（$2.5bn）");
    expect(text).not.toMatch(/Valuation|Disputed|other report/);
  });

  test("narrow, undated and empty in Chinese", () => {
    const narrow = valuationChart(rounds, {...zh, width: 320});
    expectChineseChart(narrow);
    expect(narrow.querySelector(".axis-label")!.textContent).toBe("↑ 估值（美元，对数）");
    expectInsideViewBox(narrow);
    const undated = valuationChart([round({id: "v1", company_id: "a", date: utc(2024), valuation_usd_mid: 100}), round({id: "v2", company_id: "a", date: null, valuation_usd_mid: 200})], {companies: [company("a", "Alpha", "甲")], lang: "zh"});
    expect(undated.querySelector("desc")!.textContent).toContain("1条估值缺少日期，未画出。");
    expect(valuationChart(rounds, {...zh, companyIds: []}).querySelector(".empty")!.textContent).toBe("所选公司没有报道过估值。");
  });
});
