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
import {drawEmptyMessage, drawNote, LABEL_HALO, NOTE_LINE, textWidth, truncateText, wrapText} from "./chartText.js";
import {companyLookup, type CompanyRef} from "./companyLookup.js";
import {formatUsdRange, plural, roundMillions} from "./fundingData.js";
import type {CompanySummaryRow} from "./rows.js";
import {bilingual, type Lang} from "./i18n.js";

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

/** The chart's words in both languages; sentences with counts are functions. */
const TEXT = bilingual({
  en: {
    title: "Funding raised against latest valuation",
    listSeparator: ", ",
    sentenceSeparator: " ",
    notDrawn: {
      funding: (names: string) => `no disclosed round amount: ${names}`,
      valuation: (names: string) => `no reported valuation: ${names}`,
      both: (names: string) => `neither: ${names}`,
      rows: (names: string) => `no funding rows: ${names}`,
      separator: "; ",
      note: (parts: string) => `Not drawn (${parts}).`
    },
    describe: {
      axes: (n: number, names: string) =>
        `Total disclosed funding (horizontal, the sum of each company's financing rounds in US dollars) against the latest reported valuation (vertical, US dollars), both on logarithmic scales, for ${plural(n, "company", "companies")}: ${names || "none"}.`,
      whiskers: "Whiskers run from the low to the high reading of bounded or vague reports.",
      undisclosed: (n: number) => `${plural(n, "financing round")} with undisclosed amounts ${n === 1 ? "is" : "are"} not in the totals.`,
      superseded: (n: number) => `${plural(n, "duplicate report")} of a round already counted ${n === 1 ? "is" : "are"} left out.`
    },
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
    },
    xAxis: (narrow: boolean) => (narrow ? "Funding raised (USD, log) →" : "Total disclosed funding (USD, log scale) →"),
    yAxis: (narrow: boolean) => (narrow ? "↑ Latest valuation (USD, log)" : "↑ Latest reported valuation (USD, log scale)"),
    empty: "No company has both a disclosed amount and a valuation.",
    /** The valuation date cell: the date as the source gave it, else the date (the table writes it as a day). */
    dateCell: (date: Date | null, raw: string | null): string | Date | null => raw ?? date,
    kinds: {ipo: "at the IPO", disclosure: "disclosed later", in_progress: "round still in progress (target)", cumulative: "reported total"} as Record<string, string>,
    tip: {
      funding: (range: string, rounds: number, undisclosed: number) =>
        `Disclosed funding: ${range}, from ${plural(rounds, "round")} with an amount` + (undisclosed ? `; ${undisclosed} more undisclosed` : ""),
      valuation: (range: string, reported: string | null, date: string, kind: string | null) =>
        `Latest valuation: ${range}` + (reported ? ` (reported as ${reported})` : "") + `, ${date}` + (kind ? `, ${kind}` : ""),
      disputed: (key: string) => `Valuation disputed: see conflict_key ${key}`
    }
  },
  zh: {
    title: "融资额与最新估值",
    listSeparator: "、",
    sentenceSeparator: "",
    notDrawn: {
      funding: (names: string) => `没有披露金额的融资轮次：${names}`,
      valuation: (names: string) => `没有报道估值：${names}`,
      both: (names: string) => `两者皆无：${names}`,
      rows: (names: string) => `没有融资记录：${names}`,
      separator: "；",
      note: (parts: string) => `未画出（${parts}）。`
    },
    describe: {
      axes: (n: number, names: string) =>
        `横轴为已披露融资总额（各公司融资轮次之和，美元），纵轴为最新报道估值（美元），均为对数刻度，共${n}家公司：${names || "无"}。`,
      whiskers: "须线从区间或模糊报道的低值延伸到高值。",
      undisclosed: (n: number) => `${n}轮融资未披露金额，不计入总额。`,
      superseded: (n: number) => `另有${n}条报道与已计入的轮次重复，不计入。`
    },
    labels: {
      company: "公司",
      funding_usd_low: "融资额低值（百万美元）",
      funding_usd_mid: "融资额（百万美元）",
      funding_usd_high: "融资额高值（百万美元）",
      rounds_counted: "披露金额的轮次",
      rounds_undisclosed: "未披露金额的轮次",
      valuation_usd_low: "估值低值（百万美元）",
      valuation_usd_mid: "估值（百万美元）",
      valuation_usd_high: "估值高值（百万美元）",
      valuation_date: "估值日期"
    },
    xAxis: (narrow: boolean) => (narrow ? "融资额（美元，对数）→" : "已披露融资总额（美元，对数刻度）→"),
    yAxis: (narrow: boolean) => (narrow ? "↑ 最新估值（美元，对数）" : "↑ 最新报道估值（美元，对数刻度）"),
    empty: "没有一家公司同时有披露的融资额和估值。",
    dateCell: (date: Date | null, raw: string | null): string | Date | null => formatDate(date, raw, "zh"),
    kinds: {ipo: "IPO时", disclosure: "事后披露", in_progress: "融资仍在进行（目标估值）", cumulative: "报道中的累计数"} as Record<string, string>,
    tip: {
      funding: (range: string, rounds: number, undisclosed: number) =>
        `已披露融资：${range}，来自${rounds}轮披露金额的融资` + (undisclosed ? `；另有${undisclosed}轮未披露` : ""),
      valuation: (range: string, reported: string | null, date: string, kind: string | null) =>
        `最新估值：${range}` + (reported ? `（报道原文：${reported}）` : "") + `，${date}` + (kind ? `，${kind}` : ""),
      disputed: (key: string) => `估值说法不一：见 conflict_key ${key}`
    }
  }
});

