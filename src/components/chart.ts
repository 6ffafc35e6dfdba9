/**
 * The frame every chart shares: a <figure> with an SVG that has an accessible name and description
 * (role="img", <title>, <desc>), a source line, a data-table view for screen readers and keyboard users, a
 * tooltip that names each mark's sources and links to them, and SVG/PNG downloads that carry the title,
 * source line and licence. Components draw into `frame.plot` and call `frame.tooltip.attach(...)`.
 *
 * Everything is built with DOM text nodes (d3 `.text()`), never HTML strings, so hostile text in the data
 * renders as text. Nothing here measures the DOM, so charts render under jsdom and at build time.
 */
import * as d3 from "./d3.js";
import {appendLines, wrapText} from "./chartText.js";
import {dataTable, formatValue} from "./dataTable.js";
import {saveBlob} from "./downloads.js";
import {bilingual, documentLang, formatDateText, formatUsdMillions as formatUsd, HTML_LANG, type Lang} from "./i18n.js";

export const LICENCE = "Six Tigers Atlas · data CC BY 4.0";

/** The frame's own words: every chart says these, in the page's language. */
export const FRAME_TEXT = bilingual({
  en: {
    licence: LICENCE,
    dataTable: "Data table",
    download: (format: string) => `Download ${format}`,
    source: "Source: ",
    sources: (shown: string, more: number, _total: number) => `Sources: ${shown}${more ? ` and ${more} more` : ""} (hover or tap a mark for its own). ${LICENCE}.`
  },
  zh: {
    licence: "六小虎图谱 · 数据采用 CC BY 4.0 协议",
    dataTable: "数据表",
    download: (format: string) => `下载 ${format}`,
    source: "来源：",
    sources: (shown: string, more: number, total: number) => `来源：${shown}${more ? `等${total}家` : ""}（悬停或轻触图中标记可查看各自来源）。六小虎图谱 · 数据采用 CC BY 4.0 协议。`
  }
});

export interface SourceRef {
  source_id: string;
  publisher: string;
  title: string;
  url: string | null;
  date_raw?: string | null;
  /** ISO 639-1 code of the source's own language ("zh", "en"). */
  language?: string | null;
}

/** Sources by id, for tooltips and source lines. */
export type SourceIndex = Map<string, SourceRef>;

export function indexSources(rows: readonly SourceRef[]): SourceIndex {
  return new Map(rows.map((s) => [s.source_id, s]));
}

export interface TooltipContent {
  title: string;
  lines?: string[];
  /** Source ids; each becomes a link (or the publisher's name when there is no URL). */
  sources?: readonly string[];
}

export interface ChartFrameOptions {
  /** Short identifier, set as data-chart (tests and downloads use it). */
  name: string;
  /** Accessible name and visible title. */
  title: string;
  /** What the chart shows, in a sentence or two, for screen readers. */
  description: string;
  width: number;
  height: number;
  /** e.g. "Sources: company filings and press reports (see each mark)". */
  sourceLine: string;
  /** Rows for the data-table view; omit for none. */
  table?: {rows: readonly Record<string, unknown>[]; columns: string[]; labels?: Record<string, string>};
  sources?: SourceIndex;
  margin?: {top: number; right: number; bottom: number; left: number};
  /** The page's language: the frame's own words (downloads, data table, source label) follow it. */
  lang?: Lang;
}

export interface ChartFrame {
  figure: HTMLElement;
  svg: d3.Selection<SVGSVGElement, unknown, null, undefined>;
  /** The drawing area, translated by the margins. */
  plot: d3.Selection<SVGGElement, unknown, null, undefined>;
  /** Size of the drawing area. */
  inner: {width: number; height: number};
  margin: {top: number; right: number; bottom: number; left: number};
  tooltip: Tooltip;
  lang: Lang;
}

let counter = 0;

/** A page-unique id; snapshot tests renumber these. */
export function uid(prefix: string): string {
  return `${prefix}-${++counter}`;
}

