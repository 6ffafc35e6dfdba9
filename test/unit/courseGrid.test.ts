// @vitest-environment jsdom
import {beforeAll, describe, expect, test} from "vitest";
import {COURSE_LABELS, courseGrid, currentCourse} from "../../src/components/courseGrid.js";
import type {CompanyRow, EventRow} from "../../src/components/fundingData.js";
import {indexSources, type SourceIndex} from "../../src/components/chart.js";
import {atlasData, company, expectNoInjectedMarkup, HOSTILE, utc} from "./chartAssertions.js";

let companies: CompanyRow[];
let events: EventRow[];
let sources: SourceIndex;

beforeAll(async () => {
  ({companies, events, sources} = await atlasData());
});

const ev = (id: string, date: Date | null, course: string | null, extra: Partial<EventRow> = {}): EventRow => ({id, company_id: "a", date, course, title: id, source_ids: ["s1"], confidence: "medium", ...extra});

describe("currentCourse(companyId, events)", () => {
  test("is the latest event of the company that sets a course", () => {
    const rows = [ev("old", utc(2024, 1), "pretraining"), ev("none", utc(2025, 6), null), ev("blank", utc(2025, 7), ""), ev("new", utc(2025, 1), "apps"), ev("other", utc(2026), "listed", {company_id: "b"})];
    expect(currentCourse("a", rows)!.id).toBe("new");
    expect(currentCourse("b", rows)!.id).toBe("other");
    expect(currentCourse("c", rows)).toBeNull();
  });

  test("breaks a tie on the date by confidence, then id; undated events count only without dated ones", () => {
    const rows = [ev("b-low", utc(2025), "apps", {confidence: "low"}), ev("c-high", utc(2025), "medical", {confidence: "high"}), ev("a-high", utc(2025), "edge", {confidence: "high"}), ev("undated", null, "listed")];
    expect(currentCourse("a", rows)!.id).toBe("a-high");
    expect(currentCourse("a", [ev("undated", null, "listed")])!.id).toBe("undated");
  });

  test("on the real data", () => {
    const courses = Object.fromEntries(["zhipu", "baichuan", "moonshot", "minimax", "01ai", "stepfun", "modelbest", "deepseek"].map((id) => [id, currentCourse(id, events)?.course ?? null]));
    expect(courses).toEqual({zhipu: "listed", baichuan: "medical", moonshot: "pretraining", minimax: "listed", "01ai": "apps", stepfun: "pretraining", modelbest: "edge", deepseek: null});
  });
});

describe("courseGrid(companies, options)", () => {
  test("is a list with one item per primary company, in the atlas's order", () => {
    const grid = courseGrid(companies, {events, sources});
    expect(grid.getAttribute("role")).toBe("list");
    expect(grid.getAttribute("aria-label")).toBe("Current course of each company");
    const items = [...grid.querySelectorAll('[role="listitem"]')];
    const primaries = companies.filter((c) => c.is_primary);
    expect(items).toHaveLength(primaries.length);
    expect(grid.querySelectorAll(".mark")).toHaveLength(primaries.length);
    expect(items.map((i) => i.getAttribute("data-id"))).toEqual(["zhipu", "baichuan", "moonshot", "minimax", "01ai", "stepfun", "modelbest", "deepseek", "langboat", "skywork"]);
  });

  test("each item names the company, its course, the event's date and title, and links its sources", () => {
    const grid = courseGrid(companies, {events, sources});
    for (const c of companies.filter((c) => c.is_primary)) {
      const item = grid.querySelector(`[data-id="${c.company_id}"]`)!;
      const event = currentCourse(c.company_id, events);
      expect(item.querySelector(".atlas-course-company")!.textContent).toBe(c.short_zh === c.short_en ? c.short_en : `${c.short_zh} ${c.short_en}`);
      if (event) {
        expect(item.getAttribute("data-course")).toBe(event.course);
        expect(item.getAttribute("data-event-id")).toBe(event.id);
        expect(item.querySelector(".atlas-course-name")!.textContent).toBe(COURSE_LABELS[event.course!]);
        expect(item.querySelector(".atlas-course-event")!.textContent).toContain(event.title!);
        expect(item.querySelectorAll(".atlas-course-sources a").length).toBeGreaterThan(0);
      } else {
        expect(item.classList.contains("no-course")).toBe(true);
        expect(item.querySelector(".atlas-course-name")!.textContent).toBe("No course event");
      }
    }
    const baichuan = grid.querySelector('[data-id="baichuan"]')!;
    expect(baichuan.querySelector("time")!.getAttribute("datetime")).toBe("2025-04-01");
    expect(baichuan.querySelector("time")!.textContent).toBe("2025-04");
  });

  test("renders hostile names, titles and sources as text", () => {
    const hostileSources = indexSources([{source_id: "s1", publisher: HOSTILE, title: HOSTILE, url: "https://example.com/x", date_raw: null}]);
    const grid = courseGrid([company("a", HOSTILE, HOSTILE)], {events: [ev("e1", utc(2025), HOSTILE, {title: HOSTILE})], sources: hostileSources});
    expectNoInjectedMarkup(grid);
    expect(grid.querySelector(".atlas-course-company")!.textContent).toBe(HOSTILE);
    expect(grid.querySelector(".atlas-course-name")!.textContent).toBe(HOSTILE);
    expect(grid.querySelector(".atlas-course-sources a")!.textContent).toBe(HOSTILE);
  });

  test("a course value the atlas does not know is shown as written, not looked up on Object.prototype", () => {
    const grid = courseGrid([company("a", "Alpha")], {events: [ev("e1", utc(2025), "constructor")]});
    expect(grid.querySelector(".atlas-course-name")!.textContent).toBe("constructor");
  });
});
