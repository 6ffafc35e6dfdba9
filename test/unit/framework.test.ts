/**
 * The Framework adapter (scripts/framework/): it refuses a Framework it was not verified against, each template
 * patch mends Framework 1.13.4's real page (test/fixtures/framework/funding.html, an excerpt of a built page
 * before finalize-build) and throws by name when its markup is gone, the pre-build patches throw instead of
 * doing nothing, and prerender slots take chart text verbatim.
 */
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, test} from "vitest";
import {checkFrameworkVersion, fillSlots, mendHtml, PATCH_NAMES, primeLoaderCache} from "../../scripts/framework/index.js";
import {checkImplicitImports, checkNpmCacheLayout, frameworkNpmPackages, seedClientStubs} from "../../scripts/framework/offline.js";
import {frameworkDir} from "../../scripts/framework/paths.js";
import {mendPages, TEMPLATE_PATCHES} from "../../scripts/framework/template.js";
import {installedFrameworkVersion} from "../../scripts/framework/version.js";

const PAGE = readFileSync("test/fixtures/framework/funding.html", "utf8");
const temp = mkdtempSync(join(tmpdir(), "atlas-framework-"));
afterAll(() => rmSync(temp, {recursive: true, force: true}));

function tempDir(name: string, files: Record<string, string>): string {
  const dir = join(temp, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(dir, file, ".."), {recursive: true});
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

describe("version check", () => {
  test("accepts every 1.13 release", () => {
    for (const version of ["1.13.0", "1.13.4", "1.13.12"]) expect(() => checkFrameworkVersion(version)).not.toThrow();
  });

  test("refuses another version, naming it and every patch to re-verify", () => {
    for (const version of ["1.14.0", "2.0.0", "1.130.0", "1.12.9"]) {
      expect(() => checkFrameworkVersion(version)).toThrow(`invalid Observable Framework version: ${version}`);
    }
    let message = "";
    try {
      checkFrameworkVersion("1.14.0");
    } catch (error) {
      message = (error as Error).message;
    }
    for (const name of PATCH_NAMES) expect(message).toContain(name);
  });

  test("reads the installed version from Framework's package.json", () => {
    expect(installedFrameworkVersion()).toMatch(/^1\.13\./);
    const other = tempDir("framework-1.14", {"package.json": JSON.stringify({version: "1.14.0"})});
    expect(() => checkFrameworkVersion(installedFrameworkVersion(other))).toThrow("1.14.0");
  });
});

describe("template patches", () => {
  test("mend Framework 1.13.4's page", () => {
    const {html, held} = mendHtml(PAGE, "funding.html");
    expect(held).toEqual(["html-lang", "sidebar-close-outside-list", "sidebar-toggle-label"]);
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">\n<head>/);
    expect(html).toContain(
      '<nav id="observablehq-sidebar">\n  <label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"></label>\n  <ol>\n    <li class="observablehq-link"><a href="./">'
    );
    expect(html).not.toMatch(/<ol>\s*<label/);
    expect(html).toContain('<input id="observablehq-sidebar-toggle" type="checkbox" title="Toggle sidebar" aria-label="Toggle sidebar">');
  });

  test("each patch changes the page on its own and holds afterwards", () => {
    for (const patch of TEMPLATE_PATCHES) {
      expect(patch.holds(PAGE), patch.name).toBe(false);
      const {html, held} = mendHtml(PAGE, "funding.html", [patch]);
      expect(held).toEqual([patch.name]);
      expect(html).not.toBe(PAGE);
      expect(patch.holds(html), patch.name).toBe(true);
    }
  });

  test("a second run changes nothing", () => {
    const once = mendHtml(PAGE).html;
    expect(mendHtml(once)).toEqual({html: once, held: TEMPLATE_PATCHES.map((p) => p.name)});
  });

  test("the lang patch keeps other attributes and an existing lang", () => {
    const withClass = PAGE.replace("<html>", '<html class="dark">');
    expect(mendHtml(withClass).html).toContain('<html lang="en" class="dark">');
    const chinese = PAGE.replace("<html>", '<html lang="zh">');
    expect(mendHtml(chinese).html).toContain('<html lang="zh">\n');
  });

  test("a page with the sidebar but not the patched markup throws, naming the page and the patch", () => {
    const noClose = PAGE.replace(/\s*<label id="observablehq-sidebar-close"[^>]*><\/label>/, "");
    expect(() => mendHtml(noClose, "funding.html")).toThrow(/^funding\.html: template patch sidebar-close-outside-list found nothing to mend/);
    const noTitle = PAGE.replace(' title="Toggle sidebar"', "");
    expect(() => mendHtml(noTitle, "funding.html")).toThrow(/^funding\.html: template patch sidebar-toggle-label found nothing/);
    const noToggle = PAGE.replace(/<input id="observablehq-sidebar-toggle"[^>]*>/, "");
    expect(() => mendHtml(noToggle, "funding.html")).toThrow("sidebar-toggle-label");
  });

  test("HTML that is not a Framework page is left alone", () => {
    const fragment = "<p>a copied file</p>";
    expect(mendHtml(fragment)).toEqual({html: fragment, held: []});
  });

  test("mendPages rewrites the built pages and refuses a site where a patch mends nothing", () => {
    const noSidebar = PAGE.replace(/<input id="observablehq-sidebar-toggle"[\s\S]*<\/nav>\n/, "");
    const dist = tempDir("dist", {"funding.html": PAGE, "companies/zhipu.html": PAGE, "bare.html": noSidebar, "notes.html": "<p>copied</p>"});
    expect(mendPages(dist)).toBe(3);
    expect(readFileSync(join(dist, "companies/zhipu.html"), "utf8")).toContain('<html lang="en">');
    expect(readFileSync(join(dist, "bare.html"), "utf8")).toContain('<html lang="en">');
    expect(mendPages(dist)).toBe(0);
    const bare = tempDir("dist-bare", {"bare.html": noSidebar});
    expect(() => mendPages(bare)).toThrow("template patches sidebar-close-outside-list, sidebar-toggle-label found no page to mend");
  });
});

describe("pre-build patches", () => {
  test("Framework 1.13 still imports the seeded packages and reads the npm cache where they are seeded", () => {
    expect(() => checkImplicitImports(readFileSync(join(frameworkDir, "dist", "libraries.js"), "utf8"))).not.toThrow();
    expect(() => checkNpmCacheLayout(readFileSync(join(frameworkDir, "dist", "npm.js"), "utf8"))).not.toThrow();
  });

  test("a changed Framework makes them throw instead of seeding unused files", () => {
    const libraries = readFileSync(join(frameworkDir, "dist", "libraries.js"), "utf8");
    expect(() => checkImplicitImports(libraries.replaceAll("npm:parquet-wasm", "npm:hyparquet"), "libraries.js")).toThrow(
      "implicit-packages: libraries.js no longer imports npm:parquet-wasm for a .parquet file"
    );
    const npm = readFileSync(join(frameworkDir, "dist", "npm.js"), "utf8");
    expect(() => checkNpmCacheLayout(npm.replaceAll('"_esm.js"', '"index.js"'), "npm.js")).toThrow("implicit-packages: npm.js no longer names");
  });

  test("client stubs come from the npm: imports in Framework's client", () => {
    const client = tempDir("client", {"a.js": 'import("npm:react-dom/client");', "sub/b.js": 'const s = "npm:@observablehq/inputs@0.12/dist";'});
    expect(frameworkNpmPackages(client)).toEqual(new Set(["react-dom", "@observablehq/inputs"]));
    const cache = join(temp, "cache");
    expect(seedClientStubs(cache, client)).toEqual(["react-dom", "@observablehq/inputs"]);
    expect(readFileSync(join(cache, "_npm", "react-dom@0.0.0-not-bundled", "_esm.js"), "utf8")).toContain("react-dom is not bundled");
  });

  test("a client that names no npm: package, or only seeded ones, is an error", () => {
    const none = tempDir("client-none", {"a.js": 'import "./runtime.js";'});
    expect(() => frameworkNpmPackages(none)).toThrow("client-stubs: no npm: import found in");
    const seeded = tempDir("client-seeded", {"a.js": 'import("npm:apache-arrow");'});
    expect(() => seedClientStubs(join(temp, "cache-seeded"), seeded)).toThrow("client-stubs: every npm: package in");
    expect(() => frameworkNpmPackages(join(temp, "no-such-client"))).toThrow("client-stubs:");
  });
});

describe("prerender slots", () => {
  const tag = '<div id="prerender-cumulative-funding" class="atlas-prerender"></div>';

  test("chart text with replacement patterns lands verbatim, once", async () => {
    const text = "$` $' $& $$ $1 $<name>";
    const figure = `<figure data-chart="x"><figcaption>${text}</figcaption></figure>`;
    const html = await fillSlots(PAGE, async () => figure);
    for (const pattern of ["$`", "$'", "$&", "$$", "$1", "$<name>"]) expect(html.split(pattern).length - 1, pattern).toBe(1);
    expect(html.split(text).length - 1).toBe(1);
    expect(html.split("</html>").length - 1).toBe(1);
    expect(html.split("<!DOCTYPE html>").length - 1).toBe(1);
    expect(html).toContain(`<div id="prerender-cumulative-funding" class="atlas-prerender">${figure}</div>`);
    expect(html.replace(figure, "")).toBe(PAGE);
  });

  test("every slot is filled in order, with its name, attributes and tag", async () => {
    const second = '<div id="prerender-company-timeline" class="atlas-prerender" data-company="zhipu"></div>';
    const page = PAGE.replace(tag, `${tag}\n<p>between</p>\n${second}`);
    const calls: string[][] = [];
    const html = await fillSlots(page, async (name, attributes, slotTag) => {
      calls.push([name, attributes, slotTag]);
      return `<svg>${name}</svg>`;
    });
    expect(calls).toEqual([
      ["cumulative-funding", "", tag],
      ["company-timeline", ' data-company="zhipu"', second]
    ]);
    expect(html).toContain(
      '<div id="prerender-cumulative-funding" class="atlas-prerender"><svg>cumulative-funding</svg></div>\n<p>between</p>\n' +
        '<div id="prerender-company-timeline" class="atlas-prerender" data-company="zhipu"><svg>company-timeline</svg></div>'
    );
  });

  test("a page without empty slots comes back unchanged", async () => {
    const filled = await fillSlots(PAGE, async () => "<svg></svg>");
    let calls = 0;
    expect(await fillSlots(filled, async () => (calls++, ""))).toBe(filled);
    expect(calls).toBe(0);
    const noSlot = PAGE.replace(tag, "");
    expect(await fillSlots(noSlot, async () => "x")).toBe(noSlot);
  });
});

describe("primed loader cache", () => {
  test("primeLoaderCache refuses when Framework no longer judges cached loader output by mtime", () => {
    const dir = mkdtempSync(join(tmpdir(), "atlas-loader-"));
    try {
      const loader = join(dir, "loader.js");
      writeFileSync(loader, "export class LoaderResolver {}\n");
      expect(() => primeLoaderCache({}, {frameworkLoader: loader})).toThrow(/primed-loader-cache: Framework no longer caches/);
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });

  test("primeLoaderCache refuses a path that no loader makes, and Framework's own loader.js passes the premise check", () => {
    const dir = mkdtempSync(join(tmpdir(), "atlas-loader-"));
    try {
      const file = join(dir, "x.parquet");
      writeFileSync(file, "bytes");
      expect(() => primeLoaderCache({"data/not-a-loader-output.json": file})).toThrow(/no loader in src\/ makes data\/not-a-loader-output\.json/);
      expect(primeLoaderCache({})).toBe(0);
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
});
