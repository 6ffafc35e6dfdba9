/**
 * A small world shaped like the published tables (company_summary, funding_rounds with counted, funding_steps,
 * investor_links, events, models, claims, density_fit, sources), for the component tests. Hand-made so a
 * curator's edit to data/ cannot break a chart test, and so each edge case the charts must show is here on
 * purpose: an undisclosed round, a second report of a round left out, an IPO, a company with no valuation,
 * one with no funding at all, names equal in both languages, a generic investor mention, an alias already
 * resolved, claims with every verdict.
 *
 * The derived columns are typed in by hand, consistent with each other (alpha's cum_usd_mid ends at its
 * funding_usd_mid): the rules that derive them are tested on the build side.
 */
import {indexSources} from "../../src/components/chart.js";
import type {
  ClaimsRow,
  CompaniesRow,
  CompanySummaryRow,
  DensityFitRow,
  DensityPointsRow,
  EventsRow,
  FundingRoundsRow,
  FinancialsRow,
  FundingStepsRow,
  InvestorLinksRow,
  ModelCountsRow,
  ModelsRow,
  PricePointsRow,
  SourcesRow
} from "../../src/components/rows.js";

export const utc = (y: number, m = 1, d = 1) => new Date(Date.UTC(y, m - 1, d));

export const sourceRows: SourcesRow[] = [
  {source_id: "s1", publisher: "Example Daily", title: "Alpha raises", url: "https://example.com/1", date_raw: "2024-03", language: "en"},
  {source_id: "s2", publisher: "Filing Office", title: "Beta prospectus", url: "https://example.com/2", date_raw: "2025-06", language: "en"},
  {source_id: "s3", publisher: "No Link Weekly", title: "Gamma", url: null, date_raw: null, language: "zh"}
];
export const sources = indexSources(sourceRows);

/** A company_summary row; everything not given is empty (no funding, no valuation, no course). */
export function summary(company_id: string, short_en: string, short_zh: string, extra: Partial<CompanySummaryRow> = {}): CompanySummaryRow {
  return {
    company_id,
    name_en: short_en,
    name_zh: short_zh,
    short_en,
    short_zh,
    label: short_en === short_zh ? short_en : `${short_zh} ${short_en}`,
    group: "six_tigers",
    display_order: 99,
    color: "#4e79a7",
    founded: null,
    founded_raw: null,
    course: null,
    course_event_id: null,
    course_date: null,
    course_date_raw: null,
    course_title: null,
    course_source_ids: null,
    funding_usd_low: null,
    funding_usd_mid: null,
    funding_usd_high: null,
    rounds_counted: 0,
    rounds_undisclosed: 0,
    rounds_superseded: 0,
    rounds_undated: 0,
    funding_total_round_id: null,
    funding_total_reported: null,
    funding_total_check: null,
    funding_total_note: null,
    valuation_usd_low: null,
    valuation_usd_mid: null,
    valuation_usd_high: null,
    valuation_round_id: null,
    valuation_date: null,
    valuation_date_raw: null,
    valuation_reported: null,
    valuation_row_kind: null,
    valuation_conflict_key: null,
    listing_event_id: null,
    listing_date: null,
    listing_date_raw: null,
    models_released: 0,
    results_period: null,
    results_financial_id: null,
    results_basis: null,
    results_confidence: null,
    revenue_usd_m: null,
    net_loss_usd_m: null,
    source_ids: [],
    ...extra
  };
}

