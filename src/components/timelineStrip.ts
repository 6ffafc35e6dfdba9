/**
 * Overview timeline: one lane per company on a shared time axis, from founding through each financing
 * round to the IPO and the listing, so the reader sees at a glance who started when, how often each raised
 * money and who has reached the stock market. Every mark is one row (a round, an event, or a company's
 * founding) and its tooltip names the sources. Lanes follow company_summary's display order and colours;
 * founding dates are company_summary's, with other reports of the date from the companies table's variant rows.
 */
import * as d3 from "./d3.js";
import {chartFrame, formatUsdMillions, sourceLine, type SourceIndex} from "./chart.js";
import {asDate, asList, asNumber, formatDate} from "./cells.js";
import {timeAxisIn} from "./chartAxes.js";
import {drawLegend, layoutLegend, type LegendItem} from "./chartLegend.js";
import {drawNote, fitText, NOTE_LINE, textWidth, wrapText} from "./chartText.js";
import {companyLookup, type CompanyRef} from "./companyLookup.js";
import {plural, roundMillions} from "./fundingData.js";
import type {CompaniesRow, CompanySummaryRow, EventsRow, FundingRoundsRow} from "./rows.js";
import {aside, bilingual, type Lang} from "./i18n.js";

/** A company_summary row with the founding columns. */
export type TimelineCompany = CompanyRef & Pick<CompanySummaryRow, "founded" | "founded_raw" | "source_ids"> & {conflict_key?: string | null};
type RoundRow = Pick<FundingRoundsRow, "id" | "company_id" | "date" | "date_raw" | "kind" | "round" | "amount_reported" | "amount_usd_mid" | "valuation_reported" | "conflict_key" | "source_ids">;
type EventRow = Pick<EventsRow, "id" | "company_id" | "date" | "date_raw" | "event_type" | "title" | "conflict_key" | "source_ids">;
type VariantRow = Pick<CompaniesRow, "company_id" | "is_primary" | "founded" | "founded_raw" | "conflict_key">;

export interface TimelineStripOptions {
  /** The page's language: every word the chart shows follows it. */
  lang?: Lang;
  /** Rows of funding_rounds; rows of kind round and ipo are drawn. */
  rounds: readonly RoundRow[];
  /** Rows of events; ipo_listing events are drawn. */
  events: readonly EventRow[];
  /** Rows of the companies table: variant rows (is_primary false) are other reports of a founding date. */
  variants?: readonly VariantRow[];
  /** Width in px (default 640); below 560 the lane labels move above their lanes. */
  width?: number;
  /** Sources by id, for tooltips and the source line. */
  sources?: SourceIndex;
}

type MarkKind = "founding" | "round" | "ipo" | "listing";

interface TimelineMark {
  id: string;
  company_id: string;
  kind: MarkKind;
  date: Date;
  dateText: string;
  detail: string;
  amount_usd_mid: number | null;
  lines: string[];
  source_ids: string[];
  disputed: boolean;
}

