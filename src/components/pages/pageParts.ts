/**
 * What the story pages' modules share: a filter bar whose controls start from the URL and write back to it,
 * and a table drawn from the published rows with its SQL beside it, which DuckDB-WASM runs only when the reader
 * asks ("Run in SQL"). The database module, and the engine behind it, load on that click, never with the page.
 */
import {controlBar} from "../controls.js";
import type {DataTableOptions} from "../dataTable.js";
import {documentLang, type Lang} from "../i18n.js";
import {queryTable} from "../queryTable.js";
import {inlineSql} from "../sqlText.js";
import {PARQUET} from "../tables.js";
import {paramNotice} from "../paramNotice.js";
import {bindUrl, checkParams, type Control, type Specs, type Values} from "../urlState.js";

/**
 * Controls made from the URL's values (`make`), bound to the URL, in one bar whose value is the page state.
 * The state is typed by the specs: a control offers only the values its spec accepts (a radio of "linear" and
 * "log" is a Control<string> to the type checker).
 *
 * A value the page corrected or ignored is put right in the address bar (in place: the entry is the same view,
 * so no new one) and said under the controls, in the page's language, so the link the reader copies next is the
 * view they see.
 */
export function urlFilterBar<S extends Specs>(
  specs: S,
  make: (initial: Values<S>) => {[K in keyof S]: Control<unknown>},
  {lang = documentLang(), win = window}: {lang?: Lang; win?: Window} = {}
): Control<Values<S>> {
  const {values, notices, search} = checkParams(specs, win.location.search);
  if (search !== win.location.search) win.history.replaceState(win.history.state, "", `${win.location.pathname}${search}${win.location.hash}`);
  const controls = make(values);
  bindUrl(specs, controls, win);
  const bar = controlBar<Record<keyof S, unknown>>(controls, {document: win.document});
  if (notices.length) bar.append(paramNotice(notices, {lang, document: win.document}));
  return bar as Control<Values<S>>;
}

export interface SqlBackedTableOptions {
  /** id of the region (tests and in-page links use it). */
  id: string;
  /**
   * The rows to show now: the page's published rows filtered, sorted and shaped exactly as `sql` with `params`
   * gives them (the browser tests hold one against the other).
   */
  rows: readonly Record<string, unknown>[];
  /** The same question in SQL over the published tables, with `?` for each of `params`. */
  sql: string;
  params?: unknown[];
  /** How rows are shown, given them (the page's or DuckDB's). */
  table: (rows: Record<string, unknown>[]) => DataTableOptions;
  /** Anything shown after the table (a download link). */
  after?: () => Node[];
  /** The page's language; by default its <html lang>. */
  lang?: Lang;
}

/** A story table: drawn from the page's rows at once; its SQL (values inlined) runs in DuckDB-WASM on request. */
export function sqlBackedTable({id, rows, sql, params = [], table, after, lang = documentLang()}: SqlBackedTableOptions): HTMLElement {
  return queryTable(rows, {id, sql: inlineSql(sql, params), table, after, lang, run: (text) => runInDuckDB(text, lang)});
}

/** Opens the page's database (once) and runs the reader's SQL in it. */
async function runInDuckDB(sql: string, lang: Lang) {
  const {getDatabase} = await import("../database.js");
  const db = await getDatabase(PARQUET, lang);
  return db.query(sql);
}