/** Deliberately not in alphabetical order or input order: display_order decides. */
export const companySummary: CompanySummaryRow[] = [
  summary("alpha", "Alpha", "甲", {
    display_order: 1,
    color: "#4e79a7",
    founded: utc(2019, 6),
    founded_raw: "2019-06",
    course: "listed",
    course_event_id: "alpha-listing",
    course_date: utc(2025, 12, 30),
    course_date_raw: "2025-12-30",
    course_title: "Alpha lists in Hong Kong",
    course_source_ids: ["s1"],
    funding_usd_low: 60,
    funding_usd_mid: 70,
    funding_usd_high: 80,
    rounds_counted: 2,
    rounds_undisclosed: 1,
    valuation_usd_low: 900,
    valuation_usd_mid: 1000,
    valuation_usd_high: 1100,
    valuation_round_id: "a2",
    valuation_date: utc(2024, 3),
    valuation_date_raw: "2024-03",
    valuation_reported: "about $1bn",
    valuation_row_kind: "round",
    listing_event_id: "alpha-listing",
    listing_date: utc(2025, 12, 30),
    listing_date_raw: "2025-12-30",
    models_released: 2,
    funding_total_round_id: "a-total",
    funding_total_reported: "about $75m",
    funding_total_check: "agrees",
    funding_total_note: "the 2 counted rounds add up to 60–80 USD million; the reported total gives 70–80; the ranges overlap",
    results_period: "2025",
    results_financial_id: "alpha-2025",
    results_basis: "annual_results",
    results_confidence: "high",
    revenue_usd_m: 30,
    net_loss_usd_m: 250,
    source_ids: ["s1"]
  }),
  summary("beta", "Beta", "Beta", {
    display_order: 2,
    color: "#f28e2b",
    founded: utc(2021, 12),
    founded_raw: "2021-12",
    course: "pretraining",
    course_event_id: "beta-pretrain",
    course_date: utc(2025, 4),
    course_date_raw: "2025-04",
    course_title: "Beta keeps training",
    course_source_ids: ["s2"],
    funding_usd_low: 490,
    funding_usd_mid: 490,
    funding_usd_high: 490,
    rounds_counted: 2,
    rounds_superseded: 1,
    valuation_usd_low: 2000,
    valuation_usd_mid: 2000,
    valuation_usd_high: 3000,
    valuation_round_id: "b-disclosure",
    valuation_date: utc(2025, 6),
    valuation_date_raw: "2025-06",
    valuation_reported: "$2-3bn",
    valuation_row_kind: "disclosure",
    valuation_conflict_key: "beta-valuation",
    models_released: 1,
    funding_total_round_id: "beta-total",
    funding_total_reported: "超40亿元",
    funding_total_check: "disagrees",
    funding_total_note: "the 2 counted rounds add up to 490 USD million; the reported total gives 550–560; the ranges do not overlap",
    results_period: "2024",
    results_financial_id: "beta-2024-press",
    results_basis: "press",
    results_confidence: "low",
    revenue_usd_m: 12,
    source_ids: ["s1", "s2"]
  }),
  summary("gamma", "Gamma", "丙", {
    group: "edge",
    display_order: 3,
    color: "#59a14f",
    founded: utc(2022),
    founded_raw: "2022",
    course: "edge",
    course_event_id: "gamma-edge",
    course_date: utc(2024, 9),
    course_date_raw: "2024-09",
    course_title: "Gamma goes on-device",
    course_source_ids: ["s3"],
    funding_usd_low: 5,
    funding_usd_mid: 5,
    funding_usd_high: 5,
    rounds_counted: 1,
    models_released: 1,
    source_ids: ["s3"]
  }),
  // A comparator with results but no funding rows (as a listed group reports).
  summary("delta", "Delta", "丁", {
    group: "comparator",
    display_order: 4,
    color: "#9c755f",
    results_period: "2024",
    results_financial_id: "delta-2024",
    results_basis: "annual_results",
    results_confidence: "medium",
    revenue_usd_m: 800,
    net_loss_usd_m: 220,
    source_ids: ["s3"]
  })
];

/** The companies table: primary rows, and a variant row reporting another founding date for beta. */
export const companies: CompaniesRow[] = [
  ...companySummary.map((c) => ({
    id: c.company_id,
    company_id: c.company_id,
    row_type: "primary",
    is_primary: true,
    name_en: c.name_en,
    name_zh: c.name_zh,
    short_en: c.short_en,
    short_zh: c.short_zh,
    group: c.group,
    founded: c.founded,
    founded_raw: c.founded_raw,
    founded_precision: "month",
    conflict_key: c.company_id === "beta" ? "beta-founding" : null,
    source_ids: ["s1"]
  })),
  {
    id: "beta-founding-2022",
    company_id: "beta",
    row_type: "variant",
    is_primary: false,
    name_en: "Beta",
    name_zh: "Beta",
    short_en: "Beta",
    short_zh: "Beta",
    group: "six_tigers",
    founded: utc(2022, 1),
    founded_raw: "2022-01",
    founded_precision: "month",
    conflict_key: "beta-founding",
    source_ids: ["s2"]
  }
];

