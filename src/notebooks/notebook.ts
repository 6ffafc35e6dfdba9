/**
 * Small helpers the notebooks share, and the `Inputs` they import: @observablehq/inputs from node_modules, with
 * its stylesheet linked (Framework adds it by itself only for its CDN copy), and with `table` drawn by the atlas's
 * own table component. Framework displays each ```sql``` block with `Inputs.table`; the package's table writes an
 * inline `<style>` for its column alignment, which the pages' Content-Security-Policy refuses.
 */
import * as ObservableInputs from "@observablehq/inputs";
import {busyRegion, errorMessage} from "../components/busyRegion.js";
import {arrowRows} from "../components/database.js";
import {dataTable} from "../components/dataTable.js";
import {bilingual, documentLang, type Lang} from "../components/i18n.js";

/** The helpers' own words; the notebooks of both editions (src/notebooks/, src/zh/notebooks/) share them. */
const TEXT = bilingual({
  en: {queryResult: "Query result", nothingDisclosed: "nothing disclosed"},
  zh: {queryResult: "查询结果", nothingDisclosed: "未披露金额"}
});

const INPUTS_CSS = import.meta.resolve("@observablehq/inputs/dist/index.css");

if (typeof document !== "undefined" && !document.querySelector("link[data-inputs-css]")) {
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = INPUTS_CSS;
  link.dataset.inputsCss = "";
  document.head.append(link);
}

/**
 * A query's result as the atlas's sortable table, with a CSV download. Takes what Framework passes a ```sql```
 * block's display: DuckDB's Arrow table (or plain rows); the options of Inputs.table it is given are not used.
 */
function table(data: Iterable<Record<string, unknown>> | Parameters<typeof arrowRows>[0]): HTMLElement {
  const rows = "schema" in data && "numRows" in data ? arrowRows(data) : Array.from(data as Iterable<Record<string, unknown>>);
  const lang = documentLang();
  const result = dataTable(rows, {nullText: "NULL", caption: TEXT(lang).queryResult, download: "six-tigers-atlas-query.csv", lang});
  // Its headers are the query's column names (SQL), not words of the page: the Chinese edition keeps them.
  result.classList.add("atlas-sql-result");
  return result;
}

export const Inputs = {...ObservableInputs, table};

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
