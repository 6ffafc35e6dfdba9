/**
 * Row shapes of the published tables as the browser decodes them (hyparquet: DATE → Date, DOUBLE/INTEGER →
 * number, VARCHAR[] → string[], nulls as null), declared once for every component and page module.
 *
 * Why not the generated src/lib/rows.ts yet: it types every non-key cell as nullable (company_summary's
 * company_id, label and color; claims.verdict; events.event_type), because the table specs do not say
 * which columns the build guarantees. Components here rely on those being present. Once the specs mark
 * such columns not-null, this module becomes a re-export of the generated types; until then
 * test/unit/rows.test.ts checks at compile time that every column declared here exists in the published table.
 * Components take `Pick<…>` of these, so a fixture or a notebook needs only the columns a chart reads.
 */

/** `company_summary`: one row per company, sorted by display_order; every derived company fact. */
export interface CompanySummaryRow {
  company_id: string;
  name_en: string;
  name_zh: string;
  short_en: string;
  short_zh: string;
  /** "智谱 Zhipu", or "MiniMax" when both names are equal. */
  label: string;
  group: string;
  /** The one company order every chart uses (1..n). */
  display_order: number;
  /** The one company colour every chart uses (hex). */
  color: string;
  founded: Date | null;
  founded_raw: string | null;
  course: string | null;
  course_event_id: string | null;
  course_date: Date | null;
  course_date_raw: string | null;
  course_title: string | null;
  course_source_ids: string[] | null;
  funding_usd_low: number | null;
  funding_usd_mid: number | null;
  funding_usd_high: number | null;
  rounds_counted: number;
  rounds_undisclosed: number;
  rounds_superseded: number;
  /** Counted rounds without a date, which the cumulative line cannot place. */
  rounds_undated: number;
  /** The reported total (a cumulative funding_rounds row) the counted rounds are held against. */
  funding_total_round_id: string | null;
  /** That total as reported. */
  funding_total_reported: string | null;
  /** "agrees" when the counted rounds and the reported total overlap, "disagrees" otherwise; null when there is no total. */
  funding_total_check: "agrees" | "disagrees" | null;
  /** The two ranges compared, in words. */
  funding_total_note: string | null;
  valuation_usd_low: number | null;
  valuation_usd_mid: number | null;
  valuation_usd_high: number | null;
  valuation_round_id: string | null;
  valuation_date: Date | null;
  valuation_date_raw: string | null;
  valuation_reported: string | null;
  valuation_row_kind: string | null;
  valuation_conflict_key: string | null;
  listing_event_id: string | null;
  listing_date: Date | null;
  listing_date_raw: string | null;
  models_released: number;
  /** The latest full fiscal year with reported revenue ("2025"), from the preferred financials rows. */
  results_period: string | null;
  /** The financials row of that year. */
  results_financial_id: string | null;
  /** How that row was published: annual_results, prospectus, interim_results or press (relayed, not a filing). */
  results_basis: string | null;
  /** Confidence of that row. */
  results_confidence: string | null;
  /** Revenue in that year, USD millions at the year's average rate. */
  revenue_usd_m: number | null;
  /** Net loss in that year (a loss is positive), USD millions. */
  net_loss_usd_m: number | null;
  source_ids: string[];
}

/** `companies`: primary rows and variant rows for conflicting reports. */
export interface CompaniesRow {
  id: string;
  company_id: string;
  row_type: string;
  is_primary: boolean;
  name_en: string;
  name_zh: string;
  short_en: string;
  short_zh: string;
  group: string;
  founded: Date | null;
  founded_raw: string | null;
  founded_precision: string | null;
  conflict_key: string | null;
  source_ids: string[];
}

/** `funding_rounds`: every financing row as reported, with `counted` saying whether it enters totals. */
export interface FundingRoundsRow {
  id: string;
  company_id: string;
  date: Date | null;
  date_raw: string | null;
  date_precision: string | null;
  kind: string;
  round: string | null;
  amount_reported: string | null;
  amount_kind: string | null;
  amount_usd_low: number | null;
  amount_usd_mid: number | null;
  amount_usd_high: number | null;
  lead_investors: string[];
  investors: string[];
  valuation_reported: string | null;
  valuation_kind: string | null;
  valuation_basis: string | null;
  valuation_usd_low: number | null;
  valuation_usd_mid: number | null;
  valuation_usd_high: number | null;
  /** Why the context caps a vague amount or valuation below the bounding rule; null when no cap. */
  cap_note: string | null;
  /** Set when the round is dated before the company's founding date. */
  date_note: string | null;
  conflict_key: string | null;
  notes: string | null;
  /** This row enters funding totals. */
  counted: boolean;
  /** Why a row is left out of totals; null when counted. */
  counted_note: string | null;
  source_ids: string[];
  confidence: string | null;
}

/** `funding_steps`: the cumulative funding line, one row per counted, dated financing round. */
export interface FundingStepsRow {
  company_id: string;
  round_id: string;
  step: number;
  date: Date;
  date_raw: string | null;
  round: string | null;
  amount_reported: string | null;
  disclosed: boolean;
  amount_usd_low: number | null;
  amount_usd_mid: number | null;
  amount_usd_high: number | null;
  cum_usd_low: number;
  cum_usd_mid: number;
  cum_usd_high: number;
  conflict_key: string | null;
  source_ids: string[];
}