/** A funding_rounds row; counted unless told otherwise. */
export function round(partial: Partial<FundingRoundsRow> & {id: string; company_id: string}): FundingRoundsRow {
  return {
    date: utc(2024),
    date_raw: null,
    date_precision: "month",
    kind: "round",
    round: null,
    amount_reported: null,
    amount_kind: null,
    amount_usd_low: null,
    amount_usd_mid: null,
    amount_usd_high: null,
    lead_investors: [],
    investors: [],
    valuation_reported: null,
    valuation_kind: null,
    valuation_basis: null,
    valuation_usd_low: null,
    valuation_usd_mid: null,
    valuation_usd_high: null,
    cap_note: null,
    date_note: null,
    conflict_key: null,
    notes: null,
    counted: true,
    counted_note: null,
    source_ids: ["s1"],
    confidence: "medium",
    ...partial
  };
}

const usd = (low: number, mid: number, high: number) => ({amount_usd_low: low, amount_usd_mid: mid, amount_usd_high: high});

export const fundingRounds: FundingRoundsRow[] = [
  round({id: "a1", company_id: "alpha", date: utc(2023, 1), date_raw: "2023-01", round: "Angel", amount_reported: "$50m", ...usd(50, 50, 50)}),
  round({id: "a2", company_id: "alpha", date: utc(2024, 3), date_raw: "2024-03", round: "Series A", amount_reported: "数亿元", ...usd(10, 20, 30), valuation_reported: "about $1bn", valuation_kind: "approx", valuation_usd_low: 900, valuation_usd_mid: 1000, valuation_usd_high: 1100}),
  round({id: "a3", company_id: "alpha", date: utc(2024, 6), date_raw: "2024-06", round: "Series B", amount_reported: "undisclosed"}),
  round({id: "a-ipo", company_id: "alpha", kind: "ipo", date: utc(2025, 12, 30), date_raw: "2025-12-30", round: "IPO", amount_reported: "HK$1bn", ...usd(128, 128, 128), counted: false, counted_note: "an IPO, not a private round"}),
  round({id: "b1", company_id: "beta", date: utc(2023, 6), date_raw: "2023-06", round: "Series A", amount_reported: "$100m", ...usd(100, 100, 100), source_ids: ["s2"]}),
  round({id: "b2", company_id: "beta", date: utc(2025, 2), date_raw: "2025-02", round: "Series B", amount_reported: "$390m", ...usd(390, 390, 390), conflict_key: "beta-b", source_ids: ["s2"]}),
  round({id: "b2-press", company_id: "beta", date: utc(2025, 1), date_raw: "2025-01", round: "Series B", amount_reported: "$300m", ...usd(300, 300, 300), conflict_key: "beta-b", counted: false, counted_note: "same round as b2, which has the disclosed amount"}),
  round({id: "b-disclosure", company_id: "beta", kind: "disclosure", date: utc(2025, 6), date_raw: "2025-06", valuation_reported: "$2-3bn", valuation_kind: "vague", valuation_usd_low: 2000, valuation_usd_mid: 2000, valuation_usd_high: 3000, conflict_key: "beta-valuation", counted: false, counted_note: "a disclosure, not a round", source_ids: ["s2"]}),
  round({id: "g1", company_id: "gamma", date: utc(2024, 1), date_raw: "2024-01", round: "Seed", amount_reported: "$5m", ...usd(5, 5, 5), source_ids: ["s3"]})
];

/** A funding_steps row. */
function step(company_id: string, round_id: string, n: number, date: Date, amounts: [number, number, number] | null, cum: [number, number, number], extra: Partial<FundingStepsRow> = {}): FundingStepsRow {
  const r = fundingRounds.find((x) => x.id === round_id)!;
  return {
    company_id,
    round_id,
    step: n,
    date,
    date_raw: r.date_raw,
    round: r.round,
    amount_reported: r.amount_reported,
    disclosed: amounts !== null,
    amount_usd_low: amounts?.[0] ?? null,
    amount_usd_mid: amounts?.[1] ?? null,
    amount_usd_high: amounts?.[2] ?? null,
    cum_usd_low: cum[0],
    cum_usd_mid: cum[1],
    cum_usd_high: cum[2],
    conflict_key: r.conflict_key,
    source_ids: r.source_ids,
    ...extra
  };
}

/** Given out of order on purpose: `step` orders the line. */
export const fundingSteps: FundingStepsRow[] = [
  step("alpha", "a2", 2, utc(2024, 3), [10, 20, 30], [60, 70, 80]),
  step("alpha", "a1", 1, utc(2023, 1), [50, 50, 50], [50, 50, 50]),
  step("alpha", "a3", 3, utc(2024, 6), null, [60, 70, 80]),
  step("beta", "b1", 1, utc(2023, 6), [100, 100, 100], [100, 100, 100]),
  step("beta", "b2", 2, utc(2025, 2), [390, 390, 390], [490, 490, 490]),
  step("gamma", "g1", 1, utc(2024, 1), [5, 5, 5], [5, 5, 5])
];

