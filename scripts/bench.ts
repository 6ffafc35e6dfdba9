/**
 * `npm run bench`: time to first chart for every story page in headless Chromium, median of several runs,
 * against a baseline measured in the same run — the density chart on a hand-written static page (one HTML
 * file and one bundled script, bench/baseline.ts). Needs a build (`npm run build`). Writes bench/results.json.
 *
 * "First chart" is the first `.atlas-chart .mark` in the page (the first table row on /data), detected by a
 * MutationObserver in the page and reported as milliseconds since navigation start.
 */
import {mkdirSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {build} from "esbuild";
import {launchBrowser, openPage, serveDist} from "../test/e2e/browser.js";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PAGES = [
  {route: "", selector: ".atlas-chart .mark"},
  {route: "funding", selector: ".atlas-chart .mark"},
  {route: "pivots", selector: ".atlas-chart .mark"},
  {route: "density", selector: ".atlas-chart .mark"},
  {route: "companies/zhipu", selector: ".atlas-chart .mark"},
  {route: "data", selector: "table tbody tr"},
  {route: "_bench/baseline.html", selector: ".atlas-chart .mark", label: "baseline (static page, density chart)"}
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function writeBaseline(): Promise<void> {
  const dir = join("dist", "_bench");
  rmSync(dir, {recursive: true, force: true});
  mkdirSync(dir, {recursive: true});
  await build({entryPoints: ["bench/baseline.ts"], bundle: true, format: "esm", minify: true, outfile: join(dir, "baseline.js"), logLevel: "error"});
  const css = "body{font-family:system-ui,sans-serif;margin:2rem}";
  writeFileSync(join(dir, "baseline.html"), `<!doctype html><meta charset="utf-8"><title>Baseline</title><style>${css}</style><main></main><script type="module" src="./baseline.js"></script>\n`);
}

await writeBaseline();
const [browser, server] = await Promise.all([launchBrowser(), serveDist()]);
const results: {page: string; runs: number[]; median: number}[] = [];
try {
  for (const {route, selector, label} of PAGES) {
    const runs: number[] = [];
    process.stderr.write(`bench: /${route} `);
    for (let i = 0; i < RUNS; ++i) {
      // A fresh context each run: nothing cached, as for a first-time reader.
      const {page, context, problems} = await openPage(browser, new URL(server.url).origin);
      // A MutationObserver on the document, set before any page script runs: it fires when the first mark
      // is inserted, whichever script inserts it (a requestAnimationFrame loop set this early never runs).
      await page.addInitScript((sel: string) => {
        const observer = new MutationObserver(() => {
          if (document.querySelector(sel)) {
            (window as unknown as {__firstChart: number}).__firstChart = performance.now();
            observer.disconnect();
          }
        });
        observer.observe(document, {childList: true, subtree: true});
      }, selector);
      await page.goto(server.url + route);
      await page.waitForFunction(() => (window as unknown as {__firstChart?: number}).__firstChart !== undefined, undefined, {timeout: 60_000});
      runs.push(await page.evaluate(() => (window as unknown as {__firstChart: number}).__firstChart));
      if (problems.consoleErrors.length || problems.foreignRequests.length) {
        throw new Error(`/${route}: ${JSON.stringify(problems)}`);
      }
      await context.close();
    }
    process.stderr.write("\n");
    results.push({page: label ?? `/${route}`, runs: runs.map((r) => Math.round(r)), median: Math.round(median(runs))});
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(join("dist", "_bench"), {recursive: true, force: true});
}

const baseline = results.at(-1)!.median;
console.log(`\ntime to first chart, headless Chromium, median of ${RUNS} runs (ms after navigation start)\n`);
console.log("page".padEnd(42) + "median".padStart(8) + "  ×baseline  runs");
for (const r of results) {
  console.log(r.page.padEnd(42) + String(r.median).padStart(8) + `  ${(r.median / baseline).toFixed(2).padStart(8)}  ${r.runs.join(", ")}`);
}
mkdirSync("bench", {recursive: true});
writeFileSync("bench/results.json", `${JSON.stringify({runs: RUNS, baseline_ms: baseline, results}, null, 2)}\n`);
