/**
 * "A GPT-4-level model on a device by the end of 2026", held against the data: the fitted record-density trend
 * extended from the date of the claim to its deadline, with the range the bootstrap interval of the doubling time
 * allows, and what that would make of a device-sized model (effective parameters = density × parameters).
 *
 * It stops short of a verdict on purpose. The data contain no effective size for GPT-4 (its size was never
 * disclosed, and it is not an open base model the paper could measure), so the comparison is left to the reader
 * and says so. It is also an extrapolation beyond the last point, and is labelled as one.
 */
import * as d3 from "./d3.js";
import {DENSITY_ORIGIN} from "../lib/tables/densityPoints.js";
import {runningMaxRecords} from "../lib/trend.js";
import {chartFrame, formatFactor, formatMonths, formatParams, sourceLine, type SourceIndex} from "./chart.js";
import {companyLabel, type CompanyRef} from "./companyLookup.js";
import {asDate, DAY_MS, daysFrom, isoDay} from "./cells.js";
import {logTimeAxes} from "./chartAxes.js";
import {drawLegend, layoutLegend, swatches} from "./chartLegend.js";
import {drawFitCaption, wrapText} from "./chartText.js";
import {dataTable} from "./dataTable.js";
import {elementMaker} from "./htmlElements.js";
import {FIT_COLOR, usablePoints, type DensityPointRow} from "./densityChart.js";
import {bilingual, formatDateText, formatDay, type Lang} from "./i18n.js";
import {localizeTimeTicks} from "./chartWords.js";

/** What the projection needs of a fit: a density_fit row or the result of fitFor. */
export interface TrendLike {
  slope_per_day: number;
  intercept: number;
  /** t = 0 of the fit; default 2023-02-24. */
  origin?: Date | string | null;
  ci_low_days?: number | null;
  ci_high_days?: number | null;
  n?: number | null;
}

export interface ClaimLike {
  id?: string;
  claimant?: string | null;
  company_id?: string | null;
  date: Date | string | null;
  date_raw?: string | null;
  value?: number | null;
  unit?: string | null;
  statement?: string | null;
  source_ids?: readonly string[];
}

export interface Projection {
  from: string;
  to: string;
  days: number;
  /** Doublings of the trend between the two dates. */
  doublings: number;
  /** Factor by which trend density grows between the dates. */
  growth: number;
  /** The factor at the slow and fast ends of the doubling time's interval; null without an interval. */
  growth_low: number | null;
  growth_high: number | null;
  /** Trend density on the two dates. */
  density_from: number;
  density_to: number;
  /** Trend density at the end date for the slow and fast ends of the interval, pivoting on density_from. */
  density_to_low: number | null;
  density_to_high: number | null;
}

export interface DeviceProjectionOptions {
  /** The page's language: every word the chart shows follows it. */
  lang?: Lang;
  /** The density fit to extend: the "records" row of density_fit (the paper's method), or fitFor's result. */
  fit: TrendLike;
  /** The claim to test (a device_timeline row); its date starts the projection and its year ends it. */
  claim?: ClaimLike | null;
  /** Width in pixels; adapts down to 320. Default 640. */
  width?: number;
  /** Height of the SVG in pixels, legend and caption included. Default 340. */
  height?: number;
  /** Device-sized models to translate into effective parameters, in billions. Default [4, 8]. */
  deviceSizesB?: readonly number[];
  /** End of the projection; default the end of the claim's year, or 2026-12-31. */
  toDate?: Date | string;
  /** Sources by id (indexSources of the sources table), for the tooltips and the source line. */
  sources?: SourceIndex;
  /** Rows of the companies table, to name the claimant's company in Chinese and English. */
  companies?: readonly CompanyRef[];
}

/** "431" of "×431": Chinese says 431倍 where English writes ×431. */
const times = (value: number) => `${formatFactor(value).replace(/^×/, "")}倍`;