function link(investor_id: string | null, investor: string | null, name_as_reported: string, round_id: string, extra: Partial<InvestorLinksRow> = {}): InvestorLinksRow {
  const r = fundingRounds.find((x) => x.id === round_id);
  const row: InvestorLinksRow = {
    investor_id,
    investor,
    investor_zh: null,
    name_as_reported,
    company_id: r?.company_id ?? "beta",
    round_id,
    round: r?.round ?? null,
    round_kind: r?.kind ?? "round",
    date: r?.date ?? null,
    date_raw: r?.date_raw ?? null,
    is_lead: false,
    source_ids: r?.source_ids ?? ["s1"],
    is_deal: true,
    ...extra
  };
  // As the build publishes it: a deal is a row of kind round, ipo or disclosure.
  return {...row, is_deal: extra.is_deal ?? ["round", "ipo", "disclosure"].includes(row.round_kind)};
}

export const investorLinks: InvestorLinksRow[] = [
  link("alibaba", "Alibaba", "Alibaba Cloud", "a1", {is_lead: true}),
  link("alibaba", "Alibaba", "阿里巴巴", "b1"),
  link("alibaba", "Alibaba", "Alibaba", "b2"),
  link("tencent", "Tencent", "腾讯", "a2", {investor_zh: "腾讯"}),
  link("tencent", "Tencent", "Tencent", "g1"),
  link("zeta", "Zeta Fund", "Zeta Fund", "g1", {is_lead: true}),
  link(null, null, "other investors", "b1"),
  // Named only in a reported total: no deal to tie the investor to.
  link("ghost", "Ghost Capital", "Ghost Capital", "beta-total", {company_id: "beta", round_kind: "cumulative"})
];

function event(id: string, company_id: string, date: Date | null, event_type: string, extra: Partial<EventsRow> = {}): EventsRow {
  return {id, company_id, date, date_raw: null, date_precision: "month", date_approx: false, event_type, course: null, title: id, partners: [], conflict_key: null, notes: null, source_ids: ["s1"], confidence: "medium", ...extra};
}

export const events: EventsRow[] = [
  event("alpha-listing", "alpha", utc(2025, 12, 30), "ipo_listing", {course: "listed", title: "Alpha lists in Hong Kong", date_raw: "2025-12-30"}),
  event("beta-pretrain", "beta", utc(2025, 4), "strategy", {course: "pretraining", title: "Beta keeps training"}),
  event("gamma-edge", "gamma", utc(2024, 9), "pivot", {course: "edge", title: "Gamma goes on-device"}),
  event("gamma-chip", "gamma", utc(2024, 9), "partnership_chip", {partners: ["ChipCo"], title: "Gamma and ChipCo"}),
  event("gamma-car", "gamma", utc(2025, 3), "partnership_car", {partners: ["CarCo"], title: "Gamma and CarCo", date_approx: true}),
  event("industry-rules", "industry", utc(2023, 8), "regulatory", {title: "Rules for generative AI"}),
  event("delta-undated", "delta", null, "product", {title: "Undated product"})
];

function model(id: string, company_id: string, release_date: Date, params_total_b: number | null, extra: Partial<ModelsRow> = {}): ModelsRow {
  return {
    id,
    company_id,
    model: id,
    release_date,
    release_date_approx: false,
    release_date_raw: null,
    status: "released",
    params_total_b,
    params_active_b: null,
    params_reported: null,
    architecture: "dense",
    open_weights: false,
    deployment: "cloud",
    modality: "text",
    counted: true,
    conflict_key: null,
    notes: null,
    source_ids: ["s1"],
    confidence: "medium",
    ...extra
  };
}

export const models: ModelsRow[] = [
  model("alpha-1", "alpha", utc(2023, 6), 130),
  model("alpha-moe", "alpha", utc(2025, 1), 355, {architecture: "moe", params_active_b: 32, open_weights: true}),
  model("beta-1", "beta", utc(2024, 2), null),
  model("gamma-mini", "gamma", utc(2024, 9), 2.4, {deployment: "edge", open_weights: true})
];

