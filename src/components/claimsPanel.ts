/**
 * Claims against the evidence: a table with one row per claim about how fast density grows (and about when a
 * GPT-4-level model will run on a device), and next to each what the build's fit of the paper's points says.
 *
 * The verdict is the claims table's own `verdict` column, scored by the build against the records fit (with
 * `claimed_months`, the claim as a doubling time, and `verdict_note`, e.g. why a claim is not comparable), so
 * this panel, the page text and the notebooks agree. Claims about another quantity (ModelBest's "knowledge
 * density", Epoch's training compute) arrive as "different-metric" and are shown but not judged.
 * An HTML table rather than a chart: the reader needs to read who said what, not compare lengths.
 */
import {asDate, byDateThenId, isoDay} from "./cells.js";
import {formatMonths, LICENCE, sourceLinks, type SourceIndex} from "./chart.js";
import {captionedTable, elementMaker} from "./htmlElements.js";
import type {ClaimsRow, DensityFitRow, Verdict} from "./rows.js";
import type {Lang} from "./i18n.js";

export type {Verdict};

/** A claims row with the columns the panel reads. */
export type ClaimRow = Pick<ClaimsRow, "id" | "claimant" | "date" | "date_raw" | "topic" | "metric" | "value" | "unit" | "statement" | "status" | "source_ids" | "claimed_months" | "verdict" | "verdict_note">;

/** A density_fit row (or the same fields from fitFor). */
export type FitRow = Pick<DensityFitRow, "records_only" | "n" | "doubling_months" | "ci_low_months" | "ci_high_months"> &
  Partial<Pick<DensityFitRow, "fit_id" | "ci_level" | "window_start" | "window_end">>;

export interface ClaimsPanelOptions {
  /** The page's language: every word the chart shows follows it. */
  lang?: Lang;
  /** Rows of the density_fit table: the records fit (the paper's method) is the evidence, the all-models fit context. */
  fits: readonly FitRow[];
  /** Width in pixels; below 560 the table folds into two columns. Default 640. */
  width?: number;
  /** Sources by id (indexSources of the sources table), for the source links. */
  sources?: SourceIndex;
  /** Claim topics to list. Default ["density_doubling", "device_timeline"]. */
  topics?: readonly string[];
  /** Document to create elements in (tests may pass jsdom's). */
  document?: Document;
}

export const VERDICT_LABELS: Record<Verdict, string> = {
  consistent: "consistent",
  outside: "outside the interval",
  "different-metric": "different metric — not comparable",
  "not-comparable": "not comparable",
  "target-date": "a target date, not a rate",
  "no-value": "no number to compare",
  "no-fit": "no fit to compare with"
};

export const METRIC_LABELS: Record<string, string> = {
  capability_density: "capability density (the densing law's measure)",
  knowledge_density: "“knowledge density” (ModelBest's term)",
  params_at_fixed_capability: "parameters needed for a fixed capability",
  gpt4_level_model_size: "size of a GPT-4-level model",
  effective_params_per_chip_price: "largest effective model a fixed-price chip runs",
  compute_to_fixed_performance: "training compute for a fixed performance",
  gpt4_level_on_device: "a GPT-4-level model on a device",
  personal_model_on_wearable: "a personal model on a wearable"
};

const STATUS_LABELS: Record<string, string> = {
  published: "published (paper or filing)",
  reported: "reported by the press",
  unverified: "unverified (no original found)"
};

/** Quantities that shrink over time: their claims are halvings, not doublings. */
const SHRINKING = new Set(["params_at_fixed_capability", "gpt4_level_model_size", "compute_to_fixed_performance"]);

export function metricLabel(metric: string | null | undefined): string {
  if (!metric) return "unspecified";
  return METRIC_LABELS[metric] ?? metric.replace(/_/g, " ");
}

/** The claim in words: "doubling every 8 months", "10× smaller per year (≈ halving every 3.6 months)". */
export function claimPhrase(claim: ClaimRow): string {
  const {value, unit, metric} = claim;
  if (typeof value !== "number") return "no number given";
  const verb = SHRINKING.has(metric ?? "") ? "halving" : "doubling";
  const months = claim.claimed_months;
  if (unit === "months") return `${verb} every ${value} months`;
  if (unit === "days") return `${verb} every ${value} days (≈ ${formatMonths(months!)} months)`;
  if (unit === "x per year") return `${value}× ${SHRINKING.has(metric ?? "") ? "smaller" : "larger"} per year${months ? ` (≈ ${verb} every ${formatMonths(months)} months)` : ""}`;
  if (unit === "year") return `by the end of ${value}`;
  return `${value} ${unit ?? ""}`.trim();
}

function fitSummary(fit: FitRow): string {
  const level = Math.round((fit.ci_level ?? 0.95) * 100);
  return `${formatMonths(fit.doubling_months)} months (${level}% CI ${formatMonths(fit.ci_low_months)}–${formatMonths(fit.ci_high_months)})`;
}

function windowText(fit: FitRow): string {
  const start = asDate(fit.window_start ?? null);
  const end = asDate(fit.window_end ?? null);
  return start && end ? `, models released ${isoDay(start)} to ${isoDay(end)}` : "";
}

