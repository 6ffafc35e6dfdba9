/**
 * `npm run bench`: when a reader first sees each story page's chart, against the fastest page there can be,
 * measured in the same run. Needs a build (`npm run build`). Writes bench/results.json.
 *
 * - The floor is a bare HTML page whose inline script draws 60 SVG circles: no stylesheet, no font, no module.
 * - "Painted" is the first animation frame in which more than five chart marks inside `<main>` have a size, and
 *   not before First Contentful Paint; a frame's marks show when that frame is painted, so this is what a reader
 *   sees, not when a script inserted the nodes.
 * - Each load is a fresh browser context (nothing cached), gzip-served as static hosts serve (scripts/serve.ts),
 *   navigated once its new window has settled.
 * - Two profiles: this machine as it is, and a phone (4× slower CPU, 150 ms round trip, 1.6 Mbit/s down,
 *   750 kbit/s up, a 412 px wide screen), the throttling Lighthouse uses for mobile.
 * - Bytes are what crossed the wire (compressed sizes with headers), by the paint and once the network has been
 *   idle for half a second.
 * Medians of BENCH_RUNS runs (default 5). BENCH_ROUTES ("funding,zh/density") and BENCH_PROFILES ("phone") narrow
 * the run while working on one page; BENCH_OUT names another file for the results (the tests' smoke run).
 */
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join} from "node:path";
import type {Browser, Page} from "playwright-core";
import {launchBrowser, serveDist} from "../test/e2e/browser.js";
import {serveStatic} from "./serve.js";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const FLOOR = "floor.html";
const SETTLE_MS = 400;
const ROUTES = process.env.BENCH_ROUTES?.split(",") ?? ["", "funding", "pivots", "density", "companies/zhipu", "zh/", "zh/density"];
const PROFILE_NAMES = process.env.BENCH_PROFILES?.split(",") ?? ["desktop", "phone"];

interface Profile {
  name: string;
  viewport: {width: number; height: number};
  cpu: number;
  network?: {latency: number; downloadThroughput: number; uploadThroughput: number};
}

const PROFILES: Profile[] = [
  {name: "desktop", viewport: {width: 1280, height: 900}, cpu: 1},
  {
    name: "phone",
    viewport: {width: 412, height: 823},
    cpu: 4,
    // Bytes per second, as the DevTools protocol takes them.
    network: {latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8}
  }
];

/** The floor: what any page must at least cost to show 60 marks. */
const FLOOR_HTML = `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Floor</title><link rel="icon" href="data:,">
<main><h1>Floor</h1><svg width="640" height="240" class="atlas-chart"></svg></main>
<script>
const svg = document.querySelector("svg");
for (let i = 0; i < 60; ++i) {
  const c = document.createElementNS("http://www.w3.org/2000/svg", "circle");
  c.setAttribute("class", "mark");
  c.setAttribute("cx", 10 + i * 10);
  c.setAttribute("cy", 120 + 80 * Math.sin(i / 6));
  c.setAttribute("r", 4);
  svg.append(c);
}
</script>
`;

/**
 * Runs in the page before any of its own scripts: watches every animation frame until one has more than five
 * sized marks in <main>. A frame's callbacks run before it is painted, so the
 * frame's time is when those marks reach the screen.
 */
const WATCH_PAINT = `{
  const frame = (time) => {
    let visible = 0;
    for (const mark of document.querySelectorAll("main .atlas-chart .mark")) {
      const box = mark.getBoundingClientRect();
      if (box.width > 0 || box.height > 0) ++visible;
      if (visible > 5) break;
    }
    if (visible > 5) window.__paint = {marks: time};
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}`;

interface Load {
  paint: number;
  fcp: number;
  bytesAtPaint: number;
  bytesIdle: number;
  requests: number;
}

/** Console errors and failed scripts: reported after the table, and they fail the run. */
const problems = new Set<string>();

