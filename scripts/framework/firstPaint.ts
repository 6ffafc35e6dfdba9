/**
 * Makes every built page paint like a bare one (../shared/design/first-paint.md measured why it did not):
 * Framework's template puts 40–60 `<link rel="modulepreload">`, two render-blocking
 * stylesheets and an 18 kB inline module in the head, so the browser downloads and evaluates the page's whole
 * module graph before it shows the build-time chart. After this step a page's head holds only the rules of its
 * stylesheets that the page as built uses, inlined (criticalCss.ts), and the small site script; everything else
 * waits in an inert `<template id="atlas-after-paint">` at the end of the body, which the site script
 * (src/components/site/afterPaint.ts) puts into the document after the first frame is painted:
 * - the stylesheets, whole (the modules start once they have loaded, so nothing a script draws is unstyled);
 * - the module preloads, as they were, and the tables the page preloads;
 * - the page's inline module scripts, moved to files next to the page (`density.1a2b3c4d.js` beside
 *   `density.html`), so their relative imports and file paths resolve exactly as they did inline. Scripts
 *   cloned from a template run when inserted; with scripts off, nothing of it loads.
 */
import {createHash} from "node:crypto";
import {readFileSync, writeFileSync} from "node:fs";
import {basename, dirname, join, relative} from "node:path";
import {walkFiles} from "../files.js";
import {criticalCss, pageMatcher} from "./criticalCss.js";
import {isFrameworkPage} from "./template.js";

/** The id of the template the site script empties into the document after the first paint. */
export const AFTER_PAINT_ID = "atlas-after-paint";

export interface LightPage {
  html: string;
  /** Files to write beside the page: name → content. */
  modules: Map<string, string>;
}

const MODULE_PRELOAD = /<link rel="modulepreload" href="[^"]*">\n?/g;
/** The tables a page preloads (`<link rel="preload" as="fetch">` in its Markdown), wherever they are. */
const TABLE_PRELOAD = /<link rel="preload" as="fetch"[^>]*>\n?/g;
const STYLE_PRELOAD = /<link rel="preload" as="style" href="[^"]*">\n?/g;
const STYLESHEET = /<link rel="stylesheet"(?: type="text\/css")? href="([^"]*)">\n?/g;
const INLINE_MODULE = /<script type="module">([\s\S]*?)<\/script>\n?/g;

function headOf(html: string, page: string): {start: number; end: number} {
  const start = html.search(/<head>/i);
  const end = html.search(/<\/head>/i);
  if (start < 0 || end < 0) throw new Error(`${page}: no <head> in a Framework page; re-verify scripts/framework/firstPaint.ts`);
  return {start, end};
}

/**
 * The page with its head reduced to what the first paint needs. `css(href)` gives a stylesheet's text from
 * its href (relative to the page); `pageName` names the module files ("density").
 */
export function lightenPage(html: string, {page, pageName, css}: {page: string; pageName: string; css: (href: string) => string}): LightPage {
  const modules = new Map<string, string>();
  if (!isFrameworkPage(html) || html.includes(`id="${AFTER_PAINT_ID}"`)) return {html, modules};
  const {start, end} = headOf(html, page);
  let head = html.slice(start, end);
  // What the template holds, in the order it is put into the page: the stylesheets first (the site script waits
  // for them before it starts the modules), then the preloads, the tables, the modules.
  const links: string[] = [];
  const preloads: string[] = [];
  const tables: string[] = [];
  const scripts: string[] = [];
  head = head.replace(MODULE_PRELOAD, (tag) => (preloads.push(tag.trim()), ""));
  head = head.replace(STYLE_PRELOAD, "");
  // Where the first stylesheet was, one <style> with the rules of both that the page as built needs: nothing
  // blocks rendering on a download. The stylesheets themselves come first after the paint, whole.
  const sheets: string[] = [];
  let at = -1;
  head = head.replace(STYLESHEET, (tag: string, href: string, offset: number) => {
    if (at < 0) at = offset;
    sheets.push(css(href));
    links.push(tag.trim());
    return "";
  });
  if (!sheets.length) throw new Error(`${page}: no stylesheet link in the head; re-verify scripts/framework/firstPaint.ts`);
  const critical = criticalCss(sheets.join("\n"), pageMatcher(html.slice(end)));
  head = head.slice(0, at) + `<style>\n${critical}\n</style>\n` + head.slice(at);
  head = head.replace(INLINE_MODULE, (_tag, code: string) => {
    const name = `${pageName}.${createHash("sha256").update(code).digest("hex").slice(0, 8)}.js`;
    modules.set(name, code.trim() + "\n");
    scripts.push(`<script type="module" src="./${name}"></script>`);
    return "";
  });
  if (!modules.size) throw new Error(`${page}: no inline module script in the head; re-verify scripts/framework/firstPaint.ts`);
  // The page's tables start with its modules: fetched before the first paint, they share the phone's bandwidth
  // with the HTML that paint is waiting for.
  const rest = html.slice(end).replace(TABLE_PRELOAD, (tag) => (tables.push(tag.trim()), ""));
  const template = `<template id="${AFTER_PAINT_ID}">\n${[...links, ...preloads, ...tables, ...scripts].join("\n")}\n</template>\n`;
  const light = html.slice(0, start) + head + rest;
  const bodyEnd = light.search(/<\/body>/i);
  if (bodyEnd < 0) throw new Error(`${page}: no </body>; re-verify scripts/framework/firstPaint.ts`);
  return {html: light.slice(0, bodyEnd) + template + light.slice(bodyEnd), modules};
}

/**
 * A stylesheet's text as it can stand inside any page: its relative URLs would resolve against the page
 * instead of the stylesheet, so only `data:` URLs may stay (the theme's icons are all such).
 */
export function inlinable(css: string, name: string): string {
  for (const [, url] of css.matchAll(/url\(\s*["']?([^"')]*)/g)) {
    if (!url.startsWith("data:")) throw new Error(`${name}: url(${url}) cannot be inlined into pages at every depth; use a data: URL or load it from a script`);
  }
  if (/@import\b/.test(css)) throw new Error(`${name}: @import cannot be inlined into pages; list the stylesheet in the config's head instead`);
  return css.replace(/\/\*# sourceMappingURL=[^*]*\*\/\s*$/, "").trim();
}

/** Every Framework page of the built site, lightened; returns how many pages and module files. */
export function lightenPages(dist = "dist"): {pages: number; modules: number; bytes: number} {
  const sheets = new Map<string, string>();
  let pages = 0;
  let modules = 0;
  let bytes = 0;
  for (const file of [...walkFiles(dist)]) {
    if (!file.endsWith(".html")) continue;
    const html = readFileSync(file, "utf8");
    const page = relative(dist, file);
    const light = lightenPage(html, {
      page,
      pageName: basename(file, ".html"),
      css: (href) => {
        const path = join(dirname(file), href.split(/[?#]/)[0]);
        if (!sheets.has(path)) sheets.set(path, inlinable(readFileSync(path, "utf8"), relative(dist, path)));
        return sheets.get(path)!;
      }
    });
    if (light.html === html) continue;
    for (const [name, code] of light.modules) writeFileSync(join(dirname(file), name), code);
    writeFileSync(file, light.html);
    pages += 1;
    modules += light.modules.size;
    bytes += Buffer.byteLength(light.html);
  }
  return {pages, modules, bytes};
}
