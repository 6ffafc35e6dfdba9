// @vitest-environment jsdom
import {beforeAll, describe, expect, test} from "vitest";
import {indexSources, type SourceRef} from "../../src/components/chart.js";
import {EVENT_TYPE_COLORS, EVENT_TYPE_LABELS, eventSwimlanes, type CompanyRow, type EventRow} from "../../src/components/eventSwimlanes.js";
import {accessibleName, markPositions, viewBox} from "./markGeometry.js";
import {tableRows} from "./tableRows.js";
import {companySummary, events as fixtureEvents} from "./storyFixtures.js";


let events: EventRow[];
let companies: CompanyRow[];
let sources: ReturnType<typeof indexSources>;

beforeAll(async () => {
  events = await tableRows<EventRow>("events");
  companies = await tableRows<CompanyRow>("companies");
  sources = indexSources(await tableRows<SourceRef>("sources"));
});

const EVIL = "<img src=x onerror=alert(1)>";

function event(id: string, company_id: string, date: string, extra: Partial<EventRow> = {}): EventRow {
  return {id, company_id, date: new Date(`${date}T00:00:00Z`), date_approx: false, date_raw: date, event_type: "product", title: id, source_ids: ["s1"], ...extra};
}

describe("eventSwimlanes(events, options)", () => {
  const dated = () => events.filter((e) => e.date !== null).length;
  test("draws one mark per dated event, with its id, on the real events table", () => {
    const figure = eventSwimlanes(events, {companies, sources});
    const expected = events.filter((e) => e.date !== null).map((e) => e.id).sort();
    const ids = [...figure.querySelectorAll(".mark")].map((m) => m.getAttribute("data-id")!).sort();
    expect(ids).toEqual(expected);
    // The real table, not an empty one: the atlas has dozens of dated events.
    expect(expected.length).toBeGreaterThan(40);
  });

  test("has a lane for the whole field and for each company with events, named in Chinese and English", () => {
    const figure = eventSwimlanes(events, {companies, sources, width: 800});
    const lanes = [...figure.querySelectorAll(".lane")].map((l) => l.getAttribute("data-lane"));
    const withEvents = new Set(events.map((e) => e.company_id));
    expect(new Set(lanes)).toEqual(withEvents);
    expect(lanes[0]).toBe("industry");
    const labels = [...figure.querySelectorAll(".lane-label")].map((l) => l.textContent);
    expect(labels).toContain("智谱 Zhipu");
    expect(labels).toContain("MiniMax");
    expect(labels).toContain("面壁智能 ModelBest");
  });

  test("colours each mark by its event type from the exported palette, and every type has a label", () => {
    const figure = eventSwimlanes(events, {companies, sources});
    for (const mark of figure.querySelectorAll(".mark")) {
      expect(mark.getAttribute("fill")).toBe(EVENT_TYPE_COLORS[mark.getAttribute("data-type")!]);
    }
    expect(Object.keys(EVENT_TYPE_LABELS).sort()).toEqual(Object.keys(EVENT_TYPE_COLORS).sort());
    const legend = [...figure.querySelectorAll(".legend-item")].map((i) => i.getAttribute("data-key"));
    const present = new Set(events.map((e) => e.event_type));
    expect(legend.filter((k) => k !== "approx").sort()).toEqual([...present].sort());
    expect(legend).toContain("approx");
  });

  test("draws approximate dates hollow and exact dates filled", () => {
    const figure = eventSwimlanes(events, {companies, sources});
    const approx = new Set(events.filter((e) => e.date_approx).map((e) => e.id));
    expect(approx.size).toBeGreaterThan(0);
    for (const mark of figure.querySelectorAll(".mark")) {
      const hollow = mark.getAttribute("fill-opacity") === "0";
      expect(hollow).toBe(approx.has(mark.getAttribute("data-id")!));
    }
  });

  test("filters by company and type; lanes stay when a type filter empties them", () => {
    const figure = eventSwimlanes(events, {companies, sources, companyIds: ["stepfun", "modelbest"], types: ["partnership_chip"]});
    const expected = events.filter((e) => ["stepfun", "modelbest"].includes(e.company_id) && e.event_type === "partnership_chip");
    expect(figure.querySelectorAll(".mark")).toHaveLength(expected.length);
    expect([...figure.querySelectorAll(".lane")].map((l) => l.getAttribute("data-lane"))).toEqual(["stepfun", "modelbest"]);
    expect([...figure.querySelectorAll(".legend-item")].map((i) => i.getAttribute("data-key"))).toEqual(["partnership_chip"]);
  });

  test("says why a chosen lane is empty", () => {
    const figure = eventSwimlanes(events, {companies, sources, companyIds: ["langboat", "zhipu", "industry"], types: ["ipo_listing"]});
    const empty = (id: string) => figure.querySelector(`.lane[data-lane="${id}"] .lane-empty`)?.textContent;
    expect(empty("langboat")).toBe("no events in the data");
    expect(empty("industry")).toBe("no events of the chosen types");
    expect(empty("zhipu")).toBeUndefined();
    expect(figure.querySelectorAll(".mark")).toHaveLength(1);
  });

  test("stacks same-day events in a lane instead of drawing them on top of each other", () => {
    const figure = eventSwimlanes(events, {companies, sources, companyIds: ["stepfun"]});
    const positions = markPositions(figure).map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`);
    expect(new Set(positions).size).toBe(positions.length);
  });

  test("has an accessible name, a description that counts the events, and axis labels", () => {
    const figure = eventSwimlanes(events, {companies, sources});
    const svg = figure.querySelector("svg")!;
    expect(svg.getAttribute("role")).toBe("img");
    const [title, desc] = accessibleName(figure);
    expect(title).toBe("Strategic events by company");
    expect(desc).toContain(`${dated()} strategic events`);
    expect(figure.querySelector(".axis-x")).not.toBeNull();
    expect([...figure.querySelectorAll(".axis-label")].map((a) => a.textContent)).toContain("Date");
    expect(figure.querySelector("figcaption")!.textContent).toMatch(/^Sources: /);
    expect(figure.querySelectorAll("details.atlas-data tbody tr")).toHaveLength(dated());
  });

  test.each([320, 640, 960])("keeps every mark and lane label inside the viewBox at width %i", (width) => {
    const figure = eventSwimlanes(events, {companies, sources, width});
    const [w, h] = viewBox(figure);
    expect(w).toBe(width);
    const positions = markPositions(figure);
    expect(positions).toHaveLength(dated());
    for (const p of positions) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(width);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(h);
    }
  });

  test("uses short English lane labels and fewer ticks at 320 px", () => {
    const narrow = eventSwimlanes(events, {companies, sources, width: 320});
    const wide = eventSwimlanes(events, {companies, sources, width: 960});
    expect([...narrow.querySelectorAll(".lane-label")].map((l) => l.textContent)).toContain("Zhipu");
    expect(narrow.querySelectorAll(".axis-x .tick").length).toBeLessThan(wide.querySelectorAll(".axis-x .tick").length);
    // The legend wraps onto more rows when narrow.
    const rows = (f: HTMLElement) => new Set([...f.querySelectorAll(".legend-item")].map((i) => i.getAttribute("transform")!.split(",")[1])).size;
    expect(rows(narrow)).toBeGreaterThan(rows(wide));
  });

  test("renders hostile titles, partners and company names as text", () => {
    const figure = eventSwimlanes(
      [event("e1", "evil", "2024-01-01", {title: EVIL, partners: [EVIL], notes: EVIL}), event("e2", "zhipu", "2024-02-01", {event_type: EVIL})],
      {companies: [...companies, {company_id: "evil", short_en: EVIL, short_zh: EVIL}], sources: indexSources([{source_id: "s1", publisher: EVIL, title: EVIL, url: null}])}
    );
    const mark = figure.querySelector('.mark[data-id="e1"]')!;
    mark.dispatchEvent(new MouseEvent("click", {bubbles: true}));
    expect(figure.querySelector(".atlas-tooltip")!.textContent).toContain(EVIL);
    expect(figure.querySelector("img")).toBeNull();
    expect(figure.textContent).toContain(EVIL);
    // An unknown type falls back to the "other" colour.
    expect(figure.querySelector('.mark[data-id="e2"]')!.getAttribute("fill")).toBe(EVENT_TYPE_COLORS.other);
  });

  test("skips undated events and says how many", () => {
    const figure = eventSwimlanes([event("a", "zhipu", "2024-01-01"), {...event("b", "zhipu", "2024-01-01"), date: null}], {companies, sources});
    expect(figure.querySelectorAll(".mark")).toHaveLength(1);
    expect(accessibleName(figure)[1]).toContain("1 event without a date is not drawn");
  });

  test("copes with no events at all", () => {
    const figure = eventSwimlanes([], {companies, sources, companyIds: ["zhipu"]});
    expect(figure.querySelectorAll(".mark")).toHaveLength(0);
    expect(accessibleName(figure)[1]).toContain("No events");
  });

  test("by default lanes are the whole field, then companies with events in display order, coloured by company", () => {
    const figure = eventSwimlanes(fixtureEvents, {companies: [...companySummary].reverse(), sources: new Map()});
    expect([...figure.querySelectorAll(".lane")].map((l) => l.getAttribute("data-lane"))).toEqual(["industry", "alpha", "beta", "gamma", "delta"]);
    expect(figure.querySelector('.lane[data-lane="gamma"] .lane-swatch')!.getAttribute("fill")).toBe("#59a14f");
  });
});
