/**
 * The row schema of every curated file in `data/`: its columns in order and the rule for each cell.
 * `data/README.md` documents the same contract for the people who edit the files.
 */
import {z} from "zod";
import {boolean, fuzzyDate, hexColor, id, list, number, oneOf, optional, optionalId, optionalOneOf, required, url} from "./fields.js";

export const CONFIDENCE = ["high", "medium", "low"] as const;
export const CURRENCIES = ["CNY", "USD", "HKD"] as const;
export const GROUPS = ["six_tigers", "edge", "comparator"] as const;
export const ROUND_KINDS = ["round", "ipo", "cumulative", "in_progress", "disclosure"] as const;
export const EVENT_TYPES = [
  "pretraining_abandoned",
  "pivot",
  "partnership_chip",
  "partnership_car",
  "partnership_other",
  "ipo_process",
  "ipo_listing",
  "funding",
  "talent",
  "legal",
  "regulatory",
  "product",
  "strategy",
  "other"
] as const;
export const MODEL_STATUSES = ["released", "announced", "abandoned"] as const;
export const FINANCIAL_BASES = ["prospectus", "annual_results", "interim_results", "press"] as const;
export const COURSES = ["pretraining", "apps", "medical", "edge", "listed"] as const;

const provenance = {
  conflict_key: optional,
  notes: optional,
  source_ids: list({min: 1, ids: true}),
  confidence: oneOf(CONFIDENCE)
};

export const sourceSchema = z.object({
  source_id: id,
  publisher: required,
  title: required,
  date: fuzzyDate(),
  url,
  // Any ISO 639-1 code: most sources are Chinese or English, but a model card may be read in a Japanese or
  // Portuguese copy, and the page marks each title with its own language.
  language: z
    .string()
    .transform((s) => s.trim())
    .refine((s) => /^[a-z]{2}$/.test(s), {message: "must be an ISO 639-1 code such as zh or en"}),
  kind: oneOf(["news", "filing", "paper", "repository", "dataset", "company", "aggregator", "seed"]),
  via: optional,
  // The source this one is a copy of (a seed article that is the same text as a registered repost): rows cite
  // the original, so one article never counts as two.
  copy_of: optionalId,
  notes: optional
});

export const companySchema = z.object({
  id,
  company_id: id,
  row_type: oneOf(["primary", "variant"]),
  // A variant row repeats only what it disputes; names and group come from the primary row.
  name_en: optional,
  name_zh: optional,
  short_en: optional,
  short_zh: optional,
  founded: fuzzyDate({required: false}),
  founders: list(),
  hq_city: optional,
  group: optionalOneOf(GROUPS),
  // The one colour a company has in every chart; data, so a fork that adds a company adds its colour here.
  color: hexColor,
  ...provenance
});

export const fundingRoundSchema = z.object({
  id,
  company_id: id,
  date: fuzzyDate(),
  kind: oneOf(ROUND_KINDS),
  round: required,
  amount_reported: optional,
  currency: optionalOneOf(CURRENCIES),
  lead_investors: list(),
  investors: list(),
  valuation_reported: optional,
  valuation_currency: optionalOneOf(CURRENCIES),
  valuation_basis: optionalOneOf(["pre", "post", "unspecified"]),
  // Where the context bounds a vague amount ("> $200M" raised at a ~$300M post-money valuation), the bound
  // and its reason are data, not a rule of the parser.
  amount_cap: optional,
  valuation_cap: optional,
  cap_note: optional,
  ...provenance
});

export const modelSchema = z.object({
  id,
  company_id: id,
  model: required,
  release_date: fuzzyDate(),
  // Only released models count as releases; an announced or abandoned model keeps its row for the record.
  status: oneOf(MODEL_STATUSES),
  params_total_b: number({positive: true}),
  params_active_b: number({positive: true}),
  params_reported: optional,
  architecture: oneOf(["dense", "moe", "unknown"]),
  open_weights: boolean,
  deployment: oneOf(["cloud", "edge"]),
  modality: oneOf(["text", "vision-language", "omni", "speech", "other"]),
  ...provenance
});

export const eventSchema = z.object({
  id,
  company_id: id,
  date: fuzzyDate(),
  event_type: oneOf(EVENT_TYPES),
  course: optionalOneOf(COURSES),
  title: required,
  // One announcement is one event, with every partner named in it.
  partners: list(),
  ...provenance
});

