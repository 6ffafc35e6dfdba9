/**
 * Cumulative disclosed funding per company: a step line that rises at each financing round with an amount,
 * with a band from the cumulative low to the cumulative high reading. Vague reports (数亿元 is read as
 * ¥100m-1bn) make the band wide on purpose: the uncertainty is part of the story. Rounds whose amount was
 * never disclosed still happened, so they appear as hollow markers that add nothing to the line.
 *
 * The steps are rows of funding_steps: which rounds count (not IPOs, reported totals or a second report of a
 * round) and the running totals are the build's, so the line ends where company_summary's total does.
 */
import * as d3 from "./d3.js";
import {axisLabel, chartFrame, formatUsdMillions, sourceLine, type SourceIndex} from "./chart.js";
import {asDate, formatDate} from "./cells.js";
import {logDomain, timeAxisIn, usdAxisLeft} from "./chartAxes.js";
import {drawLegend, layoutLegend, swatches, type LegendItem} from "./chartLegend.js";
import {drawEmptyMessage} from "./chartText.js";
import {companyLookup, type CompanyRef} from "./companyLookup.js";
import {formatUsdRange, plural, roundMillions} from "./fundingData.js";
import type {CompanySummaryRow, FundingStepsRow} from "./rows.js";
import {bilingual, type Lang} from "./i18n.js";

/** A funding_steps row. */
export type StepRow = FundingStepsRow;

/** A company row; with company_summary's counts the chart can say what it leaves out. */
export type StepCompany = CompanyRef & Partial<Pick<CompanySummaryRow, "rounds_superseded" | "rounds_undated">>;

interface Series {
  company_id: string;
  points: StepRow[];
}

export interface CumulativeFundingOptions {
  /** The page's language: every word the chart shows follows it. */
  lang?: Lang;
  /** company_summary rows: labels, colours, order and the counts of rounds left out. */
  companies: readonly StepCompany[];
  /** Width in px (default 640); the layout adapts down to 320. */
  width?: number;
  /** Height of the plot with its axes in px (default from the width, 300-420); the legend adds to it. */
  height?: number;
  /** y scale (default "linear"); "log" separates the small early rounds from the large late ones. */
  scale?: "linear" | "log";
  /** Companies to draw (default all with steps); order does not matter. */
  companyIds?: readonly string[];
  /** Sources by id, for tooltips and the source line. */
  sources?: SourceIndex;
}

/** The chart's words in both languages; sentences with counts are functions. */
const TEXT = bilingual({
  en: {
    title: "Cumulative disclosed funding",
    undisclosed: "amount undisclosed",
    band: "low–high range",
    listSeparator: ", ",
    describe: {
      scale: (log: boolean, companies: number, names: string) =>
        `Cumulative disclosed funding in US dollars (${log ? "logarithmic" : "linear"} scale) over time for ${plural(companies, "company", "companies")}${names ? `: ${names}` : ""}.`,
      steps: (rounds: number) =>
        `Each line steps up at a financing round with a disclosed amount (${plural(rounds, "round")}); the band runs from the cumulative low to the cumulative high reading of bounded or vague amounts.`,
      undisclosed: (n: number) => `${plural(n, "round")} with undisclosed amounts ${n === 1 ? "is" : "are"} shown as hollow markers and add nothing.`,
      superseded: (n: number) => `${plural(n, "duplicate report")} of a round already counted ${n === 1 ? "is" : "are"} not drawn.`,
      undated: (n: number) => `${plural(n, "round")} without a date ${n === 1 ? "is" : "are"} not drawn.`,
      leftOut: "IPO proceeds and reported totals are left out so nothing is counted twice."
    },
    sentenceSeparator: " ",
    labels: {
      company: "Company",
      date: "Date",
      round: "Round",
      amount_reported: "Amount as reported",
      amount_usd_mid: "Amount (USD m)",
      cum_usd_low: "Cumulative, low (USD m)",
      cum_usd_mid: "Cumulative (USD m)",
      cum_usd_high: "Cumulative, high (USD m)"
    },
    empty: "No financing rounds for the companies chosen.",
    axis: (narrow: boolean, log: boolean) => (narrow ? "↑ Raised so far (USD)" : `↑ Cumulative disclosed funding (USD${log ? ", log scale" : ""})`),
    tip: {
      round: (round: string | null, date: string) => `${round ?? "Financing round"}, ${date}`,
      amount: (reported: string | null, range: string) => `Amount: ${reported ?? ""} ≈ ${range}`,
      noAmount: (undisclosed: boolean) => `Amount ${undisclosed ? "undisclosed" : "not reported"}; adds nothing to the total`,
      soFar: (range: string) => `Raised so far: ${range}`,
      disputed: (key: string) => `Disputed: see conflict_key ${key}`
    }
  },
  zh: {
    title: "累计已披露融资额",
    undisclosed: "金额未披露",
    band: "低值–高值区间",
    listSeparator: "、",
    describe: {
      scale: (log: boolean, companies: number, names: string) =>
        `${companies}家公司累计已披露融资额随时间的变化（美元，${log ? "对数" : "线性"}刻度）${names ? `：${names}` : ""}。`,
      steps: (rounds: number) => `每条线在披露了金额的融资轮次处上升（共${rounds}轮）；色带从累计低值延伸到累计高值，反映区间或模糊金额的不确定性。`,
      undisclosed: (n: number) => `${n}轮融资未披露金额，以空心标记表示，不计入累计。`,
      superseded: (n: number) => `另有${n}条报道与已计入的轮次重复，未画出。`,
      undated: (n: number) => `${n}轮融资缺少日期，未画出。`,
      leftOut: "IPO募资和报道中的累计总额不计入，以免重复计算。"
    },
    sentenceSeparator: "",
    labels: {
      company: "公司",
      date: "日期",
      round: "轮次",
      amount_reported: "报道金额（原文）",
      amount_usd_mid: "金额（百万美元）",
      cum_usd_low: "累计低值（百万美元）",
      cum_usd_mid: "累计（百万美元）",
      cum_usd_high: "累计高值（百万美元）"
    },
    empty: "所选公司没有融资轮次。",
    axis: (narrow: boolean, log: boolean) => (narrow ? "↑ 累计融资（美元）" : `↑ 累计已披露融资额（美元${log ? "，对数刻度" : ""}）`),
    tip: {
      round: (round: string | null, date: string) => `${round ?? "融资轮次"}，${date}`,
      amount: (reported: string | null, range: string) => `金额：${reported ?? ""} ≈ ${range}`,
      noAmount: (undisclosed: boolean) => `金额${undisclosed ? "未披露" : "未见报道"}，不计入累计`,
      soFar: (range: string) => `累计融资：${range}`,
      disputed: (key: string) => `说法不一：见 conflict_key ${key}`
    }
  }
});

