/**
 * Every story chart's view, defined once: which published tables it reads, its URL state (specs and
 * defaults) and how tables + state + width become an element. The page's live cell and the build-time
 * render (scripts/prerender.ts) both call these, so a chart rendered into the HTML at build time is the chart
 * the page draws with no filters set, and a change to a view cannot reach one and miss the other.
 *
 * Nothing here touches FileAttachment, the URL or the DOM around the chart: tables arrive as rows (the page
 * reads them with hyparquet, the build from dist/), state as plain values.
 */
import {indexSources, type SourceIndex} from "./chart.js";
import {asDate, isoDay} from "./cells.js";
import {claimsPanel} from "./claimsPanel.js";
import {companyTimeline} from "./companyTimeline.js";
import {courseGrid} from "./courseGrid.js";
import {cumulativeFunding} from "./cumulativeFunding.js";
import {densityChart} from "./densityChart.js";
import {deviceProjection} from "./deviceProjection.js";
import {eventSwimlanes, INDUSTRY_ID} from "./eventSwimlanes.js";
import {fundingValuationScatter} from "./fundingValuationScatter.js";
import {investorNetwork} from "./investorNetwork.js";
import {modelScatter} from "./modelScatter.js";
import {priceChart} from "./priceChart.js";
import {revenueFunding} from "./revenueFunding.js";
import {timelineStrip} from "./timelineStrip.js";
import type {Lang} from "./i18n.js";
import {dateRangeParam, oneOfParam, readParams, subsetParam} from "./urlState.js";
import {valuationChart} from "./valuationChart.js";
import type {
  ClaimsRow,
  CompaniesRow,
  CompanySummaryRow,
  DensityFitRow,
  DensityPointsRow,
  EventsRow,
  FinancialsRow,
  FundingRoundsRow,
  FundingStepsRow,
  InvestorLinksRow,
  ModelCountsRow,
  ModelsRow,
  PricePointsRow,
  SourcesRow
} from "./rows.js";

/** The published tables a story page can read, by name, as rows. */
export interface StoryTables {
  company_summary: CompanySummaryRow[];
  companies: CompaniesRow[];
  funding_rounds: FundingRoundsRow[];
  funding_steps: FundingStepsRow[];
  investor_links: InvestorLinksRow[];
  events: EventsRow[];
  financials: FinancialsRow[];
  models: ModelsRow[];
  model_counts: ModelCountsRow[];
  claims: ClaimsRow[];
  density_points: DensityPointsRow[];
  density_fit: DensityFitRow[];
  price_points: PricePointsRow[];
  sources: SourcesRow[];
}

export type TableKey = keyof StoryTables;

/**
 * Some tables, the sources indexed by id (every chart links its marks to them) and the page's language,
 * which every view hands to its component: the English and the Chinese page draw one definition.
 */
export type StoryData<K extends TableKey> = Pick<StoryTables, K> & {sourceIndex: SourceIndex; lang: Lang};

/** Reads the named tables (plus sources) with `read`, which the page and the build each supply. */
export async function loadStoryData<K extends TableKey>(
  names: readonly K[],
  read: (name: TableKey) => Promise<unknown[]>,
  lang: Lang = "en"
): Promise<StoryData<K | "sources">> {
  const all = [...new Set<TableKey>([...names, "sources"])];
  const rows = await Promise.all(all.map(read));
  const data = Object.fromEntries(all.map((name, i) => [name, rows[i]])) as unknown as StoryTables;
  return {...data, sourceIndex: indexSources(data.sources), lang} as StoryData<K | "sources">;
}

export interface View<K extends TableKey, S> {
  /** Tables the view reads. */
  tables: readonly K[];
  /** The state with no URL filters: what the build renders. */
  defaults(data: StoryData<K>): S;
  /** The element for this state at this width; `slot` is the page's placeholder (its data-* attributes). */
  render(data: StoryData<K>, state: S, width: number, slot?: Element): Element;
}

const view = <K extends TableKey, S>(v: View<K, S>): View<K, S> => v;
const none = () => ({});

// --- URL state of each page ------------------------------------------------------------------------------

