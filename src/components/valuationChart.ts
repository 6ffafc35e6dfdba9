/**
 * Valuations over time on a log scale: one point per funding_rounds row that reports a valuation, joined
 * per company in date order. Reported forms other than an exact figure ("> $1bn", "~$3bn") carry an error
 * bar between their bounds; rows that disagree about the same valuation (same conflict_key) get a dashed
 * outline and say so in the tooltip, because the atlas keeps both readings rather than picking one
 * silently. Rounds still being raised are hollow: their valuation is a target, not a closing price.
 */
import * as d3 from "./d3.js";
import {axisLabel, chartFrame, formatUsdMillions, sourceLine, type SourceIndex} from "./chart.js";
import {asDate, asList, asNumber, formatDate} from "./cells.js";
import {logDomain, timeAxisIn, usdAxisLeft} from "./chartAxes.js";
import {drawLegend, layoutLegend, swatches, type LegendItem} from "./chartLegend.js";
import {drawEmptyMessage} from "./chartText.js";
import {companyLookup, type CompanyRef} from "./companyLookup.js";
import {plural, roundMillions} from "./fundingData.js";
import type {FundingRoundsRow} from "./rows.js";
import {aside, bilingual, type Lang} from "./i18n.js";

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

/** funding_rounds.kind in Chinese words: tooltips and the data table (whose English keeps the data's code). */
const KINDS_ZH: Record<string, string> = {round: "融资轮次", ipo: "IPO", disclosure: "事后披露", in_progress: "融资进行中，为目标估值", cumulative: "报道中的累计数"};

/** The chart's words in both languages; sentences with counts are functions. */
const TEXT = bilingual({
  en: {
    title: "Valuations over time",
    kinds: {round: "financing round", ipo: "IPO", disclosure: "disclosed later", in_progress: "round in progress (target)", cumulative: "reported total"} as Record<string, string>,
    legend: {range: "reported range", tentative: "round in progress", disputed: "disputed"},
    listSeparator: ", ",
    sentenceSeparator: " ",
    describe: {
      points: (reports: number, companies: number, names: string) =>
        `Reported valuations in US dollars (logarithmic scale) over time: ${plural(reports, "report")} for ${plural(companies, "company", "companies")}${names ? ` (${names})` : ""}, joined per company in date order.`,
      bars: "Bars span the bounds of valuations reported as ranges or approximations; hollow points are targets of rounds still being raised.",
      disputed: (n: number) => `${plural(n, "report")} disagree${n === 1 ? "s" : ""} with another report of the same valuation and ${n === 1 ? "is" : "are"} outlined with dashes.`,
      undated: (n: number) => `${plural(n, "valuation")} without a date ${n === 1 ? "is" : "are"} not drawn.`
    },
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
    },
    /** The kind column of the data table: the data's own code in English. */
    kindCell: (kind: string) => kind,
    empty: "No reported valuations for the companies chosen.",
    axis: (narrow: boolean) => (narrow ? "↑ Valuation (USD, log)" : "↑ Reported valuation (USD, log scale)"),
    tip: {
      round: (round: string, date: string) => `${round}, ${date}`,
      valuation: (reported: string, value: string) => `Valuation: ${reported} ≈ ${value}`,
      basis: (basis: string) => `, ${basis}-money`,
      disputed: (key: string) => `Disputed: see conflict_key ${key}`,
      rivals: (n: number, list: string) => `; other report${n > 1 ? "s" : ""}: ${list}`
    }
  },
  zh: {
    title: "估值变化",
    kinds: KINDS_ZH,
    legend: {range: "报道区间", tentative: "进行中的融资", disputed: "说法不一"},
    listSeparator: "、",
    sentenceSeparator: "",
    describe: {
      points: (reports: number, companies: number, names: string) =>
        `各公司报道估值随时间的变化（美元，对数刻度）：${companies}家公司${names ? `（${names}）` : ""}共${reports}条估值报道，同一公司的各点按日期连线。`,
      bars: "以区间或约数报道的估值画出误差线，标出上下限；空心点是仍在进行的融资的目标估值。",
      disputed: (n: number) => `${n}条报道与同一估值的另一条报道不一致，以虚线圈出。`,
      undated: (n: number) => `${n}条估值缺少日期，未画出。`
    },
    labels: {
      company: "公司",
      date: "日期",
      kind: "类型",
      round: "轮次",
      valuation_reported: "报道估值（原文）",
      valuation_usd_low: "低值（百万美元）",
      valuation_usd_mid: "估值（百万美元）",
      valuation_usd_high: "高值（百万美元）",
      conflict_key: "分歧标识"
    },
    kindCell: (kind: string) => KINDS_ZH[kind] ?? kind,
    empty: "所选公司没有报道过估值。",
    axis: (narrow: boolean) => (narrow ? "↑ 估值（美元，对数）" : "↑ 报道估值（美元，对数刻度）"),
    tip: {
      round: (round: string, date: string) => `${round}，${date}`,
      valuation: (reported: string, value: string) => `估值：${reported} ≈ ${value}`,
      basis: (basis: string) => `，${({pre: "投前", post: "投后"} as Record<string, string>)[basis] ?? basis}`,
      disputed: (key: string) => `说法不一：见 conflict_key ${key}`,
      rivals: (_n: number, list: string) => `；其他报道：${list}`
    }
  }
});

