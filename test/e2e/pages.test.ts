/**
 * Every built page, in a real browser: it loads, its cells settle, and it logs no console error, makes no
 * failed request (a 404 included) and sends nothing to a host other than the local server. Its head has what
 * browsers, search engines and link previews look for: the site's icon (answered 200, as is /favicon.ico), a
 * viewport that lets readers zoom, a description in the page's language, and a card whose image is a PNG of
 * the size it claims. At a phone's width every link, button and input is at least 24 px, or 24 px apart
 * (axe's target-size rule, which axe leaves off by default).
 */
import {readFileSync} from "node:fs";
import type {APIRequestContext, Page} from "playwright-core";
import {describe, expect, test} from "vitest";
import {builtRoutes, isEmbedRoute, openPage, waitForCells, useSite} from "./browser.js";
import {cjkShare} from "../unit/zhChartText.js";

const site = useSite();
const axeSource = readFileSync("node_modules/axe-core/axe.min.js", "utf8");

/** A head tag's attribute ("" when the tag is missing). */
async function headAttr(page: Page, selector: string, attr = "content"): Promise<string> {
  return page.evaluate(([sel, name]) => document.head.querySelector(sel)?.getAttribute(name) ?? "", [selector, attr] as const);
}

/** A PNG's width and height from its IHDR chunk; throws when the bytes are not a PNG. */
function pngSize(bytes: Buffer): {width: number; height: number} {
  if (bytes.subarray(0, 8).toString("latin1") !== "\x89PNG\r\n\x1a\n") throw new Error("not a PNG");
  return {width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20)};
}

/**
 * `url` as the local server serves it: a page's absolute URLs name the site's public address (SITE_URL, read back
 * from its canonical link) when the build had one.
 */
async function local(page: Page, url: string, route: string): Promise<string> {
  const canonical = await headAttr(page, 'link[rel="canonical"]', "href");
  const siteUrl = canonical ? canonical.slice(0, canonical.length - route.length) : "";
  if (siteUrl && url.startsWith(siteUrl)) return site.server.url + url.slice(siteUrl.length);
  return new URL(url, page.url()).href;
}

async function get(request: APIRequestContext, url: string): Promise<{status: number; type: string; body: Buffer}> {
  const response = await request.get(url);
  return {status: response.status(), type: response.headers()["content-type"] ?? "", body: await response.body()};
}

describe("every built page", () => {
  // The embed pages are loaded and checked the same way, in one loop, by embed.test.ts (browser.ts, isEmbedRoute).
  const routes = builtRoutes().filter((route) => !isEmbedRoute(route));

  test("the build has pages", () => {
    expect(routes).toContain("");
    expect(builtRoutes().filter(isEmbedRoute).length, "embed pages, checked by embed.test.ts").toBeGreaterThan(0);
  });

  test.each(routes)("/%s loads cleanly with no request leaving localhost", async (route) => {
    const {page, context, problems} = await openPage(site.browser, new URL(site.server.url).origin);
    try {
      const response = await page.goto(site.server.url + route);
      expect(response?.status()).toBe(200);
      await waitForCells(page);
      // Give late requests (fonts, lazy cells) a moment to start before judging.
      await page.waitForLoadState("networkidle");
      expect(await page.locator(".observablehq--error").count(), "cells in error").toBe(0);
      expect(problems.foreignRequests, "requests to other hosts").toEqual([]);
      expect(problems.failedRequests, "failed requests").toEqual([]);
      expect(problems.consoleErrors, "console errors").toEqual([]);
      await expectHead(page, route, context.request);
      await expectTargetSize(page, route);
    } finally {
      await context.close();
    }
  });

  test("/favicon.ico is answered at the site's root, where browsers ask for it", async () => {
    const {context} = await openPage(site.browser, new URL(site.server.url).origin);
    try {
      const ico = await get(context.request, `${site.server.url}favicon.ico`);
      expect(ico.status).toBe(200);
      // An ICO directory of one or more images.
      expect(ico.body.readUInt16LE(0)).toBe(0);
      expect(ico.body.readUInt16LE(2)).toBe(1);
      expect(ico.body.readUInt16LE(4)).toBeGreaterThan(0);
      expect((await get(context.request, `${site.server.url}apple-touch-icon.png`)).status).toBe(200);
    } finally {
      await context.close();
    }
  });
});

/** What the page's head tells browsers, search engines and link previews. */
async function expectHead(page: Page, route: string, request: APIRequestContext): Promise<void> {
  const lang = route === "zh/" || route.startsWith("zh/") ? "zh" : "en";
  // Zoom: no maximum-scale or user-scalable=no.
  expect(await headAttr(page, 'meta[name="viewport"]')).toBe("width=device-width, initial-scale=1");

  const description = await headAttr(page, 'meta[name="description"]');
  expect(description, "meta description").not.toBe("");
  if (lang === "zh") {
    expect(description.match(/\p{Script=Han}/gu)!.length, description).toBeLessThanOrEqual(80);
    expect(cjkShare(description), description).toBeGreaterThanOrEqual(0.6);
  } else {
    expect([...description].length, description).toBeLessThanOrEqual(160);
    expect(cjkShare(description), description).toBeLessThanOrEqual(0.3);
  }
  expect(await headAttr(page, 'meta[property="og:description"]')).toBe(description);

  const icons = await page.evaluate(() => Array.from(document.head.querySelectorAll('link[rel="icon"], link[rel="apple-touch-icon"]'), (l) => (l as HTMLLinkElement).href));
  expect(icons.length).toBe(3);
  for (const href of icons) {
    const icon = await get(request, href);
    expect(icon.status, href).toBe(200);
    expect(icon.type, href).toMatch(/^image\/(svg\+xml|png|x-icon|vnd\.microsoft\.icon)|application\/octet-stream/);
  }

  expect(await headAttr(page, 'meta[property="og:title"]')).not.toBe("");
  expect(await headAttr(page, 'meta[property="og:locale"]')).toBe(lang === "zh" ? "zh_CN" : "en_US");
  expect(await headAttr(page, 'meta[name="twitter:card"]')).toBe("summary_large_image");
  const image = await headAttr(page, 'meta[property="og:image"]');
  expect(await headAttr(page, 'meta[name="twitter:image"]')).toBe(image);
  expect(await headAttr(page, 'meta[property="og:image:alt"]')).not.toBe("");
  const card = await get(request, await local(page, image, route));
  expect(card.status, image).toBe(200);
  expect(pngSize(card.body)).toEqual({
    width: Number(await headAttr(page, 'meta[property="og:image:width"]')),
    height: Number(await headAttr(page, 'meta[property="og:image:height"]'))
  });
  expect(pngSize(card.body)).toEqual({width: 1200, height: 630});
}

/** axe's target-size rule (off by default in axe 4.14) at a phone's width, where controls crowd most. */
async function expectTargetSize(page: Page, route: string): Promise<void> {
  await page.setViewportSize({width: 412, height: 823});
  await waitForCells(page);
  // Evaluated through DevTools, not as an inline <script>: the pages' Content-Security-Policy refuses inline scripts.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    type Result = {violations: {id: string; nodes: {target: string[]; any: {message: string}[]}[]}[]};
    const axe = (window as unknown as {axe: {run: (c: unknown, o: unknown) => Promise<Result>}}).axe;
    const result = await axe.run(document, {runOnly: ["target-size"], resultTypes: ["violations"]});
    return result.violations.flatMap((v) => v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")}: ${n.any[0]?.message ?? ""}`));
  });
  expect(violations, `/${route}`).toEqual([]);
}
