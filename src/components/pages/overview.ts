/**
 * The overview page (src/index.md and its Chinese twin src/zh/index.md): its tables, and the findings its
 * prose quotes. Every number is read from company_summary, funding_steps, events and density_fit as the build
 * wrote them, so the headline says what the charts below it draw. The findings speak the page's language
 * (`data.lang`): the phrases of both editions are in OVERVIEW_TEXT (overviewText.ts), the numbers and dates go through i18n.ts.
 */
import * as d3 from "../d3.js";
import {formatDate} from "../cells.js";
import {companyLabel} from "../companyLookup.js";
import {formatDateText, formatUsdMillions, listText, type Lang} from "../i18n.js";
import type {CompanySummaryRow} from "../rows.js";
import type {StoryData} from "../views.js";
import {OVERVIEW_VIEWS} from "../views/overview.js";
import {known} from "../tableFaults.js";
import {drawEmbeddable} from "../embedControl.js";
import {loadTables} from "./load.js";
import {OVERVIEW_TEXT, sourceSpan} from "./overviewText.js";

/** The tables the page reads (the build reads them too, for the values its prose quotes). */
export const TABLES = ["company_summary", "companies", "funding_rounds", "funding_steps", "events", "density_fit", "financials"] as const;

export type OverviewData = StoryData<(typeof TABLES)[number] | "sources">;

/** The page's tables: a generator, yielding them again after a retry (load.ts). */
export function loadOverview(): AsyncGenerator<OverviewData, void> {
  return loadTables(TABLES);
}

/** The overview's charts, as defined once for the page and the build. */
export const overviewViews = {
  fundingValuation: (data: OverviewData, width: number) => drawEmbeddable("funding-valuation", OVERVIEW_VIEWS["funding-valuation"], data, {}, width),
  revenueFunding: (data: OverviewData, width: number) => drawEmbeddable("revenue-funding", OVERVIEW_VIEWS["revenue-funding"], data, {}, width),
  courseGrid: (data: OverviewData) => drawEmbeddable("course-grid", OVERVIEW_VIEWS["course-grid"], data, {}, 0),
  timelineStrip: (data: OverviewData, width: number) => drawEmbeddable("timeline-strip", OVERVIEW_VIEWS["timeline-strip"], data, {}, width)
};

/** What the overview says in words, each a value or a phrase from the tables, in the page's language. */
export function overviewFindings(data: OverviewData) {
  return known(() => findings(data));
}

