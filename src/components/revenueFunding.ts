/**
 * Revenue against money raised: one row per company that has reported a full year's revenue, with three
 * marks on one logarithmic USD axis: the money it raised (total disclosed funding, whiskers for the low–high
 * bounds of vague reports), the revenue of its latest full year with results, and that year's net loss. The
 * gap between the first two marks is the story of 2026: billions raised against tens of millions earned.
 *
 * Every value is a company_summary column (funding_usd_*, results_period, results_basis, revenue_usd_m,
 * net_loss_usd_m): which year is the latest and which report of it counts are the build's rules
 * (financials.preferred). The optional financials rows only add what the tooltips quote: the figures as
 * reported, the curators' notes and the row's own sources.
 * Companies without results are named in a note rather than dropped silently.
 */
import * as d3 from "./d3.js";
import {axisLabel, chartFrame, formatUsdMillions, sourceLine, type SourceIndex} from "./chart.js";
import {asList} from "./cells.js";
import {logDomain, usdAxisBottom} from "./chartAxes.js";
import {drawLegend, layoutLegend, type LegendItem} from "./chartLegend.js";
import {drawEmptyMessage, drawNote, fitText, LABEL_HALO, NOTE_LINE, textWidth, wrapText} from "./chartText.js";
import {companyLookup, type CompanyRef} from "./companyLookup.js";
import {formatUsdRange, plural, roundMillions} from "./fundingData.js";
import type {CompanySummaryRow, FinancialsRow} from "./rows.js";
import {bilingual, formatDateText, listText, type Lang} from "./i18n.js";
import {BASIS_LABELS, basisLabel} from "./chartWords.js";

/** A company_summary row with the columns this chart reads. */
export type RevenueFundingCompany = CompanyRef &
  Pick<
    CompanySummaryRow,
    "funding_usd_low" | "funding_usd_mid" | "funding_usd_high" | "rounds_counted" | "results_period" | "results_financial_id" | "results_basis" | "results_confidence" | "revenue_usd_m" | "net_loss_usd_m" | "source_ids"
  >;

/** A financials row with the columns the tooltips quote. */
export type RevenueFundingResult = Pick<FinancialsRow, "id" | "figures_reported" | "notes" | "source_ids">;

export interface RevenueFundingOptions {
  /** The page's language: every word the chart shows follows it. */
  lang?: Lang;
  /** Width in px (default 640); below 520 rows are labelled with short names. */
  width?: number;
  /** Sources by id (indexSources of the sources table), for tooltips and the source line. */
  sources?: SourceIndex;
  /** Rows of financials: the row each company's results_financial_id names gives its tooltips the figures as reported and its sources. */
  financials?: readonly RevenueFundingResult[];
}

type Measure = "raised" | "revenue" | "net_loss";

interface Mark {
  id: string;
  company_id: string;
  measure: Measure;
  value: number;
  low: number;
  high: number;
}

/** What each mark is, in the legend and the tooltips, in both languages. */
const MEASURE_TEXT = bilingual<Record<Measure, string>>({
  en: {raised: "money raised", revenue: "revenue", net_loss: "net loss"},
  zh: {raised: "融资额", revenue: "营收", net_loss: "净亏损"}
});

/** What each mark is, in English (the legend and tooltips take the page's language from MEASURE_TEXT). */
export const MEASURE_LABELS: Record<Measure, string> = MEASURE_TEXT("en");

// How a results row was published: the words live in chartWords.ts, since a company page's results table says
// them too and should not load this chart to do so.
export {BASIS_LABELS, basisLabel};

/** Chinese names of the reporting currencies, written after the amount ("7.24亿元", "7900万美元"). */
const CURRENCY_ZH: Record<string, string> = {CNY: "元", RMB: "元", USD: "美元", HKD: "港元"};

/**
 * An amount in millions of its reporting currency: "CNY 724m", "USD 79m" in English; "7.24亿元", "7900万美元"
 * in Chinese, counted in 亿 and 万 as Chinese filings write it; "" when there is none.
 */
export function formatReported(value: number | null | undefined, currency: string | null | undefined, lang: Lang = "en"): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "";
  if (lang === "zh") {
    // Millions to 亿 (10⁸) or 万 (10⁴), rounded to 8 decimals so float noise (7.2435000000000005) goes.
    const amount = Math.abs(value) >= 100 ? `${d3.format(".8~f")(value / 100)}亿` : `${d3.format(".8~f")(value * 100)}万`;
    const unit = currency ? CURRENCY_ZH[currency.toUpperCase()] : undefined;
    return unit ? `${amount}${unit}` : `${currency ?? ""} ${amount}`.trim();
  }
  return `${currency ?? ""} ${d3.format(",.6~f")(value)}m`.trim();
}

