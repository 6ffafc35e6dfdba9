// @vitest-environment jsdom
import {describe, expect, test} from "vitest";
import {cumulativeFunding} from "../../src/components/cumulativeFunding.js";
import {company, expectAccessible, expectInsideViewBox, expectNoInjectedMarkup, HOSTILE, markIds, tooltipText} from "./chartAssertions.js";
import {companySummary as companies, fundingSteps as steps, sources} from "./storyFixtures.js";

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
