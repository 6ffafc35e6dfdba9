/**
 * The per-company facts every page quotes: funding totals, the latest valuation, the current course, the
 * listing, model releases, and the one order and colour a company has in every chart. Computed once from the
 * published tables (so `funding_rounds.counted` decides what is summed), read by the overview's cards, the
 * charts, the company pages, the explorer and the downloads alike.
 */
import * as aq from "arquero";
import type {Row} from "../tables/common.js";
import {latestYear} from "./financials.js";
import {CONFIDENCE_RANK} from "./rounds.js";

const {op} = aq;

/** The atlas's reading order of groups: the six tigers, ModelBest, comparators. */
export const GROUP_ORDER = ["six_tigers", "edge", "comparator"];

// On the same day, a closed round outranks a listing, which outranks a later disclosure, which outranks a
// round still being raised; a reported total never sets the valuation over a dated deal.
const VALUATION_KIND_RANK: Record<string, number> = {round: 0, ipo: 0, disclosure: 1, in_progress: 2, cumulative: 3};

const by = <T>(rows: readonly T[], key: (row: T) => string) => {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), row]);
  return map;
};

/** Sorts with several keys, each ascending. */
function sortBy<T>(rows: readonly T[], ...keys: ((row: T) => number | string)[]): T[] {
  return [...rows].sort((a, b) => {
    for (const key of keys) {
      const [x, y] = [key(a), key(b)];
      if (x < y) return -1;
      if (x > y) return 1;
    }
    return 0;
  });
}
/** The row that sets a company's current course: its latest event with a course (ties: higher confidence, smaller id). */
export function currentCourse(events: readonly Row[]): Row | null {
  const withCourse = events.filter((e) => typeof e.course === "string" && e.course !== "");
  const dated = withCourse.filter((e) => e.date);
  if (!dated.length) return withCourse[0] ?? null;
  return firstBy(dated, [aq.desc("date"), aq.desc("confidence"), "id"], (e) => ({date: e.date, confidence: CONFIDENCE_RANK[e.confidence as string] ?? 0, id: e.id}));
}

/** The first row once sorted by `order` over the keys `keys` computes (arquero sorts, so nulls are handled once). */
function firstBy(rows: readonly Row[], order: (string | object)[], keys: (row: Row) => Row): Row | null {
  if (!rows.length) return null;
  const ranked = aq
    .from(rows.map((r, i) => ({i, ...keys(r)})))
    .orderby(...(order as string[]))
    .objects() as {i: number}[];
  return rows[ranked[0].i];
}

/** The latest row that reports a valuation (ties: kind, then confidence, then id). */
export function latestValuation(rounds: readonly Row[]): Row | null {
  const candidates = rounds.filter((r) => typeof r.valuation_usd_mid === "number" && (r.valuation_usd_mid as number) > 0 && r.date);
  return firstBy(candidates, [aq.desc("date"), "kind_rank", aq.desc("confidence"), "id"], (r) => ({date: r.date, kind_rank: VALUATION_KIND_RANK[r.kind as string] ?? 4, confidence: CONFIDENCE_RANK[r.confidence as string] ?? 0, id: r.id}));
}

/** Funding totals per company over counted rows (sum of bounds over rounds with a disclosed amount). */
export function fundingTotals(rounds: readonly Row[]): Map<string, Row> {
  const financings = rounds.filter((r) => r.kind === "round");
  if (!financings.length) return new Map();
  const totals = aq
    .from(financings.map((r) => ({company_id: r.company_id, counted: r.counted, mid: r.amount_usd_mid ?? null, low: r.amount_usd_low ?? r.amount_usd_mid ?? null, high: r.amount_usd_high ?? r.amount_usd_mid ?? null})))
    .groupby("company_id")
    .rollup({
      disclosed: (d: {counted: boolean; mid: number | null}) => op.sum(d.counted && d.mid != null ? 1 : 0),
      undisclosed: (d: {counted: boolean; mid: number | null}) => op.sum(d.counted && d.mid == null ? 1 : 0),
      superseded: (d: {counted: boolean}) => op.sum(d.counted ? 0 : 1),
      low: (d: {counted: boolean; low: number | null}) => op.sum(d.counted ? d.low : null),
      mid: (d: {counted: boolean; mid: number | null}) => op.sum(d.counted ? d.mid : null),
      high: (d: {counted: boolean; high: number | null}) => op.sum(d.counted ? d.high : null)
    })
    .objects() as Row[];
  return new Map(totals.map((t) => [t.company_id as string, t]));
}

