// @vitest-environment jsdom
import {describe, expect, test} from "vitest";
import {cumulativeFunding} from "../../src/components/cumulativeFunding.js";
import {company, expectAccessible, expectInsideViewBox, expectNoInjectedMarkup, HOSTILE, markIds, tooltipText} from "./chartAssertions.js";
import {companySummary as companies, fundingSteps as steps, sources} from "./storyFixtures.js";
import {expectChineseChart} from "./chineseChartText.js";

// The steps and running totals are funding_steps rows (which rounds count is tested with the build); the
// chart draws them, hollow when undisclosed, and says what company_summary's counts leave out.
describe("cumulativeFunding(steps, options)", () => {
  test("draws one mark per step, undisclosed ones hollow, and says what is left out", () => {
    const figure = cumulativeFunding(steps, {companies, sources});
    expect(markIds(figure).sort()).toEqual(["a1", "a2", "a3", "b1", "b2", "g1"]);
    expect([...figure.querySelectorAll(".mark.undisclosed")].map((m) => m.getAttribute("data-id"))).toEqual(["a3"]);
    expect(figure.querySelector(".mark.undisclosed")!.getAttribute("fill")).toBe("none");
    const {description} = expectAccessible(figure, "Cumulative disclosed funding");
    expect(description).toContain("1 round with undisclosed amounts is shown as hollow markers");
    expect(description).toContain("1 duplicate report of a round already counted is not drawn");
    expect(description).not.toContain("without a date");
  });

  test("says how many counted rounds have no date (company_summary.rounds_undated)", () => {
    const cos = [company("a", "Alpha", "甲", {rounds_counted: 2, rounds_undisclosed: 1, rounds_undated: 1})];
    const figure = cumulativeFunding(steps.filter((s) => s.company_id === "alpha").map((s) => ({...s, company_id: "a"})).slice(0, 2), {companies: cos});
    expect(figure.querySelector("desc")!.textContent).toContain("1 round without a date is not drawn");
  });

  test("draws a line and a band per company in display order, with the published colours", () => {
    const figure = cumulativeFunding(steps, {companies, sources});
    const series = [...figure.querySelectorAll(".company-series")];
    expect(series.map((g) => g.getAttribute("data-company"))).toEqual(["alpha", "beta", "gamma"]);
    expect(figure.querySelector(".company-series[data-company=alpha] .band")!.getAttribute("d")).toMatch(/^M/);
    expect(figure.querySelector(".company-series[data-company=beta] .line")!.getAttribute("stroke")).toBe("#f28e2b");
    const legend = [...figure.querySelectorAll(".legend-item text")].map((t) => t.textContent);
    expect(legend.slice(0, 3)).toEqual(["甲 Alpha", "Beta", "丙 Gamma"]);
    expect(legend).toContain("amount undisclosed");
    expect(figure.querySelectorAll(".axis-x .tick").length).toBeGreaterThan(1);
    expect(figure.querySelectorAll(".axis-y .tick").length).toBeGreaterThan(1);
    expect(figure.querySelector(".axis-label")!.textContent).toMatch(/Cumulative disclosed funding/);
  });

  test("each mark sits at its step's running total: the undisclosed round level with the one before", () => {
    const figure = cumulativeFunding(steps, {companies, sources});
    const cy = (id: string) => Number(figure.querySelector(`.mark[data-id="${id}"]`)!.getAttribute("cy"));
    expect(cy("a3")).toBe(cy("a2"));
    expect(cy("a2")).toBeLessThan(cy("a1"));
    expect(cy("b2")).toBeLessThan(cy("a2"));
  });

  test("companyIds restricts the companies drawn", () => {
    const figure = cumulativeFunding(steps, {companies, sources, companyIds: ["gamma", "beta"]});
    expect(markIds(figure).sort()).toEqual(["b1", "b2", "g1"]);
    expect([...figure.querySelectorAll(".company-series")].map((g) => g.getAttribute("data-company"))).toEqual(["beta", "gamma"]);
    const empty = cumulativeFunding(steps, {companies, sources, companyIds: []});
    expect(empty.querySelectorAll(".mark")).toHaveLength(0);
    expect(empty.querySelector(".empty")).not.toBeNull();
  });

  test("a log scale labels the axis as such and keeps every mark", () => {
    const figure = cumulativeFunding(steps, {companies, sources, scale: "log"});
    expect(figure.querySelector(".axis-label")!.textContent).toContain("log scale");
    expect(figure.querySelectorAll(".mark")).toHaveLength(steps.length);
    expectInsideViewBox(figure);
  });

  test("tooltips give the round, its amount and the running total", () => {
    const figure = cumulativeFunding(steps, {companies, sources});
    const text = tooltipText(figure, figure.querySelector('.mark[data-id="a2"]')!);
    expect(text).toContain("甲 Alpha");
    expect(text).toContain("Series A, 2024-03");
    expect(text).toContain("数亿元 ≈ $20m ($10m–$30m)");
    expect(text).toContain("Raised so far: $70m ($60m–$80m)");
    const hollow = tooltipText(figure, figure.querySelector('.mark[data-id="a3"]')!);
    expect(hollow).toContain("undisclosed");
  });

  test.each([320, 960])("keeps every mark and label inside the viewBox at width %i", (width) => {
    expectInsideViewBox(cumulativeFunding(steps, {companies, sources, width}));
  });

  test("renders a hostile company name and round label as text", () => {
    const hostile = [{...steps[1], company_id: "x", round: HOSTILE}];
    const figure = cumulativeFunding(hostile, {companies: [company("x", HOSTILE, HOSTILE)]});
    expectNoInjectedMarkup(figure);
    expect(figure.querySelector(".legend-item text")!.textContent).toContain("<img");
    expect(tooltipText(figure, figure.querySelector(".mark")!)).toContain(HOSTILE);
    expectNoInjectedMarkup(figure);
  });
});

