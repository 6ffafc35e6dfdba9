/**
 * The two editions of every built page. Framework 1.13 has one sidebar and one language per site (its issue
 * #865), so after `observable build` each page is given, by its path:
 * - `<html lang>`: "en", or "zh-CN" under /zh/; `hreflang` alternates to both editions in the head;
 * - the sidebar of its edition, in its language, with the site's search form (`role="search"`, driven by
 *   src/components/site/siteSearch.ts over the Pagefind index) in place of Framework's English one;
 * - a language switch to its twin at the top of the page's main column (src/components/site/languageSwitch.ts carries the
 *   reader's view, the query string and hash, across);
 * - its edition's words for what Framework's template writes: the title suffix, the table of contents' label
 *   and the sidebar toggle's name.
 *
 * Every link is relative to the page, as Framework writes its own, so the site works under any sub-path.
 *
 * An embed page (src/lib/embeds.ts: a chart alone, shown in another site's <iframe>) has no sidebar and gets no
 * language switch; its <html> is marked `class="atlas-embed-page"`, which its stylesheet rules (src/assets/atlas.css) key on.
 */
import {readFileSync, writeFileSync} from "node:fs";
import {posix, relative} from "node:path";
import {walkFiles} from "../files.js";
import {isEmbedPath} from "../../src/lib/embeds.js";
import {editionPath, englishPath, pathLang, SITE_TITLE, type Lang, type SiteEntry} from "../../src/lib/site.js";

const HTML_LANG: Record<Lang, string> = {en: "en", zh: "zh-CN"};

/** The edition's own words in Framework's template and in the search form. */
const WORDS = {
  en: {toggle: "Toggle sidebar", contents: "Contents", search: "Search", searchLabel: "Search the atlas", switchTo: "中文", switchLabel: "阅读中文版"},
  zh: {toggle: "展开或收起侧边栏", contents: "目录", search: "搜索", searchLabel: "搜索本站", switchTo: "English", switchLabel: "Read this page in English"}
} as const;

/** Text for an HTML attribute or element built by the build's page steps (this one and meta.ts). */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})[c]!);

/** The page path of a built file: "index.html" → "/", "zh/funding.html" → "/zh/funding", "zh/index.html" → "/zh/". */
export function pagePath(file: string): string {
  const path = `/${file.replace(/\\/g, "/").replace(/\.html$/, "")}`;
  return path.endsWith("/index") ? path.slice(0, -"index".length) : path;
}

/** A link from page `from` to page `to`, relative as Framework writes them: "./funding", "../zh/", "./". */
export function relativeHref(from: string, to: string): string {
  const fromDir = from.endsWith("/") ? from : posix.dirname(from);
  let rel = posix.relative(fromDir, to.endsWith("/") ? to.slice(0, -1) || "/" : to);
  if (to.endsWith("/")) rel = rel ? `${rel}/` : "";
  if (!rel.startsWith(".")) rel = `./${rel}`;
  return rel;
}

/** The site's root, relative to a page: "./", "../", "../../". */
export function rootHref(from: string): string {
  return relativeHref(from, "/");
}

function link(page: {name: string; path: string}, current: string): string {
  const active = page.path === current ? " observablehq-link-active" : "";
  return `    <li class="observablehq-link${active}"><a href="${escapeHtml(relativeHref(current, page.path))}">${escapeHtml(page.name)}</a></li>`;
}

/** The sidebar of one page in its edition: Framework's markup, with the search form under the home link. */
export function renderSidebar(map: SiteEntry[], lang: Lang, current: string): string {
  const words = WORDS[lang];
  const parts = [
    `<nav id="observablehq-sidebar" aria-label="${lang === "zh" ? "站点导航" : "Site"}">`,
    `  <label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"></label>`,
    `  <ol>`,
    link({name: SITE_TITLE[lang], path: editionPath("/", lang)}, current),
    `  </ol>`,
    `  <form role="search" class="atlas-search" data-root="${escapeHtml(rootHref(current))}" aria-label="${words.searchLabel}">`,
    `    <input type="search" name="q" placeholder="${words.search}" aria-label="${words.searchLabel}" autocomplete="off" spellcheck="false">`,
    `    <div class="atlas-search-results" hidden></div>`,
    `  </form>`
  ];
  let open = false;
  for (const entry of map) {
    if ("pages" in entry) {
      if (open) parts.push(`  </ol>`), (open = false);
      const pages = entry.pages.map((p) => ({name: p.name[lang], path: editionPath(p.path, lang)}));
      const active = pages.some((p) => p.path === current);
      parts.push(`  <details${active ? ` open class="observablehq-section-active"` : ""}>`, `    <summary>${escapeHtml(entry.name[lang])}</summary>`, `    <ol>`);
      parts.push(...pages.map((p) => link(p, current)), `    </ol>`, `  </details>`);
    } else {
      if (!open) parts.push(`  <ol>`), (open = true);
      parts.push(link({name: entry.name[lang], path: editionPath(entry.path, lang)}, current));
    }
  }
  if (open) parts.push(`  </ol>`);
  parts.push(`</nav>`);
  return parts.join("\n");
}

