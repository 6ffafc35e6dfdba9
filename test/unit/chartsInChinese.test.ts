// @vitest-environment jsdom
/**
 * The funding and overview charts drawn from the published tables on a Chinese page, at the widths of a
 * phone and a desktop: no English UI word left, at least 40 % Chinese in the chart text, nothing outside the
 * viewBox. The English side of the same charts is the components' own tests.
 */
import {beforeAll, describe, expect, test} from "vitest";
import {indexSources, type SourceIndex} from "../../src/components/chart.js";
import {courseGrid} from "../../src/components/courseGrid.js";
import {cumulativeFunding} from "../../src/components/cumulativeFunding.js";
import {fundingValuationScatter} from "../../src/components/fundingValuationScatter.js";
import {investorNetwork} from "../../src/components/investorNetwork.js";
import {revenueFunding} from "../../src/components/revenueFunding.js";
import {timelineStrip} from "../../src/components/timelineStrip.js";
import {valuationChart} from "../../src/components/valuationChart.js";
import {expectInsideViewBox} from "./chartAssertions.js";
import {cjkShare, ENGLISH_UI, expectChineseChart} from "./chineseChartText.js";
import type {CompaniesRow, CompanySummaryRow, EventsRow, FinancialsRow, FundingRoundsRow, FundingStepsRow, InvestorLinksRow} from "../../src/components/rows.js";
import {tableRows} from "./tableRows.js";

let t: {
  company_summary: CompanySummaryRow[];
  companies: CompaniesRow[];
  funding_steps: FundingStepsRow[];
  funding_rounds: FundingRoundsRow[];
  investor_links: InvestorLinksRow[];
  financials: FinancialsRow[];
  events: EventsRow[];
};
let sources: SourceIndex;

beforeAll(async () => {
  t = {
    company_summary: await tableRows("company_summary"),
    companies: await tableRows("companies"),
    funding_steps: await tableRows("funding_steps"),
    funding_rounds: await tableRows("funding_rounds"),
    investor_links: await tableRows("investor_links"),
    financials: await tableRows("financials"),
    events: await tableRows("events")
  };
  sources = indexSources(await tableRows("sources"));
});

describe("the funding and overview charts in Chinese, on the published tables", () => {
  const charts: [string, (width: number) => HTMLElement][] = [
    ["cumulativeFunding", (width) => cumulativeFunding(t.funding_steps, {companies: t.company_summary, sources, width, lang: "zh"})],
    ["cumulativeFunding (log)", (width) => cumulativeFunding(t.funding_steps, {companies: t.company_summary, sources, width, scale: "log", lang: "zh"})],
    ["valuationChart", (width) => valuationChart(t.funding_rounds, {companies: t.company_summary, sources, width, lang: "zh"})],
    ["investorNetwork", (width) => investorNetwork(t.investor_links, {companies: t.company_summary, sources, width, lang: "zh"})],
    ["fundingValuationScatter", (width) => fundingValuationScatter(t.company_summary, {sources, width, lang: "zh"})],
    ["revenueFunding", (width) => revenueFunding(t.company_summary, {sources, financials: t.financials, width, lang: "zh"})],
    ["timelineStrip", (width) => timelineStrip(t.company_summary, {rounds: t.funding_rounds, events: t.events, variants: t.companies, sources, width, lang: "zh"})]
  ];
  const generic = () => [...new Set(t.investor_links.filter((r) => r.investor_id === null).map((r) => r.name_as_reported))];

  for (const [name, draw] of charts) {
    test.each([375, 640])(`${name} at %i px`, (width) => {
      const figure = draw(width);
      expectChineseChart(figure, {data: generic()});
      expectInsideViewBox(figure);
    });
  }

  test("the course grid: our words Chinese", () => {
    const grid = courseGrid(t.company_summary, {sources, lang: "zh"});
    const ours = [...grid.querySelectorAll(".atlas-course-company, .atlas-course-name, time")].map((e) => e.textContent).join(" ");
    expect(ours).not.toMatch(ENGLISH_UI);
    expect(cjkShare(ours)).toBeGreaterThanOrEqual(0.6);
    // The events' titles are English data, marked as such.
    for (const span of grid.querySelectorAll(".atlas-course-event span")) if (span.textContent) expect(span.getAttribute("lang")).toBe("en");
  });
});
