/**
 * The Chinese edition, in a real browser: every English route has its /zh/ twin; each twin is in Chinese
 * (html lang, the share of Han characters in its prose and in its charts' text, no English word of ours left
 * outside a list of names and units), draws the same marks as its English twin, passes axe and fits 375 px;
 * the language switch keeps the view both ways; the search finds words of each edition from its pages.
 * (pages.test.ts loads every built route, both editions, for console errors and requests leaving localhost.)
 */
import {existsSync, mkdirSync, readFileSync, writeFileSync} from "node:fs";
import type {Page} from "playwright-core";
import {afterAll, describe, expect, test} from "vitest";
import {builtRoutes, isEmbedRoute, useSite, waitForCells} from "./browser.js";
import {readBuilt} from "./helpers.js";
import {cjkShare} from "../unit/zhChartText.js";
import {sitePaths} from "../../src/lib/site.js";

const ALL_ROUTES = builtRoutes();
// The embed pages' Chinese is checked by embed.test.ts, all of them in one loop (browser.ts, isEmbedRoute); they are
// not in the site map or the search index (a chart alone, found on its story page).
const ROUTES = ALL_ROUTES.filter((r) => !isEmbedRoute(r));
const ENGLISH = ROUTES.filter((r) => !r.startsWith("zh/"));
const twin = (route: string) => (route === "" ? "zh/" : `zh/${route}`);

const site = useSite();

/** The shares measured per Chinese page, written to .tmp/zh-shares.json for the record (the note). */
const shares: Record<string, {prose: number; charts: number[]}> = {};
afterAll(() => {
  mkdirSync(".tmp", {recursive: true});
  writeFileSync(".tmp/zh-shares.json", `${JSON.stringify(shares, null, 2)}\n`);
});

/** Every test opens pages the same way (browser.ts). */
const visit = site.visit.bind(site);

/**
 * Waits until the page's charts and marks stop changing: no cell is still pending (Framework's
 * <observablehq-loading> stays until a displayed cell, a notebook's ```sql``` block among them, has its first
 * value), nothing is marked busy, and the charts and marks have been unchanged for 1 s (at most 20 s in all). A
 * notebook draws its charts after its queries and marks nothing busy while they run; under load a query can
 * outlast a quiet second, which the pending cells still show.
 */
async function settle(page: Page): Promise<void> {
  let last = "";
  let since = Date.now();
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const now = await page.evaluate(
      () =>
        `${document.querySelectorAll("observablehq-loading").length}/${document.querySelectorAll('[aria-busy="true"]').length}/` +
        `${document.querySelectorAll(".atlas-chart").length}/${document.querySelectorAll(".atlas-chart .mark").length}`
    );
    const pending = !now.startsWith("0/0/");
    if (now !== last || pending) [last, since] = [now, Date.now()];
    else if (Date.now() - since >= 1000) return;
    await page.waitForTimeout(200);
  }
}

/**
 * Text a Chinese page writes itself. Left out: elements marked with another language (data values and source
 * titles in English, names), code and SQL, and the cells of data tables (values from the data; their headers
 * are ours and stay in).
 */
async function ourText(page: Page, selector: string, {withSourceLinks = true} = {}): Promise<string[]> {
  // A link out of the site, or a list of sources, is the sources' own words (publishers, titles), in their languages.
  const skip = `[lang]:not([lang^="zh"]), code, pre, td, option, .atlas-sql-result th, .cm-editor, textarea, .atlas-tooltip, script, style${withSourceLinks ? "" : ', a[href^="http"], .atlas-sources'}`;
  return page.$$eval(
    selector,
    (elements, skip) =>
      elements.map((element) => {
        const parts: string[] = [];
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (node.parentElement!.closest(skip)) continue;
          parts.push(node.textContent ?? "");
        }
        return parts.join(" ");
      }),
    skip
  );
}

/**
 * Latin words a Chinese page may contain: names from the data (companies, models, investors, publishers),
 * SQL names, and units and technical terms.
 */
