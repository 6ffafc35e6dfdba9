/**
 * Every built page, in a real browser: it loads, its cells settle, and it logs no console error, makes no
 * failed request and sends nothing to a host other than the local server.
 */
import {describe, expect, test} from "vitest";
import {builtRoutes, openPage, waitForCells, useSite} from "./browser.js";

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
