// @vitest-environment jsdom
import {describe, expect, test} from "vitest";
import {valuationChart} from "../../src/components/valuationChart.js";
import {company, expectAccessible, expectInsideViewBox, expectNoInjectedMarkup, HOSTILE, markIds, round, tooltipText, utc} from "./chartAssertions.js";
import {companySummary as companies, fundingRounds, sources} from "./storyFixtures.js";

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