export function chartFrame(options: ChartFrameOptions): ChartFrame {
  const {name, title, description, width, height, sourceLine, table, sources = new Map(), lang = "en"} = options;
  const text = FRAME_TEXT(lang);
  const margin = options.margin ?? {top: 16, right: 16, bottom: 32, left: 48};
  const figure = d3.create("figure").attr("class", "atlas-chart").attr("data-chart", name).attr("data-lang", lang);
  const titleId = uid(`${name}-title`);
  const descId = uid(`${name}-desc`);
  figure.append("div").attr("class", "atlas-chart-title").attr("aria-hidden", "true").text(title);
  const svg = figure
    .append("svg")
    .attr("role", "img")
    .attr("aria-labelledby", `${titleId} ${descId}`)
    .attr("width", width)
    .attr("height", height)
    .attr("viewBox", `0 0 ${width} ${height}`)
    .attr("style", "max-width: 100%; height: auto;")
    .attr("font-family", "var(--sans-serif, system-ui, sans-serif)")
    .attr("font-size", 11);
  svg.append("title").attr("id", titleId).text(title);
  svg.append("desc").attr("id", descId).text(description);
  const plot = svg.append("g").attr("class", "plot").attr("transform", `translate(${margin.left},${margin.top})`);
  figure.append("figcaption").attr("class", "atlas-source").text(sourceLine);
  const tooltip = new Tooltip(figure.node()!, sources, lang);
  if (table && table.rows.length) {
    const details = figure.append("details").attr("class", "atlas-data");
    details.append("summary").text(text.dataTable);
    details.node()!.append(dataTable(table.rows, {columns: table.columns, labels: table.labels, caption: title, lang}));
  }
  const tools = figure.append("div").attr("class", "atlas-chart-tools");
  for (const format of ["svg", "png"] as const) {
    tools
      .append("button")
      .attr("type", "button")
      .attr("class", "atlas-download")
      .attr("data-format", format)
      .text(text.download(format.toUpperCase()))
      .on("click", () => downloadChart(figure.node()!, format));
  }
  return {
    figure: figure.node()!,
    svg: svg as unknown as ChartFrame["svg"],
    plot: plot as unknown as ChartFrame["plot"],
    inner: {width: Math.max(0, width - margin.left - margin.right), height: Math.max(0, height - margin.top - margin.bottom)},
    margin,
    tooltip,
    lang
  };
}

/**
 * One tooltip per chart: shown on hover, pinned by a click (so its source links can be followed), closed by
 * Escape or a click elsewhere.
 */
export class Tooltip {
  readonly element: HTMLDivElement;
  private pinned = false;

  constructor(private readonly figure: HTMLElement, private readonly sources: SourceIndex, private readonly lang: Lang = "en") {
    const doc = figure.ownerDocument;
    this.element = doc.createElement("div");
    this.element.className = "atlas-tooltip";
    this.element.hidden = true;
    this.element.setAttribute("role", "tooltip");
    figure.append(this.element);
    figure.addEventListener("keydown", (event) => {
      if ((event as KeyboardEvent).key === "Escape") this.hide(true);
    });
    doc.addEventListener?.("click", (event) => {
      if (this.pinned && !figure.contains(event.target as Node)) this.hide(true);
    });
  }

