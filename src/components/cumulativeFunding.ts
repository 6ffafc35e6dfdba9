/**
 * Cumulative disclosed funding per company: a step line that rises at each financing round with an amount,
 * with a band from the cumulative low to the cumulative high reading. Vague reports (数亿元 is read as
 * ¥100m-1bn) make the band wide on purpose: the uncertainty is part of the story. Rounds whose amount was
 * never disclosed still happened, so they appear as hollow markers that add nothing to the line.
 *
 * Only rows of kind 'round' are summed: IPO proceeds, reported totals and unconfirmed rounds would count
 * money twice. `cumulativeSeries` is the pure computation, exported for tests and page text.
 */
import * as d3 from "./d3.js";
import {axisLabel, chartFrame, companyColor, formatUsdMillions, sourceLine, timeAxis, type SourceIndex} from "./chart.js";
import {asDate, asList, asNumber, formatDate} from "./cells.js";
import {logDomain, usdAxisLeft} from "./chartAxes.js";
import {drawLegend, layoutLegend, swatches, type LegendItem} from "./chartLegend.js";
import {drawEmptyMessage} from "./chartText.js";
import {
  companyIndex,
  countedRounds,
  hasAmount,
  labelOf,
  orderCompanyIds,
  plural,
  roundMillions,
  shortLabelOf,
  type CompanyRow,
  type RoundRow
} from "./fundingData.js";

export interface CumulativePoint {
  /** id of the funding_rounds row. */
  id: string;
  company_id: string;
  date: Date;
  date_raw: string | null;
  round: string | null;
  amount_reported: string | null;
  /** The round's own amount (USD millions); null when undisclosed. */
  amount_usd_low: number | null;
  amount_usd_mid: number | null;
  amount_usd_high: number | null;
  disclosed: boolean;
  /** Running totals after this round (USD millions); an undisclosed round leaves them unchanged. */
  cum_usd_low: number;
  cum_usd_mid: number;
  cum_usd_high: number;
  conflict_key: string | null;
  source_ids: string[];
}

export interface CumulativeSeries {
  company_id: string;
  /** Counted financing rounds in date order (then id). */
  points: CumulativePoint[];
  /** Financing rows without a usable date, not placed on the line. */
  undated: RoundRow[];
  /** Financing rows left out as another report of a round already counted (same conflict_key). */
  superseded: RoundRow[];
}

/**
 * Running totals of disclosed funding per company, from rows of kind 'round' (disputed duplicates counted
 * once, see `countedRounds`). Companies are in the atlas's order.
 */