/** Companies with any funding row, in display order: the choices of /funding's company filter. */
export function fundedCompanies(data: StoryData<"company_summary" | "funding_rounds">): CompanySummaryRow[] {
  const ids = new Set(data.funding_rounds.map((r) => r.company_id));
  return data.company_summary.filter((c) => ids.has(c.company_id));
}

/** /funding?companies=zhipu,moonshot&scale=log */
export function fundingParams(data: StoryData<"company_summary" | "funding_rounds">) {
  const ids = fundedCompanies(data).map((c) => c.company_id);
  return {companies: subsetParam(ids, ids), scale: oneOfParam(["linear", "log"], "linear")};
}
export type FundingState = {companies: string[]; scale: "linear" | "log"};

/** /pivots?companies=modelbest,zhipu&deployment=edge */
export function pivotsParams(data: StoryData<"company_summary">) {
  const ids = data.company_summary.map((c) => c.company_id);
  return {companies: subsetParam(ids, ids), deployment: oneOfParam(["all", "cloud", "edge"], "all")};
}
export type PivotsState = {companies: string[]; deployment: "all" | "cloud" | "edge"};

/** The first and last release day of the paper's points, the bounds of /density's window. */
export function densitySpan(data: StoryData<"density_points">): [string, string] {
  const days = data.density_points.map((d) => asDate(d.release_date)).filter((d): d is Date => d !== null).map(isoDay).sort();
  return [days[0], days[days.length - 1]];
}

/** /density?fit=all&window=2023-06-01..2025-04-30 */
export function densityParams(data: StoryData<"density_points">) {
  const [first, last] = densitySpan(data);
  return {fit: oneOfParam(["records", "all"], "records"), window: dateRangeParam([first, last], first, last)};
}
export type DensityState = {fit: "records" | "all"; window: [string, string]};

/** The window as UTC midnights, as the density chart and fit take it. */
export function windowDates(window: readonly [string, string]): [Date, Date] {
  return [new Date(`${window[0]}T00:00:00Z`), new Date(`${window[1]}T00:00:00Z`)];
}

/** The lines of the densing law's reference slopes: the preprint's 3.3 months, the journal's 3.5 and ModelBest's 8. */
export const REFERENCE_MONTHS = [3.3, 3.5, 8];

// --- Views ---------------------------------------------------------------------------------------------