describe("cumulativeFunding in Chinese (lang zh)", () => {
  const zh = {companies, sources, lang: "zh" as const};

  test("title, description, legend, axes and source line are Chinese; companies go by their Chinese short names", () => {
    const figure = cumulativeFunding(steps, zh);
    const {visible, description, headers} = expectChineseChart(figure);
    expectAccessible(figure, "累计已披露融资额");
    expect(description).toContain("3家公司累计已披露融资额");
    expect(description).toContain("1轮融资未披露金额，以空心标记表示");
    expect(description).toContain("另有1条报道与已计入的轮次重复，未画出。");
    const legend = [...figure.querySelectorAll(".legend-item text")].map((t) => t.textContent);
    expect(legend).toEqual(["甲", "Beta", "丙", "金额未披露", "低值–高值区间"]);
    expect(figure.querySelector(".axis-label")!.textContent).toBe("↑ 累计已披露融资额（美元）");
    expect(visible).toContain("来源：");
    expect(headers).toEqual(["公司", "日期", "轮次", "报道金额（原文）", "金额（百万美元）", "累计低值（百万美元）", "累计（百万美元）", "累计高值（百万美元）"]);
    // Dates of the table in Chinese; the amounts as reported stay quotes.
    const cells = [...figure.querySelectorAll(".atlas-data td")].map((td) => td.textContent);
    expect(cells).toContain("2024年3月");
    expect(cells).toContain("数亿元");
  });

  test("ticks: years as 2024年 and amounts in 亿/万 without a dollar sign", () => {
    const figure = cumulativeFunding(steps, zh);
    const xTicks = [...figure.querySelectorAll(".axis-x .tick text")].map((t) => t.textContent!);
    expect(xTicks.length).toBeGreaterThan(1);
    for (const tick of xTicks) expect(tick).toMatch(/^(\d{4}年|\d{1,2}月|\d{1,2}月\d{1,2}日)$/);
    const yTicks = [...figure.querySelectorAll(".axis-y .tick text")].map((t) => t.textContent!);
    expect(yTicks.some((t) => t.endsWith("亿"))).toBe(true);
    for (const tick of yTicks) expect(tick).not.toMatch(/[$a-z]/i);
  });

  test("tooltips in Chinese: the round as the data names it, amounts in 万美元, the running total", () => {
    const figure = cumulativeFunding(steps, zh);
    const text = tooltipText(figure, figure.querySelector('.mark[data-id="a2"]')!);
    expect(text).toContain("Series A，2024年3月");
    expect(text).toContain("金额：数亿元 ≈ 2000万美元（1000万美元–3000万美元）");
    expect(text).toContain("累计融资：7000万美元（6000万美元–8000万美元）");
    expect(text).not.toMatch(/Raised so far|Amount|Source:/);
    expect(tooltipText(figure, figure.querySelector('.mark[data-id="a3"]')!)).toContain("金额未披露，不计入累计");
  });

  test("log scale, narrow width and an empty selection in Chinese, everything inside the viewBox", () => {
    const log = cumulativeFunding(steps, {...zh, scale: "log"});
    expect(log.querySelector(".axis-label")!.textContent).toBe("↑ 累计已披露融资额（美元，对数刻度）");
    expect(log.querySelector("desc")!.textContent).toContain("对数刻度");
    const narrow = cumulativeFunding(steps, {...zh, width: 320});
    expectChineseChart(narrow);
    expect(narrow.querySelector(".axis-label")!.textContent).toBe("↑ 累计融资（美元）");
    expectInsideViewBox(narrow);
    const empty = cumulativeFunding(steps, {...zh, companyIds: []});
    expect(empty.querySelector(".empty")!.textContent).toBe("所选公司没有融资轮次。");
  });
});
