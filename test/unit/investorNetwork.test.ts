// @vitest-environment jsdom
import {describe, expect, test} from "vitest";
import {investorNetwork, type LinkRow} from "../../src/components/investorNetwork.js";
import {company, expectAccessible, expectInsideViewBox, expectNoInjectedMarkup, HOSTILE, markIds, tooltipText} from "./chartAssertions.js";
import {companySummary as companies, investorLinks as links, sources} from "./storyFixtures.js";
import {expectChineseChart} from "./chineseChartText.js";

// Folding aliases and spotting generic mentions are the build's (investor_links, from
// data/investor_aliases.csv); the chart groups the rows by investor_id and lays them out.
describe("investorNetwork(links, options)", () => {
  test("draws one link per investor-company pair of a round, IPO or disclosure, with its id", () => {
    const figure = investorNetwork(links, {companies, sources});
    expect(markIds(figure).sort()).toEqual(["alibaba→alpha", "alibaba→beta", "tencent→alpha", "tencent→gamma", "zeta→gamma"]);
    // Ghost Capital is named only in a reported total; "other investors" names nobody.
    expect(figure.querySelector('[data-investor="Ghost Capital"]')).toBeNull();
    const {description} = expectAccessible(figure, "Who backed whom");
    expect(description).toContain("1 generic mention (other investors) names no investor");
  });

  test("puts investors backing several companies first and highlights them", () => {
    const figure = investorNetwork(links, {companies, sources});
    const order = [...figure.querySelectorAll(".investor")].map((g) => g.getAttribute("data-investor"));
    // Alibaba (2 companies, 3 rows) before Tencent (2 companies, 2 rows), then the single backer.
    expect(order).toEqual(["Alibaba", "Tencent", "Zeta Fund"]);
    expect([...figure.querySelectorAll(".investor.shared")].map((g) => g.getAttribute("data-investor"))).toEqual(["Alibaba", "Tencent"]);
    expect(figure.querySelectorAll("path.mark.shared")).toHaveLength(4);
    expect(figure.querySelector('.investor.shared[data-investor="Alibaba"] .count')!.textContent).toBe("×2");
  });

  test("places companies in display order and colours links by company", () => {
    const figure = investorNetwork(links, {companies: [...companies].reverse(), sources});
    expect([...figure.querySelectorAll(".company")].map((g) => g.getAttribute("data-company"))).toEqual(["alpha", "beta", "gamma"]);
    expect(figure.querySelector('.mark[data-id="zeta→gamma"]')!.getAttribute("stroke")).toBe("#59a14f");
  });

  test("caps the investors at maxInvestors and says how many were left out", () => {
    const figure = investorNetwork(links, {companies, sources, maxInvestors: 2});
    expect(figure.querySelectorAll(".investor")).toHaveLength(2);
    expect(figure.querySelectorAll(".mark")).toHaveLength(4);
    expect(figure.querySelector(".chart-note")!.textContent).toContain("1 more investor");
  });

  test("minCompanies keeps only investors who backed that many companies", () => {
    const figure = investorNetwork(links, {companies, sources, minCompanies: 2});
    expect(figure.querySelectorAll(".investor")).toHaveLength(2);
    expect(figure.querySelectorAll(".mark")).toHaveLength(4);
  });

  test("labels both columns; tooltips name the company, the rounds and the names as reported", () => {
    const figure = investorNetwork(links, {companies, sources, width: 800});
    expect([...figure.querySelectorAll(".column-head")].map((t) => t.textContent)).toEqual(["Investor", "Company"]);
    expect([...figure.querySelectorAll(".company text")].map((t) => t.textContent)).toContain("甲 Alpha");
    const text = tooltipText(figure, figure.querySelector('.mark[data-id="alibaba→alpha"]')!);
    expect(text).toContain("Alibaba → 甲 Alpha");
    expect(text).toContain("Named as: Alibaba Cloud");
    expect(text).toContain("(lead)");
  });

  test.each([320, 960])("keeps every link and label inside the viewBox at width %i", (width) => {
    expectInsideViewBox(investorNetwork(links, {companies, sources, width}));
  });

  test("renders a hostile investor name as text", () => {
    const row: LinkRow = {...links[0], investor_id: "x-inv", investor: HOSTILE, name_as_reported: HOSTILE, company_id: "x"};
    const figure = investorNetwork([row], {companies: [company("x", HOSTILE, HOSTILE)]});
    expectNoInjectedMarkup(figure);
    expect(markIds(figure)).toEqual(["x-inv→x"]);
    expect(figure.querySelector(".investor text")!.textContent).toContain("<img");
    tooltipText(figure, figure.querySelector(".mark")!);
    expectNoInjectedMarkup(figure);
  });
});

describe("investorNetwork in Chinese (lang zh)", () => {
  const zh = {companies, sources, lang: "zh" as const};

  test("investors go by investor_zh where the data has it, companies by their Chinese short names", () => {
    const figure = investorNetwork(links, zh);
    const {visible, description, headers} = expectChineseChart(figure, {data: ["other investors"]});
    expectAccessible(figure, "谁投了谁");
    const names = [...figure.querySelectorAll(".investor > text:not(.count)")].map((t) => t.textContent);
    // Tencent's Chinese name is on one of its rows only: it names the investor on every link.
    expect(names).toEqual(["Alibaba", "腾讯", "Zeta Fund"]);
    expect(figure.querySelector('[data-investor="Tencent"]')).not.toBeNull();
    expect([...figure.querySelectorAll(".company text")].map((t) => t.textContent)).toEqual(["甲", "Beta", "丙"]);
    expect(visible).toContain("投资方");
    expect(description).toContain("3家投资方与3家公司之间共5条连线");
    expect(description).toContain("Alibaba（2家）、腾讯（2家）");
    expect(description).toContain("1处笼统提及（other investors）没有指明投资方，未画出。");
    expect(headers).toEqual(["投资方", "公司", "轮次记录", "来源中的名称", "领投"]);
    expect([...figure.querySelectorAll(".atlas-data td")].map((td) => td.textContent)).toContain("是");
  });

  test("tooltips in Chinese: the rounds with Chinese dates, lead and the names in the sources", () => {
    const figure = investorNetwork(links, zh);
    const link = tooltipText(figure, figure.querySelector('.mark[data-id="tencent→gamma"]')!);
    expect(link).toContain("腾讯 → 丙");
    expect(link).toContain("Seed，2024年1月");
    expect(link).toContain("来源中的名称：Tencent");
    const lead = tooltipText(figure, figure.querySelector('.mark[data-id="alibaba→alpha"]')!);
    expect(lead).toContain("（领投）");
    const investor = tooltipText(figure, figure.querySelector('.investor[data-investor="Tencent"]')!);
    expect(investor).toContain("投资了2家公司：甲、丙");
    expect(investor).not.toMatch(/Backed|lead|Named as/);
  });

  test("notes of investors left out are Chinese and fit the width", () => {
    const figure = investorNetwork(links, {...zh, maxInvestors: 2, width: 320});
    const {visible} = expectChineseChart(figure, {data: ["other investors"]});
    expect(visible).toContain("另有1家投资方未列出（各只投资了一家公司）。");
    expectInsideViewBox(figure);
    const min = investorNetwork(links, {...zh, minCompanies: 2});
    expect(min.querySelector(".chart-note")!.textContent).toContain("1家投资方所投公司少于2家，未列入。");
    expect(investorNetwork([], zh).querySelector(".empty")!.textContent).toBe("这些记录中没有具名的投资方。");
  });
});
