/**
 * What a built page says about itself in its head, for browsers, search engines and link previews; Framework
 * 1.13's template writes none of it and blocks zooming. After `observable build` (and after the editions, so the
 * title is the edition's), each page gets:
 * - a viewport that lets readers zoom (Framework writes `maximum-scale=1`, which stops pinch zoom on phones);
 * - right after its <title>: its description (the page's `description:` front matter; a page without one is a
 *   build error), the site icon, Open Graph and Twitter card tags in the page's language, whose image is the
 *   page's card (scripts/card-images.ts), and, when the site's address is known, its canonical URL.
 *
 * Link previews need absolute URLs. The site's address comes from SITE_URL at build time
 * (`SITE_URL=https://example.org/six-tigers-atlas/ npm run build`); without it the image and alternates are
 * relative to the page, which browsers follow but most link previews do not, and the build says so.
 */
import {existsSync, readFileSync, writeFileSync} from "node:fs";
import {join, relative} from "node:path";
import {walkFiles} from "../files.js";
import {cacheDir, root} from "./paths.js";
import {escapeHtml, pagePath, rootHref} from "./edition.js";
import {isFrameworkPage} from "./template.js";
import {pathLang, SITE_TITLE, type Lang} from "../../src/lib/site.js";

/** What Framework 1.13's template writes, and what the page gets instead (WCAG 1.4.4: text can be zoomed). */
const FRAMEWORK_VIEWPORT = /<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">/;
export const VIEWPORT = `<meta name="viewport" content="width=device-width, initial-scale=1">`;

/** The longest description: what search results show in full (English characters; Han characters in Chinese). */
export const DESCRIPTION_LIMIT: Record<Lang, number> = {en: 160, zh: 80};
const OG_LOCALE: Record<Lang, string> = {en: "en_US", zh: "zh_CN"};

export interface PageCard {
  /** From the site's root ("_atlas/cards/zh/funding.1a2b3c4d.png"). */
  file: string;
  width: number;
  height: number;
  alt: string;
}

/**
 * The site's public address from `SITE_URL`, ending in a slash; undefined when it is unset. Throws when it is
 * set but not an http(s) URL, since every card would then point nowhere.
 */
