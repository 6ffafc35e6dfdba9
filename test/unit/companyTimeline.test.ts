// @vitest-environment jsdom
import {beforeAll, describe, expect, test} from "vitest";
import {indexSources, type SourceRef} from "../../src/components/chart.js";
import {companyTimeline, type CompanyTimelineOptions} from "../../src/components/companyTimeline.js";
import type {CompanySummaryRow} from "../../src/components/rows.js";
import {accessibleName, markPositions, viewBox} from "./markGeometry.js";
import {tableRows} from "./tableRows.js";
import {expectChinese} from "./zhChartText.js";

let options: (id: string) => CompanyTimelineOptions;

beforeAll(async () => {
  const summary = await tableRows<CompanySummaryRow>("company_summary");
  const rounds = await tableRows<{company_id: string}>("funding_rounds");
  const models = await tableRows<{company_id: string}>("models");
  const events = await tableRows<{company_id: string}>("events");
  const sources = indexSources(await tableRows<SourceRef>("sources"));
  options = (id) => {
    const mine = <R extends {company_id: string}>(rows: R[]) => rows.filter((r) => r.company_id === id) as never;
    return {company: summary.find((c) => c.company_id === id)!, rounds: mine(rounds), models: mine(models), events: mine(events), sources};
  };
});

const tooltip = (figure: HTMLElement, selector: string) => {
  figure.querySelector(selector)!.dispatchEvent(new MouseEvent("click", {bubbles: true}));
  return figure.querySelector(".atlas-tooltip")!.textContent!;
};

describe("companyTimeline(options)", () => {
  test("draws funding, models and events on one axis, in English by default", () => {
    const figure = companyTimeline(options("zhipu"));
    const [title, desc] = accessibleName(figure);
    expect(title).toBe("智谱 Zhipu: rounds, models and events");
    expect(desc).toMatch(/^\d+ dated rows on one time axis: \d+ funding rows, \d+ model releases and \d+ events, from founding in 2019/);
    expect([...figure.querySelectorAll(".lanes text")].map((t) => t.textContent)).toEqual(["Funding", "Models", "Events"]);
    expect(figure.querySelectorAll(".mark.lane-funding").length).toBeGreaterThan(0);
    expect(tooltip(figure, ".mark.lane-events")).toContain("Type: ");
  });
});

describe("companyTimeline in Chinese", () => {
  const ENGLISH = ["rounds", "models", "events", "Funding", "Models", "Events", "founded", "Reported", "Amount not reported", "point estimate", "Kind", "parameters", "Size not disclosed", "Deployment", "Type", "Lane", "Date", "What", "dated rows", "time axis"];

  test("speaks Chinese: title by the Chinese short name, lanes, founding mark, ticks, description and table", () => {
    const figure = companyTimeline({...options("zhipu"), lang: "zh"});
    const [title, desc] = accessibleName(figure);
    expect(title).toBe("智谱：融资、模型与事件");
    expect(desc).toMatch(/^同一条时间轴上的\d+条有日期的记录：\d+条融资记录、\d+次模型发布和\d+起事件，起点为2019年\d+月成立。$/);
    expect([...figure.querySelectorAll(".lanes text")].map((t) => t.textContent)).toEqual(["融资", "模型", "事件"]);
    for (const tick of figure.querySelectorAll(".axis-x .tick text")) expect(tick.textContent).toMatch(/^(\d{4}年|\d{1,2}月)$/);
    // Lane keys (class names) stay as they are; the table names the lanes and writes dates in Chinese.
    expect(figure.querySelectorAll(".mark.lane-models").length).toBeGreaterThan(0);
    const first = [...figure.querySelectorAll("details.atlas-data tbody tr")][0].children;
    expect(first[0].textContent).toBe("融资");
    expect(first[1].textContent).toMatch(/^\d{4}年\d+月\d+日$/);
    const share = expectChinese(figure, {english: ENGLISH, contains: ["成立", "类别", "日期", "内容"]});
    expect(share).toBeGreaterThan(0.4);
  });

  test("its tooltips are Chinese around the data's own round names, amounts and titles", () => {
    const figure = companyTimeline({...options("zhipu"), lang: "zh"});
    const funding = tooltip(figure, ".mark.lane-funding");
    expect(funding).toMatch(/（(约)?\d{4}年/);
    expect(funding).toMatch(/披露金额：|未披露金额/);
    expect(funding).toMatch(/类型：(融资轮次|进行中|累计汇总|披露信息|上市)/);
    const model = tooltip(figure, ".mark.lane-models");
    expect(model).toMatch(/参数量[\d.]+B|规模未披露/);
    expect(model).toMatch(/部署：(云端|端侧)/);
    expect(tooltip(figure, ".mark.lane-events")).toMatch(/类型：(产品|其他|上市申请|上市|融资|战略调整|人事变动|转型|放弃预训练|芯片合作|车企合作|其他合作|法律纠纷|监管)/);
    const amounts = [...figure.querySelectorAll(".mark.lane-funding")].map((m) => tooltip(figure, `.mark[data-id="${m.getAttribute("data-id")}"]`)).join("\n");
    expect(amounts).toMatch(/约[\d.]+(亿|万)美元（点估计）/);
    expect(amounts).not.toMatch(/Reported|point estimate|Kind/);
  });

  test("fits 375 px", () => {
    const figure = companyTimeline({...options("modelbest"), width: 375, lang: "zh"});
    const [w, h] = viewBox(figure);
    expect(w).toBe(375);
    for (const p of markPositions(figure)) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(w);
      expect(p.y).toBeLessThanOrEqual(h);
    }
  });

  test("a row with no date as written is said to be undated, in either language, rather than stopping the chart", () => {
    for (const lang of ["en", "zh"] as const) {
      const base = options("zhipu");
      const models = (base.models as unknown as Record<string, unknown>[]).map((m, i) => (i === 0 ? {...m, release_date_raw: null} : m));
      const figure = companyTimeline({...base, models: models as never, lang});
      expect(figure.querySelectorAll(".mark.lane-models").length).toBe(models.length);
    }
  });
});