const TEXT = bilingual({
  en: {
    title: "A GPT-4-level model on a device by the end of 2026?",
    range: (low: number, high: number) => ` (95% range ${formatFactor(low)} to ${formatFactor(high)})`,
    caption: (from: string, to: string, growth: number, range: string, doublings: string, months: number, last: string) =>
      `From ${from} to ${to} the fitted record trend multiplies density ${formatFactor(growth)}${range}: ` +
      `${doublings} doublings, ${months} months of it beyond the last data point (${last}).`,
    record: "record model",
    fitted: "fitted trend",
    extended: "trend extended",
    rangeLegend: "95% range of the doubling time",
    description: (to: string, n: number, first: string, last: string, caption: string) =>
      `Line chart of record capability density (log scale) over time with the fitted densing-law trend extended to ${to}. ` +
      `${n} record-setting models from ${first} to ${last} are drawn. ${caption} ` +
      `The data hold no effective size for GPT-4, so the chart does not say whether the target is met.`,
    labels: {model: "Record model", released: "Released", density: "Density", params_b: "Parameters (B)"},
    yLabel: "Capability density (log scale)",
    xLabel: "Date",
    ruleFrom: (from: string, claimed: boolean) => (claimed ? `claim, ${from}` : from),
    ruleTo: (to: string) => `deadline, ${to}`,
    densityAt: (density: string) => `density ≈ ${density}`,
    released: (date: string, density: string) => `Released ${date} · density ${density}`,
    effective: (params: number, effective: string) => `${params}B parameters, effective ≈ ${effective}`,
    theClaim: "The claim",
    /** Around the claimant and the statement, which are the data's own words. */
    said: {company: (company: string) => ` (${company})`, date: (date: string) => `, ${date}: `},
    tableCaption: "What a device-sized model would amount to on the record trend (effective parameters = density × parameters)",
    headers: (from: string, to: string) => ["Model size", `Effective size on the trend, ${from}`, `Effective size on the trend, ${to}`, "95% range"],
    rangeCell: (low: string, high: string) => `${low} – ${high}`,
    none: "n/a",
    caveat: (size: string, worth: string, months: string, beyond: number) =>
      `The data contain no effective parameter count for GPT-4: OpenAI never disclosed its size, and the densing-law paper measured only open base models. ` +
      `So whether, say, a ${size} model "worth" ${worth} reaches GPT-4 level is a comparison the reader must make with a figure from elsewhere. ` +
      `The projection assumes the record trend (doubling every ${months} months) simply continues for ${beyond} months past the last point; ` +
      `densities are relative to the paper's small reference models, and nothing here accounts for a device's memory, compute or power.`,
    dataLang: null as string | null
  },
  zh: {
    title: "2026年底前，设备上能跑 GPT-4 水平的模型吗？",
    range: (low: number, high: number) => `（95%区间为${times(low)}至${times(high)}）`,
    caption: (from: string, to: string, growth: number, range: string, doublings: string, months: number, last: string) =>
      `按拟合的纪录趋势，从${from}到${to}，能力密度将增至${times(growth)}${range}，` +
      `相当于翻${doublings}番，其中${months}个月已超出最后一个数据点（${last}）。`,
    record: "纪录模型",
    fitted: "拟合趋势",
    extended: "趋势外推",
    rangeLegend: "翻倍时间的95%区间",
    description: (to: string, n: number, first: string, last: string, caption: string) =>
      `折线图：纪录模型的能力密度（对数刻度）随时间的变化，拟合的密度法则趋势外推至${to}。` +
      `图中画出${first}至${last}的${n}个刷新纪录的模型。${caption}` +
      `数据中没有 GPT-4 的等效规模，因此本图不判断这一目标能否实现。`,
    labels: {model: "纪录模型", released: "发布时间", density: "能力密度", params_b: "参数量（B）"},
    yLabel: "能力密度（对数刻度）",
    xLabel: "日期",
    ruleFrom: (from: string, claimed: boolean) => (claimed ? `提出：${from}` : from),
    ruleTo: (to: string) => `期限：${to}`,
    densityAt: (density: string) => `能力密度≈${density}`,
    released: (date: string, density: string) => `${date}发布 · 能力密度${density}`,
    effective: (params: number, effective: string) => `参数量${params}B，等效约${effective}`,
    theClaim: "该说法",
    said: {company: (company: string) => `（${company}）`, date: (date: string) => `，${date}：`},
    tableCaption: "设备级模型放在纪录趋势上相当于多大（等效参数量 = 能力密度 × 参数量）",
    headers: (from: string, to: string) => ["模型规模", `趋势上的等效规模（${from}）`, `趋势上的等效规模（${to}）`, "95%区间"],
    rangeCell: (low: string, high: string) => `${low}至${high}`,
    none: "无",
    caveat: (size: string, worth: string, months: string, beyond: number) =>
      `数据中没有 GPT-4 的等效参数量：OpenAI 从未公布其规模，“密度法则”论文也只测量了开源基座模型。` +
      `因此，比如一个“相当于”${worth}的${size}模型是否达到 GPT-4 水平，需要读者拿别处的数字自行比较。` +
      `本外推假定纪录趋势（每${months}个月翻一番）在最后一个数据点之后原样延续${beyond}个月；` +
      `能力密度是相对于论文中小型参照模型而言的，这里也没有考虑设备的内存、算力和功耗。`,
    dataLang: "en" as string | null
  }
});