const ALLOWED = new Set(
  [
    "USD", "RMB", "HKD", "HK", "CNY", "B", "M", "T", "K", "MB", "kB", "KB", "GB", "bn", "m", "x", "n", "A", "H", "Q", "IPO", "AI", "AGI", "LLM", "LLMs", "MoE", "API", "GPU", "GPUs", "NPU", "CPU",
    "SQL", "DuckDB", "WASM", "DuckDB-WASM", "WebAssembly", "Parquet", "CSV", "JSON", "SVG", "PNG", "BibTeX", "CFF", "URL", "ID", "id", "CC", "BY", "MIT", "GitHub", "Pages", "Framework", "Observable", "D3", "hyparquet", "Pagefind", "npm", "run", "new", "dev", "build", "test", "README", "Markdown", "JavaScript", "TypeScript", "JS", "TS",
    "Zhipu", "Baichuan", "Moonshot", "MiniMax", "StepFun", "ModelBest", "DeepSeek", "Langboat", "Skywork", "Kunlun", "Z.ai", "GLM", "Kimi", "MiniCPM", "Qwen", "GPT", "OpenAI", "Llama", "Meta", "Mistral", "Claude", "Anthropic", "Gemini", "Google", "Hugging", "Face", "arXiv", "Nature", "Machine", "Intelligence", "Densing", "Law",
    "Six", "Tigers", "Atlas", "STAR", "HKEX", "Series", "Pre-A", "Pre-IPO", "Ltd", "Inc", "Co", "Tsinghua", "Alibaba", "Tencent", "Xiaomi", "Meituan", "Sequoia", "HongShan", "Huawei", "AMD", "NVIDIA", "Nvidia", "Apple", "Qualcomm", "MediaTek", "Intel", "vs", "e.g", "i.e", "etc", "OK", "log", "p", "ln", "R", "bootstrap", "tokens", "token", "CEO", "CTO", "CDN", "Arrow", "Apache"
  ].map((w) => w.toLowerCase())
);

/** SQL names of the published tables: table and column names. */
function sqlNames(): Set<string> {
  const names = new Set<string>();
  const pkg = JSON.parse(readFileSync("dist/downloads/datapackage.json", "utf8")) as {resources: {name: string; schema: {fields: {name: string}[]}}[]};
  for (const r of pkg.resources) {
    names.add(r.name.toLowerCase());
    for (const f of r.schema.fields) names.add(f.name.toLowerCase());
  }
  return names;
}

/** Read once per file: every route's test asks for the same names. */
let dataNamesOnce: Promise<Set<string>> | undefined;
function dataNames(): Promise<Set<string>> {
  return (dataNamesOnce ??= readDataNames());
}

async function readDataNames(): Promise<Set<string>> {
  const names = sqlNames();
  const add = (value: unknown) => {
    for (const word of String(value ?? "").match(/[A-Za-z][A-Za-z0-9.'’+-]*/g) ?? []) names.add(word.toLowerCase().replace(/[.'’-]+$/, ""));
  };
  for (const c of await readBuilt("companies")) [c.short_en, c.name_en].forEach(add);
  for (const m of await readBuilt("models")) add(m.model);
  for (const d of await readBuilt("density_points")) add(d.model);
  for (const p of await readBuilt("price_points")) add(p.model);
  for (const l of await readBuilt("investor_links")) add(l.investor);
  for (const s of await readBuilt("sources")) add(s.publisher);
  for (const e of await readBuilt("events")) for (const partner of (e.partners as string[] | null) ?? []) add(partner);
  return names;
}

