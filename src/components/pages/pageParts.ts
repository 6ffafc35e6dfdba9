/**
 * What the story pages' modules share: a filter bar whose controls start from the URL and write back to it,
 * and a table that DuckDB-WASM answers in a region marked busy until it is filled (the reader's loading state,
 * and the signal the browser tests wait on).
 */
import {busyRegion, fillRegion} from "../busyRegion.js";
import {controlBar} from "../controls.js";
import {getDatabase} from "../database.js";
import {dataTable, type DataTableOptions} from "../dataTable.js";
import {bilingual, documentLang, type Lang} from "../i18n.js";
import {PARQUET} from "../tables.js";
import {bindUrl, readParams, type Control, type Specs, type Values} from "../urlState.js";

/**
 * Controls made from the URL's values (`make`), bound to the URL, in one bar whose value is the page state.
 * The state is typed by the specs: a control offers only the values its spec accepts (a radio of "linear" and
 * "log" is a Control<string> to the type checker).
 */
export function urlFilterBar<S extends Specs>(specs: S, make: (initial: Values<S>) => {[K in keyof S]: Control<unknown>}): Control<Values<S>> {
  const controls = make(readParams(specs, location.search));
  bindUrl(specs, controls);
  return controlBar<Record<keyof S, unknown>>(controls) as Control<Values<S>>;
}

const TEXT = bilingual({
  en: {starting: "Starting DuckDB-WASM…"},
  zh: {starting: "正在启动 DuckDB-WASM…"}
});

export interface SqlTableOptions {
  /** id of the region (tests and in-page links use it). */
  id: string;
  sql: string;
  params?: unknown[];
  /** How the result is shown, given its rows. */
  table: (rows: Record<string, unknown>[]) => DataTableOptions;
  /** Anything shown after the table (a download link). */
  after?: () => Node[];
  /** The page's language (the waiting message, the table's and the error's own words); by default its <html lang>. */
  lang?: Lang;
}

/** A table DuckDB-WASM answers; the region says it is starting, then holds the table with its row count. */
export function sqlTable({id, sql, params = [], table: options, after = () => [], lang = documentLang()}: SqlTableOptions): HTMLElement {
  const region = busyRegion(TEXT(lang).starting, {id});
  fillRegion(region, async () => {
    const db = await getDatabase(PARQUET);
    const result = await db.query(sql, params);
    const table = dataTable(result.rows, {lang, ...options(result.rows)});
    table.dataset.rows = String(result.rows.length);
    return [table, ...after()];
  }, lang);
  return region;
}
