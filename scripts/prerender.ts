/**
 * Build-time rendering of each story page's first chart (run by finalize-build): the same component, fed the
 * same published tables, rendered under jsdom at the content width and written into the page's empty slot,
 * so the chart shows as soon as the HTML does. The page's own cell replaces it with the live chart
 * (src/components/prerendered.ts). Recipes use each page's default view (no URL filters).
 */
import {readFileSync, writeFileSync} from "node:fs";
import {join, relative} from "node:path";
import {walkFiles} from "./files.js";
import {fillSlots} from "./framework/index.js";
import {JSDOM} from "jsdom";
import {decodeParquet} from "../src/components/parquet.js";

/** The width Framework gives the main column next to the sidebar on a desktop screen. */
const WIDTH = 688;

type Rows = Record<string, unknown>[];
type Tables = (name: string) => Promise<Rows>;
type Recipe = (tables: Tables, slot: Element) => Promise<Element>;

export async function prerender(dist = "dist"): Promise<string[]> {
  const dom = new JSDOM("<!doctype html><html><body></body></html>");
  const globals = globalThis as unknown as Record<string, unknown>;
  const saved = {document: globals.document, window: globals.window};
  // d3-selection creates elements through the global document.
  globals.document = dom.window.document;
  globals.window = dom.window;
  try {
    const recipes = await loadRecipes();
    const cache = new Map<string, Promise<Rows>>();
    const tables: Tables = (name) => {
      if (!cache.has(name)) {
        const bytes = readFileSync(join(dist, "downloads", `${name}.parquet`));
        cache.set(name, decodeParquet(bytes).then((t) => t.rows));
      }
      return cache.get(name)!;
    };
    const done: string[] = [];
    for (const file of walkFiles(dist)) {
      if (!file.endsWith(".html")) continue;
      const html = readFileSync(file, "utf8");
      const filled = await fillSlots(html, async (name, _attributes, tag) => {
        const recipe = recipes[name];
        if (!recipe) throw new Error(`${relative(dist, file)}: no prerender recipe for slot "${name}"`);
        const slot = JSDOM.fragment(tag).firstElementChild!;
        const figure = await recipe(tables, slot);
        done.push(`${relative(dist, file)}#${name}`);
        return figure.outerHTML;
      });
      if (filled !== html) writeFileSync(file, filled);
    }
    return done;
  } finally {
    globals.document = saved.document;
    globals.window = saved.window;
  }
}

async function loadRecipes(): Promise<Record<string, Recipe>> {
  const [{indexSources}, {fundingValuationScatter}, {cumulativeFunding}, {eventSwimlanes}, {densityChart}, {companyTimeline}] = await Promise.all([
    import("../src/components/chart.js"),
    import("../src/components/fundingValuationScatter.js"),
    import("../src/components/cumulativeFunding.js"),
    import("../src/components/eventSwimlanes.js"),
    import("../src/components/densityChart.js"),
    import("../src/components/companyTimeline.js")
  ]);
  const primary = async (tables: Tables) => (await tables("companies")).filter((d) => d.is_primary);
  const sources = async (tables: Tables) => indexSources((await tables("sources")) as never);
  return {
    "funding-valuation": async (tables) =>
      fundingValuationScatter((await primary(tables)) as never, {rounds: (await tables("funding_rounds")) as never, width: WIDTH, sources: await sources(tables)}),
    "cumulative-funding": async (tables) => {
      const companies = await primary(tables);
      const rounds = await tables("funding_rounds");
      const companyIds = companies.filter((c) => rounds.some((r) => r.company_id === c.company_id)).map((c) => c.company_id as string);
      return cumulativeFunding(rounds as never, {companies: companies as never, width: WIDTH, scale: "linear", companyIds, sources: await sources(tables)});
    },
    "event-swimlanes": async (tables) => {
      const companies = await primary(tables);
      return eventSwimlanes((await tables("events")) as never, {companies: companies as never, width: WIDTH, companyIds: [...companies.map((c) => c.company_id as string), "industry"], sources: await sources(tables)});
    },
    density: async (tables) => {
      const points = await tables("density_points");
      const dates = points.map((d) => (d.release_date as Date).getTime());
      const range: [Date, Date] = [new Date(Math.min(...dates)), new Date(Math.max(...dates))];
      return densityChart(points as never, {width: WIDTH, window: range, recordsOnly: true, referenceMonths: [3.3, 3.5, 8], sources: await sources(tables), companies: (await primary(tables)) as never});
    },
    "company-timeline": async (tables, slot) => {
      const id = slot.getAttribute("data-company");
      const company = (await primary(tables)).find((c) => c.company_id === id);
      if (!company) throw new Error(`company-timeline: unknown data-company ${JSON.stringify(id)}`);
      const mine = async (name: string) => (await tables(name)).filter((d) => d.company_id === id);
      return companyTimeline({company: company as never, rounds: (await mine("funding_rounds")) as never, models: (await mine("models")) as never, events: (await mine("events")) as never, width: WIDTH, sources: await sources(tables)});
    }
  };
}