  /** Attaches the tooltip to marks; `content` gives what to show for a datum. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any d3 selection of marks, whatever its element and parent types.
  attach<D>(marks: d3.Selection<any, D, any, any>, content: (d: D) => TooltipContent): void {
    marks
      .on("pointerenter.tooltip", (event: Event, d: D) => {
        if (!this.pinned) this.show(content(d), event as PointerEvent);
      })
      .on("pointerleave.tooltip", () => {
        if (!this.pinned) this.hide();
      })
      .on("click.tooltip", (event: Event, d: D) => {
        event.stopPropagation();
        this.show(content(d), event as MouseEvent);
        this.pinned = true;
        this.element.classList.add("pinned");
      });
  }

  show(content: TooltipContent, event?: {clientX: number; clientY: number}): void {
    const doc = this.figure.ownerDocument;
    const title = doc.createElement("div");
    title.className = "atlas-tooltip-title";
    title.textContent = content.title;
    const nodes: Node[] = [title];
    for (const line of content.lines ?? []) {
      const div = doc.createElement("div");
      div.textContent = line;
      nodes.push(div);
    }
    if (content.sources?.length) {
      const list = doc.createElement("div");
      list.className = "atlas-tooltip-sources";
      list.append(FRAME_TEXT(this.lang).source, ...sourceLinks(doc, content.sources, this.sources, this.lang));
      nodes.push(list);
    }
    this.element.replaceChildren(...nodes);
    this.element.hidden = false;
    if (event && typeof this.figure.getBoundingClientRect === "function") {
      const box = this.figure.getBoundingClientRect();
      const x = event.clientX - box.left;
      const y = event.clientY - box.top;
      // Keep the tooltip inside the figure: flip to the left of the pointer in the right half.
      const flip = x > box.width / 2;
      this.element.style.left = flip ? "" : `${x + 12}px`;
      this.element.style.right = flip ? `${box.width - x + 12}px` : "";
      this.element.style.top = `${y + 12}px`;
    }
  }

  hide(unpin = false): void {
    if (unpin) {
      this.pinned = false;
      this.element.classList.remove("pinned");
    }
    this.element.hidden = true;
  }
}

/**
 * Links to several sources, separated by "; " (append them to any element). On a Chinese page (`lang` "zh",
 * else the document's language) the dates read as Chinese dates and the separator is "；".
 */
export function sourceLinks(doc: Document, ids: readonly string[], sources: SourceIndex, lang: Lang = documentLang(doc)): Node[] {
  const separator = lang === "zh" ? "；" : "; ";
  return ids.flatMap((id, i) => (i ? [doc.createTextNode(separator), sourceLink(doc, sources.get(id), id, lang)] : [sourceLink(doc, sources.get(id), id, lang)]));
}

/** The same links in a <span>, for a table cell or a sentence. */
export function sourceLinksSpan(doc: Document, ids: readonly string[], sources: SourceIndex, className?: string, lang: Lang = documentLang(doc)): HTMLSpanElement {
  const span = doc.createElement("span");
  if (className) span.className = className;
  span.append(...sourceLinks(doc, ids, sources, lang));
  return span;
}

/**
 * A link to a source (publisher, date), or its name when it has no URL. The publisher is a name and the title
 * (the link's tooltip) the source's own, so the link carries the source's language (`lang`, `hreflang`).
 */
export function sourceLink(doc: Document, source: SourceRef | undefined, id: string, lang: Lang = "en"): Node {
  if (!source) return doc.createTextNode(id);
  const date = source.date_raw ? formatDateText(source.date_raw, lang) : "";
  const label = `${source.publisher}${date ? `${lang === "zh" ? "，" : ", "}${date}` : ""}`;
  if (!source.url) return doc.createTextNode(label);
  const a = doc.createElement("a");
  if (source.language) {
    const tag = HTML_LANG[source.language as Lang] ?? source.language;
    a.hreflang = tag;
    if (lang !== "en" && source.language !== lang) a.lang = tag;
  }
  a.href = source.url;
  a.target = "_blank";
  a.rel = "noopener noreferrer";
  a.title = source.title;
  a.textContent = label;
  return a;
}

/** The distinct publishers behind some source ids, for a chart's source line, in the page's language. */
export function sourceLine(ids: Iterable<string>, sources: SourceIndex, max = 4, lang: Lang = "en"): string {
  const publishers = [...new Set([...ids].map((id) => sources.get(id)?.publisher ?? id))].sort();
  const shown = publishers.slice(0, max).join(lang === "zh" ? "；" : "; ");
  return FRAME_TEXT(lang).sources(shown, Math.max(0, publishers.length - max), publishers.length);
}

// --- Companies ----------------------------------------------------------------------------------------

// Names and colours come from company_summary rows (companyLookup.ts); re-exported for notebooks.
export {companyColor, companyLabel, type CompanyRef} from "./companyLookup.js";

// --- Numbers ---------------------------------------------------------------------------------------------

/** USD millions as "$300m", "$1.2bn" ("3亿美元", "12亿美元" on a Chinese page). */
export function formatUsdMillions(value: number | null | undefined, lang: Lang = "en"): string {
  return formatUsd(value, lang);
}

/** Billions of parameters as "0.5B", "32B", "1T", "2.8T". */
export function formatParams(billions: number): string {
  if (!Number.isFinite(billions)) return "n/a";
  if (billions >= 1000) return `${d3.format(".2~r")(billions / 1000)}T`;
  if (billions >= 100) return `${Math.round(billions)}B`;
  return `${d3.format(".2~r")(billions)}B`;
}

/** Months with one decimal ("3.5"); "∞" for a trend that never doubles. */
export function formatMonths(months: number): string {
  if (!Number.isFinite(months)) return "∞";
  return months.toFixed(1);
}

/** A growth factor as "×431" or "×1,650". */
export function formatFactor(value: number): string {
  if (!Number.isFinite(value)) return "n/a";
  return `×${value >= 100 ? d3.format(",")(Math.round(value)) : d3.format(".2~r")(value)}`;
}

export {formatValue};

// --- Downloads ------------------------------------------------------------------------------------------

/**
 * The chart as a standalone SVG: its drawing with the title above and the source line and licence below,
 * colours resolved (CSS variables do not survive outside the page). The chart download saves it, and the build
 * rasterizes it for each page's card image (scripts/card-images.ts).
 */
export function standaloneSvg(figure: HTMLElement): string {
  const svg = figure.querySelector("svg")!;
  const title = figure.querySelector(".atlas-chart-title")?.textContent ?? "";
  const source = figure.querySelector(".atlas-source")?.textContent ?? "";
  const width = Number(svg.getAttribute("width"));
  const height = Number(svg.getAttribute("height"));
  // The source line wraps as the page's figcaption does: one long line would run off the image.
  const sourceLines = wrapText(source, width - 16, 10);
  const doc = figure.ownerDocument;
  const ns = "http://www.w3.org/2000/svg";
  const out = doc.createElementNS(ns, "svg");
  const total = height + 64 + Math.max(0, sourceLines.length - 1) * 13;
  out.setAttribute("xmlns", ns);
  out.setAttribute("width", String(width));
  out.setAttribute("height", String(total));
  out.setAttribute("viewBox", `0 0 ${width} ${total}`);
  out.setAttribute("font-family", "system-ui, sans-serif");
  const background = doc.createElementNS(ns, "rect");
  background.setAttribute("width", "100%");
  background.setAttribute("height", "100%");
  background.setAttribute("fill", "white");
  out.append(background);
  const heading = doc.createElementNS(ns, "text");
  heading.setAttribute("x", "8");
  heading.setAttribute("y", "20");
  heading.setAttribute("font-size", "15");
  heading.setAttribute("font-weight", "600");
  heading.textContent = title;
  out.append(heading);
  const body = svg.cloneNode(true) as SVGSVGElement;
  body.setAttribute("y", "32");
  body.setAttribute("color", "#222");
  body.removeAttribute("style");
  out.append(body);
  const foot = doc.createElementNS(ns, "text");
  foot.setAttribute("y", String(height + 52));
  foot.setAttribute("font-size", "10");
  foot.setAttribute("fill", "#555");
  appendLines(d3.select(foot), sourceLines, 8, 13, " ");
  out.append(foot);
  return resolveCssVariables(new XMLSerializer().serializeToString(out)).replace(/currentColor/g, "#222");
}

/**
 * Each `var(--name, fallback)` as its fallback: the page's custom properties are not there outside the page, and
 * SVG readers other than browsers (resvg for the build's card images, drawing programs) do not read var() at all.
 */
export function resolveCssVariables(svg: string): string {
  return svg.replace(/var\(--[\w-]+\s*,\s*([^()]*?)\s*\)/g, "$1");
}

export async function downloadChart(figure: HTMLElement, format: "svg" | "png"): Promise<void> {
  const name = figure.dataset.chart ?? "chart";
  const svgText = standaloneSvg(figure);
  const svgBlob = new Blob([svgText], {type: "image/svg+xml"});
  if (format === "svg") return saveBlob(svgBlob, `six-tigers-atlas-${name}.svg`);
  const url = URL.createObjectURL(svgBlob);
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const scale = 2;
    const canvas = document.createElement("canvas");
    canvas.width = image.width * scale;
    canvas.height = image.height * scale;
    const context = canvas.getContext("2d")!;
    context.scale(scale, scale);
    context.drawImage(image, 0, 0);
    const png = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG encoding failed"))), "image/png"));
    saveBlob(png, `six-tigers-atlas-${name}.png`);
  } finally {
    URL.revokeObjectURL(url);
  }
}


// --- Axes -----------------------------------------------------------------------------------------------

/** A bottom time axis with about one tick per 100 px, in currentColor. */
export function timeAxis(plot: ChartFrame["plot"], x: d3.ScaleTime<number, number>, height: number, width: number): void {
  plot
    .append("g")
    .attr("class", "axis axis-x")
    .attr("transform", `translate(0,${height})`)
    .call(d3.axisBottom(x).ticks(Math.max(2, Math.floor(width / 100))).tickSizeOuter(0));
}

/** Axis label text, placed by the caller. */
export function axisLabel(plot: ChartFrame["plot"], text: string, x: number, y: number, anchor: "start" | "middle" | "end" = "start"): void {
  plot.append("text").attr("class", "axis-label").attr("x", x).attr("y", y).attr("fill", "currentColor").attr("text-anchor", anchor).text(text);
}