export const VIEWS = {
  "funding-valuation": view({
    tables: ["company_summary"],
    defaults: none,
    render: (d, _s, width) => fundingValuationScatter(d.company_summary, {width, sources: d.sourceIndex, lang: d.lang})
  }),
  "revenue-funding": view({
    tables: ["company_summary", "financials"],
    defaults: none,
    render: (d, _s, width) => revenueFunding(d.company_summary, {width, sources: d.sourceIndex, lang: d.lang, financials: d.financials})
  }),
  "course-grid": view({
    tables: ["company_summary"],
    defaults: none,
    render: (d) => courseGrid(d.company_summary, {sources: d.sourceIndex, lang: d.lang})
  }),
  "timeline-strip": view({
    tables: ["company_summary", "companies", "funding_rounds", "events"],
    defaults: none,
    render: (d, _s, width) => timelineStrip(d.company_summary, {rounds: d.funding_rounds, events: d.events, variants: d.companies, width, sources: d.sourceIndex, lang: d.lang})
  }),
  "cumulative-funding": view({
    tables: ["company_summary", "funding_rounds", "funding_steps"],
    defaults: (d): FundingState => readParams(fundingParams(d), "") as FundingState,
    render: (d, s: FundingState, width) =>
      cumulativeFunding(d.funding_steps, {companies: d.company_summary, width, scale: s.scale, companyIds: s.companies, sources: d.sourceIndex, lang: d.lang})
  }),
  "valuation-chart": view({
    tables: ["company_summary", "funding_rounds"],
    defaults: (d): FundingState => readParams(fundingParams(d), "") as FundingState,
    render: (d, s: FundingState, width) => valuationChart(d.funding_rounds, {companies: d.company_summary, width, companyIds: s.companies, sources: d.sourceIndex, lang: d.lang})
  }),
  "investor-network": view({
    tables: ["company_summary", "funding_rounds", "investor_links"],
    defaults: (d): FundingState => readParams(fundingParams(d), "") as FundingState,
    render: (d, s: FundingState, width) =>
      investorNetwork(
        d.investor_links.filter((l) => s.companies.includes(l.company_id)),
        {companies: d.company_summary, width, sources: d.sourceIndex, lang: d.lang}
      )
  }),
  "event-swimlanes": view({
    tables: ["company_summary", "events"],
    defaults: (d): PivotsState => readParams(pivotsParams(d), "") as PivotsState,
    render: (d, s: PivotsState, width) =>
      eventSwimlanes(d.events, {companies: d.company_summary, width, companyIds: [...s.companies, INDUSTRY_ID], sources: d.sourceIndex, lang: d.lang})
  }),
  "model-scatter": view({
    tables: ["company_summary", "models"],
    defaults: (d): PivotsState => readParams(pivotsParams(d), "") as PivotsState,
    render: (d, s: PivotsState, width) =>
      modelScatter(d.models, {companies: d.company_summary, width, companyIds: s.companies, deployment: s.deployment, sources: d.sourceIndex, lang: d.lang})
  }),
  "minicpm-scatter": view({
    tables: ["company_summary", "models"],
    defaults: none,
    render: (d, _s, width) => modelScatter(d.models, {companies: d.company_summary, width, companyIds: ["modelbest"], deployment: "all", sources: d.sourceIndex, lang: d.lang})
  }),
  density: view({
    tables: ["company_summary", "density_points"],
    defaults: (d): DensityState => readParams(densityParams(d), "") as DensityState,
    render: (d, s: DensityState, width) =>
      densityChart(d.density_points, {
        width,
        window: windowDates(s.window),
        recordsOnly: s.fit === "records",
        referenceMonths: REFERENCE_MONTHS,
        sources: d.sourceIndex, lang: d.lang,
        companies: d.company_summary
      })
  }),
  claims: view({
    tables: ["claims", "density_fit"],
    defaults: none,
    render: (d) => claimsPanel(d.claims, {fits: d.density_fit, sources: d.sourceIndex, lang: d.lang})
  }),
  "device-projection": view({
    tables: ["company_summary", "density_points", "density_fit", "claims"],
    defaults: none,
    render: (d, _s, width) =>
      deviceProjection(d.density_points, {
        fit: d.density_fit.find((f) => f.fit_id === "records")!,
        claim: d.claims.find((c) => c.metric === "gpt4_level_on_device"),
        width,
        sources: d.sourceIndex, lang: d.lang,
        companies: d.company_summary
      })
  }),
  "price-chart": view({
    tables: ["price_points"],
    defaults: none,
    render: (d, _s, width) => priceChart(d.price_points, {width, sources: d.sourceIndex, lang: d.lang})
  }),
  "company-timeline": view({
    tables: ["company_summary", "funding_rounds", "models", "events"],
    defaults: none,
    render: (d, _s, width, slot) => {
      const id = slot?.getAttribute("data-company");
      const company = d.company_summary.find((c) => c.company_id === id);
      if (!company) throw new Error(`company-timeline: unknown data-company ${JSON.stringify(id)}`);
      const mine = <R extends {company_id: string}>(rows: R[]) => rows.filter((r) => r.company_id === id);
      return companyTimeline({
        company,
        rounds: mine(d.funding_rounds) as never,
        models: mine(d.models) as never,
        events: mine(d.events) as never,
        width,
        sources: d.sourceIndex, lang: d.lang
      });
    }
  })
};

export type ViewName = keyof typeof VIEWS;

/** Renders a view by name with its default state: the build-time render of a page's slot. */
export function renderDefault(name: string, data: StoryData<TableKey>, width: number, slot?: Element): Element {
  const v = (VIEWS as Record<string, View<TableKey, unknown>>)[name];
  if (!v) throw new Error(`no view named "${name}"`);
  return v.render(data, v.defaults(data), width, slot);
}
