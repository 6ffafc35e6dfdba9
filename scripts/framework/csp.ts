/**
 * A strict Content-Security-Policy in every built page, as a `<meta>` at the top of `<head>`, generated from what
 * the page actually holds: its inline scripts and `<style>` elements are allowed by their SHA-256 hashes and
 * nothing else inline runs. The build fails on what such a policy would silently break (an inline event handler,
 * a `javascript:` URL), and writes the same policy as an HTTP header for hosts that can set one (`_headers`).
 *
 * Why each directive:
 * - `script-src 'self'` + hashes: no 'unsafe-inline', no 'unsafe-eval'. `'wasm-unsafe-eval'` lets the page
 *   compile WebAssembly, which Pagefind's search does on every page (and DuckDB-WASM's worker on pages that run
 *   SQL; a worker started from a URL takes its policy from its own response, which the header gives).
 * - `style-src 'self'` + hashes for `<style>` elements; `style-src-attr 'unsafe-inline'` for style attributes,
 *   which D3 and the build-time charts write and which can load nothing from another host (`img-src`, `font-src`).
 * - `connect-src 'self'`: a query or a page can reach nothing but its own host; `object-src 'none'`,
 *   `base-uri 'self'`, `form-action 'self'`.
 * - `frame-ancestors` has no effect in a `<meta>`; the header carries it: `'self'`, so no other site frames a page,
 *   except the embed pages (`/embed/*`, `/zh/embed/*`, src/lib/embeds.ts), which exist to be framed by other sites:
 *   their rules in `_headers` replace the policy with one that has no `frame-ancestors` (any site may frame them).
 */
import {createHash} from "node:crypto";
import {readFileSync, writeFileSync} from "node:fs";
import {join, relative} from "node:path";
import {walkFiles} from "../files.js";

export interface PageSources {
  scripts: string[];
  styles: string[];
}

/** The inline script and style hashes a page needs, as CSP sources (`'sha256-…'`). */
export function inlineSources(html: string): PageSources {
  const hash = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)]
    // An external script's (empty) body runs nothing; a JSON block (type="application/json" etc.) never runs.
    .filter(([, attrs, body]) => !/\bsrc\s*=/i.test(attrs) && body.length > 0 && isScriptType(attrs))
    .map(([, , body]) => hash(body));
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)].map(([, body]) => hash(body));
  return {scripts: [...new Set(scripts)].sort(), styles: [...new Set(styles)].sort()};
}

function isScriptType(attrs: string): boolean {
  const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1]?.toLowerCase();
  return !type || type === "module" || type === "text/javascript" || type === "application/javascript";
}

/** The policy for a page with these inline sources. */
export function contentSecurityPolicy({scripts, styles}: PageSources, {header = false, framed = false} = {}): string {
  return [
    "default-src 'self'",
    ["script-src 'self' 'wasm-unsafe-eval'", ...scripts].join(" "),
    ["style-src 'self'", ...styles].join(" "),
    "style-src-attr 'unsafe-inline'",
    // blob: for the chart's PNG download, drawn from its SVG through an <img> (chart.ts, downloadChart).
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    // An embed page (`framed`) may be framed by any site, file:// pages included, so it names no ancestors at all.
    ...(header && !framed ? ["frame-ancestors 'self'"] : [])
  ].join("; ");
}

/**
 * What a strict policy would block without saying so at build time; each is a problem that fails the build. Only
 * attribute names and URL attributes count: text and other attributes' values are data ("sold online = 5").
 */
