/**
 * Embeddable charts (issue 13), against the built site: an embed page for every story chart in both editions (a
 * company timeline per company), each the chart alone with its title, licence and a link back, no sidebar; with
 * scripts off the build's chart and the link are there, with scripts on the live chart takes the frame's width and
 * the state of the embed's query, at 320 px without sideways scroll, under the strict policy, with nothing leaving
 * localhost and no engine; another site may frame an embed page and no other page; a story page's Embed action gives
 * the code of the embed of the view the reader sees.
 *
 * The other browser tests that load every page leave the embed pages to this file (browser.ts, isEmbedRoute), so it
 * checks what they would, for all 48 pages in one loop per context: the console, requests, the policy and Chinese.
 */
import {existsSync, readFileSync} from "node:fs";
import {createServer} from "node:http";
import type {AddressInfo} from "node:net";
import {join} from "node:path";
import type {Page} from "playwright-core";
import {describe, expect, test} from "vitest";
import {EMBEDS, embedRoute, storyHref} from "../../src/lib/embeds.js";
import {builtRoutes, isEmbedRoute, openPage, useSite, wireBytes} from "./browser.js";
import {readBuilt} from "./helpers.js";
import {cjkShare} from "../unit/zhChartText.js";

const site = useSite();

/** Every embed page the build must have: each chart in each edition, the company timeline once per company. */
const companies = (await readBuilt("company_summary")).map((c) => String(c.company_id));
const EXPECTED = (["en", "zh"] as const).flatMap((lang) =>
  Object.entries(EMBEDS).flatMap(([chart, spec]) => (spec.perCompany ? companies.map((id) => ({chart, lang, company: id as string | undefined})) : [{chart, lang, company: undefined}]))
);
const route = (e: (typeof EXPECTED)[number]) => embedRoute(e.chart, e.lang, e.company);

/**
 * The pages loaded with scripts on: every chart in both editions, the company timeline for one company in each (the
 * others draw the same code from other rows; the build drew every one of them, and scripts off shows each below).
 * A live page takes about a second on two cores, so all 48 would take this file past its time.
 */
const LIVE = EXPECTED.filter((e) => !e.company || e.company === (e.lang === "en" ? "zhipu" : "moonshot"));

/**
 * An embed page's bytes until idle, as a compressing host sends them: the chart's tables (the sources table, 47 kB, on
 * every one), hyparquet and D3, Framework's runtime and the views of the chart's story page. They measure 220–279 kB
 * (a story page: 265–297 kB, held to 350 kB by engine.test.ts).
 */
const BUDGET = 300_000;

const ENGINE = /duckdb|\.wasm(\?|$)/i;

const builtFile = (route: string) => join("dist", `${route}.html`);

/** The marks a chart draws: an SVG chart's `.mark`s, a claims table's rows, the course grid's cards. */
const MARKS = ".atlas-prerender .mark";

