/**
 * `npm run bench:search`: how fast the sidebar's search answers, as a reader sees it, and how big its index
 * is. Needs a build. For each query, from a page of its edition in headless Chromium: the time from typing to
 * the results shown, first on a fresh page (the index's script, WebAssembly and first fragments load) and
 * then again on the same page (warm), median of BENCH_RUNS runs. Prints a table and writes
 * bench/search.json.
 */
import {mkdirSync, readFileSync, statSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {gzipSync} from "node:zlib";
import {walkFiles} from "./files.js";
import {launchBrowser, openPage, serveDist} from "../test/e2e/browser.js";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const QUERIES = [
  {route: "zh/funding", query: "融资"},
  {route: "zh/funding", query: "阿里巴巴"},
  {route: "zh/", query: "上市"},
  {route: "funding", query: "Alibaba"},
  {route: "pivots", query: "MiniCPM"},
  {route: "", query: "valuation"}
];

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Bytes of the index: every file, and per language its metadata and word fragments, raw and gzipped. */
function indexSize(dir = "dist/pagefind") {
  let raw = 0;
  let gzip = 0;
  const languages: Record<string, number> = {};
  const entry = JSON.parse(readFileSync(join(dir, "pagefind-entry.json"), "utf8")) as {languages: Record<string, {hash: string; page_count: number}>};
  for (const file of walkFiles(dir)) {
    const bytes = readFileSync(file);
    raw += statSync(file).size;
    gzip += /\.(pf_|pagefind)/.test(file) ? bytes.length : gzipSync(bytes).length; // Pagefind's own files are already compressed.
  }
  // A language's own files: its metadata, word index and page fragments (Pagefind names them by language).
  for (const [lang, info] of Object.entries(entry.languages)) {
    let bytes = 0;
    for (const file of walkFiles(dir)) {
      const name = file.slice(dir.length + 1);
      if (name.startsWith(`pagefind.${lang}_`) || name.startsWith(`index/${lang}_`) || name.startsWith(`fragment/${lang}_`)) bytes += statSync(file).size;
    }
    languages[`${lang} (${info.page_count} pages)`] = bytes;
  }
  return {raw, gzip, files: [...walkFiles(dir)].length, languages};
}

const [browser, server] = await Promise.all([launchBrowser(), serveDist()]);
const results: {route: string; query: string; cold: number; warm: number; results: number}[] = [];
try {
  for (const {route, query} of QUERIES) {
    const cold: number[] = [];
    const warm: number[] = [];
    let count = 0;
    for (let run = 0; run < RUNS; run++) {
      const {page, context} = await openPage(browser, new URL(server.url).origin);
      try {
        await page.goto(server.url + route, {waitUntil: "networkidle"});
        for (const times of [cold, warm]) {
          await page.evaluate(() => {
            const form = document.querySelector("form.atlas-search") as HTMLFormElement;
            delete form.dataset.results;
            (form.querySelector("input") as HTMLInputElement).value = "";
          });
          const started = await page.evaluate(() => performance.now());
          await page.fill('form.atlas-search input[type="search"]', query);
          const done = await page.waitForFunction(
            () => {
              const form = document.querySelector("form.atlas-search") as HTMLFormElement;
              return form.dataset.results !== undefined && [performance.now(), Number(form.dataset.results)];
            },
            undefined,
            {polling: "raf", timeout: 15_000}
          );
          const [at, n] = (await done.jsonValue()) as [number, number];
          times.push(at - started);
          count = n;
        }
      } finally {
        await context.close();
      }
    }
    results.push({route: `/${route}`, query, cold: Math.round(median(cold)), warm: Math.round(median(warm)), results: count});
  }
} finally {
  await browser.close();
  await server.close();
}

const size = indexSize();
console.log(`search, median of ${RUNS} runs (ms from typing to results shown; includes Pagefind's 150 ms debounce)`);
console.log("| page | query | results | first search | again |\n|---|---|---|---|---|");
for (const r of results) console.log(`| ${r.route} | ${r.query} | ${r.results} | ${r.cold} | ${r.warm} |`);
console.log(`index: ${size.files} files, ${(size.raw / 1024).toFixed(0)} kB on disk, ${(size.gzip / 1024).toFixed(0)} kB as served (gzip where not already compressed)`);
for (const [lang, bytes] of Object.entries(size.languages)) console.log(`  ${lang}: ${(bytes / 1024).toFixed(0)} kB`);
mkdirSync("bench", {recursive: true});
writeFileSync("bench/search.json", `${JSON.stringify({runs: RUNS, results, index: size}, null, 2)}\n`);
