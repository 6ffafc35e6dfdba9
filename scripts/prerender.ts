/**
 * Build-time rendering of each story page's first chart (run by finalize-build): the same component, fed the
 * same published tables, rendered under jsdom at the content width and written into the page's empty slot,
 * so the chart shows as soon as the HTML does. The page's own cell replaces it with the live chart
 * (src/components/prerendered.ts). Recipes are the pages' own view definitions (one module per page in
 * src/components/views/, gathered by views/all.ts) in their default state (no URL filters). A page's filter bar
 * above its first chart (slot `<page>-filters`) is drawn the same way, from the page module's own function.
 */
import {readFileSync, writeFileSync} from "node:fs";
import {register} from "node:module";
import {join, relative} from "node:path";
import {walkFiles} from "./files.js";
import {fillSlots} from "./framework/index.js";
import {JSDOM} from "jsdom";
import {decodeParquet} from "../src/components/parquet.js";
import {langOfTag, type Lang} from "../src/components/i18n.js";

/** The width Framework gives the main column next to the sidebar on a desktop screen. */
const WIDTH = 688;

type Rows = Record<string, unknown>[];
/** A published table's rows by its name, as decoded from its Parquet file. */
export type Tables = (name: string) => Promise<Rows>;
type Recipe = (tables: Tables, slot: Element, lang: Lang, width: number) => Promise<Element>;

/** Fills the build-time charts and values of every page in `dist`, drawn from `tables` (the site's own by default). */
export async function prerender(dist = "dist", tables: Tables = tableReader(dist)): Promise<string[]> {
  return withChartDom(async () => {
    const render = await chartRenderer(dist, tables);
    const values = await inlineRenderer(dist, tables);
    const done: string[] = [];
    for (const file of walkFiles(dist)) {
      if (!file.endsWith(".html")) continue;
      const html = readFileSync(file, "utf8");
      // The page's own language (set by the template patches before this runs): a Chinese page gets Chinese charts.
      const lang = langOfTag(/<html\b[^>]*\slang="([^"]*)"/i.exec(html)?.[1]);
      // Some phrases take their language from the document (documentLang), as in the browser from <html lang>.
      document.documentElement.setAttribute("lang", lang === "zh" ? "zh-CN" : "en");
      let filled = await fillSlots(html, async (name, _attributes, tag) => {
        const figure = await render(name, tag, lang, WIDTH, relative(dist, file));
        done.push(`${relative(dist, file)}#${name}`);
        return figure.outerHTML;
      });
      filled = fillInlineValues(filled, await values(filled, lang, relative(dist, file)));
      const left = [...filled.matchAll(PLACEHOLDER)].map((m) => m[1]);
      if (left.length && STORY_PAGES[storyPage(relative(dist, file))]) {
        throw new Error(`${relative(dist, file)}: inline cells ${left.join(", ")} have no build-time value (they read something the build does not give them); the live page would move when they fill in`);
      }
      if (filled !== html) writeFileSync(file, filled);
    }
    return done;
  });
}

/**
 * The values a story page's prose quotes (`${f.raised}` in its Markdown), as the page first shows them: each inline
 * cell of the page's module is run at build time against the names its import cell binds, its tables and its
 * default state, and the text it would display goes into its placeholder. The page's runtime removes a placeholder when the
 * cell first displays (Framework's `<observablehq-loading>` before the cell's `<!--:id:-->`), so the same text
 * takes its place and nothing moves. A cell that reads anything else (a chart's width) would keep its placeholder,
 * which fails the build on a story page.
 */
export type InlineRenderer = (html: string, lang: Lang, page: string) => Promise<Map<string, string>>;

/** A page module of src/components/pages/, as the build reads it. */
type PageModule = Record<string, unknown> & {TABLES: readonly string[]};
type PageFunction = (...args: unknown[]) => unknown;

/**
 * The story pages the build runs code of, by built file (either edition): their module, the filter bar drawn above
 * their first chart (slot `<name>-filters`) and the findings their prose quotes, as each page's Markdown computes
 * them (`const f = fundingFindings(data, filters)`; the browser tests compare the results cell by cell).
 */
const STORY_PAGES: Record<string, {name: string; load: () => Promise<PageModule>; filters?: string; findings: (m: PageModule, data: unknown, filters: unknown) => unknown}> = {
  "index.html": {name: "overview", load: () => import("../src/components/pages/overview.js"), findings: (m, data) => call(m, "overviewFindings", data)},
  "funding.html": {
    name: "funding",
    load: () => import("../src/components/pages/funding.js"),
    filters: "fundingFilters",
    findings: (m, data, filters) => call(m, "fundingFindings", data, filters)
  },
  "pivots.html": {name: "pivots", load: () => import("../src/components/pages/pivots.js"), filters: "pivotsFilters", findings: (m, data) => call(m, "pivotsFindings", data)},
  "density.html": {name: "density", load: () => import("../src/components/pages/density.js"), filters: "densityFilters", findings: (m, data) => call(m, "densityFindings", data)}
};

