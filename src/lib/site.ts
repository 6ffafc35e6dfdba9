/**
 * The site's pages in both editions, named in both languages: one list that Framework's sidebar (English,
 * observablehq.config.ts), the build's sidebar of each edition (scripts/framework/edition.ts) and the tests'
 * list of routes all read. An English page at `/funding` has its Chinese twin at `/zh/funding`.
 *
 * Node only (reads data/companies.csv and the notebooks' front matter).
 */
import {existsSync, readFileSync, readdirSync} from "node:fs";
import {join} from "node:path";
import {parseCsv} from "./csv.js";

export type Lang = "en" | "zh";
export type Named = {en: string; zh: string};

export interface SitePage {
  name: Named;
  /** The English path ("/funding"); the Chinese twin is "/zh" + path. */
  path: string;
}

export interface SiteSection {
  name: Named;
  pages: SitePage[];
}

export type SiteEntry = SitePage | SiteSection;

export const SITE_TITLE: Named = {en: "Six Tigers Atlas", zh: "六小虎图谱"};

/** The site's footer in each language. */
export const FOOTER: Named = {
  en: "Six Tigers Atlas — an open data story about China’s large-model start-ups. Code MIT; data CC BY 4.0, each row with its source.",
  zh: "六小虎图谱——关于中国大模型创业公司的开放数据故事。代码采用 MIT 协议，数据采用 CC BY 4.0 协议，每一行都注明来源。"
};

/** The Chinese edition's folder under src/ (and the path prefix of its pages). */
export const ZH_ROOT = "zh";

/** The path of a page in an edition: "/funding" → "/zh/funding"; "/" → "/zh/". */
export function editionPath(path: string, lang: Lang): string {
  const english = englishPath(path);
  if (lang === "en") return english;
  return english === "/" ? `/${ZH_ROOT}/` : `/${ZH_ROOT}${english}`;
}

/** The English path of a page of either edition: "/zh/funding" → "/funding", "/zh/" or "/zh" → "/". */
export function englishPath(path: string): string {
  if (path === `/${ZH_ROOT}` || path === `/${ZH_ROOT}/` || path === `/${ZH_ROOT}/index`) return "/";
  if (path.startsWith(`/${ZH_ROOT}/`)) return path.slice(ZH_ROOT.length + 1);
  return path === "/index" ? "/" : path;
}

/** The edition a page path belongs to. */
export function pathLang(path: string): Lang {
  return path === `/${ZH_ROOT}` || path.startsWith(`/${ZH_ROOT}/`) ? "zh" : "en";
}

/** A notebook's title from its front matter, or its slug. */
function notebookTitle(file: string, slug: string): string {
  if (!existsSync(file)) return slug;
  const title = /^---\n[\s\S]*?^title:\s*(.+)$/m.exec(readFileSync(file, "utf8"))?.[1];
  return title ? title.trim().replace(/^["']|["']$/g, "") : slug;
}

/** The site map, read from `root` (the project folder): pages, companies from data/, notebooks from src/. */
export function siteMap(root = "."): SiteEntry[] {
  const companies = parseCsv(readFileSync(join(root, "data/companies.csv"), "utf8"), "data/companies.csv")
    .rows.map((row) => row.values)
    .filter((row) => row.row_type === "primary")
    .map(
      (c): SitePage => ({
        name: {en: c.short_zh === c.short_en ? c.short_en : `${c.short_zh} ${c.short_en}`, zh: c.short_zh || c.short_en},
        path: `/companies/${c.company_id}`
      })
    );
  // Every Markdown file in src/notebooks/ is a notebook (the template last); its twin is src/zh/notebooks/<slug>.md.
  const dir = join(root, "src/notebooks");
  const notebooks = (existsSync(dir) ? readdirSync(dir) : [])
    .filter((file) => file.endsWith(".md"))
    .sort((a, b) => (a === "template.md" ? 1 : b === "template.md" ? -1 : a.localeCompare(b)))
    .map((file): SitePage => {
      const slug = file.replace(/\.md$/, "");
      return {
        name: {en: notebookTitle(join(dir, file), slug), zh: notebookTitle(join(root, "src", ZH_ROOT, "notebooks", file), slug)},
        path: `/notebooks/${slug}`
      };
    });
  return [
    {name: {en: "Funding and valuations", zh: "融资与估值"}, path: "/funding"},
    {name: {en: "From cloud to edge", zh: "从云端到端侧"}, path: "/pivots"},
    {name: {en: "The densing law", zh: "密度法则"}, path: "/density"},
    {name: {en: "Companies", zh: "公司"}, pages: companies},
    {name: {en: "Explore in SQL", zh: "用 SQL 探索"}, path: "/explore"},
    {name: {en: "Notebooks", zh: "笔记本"}, pages: notebooks},
    {name: {en: "Data and methods", zh: "数据与方法"}, path: "/data"}
  ];
}

/** Every English page path of the site, the home page first. */
export function sitePaths(map: SiteEntry[] = siteMap()): string[] {
  return ["/", ...map.flatMap((entry) => ("pages" in entry ? entry.pages.map((p) => p.path) : [entry.path]))];
}
