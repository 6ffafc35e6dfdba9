/**
 * Valuations over time on a log scale: one point per funding_rounds row that reports a valuation, joined
 * per company in date order. Reported forms other than an exact figure ("> $1bn", "~$3bn") carry an error
 * bar between their bounds; rows that disagree about the same valuation (same conflict_key) get a dashed
 * outline and say so in the tooltip, because the atlas keeps both readings rather than picking one
 * silently. Rounds still being raised are hollow: their valuation is a target, not a closing price.
 */
import * as d3 from "./d3.js";
import {axisLabel, chartFrame, formatUsdMillions, sourceLine, timeAxis, type SourceIndex} from "./chart.js";
import {asDate, asList, asNumber, formatDate} from "./cells.js";
import {logDomain, usdAxisLeft} from "./chartAxes.js";
import {drawLegend, layoutLegend, swatches, type LegendItem} from "./chartLegend.js";
import {drawEmptyMessage} from "./chartText.js";
import {companyLookup, type CompanyRef} from "./companyLookup.js";
import {plural, roundMillions} from "./fundingData.js";
import type {FundingRoundsRow} from "./rows.js";
import type {Lang} from "./i18n.js";

/** A funding_rounds row with the columns the chart reads. */
export type RoundRow = Pick<FundingRoundsRow, "id" | "company_id" | "date" | "kind" | "valuation_usd_mid" | "source_ids"> &
  Partial<Pick<FundingRoundsRow, "date_raw" | "round" | "valuation_reported" | "valuation_kind" | "valuation_basis" | "valuation_usd_low" | "valuation_usd_high" | "conflict_key" | "confidence">>;

export interface ValuationChartOptions {
  /** The page's language: every word the chart shows follows it. */
  lang?: Lang;
  /** Company rows (primary rows are enough), for labels. */
  companies: readonly CompanyRef[];
  /** Width in px (default 640); the layout adapts down to 320. */
  width?: number;
  /** Height of the plot with its axes in px (default from the width, 300-420); the legend adds to it. */
  height?: number;
  /** Companies to draw (default all with a valuation). */
  companyIds?: readonly string[];
  /** Sources by id, for tooltips and the source line. */
  sources?: SourceIndex;
}

interface ValuationPoint {
  row: RoundRow;
  company_id: string;
  date: Date;
  low: number;
  mid: number;
  high: number;
  exact: boolean;
  tentative: boolean;
  /** Other rows with the same conflict_key (in the rows given). */
  rivals: RoundRow[];
}

const KIND_NAMES: Record<string, string> = {round: "financing round", ipo: "IPO", disclosure: "disclosed later", in_progress: "round in progress (target)", cumulative: "reported total"};

