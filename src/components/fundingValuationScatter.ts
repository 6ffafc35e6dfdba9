/**
 * Overview scatter: how much each company has raised against what it was last valued at. One point per
 * company; x is total disclosed funding (financing rounds only, in USD), y the latest reported valuation,
 * both on log scales because the companies span two orders of magnitude. Whiskers show the low-high
 * bounds that vague reports (数亿元, "> $1bn") carry. Companies that lack either value are named in a note
 * rather than dropped silently.
 *
 * Both numbers are company_summary columns: which rounds count and which valuation is the latest are the
 * build's rules, so this chart, the page text and the notebooks quote the same figures.
 */
import * as d3 from "./d3.js";
import {axisLabel, chartFrame, formatUsdMillions, sourceLine, type SourceIndex} from "./chart.js";
import {formatDate} from "./cells.js";
import {logDomain, usdAxisBottom, usdAxisLeft} from "./chartAxes.js";
import {drawEmptyMessage, drawNote, LABEL_HALO, NOTE_LINE, textWidth, wrapText} from "./chartText.js";
import {companyLookup, type CompanyRef} from "./companyLookup.js";
import {formatUsdRange, plural, roundMillions} from "./fundingData.js";
import type {CompanySummaryRow} from "./rows.js";
import type {Lang} from "./i18n.js";

/** A company_summary row with the columns this chart reads. */
export type ScatterCompany = CompanyRef &
  Pick<
    CompanySummaryRow,
    | "funding_usd_low"
    | "funding_usd_mid"
    | "funding_usd_high"
    | "rounds_counted"
    | "rounds_undisclosed"
    | "rounds_superseded"
    | "valuation_usd_low"
    | "valuation_usd_mid"
    | "valuation_usd_high"
    | "valuation_date"
    | "valuation_date_raw"
    | "valuation_reported"
    | "valuation_row_kind"
    | "valuation_conflict_key"
    | "source_ids"
  >;

export interface FundingValuationScatterOptions {
  /** The page's language: every word the chart shows follows it. */
  lang?: Lang;
  /** Width in px (default 640); the layout adapts down to 320. */
  width?: number;
  /** Height of the plot area plus axes in px (default from the width, 300-460); notes add to it. */
  height?: number;
  /** Sources by id (indexSources of the sources table), for tooltips and the source line. */
  sources?: SourceIndex;
}

const LABEL_FONT = 11;

