/**
 * Embeddable charts: every story chart (each view of src/components/views/) has a page of its own at
 * `embed/<chart>` (`zh/embed/<chart>` in Chinese) that shows the chart alone, with its title, source line,
 * licence and a link back to the story page, for another site to put in an <iframe>. A company timeline is
 * drawn per company, so it has one page per company: `embed/company-timeline/<company_id>`.
 *
 * This module is the list of those pages and the addresses between them, pure and shared by the config
 * (dynamicPaths), the page loaders that write the embed pages, the story pages' "Embed" control and the tests.
 * A unit test holds the list to the views: a view without an entry here, or an entry without a view, fails it.
 */

import type {Lang} from "./site.js";

/** A chart's title in the page's language; a company timeline's names its company. */
export type EmbedTitle = {en: string; zh: string} | {en: (company: string) => string; zh: (company: string) => string};

export interface EmbedSpec {
  /** The module of src/components/views/ that defines the view (it exports `<MODULE>_VIEWS`). */
  views: "overview" | "funding" | "pivots" | "density" | "company";
  /** The English story page the chart is drawn on ("/funding"); `{company}` stands for a company's id. */
  page: string;
  /** The id of the element on the story page the link back jumps to (a section heading, the same in both editions). */
  anchor: string;
  /** The heading of the embed page and the title of the <iframe>: the chart's own title, as its component draws it. */
  title: EmbedTitle;
  /** Drawn per company: one embed page per company, named by the company's id. */
  perCompany?: boolean;
}

export const EMBEDS: Record<string, EmbedSpec> = {
  "funding-valuation": {views: "overview", page: "/", anchor: "money-raised-against-value", title: {en: "Funding raised against latest valuation", zh: "融资额与最新估值"}},
  "revenue-funding": {views: "overview", page: "/", anchor: "revenue-against-money-raised", title: {en: "Revenue against money raised", zh: "营收与融资额"}},
  "course-grid": {views: "overview", page: "/", anchor: "where-each-company-stands", title: {en: "Current course of each company", zh: "各公司当前的方向"}},
  "timeline-strip": {views: "overview", page: "/", anchor: "from-founding-to-listing", title: {en: "From founding to listing", zh: "从成立到上市"}},
  "cumulative-funding": {views: "funding", page: "/funding", anchor: "cumulative-disclosed-funding", title: {en: "Cumulative disclosed funding", zh: "累计已披露融资额"}},
  "valuation-chart": {views: "funding", page: "/funding", anchor: "valuations-over-time", title: {en: "Valuations over time", zh: "估值变化"}},
  "investor-network": {views: "funding", page: "/funding", anchor: "who-backed-whom", title: {en: "Who backed whom", zh: "谁投了谁"}},
  "event-swimlanes": {views: "pivots", page: "/pivots", anchor: "events-company-by-company", title: {en: "Strategic events by company", zh: "各公司的战略事件"}},
  "model-scatter": {views: "pivots", page: "/pivots", anchor: "models-bigger-in-the-cloud-smaller-on-the-device", title: {en: "Model sizes over time", zh: "模型参数规模的演变"}},
  // The story page draws it under its section's heading; alone, the chart's title needs to say whose models.
  "minicpm-scatter": {
    views: "pivots",
    page: "/pivots",
    anchor: "model-best-s-mini-cpm-line-and-its-partners",
    title: {en: "ModelBest’s MiniCPM line: model sizes over time", zh: "面壁智能的 MiniCPM 系列：模型参数规模的演变"}
  },
  // The density chart's section heading is the live fit ("… doubles every 3.5 months …"), so the link jumps to the chart.
  density: {views: "density", page: "/density", anchor: "prerender-density", title: {en: "Capability density of open models over time", zh: "开源模型能力密度的演变"}},
  claims: {
    views: "density",
    page: "/density",
    anchor: "claims-against-the-evidence",
    title: {en: "Claims about how fast density grows, against the paper's own data", zh: "关于密度增长速度的各种说法，与论文自身数据对照"}
  },
  "device-projection": {
    views: "density",
    page: "/density",
    anchor: "a-gpt-4-level-model-on-a-device-by-the-end-of-2026",
    title: {en: "A GPT-4-level model on a device by the end of 2026?", zh: "2026年底前，设备上能跑 GPT-4 水平的模型吗？"}
  },
  "price-chart": {views: "density", page: "/density", anchor: "prices-fall-faster-still", title: {en: "Price of GPT-3.5-level output over time", zh: "GPT-3.5 水平输出的价格变化"}},
  "company-timeline": {
    views: "company",
    page: "/companies/{company}",
    anchor: "timeline",
    perCompany: true,
    title: {en: (company: string) => `${company}: rounds, models and events`, zh: (company: string) => `${company}：融资、模型与事件`}
  }
};

