/**
 * Every built page, in a real browser: it loads, its cells settle, and it logs no console error, makes no
 * failed request and sends nothing to a host other than the local server.
 */
import {readdirSync} from "node:fs";
import {join, relative} from "node:path";
import {describe, expect, test} from "vitest";
import {openPage, waitForCells, useSite} from "./browser.js";

function builtRoutes(dir = "dist"): string[] {
  const routes: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, {withFileTypes: true})) {
      const path = join(d, entry.name);
      if (entry.isDirectory() && !entry.name.startsWith("_")) walk(path);
      else if (entry.name.endsWith(".html") && entry.name !== "404.html") {
        routes.push(relative(dir, path).replace(/(^|\/)index\.html$/, "$1").replace(/\.html$/, ""));
      }
    }
  };
  walk(dir);
  return routes.sort();
}

const site = useSite();

describe("every built page", () => {
  const routes = builtRoutes();

  test("the build has pages", () => {
    expect(routes).toContain("");
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
    } finally {
      await context.close();
    }
  });
});