describe("the build", () => {
  test("has an embed page for every story chart, in both editions, and no other", () => {
    expect(companies.length).toBeGreaterThan(5);
    expect(builtRoutes().filter(isEmbedRoute).sort()).toEqual(EXPECTED.map(route).sort());
    for (const e of EXPECTED) expect(existsSync(builtFile(route(e))), route(e)).toBe(true);
  });

  test("each page as built: the chart drawn, its title, licence and link back to an anchor of its story page, no sidebar, switch or search", () => {
    for (const e of EXPECTED) {
      const html = readFileSync(builtFile(route(e)), "utf8");
      const where = route(e);
      expect(html, where).toMatch(/<html lang="(en|zh-CN)" data-atlas-edition="(en|zh)" class="atlas-embed-page">/);
      expect(html, where).toContain(`<html lang="${e.lang === "zh" ? "zh-CN" : "en"}"`);
      for (const chrome of ['id="observablehq-sidebar"', "atlas-language-switch", 'role="search"', 'id="observablehq-toc"', 'id="observablehq-footer"', 'id="observablehq-header"'])
        expect(html, `${where}: ${chrome}`).not.toContain(chrome);
      expect(html, where).toMatch(/<h1 class="atlas-embed-title">[^<]+<\/h1>/);
      // The slot holds the build's chart: an SVG with marks, or the claims' and the course grid's marked rows.
      const slot = html.slice(html.indexOf(`id="prerender-${e.chart}"`));
      expect(slot.slice(0, 200), where).toMatch(/data-chart="|class="atlas-/);
      expect((slot.match(/class="[^"]*\bmark\b/g) ?? []).length, `${where}: marks`).toBeGreaterThan(0);
      expect(html, where).toContain('href="https://creativecommons.org/licenses/by/4.0/');
      const back = /<a class="atlas-embed-back" href="([^"]+)" target="_top">/.exec(html);
      // Framework writes the link relative to the page in its own way ("../" for "../../zh/" from /zh/embed/x): the same address.
      const story = new URL(back![1], `https://x.org/${where}`);
      expect(story.href, where).toBe(new URL(storyHref(e.chart, e.lang, "", e.company), `https://x.org/${where}`).href);
      const storyFile = join("dist", story.pathname === "/" ? "index.html" : story.pathname.endsWith("/") ? `${story.pathname.slice(1)}index.html` : `${story.pathname.slice(1)}.html`);
      expect(readFileSync(storyFile, "utf8"), `${where}: #${story.hash.slice(1)} on ${storyFile}`).toContain(`id="${story.hash.slice(1)}"`);
    }
  });

  test("search leaves the embed pages out", () => {
    const entry = JSON.parse(readFileSync("dist/pagefind/pagefind-entry.json", "utf8")) as {languages: Record<string, {page_count: number}>};
    const pages = builtRoutes().filter((r) => !isEmbedRoute(r));
    expect(entry.languages.en.page_count + entry.languages["zh-cn"].page_count).toBe(pages.length);
  });
});

