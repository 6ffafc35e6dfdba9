/**
 * Build-time rendering of each story page's first chart (run by finalize-build): the same component, fed the
 * same published tables, rendered under jsdom at the content width and written into the page's empty slot,
 * so the chart shows as soon as the HTML does. The page's own cell replaces it with the live chart
 * (src/components/prerendered.ts). Recipes are the pages' own view definitions (one module per page in
 * src/components/views/, gathered by views/all.ts) in their default state (no URL filters).
 */
import {readFileSync, writeFileSync} from "node:fs";
import {join, relative} from "node:path";
import {walkFiles} from "./files.js";
import {fillSlots} from "./framework/index.js";
import {JSDOM} from "jsdom";
import {decodeParquet} from "../src/components/parquet.js";
import {langOfTag, type Lang} from "../src/components/i18n.js";

/** The width Framework gives the main column next to the sidebar on a desktop screen. */
const WIDTH = 688;

type Rows = Record<string, unknown>[];
type Tables = (name: string) => Promise<Rows>;
type Recipe = (tables: Tables, slot: Element, lang: Lang, width: number) => Promise<Element>;

export async function prerender(dist = "dist"): Promise<string[]> {
  return withChartDom(async () => {
    const render = await chartRenderer(dist);
    const done: string[] = [];
    for (const file of walkFiles(dist)) {
      if (!file.endsWith(".html")) continue;
      const html = readFileSync(file, "utf8");
      // The page's own language (set by the template patches before this runs): a Chinese page gets Chinese charts.
      const lang = langOfTag(/<html\b[^>]*\slang="([^"]*)"/i.exec(html)?.[1]);
      const filled = await fillSlots(html, async (name, _attributes, tag) => {
        const figure = await render(name, tag, lang, WIDTH, relative(dist, file));
        done.push(`${relative(dist, file)}#${name}`);
        return figure.outerHTML;
      });
      if (filled !== html) writeFileSync(file, filled);
    }
    return done;
  });
}

/**
 * Runs `work` with a jsdom document and window as globals (d3-selection creates elements through the global
 * document; the chart download's serializer is the window's), and puts the previous globals back after it.
 */
export async function withChartDom<T>(work: () => Promise<T>): Promise<T> {
  const dom = new JSDOM("<!doctype html><html><body></body></html>");
  const globals = globalThis as unknown as Record<string, unknown>;
  const names = ["document", "window", "XMLSerializer", "DOMParser"] as const;
  const saved = names.map((name) => globals[name]);
  globals.document = dom.window.document;
  globals.window = dom.window;
  globals.XMLSerializer = dom.window.XMLSerializer;
  globals.DOMParser = dom.window.DOMParser;
  try {
    return await work();
  } finally {
    names.forEach((name, i) => (globals[name] = saved[i]));
  }
}

/** Renders slot `name` (its empty tag `slotTag`, whose data-* attributes some views read) in `lang` at `width`. */
export type ChartRenderer = (name: string, slotTag: string, lang: Lang, width: number, page?: string) => Promise<Element>;

/** A renderer over the published tables in `dist` (each read once); call inside `withChartDom`. */
export async function chartRenderer(dist: string): Promise<ChartRenderer> {
  const recipes = await loadRecipes();
  const cache = new Map<string, Promise<Rows>>();
  const tables: Tables = (name) => {
    if (!cache.has(name)) {
      const bytes = readFileSync(join(dist, "downloads", `${name}.parquet`));
      cache.set(name, decodeParquet(bytes).then((t) => t.rows));
    }
    return cache.get(name)!;
  };
  return async (name, slotTag, lang, width, page = "page") => {
    const recipe = recipes[name];
    if (!recipe) throw new Error(`${page}: no prerender recipe for slot "${name}"`);
    const slot = JSDOM.fragment(slotTag).firstElementChild!;
    return recipe(tables, slot, lang, width);
  };
}

/**
 * A recipe per slot name: the view of that name in src/components/views/all.ts (the definition the page's live
 * cell uses), with its tables read from dist/ and its default state (no URL filters).
 */
async function loadRecipes(): Promise<Record<string, Recipe>> {
  // Imported here, after the jsdom globals exist, because d3 and the components read them when they load.
  const [{VIEWS}, {loadStoryData}] = await Promise.all([import("../src/components/views/all.js"), import("../src/components/views.js")]);
  return Object.fromEntries(
    Object.entries(VIEWS).map(([name, view]): [string, Recipe] => [
      name,
      async (tables, slot, lang, width) => {
        const data = await loadStoryData(view.tables, tables, lang);
        return (view.render as (d: unknown, s: unknown, w: number, e?: Element) => Element)(data, (view.defaults as (d: unknown) => unknown)(data), width, slot);
      }
    ])
  );
}