/** Latin words of `text` that are neither allowed nor a name from the data. */
function englishLeft(text: string, names: Set<string>): string[] {
  const words = text.match(/[A-Za-z][A-Za-z0-9.'’+_-]*/g) ?? [];
  return [...new Set(words.map((w) => w.replace(/[.'’-]+$/, "")).filter((w) => {
    const lower = w.toLowerCase();
    return !ALLOWED.has(lower) && !names.has(lower) && !/\d/.test(w) && !/_/.test(w);
  }))];
}

describe("every English route has its Chinese twin", () => {
  test("the build has both editions, route for route (embed pages included)", () => {
    const zh = ALL_ROUTES.filter((r) => r.startsWith("zh/"));
    expect(ENGLISH.length).toBeGreaterThan(15);
    expect(zh.sort()).toEqual(ALL_ROUTES.filter((r) => !r.startsWith("zh/")).map(twin).sort());
  });

  test("the site map lists every English route, and nothing the build lacks", () => {
    expect(sitePaths().map((p) => p.slice(1)).sort()).toEqual(ENGLISH.filter((r) => r !== "").concat("").sort());
  });
});

describe.each(ENGLISH.map(twin))("/%s", (route) => {
  test("is Chinese: lang, prose, chart text, no English word of ours left; same marks as its English twin", async () => {
    const names = await dataNames();
    const sql = sqlNames();
    const {page, context, problems} = await visit(route);
    try {
      await settle(page);
      expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
      // Prose: paragraphs, headings, lists, facts, cards, captions and the labels of controls and tables.
      // Charts are measured on their own below; a chart's source line names publishers, not our prose.
      const PROSE = "#observablehq-main :is(p, h1, h2, h3, li, dt, dd, summary, caption, th, label, figcaption, .card):not(.atlas-chart *)";
      const prose = (await ourText(page, PROSE)).join(" ");
      shares[`/${route}`] = {prose: Math.round(cjkShare(prose) * 100) / 100, charts: []};
      expect(cjkShare(prose), `Han share of the prose of /${route}`).toBeGreaterThanOrEqual(0.6);
      // Chart text: each chart's title, its drawing's words and its source line.
      // A quick chart (/explore) draws the reader's query: column names and values, no words of ours but its
      // frame's, which the unit tests check in Chinese.
      for (const text of await ourText(page, '#observablehq-main .atlas-chart:not([data-chart="quick-chart"])')) {
        // A quick chart of a query names its columns: SQL names, which stay as they are.
        const chart = text.replace(/[A-Za-z_][A-Za-z0-9_]*/g, (word) => (sql.has(word.toLowerCase()) ? "" : word));
        shares[`/${route}`].charts.push(Math.round(cjkShare(chart) * 100) / 100);
        expect(cjkShare(chart), `Han share of a chart's text on /${route}: ${chart.slice(0, 120)}`).toBeGreaterThanOrEqual(0.4);
      }
      const sidebar = (await ourText(page, "#observablehq-sidebar")).join(" ");
      const ours = (await ourText(page, PROSE, {withSourceLinks: false})).join(" ");
      expect(englishLeft(`${ours} ${sidebar}`, names), `English words left on /${route}`).toEqual([]);
      const zhMarks = await page.locator(".atlas-chart .mark").count();
      const zhCharts = await page.locator(".atlas-chart").count();
      expect(problems.consoleErrors).toEqual([]);
      await context.close();
      const english = await visit(route.replace(/^zh\//, ""));
      try {
        await settle(english.page);
        expect(zhCharts, "charts, as on the English twin").toBe(await english.page.locator(".atlas-chart").count());
        // Polled: the English twin is drawn to the same state, however loaded the machine.
        await expect.poll(() => english.page.locator(".atlas-chart .mark").count(), {timeout: 15_000}).toBe(zhMarks);
      } finally {
        await english.context.close();
      }
    } finally {
      await context.close().catch(() => {});
    }
  });

  test("passes axe and fits 375 px", async () => {
    const axeSource = readFileSync("node_modules/axe-core/axe.min.js", "utf8");
    const {page, context} = await visit(route, {width: 375, height: 800});
    try {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, "sideways scroll at 375 px").toBeLessThanOrEqual(0);
      // Evaluated through DevTools, not as an inline <script>: the pages' Content-Security-Policy refuses inline scripts.
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        const result = await (window as unknown as {axe: {run: (c: unknown, o: unknown) => Promise<{violations: {id: string; impact: string; nodes: {target: string[]}[]}[]}>}}).axe.run(document, {resultTypes: ["violations"]});
        return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
      });
      expect(violations).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe("the language switch keeps the view", () => {
  test("/funding?companies=zhipu,moonshot&scale=log ↔ /zh/funding with the same query", async () => {
    const query = "?companies=zhipu,moonshot&scale=log";
    const {page, context, problems} = await visit(`funding${query}`);
    try {
      await page.click("a[data-twin]");
      await page.waitForURL(/\/zh\/funding\?/);
      await waitForCells(page);
      expect(new URL(page.url()).search).toBe(query);
      expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
      expect(await page.locator('input[name="scale"][value="log"]').isChecked()).toBe(true);
      expect(await page.locator('input[name="companies"]:checked').count()).toBe(2);
      // A change made on the Chinese page travels back (a default value leaves the URL, so change the companies).
      await page.locator('input[name="companies"][value="moonshot"]').uncheck();
      await page.waitForFunction(() => new URLSearchParams(location.search).get("companies") === "zhipu");
      await page.click("a[data-twin]");
      await page.waitForURL((url) => !url.pathname.includes("/zh/"));
      await waitForCells(page);
      expect(new URL(page.url()).pathname.endsWith("/funding")).toBe(true);
      expect(new URL(page.url()).searchParams.get("scale")).toBe("log");
      expect(new URL(page.url()).searchParams.get("companies")).toBe("zhipu");
      expect(await page.locator('input[name="companies"]:checked').count()).toBe(1);
      expect(problems.consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("every page's switch and alternates open its twin", async () => {
    const {page, context} = await visit("zh/companies/zhipu");
    try {
      const hrefs = await page.$$eval('link[rel="alternate"], a[data-twin]', (els) => els.map((e) => `${e.getAttribute("hreflang")} ${new URL(e.getAttribute("href")!, location.href).pathname}`));
      expect(hrefs).toEqual(["en /six-tigers-atlas/companies/zhipu", "zh-CN /six-tigers-atlas/zh/companies/zhipu", "x-default /six-tigers-atlas/companies/zhipu", "en /six-tigers-atlas/companies/zhipu"]);
    } finally {
      await context.close();
    }
  });
});

/** Types a query into the sidebar's search and returns the result links (paths with anchors). */
async function search(page: Page, query: string): Promise<string[]> {
  await page.evaluate(() => delete (document.querySelector("form.atlas-search") as HTMLFormElement).dataset.results);
  await page.fill('form[role="search"] input[type="search"]', query);
  await page.waitForFunction(() => (document.querySelector("form.atlas-search") as HTMLFormElement).dataset.results !== undefined, undefined, {timeout: 15_000});
  return page.$$eval(".atlas-search-results a", (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname + new URL((a as HTMLAnchorElement).href).hash));
}

describe("search", () => {
  test("from a Chinese page finds Chinese words in body text, and only Chinese pages", async () => {
    const {page, context, problems} = await visit("zh/funding");
    try {
      for (const word of ["融资", "阿里巴巴", "上市", "长上下文"]) {
        const found = await search(page, word);
        expect(found.length, word).toBeGreaterThan(0);
        for (const path of found) expect(path, word).toMatch(/^\/six-tigers-atlas\/zh\//);
      }
      expect(problems.foreignRequests).toEqual([]);
      expect(problems.failedRequests).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("from an English page finds English words, and only English pages", async () => {
    const {page, context} = await visit("pivots");
    try {
      for (const word of ["Alibaba", "MiniCPM", "valuation"]) {
        const found = await search(page, word);
        expect(found.length, word).toBeGreaterThan(0);
        for (const path of found) expect(path, word).not.toMatch(/\/zh\//);
      }
    } finally {
      await context.close();
    }
  });

  test("a company's name in either script finds its page in either edition; a result opens its section", async () => {
    for (const [route, prefix] of [["zh/", "/six-tigers-atlas/zh/"], ["", "/six-tigers-atlas/"]] as const) {
      const {page, context} = await visit(route);
      try {
        for (const name of ["智谱", "Zhipu", "阶跃星辰", "StepFun"]) {
          const found = await search(page, name);
          const company = name === "智谱" || name === "Zhipu" ? "zhipu" : "stepfun";
          expect(found.some((path) => path.startsWith(`${prefix}companies/${company}`)), `${name} from /${route}: ${found.join(", ")}`).toBe(true);
        }
        const [first] = await search(page, route ? "密度" : "density");
        await page.click(".atlas-search-results a >> nth=0");
        await page.waitForURL((url) => url.pathname + url.hash === first);
        const hash = decodeURIComponent(new URL(page.url()).hash.slice(1));
        if (hash) expect(await page.locator(`[id="${hash}"]`).count(), `the section #${hash} exists`).toBe(1);
      } finally {
        await context.close();
      }
    }
  });

  test("the index is per language and in the site", () => {
    expect(existsSync("dist/pagefind/pagefind.js")).toBe(true);
    const entry = JSON.parse(readFileSync("dist/pagefind/pagefind-entry.json", "utf8")) as {languages: Record<string, {page_count: number}>};
    expect(entry.languages.en.page_count).toBe(ENGLISH.length);
    expect(entry.languages["zh-cn"].page_count).toBe(ENGLISH.length);
  });
});