/** Valuation points per company over time, log y, with error bars and disputed rows marked. */
export function valuationChart(rounds: readonly RoundRow[], options: ValuationChartOptions): HTMLElement {
  const {companies, sources = new Map(), lang = "en"} = options;
  const t = TEXT(lang);
  const usd = (v: number) => formatUsdMillions(v, lang);
  const width = Math.max(320, options.width ?? 640);
  const narrow = width < 520;
  const lookup = companyLookup(companies, lang);
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
    {key: "range", label: t.legend.range, swatch: (g) => void g.append("path").attr("d", "M7,-6V6M4,-6H10M4,6H10").attr("stroke", "currentColor").attr("fill", "none")},
    {key: "tentative", label: t.legend.tentative, swatch: swatches.dot("currentColor", {hollow: true, r: 4})},
    {key: "disputed", label: t.legend.disputed, swatch: swatches.dot("currentColor", {hollow: true, dash: "2,1.5"})}
  ];
  const legend = layoutLegend(legendItems, width - 16);
  const plotHeight = options.height ?? Math.round(Math.max(300, Math.min(420, width * 0.6)));
  const margin = {top: legend.height + 28, right: 16, bottom: 32, left: 52};
  const height = plotHeight + legend.height + 10;

  const description = [
    t.describe.points(points.length, series.length, series.map((s) => lookup.label(s.company_id)).join(t.listSeparator)),
    t.describe.bars,
    disputed.length ? t.describe.disputed(disputed.length) : "",
    undated.length ? t.describe.undated(undated.length) : ""
  ]
    .filter(Boolean)
    .join(t.sentenceSeparator);

  const frame = chartFrame({
    name: "valuations",
    title: t.title,
    description,
    lang,
    width,
    height,
    margin,
    sourceLine: sourceLine(points.flatMap((p) => asList(p.row.source_ids)), sources, 4, lang),
    sources,
    table: {
      rows: points.map((p) => ({
        company: lookup.label(p.company_id),
        date: formatDate(p.date, p.row.date_raw, lang),
        kind: t.kindCell(p.row.kind),
        round: p.row.round ?? null,
        valuation_reported: p.row.valuation_reported ?? null,
        valuation_usd_low: roundMillions(p.low),
        valuation_usd_mid: roundMillions(p.mid),
        valuation_usd_high: roundMillions(p.high),
        conflict_key: p.row.conflict_key ?? null
      })),
      columns: ["company", "date", "kind", "round", "valuation_reported", "valuation_usd_low", "valuation_usd_mid", "valuation_usd_high", "conflict_key"],
      labels: t.labels
    }
  });
  const {plot, inner} = frame;
  drawLegend(frame.svg, legend, 8, 6);

  if (!points.length) {
    drawEmptyMessage(plot, inner, t.empty);
    return frame.figure;
  }

  const [first, last] = d3.extent(points, (p) => p.date) as [Date, Date];
  const x = d3.scaleUtc().domain([d3.utcMonth.offset(first, -3), d3.utcMonth.offset(last, 3)]).range([0, inner.width]);
  const y = d3.scaleLog().domain(logDomain(points.flatMap((p) => [p.low, p.high]), 1.4)!).range([inner.height, 0]);
  timeAxisIn(plot, x, inner.height, inner.width, lang);
  usdAxisLeft(plot, y, inner.height, true, lang);
  axisLabel(plot, t.axis(narrow), -margin.left + 4, -10);

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
      t.tip.round(p.row.round ?? t.kinds[p.row.kind] ?? p.row.kind, formatDate(p.date, p.row.date_raw, lang)) + (p.row.kind !== "round" ? aside(t.kinds[p.row.kind] ?? p.row.kind, lang) : ""),
      t.tip.valuation(p.row.valuation_reported ?? "", p.exact || p.low === p.high ? usd(p.mid) : `${usd(p.mid)}${aside(`${usd(p.low)}–${usd(p.high)}`, lang)}`) +
        (p.row.valuation_basis && p.row.valuation_basis !== "unspecified" ? t.tip.basis(p.row.valuation_basis) : ""),
      ...(p.row.conflict_key
        ? [
            t.tip.disputed(p.row.conflict_key) +
              (p.rivals.length ? t.tip.rivals(p.rivals.length, p.rivals.map((o) => `${o.id}${o.valuation_reported ? aside(o.valuation_reported, lang) : ""}`).join(t.listSeparator)) : "")
          ]
        : [])
    ],
    sources: asList(p.row.source_ids)
  }));
  return frame.figure;
}