/** Funding (x) against latest valuation (y), one labelled point per company with both values. */
export function fundingValuationScatter(companies: readonly ScatterCompany[], options: FundingValuationScatterOptions = {}): HTMLElement {
  const {sources = new Map()} = options;
  const width = Math.max(320, options.width ?? 640);
  const narrow = width < 520;
  const lookup = companyLookup(companies);
  const totals = lookup.rows as ScatterCompany[];
  const funded = (t: ScatterCompany) => (t.funding_usd_mid ?? 0) > 0;
  const valued = (t: ScatterCompany) => (t.valuation_usd_mid ?? 0) > 0;
  const anyRound = (t: ScatterCompany) => t.rounds_counted + t.rounds_undisclosed + t.rounds_superseded > 0;
  const drawn = totals.filter((t) => funded(t) && valued(t));
  const missing = {
    funding: totals.filter((t) => !funded(t) && valued(t)),
    valuation: totals.filter((t) => funded(t) && !valued(t)),
    both: totals.filter((t) => !funded(t) && !valued(t) && anyRound(t)),
    rows: totals.filter((t) => !funded(t) && !valued(t) && !anyRound(t))
  };
  const names = (list: ScatterCompany[]) => list.map((t) => lookup.label(t.company_id)).join(", ");
  const notDrawn = [
    missing.funding.length ? `no disclosed round amount: ${names(missing.funding)}` : "",
    missing.valuation.length ? `no reported valuation: ${names(missing.valuation)}` : "",
    missing.both.length ? `neither: ${names(missing.both)}` : "",
    missing.rows.length ? `no funding rows: ${names(missing.rows)}` : ""
  ].filter(Boolean);
  const noteText = notDrawn.length ? `Not drawn (${notDrawn.join("; ")}).` : "";
  const undisclosed = d3.sum(drawn, (t) => t.rounds_undisclosed);
  const superseded = d3.sum(drawn, (t) => t.rounds_superseded);

  const margin = {top: 30, right: 14, bottom: 40, left: 50};
  const noteLines = noteText ? wrapText(noteText, width - 16, 10.5) : [];
  const plotHeight = options.height ?? Math.round(Math.max(300, Math.min(460, width * 0.62)));
  const height = plotHeight + noteLines.length * NOTE_LINE + (noteLines.length ? 8 : 0);
  margin.bottom += height - plotHeight;

  const description = [
    `Total disclosed funding (horizontal, the sum of each company's financing rounds in US dollars) against the latest reported valuation (vertical, US dollars), both on logarithmic scales, for ${plural(drawn.length, "company", "companies")}: ${names(drawn) || "none"}.`,
    "Whiskers run from the low to the high reading of bounded or vague reports.",
    noteText,
    undisclosed ? `${plural(undisclosed, "financing round")} with undisclosed amounts ${undisclosed === 1 ? "is" : "are"} not in the totals.` : "",
    superseded ? `${plural(superseded, "duplicate report")} of a round already counted ${superseded === 1 ? "is" : "are"} left out.` : ""
  ]
    .filter(Boolean)
    .join(" ");

  const frame = chartFrame({
    name: "funding-valuation",
    title: "Funding raised against latest valuation",
    description,
    width,
    height,
    margin,
    sourceLine: sourceLine(drawn.flatMap((t) => t.source_ids ?? []), sources),
    sources,
    table: {
      rows: drawn.map((t) => ({
        company: lookup.label(t.company_id),
        funding_usd_low: roundMillions(t.funding_usd_low),
        funding_usd_mid: roundMillions(t.funding_usd_mid),
        funding_usd_high: roundMillions(t.funding_usd_high),
        rounds_counted: t.rounds_counted,
        rounds_undisclosed: t.rounds_undisclosed,
        valuation_usd_low: roundMillions(t.valuation_usd_low),
        valuation_usd_mid: roundMillions(t.valuation_usd_mid),
        valuation_usd_high: roundMillions(t.valuation_usd_high),
        valuation_date: t.valuation_date_raw ?? t.valuation_date
      })),
      columns: ["company", "funding_usd_low", "funding_usd_mid", "funding_usd_high", "rounds_counted", "rounds_undisclosed", "valuation_usd_low", "valuation_usd_mid", "valuation_usd_high", "valuation_date"],
      labels: {
        company: "Company",
        funding_usd_low: "Funding, low (USD m)",
        funding_usd_mid: "Funding (USD m)",
        funding_usd_high: "Funding, high (USD m)",
        rounds_counted: "Rounds with an amount",
        rounds_undisclosed: "Rounds undisclosed",
        valuation_usd_low: "Valuation, low (USD m)",
        valuation_usd_mid: "Valuation (USD m)",
        valuation_usd_high: "Valuation, high (USD m)",
        valuation_date: "Valuation date"
      }
    }
  });
  const {plot, inner} = frame;
  drawNote(frame.svg, noteLines, 8, plotHeight + 4 + 10);

  const xDomain = logDomain(drawn.flatMap((t) => [t.funding_usd_low, t.funding_usd_mid, t.funding_usd_high])) ?? [1, 1000];
  const yDomain = logDomain(drawn.flatMap((t) => [t.valuation_usd_low, t.valuation_usd_mid, t.valuation_usd_high])) ?? [1, 1000];
  const x = d3.scaleLog().domain(xDomain).range([0, inner.width]);
  const y = d3.scaleLog().domain(yDomain).range([inner.height, 0]);

  usdAxisBottom(plot, x, inner.height, inner.width);
  usdAxisLeft(plot, y, inner.height, true);
  axisLabel(plot, narrow ? "Funding raised (USD, log) →" : "Total disclosed funding (USD, log scale) →", inner.width, inner.height + 32, "end");
  axisLabel(plot, narrow ? "↑ Latest valuation (USD, log)" : "↑ Latest reported valuation (USD, log scale)", -margin.left + 4, -14, "start");

  if (!drawn.length) {
    drawEmptyMessage(plot, inner, "No company has both a disclosed amount and a valuation.");
    return frame.figure;
  }

  const whiskers = plot.append("g").attr("class", "whiskers").attr("stroke-width", 1.5).attr("stroke-opacity", 0.75);
  for (const t of drawn) {
    const cx = x(t.funding_usd_mid!);
    const cy = y(t.valuation_usd_mid!);
    const color = lookup.color(t.company_id);
    const g = whiskers.append("g").attr("class", "whisker").attr("data-for", t.company_id).attr("stroke", color);
    const [x0, x1] = [x(t.funding_usd_low!), x(t.funding_usd_high!)];
    const [y0, y1] = [y(t.valuation_usd_low!), y(t.valuation_usd_high!)];
    if (x1 - x0 > 1) g.append("line").attr("x1", x0).attr("x2", x1).attr("y1", cy).attr("y2", cy);
    if (y0 - y1 > 1) g.append("line").attr("x1", cx).attr("x2", cx).attr("y1", y0).attr("y2", y1);
  }

  const points = plot
    .append("g")
    .attr("class", "points")
    .selectAll("circle")
    .data(drawn)
    .join("circle")
    .attr("class", "mark")
    .attr("data-id", (t) => t.company_id)
    .attr("cx", (t) => x(t.funding_usd_mid!))
    .attr("cy", (t) => y(t.valuation_usd_mid!))
    .attr("r", 6)
    .attr("fill", (t) => lookup.color(t.company_id))
    .attr("stroke", "currentColor")
    .attr("stroke-width", 0.75);

  frame.tooltip.attach(points, (t) => ({
    title: lookup.label(t.company_id),
    lines: [
      `Disclosed funding: ${formatRange(t.funding_usd_low, t.funding_usd_mid, t.funding_usd_high)}, from ${plural(t.rounds_counted, "round")} with an amount` +
        (t.rounds_undisclosed ? `; ${t.rounds_undisclosed} more undisclosed` : ""),
      `Latest valuation: ${formatRange(t.valuation_usd_low, t.valuation_usd_mid, t.valuation_usd_high)}` +
        (t.valuation_reported ? ` (reported as ${t.valuation_reported})` : "") +
        `, ${formatDate(t.valuation_date, t.valuation_date_raw)}` +
        (t.valuation_row_kind && t.valuation_row_kind !== "round" ? `, ${KIND_NAMES[t.valuation_row_kind] ?? t.valuation_row_kind}` : ""),
      ...(t.valuation_conflict_key ? [`Valuation disputed: see conflict_key ${t.valuation_conflict_key}`] : [])
    ],
    sources: t.source_ids
  }));

  placeLabels(
    plot,
    drawn.map((t) => ({
      id: t.company_id,
      text: narrow ? lookup.short(t.company_id) : lookup.label(t.company_id),
      x: x(t.funding_usd_mid!),
      y: y(t.valuation_usd_mid!)
    })),
    inner
  );
  return frame.figure;
}

