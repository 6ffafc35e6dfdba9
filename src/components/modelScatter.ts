/**
 * Model sizes over time: parameters (log scale, billions) against release date, one mark per model row,
 * coloured by company. A mixture-of-experts model is a large mark at its total size joined by a line to a small
 * mark at the parameters active per token, because "how big" has two honest answers for it. Models made for
 * phones, PCs or cars are diamonds, cloud models circles. Models whose size was never disclosed cannot be
 * placed on a size axis; they are listed under the chart instead of being guessed.
 */
import * as d3 from "./d3.js";
import {chartFrame, formatParams, sourceLine, type SourceIndex} from "./chart.js";
import {companyLookup, type CompanyRef} from "./companyLookup.js";
import type {ModelsRow} from "./rows.js";
import {asDate, byDateThenId, DAY_MS} from "./cells.js";
import {logTimeAxes} from "./chartAxes.js";
import {drawLegend, layoutLegend, swatches} from "./chartLegend.js";
import {bilingual, formatDateText, formatDay, listText, type Lang} from "./i18n.js";
import {confidenceLabel, deploymentLabel, localizeTimeTicks} from "./chartWords.js";

/** A models row with the columns the chart reads. */
export type ModelRow = Pick<ModelsRow, "id" | "company_id" | "model" | "release_date" | "params_total_b" | "params_active_b" | "source_ids"> &
  Partial<Pick<ModelsRow, "release_date_approx" | "release_date_raw" | "params_reported" | "architecture" | "open_weights" | "deployment" | "modality" | "conflict_key" | "notes" | "confidence">>;

export type CompanyRow = CompanyRef;

export interface ModelScatterOptions {
  /** The page's language: every word the chart shows follows it. */
  lang?: Lang;
  /** Rows of the companies table, to name companies in Chinese and English. Variant rows are ignored. */
  companies: readonly CompanyRow[];
  /** Width in pixels; adapts down to 320 (fewer ticks, wrapped legend). Default 640. */
  width?: number;
  /** Height of the SVG in pixels, legend included. Default 420. */
  height?: number;
  /** Only these companies. Default: all. */
  companyIds?: readonly string[];
  /** Cloud models, edge (on-device) models or both. Default "all". */
  deployment?: "all" | "cloud" | "edge";
  /** Sources by id (indexSources of the sources table), for the tooltips and the source line. */
  sources?: SourceIndex;
}

/** Cloud models are circles, edge models diamonds: the shape survives colour blindness and greyscale print. */
export const DEPLOYMENT_SYMBOLS: Record<string, d3.SymbolType> = {cloud: d3.symbolCircle, edge: d3.symbolDiamond};

const plural = (n: number) => (n === 1 ? "" : "s");

