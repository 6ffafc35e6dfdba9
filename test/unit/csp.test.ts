import {createHash} from "node:crypto";
import {describe, expect, it} from "vitest";
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {applyCsp, contentSecurityPolicy, headersFile, inlineSources, strictProblems, withPolicy} from "../../scripts/framework/csp.js";
import {siteHeaders} from "../../scripts/serve.js";

const sha = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

const page = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<style>:root{--a:1}</style>
<script type="module" src="./a.js"></script>
<script>{const e=1}</script>
<script type="application/json">{"not":"run"}</script>
<script type="module">import "./b.js";</script>
</head><body><p style="color:red">x</p></body></html>`;

describe("inlineSources", () => {
  it("hashes inline scripts and styles that run, not external or data blocks", () => {
    const sources = inlineSources(page);
    expect(sources.scripts).toEqual([sha("{const e=1}"), sha('import "./b.js";')].sort());
    expect(sources.styles).toEqual([sha(":root{--a:1}")]);
  });
});

describe("contentSecurityPolicy", () => {
  it("allows no inline script but the hashed ones and no eval", () => {
    const policy = contentSecurityPolicy({scripts: [sha("x")], styles: [sha("y")]});
    const script = policy.split("; ").find((d) => d.startsWith("script-src "))!;
    expect(script).toBe(`script-src 'self' 'wasm-unsafe-eval' ${sha("x")}`);
    expect(policy).not.toMatch(/'unsafe-eval'/);
    expect(policy).toContain(`style-src 'self' ${sha("y")}`);
    for (const directive of ["default-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'self'"]) expect(policy).toContain(directive);
    expect(policy).not.toContain("frame-ancestors");
    expect(contentSecurityPolicy({scripts: [], styles: []}, {header: true})).toContain("frame-ancestors 'self'");
  });
});

describe("withPolicy", () => {
  it("puts the policy right after the charset, before any script or style", () => {
    const html = withPolicy(page, "default-src 'self'");
    const meta = html.indexOf(`<meta http-equiv="Content-Security-Policy" content="default-src 'self'">`);
    expect(meta).toBeGreaterThan(html.indexOf('<meta charset="utf-8">'));
    expect(meta).toBeLessThan(html.indexOf("<style>"));
    expect(() => withPolicy(html, "x")).toThrow(/already/);
  });
});

describe("strictProblems", () => {
  it("names what a strict policy would block", () => {
    expect(strictProblems(page)).toEqual([]);
    expect(strictProblems('<button onclick="go()">')).toEqual(["inline event handler (onclick)"]);
    expect(strictProblems('<a href="javascript:void(0)">')).toEqual(["a javascript: URL"]);
    expect(strictProblems("<img src=x onerror=alert(1)>")).toEqual(["inline event handler (onerror)"]);
    // Data in text and in attribute values is not markup.
    expect(strictProblems('<p title="sold online = 5" data-x=\'a onload=b\'>javascript: is a word; online = 5</p>')).toEqual([]);
  });
});

describe("siteHeaders", () => {
  it("reads the headers a _headers file sets for every path", () => {
    const text = "/*\n  Content-Security-Policy: default-src 'self'\n  X-Content-Type-Options: nosniff\n/other\n  X-Frame-Options: DENY\n";
    expect(siteHeaders(text)).toEqual({"content-security-policy": "default-src 'self'", "x-content-type-options": "nosniff"});
  });
});

describe("headersFile(policy, framedPolicy)", () => {
  it("sends frame-ancestors 'self' everywhere but on the embed pages, which any site may frame", () => {
    const text = headersFile(contentSecurityPolicy({scripts: [], styles: []}, {header: true}), contentSecurityPolicy({scripts: [], styles: []}, {header: true, framed: true}));
    for (const path of ["/", "/funding", "/zh/funding", "/companies/zhipu", "/_import/components/duckdbWorker.1a2b3c4d.js", "/embedded", "/zh/embeds"]) {
      expect(siteHeaders(text, path)["content-security-policy"], path).toMatch(/; frame-ancestors 'self'$/);
    }
    for (const path of ["/embed/cumulative-funding", "/embed/company-timeline/zhipu.html", "/zh/embed/density"]) {
      const policy = siteHeaders(text, path)["content-security-policy"];
      expect(policy, path).toContain("connect-src 'self'");
      expect(policy, path).not.toContain("frame-ancestors");
      expect(siteHeaders(text, path)["x-content-type-options"], path).toBe("nosniff");
    }
  });

  it("reads a later rule's header in place of an earlier one's, and `! Name` detaches it", () => {
    const text = "/*\n  A: 1\n  B: 2\n/x/*\n  ! A\n/x/y\n  B: 3\n";
    expect(siteHeaders(text, "/x/z")).toEqual({b: "2"});
    expect(siteHeaders(text, "/x/y")).toEqual({b: "3"});
    expect(siteHeaders(text, "/q")).toEqual({a: "1", b: "2"});
  });
});

describe("applyCsp", () => {
  const html = (script: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"><script>${script}</script></head><body></body></html>`;

  it("writes each page's policy and the header, and stops at a second distinct inline script", () => {
    const dist = mkdtempSync(join(tmpdir(), "atlas-csp-"));
    try {
      writeFileSync(join(dist, "a.html"), html("toggle()"));
      writeFileSync(join(dist, "b.html"), html("toggle()"));
      const one = applyCsp(dist);
      expect(one.problems).toEqual([]);
      expect(readFileSync(join(dist, "a.html"), "utf8")).toContain(`script-src 'self' 'wasm-unsafe-eval' ${sha("toggle()")}`);
      expect(readFileSync(join(dist, "_headers"), "utf8")).toContain(`frame-ancestors 'self'`);
      writeFileSync(join(dist, "a.html"), html("toggle()"));
      writeFileSync(join(dist, "b.html"), html("somethingElse()"));
      expect(applyCsp(dist).problems.join("\n")).toMatch(/2 different inline scripts/);
    } finally {
      rmSync(dist, {recursive: true, force: true});
    }
  });
});
