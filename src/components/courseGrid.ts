/**
 * Overview grid of where each company is heading now: its current course (still pretraining, apps,
 * medical, on-device, listed), the date and one-line title of the event that set it, and links to the
 * sources. The course is company_summary's course* columns: which event sets it is the build's rule.
 * HTML rather than SVG, because it is text first and must reflow on any width; it is a list (role="list")
 * so screen readers announce the count.
 */
import * as d3 from "./d3.js";
import {sourceLinks, type SourceIndex} from "./chart.js";
import {asDate, asList, formatDate} from "./cells.js";
import {companyLookup, type CompanyRef} from "./companyLookup.js";
import type {CompanySummaryRow} from "./rows.js";
import type {Lang} from "./i18n.js";

/** A company_summary row with the course columns. */
export type CourseCompany = CompanyRef &
  Pick<CompanySummaryRow, "course" | "course_event_id" | "course_date" | "course_date_raw" | "course_title" | "course_source_ids">;

/** Reader-facing names of the `course` values. */
export const COURSE_LABELS: Record<string, string> = {
  pretraining: "Still pretraining",
  apps: "Applications",
  medical: "Medical AI",
  edge: "On-device models",
  listed: "Listed"
};

/** The reader-facing name of a course; unknown values as written. */
export function courseLabel(course: string): string {
  return Object.hasOwn(COURSE_LABELS, course) ? COURSE_LABELS[course] : course;
}

export interface CourseGridOptions {
  /** The page's language: every word the chart shows follows it. */
  lang?: Lang;
  /** Sources by id, for the source links. */
  sources?: SourceIndex;
  /** Accessible name of the list (default "Current course of each company"). */
  label?: string;
}

/** A card per company naming its current course and the event that set it. */
export function courseGrid(companies: readonly CourseCompany[], options: CourseGridOptions = {}): HTMLElement {
  const {sources = new Map(), label = "Current course of each company"} = options;
  const lookup = companyLookup(companies);
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
    .text((c) => (has(c) ? courseLabel(c.course!) : "No course event"));

  const withEvent = items.filter(has);
  const detail = withEvent.append("div").attr("class", "atlas-course-event");
  detail
    .append("time")
    .attr("datetime", (c) => asDate(c.course_date)?.toISOString().slice(0, 10) ?? null)
    .text((c) => formatDate(c.course_date, c.course_date_raw));
  detail.append("span").text((c) => (c.course_title ? ` · ${c.course_title}` : ""));
  withEvent
    .append("div")
    .attr("class", "atlas-course-sources")
    .attr("style", "font-size: 0.85em;")
    .each(function (c) {
      const ids = asList(c.course_source_ids);
      if (!ids.length) return;
      this.append("Source: ", ...sourceLinks(this.ownerDocument, ids, sources));
    });
  items
    .filter((c) => !has(c))
    .append("div")
    .attr("class", "atlas-course-event")
    .text("No event in the data sets a course for this company.");

  return list.node()!;
}
