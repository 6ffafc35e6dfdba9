/**
 * The two site-wide assets the build adds after Framework: the script every page loads (language switch and
 * search, bundled from src/components/site/site.ts with esbuild, content-hashed) and the Pagefind index of both
 * editions, written to `pagefind/` at the site's root (Pagefind's default, so its script finds its files from
 * any page). Pagefind reads each page's <html lang>, so the English and the Chinese pages get an index each,
 * the Chinese one segmented into words by Pagefind's extended binary (the one the `pagefind` package ships).
 */
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, readdirSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {build} from "esbuild";
import * as pagefind from "pagefind";

/** Bundles the site script into `<dist>/_atlas/`; returns its path from the site root. */
export async function bundleSiteScript(dist: string): Promise<string> {
  const result = await build({
    entryPoints: ["src/components/site/site.ts"],
    bundle: true,
    format: "esm",
    minify: true,
    write: false,
    target: "es2020",
    legalComments: "none",
    logLevel: "error"
  });
  const code = result.outputFiles[0].contents;
  const name = `_atlas/site.${createHash("sha256").update(code).digest("hex").slice(0, 8)}.js`;
  mkdirSync(join(dist, "_atlas"), {recursive: true});
  writeFileSync(join(dist, name), code);
  return name;
}

/** What search leaves out: the chrome every page repeats, the charts' drawings and their data tables. */
export const SEARCH_EXCLUDES = ["#observablehq-sidebar", "#observablehq-toc", ".atlas-edition", "svg", ".atlas-chart-tools", ".atlas-tooltip", ".atlas-data", "footer"];

/** Folders of the built site that hold no page to search: Framework's and ours, the index itself, the downloads. */
const NOT_PAGES = (name: string) => name.startsWith("_") || name === "pagefind" || name === "downloads";

/**
 * The pages search indexes, as a Pagefind glob: every page but the embed pages (`embed/`, `zh/embed/`: a chart
 * alone, made to be framed elsewhere; search finds the chart on its story page).
 */
export function searchGlob(dist: string): string {
  const folders = (dir: string) => (existsSync(dir) ? readdirSync(dir, {withFileTypes: true}) : []).filter((d) => d.isDirectory() && !NOT_PAGES(d.name) && d.name !== "embed").map((d) => d.name);
  const parts = ["*.html"];
  for (const name of folders(dist)) {
    if (name === "zh") parts.push("zh/*.html", ...folders(join(dist, "zh")).map((sub) => `zh/${sub}/**/*.html`));
    else parts.push(`${name}/**/*.html`);
  }
  return `{${parts.join(",")}}`;
}

/** Pagefind's own search interfaces and highlighter, which the site does not load. */
const UNUSED_UI = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

export interface SearchIndexReport {
  pages: number;
  languages: Record<string, number>;
}

/** Indexes every page of `dist` into `<dist>/pagefind/`; throws Pagefind's errors. */
export async function indexSite(dist: string): Promise<SearchIndexReport> {
  const {index, errors} = await pagefind.createIndex({rootSelector: "#observablehq-main", excludeSelectors: SEARCH_EXCLUDES});
  if (!index) throw new Error(`pagefind: ${errors.join("; ")}`);
  try {
    const added = await index.addDirectory({path: dist, glob: searchGlob(dist)});
    if (added.errors.length) throw new Error(`pagefind: ${added.errors.join("; ")}`);
    const written = await index.writeFiles({outputPath: join(dist, "pagefind")});
    if (written.errors.length) throw new Error(`pagefind: ${written.errors.join("; ")}`);
    // Pagefind also writes its ready-made interfaces; the site has its own (siteSearch.ts), so they would only be dead weight.
    for (const file of readdirSync(join(dist, "pagefind"))) if (UNUSED_UI.test(file)) rmSync(join(dist, "pagefind", file));
    const files = await index.getFiles();
    const languages: Record<string, number> = {};
    for (const file of files.files) {
      const match = /^pagefind-entry\.json$/.exec(file.path);
      if (match) {
        const entry = JSON.parse(new TextDecoder().decode(file.content)) as {languages: Record<string, {page_count: number}>};
        for (const [lang, info] of Object.entries(entry.languages)) languages[lang] = info.page_count;
      }
    }
    return {pages: added.page_count, languages};
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
}
