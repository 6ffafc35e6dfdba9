// @vitest-environment jsdom
import {describe, expect, test} from "vitest";
import {fundingValuationScatter} from "../../src/components/fundingValuationScatter.js";
import {company, expectAccessible, expectInsideViewBox, expectNoInjectedMarkup, HOSTILE, markIds, tooltipText} from "./chartAssertions.js";
import {companySummary, sources} from "./storyFixtures.js";
import {expectChineseChart} from "./chineseChartText.js";

// Which rounds count and which valuation is the latest are company_summary's columns (tested with the
// build); the chart's job is to draw them, name what it cannot draw and keep company order and colour.
describe("fundingValuationScatter(companies, options)", () => {
  test("draws one mark per company with both a funding total and a valuation, and names the others", () => {
    const figure = fundingValuationScatter(companySummary, {sources});
    expect(markIds(figure)).toEqual(["alpha", "beta"]);
    const {description} = expectAccessible(figure, "Funding raised against latest valuation");
    const note = figure.querySelector(".chart-note")!.textContent!;
    expect(note).toContain("no reported valuation: 丙 Gamma");
    expect(note).toContain("no funding rows: 丁 Delta");
    expect(description).toContain("甲 Alpha, Beta");
    // alpha's one undisclosed round, beta's one left-out second report, from company_summary's counts.
    expect(description).toContain("1 financing round with undisclosed amounts is not in the totals");
    expect(description).toContain("1 duplicate report of a round already counted is left out");
    expect([...figure.querySelectorAll(".point-label")].map((t) => t.textContent)).toEqual(["甲 Alpha", "Beta"]);
  });

  test("places points at the published totals and colours them with the published colour", () => {
    const figure = fundingValuationScatter(companySummary, {sources});
    const alpha = figure.querySelector(".mark[data-id=alpha]")!;
    const beta = figure.querySelector(".mark[data-id=beta]")!;
    expect(alpha.getAttribute("fill")).toBe("#4e79a7");
    expect(beta.getAttribute("fill")).toBe("#f28e2b");
    // Beta raised and is valued at more: right of and above alpha.
    expect(Number(beta.getAttribute("cx"))).toBeGreaterThan(Number(alpha.getAttribute("cx")));
    expect(Number(beta.getAttribute("cy"))).toBeLessThan(Number(alpha.getAttribute("cy")));
    // Alpha's funding spans $60m-$80m: a horizontal whisker.
    expect(figure.querySelector(".whisker[data-for=alpha] line")).not.toBeNull();
  });

  test("has both axes and their labels, and a data table of the drawn rows", () => {
    const figure = fundingValuationScatter(companySummary, {sources});
    expect(figure.querySelector(".axis-x .tick")).not.toBeNull();
    expect(figure.querySelector(".axis-y .tick")).not.toBeNull();
    const labels = [...figure.querySelectorAll(".axis-label")].map((t) => t.textContent);
    expect(labels.some((t) => /funding/i.test(t!))).toBe(true);
    expect(labels.some((t) => /valuation/i.test(t!))).toBe(true);
    const rows = [...figure.querySelectorAll(".atlas-data tbody tr")];
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain("70");
  });

  test("tooltips give the totals, the counts and the valuation as reported, and link the sources", () => {
    const figure = fundingValuationScatter(companySummary, {sources});
    const text = tooltipText(figure, figure.querySelector(".mark[data-id=alpha]")!);
    expect(text).toContain("甲 Alpha");
    expect(text).toContain("Disclosed funding: $70m ($60m–$80m), from 2 rounds with an amount; 1 more undisclosed");
    expect(text).toContain("reported as about $1bn");
    expect(figure.querySelector(".atlas-tooltip a")).not.toBeNull();
    const beta = tooltipText(figure, figure.querySelector(".mark[data-id=beta]")!);
    expect(beta).toContain("disclosed later");
    expect(beta).toContain("conflict_key beta-valuation");
  });

  test.each([320, 960])("keeps every mark and label inside the viewBox at width %i", (width) => {
    const figure = fundingValuationScatter(companySummary, {sources, width});
    expect(figure.querySelector("svg")!.getAttribute("viewBox")).toMatch(new RegExp(`^0 0 ${width} `));
    expectInsideViewBox(figure);
  });

  test("renders a hostile company name as text", () => {
    const cos = [company("x", HOSTILE, HOSTILE, {funding_usd_low: 10, funding_usd_mid: 10, funding_usd_high: 10, rounds_counted: 1, valuation_usd_low: 50, valuation_usd_mid: 50, valuation_usd_high: 50})];
    const figure = fundingValuationScatter(cos);
    expectNoInjectedMarkup(figure);
    expect(figure.querySelector(".point-label")!.textContent).toBe(HOSTILE);
    tooltipText(figure, figure.querySelector(".mark")!);
    expectNoInjectedMarkup(figure);
  });

  test("says so when no company has both values", () => {
    const figure = fundingValuationScatter([company("a", "Alpha", "Alpha", {funding_usd_low: 5, funding_usd_mid: 5, funding_usd_high: 5, rounds_counted: 1})]);
    expect(figure.querySelectorAll(".mark")).toHaveLength(0);
    expect(figure.querySelector(".empty")).not.toBeNull();
    expect(figure.querySelector("desc")!.textContent).toContain("no reported valuation: Alpha");
  });
});

