/**
 * `npm run lighthouse`: Lighthouse's mobile audit (its default: phone emulation and simulated throttling) of every
 * story page, /explore and /data in both editions, over the built site as a static host serves it. Builds
 * nothing: run `npm run build` first. Writes bench/lighthouse.json and prints a table of the four scores and the
 * audits that fail.
 *
 * Chromium comes from CHROME_PATH (default /usr/bin/chromium); `npx playwright install` and Lighthouse's own
 * browser download do not work on these machines. Too slow for `npm test` (about 15 s a page); the browser
 * tests check each thing Lighthouse asks for more cheaply (favicon, viewport, descriptions, cards, target size).
 *
 * Audit a build made as for publication, with SITE_URL set (`SITE_URL=https://example.org/six-tigers-atlas/ npm run
 * build`): without it the language alternates are relative, and Lighthouse's hreflang audit fails them.
 *
 * Options: `-- --runs 3` audits each page three times: the median performance, the worst of the other scores;
 * `-- /funding /zh/data` audits only the pages named; `BASE=/six-tigers-atlas/` serves the site under a sub-path.
 */
import {existsSync, mkdirSync, readFileSync, writeFileSync} from "node:fs";
import {launch} from "chrome-launcher";
import lighthouse from "lighthouse";
import {serveStatic} from "./serve.js";

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const ROUTES = ["/", "/funding", "/pivots", "/density", "/companies/zhipu", "/explore", "/data"];
/** The flags every browser run on these machines needs (see docs on the hermetic build), in Chrome's new headless mode. */
const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run"
];

interface PageResult {
  route: string;
  scores: Record<(typeof CATEGORIES)[number], number | null>;
  /** Lighthouse's lab metrics, in milliseconds (CLS unitless). */
  metrics: Record<string, number | null>;
  /** Audits of the four categories scoring below 1 in any run (performance: the median run's, only those Lighthouse weighs or flags as failed). */
  failing: {category: string; id: string; title: string; score: number | null; displayValue?: string; items?: string[]}[];
  /** The performance score of each run. */
  runs: number[];
}

function parseArgs(argv: string[]): {runs: number; routes: string[]} {
  let runs = 1;
  const routes: string[] = [];
  for (let i = 0; i < argv.length; ++i) {
    if (argv[i] === "--runs") runs = Number(argv[++i]);
    else routes.push(argv[i]);
  }
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`lighthouse: invalid --runs: ${runs}; expected a whole number ≥ 1`);
  const all = ROUTES.flatMap((route) => [route, route === "/" ? "/zh/" : `/zh${route}`]);
  return {runs, routes: routes.length ? routes : all};
}

type Lhr = NonNullable<Awaited<ReturnType<typeof lighthouse>>>["lhr"];

function summarise(route: string, lhr: Lhr): Omit<PageResult, "runs"> {
  const scores = Object.fromEntries(CATEGORIES.map((id) => [id, lhr.categories[id]?.score == null ? null : Math.round(lhr.categories[id].score! * 100)])) as PageResult["scores"];
  const metric = (id: string): number | null => (lhr.audits[id]?.numericValue == null ? null : Math.round(lhr.audits[id].numericValue! * (id === "cumulative-layout-shift" ? 1000 : 1)) / (id === "cumulative-layout-shift" ? 1000 : 1));
  const metrics = Object.fromEntries(
    ["first-contentful-paint", "largest-contentful-paint", "speed-index", "total-blocking-time", "cumulative-layout-shift"].map((id) => [id, metric(id)])
  );
  const failing: PageResult["failing"] = [];
  for (const category of CATEGORIES) {
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (!audit || audit.score === null || audit.score >= 1) continue;
      if (audit.scoreDisplayMode === "informative" || audit.scoreDisplayMode === "notApplicable" || audit.scoreDisplayMode === "manual") continue;
      // Performance: the weighed metrics and the insights Lighthouse marks as failed; the rest are advice.
      if (category === "performance" && ref.weight === 0 && audit.score >= 0.5) continue;
      failing.push({
        category,
        id: ref.id,
        title: audit.title,
        score: audit.score,
        ...(audit.displayValue ? {displayValue: audit.displayValue} : {}),
        ...(category === "performance" ? {} : {items: auditItems(audit.details)})
      });
    }
  }
  return {route, scores, metrics, failing};
}