/** The chart's words in both languages; sentences with counts and values are functions. */
const TEXT = bilingual({
  en: {
    title: "From founding to listing",
    kinds: {founding: "Founded", round: "Financing round", ipo: "IPO", listing: "Listing"} as Record<MarkKind, string>,
    details: {founding: "founded", round: "round", ipo: "IPO", listing: "listing"} as Record<MarkKind, string>,
    legend: {founding: "founded", round: "financing round", ipo: "IPO", listing: "listing day", disputed: "disputed (dashed)"},
    listSeparator: ", ",
    sentenceSeparator: " ",
    notes: {
      noFounding: (names: string) => `No founding date: ${names}.`,
      undated: (n: number) => `${plural(n, "row")} without a date not drawn.`
    },
    describe: {
      lanes: (n: number) => `A time line per company (${n} lanes) from founding to listing:`,
      counts: (founding: number, rounds: number, ipos: number, listings: number) =>
        `${plural(founding, "founding date")}, ${plural(rounds, "financing round")}, ${plural(ipos, "IPO")} and ${plural(listings, "listing")}.`
    },
    labels: {company: "Company", date: "Date", what: "What", detail: "Detail", amount_usd_mid: "Amount (USD m)"},
    emptyLane: "no dated founding, round or listing",
    tip: {
      founded: (date: string) => `Founded ${date}`,
      otherReports: (dates: string, key: string | null) => `Other reports: ${dates} (see conflict_key ${key})`,
      round: (round: string, date: string) => `${round}, ${date}`,
      amount: (reported: string | null, usd: string | null) => `Amount: ${reported || "not reported"}${usd !== null ? ` (≈ ${usd})` : ""}`,
      valuation: (reported: string) => `Valuation: ${reported}`,
      disputed: (key: string) => `Disputed: see conflict_key ${key}`,
      listed: (date: string) => `Listed ${date}`
    }
  },
  zh: {
    title: "从成立到上市",
    kinds: {founding: "成立", round: "融资轮次", ipo: "IPO", listing: "上市"} as Record<MarkKind, string>,
    details: {founding: "成立", round: "融资", ipo: "IPO", listing: "上市"} as Record<MarkKind, string>,
    legend: {founding: "成立", round: "融资轮次", ipo: "IPO", listing: "上市日", disputed: "说法不一（虚线）"},
    listSeparator: "、",
    sentenceSeparator: "",
    notes: {
      noFounding: (names: string) => `没有成立日期：${names}。`,
      undated: (n: number) => `${n}条记录缺少日期，未画出。`
    },
    describe: {
      lanes: (n: number) => `每家公司一条时间线（共${n}条），从成立一直到上市：`,
      counts: (founding: number, rounds: number, ipos: number, listings: number) => `${founding}个成立日期、${rounds}轮融资、${ipos}次IPO和${listings}次上市。`
    },
    labels: {company: "公司", date: "日期", what: "事项", detail: "详情", amount_usd_mid: "金额（百万美元）"},
    emptyLane: "没有带日期的成立、融资或上市记录",
    tip: {
      founded: (date: string) => `成立于${date}`,
      otherReports: (dates: string, key: string | null) => `其他说法：${dates}${aside(`见 conflict_key ${key}`, "zh")}`,
      round: (round: string, date: string) => `${round}，${date}`,
      amount: (reported: string | null, usd: string | null) => `金额：${reported || "未见报道"}${usd !== null ? aside(`≈ ${usd}`, "zh") : ""}`,
      valuation: (reported: string) => `估值：${reported}`,
      disputed: (key: string) => `说法不一：见 conflict_key ${key}`,
      listed: (date: string) => `上市日期：${date}`
    }
  }
});

