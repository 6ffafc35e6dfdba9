import {headingIds} from "./scripts/framework/headingIds.js";
import {embedPaths} from "./src/lib/embeds.js";
import {editionPath, FOOTER, pathLang, siteMap} from "./src/lib/site.js";

/**
 * Observable Framework configuration. Everything the built site loads comes from the site itself: no Google
 * Fonts (globalStylesheets is emptied; text is set in the reader's own serif, src/assets/atlas.css), no CDN, no
 * analytics, no telemetry.
 */

// The pages of both editions, named in both languages (src/lib/site.ts). Framework draws the English
// sidebar; the build gives each Chinese page the Chinese one (scripts/framework/edition.ts).
const site = siteMap();
const sidebar = site.map((entry) =>
  "pages" in entry
    ? {name: entry.name.en, collapsible: true, open: false, pages: entry.pages.map((p) => ({name: p.name.en, path: p.path}))}
    : {name: entry.name.en, path: entry.path}
);
const companyPaths = site.flatMap((entry) => ("pages" in entry ? entry.pages : [])).map((p) => p.path).filter((p) => p.startsWith("/companies/"));
// Every story chart's embed page (src/lib/embeds.ts; a company timeline's per company), in both editions.
const embeds = embedPaths(companyPaths.map((p) => p.slice("/companies/".length)));

export default {
  title: "Six Tigers Atlas",
  root: "src",
  // scripts/build.ts builds into a staging folder and swaps it in for dist/ only when every step succeeded.
  output: process.env.ATLAS_BUILD_OUTPUT ?? "dist",
  theme: ["air", "near-midnight"],
  globalStylesheets: [],
  head: `<link rel="stylesheet" href="/assets/atlas.css">`,
  footer: ({path}: {path: string}) => FOOTER[pathLang(path)],
  pages: sidebar,
  dynamicPaths: [...companyPaths, ...companyPaths.map((p) => editionPath(p, "zh")), ...embeds, ...embeds.map((p) => editionPath(p, "zh"))],
  pager: false,
  cleanUrls: true,
  search: false,
  linkify: true,
  typographer: false,
  // Chinese headings keep an id (Framework's slugs drop Han characters); `## 标题 {#id}` sets one.
  markdownIt: headingIds,
  preserveExtension: false,
  // One Node process with tsx's loader hook instead of the tsx CLI, which starts a second process per loader:
  // about 0.2 s instead of 0.36 s for each of the ~40 loader runs of a build.
  interpreters: {".ts": [process.execPath, "--import", "tsx"]}
};