describe("fundingValuationScatter in Chinese (lang zh)", () => {
  test("title, description, axes, labels, note and table are Chinese; ticks in 亿/万", () => {
    const figure = fundingValuationScatter(companySummary, {sources, lang: "zh"});
    const {visible, description, headers} = expectChineseChart(figure);
    expectAccessible(figure, "融资额与最新估值");
    expect(description).toContain("共2家公司：甲、Beta。");
    expect(description).toContain("1轮融资未披露金额，不计入总额。");
    expect(figure.querySelector(".chart-note")!.textContent).toBe("未画出（没有报道估值：丙；没有融资记录：丁）。");
    expect([...figure.querySelectorAll(".point-label")].map((t) => t.textContent)).toEqual(["甲", "Beta"]);
    expect([...figure.querySelectorAll(".axis-label")].map((t) => t.textContent)).toEqual(["已披露融资总额（美元，对数刻度）→", "↑ 最新报道估值（美元，对数刻度）"]);
    for (const tick of figure.querySelectorAll(".tick text")) expect(tick.textContent).toMatch(/^[\d.]+(万|亿)?$/);
    expect(visible).toContain("来源：");
    expect(headers[0]).toBe("公司");
    expect(headers).toContain("估值日期");
    expect([...figure.querySelectorAll(".atlas-data td")].map((td) => td.textContent)).toContain("2024年3月");
  });

  test("tooltips in Chinese, with the valuation as reported quoted", () => {
    const figure = fundingValuationScatter(companySummary, {sources, lang: "zh"});
    const alpha = tooltipText(figure, figure.querySelector('.mark[data-id="alpha"]')!);
    expect(alpha).toContain("已披露融资：7000万美元（6000万美元–8000万美元），来自2轮披露金额的融资；另有1轮未披露");
    expect(alpha).toContain("最新估值：10亿美元（9亿美元–11亿美元）（报道原文：about $1bn），2024年3月");
    const beta = tooltipText(figure, figure.querySelector('.mark[data-id="beta"]')!);
    expect(beta).toContain("，事后披露");
    expect(beta).toContain("估值说法不一：见 conflict_key beta-valuation");
    expect(beta).not.toMatch(/Latest valuation|Disclosed funding|disclosed later/);
  });

  test.each([320, 375])("fits width %i in Chinese", (width) => {
    const figure = fundingValuationScatter(companySummary, {sources, width, lang: "zh"});
    expectChineseChart(figure);
    expect(figure.querySelector(".axis-label")!.textContent).toBe("融资额（美元，对数）→");
    expectInsideViewBox(figure);
  });

  test("with nothing to draw it says so in Chinese", () => {
    expect(fundingValuationScatter([], {lang: "zh"}).querySelector(".empty")!.textContent).toBe("没有一家公司同时有披露的融资额和估值。");
  });
});