/** The chart's words in both languages; sentences with counts and names are functions. */
const TEXT = bilingual({
  en: {
    title: "Revenue against money raised",
    listSeparator: ", ",
    sentenceSeparator: " ",
    notes: {
      without: (names: string) => `Not drawn (no reported full-year revenue): ${names}.`,
      raised: (names: string) => `No disclosed funding amount: ${names}.`,
      loss: (names: string) => `No net loss reported: ${names}.`,
      revenueZero: (names: string) => `Revenue of zero or less, not on the log scale: ${names}.`,
      profit: (names: string) => `A net profit or break-even, not on the log scale: ${names}.`
    },
    unknownYear: "an unknown year",
    yearItem: (year: string, names: string) => `${year} (${names})`,
    describe: {
      what: (n: number) =>
        `Money raised (total disclosed funding, with whiskers from the low to the high reading of vague reports), revenue and net loss of the latest full year with reported results, in US dollars on one logarithmic scale, for ${plural(n, "company", "companies")}.`,
      years: (list: string) => `The figures are for ${list}.`
    },
    none: "No company has reported a full year's revenue.",
    range: " (low–high)",
    labels: {
      company: "Company",
      funding_usd_low: "Raised, low (USD m)",
      funding_usd_mid: "Raised (USD m)",
      funding_usd_high: "Raised, high (USD m)",
      results_period: "Results year",
      revenue_usd_m: "Revenue (USD m)",
      net_loss_usd_m: "Net loss (USD m)",
      basis: "Results from"
    },
    axis: (narrow: boolean) => (narrow ? "USD, log scale →" : "US dollars, log scale →"),
    rowYear: (period: string) => `results ${period}`,
    tip: {
      raised: (range: string, rounds: number) => `Money raised: ${range}, from ${plural(rounds, "round")} with a disclosed amount`,
      value: (revenue: boolean, period: string | null, value: string) => `${revenue ? "Revenue" : "Net loss"}, ${period ?? "latest year"}: ${value}`,
      reported: (figures: string) => `As reported: ${figures}`,
      from: (basis: string, confidence: string | null) => `From: ${basis}${confidence ? `; ${confidence} confidence` : ""}`
    }
  },
  zh: {
    title: "营收与融资额",
    listSeparator: "、",
    sentenceSeparator: "",
    notes: {
      without: (names: string) => `未画出（没有报道完整年度营收）：${names}。`,
      raised: (names: string) => `没有披露融资金额：${names}。`,
      loss: (names: string) => `没有报道净亏损：${names}。`,
      revenueZero: (names: string) => `营收为零或负数，无法画在对数刻度上：${names}。`,
      profit: (names: string) => `实现净利润或盈亏平衡，无法画在对数刻度上：${names}。`
    },
    unknownYear: "年份不详",
    yearItem: (year: string, names: string) => `${formatDateText(year, "zh")}（${names}）`,
    describe: {
      what: (n: number) =>
        `${n}家公司的融资额（已披露融资总额，须线从模糊报道的低值延伸到高值）与最近一个有业绩报道的完整年度的营收和净亏损，以美元画在同一对数刻度上。`,
      years: (list: string) => `数据年份：${list}。`
    },
    none: "没有公司报道过完整年度的营收。",
    range: "（低–高）",
    labels: {
      company: "公司",
      funding_usd_low: "融资额低值（百万美元）",
      funding_usd_mid: "融资额（百万美元）",
      funding_usd_high: "融资额高值（百万美元）",
      results_period: "业绩年度",
      revenue_usd_m: "营收（百万美元）",
      net_loss_usd_m: "净亏损（百万美元）",
      basis: "业绩出处"
    },
    axis: (narrow: boolean) => (narrow ? "美元，对数刻度 →" : "美元（对数刻度）→"),
    rowYear: (period: string) => `${formatDateText(period, "zh")}业绩`,
    tip: {
      raised: (range: string, rounds: number) => `融资额：${range}，来自${rounds}轮披露金额的融资`,
      value: (revenue: boolean, period: string | null, value: string) => `${period ? formatDateText(period, "zh") : "最近一年"}${revenue ? "营收" : "净亏损"}：${value}`,
      reported: (figures: string) => `报道原文：${figures}`,
      from: (basis: string, confidence: string | null) => `出处：${basis}${confidence ? `；可信度${({high: "高", medium: "中", low: "低"} as Record<string, string>)[confidence] ?? confidence}` : ""}`
    }
  }
});

