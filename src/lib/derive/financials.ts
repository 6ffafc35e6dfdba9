/**
 * Which report of a company's results for a period the charts use, and each company's latest full year. A
 * filing outranks the press; among equals, the higher confidence, then the later basis date, then the id.
 */
import * as aq from "arquero";
import type {Row} from "../tables/common.js";
import {CONFIDENCE_RANK} from "./rounds.js";

const {op} = aq;

export const BASIS_RANK: Record<string, number> = {annual_results: 4, interim_results: 3, prospectus: 3, press: 1};

/** Ids of the preferred row per (company, period). */
export function preferredResults(rows: readonly Row[]): Set<string> {
  if (!rows.length) return new Set();
  const ranked = aq
    .from(rows.map((r) => ({id: r.id, group: `${r.company_id}|${r.period}`, basis: BASIS_RANK[r.basis as string] ?? 0, confidence: CONFIDENCE_RANK[r.confidence as string] ?? 0})))
    .groupby("group")
    .orderby(aq.desc("basis"), aq.desc("confidence"), "id")
    .derive({rank: op.row_number()})
    .objects() as {id: string; rank: number}[];
  return new Set(ranked.filter((r) => r.rank === 1).map((r) => r.id));
}

/** Each company's latest full fiscal year with a reported revenue, from the preferred rows. */
export function latestYear(rows: readonly Row[]): Map<string, Row> {
  const years = rows.filter((r) => r.preferred && r.period_months === 12 && typeof r.revenue_usd_m === "number");
  const latest = new Map<string, Row>();
  for (const r of years) {
    const seen = latest.get(r.company_id as string);
    if (!seen || (r.period_start as string) > (seen.period_start as string)) latest.set(r.company_id as string, r);
  }
  return latest;
}