/** The start used when no claim is given: Li Dahai restating the 2026 target on stage (2024-07-19). */
export const DEFAULT_FROM = "2024-07-19";
export const DEFAULT_TO = "2026-12-31";

/**
 * How far the fitted trend moves between two dates: growth = exp(slope × days), and the densities on the trend
 * line at both ends. The range uses the doubling time's interval with the start fixed on the trend.
 */
export function projectDensity(fit: TrendLike, fromDate: Date | string, toDate: Date | string): Projection {
  const origin = asDate(fit.origin ?? DENSITY_ORIGIN)!;
  const from = asDate(fromDate)!;
  const to = asDate(toDate)!;
  if (!from || !to) throw new Error("projectDensity: fromDate and toDate must be dates");
  const days = daysFrom(from, to);
  const densityAt = (date: Date) => Math.exp(fit.slope_per_day * daysFrom(origin, date) + fit.intercept);
  const growth = Math.exp(fit.slope_per_day * days);
  const rate = (doublingDays: number | null | undefined) => (doublingDays && doublingDays > 0 ? 2 ** (days / doublingDays) : null);
  const growthLow = rate(fit.ci_high_days);
  const growthHigh = rate(fit.ci_low_days);
  const densityFrom = densityAt(from);
  return {
    from: isoDay(from),
    to: isoDay(to),
    days,
    doublings: (fit.slope_per_day * days) / Math.LN2,
    growth,
    growth_low: growthLow,
    growth_high: growthHigh,
    density_from: densityFrom,
    density_to: densityAt(to),
    density_to_low: growthLow === null ? null : densityFrom * growthLow,
    density_to_high: growthHigh === null ? null : densityFrom * growthHigh
  };
}