const TEXT = bilingual({
  en: {
    title: "Model sizes over time",
    edgeModel: "edge (on-device) model",
    cloudModel: "cloud model",
    moe: "MoE: total, line to active",
    approx: "hollow: approximate date",
    description: (n: number, companies: string[], lo: string, hi: string, d0: string, d1: string) =>
      `Scatter plot of ${n} model release${plural(n)} by ${companies.join(", ")}: ` +
      `parameters in billions (log scale, ${lo} to ${hi}) against release date ` +
      `(${d0} to ${d1}). Colour shows the company; diamonds are edge (on-device) models, circles cloud models.`,
    moeCount: (n: number) => ` ${n} mixture-of-experts model${n === 1 ? " is" : "s are"} drawn as a large mark at the total size joined to a small mark at the active parameters.`,
    none: "No model with a disclosed size matches the chosen companies and deployment.",
    undrawnCount: (n: number) => ` ${n} model${n === 1 ? " has" : "s have"} no disclosed size and ${n === 1 ? "is" : "are"} listed below the chart instead.`,
    labels: {released: "Released", company: "Company", model: "Model", total: "Total (B)", active: "Active (B)", architecture: "Architecture", deployment: "Deployment", reported: "Size as reported"},
    /** Column values as the data has them ("moe", "edge"). */
    architecture: (value: string) => value,
    deployment: (value: string) => value,
    yLabel: "Parameters (billions, log scale)",
    xLabel: "Release date",
    released: (company: string, date: string, approx: boolean) => `${company} · released ${date}${approx ? " (approximate)" : ""}`,
    moePair: (total: string, active: string) => `${total} total, ${active} active per token (mixture of experts)`,
    params: (total: string, moe: boolean) => `${total} parameters${moe ? " in total (mixture of experts; active not disclosed)" : ""}`,
    asReported: (reported: string) => `As reported: ${reported}`,
    kind: (edge: boolean, open: boolean | null | undefined) => `${edge ? "Edge (on-device)" : "Cloud"} model${open === true ? ", open weights" : open === false ? ", closed weights" : ""}`,
    conflict: "Sources disagree on this model; each version is a separate mark.",
    confidence: (c: string) => `Confidence: ${c}`,
    notDrawn: (n: number) => `Not drawn: ${n} model${plural(n)} without a disclosed size`,
    sizeReported: (reported: string) => `size reported as ${reported}`,
    sizeUndisclosed: "size undisclosed",
    undated: "undated",
    notDrawnItem: (model: string, company: string, date: string, size: string) => `${model} (${company}, ${date}): ${size}`
  },
  zh: {
    title: "模型参数规模的演变",
    edgeModel: "端侧模型",
    cloudModel: "云端模型",
    moe: "MoE：总参数连线至激活参数",
    approx: "空心：发布日期为约数",
    description: (n: number, companies: string[], lo: string, hi: string, d0: string, d1: string) =>
      `散点图：${listText(companies, "zh")}发布的${n}个模型，纵轴为参数量（十亿，对数刻度，${lo}至${hi}），横轴为发布日期（${d0}至${d1}）。` +
      `颜色表示公司；菱形为端侧模型，圆形为云端模型。`,
    moeCount: (n: number) => `其中${n}个混合专家（MoE）模型以大标记表示总参数量，并以连线连到表示激活参数量的小标记。`,
    none: "所选公司和部署方式下没有已披露规模的模型。",
    undrawnCount: (n: number) => `另有${n}个模型未披露规模，列在图下，不画入图中。`,
    labels: {released: "发布时间", company: "公司", model: "模型", total: "总参数（B）", active: "激活参数（B）", architecture: "架构", deployment: "部署方式", reported: "披露的规模"},
    architecture: (value: string) => ({moe: "混合专家", dense: "稠密", unknown: "未知"})[value] ?? value,
    deployment: (value: string) => deploymentLabel(value, "zh"),
    yLabel: "参数量（十亿，对数刻度）",
    xLabel: "发布日期",
    released: (company: string, date: string, approx: boolean) => `${company} · ${date}发布${approx && !date.startsWith("约") ? "（日期为约数）" : ""}`,
    moePair: (total: string, active: string) => `总参数${total}，每个 token 激活${active}（混合专家）`,
    params: (total: string, moe: boolean) => `参数量${total}${moe ? "（总量；混合专家模型，激活参数未披露）" : ""}`,
    asReported: (reported: string) => `原始披露：${reported}`,
    kind: (edge: boolean, open: boolean | null | undefined) => `${edge ? "端侧" : "云端"}模型${open === true ? "，开放权重" : open === false ? "，权重未开放" : ""}`,
    conflict: "各来源对该模型的说法不一，每个版本单独标出。",
    confidence: (c: string) => `可信度：${c}`,
    notDrawn: (n: number) => `未画出：${n}个模型未披露规模`,
    sizeReported: (reported: string) => `披露规模为 ${reported}`,
    sizeUndisclosed: "规模未披露",
    undated: "日期不详",
    notDrawnItem: (model: string, company: string, date: string, size: string) => `${model}（${company}，${date}）：${size}`
  }
});

const TOTAL_SIZE = 70;
const ACTIVE_SIZE = 26;

/** A mixture-of-experts row with both sizes, drawn as a total–active pair. */
export function isMoePair(m: ModelRow): boolean {
  return m.architecture === "moe" && m.params_active_b !== null && m.params_total_b !== null && m.params_active_b > 0 && m.params_active_b < m.params_total_b;
}

/** A row the chart can place: a release date and a positive total size. */
export function isDrawableModel(m: ModelRow): boolean {
  return asDate(m.release_date) !== null && m.params_total_b !== null && Number.isFinite(m.params_total_b) && m.params_total_b > 0;
}

