/**
 * One company's history on one time axis: a lane for funding rounds (and the IPO), one for model releases,
 * one for strategic events, with the founding date marked across all three. Each mark is one row of its
 * table and links to its sources through the tooltip.
 */
import * as d3 from "./d3.js";
import {chartFrame, formatUsdMillions, sourceLine, timeAxis, type SourceIndex} from "./chart.js";
import {companyColor, companyLabel, type CompanyRef} from "./companyLookup.js";
import {bilingual, formatDateText, formatDay, type Lang} from "./i18n.js";
import {deploymentLabel, eventTypeLabel, localizeTimeTicks} from "./chartWords.js";

interface Row {
  id: string;
  source_ids: string[];
  confidence?: string | null;
}

export interface TimelineRound extends Row {
  date: Date;
  date_raw: string;
  kind: string;
  round: string;
  amount_reported: string | null;
  amount_usd_mid: number | null;
}

export interface TimelineModel extends Row {
  release_date: Date;
  release_date_raw: string;
  model: string;
  params_total_b: number | null;
  deployment: string;
}

export interface TimelineEvent extends Row {
  date: Date;
  date_raw: string;
  event_type: string;
  title: string;
}

export interface CompanyTimelineOptions {
  /** The page's language: every word the chart shows follows it. */
  lang?: Lang;
  /** The company's company_summary row (its label and colour). */
  company: CompanyRef & {founded?: Date | null; founded_raw?: string | null};
  rounds: TimelineRound[];
  models: TimelineModel[];
  events: TimelineEvent[];
  /** Width in pixels (default 640). */
  width?: number;
  sources?: SourceIndex;
}

type Lane = "Funding" | "Models" | "Events";
type Mark = {id: string; lane: Lane; date: Date; label: string; lines: string[]; source_ids: string[]; hollow: boolean};

const TEXT = bilingual({
  en: {
    /** Lane names; the English ones double as the lanes' keys (class names, data table). */
    lanes: {Funding: "Funding", Models: "Models", Events: "Events"} as Record<Lane, string>,
    title: (name: string) => `${name}: rounds, models and events`,
    description: (n: number, rounds: number, models: number, events: number, founded: string | null) =>
      `${n} dated rows on one time axis: ${rounds} funding rows, ${models} model releases and ${events} events${founded ? `, from founding in ${founded}` : ""}.`,
    label: (what: string, date: string) => `${what} (${date})`,
    reported: (amount: string) => `Reported: ${amount}`,
    notReported: "Amount not reported",
    estimate: (usd: string) => `≈ ${usd} (point estimate)`,
    kind: (kind: string) => `Kind: ${kind}`,
    kinds: {} as Record<string, string>,
    params: (b: number) => `${b}B parameters`,
    sizeUndisclosed: "Size not disclosed",
    deployment: (d: string) => `Deployment: ${d}`,
    type: (type: string) => `Type: ${type.replace(/_/g, " ")}`,
    founded: (date: string) => `founded ${date}`,
    labels: {lane: "Lane", date: "Date", what: "What"},
    /** The table's date cell: the Date itself in English (the table writes it as an ISO day). */
    tableDate: (date: Date): Date | string => date
  },
  zh: {
    lanes: {Funding: "融资", Models: "模型", Events: "事件"} as Record<Lane, string>,
    title: (name: string) => `${name}：融资、模型与事件`,
    description: (n: number, rounds: number, models: number, events: number, founded: string | null) =>
      `同一条时间轴上的${n}条有日期的记录：${rounds}条融资记录、${models}次模型发布和${events}起事件${founded ? `，起点为${founded}成立` : ""}。`,
    label: (what: string, date: string) => `${what}（${date}）`,
    reported: (amount: string) => `披露金额：${amount}`,
    notReported: "未披露金额",
    estimate: (usd: string) => `约${usd}（点估计）`,
    kind: (kind: string) => `类型：${kind}`,
    kinds: {round: "融资轮次", in_progress: "进行中", cumulative: "累计汇总", disclosure: "披露信息", ipo: "上市"} as Record<string, string>,
    params: (b: number) => `参数量${b}B`,
    sizeUndisclosed: "规模未披露",
    deployment: (d: string) => `部署：${deploymentLabel(d, "zh")}`,
    type: (type: string) => `类型：${eventTypeLabel(type, "zh")}`,
    founded: (date: string) => `${date}成立`,
    labels: {lane: "类别", date: "日期", what: "内容"},
    tableDate: (date: Date): Date | string => formatDay(date, "zh")
  }
});

