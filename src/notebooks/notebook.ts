/**
 * Small helpers the notebooks share. Importing this module also links the stylesheet of
 * @observablehq/inputs from node_modules: Framework adds it by itself only for its CDN copy of Inputs, and
 * ```sql``` blocks display their results with Inputs.table.
 */
import {busyRegion, errorMessage} from "../components/busyRegion.js";
import {bilingual, documentLang, type Lang} from "../components/i18n.js";

/** The helpers' own words; the notebooks of both editions (src/notebooks/, src/zh/notebooks/) share them. */
const TEXT = bilingual({
  en: {queryResult: "Query result", nothingDisclosed: "nothing disclosed"},
  zh: {queryResult: "查询结果", nothingDisclosed: "未披露金额"}
});

const INPUTS_CSS = import.meta.resolve("@observablehq/inputs/dist/index.css");

// Framework's own copy of these rules uses the theme's colours; the package's has white headers and grey
// rules, and menus take the browser's grey, unreadable in the dark theme. And Inputs.table squeezes tables of fewer than 12 columns into the
// page width, truncating every cell: let them keep their natural width and scroll sideways instead.
const TABLE_CSS = `
form.inputs-3a86ea-table > table { table-layout: auto !important; }
.inputs-3a86ea-table thead th { background: var(--theme-background); }
.inputs-3a86ea select { background: var(--theme-background-alt); }
.inputs-3a86ea-table tr:not(:last-child) td, .inputs-3a86ea-table tr:not(:last-child) th { border-bottom-color: var(--theme-foreground-faintest); }
.inputs-3a86ea-table thead tr td, .inputs-3a86ea-table thead tr th { border-bottom-color: var(--theme-foreground-fainter); }
`;

if (typeof document !== "undefined" && !document.querySelector("link[data-inputs-css]")) {
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = INPUTS_CSS;
  link.dataset.inputsCss = "";
  const style = document.createElement("style");
  style.textContent = TABLE_CSS;
  document.head.append(link, style);
  // A result table scrolls, so keyboard users must be able to reach it: make each one a focusable, named region.
  new MutationObserver(() => {
    for (const form of document.querySelectorAll<HTMLFormElement>("form.inputs-3a86ea-table:not([tabindex])")) {
      form.tabIndex = 0;
      form.setAttribute("role", "region");
      form.setAttribute("aria-label", TEXT(documentLang()).queryResult);
    }
  }).observe(document.body, {childList: true, subtree: true});
}

/**
 * A visible “loading…” note for the notebook's database (aria-busy until `settle` fills it), with the engine's
 * download as a progress bar; display it, then pass it to `settle`.
 */
export function loadingNote(message: string, id?: string): HTMLElement {
  return busyRegion(message, {id, engine: true});
}

/**
 * Waits for `promise`, then replaces the note's text with `done(value)`, or with a readable error (and
 * rethrows, so the cells that depend on the value show the error too).
 */
export async function settle<T>(note: HTMLElement, promise: Promise<T>, done: (value: T) => string): Promise<T> {
  try {
    const value = await promise;
    const text = note.ownerDocument.createElement("p");
    text.className = "atlas-note";
    text.textContent = done(value);
    note.replaceChildren(text);
    return value;
  } catch (error) {
    note.replaceChildren(errorMessage(error, note.ownerDocument));
    throw error;
  } finally {
    note.setAttribute("aria-busy", "false");
  }
}

/** USD millions as a range, "$850m–$1.28bn" ("8.5亿美元–12.8亿美元"), or one figure when both ends agree. */
export function usdRange(low: number | null | undefined, high: number | null | undefined, format: (v: number) => string, lang: Lang = "en"): string {
  if (low == null || high == null) return TEXT(lang).nothingDisclosed;
  return Math.abs(high - low) < 0.5 ? format(low) : `${format(low)}–${format(high)}`;
}
