/**
 * Overview grid of where each company is heading now: its current course (still pretraining, apps,
 * medical, on-device, listed), the date and one-line title of the event that set it, and links to the
 * sources. The course is company_summary's course* columns: which event sets it is the build's rule.
 * HTML rather than SVG, because it is text first and must reflow on any width; it is a list (role="list")
 * so screen readers announce the count.
 */
import * as d3 from "./d3.js";
import {FRAME_TEXT, sourceLinks, type SourceIndex} from "./chart.js";
import {asDate, asList, formatDate} from "./cells.js";
import {companyLookup, type CompanyRef} from "./companyLookup.js";
import type {CompanySummaryRow} from "./rows.js";
import {bilingual, type Lang} from "./i18n.js";

/** A company_summary row with the course columns. */
export type CourseCompany = CompanyRef &
  Pick<CompanySummaryRow, "course" | "course_event_id" | "course_date" | "course_date_raw" | "course_title" | "course_source_ids">;

/** Reader-facing names of the `course` values, in both languages. */
const COURSE_TEXT = bilingual<Record<string, string>>({
  en: {
    pretraining: "Still pretraining",
    apps: "Applications",
    medical: "Medical AI",
    edge: "On-device models",
    listed: "Listed"
  },
  zh: {
    pretraining: "坚持预训练",
    apps: "转向应用",
    medical: "医疗AI",
    edge: "端侧模型",
    listed: "已上市"
  }
});

/** Reader-facing names of the `course` values, in English. */
export const COURSE_LABELS: Record<string, string> = COURSE_TEXT("en");

/** The reader-facing name of a course in the page's language; unknown values as written. */
export function courseLabel(course: string, lang: Lang = "en"): string {
  const labels = COURSE_TEXT(lang);
  return Object.hasOwn(labels, course) ? labels[course] : course;
}

/** The grid's own words in both languages. */
const TEXT = bilingual({
  en: {
    label: "Current course of each company",
    noCourse: "No course event",
    noEvent: "No event in the data sets a course for this company.",
    /** The language of the events' titles (English data) where it differs from the page's; none on an English page. */
    dataLang: null as string | null
  },
  zh: {
    label: "各公司当前的方向",
    noCourse: "尚无定向事件",
    noEvent: "数据中还没有为这家公司确定方向的事件。",
    dataLang: "en" as string | null
  }
});

export interface CourseGridOptions {
  /** The page's language: every word the chart shows follows it. */
  lang?: Lang;
  /** Sources by id, for the source links. */
  sources?: SourceIndex;
  /** Accessible name of the list (default "Current course of each company", in the page's language). */
  label?: string;
}

/** A card per company naming its current course and the event that set it. */
export function courseGrid(companies: readonly CourseCompany[], options: CourseGridOptions = {}): HTMLElement {
  const {sources = new Map(), lang = "en"} = options;
  const t = TEXT(lang);
  const label = options.label ?? t.label;
  const lookup = companyLookup(companies, lang);
  const rows = lookup.rows as CourseCompany[];
  const has = (c: CourseCompany) => typeof c.course === "string" && c.course !== "";

  const list = d3
    .create("div")
    .attr("class", "atlas-course-grid")
    .attr("data-chart", "course-grid")
    .attr("role", "list")
    .attr("aria-label", label)
    // Inline so the grid reflows even without the site stylesheet (notebooks, embeds).
    .attr("style", "display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 15rem), 1fr)); gap: 0.75rem; margin: 1rem 0;");

  const items = list
    .selectAll("div")
    .data(rows)
    .join("div")
    .attr("role", "listitem")
    .attr("class", (c) => `atlas-course mark${has(c) ? "" : " no-course"}`)
    .attr("data-id", (c) => c.company_id)
    .attr("data-event-id", (c) => (has(c) ? c.course_event_id : null))
    .attr("data-course", (c) => (has(c) ? c.course : null))
    .attr("style", (c) => `border-left: 4px solid ${lookup.color(c.company_id)}; padding: 0.5rem 0.75rem; min-width: 0; overflow-wrap: anywhere;`);

  items
    .append("div")
    .attr("class", "atlas-course-company")
    .attr("style", "font-weight: 600;")
    .text((c) => lookup.label(c.company_id));
  items
    .append("div")
    .attr("class", "atlas-course-name")
    .attr("style", "font-size: 1.15em;")
    .text((c) => (has(c) ? courseLabel(c.course!, lang) : t.noCourse));

  const withEvent = items.filter(has);
  const detail = withEvent.append("div").attr("class", "atlas-course-event");
  detail
    .append("time")
    .attr("datetime", (c) => asDate(c.course_date)?.toISOString().slice(0, 10) ?? null)
    .text((c) => formatDate(c.course_date, c.course_date_raw, lang));
  // The event's title is a data value in English: marked so on a Chinese page (screen readers, the language check).
  detail
    .append("span")
    .attr("lang", (c) => (c.course_title ? t.dataLang : null))
    .text((c) => (c.course_title ? ` · ${c.course_title}` : ""));
  withEvent
    .append("div")
    .attr("class", "atlas-course-sources")
    .attr("style", "font-size: 0.85em;")
    .each(function (c) {
      const ids = asList(c.course_source_ids);
      if (!ids.length) return;
      this.append(FRAME_TEXT(lang).source, ...sourceLinks(this.ownerDocument, ids, sources));
    });
  items
    .filter((c) => !has(c))
    .append("div")
    .attr("class", "atlas-course-event")
    .text(t.noEvent);

  return list.node()!;
}