export type EmbedName = keyof typeof EMBEDS;

/** The embed's spec; throws naming the charts there are when `chart` is none of them. */
export function embedSpec(chart: string): EmbedSpec {
  if (!Object.hasOwn(EMBEDS, chart)) throw new Error(`invalid chart: ${JSON.stringify(chart)}; expected one of ${Object.keys(EMBEDS).join(", ")}`);
  return EMBEDS[chart];
}

/** The chart's title in `lang`; `company` is the company's name as the page writes it (company timelines only). */
export function embedTitle(chart: string, lang: Lang, company = ""): string {
  const title = embedSpec(chart).title[lang];
  return typeof title === "function" ? title(company) : title;
}

/**
 * The embed page's path from the site's root, without a leading slash: "embed/cumulative-funding",
 * "zh/embed/company-timeline/zhipu". A per-company chart needs its company; any other refuses one.
 */
export function embedRoute(chart: string, lang: Lang, company?: string): string {
  const spec = embedSpec(chart);
  if (spec.perCompany && !company) throw new Error(`${chart}: a company id is required (one embed page per company)`);
  if (!spec.perCompany && company) throw new Error(`${chart}: is not drawn per company`);
  if (company && !/^[a-z0-9][a-z0-9-]*$/.test(company)) throw new Error(`invalid company id: ${JSON.stringify(company)}`);
  return `${lang === "zh" ? "zh/" : ""}embed/${chart}${company ? `/${company}` : ""}`;
}

/** Every embed page of the English edition as a path ("/embed/density", "/embed/company-timeline/zhipu"). */
export function embedPaths(companies: readonly string[]): string[] {
  return Object.entries(EMBEDS).flatMap(([chart, spec]) =>
    spec.perCompany ? companies.map((id) => `/${embedRoute(chart, "en", id)}`) : [`/${embedRoute(chart, "en")}`]
  );
}

/** Whether a page path or route of either edition is an embed page ("/embed/x", "zh/embed/x/y"). */
export function isEmbedPath(path: string): boolean {
  return /^\/?(zh\/)?embed\//.test(path);
}

/**
 * The address of an embed page: the site's root (absolute, ending in a slash: "https://example.org/atlas/"), the
 * page's route, and the view's state as a query string ("?companies=zhipu&scale=log", or "").
 */
export function embedUrl(root: string, chart: string, lang: Lang, search = "", company?: string): string {
  if (!root.endsWith("/")) throw new Error(`invalid root: ${JSON.stringify(root)}; expected the site's address ending in a slash`);
  return `${root}${embedRoute(chart, lang, company)}${queryString(search)}`;
}

/**
 * The story page a chart comes from, relative to its embed page, with the view's state and the chart's anchor:
 * "../funding?scale=log#cumulative-disclosed-funding" from /embed/cumulative-funding, "../../../companies/zhipu#timeline"
 * from /zh/embed/company-timeline/zhipu (the Chinese edition's page: "../../zh/funding" from /zh/embed/…).
 */
export function storyHref(chart: string, lang: Lang, search = "", company?: string): string {
  const spec = embedSpec(chart);
  const depth = embedRoute(chart, lang, company).split("/").length - 1;
  const english = spec.page.replace("{company}", () => company ?? "");
  const page = lang === "zh" ? (english === "/" ? "zh/" : `zh${english}`) : english.slice(1);
  return `${"../".repeat(depth)}${page}${queryString(search)}#${spec.anchor}`;
}

/** A query string with its "?" ("" stays ""), given with or without it. */
const queryString = (search: string) => (search && !search.startsWith("?") ? `?${search}` : search);

/** Text for an HTML attribute value in double quotes. */
const attribute = (text: string) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The <iframe> a host pastes into its page: the embed's address, an accessible title, the width of its column. */
export function embedSnippet({src, title, height}: {src: string; title: string; height: number}): string {
  const h = Math.max(200, Math.ceil(height / 10) * 10);
  return `<iframe src="${attribute(src)}" title="${attribute(title)}" width="100%" height="${h}" style="border: 0; max-width: 100%;" loading="lazy"></iframe>`;
}
