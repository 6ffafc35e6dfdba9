/**
 * Overview grid of where each company is heading now: its current course (still pretraining, apps,
 * medical, on-device, listed) taken from its latest event that sets one, with the date, the event's
 * one-line title and links to the sources. HTML rather than SVG, because it is text first and must reflow
 * on any width; it is a list (role="list") so screen readers announce the count.
 */
import * as d3 from "./d3.js";
import {companyColor, sourceLinks, type SourceIndex} from "./chart.js";
import {asDate, asList, formatDate} from "./cells.js";
import {CONFIDENCE_RANK, primaryCompanies, labelOf, type CompanyRow, type EventRow} from "./fundingData.js";

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

/**
 * The event that sets a company's current course: its latest event with a non-blank `course` (ties on the
 * date go to the higher confidence, then the smaller id); undated events count only when no dated one
 * exists. Null when the company has none.
 */
export function currentCourse<E extends EventRow>(companyId: string, events: readonly E[]): E | null {
  const mine = events.filter((e) => e.company_id === companyId && typeof e.course === "string" && e.course.trim() !== "");
  const dated = mine.filter((e) => asDate(e.date));
  if (!dated.length) return mine[0] ?? null;
  return [...dated].sort(
    (a, b) =>
      asDate(b.date)!.getTime() - asDate(a.date)!.getTime() ||
      (CONFIDENCE_RANK[b.confidence ?? ""] ?? 0) - (CONFIDENCE_RANK[a.confidence ?? ""] ?? 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  )[0];
}

export interface CourseGridOptions {
  /** Rows of events (all companies; industry rows are ignored). */
  events: readonly EventRow[];
  /** Sources by id, for the source links. */
  sources?: SourceIndex;
  /** Accessible name of the list (default "Current course of each company"). */
  label?: string;
}

/** A card per primary company naming its current course and the event that set it. */
export function courseGrid(companies: readonly CompanyRow[], options: CourseGridOptions): HTMLElement {
  const {events, sources = new Map(), label = "Current course of each company"} = options;
  const primaries = primaryCompanies(companies);
  const index = new Map(primaries.map((c) => [c.company_id, c]));
  const rows = primaries.map((c) => ({company: c, event: currentCourse(c.company_id, events)}));

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
    .attr("class", (d) => `atlas-course mark${d.event ? "" : " no-course"}`)
    .attr("data-id", (d) => d.company.company_id)
    .attr("data-event-id", (d) => d.event?.id ?? null)
    .attr("data-course", (d) => d.event?.course ?? null)
    .attr("style", (d) => `border-left: 4px solid ${companyColor(d.company.company_id)}; padding: 0.5rem 0.75rem; min-width: 0; overflow-wrap: anywhere;`);

  items
    .append("div")
    .attr("class", "atlas-course-company")
    .attr("style", "font-weight: 600;")
    .text((d) => labelOf(index, d.company.company_id));
  items
    .append("div")
    .attr("class", "atlas-course-name")
    .attr("style", "font-size: 1.15em;")
    .text((d) => (d.event ? courseLabel(d.event.course!) : "No course event"));

  const withEvent = items.filter((d) => d.event !== null);
  const detail = withEvent.append("div").attr("class", "atlas-course-event");
  detail
    .append("time")
    .attr("datetime", (d) => asDate(d.event!.date)?.toISOString().slice(0, 10) ?? null)
    .text((d) => formatDate(d.event!.date, d.event!.date_raw));
  detail.append("span").text((d) => (d.event!.title ? ` · ${d.event!.title}` : ""));
  withEvent
    .append("div")
    .attr("class", "atlas-course-sources")
    .attr("style", "font-size: 0.85em;")
    .each(function (d) {
      const ids = asList(d.event!.source_ids);
      if (!ids.length) return;
      const doc = this.ownerDocument;
      this.append("Source: ", ...sourceLinks(doc, ids, sources));
    });
  items
    .filter((d) => d.event === null)
    .append("div")
    .attr("class", "atlas-course-event")
    .text("No event in the data sets a course for this company.");

  return list.node()!;
}
