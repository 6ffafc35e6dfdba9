/**
 * Shared browser-test plumbing: Debian's Chromium driven by playwright-core, the built site served on
 * localhost under a sub-path, and a page wrapper that records every console error, failed request and
 * request to any host but the local server, so each test can assert there were none.
 */
import {existsSync, readdirSync} from "node:fs";
import {join, relative} from "node:path";
import {execFileSync} from "node:child_process";
import {chromium, type Browser, type Page} from "playwright-core";
import {afterAll, beforeAll} from "vitest";
import {serveStatic, type StaticServer} from "../../scripts/serve.js";

export const BASE_PATH = "/six-tigers-atlas/";

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  for (const candidate of candidates) if (candidate && existsSync(candidate)) return candidate;
  try {
    return execFileSync("sh", ["-c", "command -v chromium || command -v chromium-browser"], {encoding: "utf8"}).trim();
  } catch {
    throw new Error(
      "Chromium not found. The browser tests drive Debian's Chromium: install it with `sudo apt-get install chromium` " +
        "(or set CHROMIUM_PATH to a Chromium or Chrome binary), then run `npm test` again."
    );
  }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-dev-shm-usage"
    ]
  });
}

/**
 * The browser and the served site for one test file: started before its tests, closed after them. Read
 * `site.browser` and `site.server` inside tests (they exist once the file's set-up has run).
 */
export function useSite(): {
  readonly browser: Browser;
  readonly server: StaticServer;
  /** Opens `route` of the served site in a fresh context that records problems, and waits for its cells. */
  visit(route: string, viewport?: {width: number; height: number}): ReturnType<typeof openPage>;
} {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), serveDist()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error("useSite: the browser is not started yet (use it inside a test or hook)");
      return browser;
    },
    get server() {
      if (!server) throw new Error("useSite: the site is not served yet (use it inside a test or hook)");
      return server;
    },
    async visit(route, viewport) {
      const opened = await openPage(this.browser, new URL(this.server.url).origin, viewport);
      await opened.page.goto(this.server.url + route);
      await waitForCells(opened.page);
      return opened;
    }
  };
}

export async function serveDist(): Promise<StaticServer> {
  if (!existsSync("dist/index.html")) throw new Error("dist/ is missing: run `npm run build` before the browser tests");
  return serveStatic("dist", {base: BASE_PATH});
}

/**
 * The routes of the built pages ("", "funding", "zh/companies/zhipu"), from dist/'s HTML files; Framework's
 * own folders (`_…`), the search index and the downloads hold none.
 */
export function builtRoutes(dir = "dist"): string[] {
  const routes: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, {withFileTypes: true})) {
      const path = join(d, entry.name);
      if (entry.isDirectory() && !entry.name.startsWith("_") && entry.name !== "pagefind" && entry.name !== "downloads") walk(path);
      else if (entry.name.endsWith(".html") && entry.name !== "404.html") routes.push(relative(dir, path).replace(/(^|\/)index\.html$/, "$1").replace(/\.html$/, ""));
    }
  };
  walk(dir);
  return routes.sort();
}

/**
 * Whether a route is an embed page (`embed/…`, `zh/embed/…`: one chart alone, for another site's <iframe>). The
 * tests that load every page one by one leave these out: test/e2e/embed.test.ts loads every embed page of both
 * editions in one loop and checks what those tests would (console errors, failed and off-host requests, the policy,
 * no engine, bytes, Chinese text), so the 48 pages do not cost each of those files a load apiece.
 */
export const isEmbedRoute = (route: string): boolean => /^(zh\/)?embed\//.test(route);

export interface PageProblems {
  consoleErrors: string[];
  failedRequests: string[];
  foreignRequests: string[];
}