/** Valuation points per company over time, log y, with error bars and disputed rows marked. */
export function valuationChart(rounds: readonly RoundRow[], options: ValuationChartOptions): HTMLElement {
  const {companies, sources = new Map()} = options;
  const width = Math.max(320, options.width ?? 640);
  const narrow = width < 520;
  const lookup = companyLookup(companies);
  const wanted = options.companyIds ? new Set(options.companyIds) : null;
  // A row shows when it reports a valuation; which one is a company's latest is company_summary's to say.
  const candidates = rounds.filter((r) => (asNumber(r.valuation_usd_mid) ?? 0) > 0 && (!wanted || wanted.has(r.company_id)));
  const undated = candidates.filter((r) => !asDate(r.date));
  const byConflict = d3.group(
    rounds.filter((r) => r.conflict_key),
    (r) => r.conflict_key!
  );
  const points: ValuationPoint[] = candidates
    .filter((r) => asDate(r.date))
    .map((r) => {
      const mid = asNumber(r.valuation_usd_mid)!;
      return {
        row: r,
        company_id: r.company_id,
        date: asDate(r.date)!,
        low: asNumber(r.valuation_usd_low) ?? mid,
        mid,
        high: asNumber(r.valuation_usd_high) ?? mid,
        exact: !r.valuation_kind || r.valuation_kind === "exact",
        tentative: r.kind === "in_progress",
        rivals: r.conflict_key ? (byConflict.get(r.conflict_key) ?? []).filter((o) => o !== r) : []
      };
    })
    .sort((a, b) => a.date.getTime() - b.date.getTime() || (a.row.id < b.row.id ? -1 : 1));
  const ids = lookup.order(points.map((p) => p.company_id));
  const series = ids.map((id) => ({company_id: id, points: points.filter((p) => p.company_id === id)}));
  const disputed = points.filter((p) => p.row.conflict_key);

  const legendItems: LegendItem[] = [
    ...series.map((s) => ({key: s.company_id, label: narrow ? lookup.short(s.company_id) : lookup.label(s.company_id), swatch: swatches.square(lookup.color(s.company_id))})),
    {key: "range", label: "reported range", swatch: (g) => void g.append("path").attr("d", "M7,-6V6M4,-6H10M4,6H10").attr("stroke", "currentColor").attr("fill", "none")},
    {key: "tentative", label: "round in progress", swatch: swatches.dot("currentColor", {hollow: true, r: 4})},
    {key: "disputed", label: "disputed", swatch: swatches.dot("currentColor", {hollow: true, dash: "2,1.5"})}
  ];
  const legend = layoutLegend(legendItems, width - 16);
  const plotHeight = options.height ?? Math.round(Math.max(300, Math.min(420, width * 0.6)));
  const margin = {top: legend.height + 28, right: 16, bottom: 32, left: 52};
  const height = plotHeight + legend.height + 10;

  const description = [
    `Reported valuations in US dollars (logarithmic scale) over time: ${plural(points.length, "report")} for ${plural(series.length, "company", "companies")}${series.length ? ` (${series.map((s) => lookup.label(s.company_id)).join(", ")})` : ""}, joined per company in date order.`,
    "Bars span the bounds of valuations reported as ranges or approximations; hollow points are targets of rounds still being raised.",
    disputed.length ? `${plural(disputed.length, "report")} disagree${disputed.length === 1 ? "s" : ""} with another report of the same valuation and ${disputed.length === 1 ? "is" : "are"} outlined with dashes.` : "",
    undated.length ? `${plural(undated.length, "valuation")} without a date ${undated.length === 1 ? "is" : "are"} not drawn.` : ""
  ]
    .filter(Boolean)
    .join(" ");

  const frame = chartFrame({
    name: "valuations",
    title: "Valuations over time",
    description,
    width,
    height,
    margin,
    sourceLine: sourceLine(points.flatMap((p) => asList(p.row.source_ids)), sources),
    sources,
    table: {
      rows: points.map((p) => ({
        company: lookup.label(p.company_id),
        date: formatDate(p.date, p.row.date_raw),
        kind: p.row.kind,
        round: p.row.round ?? null,
        valuation_reported: p.row.valuation_reported ?? null,
        valuation_usd_low: roundMillions(p.low),
        valuation_usd_mid: roundMillions(p.mid),
        valuation_usd_high: roundMillions(p.high),
        conflict_key: p.row.conflict_key ?? null
      })),
      columns: ["company", "date", "kind", "round", "valuation_reported", "valuation_usd_low", "valuation_usd_mid", "valuation_usd_high", "conflict_key"],
      labels: {
        company: "Company",
        date: "Date",
        kind: "Kind",
        round: "Round",
        valuation_reported: "Valuation as reported",
        valuation_usd_low: "Low (USD m)",
        valuation_usd_mid: "Valuation (USD m)",
        valuation_usd_high: "High (USD m)",
        conflict_key: "Disputed"
      }
    }
  });
  const {plot, inner} = frame;
  drawLegend(frame.svg, legend, 8, 6);

  if (!points.length) {
    drawEmptyMessage(plot, inner, "No reported valuations for the companies chosen.");
    return frame.figure;
  }

  const [first, last] = d3.extent(points, (p) => p.date) as [Date, Date];
  const x = d3.scaleUtc().domain([d3.utcMonth.offset(first, -3), d3.utcMonth.offset(last, 3)]).range([0, inner.width]);
  const y = d3.scaleLog().domain(logDomain(points.flatMap((p) => [p.low, p.high]), 1.4)!).range([inner.height, 0]);
  timeAxis(plot, x, inner.height, inner.width);
  usdAxisLeft(plot, y, inner.height, true);
  axisLabel(plot, narrow ? "↑ Valuation (USD, log)" : "↑ Reported valuation (USD, log scale)", -margin.left + 4, -10);

  const line = d3
    .line<ValuationPoint>()
    .x((p) => x(p.date))
    .y((p) => y(p.mid));
  plot
    .append("g")
    .attr("class", "lines")
    .selectAll("path")
    .data(series.filter((s) => s.points.length > 1))
    .join("path")
    .attr("class", "line")
    .attr("data-company", (s) => s.company_id)
    .attr("d", (s) => line(s.points))
    .attr("fill", "none")
    .attr("stroke", (s) => lookup.color(s.company_id))
    .attr("stroke-width", 1.5)
    .attr("stroke-opacity", 0.8);

  const bars = plot.append("g").attr("class", "error-bars").attr("stroke-width", 1.25);
  for (const p of points.filter((p) => !p.exact && p.high > p.low)) {
    const px = x(p.date);
    bars
      .append("path")
      .attr("class", "error-bar")
      .attr("data-for", p.row.id)
      .attr("stroke", lookup.color(p.company_id))
      .attr("fill", "none")
      .attr("d", `M${px},${y(p.low)}V${y(p.high)}M${px - 3},${y(p.low)}H${px + 3}M${px - 3},${y(p.high)}H${px + 3}`);
  }

  const marks = plot
    .append("g")
    .attr("class", "marks")
    .selectAll("circle")
    .data(points)
    .join("circle")
    .attr("class", (p) => `mark${p.row.conflict_key ? " disputed" : ""}${p.tentative ? " tentative" : ""}`)
    .attr("data-id", (p) => p.row.id)
    .attr("cx", (p) => x(p.date))
    .attr("cy", (p) => y(p.mid))
    .attr("r", (p) => (p.row.conflict_key ? 5.5 : 4.5))
    .attr("fill", (p) => (p.tentative ? "none" : lookup.color(p.company_id)))
    .attr("pointer-events", "all")
    .attr("stroke", (p) => (p.tentative ? lookup.color(p.company_id) : "currentColor"))
    .attr("stroke-width", (p) => (p.row.conflict_key || p.tentative ? 2 : 0.75))
    .attr("stroke-dasharray", (p) => (p.row.conflict_key ? "2.5,2" : null));

  frame.tooltip.attach(marks, (p) => ({
    title: lookup.label(p.company_id),
    lines: [
      `${p.row.round ?? KIND_NAMES[p.row.kind] ?? p.row.kind}, ${formatDate(p.date, p.row.date_raw)}${p.row.kind !== "round" ? ` (${KIND_NAMES[p.row.kind] ?? p.row.kind})` : ""}`,
      `Valuation: ${p.row.valuation_reported ?? ""} ≈ ${p.exact || p.low === p.high ? formatUsdMillions(p.mid) : `${formatUsdMillions(p.mid)} (${formatUsdMillions(p.low)}–${formatUsdMillions(p.high)})`}` +
        (p.row.valuation_basis && p.row.valuation_basis !== "unspecified" ? `, ${p.row.valuation_basis}-money` : ""),
      ...(p.row.conflict_key
        ? [
            `Disputed: see conflict_key ${p.row.conflict_key}` +
              (p.rivals.length ? `; other report${p.rivals.length > 1 ? "s" : ""}: ${p.rivals.map((o) => `${o.id}${o.valuation_reported ? ` (${o.valuation_reported})` : ""}`).join(", ")}` : "")
          ]
        : [])
    ],
    sources: asList(p.row.source_ids)
  }));
  return frame.figure;
}