export function modelScatter(models: readonly ModelRow[], options: ModelScatterOptions): HTMLElement {
  const {companies, width = 640, height = 420, deployment = "all", sources = new Map(), lang = "en"} = options;
  const t = TEXT(lang);
  const narrow = width < 560;
  const lookup = companyLookup(companies, lang);
  // The release date as the source gave it ("2024-07", "2024 (approx.)"), in the reader's conventions.
  const released = (m: ModelRow) => (m.release_date_raw != null ? formatDateText(m.release_date_raw, lang) : formatDay(asDate(m.release_date)!, lang));
  const name = (id: string) => lookup.label(id);

  const companySet = options.companyIds ? new Set(options.companyIds) : null;
  const selected = models.filter((m) => (!companySet || companySet.has(m.company_id)) && (deployment === "all" || m.deployment === deployment));
  const drawn = selected.filter(isDrawableModel);
  const undrawn = selected.filter((m) => !isDrawableModel(m));

  const companiesPresent = lookup.order(drawn.map((m) => m.company_id));
  const deploymentsPresent = ["cloud", "edge"].filter((d) => drawn.some((m) => (m.deployment ?? "cloud") === d));
  const legend = layoutLegend(
    [
      ...companiesPresent.map((id) => ({key: `company-${id}`, label: narrow ? lookup.short(id) : name(id), swatch: swatches.rect(lookup.color(id))})),
      ...deploymentsPresent.map((d) => ({
        key: `deployment-${d}`,
        label: d === "edge" ? t.edgeModel : t.cloudModel,
        swatch: swatches.symbol(DEPLOYMENT_SYMBOLS[d], "currentColor", 50)
      })),
      ...(drawn.some(isMoePair)
        ? [{key: "moe", label: t.moe, swatch: moeSwatch}]
        : []),
      ...(drawn.some((m) => m.release_date_approx) ? [{key: "approx", label: t.approx, swatch: swatches.symbol(d3.symbolCircle, "currentColor", 50, true)}] : [])
    ],
    width - 16
  );

  const margin = {top: legend.height + 30, right: 16, bottom: 40, left: 48};
  const innerWidth = Math.max(40, width - margin.left - margin.right);
  // A wrapped legend must not squeeze the plot at narrow widths: the figure grows instead.
  const innerHeight = Math.max(200, height - margin.top - margin.bottom);
  const frameHeight = margin.top + innerHeight + margin.bottom;

  const dates = drawn.map((m) => asDate(m.release_date)!);
  const [d0, d1] = dates.length ? (d3.extent(dates) as [Date, Date]) : [new Date("2023-01-01T00:00:00Z"), new Date("2026-01-01T00:00:00Z")];
  const pad = Math.max(30 * DAY_MS, (+d1 - +d0) * 0.04);
  const x = d3.scaleUtc().domain([new Date(+d0 - pad), new Date(+d1 + pad)]).range([0, innerWidth]);
  const sizes = drawn.flatMap((m) => (isMoePair(m) ? [m.params_total_b!, m.params_active_b!] : [m.params_total_b!]));
  const lo = d3.min(sizes) ?? 1;
  const hi = d3.max(sizes) ?? 1000;
  const y = d3.scaleLog().domain([lo / 1.8, hi * 1.8]).range([innerHeight, 0]);

  const moeCount = drawn.filter(isMoePair).length;
  const description =
    (drawn.length
      ? t.description(drawn.length, companiesPresent.map(name), formatParams(lo), formatParams(hi), formatDay(d0, lang), formatDay(d1, lang)) + (moeCount ? t.moeCount(moeCount) : "")
      : t.none) + (undrawn.length ? t.undrawnCount(undrawn.length) : "");

  const frame = chartFrame({
    name: "model-scatter",
    title: t.title,
    lang,
    description,
    width,
    height: frameHeight,
    margin,
    sourceLine: sourceLine(
      drawn.flatMap((m) => m.source_ids),
      sources,
      4,
      lang
    ),
    sources,
    table: {
      rows: [...drawn]
        .sort(byDateThenId((m) => m.release_date))
        .map((m) => ({
          released: released(m),
          company: name(m.company_id),
          model: m.model,
          total: m.params_total_b,
          active: m.params_active_b,
          architecture: t.architecture(m.architecture ?? ""),
          deployment: t.deployment(m.deployment ?? ""),
          reported: m.params_reported ?? ""
        })),
      columns: ["released", "company", "model", "total", "active", "architecture", "deployment", "reported"],
      labels: t.labels
    }
  });
  const {svg, plot} = frame;
  drawLegend(svg, legend, 8, 6);

  logTimeAxes(plot, {x, y, width: innerWidth, height: innerHeight, marginLeft: margin.left, format: formatParams, yLabel: t.yLabel, xLabel: t.xLabel});
  localizeTimeTicks(plot, lang);

  // Larger models first so small marks drawn later stay visible on top.
  const ordered = [...drawn].sort((a, b) => b.params_total_b! - a.params_total_b! || a.id.localeCompare(b.id));
  const marks = plot
    .append("g")
    .attr("class", "marks")
    .selectAll("g")
    .data(ordered)
    .join("g")
    .attr("class", (m) => `mark ${isMoePair(m) ? "moe" : "single"} ${m.deployment === "edge" ? "edge" : "cloud"}`)
    .attr("data-id", (m) => m.id)
    .attr("transform", (m) => `translate(${x(asDate(m.release_date)!)},${y(m.params_total_b!)})`);
  const color = (m: ModelRow) => lookup.color(m.company_id);
  const symbol = (m: ModelRow) => DEPLOYMENT_SYMBOLS[m.deployment ?? "cloud"] ?? d3.symbolCircle;
  marks
    .filter(isMoePair)
    .append("line")
    .attr("class", "moe-link")
    .attr("y1", 0)
    .attr("y2", (m) => y(m.params_active_b!) - y(m.params_total_b!))
    .attr("stroke", color)
    .attr("stroke-width", 1.5);
  marks
    .filter(isMoePair)
    .append("path")
    .attr("class", "active")
    .attr("transform", (m) => `translate(0,${y(m.params_active_b!) - y(m.params_total_b!)})`)
    .attr("d", (m) => d3.symbol(symbol(m), ACTIVE_SIZE)()!)
    .attr("fill", color)
    .attr("stroke", color);
  marks
    .append("path")
    .attr("class", "total")
    .attr("d", (m) => d3.symbol(symbol(m), TOTAL_SIZE)()!)
    .attr("fill", color)
    .attr("fill-opacity", (m) => (m.release_date_approx ? 0 : 0.85))
    .attr("stroke", color)
    .attr("stroke-width", 1.5);
  frame.tooltip.attach(marks, (m) => ({
    title: m.model,
    lines: [
      t.released(name(m.company_id), released(m), !!m.release_date_approx),
      isMoePair(m) ? t.moePair(formatParams(m.params_total_b!), formatParams(m.params_active_b!)) : t.params(formatParams(m.params_total_b!), m.architecture === "moe"),
      ...(m.params_reported ? [t.asReported(m.params_reported)] : []),
      t.kind(m.deployment === "edge", m.open_weights),
      ...(m.conflict_key ? [t.conflict] : []),
      ...(m.notes ? [m.notes] : []),
      ...(m.confidence ? [t.confidence(confidenceLabel(m.confidence, lang))] : [])
    ],
    sources: m.source_ids
  }));

  if (undrawn.length) {
    // A collapsible list: 30-odd names would otherwise bury the chart on a phone.
    const doc = frame.figure.ownerDocument;
    const note = doc.createElement("details");
    note.className = "atlas-note atlas-chart-note";
    note.dataset.skipped = String(undrawn.length);
    const summary = doc.createElement("summary");
    summary.textContent = t.notDrawn(undrawn.length);
    const list = doc.createElement("ul");
    const byDate = [...undrawn].sort(byDateThenId((m) => m.release_date));
    for (const m of byDate) {
      const item = doc.createElement("li");
      item.dataset.id = m.id;
      const size = m.params_reported && m.params_reported !== "undisclosed" ? t.sizeReported(m.params_reported) : t.sizeUndisclosed;
      const text = t.notDrawnItem(m.model, name(m.company_id), m.release_date_raw != null ? formatDateText(m.release_date_raw, lang) : t.undated, size);
      const reported = m.params_reported && m.params_reported !== "undisclosed" ? m.params_reported : "";
      if (lang === "zh" && reported && text.endsWith(reported)) {
        // The size as the source reported it is a quote in English: marked so, on the Chinese page.
        const quote = doc.createElement("span");
        quote.lang = "en";
        quote.textContent = reported;
        item.append(text.slice(0, -reported.length), quote);
      } else item.textContent = text;
      list.append(item);
    }
    note.append(summary, list);
    frame.figure.insertBefore(note, frame.figure.querySelector("figcaption"));
  }
  return frame.figure;
}

function moeSwatch(g: d3.Selection<SVGGElement, unknown, null, undefined>): void {
  g.append("line").attr("x1", 7).attr("x2", 7).attr("y1", -5).attr("y2", 5).attr("stroke", "currentColor").attr("stroke-width", 1.5);
  g.append("circle").attr("cx", 7).attr("cy", -4).attr("r", 3.5).attr("fill", "currentColor");
  g.append("circle").attr("cx", 7).attr("cy", 5).attr("r", 2).attr("fill", "currentColor");
}
