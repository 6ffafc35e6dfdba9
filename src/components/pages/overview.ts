/**
 * The overview page (src/index.md): its tables, and the findings its prose quotes. Every number is read from
 * company_summary, funding_steps, events and density_fit as the build wrote them, so the headline says what
 * the charts below it draw.
 */
import * as d3 from "../d3.js";
import {formatUsdMillions, sourceLinksSpan} from "../chart.js";
import {formatDate} from "../cells.js";
import type {CompanySummaryRow} from "../rows.js";
import {VIEWS, type StoryData} from "../views.js";
import {loadTables} from "./load.js";

const TABLES = ["company_summary", "companies", "funding_rounds", "funding_steps", "events", "density_fit", "financials"] as const;

export type OverviewData = StoryData<(typeof TABLES)[number] | "sources">;

export function loadOverview(): Promise<OverviewData> {
  return loadTables(TABLES);
}

/** The overview's charts, as defined once for the page and the build. */
export const overviewViews = {
  fundingValuation: (data: OverviewData, width: number) => VIEWS["funding-valuation"].render(data, {}, width),
  revenueFunding: (data: OverviewData, width: number) => VIEWS["revenue-funding"].render(data, {}, width),
  courseGrid: (data: OverviewData) => VIEWS["course-grid"].render(data, {}, 0),
  timelineStrip: (data: OverviewData, width: number) => VIEWS["timeline-strip"].render(data, {}, width)
};

/** What the overview says in words, each a value or a phrase from the tables. */
export function overviewFindings(data: OverviewData) {
  const byId = new Map(data.company_summary.map((c) => [c.company_id, c]));
  const tigers = data.company_summary.filter((c) => c.group === "six_tigers");
  const sum = (key: "funding_usd_low" | "funding_usd_mid" | "funding_usd_high") => d3.sum(tigers, (c) => c[key] ?? 0);
  const ranked = [...tigers].filter((c) => c.funding_usd_mid !== null).sort((a, b) => b.funding_usd_mid! - a.funding_usd_mid!);
  const [top, second] = ranked;
  const least = ranked[ranked.length - 1];
  const largest = [...data.funding_steps].filter((s) => s.disclosed).sort((a, b) => b.amount_usd_mid! - a.amount_usd_mid!)[0];
  const listed = tigers.filter((c) => c.listing_date).sort((a, b) => +a.listing_date! - +b.listing_date!);
  const listingEvents = data.events.filter((e) => listed.some((c) => c.listing_event_id === e.id));
  const valued = tigers.filter((c) => c.valuation_usd_mid !== null).sort((a, b) => b.valuation_usd_mid! - a.valuation_usd_mid!);
  const courses = d3.group(tigers.filter((c) => c.course), (c) => c.course!);
  const fit = data.density_fit.find((f) => f.fit_id === "records")!;
  const names = (rows: CompanySummaryRow[]) => listText(rows.map((c) => c.label));
  const foundedYears = tigers.filter((c) => c.founded).map((c) => c.founded!.getUTCFullYear());
  return {
    tigerCount: tigers.length,
    foundedFrom: d3.min(foundedYears) ?? "",
    foundedTo: d3.max(foundedYears) ?? "",
    raised: formatUsdMillions(sum("funding_usd_mid")),
    raisedLow: formatUsdMillions(sum("funding_usd_low")),
    raisedHigh: formatUsdMillions(sum("funding_usd_high")),
    undisclosed: d3.sum(tigers, (c) => c.rounds_undisclosed),
    counted: d3.sum(tigers, (c) => c.rounds_counted),
    top: top ? `${top.label} raised the most, ${formatUsdMillions(top.funding_usd_mid)}` : "no tiger disclosed an amount",
    second: second ? `${second.label} (${formatUsdMillions(second.funding_usd_mid)})` : "",
    least: least ? `${least.label} (${formatUsdMillions(least.funding_usd_mid)})` : "",
    largest: {
      company: byId.get(largest.company_id)?.label ?? largest.company_id,
      round: largest.round ?? "financing round",
      date: formatDate(largest.date, largest.date_raw),
      amount: formatUsdMillions(largest.amount_usd_mid),
      reported: largest.amount_reported ?? "",
      sources: sourceLinksSpan(document, largest.source_ids, data.sourceIndex, "atlas-cite")
    },
    listedCount: listed.length,
    listed: listText(listed.map((c) => `${c.label} on ${formatDate(c.listing_date, c.listing_date_raw)}`)),
    listedDates: listed.map((c) => formatDate(c.listing_date, c.listing_date_raw)).join(" and "),
    listedNames: names(listed),
    listedSources: sourceLinksSpan(document, listingEvents.flatMap((e) => e.source_ids), data.sourceIndex, "atlas-cite"),
    topValued: valued[0] ? `${valued[0].label}, last valued at ${formatUsdMillions(valued[0].valuation_usd_mid)} (${formatDate(valued[0].valuation_date, valued[0].valuation_date_raw)})` : "",
    stillTraining: names(courses.get("pretraining") ?? []) || "None of the tigers",
    steppedBack: names([...(courses.get("apps") ?? []), ...(courses.get("medical") ?? [])]) || "none",
    fitMonths: fit.doubling_months.toFixed(1),
    fitLow: fit.ci_low_months.toFixed(1),
    fitHigh: fit.ci_high_months.toFixed(1),
    fitN: fit.n,
    results: resultsSentences(tigers.filter((c) => c.revenue_usd_m !== null)),
    noResults: noResultsSentence(tigers.filter((c) => c.revenue_usd_m === null))
  };
}