export function strictProblems(html: string): string[] {
  const problems: string[] = [];
  for (const [, tag] of html.matchAll(/<([a-z][a-z0-9-]*\b(?:"[^"]*"|'[^']*'|[^'">])*)>/gi)) {
    // Quoted values out, so that only names remain to be seen as handlers.
    const names = tag.replace(/"[^"]*"|'[^']*'/g, '""');
    for (const [, handler] of names.matchAll(/\s(on[a-z]+)\s*=/gi)) problems.push(`inline event handler (${handler})`);
    if (/\s(?:href|src|action|formaction)\s*=\s*(["']?)\s*javascript:/i.test(tag)) problems.push("a javascript: URL");
  }
  return problems;
}

/**
 * The inline scripts a page may have: Framework's sidebar toggle, the same on every page. Anything else would be
 * allowed by the hash the build computes for it, so the build stops instead and a person decides.
 */
export const MAX_INLINE_SCRIPTS = 1;

/** Puts the policy first in `<head>`: a `<meta>` policy governs only what comes after it. */
export function withPolicy(html: string, policy: string): string {
  if (html.includes('http-equiv="Content-Security-Policy"')) throw new Error("the page already has a Content-Security-Policy");
  const head = /<head\b[^>]*>/i.exec(html);
  if (!head) throw new Error("the page has no <head>");
  const at = head.index + head[0].length;
  const meta = `\n<meta http-equiv="Content-Security-Policy" content="${policy.replaceAll("&", "&amp;").replaceAll('"', "&quot;")}">`;
  // Only the charset may precede it (it must be in the first 1024 bytes); it stays where it is.
  const charset = /^\s*<meta charset="[^"]*">/i.exec(html.slice(at));
  const insertAt = charset ? at + charset[0].length : at;
  return html.slice(0, insertAt) + meta + html.slice(insertAt);
}

/**
 * Adds the policy to every page of `dist` and writes the header form to `dist/_headers` (the format of Netlify
 * and Cloudflare Pages; the README gives it for other hosts).
 */
export function applyCsp(dist = "dist"): {pages: number; problems: string[]; header: string} {
  const problems: string[] = [];
  const all: PageSources[] = [];
  let pages = 0;
  for (const file of walkFiles(dist)) {
    if (!file.endsWith(".html")) continue;
    const html = readFileSync(file, "utf8");
    for (const problem of strictProblems(html)) problems.push(`${relative(dist, file)}: ${problem}, which a strict Content-Security-Policy blocks`);
    const sources = inlineSources(html);
    all.push(sources);
    writeFileSync(file, withPolicy(html, contentSecurityPolicy(sources)));
    pages += 1;
  }
  // Browsers enforce the header and the <meta> both, so the header must allow every page's inline scripts: their
  // union (in practice one, Framework's sidebar toggle, the same on every page). Style hashes differ page by page
  // (each page inlines its own critical CSS) and would change with every edit; the header allows inline styles
  // and each page's <meta> narrows them to its own hashes.
  const scripts = [...new Set(all.flatMap((page) => page.scripts))].sort();
  if (scripts.length > MAX_INLINE_SCRIPTS) {
    problems.push(
      `the pages hold ${scripts.length} different inline scripts, where ${MAX_INLINE_SCRIPTS} is expected (Framework's sidebar toggle); ` +
        "move the others into modules, or raise MAX_INLINE_SCRIPTS in scripts/framework/csp.ts after checking what they are"
    );
  }
  const header = contentSecurityPolicy({scripts, styles: ["'unsafe-inline'"]}, {header: true});
  writeFileSync(join(dist, "_headers"), headersFile(header, contentSecurityPolicy({scripts, styles: ["'unsafe-inline'"]}, {header: true, framed: true})));
  return {pages, problems, header};
}

/** The embed pages' folders from the site's root, in both editions (src/lib/embeds.ts). */
export const EMBED_RULES = ["/embed/*", "/zh/embed/*"];

/**
 * `_headers`: the policy for every path, then for the embed pages the policy without `frame-ancestors`. Cloudflare
 * Pages joins the values of a header that several matching rules set (two policies, both enforced), so each embed
 * rule first detaches the site-wide one (`! Content-Security-Policy`); Netlify skips that line and serves the later
 * rule's value.
 */
export function headersFile(policy: string, framedPolicy: string): string {
  const site = `/*\n  Content-Security-Policy: ${policy}\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n`;
  return site + EMBED_RULES.map((rule) => `${rule}\n  ! Content-Security-Policy\n  Content-Security-Policy: ${framedPolicy}\n`).join("");
}