function call(m: PageModule, name: string, ...args: unknown[]): unknown {
  return (m[name] as PageFunction)(...args);
}

/** A built file's page in the English edition's terms ("zh/funding.html" → "funding.html"). */
function storyPage(file: string): string {
  return file.replace(/\\/g, "/").replace(/^zh\//, "");
}

export async function inlineRenderer(dist: string, tables = tableReader(dist)): Promise<InlineRenderer> {
  const {loadStoryData} = await import("../src/components/views.js");
  const {escapeHtml} = await import("./framework/edition.js");
  registerStdlib();
  const markup = (value: unknown): string => {
    if (value && typeof value === "object" && "nodeType" in value) {
      const node = value as Node;
      if (node.nodeType === 3) return escapeHtml(node.textContent ?? "");
      if (node.nodeType === 11) return [...node.childNodes].map(markup).join("");
      return (node as Element).outerHTML;
    }
    if (typeof value !== "string" && value && typeof value === "object" && Symbol.iterator in value) return [...(value as Iterable<unknown>)].map(markup).join("");
    return escapeHtml(String(value));
  };
  return async (html, lang, page) => {
    const values = new Map<string, string>();
    const story = STORY_PAGES[storyPage(page)];
    if (!story) return values;
    const module = /<script type="module">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? "";
    const imported = new RegExp(`const \\{([^}]*)\\} = await import\\("[./]*/_import/components/pages/${story.name}\\.[0-9a-f]{8}\\.js"\\)`).exec(module);
    if (!imported) throw new Error(`${page}: no import of components/pages/${story.name}.js in its module; re-verify inlineRenderer in scripts/prerender.ts`);
    const m = await story.load();
    const data = await loadStoryData(m.TABLES as never, tables, lang);
    // Only what the page's cells can see: the names its import cell binds (`fundingViews: views`), its data and the
    // state they start from (a filter bar's value is its default state).
    const filters = story.filters ? (call(m, story.filters, data) as {value: unknown}).value : undefined;
    const env: Record<string, unknown> = {data, ...(story.filters ? {filters} : {}), f: story.findings(m, data, filters)};
    for (const name of imported[1].split(",").map((s) => s.trim()).filter(Boolean)) {
      const [exported, local = exported] = name.split(/\s*:\s*/);
      env[local] = m[exported];
    }
    for (const [, cell] of module.matchAll(/^define\((\{id: "[0-9a-f]{8}(?:-\d+)?", mode: "inline",[\s\S]*?\}\})\);$/gm)) {
      // Build-time code, Framework's own output for this page: its cells are functions of their inputs.
      const {id, inputs, body} = new Function(`return (${cell});`)() as {id: string; inputs: string[]; body: (...args: unknown[]) => Promise<void>};
      if (!inputs.every((input) => input === "display" || input in env)) continue;
      const shown: unknown[] = [];
      const display = (value: unknown) => void shown.push(value);
      try {
        await body(...inputs.map((input) => (input === "display" ? display : env[input])));
      } catch (error) {
        throw new Error(`${page}: inline cell ${id} failed at build time: ${(error as Error).message}`);
      }
      values.set(id, shown.map(markup).join(""));
    }
    return values;
  };
}

/** An inline cell's empty placeholder, as Framework writes it, and the cell's id. */
const PLACEHOLDER = /<observablehq-loading><\/observablehq-loading><!--:([0-9a-f]{8}(?:-\d+)?):-->/g;

/** Puts each value into its cell's placeholder; splices by index (data text may hold `$&`). */
export function fillInlineValues(html: string, values: Map<string, string>): string {
  if (!values.size) return html;
  const parts: string[] = [];
  let end = 0;
  for (const match of html.matchAll(PLACEHOLDER)) {
    const value = values.get(match[1]);
    if (value === undefined) continue;
    parts.push(html.slice(end, match.index), `<observablehq-loading class="atlas-prerendered">${value}</observablehq-loading><!--:${match[1]}:-->`);
    end = match.index + match[0].length;
  }
  parts.push(html.slice(end));
  return parts.join("");
}

/**
 * Runs `work` with a jsdom document and window as globals (d3-selection creates elements through the global
 * document; the chart download's serializer is the window's), and puts the previous globals back after it.
 */
