// @vitest-environment jsdom
import {beforeAll, describe, expect, test} from "vitest";
import {indexSources, type SourceRef} from "../../src/components/chart.js";
import {EVENT_TYPE_COLORS, EVENT_TYPE_LABELS, EVENT_TYPE_LABELS_ZH, eventSwimlanes, eventTypeLabel, type CompanyRow, type EventRow} from "../../src/components/eventSwimlanes.js";
import {expectInsideViewBox} from "./chartAssertions.js";
import {expectChinese} from "./zhChartText.js";
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

describe("eventSwimlanes in Chinese", () => {
  // The chart's English words; on a Chinese page none may be left (titles and notes are data, marked or not shown).
  const ENGLISH = ["Strategic events", "Whole field", "Industry", "approximate", "Date", "Type", "Company", "Event", "Partner", "Partners", "Confidence", "Sets the course", "no events", "Funding", "Pivot", "Listing", "IPO", "Product", "Strategy", "Talent", "Legal", "Regulatory", "partnership", "Pre-training"];

  test("names every event type in Chinese, the data's included", () => {
    expect(Object.keys(EVENT_TYPE_LABELS_ZH).sort()).toEqual(Object.keys(EVENT_TYPE_COLORS).sort());
    for (const type of new Set(events.map((e) => e.event_type))) expect(eventTypeLabel(type, "zh")).toMatch(/\p{Script=Han}/u);
    expect(eventTypeLabel("funding", "zh")).toBe("融资");
    expect(eventTypeLabel("ipo_process", "zh")).toBe("上市申请");
    expect(eventTypeLabel("ipo_listing", "zh")).toBe("上市");
    expect(eventTypeLabel("pivot", "zh")).toBe("转型");
    expect(eventTypeLabel("funding")).toBe("Funding");
  });

  test("speaks Chinese: title, lanes by Chinese short name, legend, Chinese year ticks, description, table and source line", () => {
    const figure = eventSwimlanes(events, {companies, sources, width: 800, lang: "zh"});
    expect(figure.dataset.lang).toBe("zh");
    const [title, desc] = accessibleName(figure);
    expect(title).toBe("各公司的战略事件");
    expect(desc).toMatch(/^泳道图：\d{4}年\d+月\d+日至\d{4}年\d+月\d+日的\d+起战略事件/);
    const labels = [...figure.querySelectorAll(".lane-label")].map((l) => l.textContent);
    expect(labels).toEqual(expect.arrayContaining(["全行业", "智谱", "月之暗面", "MiniMax", "面壁智能"]));
    expect(labels.join(" ")).not.toMatch(/Zhipu|ModelBest/);
    const ticks = [...figure.querySelectorAll(".axis-x .tick text")].map((t) => t.textContent!);
    expect(ticks.length).toBeGreaterThan(1);
    for (const tick of ticks) expect(tick).toMatch(/^(\d{4}年|\d{1,2}月)$/);
    expect(figure.querySelectorAll("details.atlas-data tbody tr").length).toBeGreaterThan(40);
    expect(figure.querySelector("details.atlas-data summary")!.textContent).toBe("数据表");
    expectChinese(figure, {english: ENGLISH, contains: ["日期", "融资", "产品", "上市申请", "日期为约数", "公司", "类型", "合作方", "可信度"]});
  });

  test("its tooltip is Chinese around the event's own title and notes", () => {
    const figure = eventSwimlanes(
      [event("e1", "stepfun", "2024-07-01", {title: "StepFun joins a chip alliance", event_type: "partnership_chip", partners: ["Huawei", "Moore Threads"], course: "edge", confidence: "high", date_approx: true, date_raw: "2024-07"})],
      {companies, sources, lang: "zh"}
    );
    figure.querySelector(".mark")!.dispatchEvent(new MouseEvent("click", {bubbles: true}));
    const tip = figure.querySelector(".atlas-tooltip")!.textContent!;
    expect(tip).toContain("阶跃星辰 · 2024年7月（约）");
    expect(tip).toContain("类型：芯片合作");
    expect(tip).toContain("合作方：Huawei、Moore Threads");
    expect(tip).toContain("定下路线：转向端侧模型");
    expect(tip).toContain("可信度：高");
    expect(tip).not.toMatch(/Type|Partners|Confidence|approximate/);
  });

  test("says why a lane is empty, and what is not drawn, in Chinese", () => {
    const figure = eventSwimlanes(events, {companies, sources, companyIds: ["langboat", "zhipu", "industry"], types: ["ipo_listing"], lang: "zh"});
    const empty = (id: string) => figure.querySelector(`.lane[data-lane="${id}"] .lane-empty`)?.textContent;
    expect(empty("langboat")).toBe("数据中没有事件");
    expect(empty("industry")).toBe("所选类型下没有事件");
    const undated = eventSwimlanes([event("a", "zhipu", "2024-01-01"), {...event("b", "zhipu", "2024-01-01"), date: null}], {companies, sources, lang: "zh"});
    expect(accessibleName(undated)[1]).toContain("另有1起事件没有日期，未画出。");
    expect(accessibleName(eventSwimlanes([], {companies, sources, companyIds: ["zhipu"], lang: "zh"}))[1]).toBe("所选公司和类型下没有事件。");
  });

  test("fits 375 px with short Chinese lane labels", () => {
    const figure = eventSwimlanes(events, {companies, sources, width: 375, lang: "zh"});
    expect([...figure.querySelectorAll(".lane-label")].map((l) => l.textContent)).toEqual(expect.arrayContaining(["行业", "智谱"]));
    expectInsideViewBox(figure);
  });
});