/** Funding (x) against latest valuation (y), one labelled point per company with both values. */
export function fundingValuationScatter(companies: readonly ScatterCompany[], options: FundingValuationScatterOptions = {}): HTMLElement {
  const {sources = new Map(), lang = "en"} = options;
  const t = TEXT(lang);
  const width = Math.max(320, options.width ?? 640);
  const narrow = width < 520;
  const lookup = companyLookup(companies, lang);
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
  const names = (list: ScatterCompany[]) => list.map((c) => lookup.label(c.company_id)).join(t.listSeparator);
  const notDrawn = [
    missing.funding.length ? t.notDrawn.funding(names(missing.funding)) : "",
    missing.valuation.length ? t.notDrawn.valuation(names(missing.valuation)) : "",
    missing.both.length ? t.notDrawn.both(names(missing.both)) : "",
    missing.rows.length ? t.notDrawn.rows(names(missing.rows)) : ""
  ].filter(Boolean);
  const noteText = notDrawn.length ? t.notDrawn.note(notDrawn.join(t.notDrawn.separator)) : "";
  const undisclosed = d3.sum(drawn, (t) => t.rounds_undisclosed);
  const superseded = d3.sum(drawn, (t) => t.rounds_superseded);

  const margin = {top: 30, right: 14, bottom: 40, left: 50};
  const noteLines = noteText ? wrapText(noteText, width - 16, 10.5) : [];
  const plotHeight = options.height ?? Math.round(Math.max(300, Math.min(460, width * 0.62)));
  const height = plotHeight + noteLines.length * NOTE_LINE + (noteLines.length ? 8 : 0);
  margin.bottom += height - plotHeight;

  const description = [
    t.describe.axes(drawn.length, names(drawn)),
    t.describe.whiskers,
    noteText,
    undisclosed ? t.describe.undisclosed(undisclosed) : "",
    superseded ? t.describe.superseded(superseded) : ""
  ]
    .filter(Boolean)
    .join(t.sentenceSeparator);

  const frame = chartFrame({
    name: "funding-valuation",
    title: t.title,
    description,
    lang,
    width,
    height,
    margin,
    sourceLine: sourceLine(drawn.flatMap((c) => c.source_ids ?? []), sources, 4, lang),
    sources,
    table: {
      rows: drawn.map((c) => ({
        company: lookup.label(c.company_id),
        funding_usd_low: roundMillions(c.funding_usd_low),
        funding_usd_mid: roundMillions(c.funding_usd_mid),
        funding_usd_high: roundMillions(c.funding_usd_high),
        rounds_counted: c.rounds_counted,
        rounds_undisclosed: c.rounds_undisclosed,
        valuation_usd_low: roundMillions(c.valuation_usd_low),
        valuation_usd_mid: roundMillions(c.valuation_usd_mid),
        valuation_usd_high: roundMillions(c.valuation_usd_high),
        valuation_date: t.dateCell(c.valuation_date, c.valuation_date_raw)
      })),
      columns: ["company", "funding_usd_low", "funding_usd_mid", "funding_usd_high", "rounds_counted", "rounds_undisclosed", "valuation_usd_low", "valuation_usd_mid", "valuation_usd_high", "valuation_date"],
      labels: t.labels
    }
  });
  const {plot, inner} = frame;
  drawNote(frame.svg, noteLines, 8, plotHeight + 4 + 10);

  const xDomain = logDomain(drawn.flatMap((t) => [t.funding_usd_low, t.funding_usd_mid, t.funding_usd_high])) ?? [1, 1000];
  const yDomain = logDomain(drawn.flatMap((t) => [t.valuation_usd_low, t.valuation_usd_mid, t.valuation_usd_high])) ?? [1, 1000];
  const x = d3.scaleLog().domain(xDomain).range([0, inner.width]);
  const y = d3.scaleLog().domain(yDomain).range([inner.height, 0]);

  usdAxisBottom(plot, x, inner.height, inner.width, lang);
  usdAxisLeft(plot, y, inner.height, true, lang);
  axisLabel(plot, t.xAxis(narrow), inner.width, inner.height + 32, "end");
  axisLabel(plot, t.yAxis(narrow), -margin.left + 4, -14, "start");

  if (!drawn.length) {
    drawEmptyMessage(plot, inner, t.empty);
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

  frame.tooltip.attach(points, (c) => ({
    title: lookup.label(c.company_id),
    lines: [
      t.tip.funding(formatRange(c.funding_usd_low, c.funding_usd_mid, c.funding_usd_high, lang), c.rounds_counted, c.rounds_undisclosed),
      t.tip.valuation(
        formatRange(c.valuation_usd_low, c.valuation_usd_mid, c.valuation_usd_high, lang),
        c.valuation_reported,
        formatDate(c.valuation_date, c.valuation_date_raw, lang),
        c.valuation_row_kind && c.valuation_row_kind !== "round" ? (t.kinds[c.valuation_row_kind] ?? c.valuation_row_kind) : null
      ),
      ...(c.valuation_conflict_key ? [t.tip.disputed(c.valuation_conflict_key)] : [])
    ],
    sources: c.source_ids
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

function formatRange(low: number | null, mid: number | null, high: number | null, lang: Lang): string {
  return formatUsdRange(low, mid, high, (v) => formatUsdMillions(v, lang), lang);
}

/**
 * Labels beside their points: to the right unless that would leave the plot, then nudged apart vertically
 * on each side so neighbours (Moonshot and Zhipu sit close) stay legible.
 */
function placeLabels(plot: d3.Selection<SVGGElement, unknown, null, undefined>, labels: {id: string; text: string; x: number; y: number}[], inner: {width: number; height: number}): void {
  const placed = labels.map((l) => {
    // A name is cut to half the plot (the whole stays in a <title>): SVG text does not wrap, and a long one would
    // run off the chart and widen the page.
    const shown = truncateText(l.text, inner.width / 2, LABEL_FONT);
    const w = textWidth(shown, LABEL_FONT);
    // Above and beside the point, clear of its horizontal whisker (which runs through the point).
    const right = l.x + 7 + w <= inner.width;
    return {...l, shown, anchor: right ? "start" : "end", lx: right ? l.x + 7 : Math.max(w, l.x - 7), ly: l.y - 7};
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
    .text((p) => p.shown)
    .filter((p) => p.shown !== p.text)
    .insert("title", ":first-child")
    .text((p) => p.text);
}