/** "Baichuan and Moonshot have published no full-year revenue.", or "" when every company has. */
function noResultsSentence(companies: readonly CompanySummaryRow[]): string {
  if (!companies.length) return "";
  return `${listText(companies.map((c) => c.label))} ${companies.length === 1 ? "has" : "have"} published no full-year revenue.`;
}

/**
 * One sentence per company with a results year: revenue against money raised, and the net loss, each number
 * a company_summary column in a span that names it (data-company, data-column), so a test can hold the text
 * against the table. A press figure is said to be one, with its confidence.
 */
export function resultsSentences(companies: readonly CompanySummaryRow[], doc: Document = document): HTMLSpanElement {
  const out = doc.createElement("span");
  out.className = "atlas-results";
  const value = (c: CompanySummaryRow, column: "revenue_usd_m" | "net_loss_usd_m" | "funding_usd_mid") => {
    const span = doc.createElement("span");
    span.dataset.company = c.company_id;
    span.dataset.column = column;
    span.textContent = formatUsdMillions(c[column]);
    return span;
  };
  companies.forEach((c, i) => {
    const press = c.results_basis === "press";
    const raised: (string | Node)[] = c.funding_usd_mid !== null ? [" against ", value(c, "funding_usd_mid"), " raised"] : [];
    const loss: (string | Node)[] = c.net_loss_usd_m === null ? [] : press ? [", with a net loss of ", value(c, "net_loss_usd_m")] : ["; its net loss was ", value(c, "net_loss_usd_m")];
    const basis = press ? ` (${c.results_confidence ?? "unrated"} confidence; not a filing)` : "";
    out.append(
      i ? " " : "",
      ...(press ? [`Press reports put ${c.label}’s revenue for ${c.results_period} at `, value(c, "revenue_usd_m")] : [`${c.label} reported revenue of `, value(c, "revenue_usd_m"), ` for ${c.results_period}`]),
      ...raised,
      ...loss,
      `${basis}.`,
      c.funding_usd_mid !== null ? "" : c.rounds_undisclosed ? " None of its financing rounds disclosed an amount." : " It has no financing round with an amount in the data."
    );
  });
  return out;
}

/** "a, b and c". */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** Pages put the live chart in place of the build-time one (prerendered.ts). */
export {hydrate} from "../prerendered.js";
