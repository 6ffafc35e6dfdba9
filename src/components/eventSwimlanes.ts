/**
 * Strategic events as swimlanes: one lane per company (and one for events about the whole field), time
 * across, one dot per event coloured by its type. Hollow dots mark dates the sources give only as approximate.
 * Events on the same day (StepFun's chip alliance, ModelBest's partner list) would sit on top of each other,
 * so they are stacked within the lane instead, and the lane grows to hold them.
 */
import * as d3 from "./d3.js";
import {chartFrame, sourceLine, timeAxis, axisLabel, type SourceIndex} from "./chart.js";
import {companyLookup, type CompanyLookup, type CompanyRef} from "./companyLookup.js";
import type {EventsRow} from "./rows.js";
import {asDate, byDateThenId, DAY_MS} from "./cells.js";
import {drawLegend, layoutLegend, swatches} from "./chartLegend.js";
import {fitText, textWidth} from "./chartText.js";
import {bilingual, formatDateText, formatDay, listText, type Lang} from "./i18n.js";
import {confidenceLabel, EVENT_TYPE_LABELS, EVENT_TYPE_LABELS_ZH, eventTypeLabel, localizeTimeTicks} from "./chartWords.js";

/** Fixed colours per event type; each has at least 3:1 contrast on both the light and the dark theme. */
export const EVENT_TYPE_COLORS: Record<string, string> = {
  pretraining_abandoned: "#d62728",
  pivot: "#e8710a",
  strategy: "#b58c00",
  partnership_chip: "#1f77b4",
  partnership_car: "#0f9bb0",
  partnership_other: "#6a8fd8",
  ipo_process: "#a66bd3",
  ipo_listing: "#7b4fc9",
  funding: "#2a9d3a",
  product: "#6f9e1e",
  talent: "#d6489a",
  legal: "#8c564b",
  regulatory: "#a0785a",
  other: "#7f7f7f"
};

// The types' names in both languages live with the other shared chart words (a company's timeline names them too).
export {EVENT_TYPE_LABELS, EVENT_TYPE_LABELS_ZH, eventTypeLabel};

/** The lane for events about the whole field rather than one company. */
export const INDUSTRY_ID = "industry";

const COURSE_LABELS = bilingual<Record<string, string>>({
  en: {
    pretraining: "still pre-training",
    apps: "applications",
    medical: "medical AI",
    edge: "on-device models",
    listed: "listed company"
  },
  zh: {
    pretraining: "坚持预训练",
    apps: "转向应用",
    medical: "转向医疗 AI",
    edge: "转向端侧模型",
    listed: "成为上市公司"
  }
});

const plural = (n: number) => (n === 1 ? "" : "s");

const TEXT = bilingual({
  en: {
    title: "Strategic events by company",
    industryShort: "Industry",
    industry: "Whole field",
    approxDate: "approximate date",
    description: (n: number, first: string, last: string, lanes: string[], types: string[]) =>
      `Swimlane chart of ${n} strategic event${plural(n)} from ${first} to ${last}, ` +
      `one lane each for ${lanes.join(", ")}. Each dot is an event, coloured by type ` +
      `(${types.join(", ")}).`,
    noEvents: "No events match the chosen companies and types.",
    approxCount: (n: number) => ` ${n} hollow dot${n === 1 ? " has an approximate date" : "s have approximate dates"}.`,
    undated: (n: number) => ` ${n} event${plural(n)} without a date ${n === 1 ? "is" : "are"} not drawn.`,
    labels: {date: "Date", company: "Company", type: "Type", title: "Event", partners: "Partners", confidence: "Confidence"},
    list: (items: readonly string[]) => items.join(", "),
    noneOfTypes: "no events of the chosen types",
    noneInData: "no events in the data",
    when: (company: string, date: string, approx: boolean) => `${company} · ${date}${approx ? " (approximate)" : ""}`,
    type: (type: string) => `Type: ${type}`,
    partners: (partners: readonly string[]) => `${partners.length > 1 ? "Partners" : "Partner"}: ${partners.join(", ")}`,
    course: (course: string) => `Sets the course: ${course}`,
    confidence: (c: string) => `Confidence: ${c}`,
    axis: "Date"
  },
  zh: {
    title: "各公司的战略事件",
    industryShort: "行业",
    industry: "全行业",
    approxDate: "日期为约数",
    description: (n: number, first: string, last: string, lanes: string[], types: string[]) =>
      `泳道图：${first}至${last}的${n}起战略事件，${listText(lanes, "zh")}各占一条泳道。每个圆点代表一起事件，颜色表示事件类型（${types.join("、")}）。`,
    noEvents: "所选公司和类型下没有事件。",
    approxCount: (n: number) => `其中${n}个空心圆点的日期为约数。`,
    undated: (n: number) => `另有${n}起事件没有日期，未画出。`,
    labels: {date: "日期", company: "公司", type: "类型", title: "事件", partners: "合作方", confidence: "可信度"},
    list: (items: readonly string[]) => items.join("、"),
    noneOfTypes: "所选类型下没有事件",
    noneInData: "数据中没有事件",
    // A date the source already gave as approximate reads 约2025年1月; it needs no second 约.
    when: (company: string, date: string, approx: boolean) => `${company} · ${date}${approx && !date.startsWith("约") ? "（约）" : ""}`,
    type: (type: string) => `类型：${type}`,
    partners: (partners: readonly string[]) => `合作方：${partners.join("、")}`,
    course: (course: string) => `定下路线：${course}`,
    confidence: (c: string) => `可信度：${c}`,
    axis: "日期"
  }
});

