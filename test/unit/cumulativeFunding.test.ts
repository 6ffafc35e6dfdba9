// @vitest-environment jsdom
import {beforeAll, describe, expect, test} from "vitest";
import {cumulativeFunding, cumulativeSeries} from "../../src/components/cumulativeFunding.js";
import type {CompanyRow, RoundRow} from "../../src/components/fundingData.js";
import type {SourceIndex} from "../../src/components/chart.js";
import {atlasData, company, expectAccessible, expectInsideViewBox, expectNoInjectedMarkup, HOSTILE, markIds, round, tooltipText, utc} from "./chartAssertions.js";

let companies: CompanyRow[];
let rounds: RoundRow[];
let sources: SourceIndex;

beforeAll(async () => {
  ({companies, rounds, sources} = await atlasData());
});

// The two disputed financing rows the data holds: MiniMax's 2025 round as the press reported it (the
// prospectus row is kept), and Zhipu's Series A dated 2021 without an amount (the 2020 row with one is kept).
const SUPERSEDED = ["minimax-2025-07-reported-round", "zhipu-2021-series-a"];

function expectedRows(ids?: string[]): RoundRow[] {
  return rounds.filter((r) => r.kind === "round" && r.date && !SUPERSEDED.includes(r.id) && (!ids || ids.includes(r.company_id)));
}

describe("cumulativeSeries(rounds)", () => {
  test("runs totals of low, mid and high in date order; undisclosed rounds add nothing", () => {
    const rows = [
      round({id: "b", company_id: "a", date: utc(2024, 3), amount_usd_low: 100, amount_usd_mid: 316, amount_usd_high: 1000}),
      round({id: "a", company_id: "a", date: utc(2023, 1), amount_usd_low: 50, amount_usd_mid: 50, amount_usd_high: 50}),
      round({id: "c", company_id: "a", date: utc(2024, 6), amount_reported: "undisclosed"}),
      round({id: "d", company_id: "a", date: utc(2025, 1), amount_usd_low: 10, amount_usd_mid: 12, amount_usd_high: 15}),
      round({id: "ipo", company_id: "a", kind: "ipo", date: utc(2025, 6), amount_usd_low: 900, amount_usd_mid: 900, amount_usd_high: 900}),
      round({id: "undated", company_id: "a", date: null, amount_usd_low: 1, amount_usd_mid: 1, amount_usd_high: 1})
    ];
    const [series] = cumulativeSeries(rows);
    expect(series.company_id).toBe("a");
    expect(series.points.map((p) => [p.id, p.disclosed, p.cum_usd_low, p.cum_usd_mid, p.cum_usd_high])).toEqual([
      ["a", true, 50, 50, 50],
      ["b", true, 150, 366, 1050],
      ["c", false, 150, 366, 1050],
      ["d", true, 160, 378, 1065]
    ]);
    expect(series.points[2].amount_usd_mid).toBeNull();
    expect(series.undated.map((r) => r.id)).toEqual(["undated"]);
  });

  test("counts a round reported twice once and keeps companies in the atlas's order", () => {
    const rows = [
      round({id: "m-press", company_id: "minimax", conflict_key: "k", confidence: "low", amount_usd_low: 300, amount_usd_mid: 300, amount_usd_high: 300}),
      round({id: "m-filing", company_id: "minimax", conflict_key: "k", confidence: "medium", amount_usd_low: 390, amount_usd_mid: 390, amount_usd_high: 390}),
      round({id: "z1", company_id: "zhipu", amount_usd_low: 5, amount_usd_mid: 5, amount_usd_high: 5})
    ];
    const series = cumulativeSeries(rows);
    expect(series.map((s) => s.company_id)).toEqual(["zhipu", "minimax"]);
    expect(series[1].points.map((p) => p.id)).toEqual(["m-filing"]);
    expect(series[1].points[0].cum_usd_mid).toBe(390);
    expect(series[1].superseded.map((r) => r.id)).toEqual(["m-press"]);
  });

  test("on the real data, MiniMax ends at $1,240.4m (250 + 600 + 390.4)", () => {
    const minimax = cumulativeSeries(rounds).find((s) => s.company_id === "minimax")!;
    expect(minimax.points.at(-1)!.cum_usd_mid).toBeCloseTo(1240.4, 6);
    expect(minimax.superseded.map((r) => r.id)).toEqual(["minimax-2025-07-reported-round"]);
  });
});