/** Opens a page that records problems; `origin` is the only host requests may go to. */
export async function openPage(browser: Browser, origin: string, viewport = {width: 1280, height: 900}) {
  const context = await browser.newContext({viewport, acceptDownloads: true});
  const page = await context.newPage();
  const problems: PageProblems = {consoleErrors: [], failedRequests: [], foreignRequests: []};
  page.on("console", (message) => {
    if (message.type() === "error") problems.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => problems.consoleErrors.push(`uncaught: ${error.message}`));
  page.on("requestfailed", async (request) => {
    // Chromium reports the worker's streaming wasm compile as ERR_ABORTED once it has taken the bytes it
    // needs, after a 200; that is not a failure (DuckDB starts, and its tests check that it does).
    const response = await request.response().catch(() => null);
    const benign = request.failure()?.errorText === "net::ERR_ABORTED" && request.url().endsWith(".wasm") && response?.ok();
    if (!benign) problems.failedRequests.push(`${request.method()} ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) problems.failedRequests.push(`${response.request().method()} ${response.url()} (HTTP ${response.status()})`);
  });
  // Anything not bound for the local server is recorded and aborted, so a leak fails the test and stays offline.
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
    problems.foreignRequests.push(url);
    return route.abort();
  });
  return {page, context, problems};
}

/**
 * Waits until the page has settled: the network is idle and no element is still marked `aria-busy="true"`.
 * Pages mark every region that waits on data (DuckDB, a Parquet fetch) busy until it is filled, which is both
 * the visible loading state for readers and the signal tests wait on.
 */
export async function waitForCells(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForLoadState("networkidle", {timeout});
  await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0, undefined, {timeout});
}

/** What a page received: in all, and by response. */
export interface WireBytes {
  total: number;
  responses: {url: string; bytes: number}[];
  /**
   * Requests the count could not see: a worker's (the page's CDP session does not hear them) or one that failed
   * or was cut short. A test that trusts `total` asserts there were none.
   */
  uncounted: string[];
}

/**
 * Counts the bytes a page receives while `load` runs (navigate, wait for the network to idle): each response's
 * encodedDataLength (CDP Network.loadingFinished: headers and body as received). The test server compresses
 * text and WebAssembly as hosts do (scripts/serve.ts), so that is what a reader's browser receives.
 */
export async function wireBytes(page: Page, load: () => Promise<unknown>): Promise<WireBytes> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  const urls = new Map<string, string>();
  const responses: WireBytes["responses"] = [];
  cdp.on("Network.responseReceived", ({requestId, response}) => void urls.set(requestId, response.url));
  cdp.on("Network.loadingFinished", ({requestId, encodedDataLength}) => {
    responses.push({url: urls.get(requestId) ?? requestId, bytes: encodedDataLength});
  });
  const requested: string[] = [];
  const listen = (request: {url(): string}) => void requested.push(request.url());
  page.on("request", listen);
  try {
    await load();
    // Matched one for one: a URL asked for twice (a byte-range probe, then the file) must be counted twice.
    const left = new Map<string, number>();
    for (const r of responses) left.set(r.url, (left.get(r.url) ?? 0) + 1);
    const uncounted = requested.filter((url) => {
      if (/^(data|blob):/.test(url)) return false;
      const n = left.get(url) ?? 0;
      left.set(url, n - 1);
      return n <= 0;
    });
    return {total: responses.reduce((sum, r) => sum + r.bytes, 0), responses, uncounted};
  } finally {
    page.off("request", listen);
    await cdp.detach().catch(() => {});
  }
}

/** Waits until /explore's engine has started (or said why not) and its first query has ended. */
export async function explorerReady(page: Page): Promise<void> {
  await page.waitForSelector("#explore-status[aria-busy=false]", {timeout: 60_000});
  await page.waitForSelector("#explore-result[aria-busy=false]", {state: "attached", timeout: 60_000});
}

/**
 * Runs `sql` from /explore's editor and waits for that run to end: the result region goes busy and back. Watched
 * from before the key press, so a run quicker than a poll is not missed (waiting for the busy state instead
 * could miss it and wait out its timeout).
 */
export async function runExplorerSql(page: Page, sql: string): Promise<void> {
  await page.locator("#atlas-sql").fill(sql);
  const ended = page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const result = document.querySelector("#explore-result")!;
        const timer = setTimeout(() => reject(new Error("the query did not end within 60 s")), 60_000);
        new MutationObserver((_, observer) => {
          if (result.getAttribute("aria-busy") !== "false") return;
          observer.disconnect();
          clearTimeout(timer);
          resolve();
        }).observe(result, {attributes: true, attributeFilter: ["aria-busy"]});
      })
  );
  await page.locator("#atlas-sql").press("Control+Enter");
  await ended;
}
