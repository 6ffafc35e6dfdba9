// @vitest-environment jsdom
import {beforeAll, describe, expect, test} from "vitest";
import {companyTotals, fundingValuationScatter} from "../../src/components/fundingValuationScatter.js";
import type {CompanyRow, RoundRow} from "../../src/components/fundingData.js";
import type {SourceIndex} from "../../src/components/chart.js";
import {atlasData, company, expectAccessible, expectInsideViewBox, expectNoInjectedMarkup, HOSTILE, markIds, round, tooltipText, utc} from "./chartAssertions.js";

let companies: CompanyRow[];
let rounds: RoundRow[];
let sources: SourceIndex;

beforeAll(async () => {
  ({companies, rounds, sources} = await atlasData());
});

describe("companyTotals(companies, rounds)", () => {
  const cos = [company("a", "Alpha", "甲"), company("b", "Beta", "乙")];

  test("sums low, mid and high over financing rounds only, and counts undisclosed rounds", () => {
    const rows = [
      round({id: "a1", company_id: "a", amount_usd_low: 10, amount_usd_mid: 20, amount_usd_high: 30}),
      round({id: "a2", company_id: "a", amount_usd_low: 100, amount_usd_mid: 100, amount_usd_high: 150}),
      round({id: "a3", company_id: "a"}),
      round({id: "a-ipo", company_id: "a", kind: "ipo", amount_usd_low: 500, amount_usd_mid: 500, amount_usd_high: 500}),
      round({id: "a-total", company_id: "a", kind: "cumulative", amount_usd_low: 999, amount_usd_mid: 999, amount_usd_high: 999})
    ];
    const [a, b] = companyTotals(cos, rows);
    expect(a).toMatchObject({company_id: "a", funding_usd_low: 110, funding_usd_mid: 120, funding_usd_high: 180, rounds_counted: 2, rounds_undisclosed: 1, rounds_superseded: 0});
    expect(b).toMatchObject({company_id: "b", funding_usd_mid: null, rounds_counted: 0, valuation_usd_mid: null, valuation_round_id: null, source_ids: []});
  });

  test("takes the valuation of the most recent row that has one, whatever its kind", () => {
    const rows = [
      round({id: "old", company_id: "a", date: utc(2023), valuation_usd_low: 900, valuation_usd_mid: 1000, valuation_usd_high: 1100, source_ids: ["s-old"]}),
      round({id: "new", company_id: "a", date: utc(2025, 6), kind: "disclosure", valuation_usd_low: 2000, valuation_usd_mid: 2000, valuation_usd_high: 3000, source_ids: ["s-new"]}),
      round({id: "undated", company_id: "a", date: null, valuation_usd_mid: 99999})
    ];
    const [a] = companyTotals(cos, rows);
    expect(a).toMatchObject({valuation_usd_low: 2000, valuation_usd_mid: 2000, valuation_usd_high: 3000, valuation_round_id: "new", valuation_row_kind: "disclosure"});
    expect(a.valuation_date).toEqual(utc(2025, 6));
    // The counted financing rounds' sources (here without amounts), then the valuation row's.
    expect(a.source_ids).toEqual(["s-old", "s1", "s-new"]);
  });

  test("on the same day prefers a closed round to a round in progress", () => {
    const rows = [
      round({id: "z-plan", company_id: "a", kind: "in_progress", date: utc(2024, 7, 25), valuation_usd_mid: 50}),
      round({id: "a-close", company_id: "a", date: utc(2024, 7, 25), valuation_usd_mid: 40})
    ];
    expect(companyTotals(cos, rows)[0].valuation_round_id).toBe("a-close");
  });

  test("counts a round reported twice (same conflict_key) once, preferring a disclosed amount then confidence", () => {
    const rows = [
      round({id: "press", company_id: "a", conflict_key: "k", confidence: "low", amount_usd_low: 270, amount_usd_mid: 300, amount_usd_high: 330}),
      round({id: "filing", company_id: "a", conflict_key: "k", confidence: "medium", amount_usd_low: 390, amount_usd_mid: 390, amount_usd_high: 390}),
      round({id: "year-a", company_id: "a", conflict_key: "y", confidence: "medium"}),
      round({id: "year-b", company_id: "a", conflict_key: "y", confidence: "low", amount_usd_low: 10, amount_usd_mid: 10, amount_usd_high: 15})
    ];
    const [a] = companyTotals(cos, rows);
    expect(a).toMatchObject({funding_usd_low: 400, funding_usd_mid: 400, funding_usd_high: 405, rounds_counted: 2, rounds_undisclosed: 0, rounds_superseded: 2});
  });

  test("on the real data: MiniMax and Baichuan", () => {
    const totals = companyTotals(companies, rounds);
    const minimax = totals.find((t) => t.company_id === "minimax")!;
    // $250M (2023) + $600M (2024) + $390.4M (2025 prospectus; the press version of that round is not added again).
    expect(minimax.funding_usd_mid).toBeCloseTo(1240.4, 6);
    expect(minimax).toMatchObject({rounds_counted: 3, rounds_undisclosed: 2, rounds_superseded: 1, valuation_round_id: "minimax-2026-01-09-ipo"});
    const baichuan = totals.find((t) => t.company_id === "baichuan")!;
    expect(baichuan.valuation_round_id).toBe("baichuan-2024-07-25-series-a");
    expect(totals.map((t) => t.company_id)).toEqual(["zhipu", "baichuan", "moonshot", "minimax", "01ai", "stepfun", "modelbest", "deepseek", "langboat", "skywork"]);
  });
});

