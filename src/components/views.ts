/**
 * Every story chart's view is defined once: which published tables it reads, its URL state (specs and
 * defaults) and how tables + state + width become an element. The page's live cell and the build-time
 * render (scripts/prerender.ts) both call these, so a chart rendered into the HTML at build time is the chart
 * the page draws with no filters set, and a change to a view cannot reach one and miss the other.
 *
 * This is the core the views share: the tables, how they are loaded, what a view is, and the URL state of
 * each page. It imports no chart component. The views themselves live one module per page
 * (src/components/views/<page>.ts), so a page's module graph holds only the charts it draws;
 * src/components/views/all.ts gathers them by name for the build and tests, and no page imports it.
 *
 * Nothing here touches FileAttachment, the URL or the DOM around the chart: tables arrive as rows (the page
 * reads them with hyparquet, the build from dist/), state as plain values.
 */
import {indexSources, type SourceIndex} from "./chart.js";
import {asDate, isoDay} from "./cells.js";
import type {Lang} from "./i18n.js";
import {dateRangeParam, oneOfParam, readParams, subsetParam, type Specs} from "./urlState.js";
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
  /**
   * The URL parameters the state is read from, when it has any (the story page's filters): an embed page reads
   * its state from its own query string with them, and the story page's "Embed" control writes them into the
   * embed's address (src/components/embedControl.ts).
   */
  params?(data: StoryData<K>): Specs;
  /** The element for this state at this width; `slot` is the page's placeholder (its data-* attributes). */
  render(data: StoryData<K>, state: S, width: number, slot?: Element): Element;
}

/** A view, typed by its tables and state (the identity, there for inference). */
export const view = <K extends TableKey, S>(v: View<K, S>): View<K, S> => v;

/** The state of a view without URL filters. */
export const none = () => ({});

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

/** Each state's default: the page's URL specs read with no query string (what the build renders). */
export const fundingDefaults = (d: StoryData<"company_summary" | "funding_rounds">): FundingState => readParams(fundingParams(d), "") as FundingState;
export const pivotsDefaults = (d: StoryData<"company_summary">): PivotsState => readParams(pivotsParams(d), "") as PivotsState;
export const densityDefaults = (d: StoryData<"density_points">): DensityState => readParams(densityParams(d), "") as DensityState;