/** The link to the page's twin in the other edition, which the language switch script keeps the view on. */
export function renderSwitch(lang: Lang, current: string): string {
  const other: Lang = lang === "en" ? "zh" : "en";
  const twin = editionPath(englishPath(current), other);
  const words = WORDS[lang];
  return `<div class="atlas-edition"><a class="atlas-language-switch" href="${escapeHtml(relativeHref(current, twin))}" hreflang="${HTML_LANG[other]}" lang="${HTML_LANG[other]}" aria-label="${words.switchLabel}" data-twin>${words.switchTo}</a></div>`;
}

/**
 * The alternates of the page in both editions: absolute when the site's public address (`siteUrl`, ending in a
 * slash) is known, as search engines require; else relative, as the site has no fixed host.
 */
export function renderAlternates(current: string, siteUrl?: string): string {
  const english = englishPath(current);
  const href = (path: string) => (siteUrl ? siteUrl + path.slice(1) : relativeHref(current, path));
  return [
    `<link rel="alternate" hreflang="en" href="${escapeHtml(href(editionPath(english, "en")))}">`,
    `<link rel="alternate" hreflang="zh-CN" href="${escapeHtml(href(editionPath(english, "zh")))}">`,
    `<link rel="alternate" hreflang="x-default" href="${escapeHtml(href(editionPath(english, "en")))}">`
  ].join("\n");
}

/** Replaces the single match of `pattern`; throws naming what is missing, as Framework's template changed. */
function replaceRequired(html: string, pattern: RegExp, replacement: (match: string) => string, what: string, page: string): string {
  const match = pattern.exec(html);
  if (!match) throw new Error(`${page}: ${what} not found; Framework's page template changed, re-verify scripts/framework/edition.ts`);
  return html.slice(0, match.index) + replacement(match[0]) + html.slice(match.index + match[0].length);
}

export interface EditionOptions {
  map: SiteEntry[];
  /** The site script's path from the site root ("_atlas/site.1a2b3c4d.js"), loaded by every page. */
  siteScript: string;
  /** The site's public address (SITE_URL), ending in a slash, for absolute alternates; undefined when unknown. */
  siteUrl?: string;
}

/** One page in its edition; `path` is its page path ("/zh/funding"). */
export function mendEditionPage(html: string, path: string, {map, siteScript, siteUrl}: EditionOptions, page = path): string {
  const lang = pathLang(path);
  const words = WORDS[lang];
  if (html.includes('data-atlas-edition="')) return html;
  const embed = isEmbedPath(path);
  html = replaceRequired(html, /<html\b[^>]*>/i, () => `<html lang="${HTML_LANG[lang]}" data-atlas-edition="${lang}"${embed ? ' class="atlas-embed-page"' : ""}>`, "<html>", page);
  const head = [renderAlternates(path, siteUrl), `<script type="module" src="${escapeHtml(rootHref(path) + siteScript)}"></script>`].join("\n");
  html = replaceRequired(html, /<\/head>/i, (end) => `${head}\n${end}`, "</head>", page);
  if (lang === "zh") {
    html = html.replace(/(<title>[^<]*?)\s\|\s[^<|]*<\/title>/, (_, start) => `${start} | ${SITE_TITLE.zh}</title>`);
    // Function replacers throughout: a replacement string would read any `$` in the words as a pattern.
    html = html.replace(/<title>Six Tigers Atlas<\/title>/, () => `<title>${SITE_TITLE.zh}</title>`);
    html = html.replace(/(<aside id="observablehq-toc"[^>]*>\s*<nav>\s*<div>)Contents(<\/div>)/, (_, start, end) => `${start}${words.contents}${end}`);
  }
  if (html.includes('<nav id="observablehq-sidebar">')) {
    html = replaceRequired(html, /<nav id="observablehq-sidebar">[\s\S]*?<\/nav>/, () => renderSidebar(map, lang, path), "the sidebar", page);
    html = html.replace(/(<input id="observablehq-sidebar-toggle" type="checkbox") title="[^"]*" aria-label="[^"]*"/, (_, input) => `${input} title="${words.toggle}" aria-label="${words.toggle}"`);
  }
  // Inside <main>, floated right of the title: the table of contents, fixed at the right of wide screens, covers
  // anything placed across the whole centre column.
  if (!embed) html = replaceRequired(html, /<main id="observablehq-main"[^>]*>/, (main) => `${main}\n${renderSwitch(lang, path)}`, '<main id="observablehq-main">', page);
  return html;
}

/** Every Framework page of the built site in its edition; returns the count per language. */
export function mendEditions(dist: string, options: EditionOptions): Record<Lang, number> {
  const counts: Record<Lang, number> = {en: 0, zh: 0};
  for (const file of walkFiles(dist)) {
    if (!file.endsWith(".html")) continue;
    const rel = relative(dist, file);
    const html = readFileSync(file, "utf8");
    if (!/^<!DOCTYPE html>\s*<html\b/i.test(html)) continue;
    const path = pagePath(rel);
    writeFileSync(file, mendEditionPage(html, path, options, rel));
    counts[pathLang(path)] += 1;
  }
  return counts;
}