function findings(data: OverviewData) {
  const lang = data.lang ?? "en";
  const t = OVERVIEW_TEXT(lang);
  const usd = (value: number | null | undefined) => formatUsdMillions(value, lang);
  const date = (value: Date | null, raw: string | null) => formatDate(value, raw, lang);
  const name = (c: CompanySummaryRow) => companyLabel(c, c.company_id, lang);
  const byId = new Map(data.company_summary.map((c) => [c.company_id, c]));
  const tigers = data.company_summary.filter((c) => c.group === "six_tigers");
  const sum = (key: "funding_usd_low" | "funding_usd_mid" | "funding_usd_high") => d3.sum(tigers, (c) => c[key] ?? 0);
  const ranked = [...tigers].filter((c) => c.funding_usd_mid !== null).sort((a, b) => b.funding_usd_mid! - a.funding_usd_mid!);
  const [top, second] = ranked;
  const least = ranked[ranked.length - 1];
  const largest = [...data.funding_steps].filter((s) => s.disclosed).sort((a, b) => b.amount_usd_mid! - a.amount_usd_mid!)[0];
  const largestCompany = byId.get(largest.company_id);
  const listed = tigers.filter((c) => c.listing_date).sort((a, b) => +a.listing_date! - +b.listing_date!);
  const listingEvents = data.events.filter((e) => listed.some((c) => c.listing_event_id === e.id));
  const valued = tigers.filter((c) => c.valuation_usd_mid !== null).sort((a, b) => b.valuation_usd_mid! - a.valuation_usd_mid!);
  const courses = d3.group(tigers.filter((c) => c.course), (c) => c.course!);
  const fit = data.density_fit.find((f) => f.fit_id === "records")!;
  const names = (rows: CompanySummaryRow[]) => listText(rows.map(name), lang);
  const foundedYears = tigers.filter((c) => c.founded).map((c) => c.founded!.getUTCFullYear());
  return {
    tigerCount: tigers.length,
    foundedFrom: d3.min(foundedYears) ?? "",
    foundedTo: d3.max(foundedYears) ?? "",
    raised: usd(sum("funding_usd_mid")),
    raisedLow: usd(sum("funding_usd_low")),
    raisedHigh: usd(sum("funding_usd_high")),
    undisclosed: d3.sum(tigers, (c) => c.rounds_undisclosed),
    counted: d3.sum(tigers, (c) => c.rounds_counted),
    top: top ? t.top(name(top), usd(top.funding_usd_mid)) : t.noTop,
    second: second ? t.ranked(name(second), usd(second.funding_usd_mid)) : "",
    least: least ? t.ranked(name(least), usd(least.funding_usd_mid)) : "",
    largest: {
      company: largestCompany ? name(largestCompany) : largest.company_id,
      round: t.round(largest.round, document),
      date: date(largest.date, largest.date_raw),
      amount: usd(largest.amount_usd_mid),
      reported: largest.amount_reported ?? "",
      sources: sourceSpan(largest.source_ids, data.sourceIndex, lang, "atlas-cite")
    },
    listedCount: listed.length,
    listed: t.listed(listed.map((c) => t.listedOn(name(c), date(c.listing_date, c.listing_date_raw)))),
    listedDates: t.listedDates(listed.map((c) => date(c.listing_date, c.listing_date_raw))),
    listedNames: names(listed),
    listedSources: sourceSpan(listingEvents.flatMap((e) => e.source_ids), data.sourceIndex, lang, "atlas-cite"),
    topValued: valued[0] ? t.topValued(name(valued[0]), usd(valued[0].valuation_usd_mid), date(valued[0].valuation_date, valued[0].valuation_date_raw)) : "",
    stillTraining: names(courses.get("pretraining") ?? []) || t.noneTraining,
    steppedBack: names([...(courses.get("apps") ?? []), ...(courses.get("medical") ?? [])]) || t.noneSteppedBack,
    fitMonths: fit.doubling_months.toFixed(1),
    fitLow: fit.ci_low_months.toFixed(1),
    fitHigh: fit.ci_high_months.toFixed(1),
    fitN: fit.n,
    results: resultsSentences(tigers.filter((c) => c.revenue_usd_m !== null), document, lang),
    noResults: noResultsSentence(tigers.filter((c) => c.revenue_usd_m === null), lang)
  };
}

/** "Baichuan and Moonshot have published no full-year revenue.", or "" when every company has. */
function noResultsSentence(companies: readonly CompanySummaryRow[], lang: Lang): string {
  if (!companies.length) return "";
  return OVERVIEW_TEXT(lang).noResults(listText(companies.map((c) => companyLabel(c, c.company_id, lang)), lang), companies.length);
}

/**
 * One sentence per company with a results year: revenue against money raised, and the net loss, each number
 * a company_summary column in a span that names it (data-company, data-column), so a test can hold the text
 * against the table. A press figure is said to be one, with its confidence.
 */
export function resultsSentences(companies: readonly CompanySummaryRow[], doc: Document = document, lang: Lang = "en"): HTMLSpanElement {
  const t = OVERVIEW_TEXT(lang).results;
  const out = doc.createElement("span");
  out.className = "atlas-results";
  const value = (c: CompanySummaryRow, column: "revenue_usd_m" | "net_loss_usd_m" | "funding_usd_mid") => {
    const span = doc.createElement("span");
    span.dataset.company = c.company_id;
    span.dataset.column = column;
    span.textContent = formatUsdMillions(c[column], lang);
    return span;
  };
  companies.forEach((c, i) => {
    const press = c.results_basis === "press";
    const period = formatDateText(c.results_period ?? "", lang);
    out.append(
      i ? t.between : "",
      ...t.revenue(press, companyLabel(c, c.company_id, lang), period, value(c, "revenue_usd_m")),
      ...(c.funding_usd_mid !== null ? t.raised(value(c, "funding_usd_mid")) : []),
      ...(c.net_loss_usd_m === null ? [] : t.loss(press, value(c, "net_loss_usd_m"))),
      `${t.basis(press, c.results_confidence)}${t.end}`,
      c.funding_usd_mid !== null ? "" : t.noAmount(c.rounds_undisclosed > 0)
    );
  });
  return out;
}

/** "a, b and c" ("a、b和c" in Chinese): the pages' list of names (pivots.ts and density.ts import it here). */
export {listText};

/** Pages put the live chart in place of the build-time one (prerendered.ts). */
export {hydrate} from "../prerendered.js";
export {inTurn} from "../turns.js";
