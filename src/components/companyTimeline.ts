/**
 * One company's history on one time axis: a lane for funding rounds (and the IPO), one for model releases,
 * one for strategic events, with the founding date marked across all three. Each mark is one row of its
 * table and links to its sources through the tooltip.
 */
import * as d3 from "./d3.js";
import {chartFrame, formatUsdMillions, sourceLine, timeAxis, type SourceIndex} from "./chart.js";
import {companyColor, companyLabel, type CompanyRef} from "./companyLookup.js";
import type {Lang} from "./i18n.js";

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

type Mark = {id: string; lane: "Funding" | "Models" | "Events"; date: Date; label: string; lines: string[]; source_ids: string[]; hollow: boolean};

export function companyTimeline({company, rounds, models, events, width = 640, sources = new Map()}: CompanyTimelineOptions): HTMLElement {
  const marks: Mark[] = [
    ...rounds.map((r): Mark => ({
      id: r.id,
      lane: "Funding",
      date: r.date,
      label: `${r.round} (${r.date_raw})`,
      lines: [r.amount_reported ? `Reported: ${r.amount_reported}` : "Amount not reported", r.amount_usd_mid != null ? `≈ ${formatUsdMillions(r.amount_usd_mid)} (point estimate)` : "", `Kind: ${r.kind}`].filter(Boolean),
      source_ids: r.source_ids,
      hollow: r.kind !== "round" && r.kind !== "ipo"
    })),
    ...models.map((m): Mark => ({
      id: m.id,
      lane: "Models",
      date: m.release_date,
      label: `${m.model} (${m.release_date_raw})`,
      lines: [m.params_total_b != null ? `${m.params_total_b}B parameters` : "Size not disclosed", `Deployment: ${m.deployment}`],
      source_ids: m.source_ids,
      hollow: m.deployment === "edge"
    })),
    ...events.map((e): Mark => ({
      id: e.id,
      lane: "Events",
      date: e.date,
      label: `${e.title} (${e.date_raw})`,
      lines: [`Type: ${e.event_type.replace(/_/g, " ")}`],
      source_ids: e.source_ids,
      hollow: false
    }))
  ].filter((m) => m.date instanceof Date && !Number.isNaN(m.date.getTime()));
  const lanes = ["Funding", "Models", "Events"] as const;
  const laneHeight = 44;
  const margin = {top: 12, right: 16, bottom: 28, left: width < 480 ? 64 : 84};
  const height = margin.top + margin.bottom + lanes.length * laneHeight;
  const name = companyLabel(company, company.company_id);
  const frame = chartFrame({
    name: "company-timeline",
    title: `${name}: rounds, models and events`,
    description: `${marks.length} dated rows on one time axis: ${rounds.length} funding rows, ${models.length} model releases and ${events.length} events${company.founded_raw ? `, from founding in ${company.founded_raw}` : ""}.`,
    width,
    height,
    margin,
    sourceLine: sourceLine(marks.flatMap((m) => m.source_ids), sources),
    sources,
    table: {rows: marks.map((m) => ({lane: m.lane, date: m.date, what: m.label})), columns: ["lane", "date", "what"], labels: {lane: "Lane", date: "Date", what: "What"}}
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
    .text((d) => d);
  timeAxis(frame.plot, x, frame.inner.height, frame.inner.width);
  if (company.founded) {
    const fx = Math.round(x(company.founded));
    frame.plot.append("line").attr("class", "founded").attr("x1", fx).attr("x2", fx).attr("y1", 0).attr("y2", frame.inner.height).attr("stroke", "currentColor").attr("stroke-dasharray", "2,3").attr("opacity", 0.6);
    frame.plot.append("text").attr("x", fx + 4).attr("y", 8).attr("fill", "currentColor").attr("font-size", 10).text(`founded ${company.founded_raw ?? ""}`);
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
