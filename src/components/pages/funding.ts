/**
 * The funding page (src/funding.md): its tables, its filter bar (companies and scale, kept in the URL), its
 * charts as defined in views.ts, the findings its prose quotes and the "every round" table DuckDB answers.
 * The page itself is prose with a few calls into this module.
 */
import * as d3 from "../d3.js";
import {formatUsdMillions, sourceLinksSpan} from "../chart.js";
import {checkboxGroup, radioGroup} from "../controls.js";
import {downloadLink} from "../downloads.js";
import {CSV} from "../tables.js";
import {fundedCompanies, fundingParams, VIEWS, type FundingState, type StoryData} from "../views.js";
import {loadTables} from "./load.js";
import {sqlTable, urlFilterBar} from "./pageParts.js";
import {listText} from "./overview.js";

const TABLES = ["company_summary", "funding_rounds", "funding_steps", "investor_links"] as const;

export type FundingData = StoryData<(typeof TABLES)[number] | "sources">;

export function loadFunding(): Promise<FundingData> {
  return loadTables(TABLES);
}

/** The filter bar, set from the URL and writing to it: ?companies=zhipu,moonshot&scale=log */
export function fundingFilters(data: FundingData) {
  return urlFilterBar(fundingParams(data), (initial) => ({
    companies: checkboxGroup(
      fundedCompanies(data).map((c) => ({value: c.company_id, label: c.label})),
      {label: "Companies", value: initial.companies, name: "companies"}
    ),
    scale: radioGroup(
      [
        {value: "linear", label: "Linear"},
        {value: "log", label: "Log"}
      ],
      {label: "Scale", value: initial.scale, name: "scale"}
    )
  }));
}

/** The funding page's charts for the chosen filters. */
export const fundingViews = {
  cumulative: (data: FundingData, state: FundingState, width: number) => VIEWS["cumulative-funding"].render(data, state, width),
  valuations: (data: FundingData, state: FundingState, width: number) => VIEWS["valuation-chart"].render(data, state, width),
  investors: (data: FundingData, state: FundingState, width: number) => VIEWS["investor-network"].render(data, state, width)
};

/** What the funding page says in words about the companies chosen. */
export function fundingFindings(data: FundingData, state: FundingState) {
  const chosen = data.company_summary.filter((c) => state.companies.includes(c.company_id));
  const funded = chosen.filter((c) => c.funding_usd_mid !== null).sort((a, b) => b.funding_usd_mid! - a.funding_usd_mid!);
  const steps = data.funding_steps.filter((s) => state.companies.includes(s.company_id));
  const left = data.funding_rounds.filter((r) => state.companies.includes(r.company_id) && !r.counted);
  const links = data.investor_links.filter((l) => l.investor_id !== null && l.is_deal && state.companies.includes(l.company_id));
  const companiesOf = new Map<string, Set<string>>();
  for (const l of links) companiesOf.set(l.investor!, (companiesOf.get(l.investor!) ?? new Set()).add(l.company_id));
  const backed = [...companiesOf].map(([name, ids]): [string, number] => [name, ids.size]).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const shared = backed.filter(([, n]) => n >= 2);
  const widest = shared.length ? shared.filter(([, n]) => n === shared[0][1]) : [];
  const valued = chosen.filter((c) => c.valuation_usd_mid !== null).sort((a, b) => b.valuation_usd_mid! - a.valuation_usd_mid!);
  const multiple = (c: (typeof chosen)[number]) => (c.funding_usd_mid ? `, ${d3.format(".2~r")(c.valuation_usd_mid! / c.funding_usd_mid)} times what it disclosed raising` : "");
  return {
    companies: chosen.length,
    valued: valued.length,
    topValued: valued[0] ? `${valued[0].label}, last valued at ${formatUsdMillions(valued[0].valuation_usd_mid)} (${valued[0].valuation_reported ?? "as reported"}, ${valued[0].valuation_date_raw ?? ""})${multiple(valued[0])}` : "none of them",
    disputedValuations: valued.filter((c) => c.valuation_conflict_key).length,
    total: formatUsdMillions(d3.sum(funded, (c) => c.funding_usd_mid!)),
    rounds: steps.filter((s) => s.disclosed).length,
    undisclosed: steps.filter((s) => !s.disclosed).length,
    leaders: listText(funded.slice(0, 3).map((c) => `${c.label} (${formatUsdMillions(c.funding_usd_mid)})`)),
    leftOut: left.length,
    sharedCount: shared.length,
    widest: widest.length ? `${listText(widest.map(([name]) => name))}, each behind ${widest[0][1]} of them` : "no investor backed more than one of them"
  };
}

/** "Every round, with its sources": DuckDB-WASM answers it, filtered to the companies chosen. */
export function roundsTable(data: FundingData, state: FundingState): HTMLElement {
  return sqlTable({
    id: "rounds-sql",
    sql: `SELECT f.id, c.label AS company, f.date_raw AS date, f.kind, f.round,
                 f.amount_reported, f.amount_usd_low, f.amount_usd_high, f.valuation_reported,
                 f.counted, f.counted_note, f.conflict_key, f.confidence, f.source_ids
          FROM funding_rounds f JOIN company_summary c ON c.company_id = f.company_id
          WHERE list_contains(string_split(?, ','), f.company_id)
          ORDER BY f.date, f.id`,
    params: [state.companies.join(",")],
    table: (rows) => ({
      columns: ["company", "date", "kind", "round", "amount_reported", "amount_usd_low", "amount_usd_high", "valuation_reported", "counted", "counted_note", "conflict_key", "confidence", "source_ids"],
      labels: {
        company: "Company",
        date: "Date",
        kind: "Kind",
        round: "Round",
        amount_reported: "Amount as reported",
        amount_usd_low: "USD m (low)",
        amount_usd_high: "USD m (high)",
        valuation_reported: "Valuation as reported",
        counted: "In totals",
        counted_note: "Why not",
        conflict_key: "Disputed",
        confidence: "Confidence",
        source_ids: "Sources"
      },
      caption: `${rows.length} funding rows`,
      download: "funding-rounds-selected.csv",
      format: {
        source_ids: (ids) => sourceLinksSpan(document, ids as string[], data.sourceIndex),
        amount_usd_low: (v) => (v == null ? "" : String(Math.round(v as number))),
        amount_usd_high: (v) => (v == null ? "" : String(Math.round(v as number))),
        counted: (v) => (v ? "yes" : "no")
      }
    }),
    after: () => [downloadLink(CSV.funding_rounds, "funding_rounds.csv", "Download every round of every company (CSV)")]
  });
}

/** Pages put the live chart in place of the build-time one (prerendered.ts). */
export {hydrate} from "../prerendered.js";