/** Sideways scroll of the page, in pixels. */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe("in a browser, at 320 px", () => {
  test("with scripts off, every embed page shows the build's chart and its link back", async () => {
    const context = await site.browser.newContext({viewport: {width: 320, height: 640}, javaScriptEnabled: false});
    try {
      const page = await context.newPage();
      for (const e of EXPECTED) {
        await page.goto(site.server.url + route(e), {waitUntil: "domcontentloaded"});
        expect(await page.locator(MARKS).count(), route(e)).toBeGreaterThan(0);
        expect(await page.locator("#observablehq-sidebar").count(), route(e)).toBe(0);
        expect(await overflow(page), `${route(e)}: sideways scroll`).toBeLessThanOrEqual(0);
        expect(await page.locator("a.atlas-embed-back").evaluate((a) => (a as HTMLAnchorElement).href), route(e)).toBe(new URL(storyHref(e.chart, e.lang, "", e.company), site.server.url + route(e)).href);
      }
    } finally {
      await context.close();
    }
  });

  test("with scripts on, every chart's embed page draws the live chart under the strict policy, in its language, with nothing leaving localhost and no engine", async () => {
    const {page: first, context, problems} = await openPage(site.browser, new URL(site.server.url).origin, {width: 320, height: 640});
    const violations: string[] = [];
    const requested: string[] = [];
    try {
      await context.exposeFunction("__atlasViolation", (text: string) => violations.push(text));
      await context.addInitScript(() =>
        document.addEventListener("securitypolicyviolation", (e) => (window as unknown as {__atlasViolation(t: string): void}).__atlasViolation(`${e.effectiveDirective} blocked ${e.blockedURI}`))
      );
      context.on("request", (request) => requested.push(request.url()));
      // Two tabs of one context take the pages in turn (two cores).
      const tabs = [first, await context.newPage()];
      for (const tab of tabs.slice(1)) {
        tab.on("console", (m) => void (m.type() === "error" && problems.consoleErrors.push(m.text())));
        tab.on("pageerror", (error) => problems.consoleErrors.push(`uncaught: ${error.message}`));
        tab.on("response", (r) => void (r.status() >= 400 && problems.failedRequests.push(`${r.url()} (HTTP ${r.status()})`)));
      }
      await Promise.all(tabs.map((tab, i) => checkLive(tab, LIVE.filter((_, j) => j % tabs.length === i))));
      expect(violations).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);
      expect(problems.failedRequests).toEqual([]);
      expect(problems.foreignRequests).toEqual([]);
      expect(requested.filter((url) => ENGINE.test(url))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  /** Each embed page of `embeds`, one after another in `page`: the live chart, its width and, in Chinese, its words. */
  async function checkLive(page: Page, embeds: typeof EXPECTED): Promise<void> {
    for (const e of embeds) {
      const where = route(e);
      await page.goto(site.server.url + where, {waitUntil: "domcontentloaded"});
      // The live chart has taken the build's place (prerendered.ts marks the slot).
      await page.waitForSelector(`#prerender-${e.chart}[data-live="true"]`, {timeout: 15_000});
      expect(await page.locator(MARKS).count(), where).toBeGreaterThan(0);
      expect(await page.locator(".atlas-embed-button").count(), `${where}: an embed offers no embed of itself`).toBe(0);
      expect(await overflow(page), `${where}: sideways scroll`).toBeLessThanOrEqual(0);
      // The live chart is drawn at the frame's width, not the build's 688 px (the claims and the course grid are HTML).
      const widths = await page.locator(".atlas-prerender svg[role=img]").evaluateAll((svgs) => svgs.map((svg) => Number(svg.getAttribute("width"))));
      for (const width of widths) expect(width, where).toBeLessThanOrEqual(320);
      if (e.lang === "zh") {
        expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
        // The page's own words: its heading (a chart's title) and its foot, where only the licence's name is Latin.
        const title = await page.locator(".atlas-embed-title").innerText();
        const foot = await page.locator(".atlas-embed-foot").innerText();
        expect(cjkShare(`${title} ${foot}`), `${where}: ${title} ${foot}`).toBeGreaterThanOrEqual(0.6);
        expect(foot.match(/[A-Za-z]+/g), where).toEqual(["CC", "BY"]);
        const chart = await page.locator(".atlas-prerender .atlas-chart").evaluateAll((figures) =>
          figures.map((f) => {
            const parts: string[] = [];
            const walker = document.createTreeWalker(f, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!n.parentElement!.closest('[lang]:not([lang^="zh"]), td, .atlas-tooltip')) parts.push(n.textContent ?? "");
            return parts.join(" ");
          })
        );
        for (const text of chart) expect(cjkShare(text), `${where}: ${text.slice(0, 100)}`).toBeGreaterThanOrEqual(0.4);
      }
    }
  }

  test("an embed page's bytes until idle stay within its budget (a fresh visit, as a compressing host sends it)", async () => {
    for (const where of ["embed/cumulative-funding", "zh/embed/company-timeline/zhipu"]) {
      const {page, context} = await openPage(site.browser, new URL(site.server.url).origin, {width: 320, height: 640});
      try {
        const {total, uncounted} = await wireBytes(page, async () => {
          await page.goto(site.server.url + where);
          await page.waitForLoadState("networkidle");
        });
        expect(uncounted, where).toEqual([]);
        expect(total, `bytes until idle on /${where}`).toBeLessThanOrEqual(BUDGET);
      } finally {
        await context.close();
      }
    }
  });

  test("passes axe (serious and critical, and target size) in both editions", async () => {
    const axeSource = readFileSync("node_modules/axe-core/axe.min.js", "utf8");
    const {page, context} = await openPage(site.browser, new URL(site.server.url).origin, {width: 320, height: 640});
    try {
      for (const where of ["embed/density", "zh/embed/company-timeline/moonshot"]) {
        await page.goto(site.server.url + where);
        await page.waitForSelector('.atlas-prerender[data-live="true"]');
        await page.evaluate(axeSource);
        const found = await page.evaluate(async () => {
          type Result = {violations: {id: string; impact: string; nodes: {target: string[]}[]}[]};
          const axe = (window as unknown as {axe: {run: (c: unknown, o: unknown) => Promise<Result>}}).axe;
          const all = await axe.run(document, {resultTypes: ["violations"]});
          const size = await axe.run(document, {runOnly: ["target-size"], resultTypes: ["violations"]});
          return [...all.violations.filter((v) => v.impact === "serious" || v.impact === "critical"), ...size.violations].map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
        });
        expect(found, where).toEqual([]);
      }
    } finally {
      await context.close();
    }
  });
});

describe("state, the Embed action and framing", () => {
  test("a story page's Embed code opens the embed of the view the reader sees, in the page's edition, drawing the same lines", async () => {
    const query = "?companies=zhipu,moonshot&scale=log";
    const {page, context, problems} = await openPage(site.browser, new URL(site.server.url).origin);
    try {
      await page.goto(`${site.server.url}zh/funding${query}`);
      const figure = page.locator('#prerender-cumulative-funding[data-live="true"] figure');
      await figure.locator(".atlas-embed-button").click();
      const code = await figure.locator(".atlas-embed-panel .atlas-copy-text").textContent();
      const src = /^<iframe src="([^"]+)" title="([^"]+)"/.exec(code ?? "");
      expect(src?.[1].replaceAll("&amp;", "&")).toBe(`${site.server.url}zh/embed/cumulative-funding?companies=zhipu%2Cmoonshot&scale=log`);
      expect(src?.[2]).toBe("累计已披露融资额");
      const lines = (p: Page, scope: string) => p.locator(`${scope} g.company-series`).evaluateAll((gs) => gs.map((g) => g.getAttribute("data-company")).sort());
      const story = await lines(page, "#prerender-cumulative-funding");
      expect(story).toEqual(["moonshot", "zhipu"]);
      // Every story chart of the page has the action; the build's copy of the first chart had none, the live one has one.
      expect(await page.locator(".atlas-embed-button").count()).toBe(3);
      await page.goto(src![1].replaceAll("&amp;", "&"));
      await page.waitForSelector('#prerender-cumulative-funding[data-live="true"]');
      expect(await lines(page, "#prerender-cumulative-funding")).toEqual(story);
      expect(await page.locator("#prerender-cumulative-funding .atlas-source").textContent()).toMatch(/^来源：/);
      // The link back opens the story page in the same view.
      expect(await page.locator("a.atlas-embed-back").getAttribute("href")).toBe(`${site.server.url}zh/funding?companies=zhipu%2Cmoonshot&scale=log#cumulative-disclosed-funding`);
      expect(problems.consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("another site may frame an embed page, and no other page of the atlas", async () => {
    const embed = await fetch(`${site.server.url}embed/price-chart`);
    expect(embed.headers.get("content-security-policy")).toMatch(/connect-src 'self'/);
    expect(embed.headers.get("content-security-policy")).not.toMatch(/frame-ancestors/);
    expect((await fetch(`${site.server.url}zh/embed/density`)).headers.get("content-security-policy")).not.toMatch(/frame-ancestors/);
    expect((await fetch(`${site.server.url}density`)).headers.get("content-security-policy")).toMatch(/frame-ancestors 'self'/);
    // A page of another origin (another port of this machine: Chromium keeps public pages from framing local ones)
    // with two frames: the embed page draws, the story page is refused.
    const host = createServer((_, response) => {
      response.writeHead(200, {"content-type": "text/html; charset=utf-8"});
      response.end(`<!doctype html><iframe id="embed" src="${site.server.url}embed/price-chart"></iframe><iframe id="story" src="${site.server.url}density"></iframe>`);
    });
    await new Promise<void>((ok) => host.listen(0, "127.0.0.1", ok));
    const context = await site.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${(host.address() as AddressInfo).port}/host.html`);
      // The host's load event waits for both frames (a refused one shows Chromium's error page in its place).
      await page.waitForLoadState("load");
      await page.frameLocator("#embed").locator('.atlas-prerender[data-live="true"] svg .mark').first().waitFor({timeout: 15_000});
      expect(await page.frameLocator("#embed").locator("#observablehq-main").count()).toBe(1);
      expect(await page.frameLocator("#story").locator("#observablehq-main").count()).toBe(0);
    } finally {
      await context.close();
      await new Promise((ok) => host.close(ok));
    }
  });
});
