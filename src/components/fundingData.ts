/**
 * Row shapes of the published tables as charts receive them (companies, funding_rounds, events) and the
 * pure helpers the overview and funding charts share: which companies to show and in what order, and which
 * financing rows to count.
 *
 * Rows come from Parquet in the browser and from hand-made objects in tests and notebooks, so every helper
 * here tolerates missing fields, null and ISO strings where a Date is expected (cells are read with cells.ts).
 */
import {asDate, asList, asNumber} from "./cells.js";
import {COMPANY_COLORS, companyLabel, type CompanyRef} from "./chart.js";

/** A row of `companies` (primary or variant). */
export interface CompanyRow extends CompanyRef {
  id?: string;
  is_primary?: boolean | null;
  row_type?: string | null;
  name_en?: string | null;
  name_zh?: string | null;
  founded?: Date | string | null;
  founded_raw?: string | null;
  founded_precision?: string | null;
  conflict_key?: string | null;
  source_ids?: readonly string[] | null;
}

/** A row of `funding_rounds`; only the columns charts read. */
export interface RoundRow {
  id: string;
  company_id: string;
  date: Date | string | null;
  date_raw?: string | null;
  date_precision?: string | null;
  kind: string;
  round?: string | null;
  amount_reported?: string | null;
  amount_kind?: string | null;
  amount_usd_low?: number | null;
  amount_usd_mid?: number | null;
  amount_usd_high?: number | null;
  lead_investors?: readonly string[] | null;
  investors?: readonly string[] | null;
  valuation_reported?: string | null;
  valuation_kind?: string | null;
  valuation_basis?: string | null;
  valuation_usd_low?: number | null;
  valuation_usd_mid?: number | null;
  valuation_usd_high?: number | null;
  conflict_key?: string | null;
  notes?: string | null;
  source_ids?: readonly string[] | null;
  confidence?: string | null;
}

/** A row of `events`. */
export interface EventRow {
  id: string;
  company_id: string;
  date: Date | string | null;
  date_raw?: string | null;
  date_precision?: string | null;
  event_type?: string | null;
  course?: string | null;
  title?: string | null;
  partner?: string | null;
  conflict_key?: string | null;
  source_ids?: readonly string[] | null;
  confidence?: string | null;
}

// --- Confidence -----------------------------------------------------------------------------------------

/** Confidence labels as ranks, so a better-sourced report can be preferred over another. */
export const CONFIDENCE_RANK: Record<string, number> = {high: 3, medium: 2, low: 1};

// --- Companies ------------------------------------------------------------------------------------------

const GROUP_ORDER = ["six_tigers", "edge", "comparator"];
const COMPANY_ORDER = Object.keys(COMPANY_COLORS);

/** Tables give is_primary; hand-made rows may only have row_type, or be primary rows without either. */
export function isPrimaryCompany(company: CompanyRow): boolean {
  if (typeof company.is_primary === "boolean") return company.is_primary;
  if (company.row_type) return company.row_type === "primary";
  return company.id === undefined || company.id === company.company_id;
}

/**
 * One row per company in the atlas's reading order (the six tigers, ModelBest, comparators, each in the
 * order of data/companies.csv), so every chart stacks companies the same way.
 */
export function primaryCompanies<C extends CompanyRow>(companies: readonly C[]): C[] {
  const seen = new Map<string, C>();
  for (const c of companies) if (isPrimaryCompany(c) && !seen.has(c.company_id)) seen.set(c.company_id, c);
  return [...seen.values()].sort(compareCompanies);
}

function rankOf(list: string[], value: string | undefined): number {
  const i = value === undefined ? -1 : list.indexOf(value);
  return i < 0 ? list.length : i;
}

export function compareCompanies(a: CompanyRow, b: CompanyRow): number {
  return (
    rankOf(GROUP_ORDER, a.group) - rankOf(GROUP_ORDER, b.group) ||
    rankOf(COMPANY_ORDER, a.company_id) - rankOf(COMPANY_ORDER, b.company_id) ||
    (a.company_id < b.company_id ? -1 : a.company_id > b.company_id ? 1 : 0)
  );
}

/** Company ids ordered like `primaryCompanies`, for ids that may have no company row. */
export function orderCompanyIds(ids: Iterable<string>, companies: readonly CompanyRow[]): string[] {
  const index = companyIndex(companies);
  return [...new Set(ids)].sort((a, b) => compareCompanies(index.get(a) ?? {company_id: a, short_en: a, short_zh: a}, index.get(b) ?? {company_id: b, short_en: b, short_zh: b}));
}

export function companyIndex<C extends CompanyRow>(companies: readonly C[]): Map<string, C> {
  return new Map(primaryCompanies(companies).map((c) => [c.company_id, c]));
}

/** "智谱 Zhipu", or the bare id for a company without a row. */
export function labelOf(index: Map<string, CompanyRef>, companyId: string): string {
  return companyLabel(index.get(companyId), companyId);
}

/** The English short name alone, for narrow layouts. */
export function shortLabelOf(index: Map<string, CompanyRef>, companyId: string): string {
  return index.get(companyId)?.short_en || companyId;
}

// --- Rounds ---------------------------------------------------------------------------------------------

export function hasAmount(round: RoundRow): boolean {
  return asNumber(round.amount_usd_mid) !== null;
}

export function hasValuation(round: RoundRow): boolean {
  const v = asNumber(round.valuation_usd_mid);
  return v !== null && v > 0;
}

export interface CountedRounds {
  /** Financing rows (kind = 'round') that enter totals, in input order. */
  counted: RoundRow[];
  /** Financing rows left out because another report of the same round (same conflict_key) was preferred. */
  superseded: RoundRow[];
}

/**
 * The financing rows to add up. Rows of kind 'round' that share a conflict_key report the same round
 * differently (MiniMax's 2025 round appears once from the press and once from the prospectus), so summing
 * both would count the money twice: one row per conflict is kept, preferring a disclosed amount (the totals
 * are of disclosed money), then higher confidence, then the later date, then the smaller id.
 */
export function countedRounds(rounds: readonly RoundRow[]): CountedRounds {
  const financings = rounds.filter((r) => r.kind === "round");
  const best = new Map<string, RoundRow>();
  for (const r of financings) {
    if (!r.conflict_key) continue;
    const current = best.get(r.conflict_key);
    if (!current || preferRound(r, current)) best.set(r.conflict_key, r);
  }
  const counted: RoundRow[] = [];
  const superseded: RoundRow[] = [];
  for (const r of financings) {
    if (r.conflict_key && best.get(r.conflict_key) !== r) superseded.push(r);
    else counted.push(r);
  }
  return {counted, superseded};
}

function preferRound(a: RoundRow, b: RoundRow): boolean {
  const amount = Number(hasAmount(a)) - Number(hasAmount(b));
  if (amount) return amount > 0;
  const confidence = (CONFIDENCE_RANK[a.confidence ?? ""] ?? 0) - (CONFIDENCE_RANK[b.confidence ?? ""] ?? 0);
  if (confidence) return confidence > 0;
  const time = (asDate(a.date)?.getTime() ?? -Infinity) - (asDate(b.date)?.getTime() ?? -Infinity);
  if (time) return time > 0;
  return a.id < b.id;
}

/** Source ids of some rows, each once, in first-seen order. */
export function unionSources(rows: readonly {source_ids?: readonly string[] | null}[]): string[] {
  return [...new Set(rows.flatMap((r) => asList(r.source_ids)))];
}

/** "3 rounds", "1 round". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** USD millions rounded for the data-table view (the tooltips and text carry the formatted value). */
export function roundMillions(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}
