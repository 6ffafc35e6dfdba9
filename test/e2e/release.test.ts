/**
 * The dataset's version, changelog and citation as the build publishes them: datapackage.json, changelog.json
 * and the Parquet metadata carry the version of data/ (src/lib/release.ts), and /data shows it, the release
 * history and the citation, whose copy buttons work under a strict Content-Security-Policy.
 */
import {createHash} from "node:crypto";
import {readFileSync} from "node:fs";
import {DuckDBInstance} from "@duckdb/node-api";
import {describe, expect, test} from "vitest";
import {releaseState} from "../../src/lib/release.js";
import {SOURCE_FILES} from "../../src/lib/schemas.js";
import {openPage, useSite, waitForCells} from "./browser.js";

const state = releaseState("data");
const descriptor = JSON.parse(readFileSync("dist/downloads/datapackage.json", "utf8"));

describe("the built files carry the version", () => {
  test("datapackage.json has the version of data/, the release history and the citations", () => {
    expect(descriptor.version).toBe(state.version);
    expect(descriptor.release.history).toEqual(state.history);
    expect(descriptor.release.released).toBe(state.released);
    const formats = descriptor.citations.map((c: {format: string}) => c.format);
    expect(formats).toEqual(["text", "bibtex"]);
    for (const citation of descriptor.citations) expect(citation.text).toContain(state.version);
    expect(descriptor.description).toContain("CSV");
  });

  test("changelog.json is the changelog of the snapshots in data/releases/", () => {
    const changelog = JSON.parse(readFileSync("dist/downloads/changelog.json", "utf8"));
    expect(changelog).toEqual(state.changelog);
    for (const entry of changelog) for (const table of Object.keys(entry.tables)) expect(Object.keys(SOURCE_FILES)).toContain(table);
  });

  test("every Parquet file carries version, citation and license in its key-value metadata", async () => {
    const db = await DuckDBInstance.create(":memory:");
    const connection = await db.connect();
    try {
      const reader = await connection.runAndReadAll(
        "SELECT file_name, decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata('dist/downloads/*.parquet')"
      );
      const rows = reader.getRowObjectsJS() as {file_name: string; key: string; value: string}[];
      const files = [...new Set(rows.map((r) => r.file_name))];
      expect(files.length).toBe(descriptor.resources.length / 2);
      for (const file of files) {
        const kv = Object.fromEntries(rows.filter((r) => r.file_name === file).map((r) => [r.key, r.value]));
        expect(kv.version, file).toBe(state.version);
        expect(kv.citation, file).toBe(descriptor.citations[0].text);
        expect(kv.license, file).toMatch(/^CC-BY-4\.0/);
      }
    } finally {
      connection.closeSync();
      db.closeSync();
    }
  });
});

const site = useSite();

/** A strict policy for one page: its own inline scripts by hash, everything else from the site, no eval, no inline handlers. */
function strictPolicy(html: string): string {
  const hashes = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    ([, body]) => `'sha256-${createHash("sha256").update(body).digest("base64")}'`
  );
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self' data: blob:",
    "worker-src 'self' blob:"
  ].join("; ");
}

describe("/data in a browser", () => {
  test("shows the version, the release history and the citation; the copy buttons copy it under a strict CSP", async () => {
    const {page, context, problems} = await openPage(site.browser, new URL(site.server.url).origin);
    try {
      await context.grantPermissions(["clipboard-read", "clipboard-write"], {origin: new URL(site.server.url).origin});
      const url = `${site.server.url}data`;
      await page.route(url, async (route) => {
        const response = await route.fetch();
        const html = await response.text();
        await route.fulfill({response, body: html, headers: {...response.headers(), "content-security-policy": strictPolicy(html)}});
      });
      const violations: string[] = [];
      await page.exposeFunction("__reportViolation", (v: string) => violations.push(v));
      await page.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (e) => (window as unknown as {__reportViolation: (v: string) => void}).__reportViolation(`${e.violatedDirective} ${e.blockedURI}`));
      });
      await page.goto(url);
      await waitForCells(page);

      await expect.poll(() => page.locator("[data-version]").first().textContent()).toBe(state.version);
      const history = page.locator("table.atlas-changelog tbody tr");
      expect(await history.evaluateAll((rows) => rows.map((r) => r.getAttribute("data-version")))).toEqual(
        [...state.history].reverse().map((r) => r.version)
      );
      expect(await history.last().textContent()).toContain(state.history[0].date);

      const bibtex = page.locator(".atlas-citation-bibtex pre");
      expect(await bibtex.textContent()).toBe(descriptor.citations[1].text);
      expect(await bibtex.textContent()).toContain(`version = {${state.version}}`);
      expect(await bibtex.textContent()).toMatch(/^@misc\{/);

      for (const [block, text] of [[".atlas-citation-bibtex", descriptor.citations[1].text], [".atlas-citation-text", descriptor.citations[0].text]]) {
        await page.locator(`${block} button`).click();
        await expect.poll(() => page.locator(`${block} [role=status]`).textContent()).toBe("Copied");
        expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
      }
      // The text is also selectable by hand.
      expect(await bibtex.evaluate((pre) => getComputedStyle(pre).userSelect)).not.toBe("none");

      expect(violations, "CSP violations").toEqual([]);
      expect(problems.consoleErrors, "console errors").toEqual([]);
      expect(problems.failedRequests, "failed requests").toEqual([]);
    } finally {
      await context.close();
    }
  });
});