describe("fundingValuationScatter(companies, options)", () => {
  function expectedDrawn(): string[] {
    // Independently of the component: a financing round with an amount, and any dated row with a valuation.
    const funded = new Set(rounds.filter((r) => r.kind === "round" && typeof r.amount_usd_mid === "number").map((r) => r.company_id));
    const valued = new Set(rounds.filter((r) => typeof r.valuation_usd_mid === "number" && r.date).map((r) => r.company_id));
    return companies.filter((c) => c.is_primary && funded.has(c.company_id) && valued.has(c.company_id)).map((c) => c.company_id);
  }

  test("draws one mark per company with both values, and names the others in a note and the description", () => {
    const figure = fundingValuationScatter(companies, {rounds, sources});
    const expected = expectedDrawn();
    expect(expected.length).toBeGreaterThan(2);
    expect(markIds(figure).sort()).toEqual([...expected].sort());
    const {description} = expectAccessible(figure, "Funding raised against latest valuation");
    const note = figure.querySelector(".chart-note")!.textContent!;
    expect(note).toContain("no disclosed round amount: 零一万物 01.AI");
    expect(note).toContain("no reported valuation: 阶跃星辰 StepFun, 面壁智能 ModelBest");
    expect(description).toContain("零一万物 01.AI");
    expect(description).toMatch(/financing rounds? with undisclosed amounts/);
    expect(figure.querySelectorAll(".point-label")).toHaveLength(expected.length);
    expect(figure.querySelector(".point-label[data-for=zhipu]")!.textContent).toBe("智谱 Zhipu");
  });

  test("has both axes and their labels, and a data table of the drawn rows", () => {
    const figure = fundingValuationScatter(companies, {rounds, sources});
    expect(figure.querySelector(".axis-x .tick")).not.toBeNull();
    expect(figure.querySelector(".axis-y .tick")).not.toBeNull();
    const labels = [...figure.querySelectorAll(".axis-label")].map((t) => t.textContent);
    expect(labels.some((t) => /funding/i.test(t!))).toBe(true);
    expect(labels.some((t) => /valuation/i.test(t!))).toBe(true);
    expect(figure.querySelectorAll(".atlas-data tbody tr")).toHaveLength(expectedDrawn().length);
  });

  test("tooltips name the company in Chinese and English and link the sources", () => {
    const figure = fundingValuationScatter(companies, {rounds, sources});
    const text = tooltipText(figure, figure.querySelector(".mark[data-id=moonshot]")!);
    expect(text).toContain("月之暗面 Moonshot");
    expect(text).toContain("Disclosed funding");
    expect(text).toContain("Latest valuation");
    expect(figure.querySelector(".atlas-tooltip a")).not.toBeNull();
  });

  test.each([320, 960])("keeps every mark and label inside the viewBox at width %i", (width) => {
    const figure = fundingValuationScatter(companies, {rounds, sources, width});
    expect(figure.querySelector("svg")!.getAttribute("viewBox")).toMatch(new RegExp(`^0 0 ${width} `));
    expectInsideViewBox(figure);
  });

  test("renders a hostile company name as text", () => {
    const cos = [company("x", HOSTILE, HOSTILE)];
    const rows = [round({id: "x1", company_id: "x", amount_usd_low: 10, amount_usd_mid: 10, amount_usd_high: 10, valuation_usd_low: 50, valuation_usd_mid: 50, valuation_usd_high: 50})];
    const figure = fundingValuationScatter(cos, {rounds: rows});
    expectNoInjectedMarkup(figure);
    expect(figure.querySelector(".point-label")!.textContent).toBe(HOSTILE);
    tooltipText(figure, figure.querySelector(".mark")!);
    expectNoInjectedMarkup(figure);
  });

  test("says so when no company has both values", () => {
    const figure = fundingValuationScatter([company("a", "Alpha")], {rounds: [round({id: "a1", company_id: "a", amount_usd_mid: 5, amount_usd_low: 5, amount_usd_high: 5})]});
    expect(figure.querySelectorAll(".mark")).toHaveLength(0);
    expect(figure.querySelector(".empty")).not.toBeNull();
    expect(figure.querySelector("desc")!.textContent).toContain("no reported valuation: Alpha");
  });
});
