// @vitest-environment jsdom
import {describe, expect, test} from "vitest";
import {timelineStrip} from "../../src/components/timelineStrip.js";
import {company, expectAccessible, expectInsideViewBox, expectNoInjectedMarkup, HOSTILE, markIds, round, tooltipText, utc} from "./chartAssertions.js";
import {companies as companyRows, companySummary as companies, events, fundingRounds as rounds, sources} from "./storyFixtures.js";
import {expectChineseChart} from "./chineseChartText.js";

const options = {rounds, events, variants: companyRows, sources};

describe("timelineStrip(companies, options)", () => {
  test("draws a mark per founding date, financing round, IPO and listing, with its row id", () => {
    const figure = timelineStrip(companies, options);
    expect(markIds(figure).sort()).toEqual(["a-ipo", "a1", "a2", "a3", "alpha-listing", "b1", "b2", "b2-press", "founded-alpha", "founded-beta", "founded-gamma", "g1"]);
    expect(figure.querySelector(".mark.ipo")!.tagName.toLowerCase()).toBe("rect");
    expect(figure.querySelector(".mark.round")!.tagName.toLowerCase()).toBe("circle");
    expect(figure.querySelector('.mark[data-id="g1"]')!.getAttribute("fill")).toBe("#59a14f");
  });

  test("has a lane per company in display order, labelled with the published label", () => {
    const figure = timelineStrip([...companies].reverse(), options);
    expect([...figure.querySelectorAll(".lane")].map((g) => g.getAttribute("data-company"))).toEqual(["alpha", "beta", "gamma", "delta"]);
    const labels = [...figure.querySelectorAll(".lane-label")].map((t) => t.textContent);
    expect(labels).toEqual(["甲 Alpha", "Beta", "丙 Gamma", "丁 Delta"]);
    // Delta has no founding date and no rounds: its lane says so, and so does the description.
    expect(figure.querySelector(".lane[data-company=delta] .lane-empty")).not.toBeNull();
    const {description} = expectAccessible(figure, "From founding to listing");
    expect(description).toContain("No founding date: 丁 Delta");
  });

  test("has a time axis with ticks and a legend of the mark kinds", () => {
    const figure = timelineStrip(companies, options);
    expect(figure.querySelectorAll(".axis-x .tick").length).toBeGreaterThan(2);
    expect([...figure.querySelectorAll(".legend-item")].map((g) => g.getAttribute("data-key"))).toEqual(["founding", "round", "ipo", "listing", "disputed"]);
  });

  test("tooltips name the company and mention other reports of a founding date", () => {
    const figure = timelineStrip(companies, options);
    const founded = figure.querySelector('.mark[data-id="founded-beta"]')!;
    const text = tooltipText(figure, founded);
    expect(text).toContain("Beta");
    expect(text).toContain("Other reports: 2022-01 (see conflict_key beta-founding)");
    expect(founded.classList.contains("disputed")).toBe(true);
    const ipo = tooltipText(figure, figure.querySelector('.mark[data-id="a-ipo"]')!);
    expect(ipo).toContain("甲 Alpha");
    expect(ipo).toContain("HK$1bn");
  });

  test.each([320, 960])("keeps every mark and label inside the viewBox at width %i", (width) => {
    const figure = timelineStrip(companies, {...options, width});
    expect(figure.querySelector("svg")!.getAttribute("width")).toBe(String(width));
    expectInsideViewBox(figure);
  });

  test("skips undated rows and says how many", () => {
    const figure = timelineStrip([company("a", "Alpha", "甲", {founded: utc(2020, 5)})], {
      rounds: [round({id: "a1", company_id: "a", date: utc(2021)}), round({id: "a2", company_id: "a", date: null}), round({id: "a3", company_id: "a", kind: "cumulative"})],
      events: [{...events[0], id: "e1", company_id: "a", date: utc(2022)}, {...events[1], id: "e2", company_id: "a", date: utc(2022)}]
    });
    expect(markIds(figure).sort()).toEqual(["a1", "e1", "founded-a"]);
    expect(figure.querySelector("desc")!.textContent).toContain("1 row without a date not drawn");
  });

  test("renders a hostile company name and event title as text", () => {
    const figure = timelineStrip([company("x", HOSTILE, HOSTILE, {founded: utc(2020)})], {
      rounds: [round({id: "x1", company_id: "x", round: HOSTILE, amount_reported: HOSTILE})],
      events: [{...events[0], id: "e1", company_id: "x", date: utc(2022), title: HOSTILE}]
    });
    expectNoInjectedMarkup(figure);
    expect(figure.querySelector(".lane-label")!.textContent).toContain("<img");
    expect(tooltipText(figure, figure.querySelector('.mark[data-id="e1"]')!)).toContain(HOSTILE);
    tooltipText(figure, figure.querySelector('.mark[data-id="x1"]')!);
    expectNoInjectedMarkup(figure);
  });
});