export function cumulativeSeries(rounds: readonly RoundRow[]): CumulativeSeries[] {
  const {counted, superseded} = countedRounds(rounds);
  const ids = orderCompanyIds([...counted, ...superseded].map((r) => r.company_id), []);
  return ids.map((company_id) => {
    const mine = counted.filter((r) => r.company_id === company_id);
    const dated = mine
      .filter((r) => asDate(r.date))
      .sort((a, b) => asDate(a.date)!.getTime() - asDate(b.date)!.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    let low = 0;
    let mid = 0;
    let high = 0;
    const points = dated.map((r): CumulativePoint => {
      const disclosed = hasAmount(r);
      const m = asNumber(r.amount_usd_mid);
      const l = disclosed ? asNumber(r.amount_usd_low) ?? m : null;
      const h = disclosed ? asNumber(r.amount_usd_high) ?? m : null;
      if (disclosed) {
        low += l!;
        mid += m!;
        high += h!;
      }
      return {
        id: r.id,
        company_id,
        date: asDate(r.date)!,
        date_raw: r.date_raw ?? null,
        round: r.round ?? null,
        amount_reported: r.amount_reported ?? null,
        amount_usd_low: l,
        amount_usd_mid: disclosed ? m : null,
        amount_usd_high: h,
        disclosed,
        cum_usd_low: low,
        cum_usd_mid: mid,
        cum_usd_high: high,
        conflict_key: r.conflict_key ?? null,
        source_ids: asList(r.source_ids)
      };
    });
    return {
      company_id,
      points,
      undated: mine.filter((r) => !asDate(r.date)),
      superseded: superseded.filter((r) => r.company_id === company_id)
    };
  });
}

export interface CumulativeFundingOptions {
  /** Company rows (primary rows are enough), for labels. */
  companies: readonly CompanyRow[];
  /** Width in px (default 640); the layout adapts down to 320. */
  width?: number;
  /** Height of the plot with its axes in px (default from the width, 300-420); the legend adds to it. */
  height?: number;
  /** y scale (default "linear"); "log" separates the small early rounds from the large late ones. */
  scale?: "linear" | "log";
  /** Companies to draw (default all with financing rounds); order does not matter. */
  companyIds?: readonly string[];
  /** Sources by id, for tooltips and the source line. */
  sources?: SourceIndex;
}

/** Step lines of cumulative disclosed funding with low-high bands, one per company. */
export function cumulativeFunding(rounds: readonly RoundRow[], options: CumulativeFundingOptions): HTMLElement {
  const {companies, sources = new Map(), scale = "linear"} = options;
  const log = scale === "log";
  const width = Math.max(320, options.width ?? 640);
  const narrow = width < 520;
  const index = companyIndex(companies);
  const wanted = options.companyIds ? new Set(options.companyIds) : null;
  const series = cumulativeSeries(rounds).filter((s) => (!wanted || wanted.has(s.company_id)) && s.points.length);
  const points = series.flatMap((s) => s.points);
  const disclosed = points.filter((p) => p.disclosed);
  const undisclosed = points.filter((p) => !p.disclosed);
  const skipped = cumulativeSeries(rounds).filter((s) => !wanted || wanted.has(s.company_id));
  const undated = d3.sum(skipped, (s) => s.undated.length);
  const superseded = skipped.flatMap((s) => s.superseded);

  const legendItems: LegendItem[] = [
    ...series.map((s) => ({key: s.company_id, label: narrow ? shortLabelOf(index, s.company_id) : labelOf(index, s.company_id), swatch: swatches.square(companyColor(s.company_id))})),
    {key: "undisclosed", label: "amount undisclosed", swatch: swatches.dot("currentColor", {hollow: true, r: 4})},
    {key: "band", label: "low–high range", swatch: (g) => void g.append("rect").attr("x", 1).attr("y", -4).attr("width", 12).attr("height", 8).attr("fill", "currentColor").attr("fill-opacity", 0.2)}
  ];
  const legend = layoutLegend(legendItems, width - 16);
  const plotHeight = options.height ?? Math.round(Math.max(300, Math.min(420, width * 0.6)));
  const margin = {top: legend.height + 28, right: 16, bottom: 40, left: 52};
  const height = plotHeight + legend.height + 10;

  const names = series.map((s) => labelOf(index, s.company_id)).join(", ");
  const description = [
    `Cumulative disclosed funding in US dollars (${log ? "logarithmic" : "linear"} scale) over time for ${plural(series.length, "company", "companies")}${names ? `: ${names}` : ""}.`,
    `Each line steps up at a financing round with a disclosed amount (${plural(disclosed.length, "round")}); the band runs from the cumulative low to the cumulative high reading of bounded or vague amounts.`,
    undisclosed.length ? `${plural(undisclosed.length, "round")} with undisclosed amounts ${undisclosed.length === 1 ? "is" : "are"} shown as hollow markers and add nothing.` : "",
    superseded.length ? `${plural(superseded.length, "duplicate report")} of a round already counted (${superseded.map((r) => r.id).join(", ")}) ${superseded.length === 1 ? "is" : "are"} not drawn.` : "",
    undated ? `${plural(undated, "round")} without a date ${undated === 1 ? "is" : "are"} not drawn.` : "",
    "IPO proceeds and reported totals are left out so nothing is counted twice."
  ]
    .filter(Boolean)
    .join(" ");

  const frame = chartFrame({
    name: "cumulative-funding",
    title: "Cumulative disclosed funding",
    description,
    width,
    height,
    margin,
    sourceLine: sourceLine(points.flatMap((p) => p.source_ids), sources),
    sources,
    table: {
      rows: points.map((p) => ({
        company: labelOf(index, p.company_id),
        date: formatDate(p.date, p.date_raw),
        round: p.round,
        amount_reported: p.amount_reported,
        amount_usd_mid: roundMillions(p.amount_usd_mid),
        cum_usd_low: roundMillions(p.cum_usd_low),
        cum_usd_mid: roundMillions(p.cum_usd_mid),
        cum_usd_high: roundMillions(p.cum_usd_high)
      })),
      columns: ["company", "date", "round", "amount_reported", "amount_usd_mid", "cum_usd_low", "cum_usd_mid", "cum_usd_high"],
      labels: {
        company: "Company",
        date: "Date",
        round: "Round",
        amount_reported: "Amount as reported",
        amount_usd_mid: "Amount (USD m)",
        cum_usd_low: "Cumulative, low (USD m)",
        cum_usd_mid: "Cumulative (USD m)",
        cum_usd_high: "Cumulative, high (USD m)"
      }
    }
  });
  const {plot, inner} = frame;
  drawLegend(frame.svg, legend, 8, 6);

  if (!series.length) {
    drawEmptyMessage(plot, inner, "No financing rounds for the companies chosen.");
    return frame.figure;
  }

  const [first, last] = d3.extent(points, (p) => p.date) as [Date, Date];
  const end = d3.utcMonth.offset(last, 3);
  const x = d3.scaleUtc().domain([d3.utcMonth.offset(first, -3), end]).range([0, inner.width]);
  const maxHigh = d3.max(points, (p) => p.cum_usd_high) ?? 0;
  const y = log
    ? d3.scaleLog().domain(logDomain(points.flatMap((p) => [p.cum_usd_low, p.cum_usd_high]), 1.4) ?? [1, 1000]).range([inner.height, 0]).clamp(true)
    : d3.scaleLinear().domain([0, maxHigh > 0 ? maxHigh * 1.05 : 1]).nice().range([inner.height, 0]);
  const yAt = (v: number) => (log && v <= 0 ? inner.height : y(v));

  timeAxis(plot, x, inner.height, inner.width);
  usdAxisLeft(plot, y, inner.height, log);
  axisLabel(plot, narrow ? "↑ Raised so far (USD)" : `↑ Cumulative disclosed funding (USD${log ? ", log scale" : ""})`, -margin.left + 4, -10);

  // Each series continues flat to the end of the axis: no new disclosed money since its last round.
  type Step = {date: Date; low: number; mid: number; high: number};
  const steps = (s: CumulativeSeries): Step[] => {
    const up = s.points.filter((p) => p.disclosed);
    if (!up.length) return [];
    const out: Step[] = up.map((p) => ({date: p.date, low: p.cum_usd_low, mid: p.cum_usd_mid, high: p.cum_usd_high}));
    if (!log) out.unshift({date: up[0].date, low: 0, mid: 0, high: 0});
    const tail = out[out.length - 1];
    out.push({...tail, date: end});
    return out;
  };
  const area = d3
    .area<Step>()
    .curve(d3.curveStepAfter)
    .x((d) => x(d.date))
    .y0((d) => yAt(d.low))
    .y1((d) => yAt(d.high));
  const line = d3
    .line<Step>()
    .curve(d3.curveStepAfter)
    .x((d) => x(d.date))
    .y((d) => yAt(d.mid));
  const layers = plot.append("g").attr("class", "series").selectAll("g").data(series).join("g").attr("class", "company-series").attr("data-company", (s) => s.company_id);
  layers.append("path").attr("class", "band").attr("d", (s) => area(steps(s)) ?? "").attr("fill", (s) => companyColor(s.company_id)).attr("fill-opacity", 0.18);
  layers.append("path").attr("class", "line").attr("d", (s) => line(steps(s)) ?? "").attr("fill", "none").attr("stroke", (s) => companyColor(s.company_id)).attr("stroke-width", 2);

  const marks = plot
    .append("g")
    .attr("class", "marks")
    .selectAll("circle")
    .data([...disclosed, ...undisclosed])
    .join("circle")
    .attr("class", (p) => (p.disclosed ? "mark" : "mark undisclosed"))
    .attr("data-id", (p) => p.id)
    .attr("cx", (p) => x(p.date))
    .attr("cy", (p) => yAt(p.cum_usd_mid))
    .attr("r", (p) => (p.disclosed ? 4 : 4.5))
    .attr("fill", (p) => (p.disclosed ? companyColor(p.company_id) : "none"))
    .attr("pointer-events", "all")
    .attr("stroke", (p) => (p.disclosed ? "currentColor" : companyColor(p.company_id)))
    .attr("stroke-width", (p) => (p.disclosed ? 0.75 : 2));

  frame.tooltip.attach(marks, (p) => ({
    title: labelOf(index, p.company_id),
    lines: [
      `${p.round ?? "Financing round"}, ${formatDate(p.date, p.date_raw)}`,
      p.disclosed
        ? `Amount: ${p.amount_reported ?? ""} ≈ ${range(p.amount_usd_low, p.amount_usd_mid, p.amount_usd_high)}`
        : `Amount ${p.amount_reported === "undisclosed" ? "undisclosed" : "not reported"}; adds nothing to the total`,
      `Raised so far: ${range(p.cum_usd_low, p.cum_usd_mid, p.cum_usd_high)}`,
      ...(p.conflict_key ? [`Disputed: see conflict_key ${p.conflict_key}`] : [])
    ],
    sources: p.source_ids
  }));
  return frame.figure;
}

function range(low: number | null, mid: number | null, high: number | null): string {
  if (mid === null) return "n/a";
  if (low === null || high === null || (low === mid && high === mid)) return formatUsdMillions(mid);
  return `${formatUsdMillions(mid)} (${formatUsdMillions(low)}–${formatUsdMillions(high)})`;
}