export async function withChartDom<T>(work: () => Promise<T>): Promise<T> {
  const dom = new JSDOM("<!doctype html><html><body></body></html>");
  const globals = globalThis as unknown as Record<string, unknown>;
  const names = ["document", "window", "location", "XMLSerializer", "DOMParser"] as const;
  const saved = names.map((name) => globals[name]);
  globals.document = dom.window.document;
  globals.window = dom.window;
  // A filter bar starts from the URL's values: at build time there are none, so it is drawn in its defaults.
  globals.location = dom.window.location;
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
export async function chartRenderer(dist: string, tables = tableReader(dist)): Promise<ChartRenderer> {
  const recipes = await loadRecipes();
  return async (name, slotTag, lang, width, page = "page") => {
    const recipe = recipes[name];
    if (!recipe) throw new Error(`${page}: no prerender recipe for slot "${name}"`);
    const slot = JSDOM.fragment(slotTag).firstElementChild!;
    return recipe(tables, slot, lang, width);
  };
}

/** The published tables in `dist`, each read once. */
function tableReader(dist: string): Tables {
  const cache = new Map<string, Promise<Rows>>();
  return (name) => {
    if (!cache.has(name)) {
      const bytes = readFileSync(join(dist, "downloads", `${name}.parquet`));
      cache.set(name, decodeParquet(bytes).then((t) => t.rows));
    }
    return cache.get(name)!;
  };
}

/**
 * A recipe per slot name: the view of that name in src/components/views/all.ts (the definition the page's live
 * cell uses), with its tables read from dist/ and its default state (no URL filters).
 */
async function loadRecipes(): Promise<Record<string, Recipe>> {
  // Imported here, after the jsdom globals exist, because d3 and the components read them when they load.
  const [{VIEWS}, {loadStoryData}] = await Promise.all([import("../src/components/views/all.js"), import("../src/components/views.js")]);
  const recipes: Record<string, Recipe> = Object.fromEntries(
    Object.entries(VIEWS).map(([name, view]): [string, Recipe] => [
      name,
      async (tables, slot, lang, width) => {
        const data = await loadStoryData(view.tables, tables, lang);
        return (view.render as (d: unknown, s: unknown, w: number, e?: Element) => Element)(data, (view.defaults as (d: unknown) => unknown)(data), width, slot);
      }
    ])
  );
  // /explore's editor, examples and starting status: the same component the live page draws, started on nothing.
  const [{explorer}, {EXAMPLE_QUERIES}] = await Promise.all([import("../src/components/explorer.js"), import("../src/lib/exampleQueries.js")]);
  if (recipes.explorer) throw new Error(`prerender: a view is named "explorer", the name of /explore's slot`);
  recipes.explorer = async (_tables, _slot, lang) =>
    withStateAsAttributes(explorer({
      database: () => Promise.reject(new Error("the build starts no engine")),
      examples: EXAMPLE_QUERIES,
      lang,
      shell: true,
      win: window
    }));
  registerStdlib();
  for (const {name, load, filters} of Object.values(STORY_PAGES)) {
    if (!filters) continue;
    if (recipes[`${name}-filters`]) throw new Error(`prerender: a view is named "${name}-filters", the name of ${name}'s filter bar slot`);
    recipes[`${name}-filters`] = async (tables, _slot, lang) => {
      const m = await load();
      const bar = withStateAsAttributes(call(m, filters, await loadStoryData(m.TABLES as never, tables, lang)) as Element);
      // Until the live bar replaces it, the built one is a picture of the choices: not clickable, not focusable.
      bar.setAttribute("inert", "");
      return bar;
    };
  }
  return recipes;
}

/**
 * The page modules name their tables through Framework's FileAttachment (src/components/tables.ts); what the build
 * runs of them reads none, so at build time a name is all a FileAttachment needs to give.
 */
let stdlibRegistered = false;
function registerStdlib(): void {
  if (!stdlibRegistered) register(`data:text/javascript,${encodeURIComponent(STDLIB_HOOK)}`);
  stdlibRegistered = true;
}

/**
 * A form's state lives in properties (`checked`, `value`), which markup does not carry: written as attributes, the
 * built filter bar shows the choices the live one starts from.
 */
export function withStateAsAttributes(form: Element): Element {
  for (const input of form.querySelectorAll("input")) {
    if (input.type === "checkbox" || input.type === "radio") input.toggleAttribute("checked", input.checked);
    else input.setAttribute("value", input.value);
  }
  for (const option of form.querySelectorAll("option")) option.toggleAttribute("selected", option.selected);
  return form;
}

/** Resolves `observablehq:stdlib` (Framework's, in the browser) to a FileAttachment that only knows its name. */
const STDLIB_HOOK = `
export async function resolve(specifier, context, next) {
  if (specifier !== "observablehq:stdlib") return next(specifier, context);
  return {shortCircuit: true, url: "data:text/javascript," + encodeURIComponent("export const FileAttachment = (name) => ({href: name});")};
}`;