export const modelCounts: ModelCountsRow[] = [
  {company_id: "alpha", year: 2023, releases: 1, edge: 0, open_weights: 0, moe: 0},
  {company_id: "alpha", year: 2025, releases: 1, edge: 0, open_weights: 1, moe: 1},
  {company_id: "beta", year: 2024, releases: 1, edge: 0, open_weights: 0, moe: 0},
  {company_id: "gamma", year: 2024, releases: 1, edge: 1, open_weights: 1, moe: 0}
];

export const densityFit: DensityFitRow[] = [
  {fit_id: "records", records_only: true, n: 12, slope_per_day: 0.0066, intercept: -2, origin: utc(2023, 2, 24), doubling_days: 105, doubling_months: 3.45, r2: 0.9, ci_low_months: 3.0, ci_high_months: 4.0, ci_low_days: 91, ci_high_days: 122, ci_level: 0.95, window_start: utc(2023, 2, 24), window_end: utc(2025, 4, 30)},
  {fit_id: "all", records_only: false, n: 51, slope_per_day: 0.005, intercept: -2.5, origin: utc(2023, 2, 24), doubling_days: 140, doubling_months: 4.6, r2: 0.6, ci_low_months: 3.9, ci_high_months: 5.8, ci_low_days: null, ci_high_days: null, ci_level: 0.95, window_start: utc(2023, 2, 24), window_end: utc(2025, 4, 30)}
];

function claim(id: string, verdict: ClaimsRow["verdict"], extra: Partial<ClaimsRow> = {}): ClaimsRow {
  return {
    id,
    claimant: `${id} claimant`,
    company_id: null,
    date: utc(2025, 1),
    date_raw: "2025-01",
    topic: "density_doubling",
    metric: "capability_density",
    value: 3.5,
    unit: "months",
    statement: `${id} statement`,
    status: "published",
    notes: null,
    claimed_months: 3.5,
    verdict,
    verdict_note: null,
    source_ids: ["s1"],
    confidence: "high",
    ...extra
  };
}

/** One claim per verdict the build writes. */
export const claims: ClaimsRow[] = [
  claim("paper", "consistent"),
  claim("fast", "outside", {value: 100, unit: "days", claimed_months: 100 / 30.4375, date: utc(2024, 12), date_raw: "2024-12"}),
  claim("knowledge", "different-metric", {metric: "knowledge_density", value: 8, claimed_months: 8, date: utc(2024, 4), date_raw: "2024-04"}),
  claim("before", "not-comparable", {verdict_note: "the points start in February 2023; they cannot test the earlier rate", date: utc(2025, 2), date_raw: "2025-02"}),
  claim("device", "target-date", {topic: "device_timeline", metric: "gpt4_level_on_device", value: 2026, unit: "year", claimed_months: null, date: utc(2025, 3), date_raw: "2025-03"}),
  claim("vague", "no-value", {value: null, unit: null, claimed_months: null, date: utc(2025, 4), date_raw: "2025-04"}),
  claim("other-topic", "no-value", {topic: "capability", date: utc(2025, 5)})
];

/** A financials row in USD unless told otherwise; preferred unless told otherwise. */
export function financial(partial: Partial<FinancialsRow> & {id: string; company_id: string; period: string}): FinancialsRow {
  const year = Number(partial.period.slice(0, 4));
  return {
    period_start: utc(year),
    period_end: utc(year, 12, 31),
    period_months: 12,
    basis: "annual_results",
    currency: "USD",
    revenue_m: null,
    net_loss_m: null,
    adjusted_net_loss_m: null,
    fx_rate: 1,
    revenue_usd_m: partial.revenue_m ?? null,
    net_loss_usd_m: partial.net_loss_m ?? null,
    adjusted_net_loss_usd_m: partial.adjusted_net_loss_m ?? null,
    figures_reported: null,
    preferred: true,
    conflict_key: null,
    notes: null,
    source_ids: ["s1"],
    confidence: "high",
    ...partial
  };
}