/**
 * One row per company: its primary companies row, in display order, with the facts above. `companies` are the
 * published companies rows; `rounds`, `events` and `models` the published rows of those tables.
 */
export function companySummary({companies, rounds, events, models, financials = []}: {companies: readonly Row[]; rounds: readonly Row[]; events: readonly Row[]; models: readonly Row[]; financials?: readonly Row[]}): Row[] {
  const results = latestYear(financials);
  const primaries = companies.filter((c) => c.is_primary);
  // display_order: group order, then the order of the primary rows in data/companies.csv.
  const ordered = sortBy(
    primaries.map((c, i) => ({c, i, line: Number(String(c.source_row).split(":").at(-1))})),
    ({c}) => rankOf(GROUP_ORDER, c.group as string),
    ({line, i}) => (Number.isFinite(line) ? line : i)
  ).map(({c}) => c);
  const totals = fundingTotals(rounds);
  const roundsBy = by(rounds, (r) => r.company_id as string);
  const eventsBy = by(events, (e) => e.company_id as string);
  const modelsBy = by(models.filter((m) => m.counted), (m) => m.company_id as string);
  return ordered.map((c, index) => {
    const id = c.company_id as string;
    const mine = roundsBy.get(id) ?? [];
    const total = totals.get(id);
    const disclosed = (total?.disclosed as number) ?? 0;
    const valuation = latestValuation(mine);
    const course = currentCourse(eventsBy.get(id) ?? []);
    const listing = sortBy((eventsBy.get(id) ?? []).filter((e) => e.event_type === "ipo_listing" && e.date), (e) => e.date as string, (e) => e.id as string)[0] ?? null;
    const counted = mine.filter((r) => r.counted);
    const reportedTotal = totalCheck(mine);
    const year = results.get(id);
    return {
      company_id: id,
      name_en: c.name_en,
      name_zh: c.name_zh,
      short_en: c.short_en,
      short_zh: c.short_zh,
      label: c.short_zh === c.short_en ? c.short_en : `${c.short_zh} ${c.short_en}`,
      group: c.group,
      display_order: index + 1,
      color: c.color,
      founded: c.founded,
      founded_raw: c.founded_raw,
      course: course?.course ?? null,
      course_event_id: course?.id ?? null,
      course_date: course?.date ?? null,
      course_date_raw: course?.date_raw ?? null,
      course_title: course?.title ?? null,
      course_source_ids: (course?.source_ids as string[]) ?? [],
      funding_usd_low: disclosed ? total!.low : null,
      funding_usd_mid: disclosed ? total!.mid : null,
      funding_usd_high: disclosed ? total!.high : null,
      rounds_counted: disclosed,
      rounds_undisclosed: (total?.undisclosed as number) ?? 0,
      rounds_superseded: (total?.superseded as number) ?? 0,
      // Counted rounds with no date cannot be placed on the cumulative line (funding_steps leaves them out).
      rounds_undated: counted.filter((r) => !r.date).length,
      ...reportedTotal,
      valuation_usd_low: valuation ? (valuation.valuation_usd_low ?? valuation.valuation_usd_mid) : null,
      valuation_usd_mid: valuation ? valuation.valuation_usd_mid : null,
      valuation_usd_high: valuation ? (valuation.valuation_usd_high ?? valuation.valuation_usd_mid) : null,
      valuation_round_id: valuation?.id ?? null,
      valuation_date: valuation?.date ?? null,
      valuation_date_raw: valuation?.date_raw ?? null,
      valuation_reported: valuation?.valuation_reported ?? null,
      valuation_row_kind: valuation?.kind ?? null,
      valuation_conflict_key: valuation?.conflict_key ?? null,
      listing_event_id: listing?.id ?? null,
      listing_date: listing?.date ?? null,
      listing_date_raw: listing?.date_raw ?? null,
      models_released: (modelsBy.get(id) ?? []).length,
      results_period: year?.period ?? null,
      results_financial_id: year?.id ?? null,
      results_basis: year?.basis ?? null,
      results_confidence: year?.confidence ?? null,
      revenue_usd_m: year?.revenue_usd_m ?? null,
      net_loss_usd_m: year?.net_loss_usd_m ?? null,
      source_ids: unionSources([...counted, valuation, mine.find((r) => r.id === reportedTotal.funding_total_round_id), year].filter((r): r is Row => Boolean(r)))
    };
  });
}