const KIND_NAMES: Record<string, string> = {ipo: "at the IPO", disclosure: "disclosed later", in_progress: "round still in progress (target)", cumulative: "reported total"};

function formatRange(low: number | null, mid: number | null, high: number | null): string {
  return formatUsdRange(low, mid, high, formatUsdMillions);
}

/**
 * Labels beside their points: to the right unless that would leave the plot, then nudged apart vertically
 * on each side so neighbours (Moonshot and Zhipu sit close) stay legible.
 */
function placeLabels(plot: d3.Selection<SVGGElement, unknown, null, undefined>, labels: {id: string; text: string; x: number; y: number}[], inner: {width: number; height: number}): void {
  const placed = labels.map((l) => {
    const w = textWidth(l.text, LABEL_FONT);
    // Above and beside the point, clear of its horizontal whisker (which runs through the point).
    const right = l.x + 7 + w <= inner.width;
    return {...l, anchor: right ? "start" : "end", lx: right ? l.x + 7 : Math.max(w, l.x - 7), ly: l.y - 7};
  });
  for (const side of ["start", "end"]) {
    const group = placed.filter((p) => p.anchor === side).sort((a, b) => a.ly - b.ly);
    for (let i = 1; i < group.length; i++) group[i].ly = Math.max(group[i].ly, group[i - 1].ly + 13);
    const overflow = group.length ? group[group.length - 1].ly - (inner.height - 4) : 0;
    if (overflow > 0) for (const p of group) p.ly -= overflow;
    for (const p of group) p.ly = Math.max(p.ly, 10);
  }
  plot
    .append("g")
    .attr("class", "labels")
    .attr("font-size", LABEL_FONT)
    .attr("fill", "currentColor")
    .attr("aria-hidden", "true")
    .attr("style", LABEL_HALO)
    .selectAll("text")
    .data(placed)
    .join("text")
    .attr("class", "point-label")
    .attr("data-for", (p) => p.id)
    .attr("x", (p) => p.lx)
    .attr("y", (p) => p.ly)
    .attr("text-anchor", (p) => p.anchor)
    .text((p) => p.text);
}