/** Step lines of cumulative disclosed funding with low-high bands, one per company. */
export function cumulativeFunding(steps: readonly StepRow[], options: CumulativeFundingOptions): HTMLElement {
  const {companies, sources = new Map(), scale = "linear", lang = "en"} = options;
  const t = TEXT(lang);
  const log = scale === "log";
  const width = Math.max(320, options.width ?? 640);
  const narrow = width < 520;
  const lookup = companyLookup(companies, lang);
  const wanted = options.companyIds ? new Set(options.companyIds) : null;
  const chosen = steps.filter((p) => (!wanted || wanted.has(p.company_id)) && asDate(p.date));
  const byCompany = d3.group(chosen, (p) => p.company_id);
  const series: Series[] = lookup.order(byCompany.keys()).map((company_id) => ({
    company_id,
    points: [...byCompany.get(company_id)!].sort((a, b) => a.step - b.step)
  }));
  const points = series.flatMap((s) => s.points);
  const disclosed = points.filter((p) => p.disclosed);
  const undisclosed = points.filter((p) => !p.disclosed);
  // What the line leaves out, from company_summary's counts: other reports of a counted round, and counted
  // rounds with no date to place.
  const summaries = lookup.rows.filter((c) => !wanted || wanted.has(c.company_id)) as StepCompany[];
  const superseded = d3.sum(summaries, (c) => c.rounds_superseded ?? 0);
  const undated = d3.sum(summaries, (c) => c.rounds_undated ?? 0);

  const legendItems: LegendItem[] = [
    ...series.map((s) => ({key: s.company_id, label: narrow ? lookup.short(s.company_id) : lookup.label(s.company_id), swatch: swatches.square(lookup.color(s.company_id))})),
    {key: "undisclosed", label: t.undisclosed, swatch: swatches.dot("currentColor", {hollow: true, r: 4})},
    {key: "band", label: t.band, swatch: (g) => void g.append("rect").attr("x", 1).attr("y", -4).attr("width", 12).attr("height", 8).attr("fill", "currentColor").attr("fill-opacity", 0.2)}
  ];
  const legend = layoutLegend(legendItems, width - 16);
  const plotHeight = options.height ?? Math.round(Math.max(300, Math.min(420, width * 0.6)));
  const margin = {top: legend.height + 28, right: 16, bottom: 40, left: 52};
  const height = plotHeight + legend.height + 10;

  const names = series.map((s) => lookup.label(s.company_id)).join(t.listSeparator);
  const description = [
    t.describe.scale(log, series.length, names),
    t.describe.steps(disclosed.length),
    undisclosed.length ? t.describe.undisclosed(undisclosed.length) : "",
    superseded ? t.describe.superseded(superseded) : "",
    undated ? t.describe.undated(undated) : "",
    t.describe.leftOut
  ]
    .filter(Boolean)
    .join(t.sentenceSeparator);

  const frame = chartFrame({
    name: "cumulative-funding",
    title: t.title,
    description,
    lang,
    width,
    height,
    margin,
    sourceLine: sourceLine(points.flatMap((p) => p.source_ids), sources, 4, lang),
    sources,
    table: {
      rows: points.map((p) => ({
        company: lookup.label(p.company_id),
        date: formatDate(p.date, p.date_raw, lang),
        round: p.round,
        amount_reported: p.amount_reported,
        amount_usd_mid: roundMillions(p.amount_usd_mid),
        cum_usd_low: roundMillions(p.cum_usd_low),
        cum_usd_mid: roundMillions(p.cum_usd_mid),
        cum_usd_high: roundMillions(p.cum_usd_high)
      })),
      columns: ["company", "date", "round", "amount_reported", "amount_usd_mid", "cum_usd_low", "cum_usd_mid", "cum_usd_high"],
      labels: t.labels
    }
  });
  const {plot, inner} = frame;
  drawLegend(frame.svg, legend, 8, 6);

  if (!series.length) {
    drawEmptyMessage(plot, inner, t.empty);
    return frame.figure;
  }

  const [first, last] = d3.extent(points, (p) => asDate(p.date)!) as [Date, Date];
  const end = d3.utcMonth.offset(last, 3);
  const x = d3.scaleUtc().domain([d3.utcMonth.offset(first, -3), end]).range([0, inner.width]);
  const maxHigh = d3.max(points, (p) => p.cum_usd_high) ?? 0;
  const y = log
    ? d3.scaleLog().domain(logDomain(points.flatMap((p) => [p.cum_usd_low, p.cum_usd_high]), 1.4) ?? [1, 1000]).range([inner.height, 0]).clamp(true)
    : d3.scaleLinear().domain([0, maxHigh > 0 ? maxHigh * 1.05 : 1]).nice().range([inner.height, 0]);
  const yAt = (v: number) => (log && v <= 0 ? inner.height : y(v));

  timeAxisIn(plot, x, inner.height, inner.width, lang);
  usdAxisLeft(plot, y, inner.height, log, lang);
  axisLabel(plot, t.axis(narrow, log), -margin.left + 4, -10);

  // Each series continues flat to the end of the axis: no new disclosed money since its last round.
  type Step = {date: Date; low: number; mid: number; high: number};
  const stepsOf = (s: Series): Step[] => {
    const up = s.points.filter((p) => p.disclosed);
    if (!up.length) return [];
    const out: Step[] = up.map((p) => ({date: asDate(p.date)!, low: p.cum_usd_low, mid: p.cum_usd_mid, high: p.cum_usd_high}));
    if (!log) out.unshift({date: asDate(up[0].date)!, low: 0, mid: 0, high: 0});
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
  layers.append("path").attr("class", "band").attr("d", (s) => area(stepsOf(s)) ?? "").attr("fill", (s) => lookup.color(s.company_id)).attr("fill-opacity", 0.18);
  layers.append("path").attr("class", "line").attr("d", (s) => line(stepsOf(s)) ?? "").attr("fill", "none").attr("stroke", (s) => lookup.color(s.company_id)).attr("stroke-width", 2);

  const marks = plot
    .append("g")
    .attr("class", "marks")
    .selectAll("circle")
    .data([...disclosed, ...undisclosed])
    .join("circle")
    .attr("class", (p) => (p.disclosed ? "mark" : "mark undisclosed"))
    .attr("data-id", (p) => p.round_id)
    .attr("cx", (p) => x(asDate(p.date)!))
    .attr("cy", (p) => yAt(p.cum_usd_mid))
    .attr("r", (p) => (p.disclosed ? 4 : 4.5))
    .attr("fill", (p) => (p.disclosed ? lookup.color(p.company_id) : "none"))
    .attr("pointer-events", "all")
    .attr("stroke", (p) => (p.disclosed ? "currentColor" : lookup.color(p.company_id)))
    .attr("stroke-width", (p) => (p.disclosed ? 0.75 : 2));

  frame.tooltip.attach(marks, (p) => ({
    title: lookup.label(p.company_id),
    lines: [
      t.tip.round(p.round, formatDate(p.date, p.date_raw, lang)),
      p.disclosed ? t.tip.amount(p.amount_reported, range(p.amount_usd_low, p.amount_usd_mid, p.amount_usd_high, lang)) : t.tip.noAmount(p.amount_reported === "undisclosed"),
      t.tip.soFar(range(p.cum_usd_low, p.cum_usd_mid, p.cum_usd_high, lang)),
      ...(p.conflict_key ? [t.tip.disputed(p.conflict_key)] : [])
    ],
    sources: p.source_ids
  }));
  return frame.figure;
}

function range(low: number | null, mid: number | null, high: number | null, lang: Lang): string {
  return formatUsdRange(low, mid, high, (v) => formatUsdMillions(v, lang), lang);
}