export function deviceProjection(points: readonly DensityPointRow[], options: DeviceProjectionOptions): HTMLElement {
  const {fit, claim, width = 640, height = 340, deviceSizesB = [4, 8], sources = new Map(), companies = [], lang = "en"} = options;
  const t = TEXT(lang);
  const day = (date: Date) => formatDay(date, lang);
  const fromDate = asDate(claim?.date ?? null) ?? asDate(DEFAULT_FROM)!;
  const toDate =
    asDate(options.toDate ?? null) ?? (claim?.unit === "year" && typeof claim.value === "number" ? asDate(`${claim.value}-12-31`)! : asDate(DEFAULT_TO)!);
  const p = projectDensity(fit, fromDate, toDate);
  const origin = asDate(fit.origin ?? DENSITY_ORIGIN)!;
  const trendAt = (date: Date) => Math.exp(fit.slope_per_day * daysFrom(origin, date) + fit.intercept);

  const usable = usablePoints(points);
  const dateOf = (d: DensityPointRow) => asDate(d.release_date)!;
  const records = runningMaxRecords(usable, (d) => +dateOf(d) / DAY_MS, (d) => d.density!);
  const lastPoint = usable.length ? (d3.max(usable, dateOf) as Date) : fromDate;
  const firstPoint = usable.length ? (d3.min(usable, dateOf) as Date) : fromDate;
  const monthsBeyond = Math.max(0, Math.round(daysFrom(lastPoint, toDate) / 30.44));
  const company = claim?.company_id ? companies.find((c) => c.company_id === claim.company_id) : undefined;

  // The projection's ends as the reader writes dates (p.from and p.to stay ISO days for the data).
  const [from, to] = [day(asDate(p.from)!), day(asDate(p.to)!)];
  const range = p.growth_low !== null && p.growth_high !== null ? t.range(p.growth_low, p.growth_high) : "";
  const captionText = t.caption(from, to, p.growth, range, p.doublings.toFixed(1), monthsBeyond, day(lastPoint));
  const captionLines = wrapText(captionText, width - 16);
  const legend = layoutLegend(
    [
      {key: "record", label: t.record, swatch: swatches.dot("currentColor")},
      {key: "trend", label: t.fitted, swatch: swatches.line(FIT_COLOR, {width: 2.5})},
      {key: "projection", label: t.extended, swatch: swatches.line(FIT_COLOR, {width: 2, dash: "5 3"})},
      ...(range ? [{key: "range", label: t.rangeLegend, swatch: swatches.rect(`${FIT_COLOR}33`)}] : [])
    ],
    width - 16
  );
  const margin = {top: legend.height + captionLines.length * 13 + 34, right: 16, bottom: 40, left: 48};
  const innerWidth = Math.max(40, width - margin.left - margin.right);
  const innerHeight = Math.max(160, height - margin.top - margin.bottom);

  const x = d3
    .scaleUtc()
    .domain([new Date(+firstPoint - 30 * DAY_MS), new Date(+toDate + 45 * DAY_MS)])
    .range([0, innerWidth]);
  const yValues = [...records.map((d) => d.density!), p.density_to, p.density_to_high ?? p.density_to, trendAt(firstPoint)];
  const y = d3
    .scaleLog()
    .domain([(d3.min(yValues) ?? 0.01) / 1.5, (d3.max(yValues) ?? 10) * 1.5])
    .range([innerHeight, 0]);

  const description = t.description(to, records.length, day(firstPoint), day(lastPoint), captionText);

  const frame = chartFrame({
    name: "device-projection",
    title: t.title,
    lang,
    description,
    width,
    height: margin.top + innerHeight + margin.bottom,
    margin,
    sourceLine: sourceLine(
      [...records.flatMap((d) => d.source_ids), ...(claim?.source_ids ?? [])],
      sources,
      4,
      lang
    ),
    sources,
    table: {
      rows: records.map((d) => ({model: d.model, released: day(dateOf(d)), density: d.density, params_b: d.params_b ?? null})),
      columns: ["model", "released", "density", "params_b"],
      labels: t.labels
    }
  });
  const {svg, plot} = frame;
  drawLegend(svg, legend, 8, 6);
  drawFitCaption(svg, captionLines, legend.height + 20);
  logTimeAxes(plot, {x, y, width: innerWidth, height: innerHeight, marginLeft: margin.left, format: d3.format("~g"), yLabel: t.yLabel, xLabel: t.xLabel});
  localizeTimeTicks(plot, lang);

  if (p.density_to_low !== null && p.density_to_high !== null) {
    plot
      .append("path")
      .attr("class", "projection-range")
      .attr(
        "d",
        `M${x(fromDate)},${y(p.density_from)}L${x(toDate)},${y(p.density_to_high)}L${x(toDate)},${y(p.density_to_low)}Z`
      )
      .attr("fill", FIT_COLOR)
      .attr("fill-opacity", 0.15);
  }
  // The trend is exponential and y is log, so any stretch of it is a straight segment.
  const trendSegment = (cls: string, from: Date, to: Date) =>
    plot
      .append("line")
      .attr("class", cls)
      .attr("x1", x(from))
      .attr("y1", y(trendAt(from)))
      .attr("x2", x(to))
      .attr("y2", y(trendAt(to)))
      .attr("stroke", FIT_COLOR);
  trendSegment("fit-line", firstPoint, lastPoint).attr("stroke-width", 2.5);
  trendSegment("projection-line", lastPoint, toDate).attr("stroke-width", 2).attr("stroke-dasharray", "5 3");

  const rules = [
    {date: fromDate, label: t.ruleFrom(from, !!claim), cls: "rule-from"},
    {date: toDate, label: t.ruleTo(to), cls: "rule-to"}
  ];
  const ruleGroup = plot.append("g").attr("class", "rules");
  for (const [i, r] of rules.entries()) {
    ruleGroup
      .append("line")
      .attr("class", r.cls)
      .attr("x1", x(r.date))
      .attr("x2", x(r.date))
      .attr("y1", 0)
      .attr("y2", innerHeight)
      .attr("stroke", "currentColor")
      .attr("stroke-opacity", 0.5)
      .attr("stroke-dasharray", "2 2");
    // The deadline sits at the right edge, so its label reads leftwards; the claim's label goes below it.
    ruleGroup
      .append("text")
      .attr("class", `${r.cls}-label`)
      .attr("x", x(r.date) + (i === 1 ? -4 : 4))
      .attr("y", innerHeight - 6 - (i === 1 ? 0 : 12))
      .attr("text-anchor", i === 1 ? "end" : "start")
      .attr("font-size", 10)
      .attr("fill", "currentColor")
      .text(r.label);
  }
  plot
    .append("text")
    .attr("class", "projection-label")
    .attr("x", x(toDate) - 6)
    .attr("y", y(p.density_to))
    .attr("dy", "-0.5em")
    .attr("text-anchor", "end")
    .attr("font-size", 10)
    .attr("fill", FIT_COLOR)
    .text(t.densityAt(d3.format(",.3~r")(p.density_to)));

  const marks = plot
    .append("g")
    .attr("class", "marks")
    .selectAll("circle")
    .data(records)
    .join("circle")
    .attr("class", "mark record")
    .attr("data-id", (d) => d.id)
    .attr("cx", (d) => x(dateOf(d)))
    .attr("cy", (d) => y(d.density!))
    .attr("r", 4.5)
    .attr("fill", "currentColor");
  frame.tooltip.attach(marks, (d) => ({
    title: d.model,
    lines: [
      t.released(day(dateOf(d)), d3.format(".3~g")(d.density!)),
      ...(d.params_b ? [t.effective(d.params_b, formatParams(d.params_b * d.density!))] : [])
    ],
    sources: d.source_ids
  }));

  // The numbers a reader needs to make the comparison themselves.
  const doc = frame.figure.ownerDocument;
  const el = elementMaker(doc);
  // The claimant and the statement are the data's own (English) words: on a Chinese page they carry lang="en".
  const quote = (text: string): Node => {
    if (!t.dataLang) return doc.createTextNode(text);
    const span = el("span", undefined, text);
    span.lang = t.dataLang;
    return span;
  };
  const block = el("div", "atlas-projection");
  if (claim?.statement) {
    const said = el("p", "atlas-note projection-claim");
    said.append(
      claim.claimant != null ? quote(claim.claimant) : t.theClaim,
      `${company ? t.said.company(companyLabel(company, "", lang)) : ""}${t.said.date(claim.date_raw != null ? formatDateText(claim.date_raw, lang) : from)}`,
      quote(claim.statement)
    );
    // One text node, as before the words were split for their languages.
    said.normalize();
    block.append(said);
  }
  const [sizeLabel, fromLabel, toLabel, rangeLabel] = t.headers(from, to);
  const params = (value: unknown) => formatParams(value as number);
  const wrapper = dataTable(
    deviceSizesB.map((size) => ({
      size,
      from: size * p.density_from,
      to: size * p.density_to,
      range: p.density_to_low !== null && p.density_to_high !== null ? t.rangeCell(formatParams(size * p.density_to_low), formatParams(size * p.density_to_high)) : t.none
    })),
    {
      caption: t.tableCaption,
      labels: {size: sizeLabel, from: fromLabel, to: toLabel, range: rangeLabel},
      format: {size: params, from: params, to: params},
      rowData: (row) => ({size: String(row.size)}),
      document: doc,
      lang
    }
  );
  wrapper.querySelector("table")!.classList.add("projection-table");
  block.append(wrapper);
  const caveat = el("p", "atlas-note projection-caveat");
  caveat.textContent = t.caveat(
    formatParams(deviceSizesB[0] ?? 4),
    formatParams((deviceSizesB[0] ?? 4) * p.density_to),
    formatMonths(Math.LN2 / fit.slope_per_day / 30.44),
    monthsBeyond
  );
  block.append(caveat);
  frame.figure.insertBefore(block, frame.figure.querySelector("figcaption"));
  return frame.figure;
}