export const claimSchema = z.object({
  id,
  claimant: required,
  company_id: z.string().transform((s) => s.trim() || null),
  date: fuzzyDate(),
  topic: oneOf(["density_doubling", "device_timeline", "capability", "market"]),
  metric: optional,
  value: number(),
  unit: optional,
  statement: required,
  status: oneOf(["published", "stated", "reported", "unverified"]),
  // Why the claim cannot be scored against the density fit although its metric matches; blank when it can.
  not_comparable: optional,
  ...provenance
});

export const densityPointSchema = z.object({
  id,
  model: required,
  release_date: fuzzyDate(),
  // Some plotted models carry no size in their label (Mixtral-8x7B); blank means not stated, never zero.
  params_b: number({positive: true}),
  density: number({positive: true, isRequired: true}),
  is_record: boolean,
  in_arxiv_v2: boolean,
  company_id: z.string().transform((s) => s.trim() || null),
  value_status: required,
  source_ids: provenance.source_ids,
  confidence: provenance.confidence
});

export const pricePointSchema = z.object({
  id,
  model: required,
  date: fuzzyDate(),
  price_usd_per_mtok: number({positive: true, isRequired: true}),
  on_cheapest_line: boolean,
  value_status: required,
  source_ids: provenance.source_ids,
  confidence: provenance.confidence
});

export const fxRateSchema = z.object({
  id,
  period: z
    .string()
    .transform((s) => s.trim())
    .refine((s) => /^\d{4}(-(0[1-9]|1[0-2]))?$/.test(s), {message: "must be YYYY (annual) or YYYY-MM (monthly)"}),
  currency: oneOf(["CNY", "HKD"]),
  units_per_usd: number({positive: true, isRequired: true}),
  kind: oneOf(["annual_avg", "monthly_avg"]),
  status: oneOf(["read", "derived", "partial"]),
  source_ids: provenance.source_ids
});

/**
 * Reported results: revenue and losses for a fiscal period, in millions of the reporting currency. A loss is a
 * positive number, as the filings print it.
 */
export const financialSchema = z.object({
  id,
  company_id: id,
  period: z
    .string()
    .transform((s) => s.trim())
    .refine((s) => /^\d{4}(-(H1|H2|9M|Q[1-4]))?$/.test(s), {message: "must be YYYY (fiscal year), YYYY-H1, YYYY-H2, YYYY-9M or YYYY-Q1…Q4"}),
  basis: oneOf(FINANCIAL_BASES),
  currency: oneOf(CURRENCIES),
  revenue_m: number({min: 0}),
  net_loss_m: number(),
  adjusted_net_loss_m: number(),
  figures_reported: required,
  ...provenance
});

/**
 * Names under which investors appear in funding rows, mapped to one investor. A group's arms count as the group
 * (Alibaba Cloud → Alibaba); a row with a blank investor_id marks a generic mention ("other investors").
 */
export const investorAliasSchema = z.object({
  alias: required,
  investor_id: optionalId,
  investor: optional,
  investor_zh: optional,
  note: required
});

/** Each curated file, its schema, and its columns in the order the header must have them. */
export const SOURCE_FILES = {
  sources: {file: "sources.csv", schema: sourceSchema, key: "source_id"},
  companies: {file: "companies.csv", schema: companySchema, key: "id"},
  funding_rounds: {file: "funding_rounds.csv", schema: fundingRoundSchema, key: "id"},
  models: {file: "models.csv", schema: modelSchema, key: "id"},
  events: {file: "events.csv", schema: eventSchema, key: "id"},
  claims: {file: "claims.csv", schema: claimSchema, key: "id"},
  density_points: {file: "density_points.csv", schema: densityPointSchema, key: "id"},
  price_points: {file: "price_points.csv", schema: pricePointSchema, key: "id"},
  financials: {file: "financials.csv", schema: financialSchema, key: "id"},
  fx_rates: {file: "fx_rates.csv", schema: fxRateSchema, key: "id"},
  investor_aliases: {file: "investor_aliases.csv", schema: investorAliasSchema, key: "alias"}
} as const;

export type SourceName = keyof typeof SOURCE_FILES;

/** The files whose rows are facts and cite sources (every file but the registry itself and the alias list). */
export const CITING_FILES = ["companies", "funding_rounds", "models", "events", "claims", "financials", "density_points", "price_points", "fx_rates"] as const satisfies readonly SourceName[];
export type CitingName = (typeof CITING_FILES)[number];

export function columnsOf(name: SourceName): string[] {
  return Object.keys(SOURCE_FILES[name].schema.shape);
}