/** An events row with the columns the chart reads. */
export type EventRow = Pick<EventsRow, "id" | "company_id" | "date" | "event_type" | "title" | "source_ids"> &
  Partial<Pick<EventsRow, "date_precision" | "date_approx" | "date_raw" | "course" | "partners" | "notes" | "confidence">>;

export type CompanyRow = CompanyRef;

export interface EventSwimlanesOptions {
  /** The page's language: every word the chart shows follows it. */
  lang?: Lang;
  /** Rows of the companies table; they name the lanes in Chinese and English. Variant rows are ignored. */
  companies: readonly CompanyRow[];
  /** Width in pixels; the chart adapts down to 320 (shorter lane labels, fewer ticks, wrapped legend). Default 640. */
  width?: number;
  /**
   * Lanes to show, in this order; include "industry" for the whole-field lane. Default: "industry" and every
   * company with an event, six tigers first, then ModelBest, then the comparators.
   */
  companyIds?: readonly string[];
  /** Event types to draw (keys of EVENT_TYPE_COLORS). Default: all. Lanes stay put when types are filtered out. */
  types?: readonly string[];
  /** Sources by id (indexSources of the sources table), for the tooltips and the source line. */
  sources?: SourceIndex;
}


export function eventSwimlanes(events: readonly EventRow[], options: EventSwimlanesOptions): HTMLElement {
  const {companies, width = 640, sources = new Map(), lang = "en"} = options;
  const t = TEXT(lang);
  const narrow = width < 560;
  const lookup = companyLookup(companies, lang);
  const label = (id: string) => {
    if (id === INDUSTRY_ID) return narrow ? t.industryShort : t.industry;
    return narrow ? lookup.short(id) : lookup.label(id);
  };
  const fullLabel = (id: string) => (id === INDUSTRY_ID ? t.industry : lookup.label(id));
  const typeLabel = (type: string) => eventTypeLabel(type, lang);
  // The date as the source gave it ("2024-07", "2024-H1"), which reads as 2024年7月 on a Chinese page.
  const dateText = (e: EventRow) => (e.date_raw != null ? formatDateText(e.date_raw, lang) : formatDay(asDate(e.date)!, lang));

  const lanes = options.companyIds ? [...options.companyIds] : defaultLanes(events, lookup);
  const laneSet = new Set(lanes);
  const typeSet = options.types ? new Set(options.types) : null;
  const inLanes = events.filter((e) => laneSet.has(e.company_id));
  const dated = inLanes.filter((e) => asDate(e.date) !== null);
  const undated = inLanes.length - dated.length;
  const drawn = dated.filter((e) => !typeSet || typeSet.has(e.event_type));

  // Lane labels sit in the left margin; long names are cut rather than allowed to push the plot off-screen.
  const maxLabel = Math.min(narrow ? 90 : 150, width * 0.3);
  const labelWidth = Math.min(maxLabel, d3.max(lanes, (id) => textWidth(label(id))) ?? 40);
  const marginLeft = Math.round(labelWidth + 22);
  const marginRight = 16;
  const innerWidth = Math.max(40, width - marginLeft - marginRight);

  const typesPresent = Object.keys(EVENT_TYPE_COLORS).filter((t) => drawn.some((e) => e.event_type === t));
  const unknownTypes = [...new Set(drawn.map((e) => e.event_type))].filter((t) => !(t in EVENT_TYPE_COLORS)).sort();
  const legend = layoutLegend(
    [...typesPresent, ...unknownTypes].map((t) => ({
      key: t,
      label: typeLabel(t),
      swatch: swatches.dot(typeColor(t))
    })).concat(
      drawn.some((e) => e.date_approx)
        ? [{key: "approx", label: t.approxDate, swatch: swatches.dot("currentColor", {hollow: true})}]
        : []
    ),
    width - 16
  );

  // The time domain ignores the type filter so the axis does not jump while types are toggled.
  const extent = d3.extent(dated, (e) => asDate(e.date)!) as [Date, Date] | [undefined, undefined];
  const start = extent[0] ?? new Date("2023-01-01T00:00:00Z");
  const end = extent[1] ?? new Date("2026-01-01T00:00:00Z");
  const pad = Math.max(20 * DAY_MS, (+end - +start) * 0.03);
  const x = d3
    .scaleUtc()
    .domain([new Date(+start - pad), new Date(+end + pad)])
    .range([0, innerWidth]);

  const r = narrow ? 4 : 5;
  const step = 2 * r + 2;
  const lanePad = 8;
  const placed = new Map<string, {cx: number; level: number}>();
  const levels = new Map<string, number>();
  for (const lane of lanes) {
    const laneEvents = drawn
      .filter((e) => e.company_id === lane)
      .map((e) => ({e, cx: x(asDate(e.date)!)}))
      .sort((a, b) => a.cx - b.cx || a.e.id.localeCompare(b.e.id));
    // Each level remembers its rightmost dot; a dot takes the first level it does not touch.
    const lastX: number[] = [];
    for (const {e, cx} of laneEvents) {
      let level = lastX.findIndex((lx) => cx - lx >= step);
      if (level < 0) level = lastX.length;
      lastX[level] = cx;
      placed.set(e.id, {cx, level});
    }
    levels.set(lane, Math.max(1, lastX.length));
  }
  const laneTop = new Map<string, number>();
  let y = 0;
  for (const lane of lanes) {
    laneTop.set(lane, y);
    y += lanePad * 2 + levels.get(lane)! * step;
  }
  const innerHeight = Math.max(y, 20);
  const margin = {top: legend.height + 12, right: marginRight, bottom: 40, left: marginLeft};
  const height = margin.top + innerHeight + margin.bottom;

  const day = (date: Date) => formatDay(date, lang);
  const first = drawn.length ? day(d3.min(drawn, (e) => asDate(e.date)!)!) : "";
  const last = drawn.length ? day(d3.max(drawn, (e) => asDate(e.date)!)!) : "";
  const approxCount = drawn.filter((e) => e.date_approx).length;
  const description =
    (drawn.length ? t.description(drawn.length, first, last, lanes.map(fullLabel), [...typesPresent, ...unknownTypes].map(typeLabel)) : t.noEvents) +
    (approxCount ? t.approxCount(approxCount) : "") +
    (undated ? t.undated(undated) : "");

  const frame = chartFrame({
    name: "event-swimlanes",
    title: t.title,
    lang,
    description,
    width,
    height,
    margin,
    sourceLine: sourceLine(
      drawn.flatMap((e) => e.source_ids),
      sources,
      4,
      lang
    ),
    sources,
    table: {
      rows: [...drawn]
        .sort(byDateThenId((e) => e.date))
        .map((e) => ({
          date: dateText(e),
          company: fullLabel(e.company_id),
          type: typeLabel(e.event_type),
          title: e.title,
          partners: t.list(e.partners ?? []),
          confidence: e.confidence ? confidenceLabel(e.confidence, lang) : ""
        })),
      columns: ["date", "company", "type", "title", "partners", "confidence"],
      labels: t.labels
    }
  });
  const {svg, plot} = frame;
  drawLegend(svg, legend, 8, 6);

  const laneGroups = plot
    .append("g")
    .attr("class", "lanes")
    .selectAll("g")
    .data(lanes)
    .join("g")
    .attr("class", "lane")
    .attr("data-lane", (d) => d)
    .attr("transform", (d) => `translate(0,${laneTop.get(d)})`);
  laneGroups
    .append("rect")
    .attr("class", "lane-band")
    .attr("x", -marginLeft + 4)
    .attr("width", innerWidth + marginLeft - 4)
    .attr("height", (d) => lanePad * 2 + levels.get(d)! * step)
    .attr("fill", "currentColor")
    .attr("fill-opacity", (_, i) => (i % 2 ? 0 : 0.045));
  laneGroups
    .append("rect")
    .attr("class", "lane-swatch")
    .attr("x", -marginLeft + 6)
    .attr("y", lanePad + r - 5)
    .attr("width", 4)
    .attr("height", 10)
    .attr("fill", (d) => (d === INDUSTRY_ID ? "currentColor" : lookup.color(d)));
  laneGroups
    .append("text")
    .attr("class", "lane-label")
    .attr("x", -marginLeft + 14)
    .attr("y", lanePad + r)
    .attr("dy", "0.35em")
    .attr("fill", "currentColor")
    .call(fitText, label, () => labelWidth);

  // An empty lane says why it is empty, so a chosen company does not look like a rendering failure.
  const datedLanes = new Set(dated.map((e) => e.company_id));
  laneGroups
    .filter((d) => !drawn.some((e) => e.company_id === d))
    .append("text")
    .attr("class", "lane-empty")
    .attr("x", 4)
    .attr("y", lanePad + r)
    .attr("dy", "0.35em")
    .attr("font-size", 10)
    .attr("fill", "currentColor")
    .attr("fill-opacity", 0.6)
    .text((d) => (datedLanes.has(d) ? t.noneOfTypes : t.noneInData));

  const marks = plot
    .append("g")
    .attr("class", "marks")
    .selectAll("circle")
    .data(drawn.filter((e) => placed.has(e.id)))
    .join("circle")
    .attr("class", (e) => (e.date_approx ? "mark approx" : "mark"))
    .attr("data-id", (e) => e.id)
    .attr("data-type", (e) => e.event_type)
    .attr("cx", (e) => placed.get(e.id)!.cx)
    .attr("cy", (e) => laneTop.get(e.company_id)! + lanePad + r + placed.get(e.id)!.level * step)
    .attr("r", r)
    .attr("fill", (e) => typeColor(e.event_type))
    // Hollow but still hoverable: a zero-opacity fill is painted, fill="none" is not.
    .attr("fill-opacity", (e) => (e.date_approx ? 0 : 0.9))
    .attr("stroke", (e) => typeColor(e.event_type))
    .attr("stroke-width", 1.5);
  frame.tooltip.attach(marks, (e) => ({
    title: e.title,
    lines: [
      t.when(fullLabel(e.company_id), dateText(e), !!e.date_approx),
      t.type(typeLabel(e.event_type)),
      ...(e.partners?.length ? [t.partners(e.partners)] : []),
      ...(e.course ? [t.course(COURSE_LABELS(lang)[e.course] ?? e.course)] : []),
      ...(e.notes ? [e.notes] : []),
      ...(e.confidence ? [t.confidence(confidenceLabel(e.confidence, lang))] : [])
    ],
    sources: e.source_ids
  }));

  timeAxis(plot, x, innerHeight, innerWidth);
  localizeTimeTicks(plot, lang);
  axisLabel(plot, t.axis, innerWidth, innerHeight + 34, "end");
  return frame.figure;
}

function typeColor(type: string): string {
  return EVENT_TYPE_COLORS[type] ?? EVENT_TYPE_COLORS.other;
}

/** The whole-field lane, then every company with an event in display order. */
function defaultLanes(events: readonly EventRow[], lookup: CompanyLookup): string[] {
  const withEvents = new Set(events.map((e) => e.company_id));
  const companies = lookup.order([...withEvents].filter((id) => id !== INDUSTRY_ID));
  return [...(withEvents.has(INDUSTRY_ID) ? [INDUSTRY_ID] : []), ...companies];
}