describe("cumulativeFunding(rounds, options)", () => {
  test("draws one mark per counted financing round; undisclosed ones hollow", () => {
    const figure = cumulativeFunding(rounds, {companies, sources});
    const expected = expectedRows();
    expect(markIds(figure).sort()).toEqual(expected.map((r) => r.id).sort());
    const undisclosed = expected.filter((r) => r.amount_usd_mid === null).map((r) => r.id);
    expect([...figure.querySelectorAll(".mark.undisclosed")].map((m) => m.getAttribute("data-id")).sort()).toEqual(undisclosed.sort());
    expect(figure.querySelector(".mark.undisclosed")!.getAttribute("fill")).toBe("none");
    const {description} = expectAccessible(figure, "Cumulative disclosed funding");
    expect(description).toContain(`${undisclosed.length} rounds with undisclosed amounts are shown as hollow markers`);
    expect(description).toContain("minimax-2025-07-reported-round");
  });

  test("draws a line and a band per company, a legend with company labels and both axes", () => {
    const figure = cumulativeFunding(rounds, {companies, sources});
    const companiesDrawn = new Set(expectedRows().map((r) => r.company_id));
    expect(figure.querySelectorAll(".company-series")).toHaveLength(companiesDrawn.size);
    expect(figure.querySelector(".company-series[data-company=zhipu] .band")!.getAttribute("d")).toMatch(/^M/);
    const legend = [...figure.querySelectorAll(".legend-item text")].map((t) => t.textContent);
    expect(legend).toContain("智谱 Zhipu");
    expect(legend).toContain("amount undisclosed");
    expect(figure.querySelectorAll(".axis-x .tick").length).toBeGreaterThan(1);
    expect(figure.querySelectorAll(".axis-y .tick").length).toBeGreaterThan(1);
    expect(figure.querySelector(".axis-label")!.textContent).toMatch(/Cumulative disclosed funding/);
  });

  test("companyIds restricts the companies drawn", () => {
    const ids = ["moonshot", "stepfun"];
    const figure = cumulativeFunding(rounds, {companies, sources, companyIds: ids});
    expect(markIds(figure).sort()).toEqual(expectedRows(ids).map((r) => r.id).sort());
    expect([...figure.querySelectorAll(".company-series")].map((g) => g.getAttribute("data-company"))).toEqual(["moonshot", "stepfun"]);
    const empty = cumulativeFunding(rounds, {companies, sources, companyIds: []});
    expect(empty.querySelectorAll(".mark")).toHaveLength(0);
    expect(empty.querySelector(".empty")).not.toBeNull();
  });

  test("a log scale labels the axis as such and keeps every mark", () => {
    const figure = cumulativeFunding(rounds, {companies, sources, scale: "log"});
    expect(figure.querySelector(".axis-label")!.textContent).toContain("log scale");
    expect(figure.querySelectorAll(".mark")).toHaveLength(expectedRows().length);
    expectInsideViewBox(figure);
  });

  test("tooltips give the round, its amount and the running total", () => {
    const figure = cumulativeFunding(rounds, {companies, sources});
    const text = tooltipText(figure, figure.querySelector('.mark[data-id="moonshot-2024-02-series-b"]')!);
    expect(text).toContain("月之暗面 Moonshot");
    expect(text).toContain("> $1bn");
    expect(text).toContain("Raised so far");
    const hollow = tooltipText(figure, figure.querySelector('.mark[data-id="moonshot-2023-07-pre-a"]')!);
    expect(hollow).toContain("undisclosed");
  });

  test.each([320, 960])("keeps every mark and label inside the viewBox at width %i", (width) => {
    const figure = cumulativeFunding(rounds, {companies, sources, width});
    expectInsideViewBox(figure);
  });

  test("renders a hostile company name and round label as text", () => {
    const figure = cumulativeFunding([round({id: "x1", company_id: "x", round: HOSTILE, amount_usd_low: 1, amount_usd_mid: 1, amount_usd_high: 2})], {companies: [company("x", HOSTILE, HOSTILE)]});
    expectNoInjectedMarkup(figure);
    expect(figure.querySelector(".legend-item text")!.textContent).toContain("<img");
    expect(tooltipText(figure, figure.querySelector(".mark")!)).toContain(HOSTILE);
    expectNoInjectedMarkup(figure);
  });
});