/** What a failing audit names (an element's selector and markup, a URL, a message), so a fix can start from the JSON. */
function auditItems(details: unknown): string[] {
  const items = (details as {items?: Record<string, unknown>[]} | undefined)?.items ?? [];
  return items.slice(0, 10).map((item) => {
    const node = (item.node ?? item.source) as {selector?: string; snippet?: string; url?: string} | undefined;
    if (node?.selector) return `${node.selector} ${node.snippet ?? ""}`.trim();
    return String(item.url ?? item.description ?? node?.url ?? JSON.stringify(item)).slice(0, 300);
  });
}

const {runs, routes} = parseArgs(process.argv.slice(2));
if (!existsSync("dist/index.html")) throw new Error("lighthouse: dist/ is missing; run `npm run build` first (with SITE_URL set, as for publication)");
// Search engines, and Lighthouse's hreflang audit, want absolute alternates, which only a build with SITE_URL writes.
if (/<link rel="alternate" hreflang="[^"]*" href="\./.test(readFileSync("dist/index.html", "utf8"))) {
  console.warn("lighthouse: warning: dist/ was built without SITE_URL, so its language alternates are relative and the SEO hreflang audit fails; build with SITE_URL=https://… npm run build to audit the site as published");
}
const server = await serveStatic("dist", {base: process.env.BASE ?? "/"});
const chrome = await launch({chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium", chromeFlags: CHROME_FLAGS, logLevel: "silent"});
const results: PageResult[] = [];
let version = "";
try {
  for (const route of routes) {
    const url = server.url + route.replace(/^\//, "");
    const attempts: Omit<PageResult, "runs">[] = [];
    for (let i = 0; i < runs; ++i) {
      process.stderr.write(`lighthouse: ${route} (${i + 1}/${runs})\n`);
      const result = await lighthouse(url, {port: chrome.port, output: "json", logLevel: "error", onlyCategories: [...CATEGORIES]});
      if (!result) throw new Error(`lighthouse: no result for ${url}`);
      if (result.lhr.runtimeError) throw new Error(`lighthouse: ${url}: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
      version = result.lhr.lighthouseVersion;
      attempts.push(summarise(route, result.lhr));
    }
    // The run with the median performance score gives the page's performance and metrics; the other scores are
    // the worst of the runs and the failing audits those of any run (a console error can come and go).
    const sorted = [...attempts].sort((a, b) => (a.scores.performance ?? 0) - (b.scores.performance ?? 0));
    const median = sorted[(sorted.length - 1) >> 1];
    const worst = (id: (typeof CATEGORIES)[number]) => Math.min(...attempts.map((a) => a.scores[id] ?? 0));
    const failing = attempts.flatMap((a) => a.failing).filter((f, i, all) => all.findIndex((g) => g.category === f.category && g.id === f.id) === i);
    results.push({
      ...median,
      scores: {performance: median.scores.performance, accessibility: worst("accessibility"), "best-practices": worst("best-practices"), seo: worst("seo")},
      failing: failing.filter((f) => f.category !== "performance").concat(median.failing.filter((f) => f.category === "performance")),
      runs: attempts.map((a) => a.scores.performance ?? 0)
    });
  }
} finally {
  await chrome.kill();
  await server.close();
}

const ms = (value: number | null): string => (value == null ? "–" : `${(value / 1000).toFixed(1)} s`);
const lines = [
  `Lighthouse ${version} mobile (simulated throttling), ${runs} run${runs > 1 ? "s" : ""} a page${runs > 1 ? ": median performance, the worst of the other scores" : ""}`,
  "",
  "| page | perf | a11y | bp | seo | FCP | LCP | TBT | failing audits (a11y, bp, seo) |",
  "|---|---|---|---|---|---|---|---|---|"
];
for (const r of results) {
  const failing = r.failing.filter((f) => f.category !== "performance").map((f) => f.id);
  lines.push(
    `| ${r.route} | ${r.scores.performance} | ${r.scores.accessibility} | ${r.scores["best-practices"]} | ${r.scores.seo} | ${ms(r.metrics["first-contentful-paint"])} | ${ms(r.metrics["largest-contentful-paint"])} | ${r.metrics["total-blocking-time"] ?? "–"} ms | ${[...new Set(failing)].join(", ") || "none"} |`
  );
}
console.log(lines.join("\n"));
mkdirSync("bench", {recursive: true});
writeFileSync("bench/lighthouse.json", `${JSON.stringify({lighthouse: version, formFactor: "mobile", throttling: "simulate", runs, results}, null, 2)}\n`);
console.log("\nlighthouse: wrote bench/lighthouse.json");