/** Alpha files results (a year and a half-year); beta's year comes from two press reports; delta is a listed group. */
export const financials: FinancialsRow[] = [
  financial({id: "alpha-2024", company_id: "alpha", period: "2024", basis: "prospectus", revenue_m: 10, net_loss_m: 120, adjusted_net_loss_m: 90, figures_reported: "revenue $10m; net loss $120m"}),
  financial({id: "alpha-2025-h1", company_id: "alpha", period: "2025-H1", period_start: utc(2025), period_end: utc(2025, 6, 30), period_months: 6, basis: "interim_results", revenue_m: 12, net_loss_m: 100}),
  financial({id: "alpha-2025", company_id: "alpha", period: "2025", revenue_m: 30, net_loss_m: 250, adjusted_net_loss_m: 150, figures_reported: "revenue $30m; net loss $250m"}),
  financial({
    id: "beta-2024-press",
    company_id: "beta",
    period: "2024",
    basis: "press",
    currency: "CNY",
    revenue_m: 86.4,
    fx_rate: 7.2,
    revenue_usd_m: 12,
    figures_reported: "收入8640万元",
    conflict_key: "beta-2024",
    source_ids: ["s2"],
    confidence: "low"
  }),
  financial({id: "beta-2024-digest", company_id: "beta", period: "2024", basis: "press", currency: "CNY", revenue_m: 80, fx_rate: 7.2, revenue_usd_m: 11.1, conflict_key: "beta-2024", preferred: false, confidence: "low"}),
  financial({id: "delta-2024", company_id: "delta", period: "2024", basis: "annual_results", currency: "CNY", revenue_m: 5760, net_loss_m: 1584, fx_rate: 7.2, revenue_usd_m: 800, net_loss_usd_m: 220, notes: "group figures", source_ids: ["s3"], confidence: "medium"})
];

// --- The pivots and density pages (their findings in both languages) ----------------------------------------

/**
 * An edge company with the id the pivots page asks about ("modelbest"), its partnership events (one partner
 * with its Chinese name in brackets, as the data gives some) and a tiger that scaled back pre-training.
 */
export const edgeCompany: CompanySummaryRow = summary("modelbest", "ModelBest", "面壁智能", {
  group: "edge",
  display_order: 5,
  course: "edge",
  models_released: 3
});

export const pivotEvents: EventsRow[] = [
  event("modelbest-car", "modelbest", utc(2024, 9), "partnership_car", {partners: ["Wutong Auto (梧桐汽车)"], title: "ModelBest and Wutong Auto", date_raw: "2024-09"}),
  event("modelbest-chip", "modelbest", utc(2025, 5, 21), "partnership_chip", {partners: ["Qualcomm", "Intel"], title: "ModelBest names its chip partners", date_raw: "2025-05-21", confidence: "high"}),
  event("beta-scaled-back", "beta", utc(2025, 6), "pretraining_abandoned", {title: "Beta scales back pre-training", date_raw: "2025-06 (approx.)"})
];

export const pivotModelCounts: ModelCountsRow[] = [
  ...modelCounts,
  {company_id: "modelbest", year: 2024, releases: 2, edge: 2, open_weights: 2, moe: 0},
  {company_id: "modelbest", year: 2025, releases: 1, edge: 1, open_weights: 0, moe: 0}
];

function point(id: string, release_date: Date, density: number, is_record: boolean, prior_peak_date: Date | null = null, params_b = 7): DensityPointsRow {
  return {id, model: id, release_date, params_b, density, is_record, prior_peak_date, company_id: null, source_ids: ["s1"], confidence: "high"};
}

/** Density doubling every 90 days on the records; one point below the running maximum (p2 is its prior peak). */
export const densityPoints: DensityPointsRow[] = [
  point("p1", utc(2023, 3, 1), 1, true),
  point("p2", utc(2023, 5, 30), 2, true),
  point("p3", utc(2023, 7, 1), 1.5, false, utc(2023, 5, 30)),
  point("p4", utc(2023, 8, 28), 4, true),
  point("p5", utc(2023, 11, 26), 8, true)
];

/** Three cheapest-line prices falling by half every 60 days, and one more expensive price off the line. */
export const pricePoints: PricePointsRow[] = [
  {id: "pp1", model: "Big", date: utc(2023, 1, 1), price_usd_per_mtok: 20, on_cheapest_line: true, source_ids: ["s1"], confidence: "high"},
  {id: "pp2", model: "Mid", date: utc(2023, 3, 2), price_usd_per_mtok: 10, on_cheapest_line: true, source_ids: ["s1"], confidence: "high"},
  {id: "pp3", model: "Dear", date: utc(2023, 4, 1), price_usd_per_mtok: 30, on_cheapest_line: false, source_ids: ["s1"], confidence: "high"},
  {id: "pp4", model: "Flash", date: utc(2023, 7, 1), price_usd_per_mtok: 2.5, on_cheapest_line: true, source_ids: ["s1"], confidence: "high"}
];