describe("timelineStrip in Chinese (lang zh)", () => {
  const zh = {...options, lang: "zh" as const};

  test("title, description, legend, lanes, axis, note and table are Chinese", () => {
    const figure = timelineStrip(companies, zh);
    const {visible, description, headers} = expectChineseChart(figure);
    expectAccessible(figure, "从成立到上市");
    expect(description).toContain("每家公司一条时间线（共4条）");
    expect(description).toContain("3个成立日期、7轮融资、1次IPO和1次上市。");
    expect([...figure.querySelectorAll(".lane-label")].map((t) => t.textContent)).toEqual(["甲", "Beta", "丙", "丁"]);
    expect([...figure.querySelectorAll(".legend-item text")].map((t) => t.textContent)).toEqual(["成立", "融资轮次", "IPO", "上市日", "说法不一（虚线）"]);
    expect(figure.querySelector(".chart-note")!.textContent).toBe("没有成立日期：丁。");
    expect(figure.querySelector(".lane-empty")!.textContent).toBe("没有带日期的成立、融资或上市记录");
    for (const tick of figure.querySelectorAll(".axis-x .tick text")) expect(tick.textContent).toMatch(/^(\d{4}年|\d{1,2}月)$/);
    expect(visible).toContain("来源：");
    expect(headers).toEqual(["公司", "日期", "事项", "详情", "金额（百万美元）"]);
    const cells = [...figure.querySelectorAll(".atlas-data td")].map((td) => td.textContent);
    expect(cells).toContain("2019年6月");
    expect(cells).toContain("成立");
  });

  test("tooltips in Chinese: founding with the other reports, rounds with amounts in 万美元, listing", () => {
    const figure = timelineStrip(companies, zh);
    const founded = tooltipText(figure, figure.querySelector('.mark[data-id="founded-beta"]')!);
    expect(founded).toContain("成立于2021年12月");
    expect(founded).toMatch(/其他说法：.+（见 conflict_key beta-founding）/);
    const a1 = tooltipText(figure, figure.querySelector('.mark[data-id="a1"]')!);
    expect(a1).toContain("Angel，2023年1月");
    expect(a1).toContain("金额：$50m（≈ 5000万美元）");
    const listing = tooltipText(figure, figure.querySelector('.mark[data-id="alpha-listing"]')!);
    expect(listing).toContain("上市日期：2025年12月30日");
    expect(`${founded} ${a1} ${listing}`).not.toMatch(/Founded|Amount|Listed|Other reports/);
  });

  test("stacked lanes at 320 px and undated rows in Chinese", () => {
    const figure = timelineStrip(companies, {...zh, width: 320, rounds: [...rounds, round({id: "nodate", company_id: "alpha", date: null})]});
    const {visible} = expectChineseChart(figure);
    expect(visible).toContain("1条记录缺少日期，未画出。");
    expectInsideViewBox(figure);
  });
});
