// @vitest-environment jsdom
import {describe, expect, test} from "vitest";
import {COURSE_LABELS, courseGrid, courseLabel} from "../../src/components/courseGrid.js";
import {indexSources} from "../../src/components/chart.js";
import {company, expectNoInjectedMarkup, HOSTILE, utc} from "./chartAssertions.js";
import {companySummary, sources} from "./storyFixtures.js";
import {cjkShare, ENGLISH_UI} from "./chineseChartText.js";

// Which event sets a company's course is company_summary's course* columns (tested with the build).
describe("courseGrid(companies, options)", () => {
  test("is a list with one item per company, in display order", () => {
    const grid = courseGrid([...companySummary].reverse(), {sources});
    expect(grid.getAttribute("role")).toBe("list");
    expect(grid.getAttribute("aria-label")).toBe("Current course of each company");
    const items = [...grid.querySelectorAll('[role="listitem"]')];
    expect(items.map((i) => i.getAttribute("data-id"))).toEqual(["alpha", "beta", "gamma", "delta"]);
    expect(grid.querySelectorAll(".mark")).toHaveLength(4);
    expect(items[1].getAttribute("style")).toContain("#f28e2b");
  });

  test("each item names the company, its course, the event's date and title, and links its sources", () => {
    const grid = courseGrid(companySummary, {sources});
    for (const c of companySummary) {
      const item = grid.querySelector(`[data-id="${c.company_id}"]`)!;
      expect(item.querySelector(".atlas-course-company")!.textContent).toBe(c.label);
      if (c.course) {
        expect(item.getAttribute("data-course")).toBe(c.course);
        expect(item.getAttribute("data-event-id")).toBe(c.course_event_id);
        expect(item.querySelector(".atlas-course-name")!.textContent).toBe(COURSE_LABELS[c.course]);
        expect(item.querySelector(".atlas-course-event")!.textContent).toContain(c.course_title!);
      } else {
        expect(item.classList.contains("no-course")).toBe(true);
        expect(item.querySelector(".atlas-course-name")!.textContent).toBe("No course event");
      }
    }
    const alpha = grid.querySelector('[data-id="alpha"]')!;
    expect(alpha.querySelector("time")!.getAttribute("datetime")).toBe("2025-12-30");
    expect(alpha.querySelector(".atlas-course-sources a")!.getAttribute("href")).toBe("https://example.com/1");
    // A source without a URL is named, not linked.
    expect(grid.querySelector('[data-id="gamma"] .atlas-course-sources')!.textContent).toContain("No Link Weekly");
  });

  test("renders hostile names, titles and sources as text", () => {
    const hostileSources = indexSources([{source_id: "s1", publisher: HOSTILE, title: HOSTILE, url: "https://example.com/x", date_raw: null}]);
    const grid = courseGrid([company("a", HOSTILE, HOSTILE, {course: HOSTILE, course_title: HOSTILE, course_date: utc(2025), course_source_ids: ["s1"]})], {sources: hostileSources});
    expectNoInjectedMarkup(grid);
    expect(grid.querySelector(".atlas-course-company")!.textContent).toBe(HOSTILE);
    expect(grid.querySelector(".atlas-course-name")!.textContent).toBe(HOSTILE);
    expect(grid.querySelector(".atlas-course-sources a")!.textContent).toBe(HOSTILE);
  });

  test("a course value the atlas does not know is shown as written, not looked up on Object.prototype", () => {
    const grid = courseGrid([company("a", "Alpha", "Alpha", {course: "constructor", course_date: utc(2025)})]);
    expect(grid.querySelector(".atlas-course-name")!.textContent).toBe("constructor");
  });
});

describe("courseGrid in Chinese (lang zh)", () => {
  test("names, courses, dates and the grid's own words are Chinese; the events' English titles are marked lang=en", () => {
    const grid = courseGrid(companySummary, {sources, lang: "zh"});
    expect(grid.getAttribute("aria-label")).toBe("各公司当前的方向");
    const item = (id: string) => grid.querySelector(`[data-id="${id}"]`)!;
    expect(item("alpha").querySelector(".atlas-course-company")!.textContent).toBe("甲");
    expect(item("alpha").querySelector(".atlas-course-name")!.textContent).toBe("已上市");
    expect(item("alpha").querySelector("time")!.textContent).toBe("2025年12月30日");
    expect(item("alpha").querySelector("time")!.getAttribute("datetime")).toBe("2025-12-30");
    const title = item("alpha").querySelector(".atlas-course-event span")!;
    expect(title.getAttribute("lang")).toBe("en");
    expect(title.textContent).toContain("Alpha lists in Hong Kong");
    expect(item("alpha").querySelector(".atlas-course-sources")!.textContent).toMatch(/^来源：/);
    expect(item("delta").querySelector(".atlas-course-name")!.textContent).toBe("尚无定向事件");
    // Our words, with the data's English titles and the sources' names (marked or proper names) set aside.
    const ours = [...grid.querySelectorAll(".atlas-course-company, .atlas-course-name, time, .atlas-course-event:not(:has(time))")].map((e) => e.textContent).join(" ");
    expect(ours).toContain("数据中还没有为这家公司确定方向的事件。");
    expect(ours).not.toMatch(ENGLISH_UI);
    expect(cjkShare(ours)).toBeGreaterThanOrEqual(0.6);
  });

  test("courseLabel(course, lang) names a course in either language; unknown values as written", () => {
    expect(courseLabel("edge", "zh")).toBe("端侧模型");
    expect(courseLabel("edge")).toBe(COURSE_LABELS.edge);
    expect(courseLabel("constructor", "zh")).toBe("constructor");
    // On an English page no lang attribute is added to the titles.
    expect(courseGrid(companySummary, {sources}).querySelector(".atlas-course-event span[lang]")).toBeNull();
  });
});
