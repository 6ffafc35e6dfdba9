/**
 * Each claim about how fast density grows, scored once against the build's records fit (the paper's method),
 * so the density page, the explorer and the downloads give the same verdict.
 *
 * Only claims about capability density are scored. ModelBest's "knowledge density", Epoch's training compute
 * and "parameters for a fixed capability" are other quantities: a matching or clashing number would mean
 * nothing, so they are marked "different-metric". A claim the curators mark not comparable (e.g. about a period
 * the points do not cover) keeps their reason as its note.
 */
import {DAYS_PER_MONTH} from "../trend.js";
import type {Row} from "../tables/common.js";

export const VERDICTS = ["consistent", "outside", "different-metric", "not-comparable", "target-date", "no-value", "no-fit"] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Metrics the density fit can test. */
export const COMPARABLE_METRICS = ["capability_density"];

/** A claimed rate as a doubling (or halving) time in months; null when the claim has no rate. */
export function claimMonths(claim: {value?: unknown; unit?: unknown}): number | null {
  const {value, unit} = claim;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) return null;
  if (unit === "months") return value;
  if (unit === "days") return value / DAYS_PER_MONTH;
  // "10× per year" is a rate too: it doubles (or halves) every ln 2 / ln 10 years.
  if (unit === "x per year" && value > 1) return (365.25 * Math.LN2) / Math.log(value) / DAYS_PER_MONTH;
  return null;
}

export interface FitInterval {
  doubling_months: number;
  ci_low_months: number;
  ci_high_months: number;
}

/** The verdict on one claim and a note that says why, in the atlas's words. */
export function claimVerdict(claim: Row, fit: FitInterval | null): {verdict: Verdict; note: string} {
  if (claim.not_comparable) return {verdict: "not-comparable", note: claim.not_comparable as string};
  if (claim.topic === "device_timeline") return {verdict: "target-date", note: "a target date, not a rate: see the device projection"};
  const months = claimMonths(claim);
  if (months === null) return {verdict: "no-value", note: "no rate to compare with the fit"};
  if (!COMPARABLE_METRICS.includes(claim.metric as string)) return {verdict: "different-metric", note: "measures another quantity than capability density; not scored against the fit"};
  if (!fit) return {verdict: "no-fit", note: "no fit to compare with"};
  const range = `${fit.ci_low_months.toFixed(1)}–${fit.ci_high_months.toFixed(1)} months`;
  return months >= fit.ci_low_months && months <= fit.ci_high_months
    ? {verdict: "consistent", note: `${months.toFixed(1)} months is inside the records fit's interval (${range})`}
    : {verdict: "outside", note: `${months.toFixed(1)} months is outside the records fit's interval (${range})`};
}
