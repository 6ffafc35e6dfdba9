/**
 * A page's module graph holds only the charts it draws. Framework lists a built page's modules (the whole
 * static import graph of its cells) as modulepreloads, and the page's script imports them by the same hashed
 * paths: the chart components named there are the ones a reader downloads before the page is idle. Each story
 * page of both editions must name exactly the charts it draws; /data and /explore draw none. A page that
 * reached src/components/views/all.ts (every view by name, for the build) would name all fourteen.
 */
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {builtRoutes} from "./browser.js";

/** Every chart component a view draws (the modules src/components/views/*.ts import), by module name. */
const CHARTS = [
  "claimsPanel",
  "companyTimeline",
  "courseGrid",
  "cumulativeFunding",
  "densityChart",
  "deviceProjection",
  "eventSwimlanes",
  "fundingValuationScatter",
  "investorNetwork",
  "modelScatter",
  "priceChart",
  "revenueFunding",
  "timelineStrip",
  "valuationChart"
];

/** The charts each page draws, by its English route (the Chinese twin under zh/ draws the same). */
const DRAWS: [RegExp, string[]][] = [
  [/^$/, ["courseGrid", "fundingValuationScatter", "revenueFunding", "timelineStrip"]],
  [/^funding$/, ["cumulativeFunding", "investorNetwork", "valuationChart"]],
  [/^pivots$/, ["eventSwimlanes", "modelScatter"]],
  [/^density$/, ["claimsPanel", "densityChart", "deviceProjection", "priceChart"]],
  [/^companies\/[^/]+$/, ["companyTimeline"]],
  [/^(data|explore)$/, []],
  // An embed page imports the views of its chart's story page (src/components/views/<page>.ts): that page's charts.
  [/^embed\/(funding-valuation|revenue-funding|course-grid|timeline-strip)$/, ["courseGrid", "fundingValuationScatter", "revenueFunding", "timelineStrip"]],
  [/^embed\/(cumulative-funding|valuation-chart|investor-network)$/, ["cumulativeFunding", "investorNetwork", "valuationChart"]],
  [/^embed\/(event-swimlanes|model-scatter|minicpm-scatter)$/, ["eventSwimlanes", "modelScatter"]],
  [/^embed\/(density|claims|device-projection|price-chart)$/, ["claimsPanel", "densityChart", "deviceProjection", "priceChart"]],
  [/^embed\/company-timeline\/[^/]+$/, ["companyTimeline"]]
];

/** Notebooks are the reader's own pages: they import whichever components their cells use. */
const NOTEBOOK = /^notebooks\//;

const routes = builtRoutes();
const english = (route: string) => route.replace(/^zh\//, "");
const pageFile = (route: string) => join("dist", route === "" || route.endsWith("/") ? `${route}index.html` : `${route}.html`);

/** The site's modules (`_import/…`, hash and extension dropped) that a built page names. */
function pageModules(route: string): Set<string> {
  const html = readFileSync(pageFile(route), "utf8");
  return new Set(Array.from(html.matchAll(/_import\/([\w/[\]-]+)\.[0-9a-f]{8}\.js/g), (m) => m[1]));
}

function chartsOf(route: string): string[] {
  const modules = pageModules(route);
  return CHARTS.filter((name) => modules.has(`components/${name}`));
}

describe("each page's modules hold only the charts it draws", () => {
  test("the list of charts is every component the views import", () => {
    const dir = "src/components/views";
    const imported = readdirSync(dir)
      .filter((file) => file.endsWith(".ts") && file !== "all.ts")
      .flatMap((file) => Array.from(readFileSync(join(dir, file), "utf8").matchAll(/from "\.\.\/(\w+)\.js"/g), (m) => m[1]))
      .filter((name) => name !== "views");
    expect([...new Set(imported)].sort()).toEqual(CHARTS);
  });

  test("every built page is listed here, in both editions", () => {
    expect(routes).toEqual(expect.arrayContaining(["", "funding", "pivots", "density", "companies/zhipu", "data", "explore", "zh/", "zh/funding", "zh/density"]));
    const unlisted = routes.filter((r) => !NOTEBOOK.test(english(r)) && !DRAWS.some(([route]) => route.test(english(r))));
    expect(unlisted).toEqual([]);
  });

  test.each(routes.filter((r) => !NOTEBOOK.test(english(r))))("/%s names exactly the charts it draws", (route) => {
    const modules = pageModules(route);
    // The page's own modules are named at all: an empty list would pass any check below.
    expect([...modules].some((m) => m.startsWith("components/")), "modules named by the page").toBe(true);
    expect(modules.has("components/views/all"), "the build's list of every view").toBe(false);
    const [, draws] = DRAWS.find(([pattern]) => pattern.test(english(route)))!;
    expect(chartsOf(route)).toEqual(draws);
  });
});