export function companyTimeline({company, rounds, models, events, width = 640, sources = new Map(), lang = "en"}: CompanyTimelineOptions): HTMLElement {
  const t = TEXT(lang);
  // Dates as the sources gave them ("2024-07", "2024-H1"), read as 2024年7月 on a Chinese page; a row without one
  // says it is undated rather than failing the chart.
  const raw = (date: string | null | undefined) => (date ? formatDateText(date, lang) : lang === "zh" ? "日期不详" : "undated");
  const marks: Mark[] = [
    ...rounds.map((r): Mark => ({
      id: r.id,
      lane: "Funding",
      date: r.date,
      label: t.label(r.round, raw(r.date_raw)),
      lines: [r.amount_reported ? t.reported(r.amount_reported) : t.notReported, r.amount_usd_mid != null ? t.estimate(formatUsdMillions(r.amount_usd_mid, lang)) : "", t.kind(t.kinds[r.kind] ?? r.kind)].filter(Boolean),
      source_ids: r.source_ids,
      hollow: r.kind !== "round" && r.kind !== "ipo"
    })),
    ...models.map((m): Mark => ({
      id: m.id,
      lane: "Models",
      date: m.release_date,
      label: t.label(m.model, raw(m.release_date_raw)),
      lines: [m.params_total_b != null ? t.params(m.params_total_b) : t.sizeUndisclosed, t.deployment(m.deployment)],
      source_ids: m.source_ids,
      hollow: m.deployment === "edge"
    })),
    ...events.map((e): Mark => ({
      id: e.id,
      lane: "Events",
      date: e.date,
      label: t.label(e.title, raw(e.date_raw)),
      lines: [t.type(e.event_type)],
      source_ids: e.source_ids,
      hollow: false
    }))
  ].filter((m) => m.date instanceof Date && !Number.isNaN(m.date.getTime()));
  const lanes = ["Funding", "Models", "Events"] as const;
  const laneHeight = 44;
  const margin = {top: 12, right: 16, bottom: 28, left: width < 480 ? 64 : 84};
  const height = margin.top + margin.bottom + lanes.length * laneHeight;
  const name = companyLabel(company, company.company_id, lang);
  const frame = chartFrame({
    name: "company-timeline",
    title: t.title(name),
    description: t.description(marks.length, rounds.length, models.length, events.length, company.founded_raw ? raw(company.founded_raw) : null),
    width,
    height,
    margin,
    sourceLine: sourceLine(marks.flatMap((m) => m.source_ids), sources, 4, lang),
    sources,
    lang,
    table: {rows: marks.map((m) => ({lane: t.lanes[m.lane], date: t.tableDate(m.date), what: m.label})), columns: ["lane", "date", "what"], labels: t.labels}
  });
  const dates = marks.map((m) => m.date);
  if (company.founded) dates.push(company.founded);
  const extent = dates.length ? (d3.extent(dates) as [Date, Date]) : [new Date("2023-01-01"), new Date("2026-01-01")];
  const x = d3.scaleUtc().domain(extent).nice().range([0, frame.inner.width]);
  const y = d3.scaleBand<string>().domain(lanes).range([0, frame.inner.height]).padding(0.2);
  const color = companyColor(company);
  frame.plot
    .append("g")
    .attr("class", "lanes")
    .selectAll("text")
    .data(lanes)
    .join("text")
    .attr("x", -8)
    .attr("y", (d) => y(d)! + y.bandwidth() / 2)
    .attr("dy", "0.32em")
    .attr("text-anchor", "end")
    .attr("fill", "currentColor")
    .text((d) => t.lanes[d]);
  timeAxis(frame.plot, x, frame.inner.height, frame.inner.width);
  localizeTimeTicks(frame.plot, lang);
  if (company.founded) {
    const fx = Math.round(x(company.founded));
    frame.plot.append("line").attr("class", "founded").attr("x1", fx).attr("x2", fx).attr("y1", 0).attr("y2", frame.inner.height).attr("stroke", "currentColor").attr("stroke-dasharray", "2,3").attr("opacity", 0.6);
    frame.plot.append("text").attr("x", fx + 4).attr("y", 8).attr("fill", "currentColor").attr("font-size", 10).text(t.founded(raw(company.founded_raw ?? "")));
  }
  const circles = frame.plot
    .append("g")
    .selectAll("circle")
    .data(marks)
    .join("circle")
    .attr("class", (m) => `mark lane-${m.lane.toLowerCase()}`)
    .attr("data-id", (m) => m.id)
    .attr("cx", (m) => Math.round(x(m.date) * 10) / 10)
    .attr("cy", (m) => Math.round(y(m.lane)! + y.bandwidth() / 2))
    .attr("r", 5)
    .attr("fill", (m) => (m.hollow ? "none" : color))
    .attr("stroke", color)
    .attr("stroke-width", 1.5)
    .attr("fill-opacity", 0.85);
  frame.tooltip.attach(circles, (m) => ({title: m.label, lines: m.lines, sources: m.source_ids}));
  return frame.figure;
}