/** The counted rounds held against a reported total: the numbers behind `totalCheck`, for a note in any language. */
export interface TotalComparison {
  /** The cumulative row compared against. */
  total: Row;
  /** How many counted rounds have an amount. */
  rounds: number;
  /** The currency of both ranges when every counted round is in the total's currency; null for USD (converted). */
  currency: string | null;
  /** The sum of the rounds (low, high) and the total (low, high), in millions of `currency` or of USD. */
  low: number;
  high: number;
  totalLow: number;
  totalHigh: number;
  /** The two ranges overlap. */
  agrees: boolean;
}

/**
 * Holds the sum of the counted rounds against the company's reported total: the cumulative row with the highest
 * confidence, then the latest date, among those dated on or after the last counted round (an earlier total, such
 * as one year's rounds, covers only part of them). Compared in the total's currency when every counted round is
 * in it (exchange rates would blur the comparison), in USD otherwise; the two agree when their bounds overlap.
 * Null when there is no total to hold the rounds against.
 */
export function totalComparison(rounds: readonly Row[]): TotalComparison | null {
  const counted = rounds.filter((r) => r.counted && typeof r.amount_usd_mid === "number");
  if (!counted.length) return null;
  const last = counted.reduce((d, r) => ((r.date as string) > d ? (r.date as string) : d), "");
  const totals = rounds.filter((r) => r.kind === "cumulative" && typeof r.amount_usd_mid === "number" && r.date && (r.date as string) >= last);
  const total = firstBy(totals, [aq.desc("confidence"), aq.desc("date"), "id"], (r) => ({confidence: CONFIDENCE_RANK[r.confidence as string] ?? 0, date: r.date, id: r.id}));
  if (!total) return null;
  const local = counted.every((r) => r.currency === total.currency);
  const [low, high, totalLow, totalHigh] = local
    ? [sum(counted, "amount_low"), sum(counted, "amount_high"), total.amount_low as number, total.amount_high as number]
    : [sum(counted, "amount_usd_low"), sum(counted, "amount_usd_high"), total.amount_usd_low as number, total.amount_usd_high as number];
  return {total, rounds: counted.length, currency: local ? (total.currency as string) : null, low, high, totalLow, totalHigh, agrees: low <= totalHigh && totalLow <= high};
}

/** `totalComparison` as the company_summary columns, with the note in English. */
export function totalCheck(rounds: readonly Row[]): Row {
  const c = totalComparison(rounds);
  if (!c) return {funding_total_round_id: null, funding_total_reported: null, funding_total_check: null, funding_total_note: null};
  const unit = c.currency ? `million ${c.currency}` : "USD million";
  const range = (a: number, b: number) => (Math.round(a) === Math.round(b) ? `${Math.round(a)}` : `${Math.round(a)}–${Math.round(b)}`);
  return {
    funding_total_round_id: c.total.id,
    funding_total_reported: c.total.amount_reported,
    funding_total_check: c.agrees ? "agrees" : "disagrees",
    funding_total_note:
      `the ${c.rounds} counted rounds with an amount add up to ${range(c.low, c.high)} ${unit}; ` +
      `the reported total ${c.total.id} (${c.total.amount_reported}) gives ${range(c.totalLow, c.totalHigh)} ${unit}` +
      (c.agrees ? "; the ranges overlap" : c.high < c.totalLow ? "; the rounds fall short of it: some rounds are missing or undisclosed" : "; the rounds exceed it: the sources disagree")
  };
}