/** `investor_links`: one row per investor named in a round, aliases already resolved. */
export interface InvestorLinksRow {
  /** Null for a generic mention ("other investors"). */
  investor_id: string | null;
  /** Canonical English name; null for a generic mention. */
  investor: string | null;
  investor_zh: string | null;
  name_as_reported: string;
  company_id: string;
  round_id: string;
  /** The round's label as reported (Series B, angel …). */
  round: string | null;
  round_kind: string;
  /** A deal (round, ipo, disclosure), not a reported total or a round in progress, which name backers without one. */
  is_deal: boolean;
  date: Date | null;
  date_raw: string | null;
  is_lead: boolean;
  source_ids: string[];
}

/** `events`. */
export interface EventsRow {
  id: string;
  company_id: string;
  date: Date | null;
  date_raw: string | null;
  date_precision: string | null;
  date_approx: boolean | null;
  event_type: string;
  course: string | null;
  title: string;
  /** Partners named in the announcement; empty when none. */
  partners: string[];
  conflict_key: string | null;
  notes: string | null;
  source_ids: string[];
  confidence: string | null;
}

/** `models`; `counted` is false for a second report of the same model. */
export interface ModelsRow {
  id: string;
  company_id: string;
  model: string;
  release_date: Date | null;
  release_date_approx: boolean | null;
  release_date_raw: string | null;
  /** released, announced (not yet released) or abandoned (announced, never released). */
  status: string | null;
  params_total_b: number | null;
  params_active_b: number | null;
  params_reported: string | null;
  architecture: string | null;
  open_weights: boolean | null;
  deployment: string | null;
  modality: string | null;
  counted: boolean;
  conflict_key: string | null;
  notes: string | null;
  source_ids: string[];
  confidence: string | null;
}

/** `financials`: reported results per company and fiscal period; `preferred` marks the one row per period charts use. */
export interface FinancialsRow {
  id: string;
  company_id: string;
  /** "2024" (a year), "2025-H1", "2025-9M", "2025-Q3". */
  period: string;
  period_start: Date;
  period_end: Date | null;
  period_months: number;
  /** prospectus, annual_results, interim_results or press. */
  basis: string;
  /** Reporting currency: CNY, USD or HKD. */
  currency: string;
  /** Millions of the reporting currency. */
  revenue_m: number | null;
  /** A loss is positive. */
  net_loss_m: number | null;
  adjusted_net_loss_m: number | null;
  fx_rate: number | null;
  /** USD millions at the period's average rate. */
  revenue_usd_m: number | null;
  net_loss_usd_m: number | null;
  adjusted_net_loss_usd_m: number | null;
  /** The figures as the source gives them. */
  figures_reported: string | null;
  /** The one row per company and period that charts use. */
  preferred: boolean;
  conflict_key: string | null;
  notes: string | null;
  source_ids: string[];
  confidence: string | null;
}

/** `model_counts`: one row per company and release year. */
export interface ModelCountsRow {
  company_id: string;
  year: number;
  releases: number;
  edge: number;
  open_weights: number;
  moe: number;
}

/** Verdicts the build gives a claim against the records fit. */
export type Verdict = "consistent" | "outside" | "different-metric" | "not-comparable" | "target-date" | "no-value" | "no-fit";

/** `claims`, with the build's verdict against the records density fit. */
export interface ClaimsRow {
  id: string;
  claimant: string;
  company_id: string | null;
  date: Date | null;
  date_raw: string | null;
  topic: string;
  metric: string | null;
  value: number | null;
  unit: string | null;
  statement: string;
  status: string | null;
  notes: string | null;
  /** The claim as a doubling (or halving) time in months; null when it has no rate. */
  claimed_months: number | null;
  verdict: Verdict;
  /** e.g. why a claim is not comparable. */
  verdict_note: string | null;
  source_ids: string[];
  confidence: string | null;
}

/** `sources`. */
export interface SourcesRow {
  source_id: string;
  publisher: string;
  title: string;
  url: string | null;
  date_raw: string | null;
  language: string | null;
}

/** `density_points`: the densing-law paper's models. */
export interface DensityPointsRow {
  id: string;
  model: string;
  release_date: Date | null;
  params_b: number | null;
  density: number | null;
  is_record: boolean | null;
  /**
   * Release date of the last earlier point at least as dense (null: none); a point is a record of any window that
   * holds it and starts after this date.
   */
  prior_peak_date: Date | null;
  company_id: string | null;
  source_ids: string[];
  confidence: string | null;
}

/** `density_fit`: the build's fits (records, all). */
export interface DensityFitRow {
  fit_id: string;
  records_only: boolean;
  n: number;
  slope_per_day: number;
  intercept: number;
  origin: Date | null;
  doubling_days: number;
  doubling_months: number;
  r2: number;
  ci_low_months: number;
  ci_high_months: number;
  ci_low_days: number | null;
  ci_high_days: number | null;
  ci_level: number | null;
  window_start: Date | null;
  window_end: Date | null;
}

/** `price_points`. */
export interface PricePointsRow {
  id: string;
  model: string;
  date: Date | null;
  price_usd_per_mtok: number | null;
  on_cheapest_line: boolean | null;
  source_ids: string[];
  confidence: string | null;
}
