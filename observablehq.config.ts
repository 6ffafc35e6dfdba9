import {existsSync, readFileSync, readdirSync} from "node:fs";
import {parseCsv} from "./src/lib/csv.js";

/**
 * Observable Framework configuration. Everything the built site loads comes from the site itself: no Google
 * Fonts (globalStylesheets is emptied and Source Serif 4 is self-hosted), no CDN, no analytics, no telemetry.
 */

// Framework copies files named in `head` into the build and rewrites their paths for every page depth, which
// keeps the fonts working under a sub-path (GitHub Pages) as well as at the root.
const FONTS = [
  ["400", "normal"],
  ["400", "italic"],
  ["600", "normal"],
  ["700", "normal"]
] as const;

const fontLinks = FONTS.map(
  ([weight, style]) =>
    `<link rel="preload" as="font" type="font/woff2" crossorigin data-font-weight="${weight}" data-font-style="${style}" href="/assets/fonts/source-serif-4-latin-${weight}-${style}.woff2">`
).join("\n");

// FontFace, not an @font-face rule: Framework's CSS bundler cannot resolve font URLs, and the preload links
// above carry the final (hashed, page-relative) URLs. A module script, so it is deferred: a classic script in
// the head would make the parser wait for the stylesheets before showing any of the page.
const fontScript = `<script type="module">
for (const link of document.querySelectorAll("link[data-font-weight]")) {
  const face = new FontFace("Source Serif 4", "url(" + link.href + ") format('woff2')", {weight: link.dataset.fontWeight, style: link.dataset.fontStyle, display: "swap"});
  document.fonts.add(face);
  face.load().catch(() => {});
}
</script>`;

// One page per company (src/companies/[company_id].md), in the order of data/companies.csv.
const companies = parseCsv(readFileSync("data/companies.csv", "utf8"), "data/companies.csv")
  .rows.map((row) => row.values)
  .filter((row) => row.row_type === "primary");

const companyPages = companies.map((c) => ({
  name: c.short_zh === c.short_en ? c.short_en : `${c.short_zh} ${c.short_en}`,
  path: `/companies/${c.company_id}`
}));

// Notebooks: every Markdown file in src/notebooks/, titled by its front matter, so a notebook made with
// `npm run new` (or by copying the template) is in the sidebar without editing this file.
const notebookPages = (existsSync("src/notebooks") ? readdirSync("src/notebooks") : [])
  .filter((file) => file.endsWith(".md"))
  .sort((a, b) => (a === "template.md" ? 1 : b === "template.md" ? -1 : a.localeCompare(b)))
  .map((file) => {
    const title = /^---\n[\s\S]*?^title:\s*(.+)$/m.exec(readFileSync(`src/notebooks/${file}`, "utf8"))?.[1];
    return {name: title ? title.replace(/^["']|["']$/g, "") : file.replace(/\.md$/, ""), path: `/notebooks/${file.replace(/\.md$/, "")}`};
  });

export default {
  title: "Six Tigers Atlas",
  root: "src",
  // scripts/build.ts builds into a staging folder and swaps it in for dist/ only when every step succeeded.
  output: process.env.ATLAS_BUILD_OUTPUT ?? "dist",
  theme: ["air", "near-midnight"],
  globalStylesheets: [],
  head: `<link rel="stylesheet" href="/assets/atlas.css">\n${fontLinks}\n${fontScript}`,
  footer:
    'Six Tigers Atlas — an open data story about China’s large-model start-ups. Code MIT; data CC BY 4.0, each row with its source.',
  pages: [
    {name: "Funding and valuations", path: "/funding"},
    {name: "From cloud to edge", path: "/pivots"},
    {name: "The densing law", path: "/density"},
    {name: "Companies", collapsible: true, open: false, pages: companyPages},
    {name: "Explore in SQL", path: "/explore"},
    {name: "Notebooks", collapsible: true, open: false, pages: notebookPages},
    {name: "Data and methods", path: "/data"}
  ],
  dynamicPaths: companyPages.map((p) => p.path),
  pager: false,
  cleanUrls: true,
  search: false,
  linkify: true,
  typographer: false,
  preserveExtension: false,
  // One Node process with tsx's loader hook instead of the tsx CLI, which starts a second process per loader:
  // about 0.2 s instead of 0.36 s for each of the ~40 loader runs of a build.
  interpreters: {".ts": [process.execPath, "--import", "tsx"]}
};