function sum(rows: readonly Row[], column: string): number {
  return rows.reduce((s, r) => s + ((r[column] as number | null) ?? (r[column.replace(/_(low|high)$/, "_mid")] as number)), 0);
}

/**
 * The cumulative funding line: one row per counted, dated financing round, with running totals of the bounds.
 * An undisclosed round is a step that leaves the totals unchanged.
 */
export function fundingSteps(rounds: readonly Row[]): Row[] {
  const counted = rounds.filter((r) => r.counted && r.date);
  if (!counted.length) return [];
  const zero = (v: unknown) => (typeof v === "number" ? v : 0);
  return (
    aq
      .from(
        counted.map((r) => {
          const disclosed = typeof r.amount_usd_mid === "number";
          const mid = r.amount_usd_mid as number | null;
          return {
            company_id: r.company_id,
            round_id: r.id,
            date: r.date,
            date_raw: r.date_raw,
            round: r.round,
            amount_reported: r.amount_reported,
            disclosed,
            amount_usd_low: disclosed ? (r.amount_usd_low ?? mid) : null,
            amount_usd_mid: disclosed ? mid : null,
            amount_usd_high: disclosed ? (r.amount_usd_high ?? mid) : null,
            add_low: disclosed ? zero(r.amount_usd_low ?? mid) : 0,
            add_mid: disclosed ? zero(mid) : 0,
            add_high: disclosed ? zero(r.amount_usd_high ?? mid) : 0,
            conflict_key: r.conflict_key,
            source_ids: r.source_ids
          };
        })
      )
      .groupby("company_id")
      .orderby("date", "round_id")
      .derive({
        step: op.row_number(),
        cum_usd_low: aq.rolling((d: {add_low: number}) => op.sum(d.add_low), [-Infinity, 0]),
        cum_usd_mid: aq.rolling((d: {add_mid: number}) => op.sum(d.add_mid), [-Infinity, 0]),
        cum_usd_high: aq.rolling((d: {add_high: number}) => op.sum(d.add_high), [-Infinity, 0])
      })
      .ungroup()
      .select(aq.not("add_low", "add_mid", "add_high"))
      .objects() as Row[]
  );
}

/**
 * Model releases per company and year, one per model: a second report of the same model (counted = false) is
 * not a second release.
 */
export function modelCounts(models: readonly Row[]): Row[] {
  const counted = models.filter((m) => m.counted && m.release_date && m.company_id);
  if (!counted.length) return [];
  return aq
    .from(counted.map((m) => ({company_id: m.company_id, year: Number(String(m.release_date).slice(0, 4)), edge: m.deployment === "edge" ? 1 : 0, open: m.open_weights === true ? 1 : 0, moe: m.architecture === "moe" ? 1 : 0, id: m.id})))
    .groupby("company_id", "year")
    .rollup({releases: op.count(), edge: op.sum("edge"), open_weights: op.sum("open"), moe: op.sum("moe"), model_ids: op.array_agg("id")})
    .objects()
    .map((r) => ({...r, model_ids: [...((r as Row).model_ids as string[])].sort()}));
}

/**
 * Which of several reports of one model (a shared conflict_key) counts as the release: the higher confidence,
 * then the earlier date, then the smaller id.
 */
export function countedModels(models: readonly Row[]): Map<string, boolean> {
  const ranked = aq
    .from(models.map((m) => ({id: m.id, group: (m.conflict_key as string | null) ?? `row:${m.id}`, confidence: CONFIDENCE_RANK[m.confidence as string] ?? 0, date: (m.release_date as string | null) ?? "9999"})))
    .groupby("group")
    .orderby(aq.desc("confidence"), "date", "id")
    .derive({rank: op.row_number()})
    .objects() as {id: string; rank: number}[];
  return new Map(ranked.map((r) => [r.id, r.rank === 1]));
}

function rankOf(list: string[], value: string | undefined): number {
  const i = value === undefined ? -1 : list.indexOf(value);
  return i < 0 ? list.length : i;
}

function unionSources(rows: readonly Row[]): string[] {
  return [...new Set(rows.flatMap((r) => (r.source_ids as string[]) ?? []))];
}