async function load(browser: Browser, url: string, profile: Profile): Promise<Load> {
  const context = await browser.newContext({viewport: profile.viewport, isMobile: profile.name === "phone"});
  const page: Page = await context.newPage();
  // A new window makes Chromium start its own pieces (a renderer for the browser's omnibox, on this machine's two
  // cores) for a few hundred ms. A reader's browser is open before they follow a link, so the load starts once
  // the window has settled; the floor waits the same.
  await new Promise((ok) => setTimeout(ok, SETTLE_MS));
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  if (profile.network) await cdp.send("Network.emulateNetworkConditions", {offline: false, ...profile.network});
  if (profile.cpu > 1) await cdp.send("Emulation.setCPUThrottlingRate", {rate: profile.cpu});
  // Each finished response with its time (the protocol's monotonic seconds); the document's request is time 0,
  // which is the page's navigation start, so bytes by the paint are those finished before it.
  const finished: {at: number; bytes: number}[] = [];
  let start = NaN;
  let requests = 0;
  let lastActivity = Date.now();
  const pending = new Set<string>();
  cdp.on("Network.requestWillBeSent", ({requestId, timestamp, type}) => {
    if (type === "Document" && Number.isNaN(start)) start = timestamp;
    pending.add(requestId);
    ++requests;
    lastActivity = Date.now();
  });
  const settle = ({requestId}: {requestId: string}): void => {
    pending.delete(requestId);
    lastActivity = Date.now();
  };
  cdp.on("Network.loadingFinished", (event) => {
    finished.push({at: (event.timestamp - start) * 1000, bytes: event.encodedDataLength});
    settle(event);
  });
  cdp.on("Network.loadingFailed", settle);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  // As text: tsx may wrap a serialized function's inner functions in helpers the page does not have.
  await page.addInitScript(WATCH_PAINT);
  await page.goto(url, {waitUntil: "commit", timeout: 60_000});
  await page.waitForFunction(() => (window as unknown as {__paint?: unknown}).__paint !== undefined, undefined, {timeout: 60_000, polling: 50});
  const {marks} = await page.evaluate(() => (window as unknown as {__paint: {marks: number}}).__paint);
  // The paint entry is reported a moment after the frame it belongs to.
  const fcpNow = await (
    await page.waitForFunction(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime, undefined, {timeout: 10_000, polling: 20})
  ).jsonValue();
  // Idle: no request in flight and none started for 500 ms (at most 60 s).
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && (pending.size || Date.now() - lastActivity < 500)) await new Promise((ok) => setTimeout(ok, 50));
  await context.close();
  for (const error of new Set(errors)) problems.add(`${url} (${profile.name}): ${error}`);
  const paint = Math.max(marks, fcpNow);
  const sum = (list: typeof finished) => list.reduce((total, f) => total + f.bytes, 0);
  return {paint, fcp: fcpNow, bytesAtPaint: sum(finished.filter((f) => f.at <= paint)), bytesIdle: sum(finished), requests};
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

interface Result {
  profile: string;
  page: string;
  paint_ms: number;
  fcp_ms: number;
  x_floor: number;
  kb_at_paint: number;
  kb_idle: number;
  requests: number;
  runs_ms: number[];
}

// The floor has its own server: the site's server sends its pages the site's Content-Security-Policy (from
// dist/_headers), which would refuse the floor's inline script; a bare page has no policy.
const floorDir = mkdtempSync(join(tmpdir(), "atlas-bench-"));
writeFileSync(join(floorDir, FLOOR), FLOOR_HTML);
const [browser, server, floorServer] = await Promise.all([launchBrowser(), serveDist(), serveStatic(floorDir)]);
const address = (route: string) => (route === FLOOR ? floorServer.url : server.url) + route;
const results: Result[] = [];
try {
  for (const profile of PROFILES.filter((p) => PROFILE_NAMES.includes(p.name))) {
    const routes = [FLOOR, ...ROUTES];
    const loads = new Map<string, Load[]>(routes.map((r) => [r, []]));
    // One load of each first: the server compresses each file once, as a host would have ahead of time.
    for (const route of routes) await load(browser, address(route), profile);
    // Round-robin, the floor first in every round: whatever else the machine is doing falls on all pages alike,
    // and each page is compared with the floor of its own round.
    for (let i = 0; i < RUNS; ++i) {
      process.stderr.write(`bench ${profile.name}: round ${i + 1} of ${RUNS}\n`);
      for (const route of routes) loads.get(route)!.push(await load(browser, address(route), profile));
    }
    const floor = loads.get(FLOOR)!;
    for (const route of routes) {
      const runs = loads.get(route)!;
      results.push({
        profile: profile.name,
        page: route === FLOOR ? "floor (bare HTML, 60 SVG circles)" : `/${route}`,
        paint_ms: Math.round(median(runs.map((l) => l.paint))),
        fcp_ms: Math.round(median(runs.map((l) => l.fcp))),
        x_floor: Number(median(runs.map((l, i) => l.paint / floor[i].paint)).toFixed(2)),
        kb_at_paint: Math.round(median(runs.map((l) => l.bytesAtPaint)) / 1024),
        kb_idle: Math.round(median(runs.map((l) => l.bytesIdle)) / 1024),
        requests: Math.round(median(runs.map((l) => l.requests))),
        runs_ms: runs.map((l) => Math.round(l.paint))
      });
    }
  }
} finally {
  await browser.close();
  await server.close();
  await floorServer.close();
  rmSync(floorDir, {recursive: true, force: true});
}

console.log(`\nfirst chart painted (after First Contentful Paint), headless Chromium, gzip-served, median of ${RUNS} fresh loads;`);
console.log("× floor is the median of each load's ratio to the floor page loaded in the same round\n");
console.log(["profile", "page", "painted ms", "× floor", "FCP ms", "kB by paint", "kB idle", "requests", "runs"].join(" | "));
for (const r of results) {
  console.log([r.profile, r.page, r.paint_ms, r.x_floor.toFixed(2), r.fcp_ms, r.kb_at_paint, r.kb_idle, r.requests, r.runs_ms.join(" ")].join(" | "));
}
const out = process.env.BENCH_OUT ?? join("bench", "results.json");
mkdirSync(dirname(out), {recursive: true});
writeFileSync(out, `${JSON.stringify({runs: RUNS, measured: new Date().toISOString().slice(0, 10), results}, null, 2)}\n`);
if (problems.size) {
  console.error(`\n${problems.size} console errors while measuring:`);
  for (const problem of problems) console.error(`  ${problem}`);
  process.exitCode = 1;
}
