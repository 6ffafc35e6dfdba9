/**
 * Text that cannot break layout, in a real browser: a name of 2,000 characters without a space, put into the text
 * of a page's heading, prose, cards, company facts, tables, chart notes and tooltip and sidebar, wraps inside the
 * page at a phone's width instead of widening it (it once made pages 23,842 px wide). The name is written into the
 * built page rather than built from data, so one visit a page tests the styles; the charts' own SVG text is held to
 * its width under jsdom (test/unit/longNames.test.ts). The rule is also in the CSS each page inlines for its first
 * paint, so the page is right before its stylesheets load.
 */
import {describe, expect, test} from "vitest";
import {useSite} from "./browser.js";

const site = useSite();

const LONG = "X".repeat(1990) + "Holdings";

/** Selectors of text a data name can reach, on the overview and a company page. */
const TARGETS = [
  "#observablehq-main h1",
  "#observablehq-main p",
  ".card",
  ".atlas-facts dd",
  ".atlas-table td",
  ".atlas-table caption",
  ".atlas-source",
  ".atlas-chart-note",
  "#observablehq-sidebar li a",
  "#observablehq-toc a"
];

describe("a 2,000-character name without spaces", () => {
  for (const route of ["", "companies/zhipu"]) {
    test(`wraps inside /${route} at 375 px instead of widening it`, async () => {
      const {page, context} = await site.visit(route, {width: 375, height: 800});
      try {
        const critical = await page.evaluate(() => [...document.head.querySelectorAll("style")].map((s) => s.textContent).join("\n"));
        expect(critical).toMatch(/overflow-wrap:\s*anywhere/);
        const filled = await page.evaluate(
          ({targets, long}) => {
            const found: string[] = [];
            for (const selector of targets) {
              const element = document.querySelector(selector);
              if (!element) continue;
              element.append(document.createTextNode(` ${long}`));
              found.push(selector);
            }
            // A tooltip as a chart shows it on hover: in its chart, shown.
            const chart = document.querySelector(".atlas-chart");
            if (chart) {
              const tooltip = document.createElement("div");
              tooltip.className = "atlas-tooltip";
              tooltip.textContent = long;
              chart.append(tooltip);
              found.push(".atlas-tooltip");
            }
            return found;
          },
          {targets: TARGETS, long: LONG}
        );
        expect(filled.length).toBeGreaterThanOrEqual(6);
        const widths = await page.evaluate(() => ({page: document.documentElement.scrollWidth, body: document.body.scrollWidth, viewport: window.innerWidth}));
        expect(widths.page, `filled: ${filled.join(", ")}`).toBeLessThanOrEqual(widths.viewport);
        expect(widths.body).toBeLessThanOrEqual(widths.viewport);
      } finally {
        await context.close();
      }
    });
  }
});
