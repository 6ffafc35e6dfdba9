// @vitest-environment jsdom
import {beforeAll, describe, expect, test} from "vitest";
import {timelineStrip} from "../../src/components/timelineStrip.js";
import type {CompanyRow, EventRow, RoundRow} from "../../src/components/fundingData.js";
import type {SourceIndex} from "../../src/components/chart.js";
import {atlasData, company, expectAccessible, expectInsideViewBox, expectNoInjectedMarkup, HOSTILE, markIds, round, tooltipText, utc} from "./chartAssertions.js";

let companies: CompanyRow[];
let rounds: RoundRow[];
let events: EventRow[];
let sources: SourceIndex;

beforeAll(async () => {
  ({companies, rounds, events, sources} = await atlasData());
});

function expectedIds(): string[] {
  const founded = companies.filter((c) => c.is_primary && c.founded).map((c) => `founded-${c.company_id}`);
  const financings = rounds.filter((r) => (r.kind === "round" || r.kind === "ipo") && r.date).map((r) => r.id);
  const listings = events.filter((e) => e.event_type === "ipo_listing" && e.date).map((e) => e.id);
  return [...founded, ...financings, ...listings];
}

describe("timelineStrip(companies, options)", () => {
  test("draws a mark per founding date, financing round, IPO and listing, with its row id", () => {
    const figure = timelineStrip(companies, {rounds, events, sources});
    const expected = expectedIds();
    expect(markIds(figure).sort()).toEqual([...expected].sort());
    expect(figure.querySelectorAll(".mark.ipo")).toHaveLength(rounds.filter((r) => r.kind === "ipo").length);
    expect(figure.querySelectorAll(".mark.listing")).toHaveLength(events.filter((e) => e.event_type === "ipo_listing").length);
    expect(figure.querySelector(".mark.ipo")!.tagName.toLowerCase()).toBe("rect");
    expect(figure.querySelector(".mark.round")!.tagName.toLowerCase()).toBe("circle");
  });

  test("has a lane per primary company, labelled in Chinese and English, in the atlas's order", () => {
    const figure = timelineStrip(companies, {rounds, events, sources});
    const lanes = [...figure.querySelectorAll(".lane")].map((g) => g.getAttribute("data-company"));
    expect(lanes).toEqual(["zhipu", "baichuan", "moonshot", "minimax", "01ai", "stepfun", "modelbest", "deepseek", "langboat", "skywork"]);
    const labels = [...figure.querySelectorAll(".lane-label")].map((t) => t.textContent);
    expect(labels).toContain("智谱 Zhipu");
    expect(labels).toContain("MiniMax");
    // Skywork has no founding date and no rounds: its lane says so, and so does the description.
    expect(figure.querySelector(".lane[data-company=skywork] .lane-empty")).not.toBeNull();
    const {description} = expectAccessible(figure, "From founding to listing");
    expect(description).toContain("No founding date: 天工 Skywork");
  });

  test("has a time axis with ticks and a legend of the mark kinds", () => {
    const figure = timelineStrip(companies, {rounds, events, sources});
    expect(figure.querySelectorAll(".axis-x .tick").length).toBeGreaterThan(2);
    const legend = [...figure.querySelectorAll(".legend-item")].map((g) => g.getAttribute("data-key"));
    expect(legend).toEqual(["founding", "round", "ipo", "listing", "disputed"]);
  });

  test("tooltips name the company and mention disputed founding dates", () => {
    const figure = timelineStrip(companies, {rounds, events, sources});
    const text = tooltipText(figure, figure.querySelector('.mark[data-id="founded-minimax"]')!);
    expect(text).toContain("MiniMax");
    expect(text).toContain("Other reports");
    expect(text).toContain("minimax-founding");
    expect(figure.querySelector('.mark[data-id="founded-minimax"]')!.classList.contains("disputed")).toBe(true);
    const ipo = tooltipText(figure, figure.querySelector('.mark[data-id="zhipu-2026-01-08-ipo"]')!);
    expect(ipo).toContain("智谱 Zhipu");
    expect(ipo).toContain("~HK$43亿");
  });

  test.each([320, 960])("keeps every mark and label inside the viewBox at width %i", (width) => {
    const figure = timelineStrip(companies, {rounds, events, sources, width});
    expect(figure.querySelector("svg")!.getAttribute("width")).toBe(String(width));
    expectInsideViewBox(figure);
    expect(figure.querySelectorAll(".mark")).toHaveLength(expectedIds().length);
  });

  test("skips undated rows and says how many", () => {
    const figure = timelineStrip([company("a", "Alpha", "甲", {founded: utc(2020, 5)})], {
      rounds: [round({id: "a1", company_id: "a", date: utc(2021)}), round({id: "a2", company_id: "a", date: null}), round({id: "a3", company_id: "a", kind: "cumulative"})],
      events: [{id: "e1", company_id: "a", date: utc(2022), event_type: "ipo_listing", title: "Lists"}, {id: "e2", company_id: "a", date: utc(2022), event_type: "product", title: "x"}]
    });
    expect(markIds(figure).sort()).toEqual(["a1", "e1", "founded-a"]);
    expect(figure.querySelector("desc")!.textContent).toContain("1 row without a date not drawn");
  });

  test("renders a hostile company name and event title as text", () => {
    const figure = timelineStrip([company("x", HOSTILE, HOSTILE, {founded: utc(2020)})], {
      rounds: [round({id: "x1", company_id: "x", round: HOSTILE, amount_reported: HOSTILE})],
      events: [{id: "e1", company_id: "x", date: utc(2022), event_type: "ipo_listing", title: HOSTILE}]
    });
    expectNoInjectedMarkup(figure);
    expect(figure.querySelector(".lane-label")!.textContent).toContain("<img");
    expect(tooltipText(figure, figure.querySelector('.mark[data-id="e1"]')!)).toContain(HOSTILE);
    tooltipText(figure, figure.querySelector('.mark[data-id="x1"]')!);
    expectNoInjectedMarkup(figure);
  });
});