/** Lanes of founding, rounds, IPO and listing per company on one time axis. */
export function timelineStrip(companies: readonly TimelineCompany[], options: TimelineStripOptions): HTMLElement {
  const {rounds, events, variants = [], sources = new Map(), lang = "en"} = options;
  const t = TEXT(lang);
  const when = (value: unknown, raw?: string | null) => formatDate(value, raw, lang);
  const width = Math.max(320, options.width ?? 640);
  const stacked = width < 560;
  const lookup = companyLookup(companies, lang);
  const primaries = lookup.rows as TimelineCompany[];

  const marks: TimelineMark[] = [];
  const undated: string[] = [];
  const noFounding: string[] = [];
  for (const c of primaries) {
    const date = asDate(c.founded);
    if (!date) {
      noFounding.push(lookup.label(c.company_id));
      continue;
    }
    const others = variants.filter((v) => v.company_id === c.company_id && v.is_primary === false && asDate(v.founded));
    marks.push({
      id: `founded-${c.company_id}`,
      company_id: c.company_id,
      kind: "founding",
      date,
      dateText: when(date, c.founded_raw),
      detail: t.details.founding,
      amount_usd_mid: null,
      lines: [
        t.tip.founded(when(date, c.founded_raw)),
        ...(others.length ? [t.tip.otherReports(others.map((v) => when(v.founded, v.founded_raw)).join(t.listSeparator), c.conflict_key ?? others[0].conflict_key)] : [])
      ],
      source_ids: asList(c.source_ids),
      disputed: others.length > 0
    });
  }
  for (const r of rounds) {
    if (r.kind !== "round" && r.kind !== "ipo") continue;
    const date = asDate(r.date);
    if (!date) {
      undated.push(r.id);
      continue;
    }
    const mid = asNumber(r.amount_usd_mid);
    marks.push({
      id: r.id,
      company_id: r.company_id,
      kind: r.kind === "ipo" ? "ipo" : "round",
      date,
      dateText: when(date, r.date_raw),
      detail: r.round || t.details[r.kind === "ipo" ? "ipo" : "round"],
      amount_usd_mid: mid,
      lines: [
        t.tip.round(r.round || t.kinds[r.kind === "ipo" ? "ipo" : "round"], when(date, r.date_raw)),
        t.tip.amount(r.amount_reported, mid !== null ? formatUsdMillions(mid, lang) : null),
        ...(r.valuation_reported ? [t.tip.valuation(r.valuation_reported)] : []),
        ...(r.conflict_key ? [t.tip.disputed(r.conflict_key)] : [])
      ],
      source_ids: asList(r.source_ids),
      disputed: Boolean(r.conflict_key)
    });
  }
  for (const e of events) {
    if (e.event_type !== "ipo_listing") continue;
    const date = asDate(e.date);
    if (!date) {
      undated.push(e.id);
      continue;
    }
    marks.push({
      id: e.id,
      company_id: e.company_id,
      kind: "listing",
      date,
      dateText: when(date, e.date_raw),
      detail: e.title ?? t.details.listing,
      amount_usd_mid: null,
      lines: [`${e.title ?? t.kinds.listing}`, t.tip.listed(when(date, e.date_raw)), ...(e.conflict_key ? [t.tip.disputed(e.conflict_key)] : [])],
      source_ids: asList(e.source_ids),
      disputed: Boolean(e.conflict_key)
    });
  }

  const laneIds = lookup.order([...primaries.map((c) => c.company_id), ...marks.map((m) => m.company_id)]);
  const laneLabel = (id: string) => lookup.label(id);
  // Lane labels are bold, about a tenth wider than the estimate for regular text.
  const labelWidth = stacked ? 0 : Math.min(width * 0.36, (d3.max(laneIds, (id) => textWidth(laneLabel(id))) ?? 0) * 1.1) + 16;

  const legendItems: LegendItem[] = [
    {key: "founding", label: t.legend.founding, swatch: (g) => void g.append("circle").attr("cx", 7).attr("r", 4.5).attr("fill", "none").attr("stroke", "currentColor").attr("stroke-width", 2)},
    {key: "round", label: t.legend.round, swatch: (g) => void g.append("circle").attr("cx", 7).attr("r", 4.5).attr("fill", "currentColor")},
    {key: "ipo", label: t.legend.ipo, swatch: (g) => void g.append("rect").attr("x", 2).attr("y", -5).attr("width", 10).attr("height", 10).attr("fill", "currentColor")},
    {key: "listing", label: t.legend.listing, swatch: (g) => void g.append("rect").attr("x", 5.5).attr("y", -6).attr("width", 3).attr("height", 12).attr("fill", "currentColor")},
    {key: "disputed", label: t.legend.disputed, swatch: (g) => void g.append("circle").attr("cx", 7).attr("r", 4.5).attr("fill", "none").attr("stroke", "currentColor").attr("stroke-dasharray", "2,1.5")}
  ];
  const legend = layoutLegend(legendItems, width - 16);
  const notes = [noFounding.length ? t.notes.noFounding(noFounding.join(t.listSeparator)) : "", undated.length ? t.notes.undated(undated.length) : ""].filter(Boolean);
  const noteLines = notes.length ? wrapText(notes.join(t.sentenceSeparator), width - 16, 10.5) : [];

  const laneHeight = stacked ? 38 : 28;
  const margin = {top: legend.height + 12, right: 16, bottom: 28 + noteLines.length * NOTE_LINE + (noteLines.length ? 6 : 0), left: stacked ? 12 : labelWidth};
  const height = margin.top + laneIds.length * laneHeight + margin.bottom;

  const counts = d3.rollup(marks, (v) => v.length, (m) => m.kind);
  const description = [
    t.describe.lanes(laneIds.length),
    t.describe.counts(counts.get("founding") ?? 0, counts.get("round") ?? 0, counts.get("ipo") ?? 0, counts.get("listing") ?? 0),
    ...notes
  ].join(t.sentenceSeparator);

  const frame = chartFrame({
    name: "timeline-strip",
    title: t.title,
    description,
    lang,
    width,
    height,
    margin,
    sourceLine: sourceLine(marks.flatMap((m) => m.source_ids), sources, 4, lang),
    sources,
    table: {
      rows: [...marks]
        .sort((a, b) => laneIds.indexOf(a.company_id) - laneIds.indexOf(b.company_id) || a.date.getTime() - b.date.getTime())
        .map((m) => ({company: laneLabel(m.company_id), date: m.dateText, what: t.kinds[m.kind], detail: m.detail, amount_usd_mid: roundMillions(m.amount_usd_mid)})),
      columns: ["company", "date", "what", "detail", "amount_usd_mid"],
      labels: t.labels
    }
  });
  const {plot, inner} = frame;
  drawLegend(frame.svg, legend, 8, 6);
  drawNote(frame.svg, noteLines, 8, height - margin.bottom + 32 + 6);

  const [min, max] = d3.extent(marks, (m) => m.date);
  const x = d3
    .scaleUtc()
    .domain(min && max ? [d3.utcYear.floor(min), d3.utcMonth.offset(max, 2)] : [new Date(Date.UTC(2019, 0, 1)), new Date(Date.UTC(2026, 0, 1))])
    .range([0, inner.width]);
  timeAxisIn(plot, x, inner.height, inner.width, lang);

  const lane = (id: string) => laneIds.indexOf(id) * laneHeight;
  const markY = stacked ? 25 : laneHeight / 2;

  const lanes = plot.append("g").attr("class", "lanes").selectAll("g").data(laneIds).join("g").attr("class", "lane").attr("data-company", (id) => id).attr("transform", (id) => `translate(0,${lane(id)})`);
  lanes.append("line").attr("x1", 0).attr("x2", inner.width).attr("y1", markY).attr("y2", markY).attr("stroke", "currentColor").attr("stroke-opacity", 0.15);
  lanes
    .append("text")
    .attr("class", "lane-label")
    .attr("x", stacked ? 0 : -8)
    .attr("y", stacked ? 10 : markY + 4)
    .attr("text-anchor", stacked ? "start" : "end")
    .attr("fill", "currentColor")
    .attr("font-weight", 600)
    .call(fitText, laneLabel, () => (stacked ? inner.width : labelWidth - 12) / 1.1);
  lanes
    .filter((id) => !marks.some((m) => m.company_id === id))
    .append("text")
    .attr("class", "lane-empty")
    .attr("x", 4)
    .attr("y", markY - 4)
    .attr("fill", "currentColor")
    .attr("fill-opacity", 0.6)
    .attr("font-size", 10)
    .text(t.emptyLane);

  // Listings first so the IPO square on the same day stays on top and hoverable.
  const order: MarkKind[] = ["listing", "founding", "round", "ipo"];
  const sorted = [...marks].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.date.getTime() - b.date.getTime());
  const g = plot.append("g").attr("class", "marks");
  const base = (sel: d3.Selection<SVGElement, TimelineMark, SVGGElement, unknown>) =>
    sel
      .attr("class", (m) => `mark ${m.kind}${m.disputed ? " disputed" : ""}`)
      .attr("data-id", (m) => m.id);

  const cx = (m: TimelineMark) => x(m.date);
  const cy = (m: TimelineMark) => lane(m.company_id) + markY;
  const doc = frame.figure.ownerDocument;
  const all = g.selectAll<SVGElement, TimelineMark>(".mark").data(sorted, (m) => m.id);
  const entered = all.join((enter) =>
    enter.append((m) => doc.createElementNS("http://www.w3.org/2000/svg", m.kind === "ipo" || m.kind === "listing" ? "rect" : "circle") as SVGElement)
  );
  base(entered);
  entered.filter((m) => m.kind === "founding").attr("cx", cx).attr("cy", cy).attr("r", 5).attr("fill", "none").attr("pointer-events", "all").attr("stroke", (m) => lookup.color(m.company_id)).attr("stroke-width", 2.5);
  entered.filter((m) => m.kind === "round").attr("cx", cx).attr("cy", cy).attr("r", 4.5).attr("fill", (m) => lookup.color(m.company_id)).attr("stroke", "currentColor").attr("stroke-width", 0.75);
  entered.filter((m) => m.kind === "ipo").attr("x", (m) => cx(m) - 5).attr("y", (m) => cy(m) - 5).attr("width", 10).attr("height", 10).attr("fill", (m) => lookup.color(m.company_id)).attr("stroke", "currentColor").attr("stroke-width", 1.25);
  entered.filter((m) => m.kind === "listing").attr("x", (m) => cx(m) - 1.5).attr("y", (m) => cy(m) - 10).attr("width", 3).attr("height", 20).attr("fill", "currentColor");
  entered.filter((m) => m.disputed && m.kind !== "listing").attr("stroke-dasharray", "2,1.5");

  frame.tooltip.attach(entered, (m) => ({title: laneLabel(m.company_id), lines: m.lines, sources: m.source_ids}));
  return frame.figure;
}
