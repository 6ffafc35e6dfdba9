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
import {asDate, byDateThenId, DAY_MS, isoDay} from "./cells.js";
import {logTimeAxes} from "./chartAxes.js";
import {drawLegend, layoutLegend, swatches} from "./chartLegend.js";
import type {Lang} from "./i18n.js";

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
  const {companies, width = 640, height = 420, deployment = "all", sources = new Map()} = options;
  const narrow = width < 560;
  const lookup = companyLookup(companies);
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
        label: d === "edge" ? "edge (on-device) model" : "cloud model",
        swatch: swatches.symbol(DEPLOYMENT_SYMBOLS[d], "currentColor", 50)
      })),
      ...(drawn.some(isMoePair)
        ? [{key: "moe", label: "MoE: total, line to active", swatch: moeSwatch}]
        : []),
      ...(drawn.some((m) => m.release_date_approx) ? [{key: "approx", label: "hollow: approximate date", swatch: swatches.symbol(d3.symbolCircle, "currentColor", 50, true)}] : [])
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
      ? `Scatter plot of ${drawn.length} model release${drawn.length === 1 ? "" : "s"} by ${companiesPresent.map(name).join(", ")}: ` +
        `parameters in billions (log scale, ${formatParams(lo)} to ${formatParams(hi)}) against release date ` +
        `(${isoDay(d0)} to ${isoDay(d1)}). Colour shows the company; diamonds are edge (on-device) models, circles cloud models.` +
        (moeCount ? ` ${moeCount} mixture-of-experts model${moeCount === 1 ? " is" : "s are"} drawn as a large mark at the total size joined to a small mark at the active parameters.` : "")
      : "No model with a disclosed size matches the chosen companies and deployment.") +
    (undrawn.length ? ` ${undrawn.length} model${undrawn.length === 1 ? " has" : "s have"} no disclosed size and ${undrawn.length === 1 ? "is" : "are"} listed below the chart instead.` : "");

  const frame = chartFrame({
    name: "model-scatter",
    title: "Model sizes over time",
    description,
    width,
    height: frameHeight,
    margin,
    sourceLine: sourceLine(
      drawn.flatMap((m) => m.source_ids),
      sources
    ),
    sources,
    table: {
      rows: [...drawn]
        .sort(byDateThenId((m) => m.release_date))
        .map((m) => ({
          released: m.release_date_raw ?? isoDay(asDate(m.release_date)!),
          company: name(m.company_id),
          model: m.model,
          total: m.params_total_b,
          active: m.params_active_b,
          architecture: m.architecture ?? "",
          deployment: m.deployment ?? "",
          reported: m.params_reported ?? ""
        })),
      columns: ["released", "company", "model", "total", "active", "architecture", "deployment", "reported"],
      labels: {released: "Released", company: "Company", model: "Model", total: "Total (B)", active: "Active (B)", architecture: "Architecture", deployment: "Deployment", reported: "Size as reported"}
    }
  });
  const {svg, plot} = frame;
  drawLegend(svg, legend, 8, 6);

  logTimeAxes(plot, {x, y, width: innerWidth, height: innerHeight, marginLeft: margin.left, format: formatParams, yLabel: "Parameters (billions, log scale)", xLabel: "Release date"});

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
      `${name(m.company_id)} · released ${m.release_date_raw ?? isoDay(asDate(m.release_date)!)}${m.release_date_approx ? " (approximate)" : ""}`,
      isMoePair(m)
        ? `${formatParams(m.params_total_b!)} total, ${formatParams(m.params_active_b!)} active per token (mixture of experts)`
        : `${formatParams(m.params_total_b!)} parameters${m.architecture === "moe" ? " in total (mixture of experts; active not disclosed)" : ""}`,
      ...(m.params_reported ? [`As reported: ${m.params_reported}`] : []),
      `${m.deployment === "edge" ? "Edge (on-device)" : "Cloud"} model${m.open_weights === true ? ", open weights" : m.open_weights === false ? ", closed weights" : ""}`,
      ...(m.conflict_key ? ["Sources disagree on this model; each version is a separate mark."] : []),
      ...(m.notes ? [m.notes] : []),
      ...(m.confidence ? [`Confidence: ${m.confidence}`] : [])
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
    summary.textContent = `Not drawn: ${undrawn.length} model${undrawn.length === 1 ? "" : "s"} without a disclosed size`;
    const list = doc.createElement("ul");
    const byDate = [...undrawn].sort(byDateThenId((m) => m.release_date));
    for (const m of byDate) {
      const item = doc.createElement("li");
      item.dataset.id = m.id;
      const size = m.params_reported && m.params_reported !== "undisclosed" ? `size reported as ${m.params_reported}` : "size undisclosed";
      item.textContent = `${m.model} (${name(m.company_id)}, ${m.release_date_raw ?? "undated"}): ${size}`;
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