const ROW_HEIGHT = 40;
/** Vertical offsets of the three marks within a company's row, so close values never hide each other. */
const OFFSET: Record<Measure, number> = {raised: -11, revenue: 0, net_loss: 11};
const SIZE = 9;

/** Money raised, revenue and net loss per company on one log USD axis, in display order. */
export function revenueFunding(companies: readonly RevenueFundingCompany[], options: RevenueFundingOptions = {}): HTMLElement {
  const {sources = new Map(), financials = [], lang = "en"} = options;
  const t = TEXT(lang);
  const measures = MEASURE_TEXT(lang);
  const width = Math.max(320, options.width ?? 640);
  const narrow = width < 520;
  const lookup = companyLookup(companies, lang);
  const rows = lookup.rows as RevenueFundingCompany[];
  const results = new Map(financials.map((f) => [f.id, f]));
  const positive = (v: number | null | undefined): v is number => typeof v === "number" && Number.isFinite(v) && v > 0;

  const drawn = rows.filter((c) => c.revenue_usd_m !== null && c.revenue_usd_m !== undefined);
  const without = rows.filter((c) => !drawn.includes(c));
  const marks: Mark[] = drawn.flatMap((c) => {
    const out: Mark[] = [];
    const mid = c.funding_usd_mid;
    if (positive(mid)) out.push({id: `${c.company_id}:raised`, company_id: c.company_id, measure: "raised", value: mid, low: positive(c.funding_usd_low) ? c.funding_usd_low : mid, high: positive(c.funding_usd_high) ? c.funding_usd_high : mid});
    for (const measure of ["revenue", "net_loss"] as const) {
      const v = measure === "revenue" ? c.revenue_usd_m : c.net_loss_usd_m;
      if (positive(v)) out.push({id: `${c.company_id}:${measure}`, company_id: c.company_id, measure, value: v, low: v, high: v});
    }
    return out;
  });
  const names = (list: readonly RevenueFundingCompany[]) => list.map((c) => lookup.label(c.company_id)).join(t.listSeparator);
  const has = (c: RevenueFundingCompany, m: Measure) => marks.some((k) => k.company_id === c.company_id && k.measure === m);
  const lacking = {
    raised: drawn.filter((c) => !has(c, "raised")),
    loss: drawn.filter((c) => c.net_loss_usd_m === null || c.net_loss_usd_m === undefined),
    // A log axis has no place for zero revenue or a net profit (a negative loss).
    revenueZero: drawn.filter((c) => !positive(c.revenue_usd_m)),
    profit: drawn.filter((c) => typeof c.net_loss_usd_m === "number" && c.net_loss_usd_m <= 0)
  };
  const notes = [
    without.length ? t.notes.without(names(without)) : "",
    lacking.raised.length ? t.notes.raised(names(lacking.raised)) : "",
    lacking.loss.length ? t.notes.loss(names(lacking.loss)) : "",
    lacking.revenueZero.length ? t.notes.revenueZero(names(lacking.revenueZero)) : "",
    lacking.profit.length ? t.notes.profit(names(lacking.profit)) : ""
  ].filter(Boolean);

  // Which year each company's figures are for, grouped: "2025 (智谱 Zhipu, MiniMax) and 2024 (零一万物 01.AI)".
  const years = [...d3.group(drawn, (c) => c.results_period ?? t.unknownYear)].sort((a, b) => (a[0] < b[0] ? 1 : a[0] > b[0] ? -1 : 0));
  const yearText = years.map(([year, list]) => t.yearItem(year, names(list)));
  const description = [t.describe.what(drawn.length), drawn.length ? t.describe.years(listText(yearText, lang)) : t.none, ...notes].join(t.sentenceSeparator);

  const label = (id: string) => (narrow ? lookup.short(id) : lookup.label(id));
  // Row labels are bold, about a tenth wider than the estimate for regular text.
  const labelWidth = Math.min(width * 0.32, ((d3.max(drawn, (c) => textWidth(label(c.company_id))) ?? 40) + 4) * 1.1) + 12;
  const legendItems: LegendItem[] = [
    {key: "raised", label: `${measures.raised}${t.range}`, swatch: (g) => void g.append("circle").attr("cx", 7).attr("r", 4.5).attr("fill", "currentColor")},
    {key: "revenue", label: measures.revenue, swatch: (g) => void g.append("rect").attr("x", 2.5).attr("y", -4.5).attr("width", SIZE).attr("height", SIZE).attr("fill", "currentColor")},
    {key: "net_loss", label: measures.net_loss, swatch: (g) => void g.append("rect").attr("x", 2.5).attr("y", -4.5).attr("width", SIZE).attr("height", SIZE).attr("fill", "none").attr("stroke", "currentColor").attr("stroke-width", 1.5)}
  ];
  const legend = layoutLegend(legendItems, width - 16);
  // Wrapped at 12 px, the size the page's stylesheet gives .chart-note (drawNote's 10.5 is overridden).
  const noteLines = notes.length ? wrapText(notes.join(t.sentenceSeparator), width - 16, 12) : [];
  const margin = {top: legend.height + 14, right: 16, bottom: 40 + noteLines.length * NOTE_LINE + (noteLines.length ? 6 : 0), left: labelWidth};
  const height = margin.top + Math.max(1, drawn.length) * ROW_HEIGHT + margin.bottom;

  const resultOf = (c: RevenueFundingCompany) => (c.results_financial_id ? results.get(c.results_financial_id) : undefined);
  const frame = chartFrame({
    name: "revenue-funding",
    title: t.title,
    description,
    lang,
    width,
    height,
    margin,
    sourceLine: sourceLine(drawn.flatMap((c) => [...asList(c.source_ids), ...asList(resultOf(c)?.source_ids)]), sources, 4, lang),
    sources,
    table: {
      rows: drawn.map((c) => ({
        company: lookup.label(c.company_id),
        results_period: c.results_period,
        funding_usd_low: roundMillions(c.funding_usd_low),
        funding_usd_mid: roundMillions(c.funding_usd_mid),
        funding_usd_high: roundMillions(c.funding_usd_high),
        revenue_usd_m: roundMillions(c.revenue_usd_m),
        net_loss_usd_m: roundMillions(c.net_loss_usd_m),
        basis: c.results_basis ? basisLabel(c.results_basis, lang) : null
      })),
      columns: ["company", "funding_usd_low", "funding_usd_mid", "funding_usd_high", "results_period", "revenue_usd_m", "net_loss_usd_m", "basis"],
      labels: t.labels
    }
  });
  const {plot, inner} = frame;
  drawLegend(frame.svg, legend, 8, 6);
  drawNote(frame.svg, noteLines, 8, height - margin.bottom + 40 + 6);

  const domain = logDomain(marks.flatMap((m) => [m.low, m.value, m.high])) ?? [1, 1000];
  const x = d3.scaleLog().domain(domain).range([0, inner.width]);
  usdAxisBottom(plot, x, inner.height, inner.width, lang);
  plot
    .append("g")
    .attr("class", "grid")
    .attr("stroke", "currentColor")
    .attr("stroke-opacity", 0.08)
    .selectAll("line")
    .data(plot.selectAll<SVGGElement, number>(".axis-x .tick").data())
    .join("line")
    .attr("x1", (d) => Math.round(x(d)))
    .attr("x2", (d) => Math.round(x(d)))
    .attr("y1", 0)
    .attr("y2", inner.height);
  axisLabel(plot, t.axis(narrow), inner.width, inner.height + 32, "end");

  if (!drawn.length) {
    drawEmptyMessage(plot, inner, t.none);
    return frame.figure;
  }

  const rowY = (id: string) => drawn.findIndex((c) => c.company_id === id) * ROW_HEIGHT + ROW_HEIGHT / 2;
  const lanes = plot
    .append("g")
    .attr("class", "rows")
    .selectAll("g")
    .data(drawn)
    .join("g")
    .attr("class", "row")
    .attr("data-company", (c) => c.company_id)
    .attr("transform", (c) => `translate(0,${rowY(c.company_id)})`);
  lanes.append("line").attr("x1", 0).attr("x2", inner.width).attr("stroke", "currentColor").attr("stroke-opacity", 0.12);
  const labels = lanes.append("text").attr("class", "row-label").attr("x", -8).attr("text-anchor", "end").attr("fill", "currentColor");
  labels
    .append("tspan")
    .attr("x", -8)
    .attr("dy", -2)
    .attr("font-weight", 600)
    .call(fitText, (c) => label(c.company_id), () => (labelWidth - 12) / 1.1);
  labels
    .append("tspan")
    .attr("class", "row-year")
    .attr("x", -8)
    .attr("dy", 12)
    .attr("font-size", 10)
    .attr("fill-opacity", 0.7)
    .text((c) => (c.results_period ? t.rowYear(c.results_period) : ""));

  const y = (m: Mark) => rowY(m.company_id) + OFFSET[m.measure];
  const whiskers = plot.append("g").attr("class", "whiskers").attr("stroke-width", 1.5).attr("stroke-opacity", 0.75);
  for (const m of marks.filter((k) => k.measure === "raised" && x(k.high) - x(k.low) > 1)) {
    whiskers
      .append("line")
      .attr("class", "whisker")
      .attr("data-for", m.company_id)
      .attr("stroke", lookup.color(m.company_id))
      .attr("x1", x(m.low))
      .attr("x2", x(m.high))
      .attr("y1", y(m))
      .attr("y2", y(m));
  }

  const doc = frame.figure.ownerDocument;
  const g = plot.append("g").attr("class", "marks");
  const entered = g
    .selectAll<SVGElement, Mark>(".mark")
    .data(marks, (m) => m.id)
    .join((enter) => enter.append((m) => doc.createElementNS("http://www.w3.org/2000/svg", m.measure === "raised" ? "circle" : "rect") as SVGElement))
    .attr("class", (m) => `mark ${m.measure}`)
    .attr("data-id", (m) => m.id)
    .attr("data-measure", (m) => m.measure)
    .attr("data-value", (m) => m.value);
  const color = (m: Mark) => lookup.color(m.company_id);
  entered.filter((m) => m.measure === "raised").attr("cx", (m) => x(m.value)).attr("cy", y).attr("r", 5).attr("fill", color).attr("stroke", "currentColor").attr("stroke-width", 0.75);
  entered
    .filter((m) => m.measure !== "raised")
    .attr("x", (m) => x(m.value) - SIZE / 2)
    .attr("y", (m) => y(m) - SIZE / 2)
    .attr("width", SIZE)
    .attr("height", SIZE)
    .attr("fill", (m) => (m.measure === "revenue" ? color(m) : "var(--theme-background, #fff)"))
    .attr("stroke", (m) => (m.measure === "revenue" ? "currentColor" : color(m)))
    .attr("stroke-width", (m) => (m.measure === "revenue" ? 0.75 : 2));

  // Values beside their marks (right of a whisker's end, or left when that would leave the plot).
  const placed = marks.map((m) => {
    const text = formatUsdMillions(m.value, lang);
    const right = x(m.high) + 7;
    const fits = right + textWidth(text, 10) <= inner.width;
    return {m, text, x: fits ? right : Math.max(textWidth(text, 10), x(m.low) - 7), anchor: fits ? "start" : "end"};
  });
  plot
    .append("g")
    .attr("class", "value-labels")
    .attr("font-size", 10)
    .attr("fill", "currentColor")
    .attr("aria-hidden", "true")
    .attr("style", LABEL_HALO)
    .selectAll("text")
    .data(placed)
    .join("text")
    .attr("class", "value-label")
    .attr("data-for", (p) => p.m.id)
    .attr("x", (p) => p.x)
    .attr("y", (p) => y(p.m) + 3.5)
    .attr("text-anchor", (p) => p.anchor)
    .text((p) => p.text);

  const byId = new Map(drawn.map((c) => [c.company_id, c]));
  frame.tooltip.attach(entered, (m) => {
    const c = byId.get(m.company_id)!;
    const result = resultOf(c);
    if (m.measure === "raised") {
      return {
        title: lookup.label(c.company_id),
        lines: [t.tip.raised(formatUsdRange(c.funding_usd_low, c.funding_usd_mid, c.funding_usd_high, (v) => formatUsdMillions(v, lang), lang), c.rounds_counted)],
        sources: c.source_ids
      };
    }
    const value = t.tip.value(m.measure === "revenue", c.results_period, formatUsdMillions(m.value, lang));
    return {
      title: lookup.label(c.company_id),
      lines: [
        value,
        ...(result?.figures_reported ? [t.tip.reported(result.figures_reported)] : []),
        ...(c.results_basis ? [t.tip.from(basisLabel(c.results_basis, lang), c.results_confidence)] : []),
        ...(result?.notes ? [result.notes] : [])
      ],
      sources: result ? asList(result.source_ids) : c.source_ids
    };
  });
  return frame.figure;
}