export function claimsPanel(claims: readonly ClaimRow[], options: ClaimsPanelOptions): HTMLElement {
  const {fits, width = 640, sources = new Map(), topics = ["density_doubling", "device_timeline"]} = options;
  const doc = options.document ?? globalThis.document;
  const compact = width < 560;
  const records = fits.find((f) => f.records_only);
  const all = fits.find((f) => !f.records_only);
  const shown = claims
    .filter((c) => topics.includes(c.topic))
    .sort(byDateThenId((c) => c.date));

  const el = elementMaker(doc);

  const figure = el("figure", "atlas-claims");
  figure.dataset.chart = "claims";
  if (compact) figure.classList.add("compact");
  const caption = `Claims about how fast density grows, against the paper's own data` + (records ? `: the record models double every ${fitSummary(records)}` : "");
  const headers = compact ? ["Claim", "What the data says"] : ["Who and when", "Claim", "Status and sources", "What the data says", "Verdict"];
  const {wrapper, tbody} = captionedTable(el, {caption, headers});

  const counts: Partial<Record<Verdict, number>> = {};
  for (const claim of shown) {
    // A verdict of consistent/outside needs the fit it was scored against to explain it.
    const verdict: Verdict = (claim.verdict === "consistent" || claim.verdict === "outside") && !records ? "no-fit" : claim.verdict;
    counts[verdict] = (counts[verdict] ?? 0) + 1;
    const tr = el("tr", `mark verdict-${verdict}`);
    tr.dataset.id = claim.id;
    tr.dataset.verdict = verdict;

    const who = el("th");
    who.scope = "row";
    who.append(el("span", "claimant", claim.claimant), el("br"), el("span", "claim-date", claim.date_raw ?? (asDate(claim.date) ? isoDay(asDate(claim.date)!) : "undated")));

    const what = el("div", "claim");
    what.append(el("strong", "claim-value", claimPhrase(claim)), el("div", "claim-metric", `Measure: ${metricLabel(claim.metric)}`), el("div", "claim-statement", claim.statement));

    const status = el("div", "claim-status");
    status.append(el("div", `status status-${claim.status ?? "unknown"}`, STATUS_LABELS[claim.status ?? ""] ?? claim.status ?? "status unknown"));
    if (claim.source_ids.length) {
      const list = el("div", "claim-sources");
      list.append("Sources: ", ...sourceLinks(doc, claim.source_ids, sources));
      status.append(list);
    }

    const evidence = el("div", "evidence");
    const months = claim.claimed_months;
    if (verdict === "consistent" || verdict === "outside") {
      evidence.append(
        el("div", undefined, `Records fit (${records!.n} models${windowText(records!)}): doubling every ${fitSummary(records!)}.`),
        ...(all ? [el("div", undefined, `All ${all.n} models: ${fitSummary(all)}.`)] : []),
        el("div", undefined, `The claimed ${formatMonths(months!)} months is ${verdict === "consistent" ? "inside" : "outside"} the records interval.`)
      );
    } else if (verdict === "different-metric") {
      evidence.append(
        el(
          "div",
          undefined,
          `The points measure capability density; this claim is about ${metricLabel(claim.metric)}, so the data cannot test it` +
            (months !== null ? ` (its ≈ ${formatMonths(months)} months is not the same quantity as the fit's).` : ".")
        )
      );
    } else if (verdict === "not-comparable") {
      evidence.append(el("div", undefined, claim.verdict_note ?? "The data cannot test this claim."));
    } else if (verdict === "target-date") {
      evidence.append(el("div", undefined, "A date, not a growth rate: the projection below shows what the fitted trend implies by then."));
    } else if (verdict === "no-fit") {
      evidence.append(el("div", undefined, "No density fit was supplied."));
    } else {
      evidence.append(el("div", undefined, "The claim gives no rate to compare."));
    }
    const badge = el("span", `verdict verdict-${verdict}`, VERDICT_LABELS[verdict]);

    const td = (...nodes: Node[]) => {
      const cell = el("td");
      cell.append(...nodes);
      return cell;
    };
    if (compact) {
      const left = el("td");
      left.append(el("div", "claim-who", `${claim.claimant}, ${claim.date_raw ?? ""}`.replace(/, $/, "")), what, status);
      tr.append(left, td(badge, evidence));
    } else {
      tr.append(who, td(what), td(status), td(evidence), td(badge));
    }
    tbody.append(tr);
  }
  figure.append(wrapper);

  const note = el("p", "atlas-note");
  note.textContent =
    (records
      ? `The evidence is the build's fit of ln(density) over time on the running-maximum (record) models of the densing-law paper's points${windowText(records)}. ` +
        `A claim is "consistent" when its doubling time lies inside the fit's ${Math.round((records.ci_level ?? 0.95) * 100)}% bootstrap interval. `
      : "No density fit was supplied, so no claim is scored. ") +
    `Claims about another measure are listed but not scored.`;
  figure.append(note);
  const summary = (Object.keys(counts) as Verdict[]).map((v) => `${counts[v]} ${VERDICT_LABELS[v]}`).join(", ");
  figure.dataset.summary = summary;

  const cited = [...new Set(shown.flatMap((c) => c.source_ids))];
  const publishers = [...new Set(cited.map((id) => sources.get(id)?.publisher ?? id))].sort();
  const source = el("figcaption", "atlas-source", `Sources: ${publishers.slice(0, 4).join("; ")}${publishers.length > 4 ? ` and ${publishers.length - 4} more` : ""} (linked in each row). ${LICENCE}.`);
  figure.append(source);
  return figure;
}
