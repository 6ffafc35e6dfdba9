/**
 * Which financing rows enter the funding totals, decided once for every chart, query and download.
 *
 * Only rows of kind 'round' are financings: an IPO, a reported total, a round still being raised or a
 * disclosure would count money twice or count money not yet raised. Rows of kind 'round' that share a
 * conflict_key report the same round differently (MiniMax's 2025 round appears once from the press and once
 * from the prospectus), so one of them is kept: the one with a disclosed amount (the totals are of disclosed
 * money), then the higher confidence, then the later report, then the smaller id.
 */
import * as aq from "arquero";
import {periodEnd, type FuzzyDate} from "../dates.js";
import type {Row} from "../tables/common.js";

const {op} = aq;

/** Confidence labels as ranks, so a better-sourced report can be preferred over another. */
export const CONFIDENCE_RANK: Record<string, number> = {high: 3, medium: 2, low: 1};

/** Why a row of another kind never enters the totals. */
export const KIND_NOTES: Record<string, string> = {
  ipo: "an IPO: money raised on listing, not a private financing round",
  cumulative: "a reported total of several rounds; the rounds themselves are counted",
  in_progress: "a round still being raised when reported; counted once it closes",
  disclosure: "a disclosure (a valuation or a stake), not a financing"
};

export interface CountedMark {
  counted: boolean;
  counted_note: string | null;
}

/**
 * `counted` and `counted_note` for each funding row, by id. Rows need id, kind, conflict_key, date (ISO day or
 * null), amount_usd_mid and confidence.
 */
export function countedRounds(rows: readonly Row[]): Map<string, CountedMark> {
  const marks = new Map<string, CountedMark>();
  for (const row of rows) {
    if (row.kind !== "round") marks.set(row.id as string, {counted: false, counted_note: KIND_NOTES[row.kind as string] ?? `kind ${String(row.kind)}: not a financing round`});
  }
  const financings = rows.filter((r) => r.kind === "round");
  if (!financings.length) return marks;
  const ranked = aq
    .from(
      financings.map((r) => ({
        id: r.id,
        // A row without a conflict is its own group.
        group: (r.conflict_key as string | null) ?? `row:${r.id}`,
        has_amount: r.amount_usd_mid !== null && r.amount_usd_mid !== undefined,
        confidence_rank: CONFIDENCE_RANK[r.confidence as string] ?? 0,
        // Undated rows sort last among equals.
        date: (r.date as string | null) ?? ""
      }))
    )
    .groupby("group")
    .orderby(aq.desc("has_amount"), aq.desc("confidence_rank"), aq.desc("date"), "id")
    .derive({rank: op.row_number(), kept_id: op.first_value("id"), kept_has_amount: op.first_value("has_amount"), kept_confidence: op.first_value("confidence_rank"), kept_date: op.first_value("date")})
    .objects() as {id: string; rank: number; kept_id: string; has_amount: boolean; kept_has_amount: boolean; confidence_rank: number; kept_confidence: number; date: string; kept_date: string}[];
  for (const r of ranked) {
    if (r.rank === 1) {
      marks.set(r.id, {counted: true, counted_note: null});
      continue;
    }
    const why =
      r.kept_has_amount && !r.has_amount
        ? "which has the disclosed amount"
        : r.kept_confidence > r.confidence_rank
          ? "which has higher confidence"
          : r.kept_date > r.date
            ? "which is the later report"
            : "which comes first by id (the reports are otherwise equal)";
    marks.set(r.id, {counted: false, counted_note: `same round as ${r.kept_id}, ${why}`});
  }
  return marks;
}

/** A company's founding date as the primary row gives it, and the dates its variant rows report. */
export interface Founding {
  primary: FuzzyDate | null;
  variants: FuzzyDate[];
}

/**
 * Says when a round is dated wholly before the company was founded (the round's period ends before the founding
 * period starts), and which reported founding dates would fit it. Blank when the dates agree. A flag, not an
 * error: the sources disagree, and the page shows the disagreement.
 */
export function foundingNote(date: FuzzyDate | null, founding: Founding | undefined): string | null {
  if (!date || !founding?.primary) return null;
  const before = (d: FuzzyDate) => periodEnd(date) < d.date;
  if (!before(founding.primary)) return null;
  const fitting = founding.variants.filter((v) => !before(v)).map((v) => v.raw);
  return (
    `dated ${date.raw}, before the founding date ${founding.primary.raw} of the company's primary row` +
    (fitting.length ? `; other reports of the founding (${fitting.join(", ")}) would fit it` : "; no reported founding date fits it")
  );
}
