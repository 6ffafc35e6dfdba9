/**
 * Runs after `observable build`, on the new site before scripts/build.ts swaps it in for dist/. First it copies
 * the published tables to stable, unhashed URLs
 * (`downloads/<table>.parquet`, `.csv`, `datapackage.json`), so readers and scripts can link to them and the
 * data package's relative paths resolve. It mends Framework's page template (scripts/framework/), renders
 * the build-time charts, each page's card image and the site's icons, and gives every page its description,
 * zoomable viewport and link-preview tags (scripts/framework/meta.ts). Then it fails the build when a page
 * has no description, or when the output could reach beyond its host:
 * - a stubbed `_npm/` module in dist means some page used a library implicitly (`d3`, `Plot`, `Inputs`, `html`
 *   without an import), which Framework would otherwise fetch from a CDN;
 * - any script, stylesheet, font, image or preload in the HTML that points at another host.
 */
import {copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync} from "node:fs";
import {join, relative} from "node:path";
import {walkFiles} from "./files.js";
import {mendBuiltPages, STUB_VERSION} from "./framework/index.js";
import {applyCsp} from "./framework/csp.js";
import {mendEditions} from "./framework/edition.js";
import {lightenPages} from "./framework/firstPaint.js";
import {mendMeta, siteUrlFromEnv} from "./framework/meta.js";
import {minifyModules} from "./framework/minify.js";
import {renderCards} from "./card-images.js";
import {prerender} from "./prerender.js";
import {writeSiteIcons} from "./site-icons.js";
import {bundleSiteScript, indexSite} from "./site-assets.js";
import {siteMap} from "../src/lib/site.js";

/** Copies `_file/data/<name>.<hash>.<ext>` to `downloads/<name>.<ext>`; returns the names copied. */
export function publishDownloads(dist = "dist"): string[] {
  const from = join(dist, "_file", "data");
  if (!existsSync(from)) return [];
  const to = join(dist, "downloads");
  mkdirSync(to, {recursive: true});
  const copied: string[] = [];
  for (const file of readdirSync(from)) {
    const match = /^(.+)\.[0-9a-f]{8}\.(parquet|csv|json)$/.exec(file);
    if (!match) continue;
    const name = `${match[1]}.${match[2]}`;
    copyFileSync(join(from, file), join(to, name));
    copied.push(name);
  }
  return copied.sort();
}

export function checkBuild(dist = "dist"): string[] {
  const problems: string[] = [];
  if (!existsSync(join(dist, "index.html"))) return [`${dist}/index.html is missing`];
  for (const file of walkFiles(dist)) {
    const path = relative(dist, file);
    if (path.startsWith("_npm/") && path.includes(`@${STUB_VERSION}`)) {
      const name = path.slice("_npm/".length).split(`@${STUB_VERSION}`)[0];
      problems.push(
        `${path}: a page imports ${name} implicitly (a CDN download in stock Framework); ` +
          `import it from node_modules instead, e.g. import * as d3 from "d3"`
      );
    }
    if (file.endsWith(".html")) {
      const html = readFileSync(file, "utf8");
      for (const [, attr, url] of html.matchAll(/\b(src|href)=["'](https?:\/\/[^"']+)["']/g)) {
        // Plain links a reader clicks (sources, licences) are fine, and so are the page's own addresses for search
        // engines (canonical, language alternates: absolute when SITE_URL is set); loaded resources are not.
        const tag = html.slice(html.lastIndexOf("<", html.indexOf(url)), html.indexOf(url));
        if (attr === "href" && (/^<a\b/.test(tag) || /^<link\b[^>]*\brel="(canonical|alternate)"/.test(tag))) continue;
        problems.push(`${path}: loads ${url} from a third-party host`);
      }
    }
  }
  return problems;
}

/** Every step above on one built site; returns the problems that must fail the build (none when it may ship). */
export async function finalizeBuild(dist = "dist"): Promise<string[]> {
  const copied = publishDownloads(dist);
  console.log(`finalize-build: ${copied.length} files in ${dist}/downloads/`);
  console.log(`finalize-build: mended the page template in ${mendBuiltPages(dist)} pages`);
  const siteUrl = siteUrlFromEnv();
  if (!siteUrl) {
    console.warn(
      "finalize-build: warning: SITE_URL is not set, so link previews' images (og:image) and the language alternates are relative URLs, " +
        "which most link previews and search engines do not follow; for publication build with SITE_URL=<the site's public address>, e.g. SITE_URL=https://example.org/six-tigers-atlas/ npm run build"
    );
  }
  const siteScript = await bundleSiteScript(dist);
  const editions = mendEditions(dist, {map: siteMap(), siteScript, siteUrl});
  console.log(`finalize-build: ${editions.en} English and ${editions.zh} Chinese pages, each with its edition's sidebar, switch and search`);
  const rendered = await prerender(dist);
  console.log(`finalize-build: rendered ${rendered.length} charts at build time`);
  const minified = await minifyModules(dist);
  console.log(`finalize-build: minified the site's ${minified.files} modules from ${Math.round(minified.before / 1024)} kB to ${Math.round(minified.after / 1024)} kB`);
  const light = lightenPages(dist);
  console.log(`finalize-build: ${light.pages} pages start their ${light.modules} modules after the first paint (${Math.round(light.bytes / light.pages / 1024)} kB of HTML a page)`);
  // Pagefind indexes the pages in its own process while this one draws the card images (both only read the
  // pages); the head tags, which the index does not read, go in after both.
  const [search, cards] = await Promise.all([indexSite(dist), renderCards(dist)]);
  console.log(`finalize-build: search index of ${search.pages} pages (${Object.entries(search.languages).map(([lang, n]) => `${lang} ${n}`).join(", ")}) in ${dist}/pagefind/`);
  console.log(`finalize-build: ${new Set([...cards.values()].map((c) => c.file)).size} card images for ${cards.size} pages, ${writeSiteIcons(dist).join(", ")}`);
  const meta = mendMeta(dist, {cards, siteUrl});
  console.log(`finalize-build: descriptions, zoomable viewport and link-preview tags in ${meta.pages} pages${siteUrl ? ` for ${siteUrl}` : ""}`);
  // Last: the policy hashes the pages' inline scripts and styles as they ship.
  const csp = applyCsp(dist);
  console.log(`finalize-build: a strict Content-Security-Policy in ${csp.pages} pages; the header form is in ${dist}/_headers`);
  const problems = [...meta.problems, ...csp.problems, ...checkBuild(dist)];
  for (const problem of problems) console.error(`finalize-build: ${problem}`);
  if (!problems.length) console.log("finalize-build: the site loads nothing from third-party hosts");
  return problems;
}

if (process.argv[1]?.endsWith("finalize-build.ts")) {
  const problems = await finalizeBuild(process.argv[2] ?? "dist");
  if (problems.length) process.exit(1);
}