export function siteUrlFromEnv(value = process.env.SITE_URL): string | undefined {
  if (!value?.trim()) return undefined;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`SITE_URL: invalid URL: ${JSON.stringify(value)}; expected the site's public address, e.g. https://example.org/six-tigers-atlas/`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error(`SITE_URL: invalid URL: ${JSON.stringify(value)}; expected an http(s) address`);
  url.search = "";
  url.hash = "";
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/**
 * A one-line value of the page's YAML front matter (`description: "…"` or unquoted), as Framework's
 * gray-matter reads it for the values we write: double quotes with JSON escapes, single quotes, or plain.
 */
export function frontMatterField(markdown: string, key: string): string | undefined {
  const front = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(markdown)?.[1];
  const line = front && new RegExp(`^${key}:[ \\t]*(.*?)[ \\t]*$`, "m").exec(front)?.[1];
  if (!line) return undefined;
  if (line.startsWith('"')) return JSON.parse(line) as string;
  if (line.startsWith("'")) return line.slice(1, -1).replace(/''/g, "'");
  return line;
}

/**
 * The Markdown a built page came from: src/<path>.md, or, for a page written by a page loader
 * (src/companies/[company_id].md.ts), Framework's cached output of that loader.
 */
export function pageSource(path: string, {src = join(root, "src"), cache = cacheDir} = {}): string | undefined {
  const file = `${path.endsWith("/") ? `${path}index` : path}.md`.slice(1);
  return [join(src, file), join(cache, file)].find(existsSync);
}

const HAN = /\p{Script=Han}/gu;
const LETTER = /\p{L}/gu;

/** Why a page's description cannot be used, or null when it can. */
export function descriptionProblem(description: string | undefined, lang: Lang): string | null {
  if (!description?.trim()) return `it has no description; add \`description: "…"\` to its front matter (what the page shows, in ${lang === "zh" ? "Chinese, at most 80 Han characters" : "English, at most 160 characters"})`;
  const letters = description.match(LETTER)?.length ?? 0;
  const han = description.match(HAN)?.length ?? 0;
  if (lang === "zh") {
    if (han > DESCRIPTION_LIMIT.zh) return `its description has ${han} Han characters; shorten it to at most ${DESCRIPTION_LIMIT.zh}`;
    if (han < 0.6 * letters) return `its description is not Chinese (${han} of ${letters} letters are Han characters); write it in Chinese`;
  } else {
    if ([...description].length > DESCRIPTION_LIMIT.en) return `its description has ${[...description].length} characters; shorten it to at most ${DESCRIPTION_LIMIT.en}`;
    if (han > 0.3 * letters) return `its description is not English (${han} of ${letters} letters are Han characters); write it in English`;
  }
  return null;
}

export interface PageMeta {
  /** The page's path ("/zh/funding"). */
  path: string;
  /** The page's own name (its <title> before the site's name). */
  title: string;
  description: string;
  card: PageCard;
  /** The site's public address, ending in a slash; undefined when unknown. */
  siteUrl?: string;
}

/** The page's address in the site: "zh/funding", "" for the home page (clean URLs, as the sidebar links them). */
const sitePath = (path: string): string => path.slice(1);

/** The tags that follow the page's <title>, one a line. */
export function renderMeta({path, title, description, card, siteUrl}: PageMeta): string {
  const lang = pathLang(path);
  const other: Lang = lang === "en" ? "zh" : "en";
  const rootUrl = siteUrl ?? rootHref(path);
  const image = rootUrl + card.file;
  const tag = (name: string, content: string | number) => `<meta ${name.startsWith("og:") ? "property" : "name"}="${name}" content="${escapeHtml(String(content))}">`;
  return [
    tag("description", description),
    `<link rel="icon" href="${escapeHtml(rootHref(path))}favicon.ico" sizes="16x16 32x32 48x48">`,
    `<link rel="icon" href="${escapeHtml(rootHref(path))}favicon.svg" type="image/svg+xml">`,
    `<link rel="apple-touch-icon" href="${escapeHtml(rootHref(path))}apple-touch-icon.png">`,
    ...(siteUrl ? [`<link rel="canonical" href="${escapeHtml(siteUrl + sitePath(path))}">`] : []),
    tag("og:type", "website"),
    tag("og:site_name", SITE_TITLE[lang]),
    tag("og:title", title),
    tag("og:description", description),
    ...(siteUrl ? [tag("og:url", siteUrl + sitePath(path))] : []),
    tag("og:locale", OG_LOCALE[lang]),
    tag("og:locale:alternate", OG_LOCALE[other]),
    tag("og:image", image),
    tag("og:image:type", "image/png"),
    tag("og:image:width", card.width),
    tag("og:image:height", card.height),
    tag("og:image:alt", card.alt),
    // X reads the title and description from og:title and og:description.
    tag("twitter:card", "summary_large_image"),
    tag("twitter:image", image),
    tag("twitter:image:alt", card.alt)
  ].join("\n");
}

/** The page with a viewport that allows zooming; throws when Framework's viewport tag is not where it was. */
export function mendViewport(html: string, page: string): string {
  if (html.includes(VIEWPORT)) return html;
  if (!FRAMEWORK_VIEWPORT.test(html)) throw new Error(`${page}: Framework's viewport tag not found; its page template changed, re-verify scripts/framework/meta.ts`);
  return html.replace(FRAMEWORK_VIEWPORT, VIEWPORT);
}

export interface MetaOptions {
  /** Each page's card, by path (scripts/card-images.ts). */
  cards: Map<string, PageCard>;
  siteUrl?: string;
  /** Where the pages' Markdown is (defaults: src/ and Framework's cache). */
  src?: string;
  cache?: string;
}

/**
 * Every page of the built site with its viewport, description, icon and cards. Returns the pages mended and the
 * problems that must fail the build (a page without a usable description, or without a card).
 */
export function mendMeta(dist: string, {cards, siteUrl, src, cache}: MetaOptions): {pages: number; problems: string[]} {
  const problems: string[] = [];
  let pages = 0;
  for (const file of walkFiles(dist)) {
    if (!file.endsWith(".html")) continue;
    const rel = relative(dist, file);
    let html = readFileSync(file, "utf8");
    if (!isFrameworkPage(html)) continue;
    const path = pagePath(rel);
    html = mendViewport(html, rel);
    if (!html.includes(`<meta property="og:title"`)) {
      const source = pageSource(path, {src, cache});
      const description = source ? frontMatterField(readFileSync(source, "utf8"), "description") : undefined;
      const problem = descriptionProblem(description, pathLang(path));
      const card = cards.get(path);
      const title = /<title>[^<]*<\/title>/.exec(html);
      if (problem) problems.push(`${source ? relative(root, source) : rel}: ${problem}`);
      else if (!card) problems.push(`${rel}: no card image was rendered for ${path}`);
      else if (!title) problems.push(`${rel}: the page has no <title>`);
      else {
        const at = title.index + title[0].length;
        html = `${html.slice(0, at)}\n${renderMeta({path, title: pageName(html), description: description!, card, siteUrl})}${html.slice(at)}`;
      }
    }
    writeFileSync(file, html);
    pages += 1;
  }
  return {pages, problems};
}

/** The page's own name, from its <title> ("Funding and valuations | Six Tigers Atlas" → "Funding and valuations"). */
export function pageName(html: string): string {
  return unescapeHtml(/<title>([^<]*)<\/title>/.exec(html)?.[1] ?? "").split(" | ")[0].trim();
}

function unescapeHtml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'"})[name]!);
}
