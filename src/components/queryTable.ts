/**
 * A table of published rows with its question in SQL beside it. The page draws the table at once from rows it
 * already has, filtered, sorted and shaped as the query would give them, so no engine starts on its own; the
 * reader can sort and filter it, read the query, run it in DuckDB-WASM in place ("Run in SQL": the engine
 * downloads with a progress bar, then DuckDB's answer replaces the page's rows), or open it in /explore.
 *
 * The region keeps the busy-region contract (aria-busy while DuckDB works, performance marks), holds the table
 * with its row count in data-rows, and says whose rows it shows in data-source ("page" or "duckdb"), so the
 * browser tests can hold the page's rows against DuckDB's for the same state.
 */
import {errorMessage} from "./busyRegion.js";
import {dataTable, type DataTableOptions} from "./dataTable.js";
import {engineProgressBar} from "./engineProgress.js";
import {bilingual, documentLang, type Lang} from "./i18n.js";
import {exploreHref} from "./sqlLink.js";

/** What running the SQL gives back: DuckDB's rows, and how long the query took. */
export interface QueryAnswer {
  rows: Record<string, unknown>[];
  /** Milliseconds. */
  elapsed?: number;
}

export interface QueryTableOptions {
  /** id of the region (tests and in-page links use it). */
  id: string;
  /** The question the rows answer, as SQL over the published tables that runs as it is (values inlined). */
  sql: string;
  /** How rows are shown, given the rows (the page's or DuckDB's): columns, labels, caption, formats. */
  table: (rows: Record<string, unknown>[]) => DataTableOptions;
  /** Runs the SQL in DuckDB-WASM (the page passes the shared database; tests pass a stand-in). */
  run: (sql: string) => Promise<QueryAnswer>;
  /** Anything shown after the table (a download link). */
  after?: () => Node[];
  /** The explorer's address relative to the page (default "./explore", the page's own edition). */
  explore?: string;
  /** The page's language; by default its <html lang>. */
  lang?: Lang;
  document?: Document;
}

const TEXT = bilingual({
  en: {
    fromPage: "Filtered and sorted in the page from the published tables.",
    run: "Run in SQL",
    explore: "Open in /explore",
    query: "The query in SQL",
    starting: "Starting DuckDB-WASM…",
    answered: (rows: number, ms: number) => `DuckDB-WASM’s answer to the query: ${rows} row${rows === 1 ? "" : "s"} in ${ms} ms.`
  },
  zh: {
    fromPage: "表中各行由页面直接从公开的数据表中筛选、排序得出。",
    run: "用 SQL 运行",
    explore: "在“用 SQL 探索”页打开",
    query: "这张表的 SQL 查询",
    starting: "正在启动 DuckDB-WASM…",
    answered: (rows: number, ms: number) => `以下是 DuckDB-WASM 对这条查询的回答：共${rows}行，用时${ms}毫秒。`
  }
});

/** Tables whose reader asked for SQL on this page: redrawn for a new state, they ask DuckDB again at once. */
const askedForSql = new Set<string>();

export function queryTable(rows: readonly Record<string, unknown>[], options: QueryTableOptions): HTMLElement {
  const {id, sql, table: shape, run, after = () => [], explore = "./explore", document: doc = globalThis.document} = options;
  const lang = options.lang ?? documentLang(doc);
  const t = TEXT(lang);
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, ...children: (Node | string)[]): HTMLElementTagNameMap[K] => {
    const node = doc.createElement(tag);
    node.className = className;
    node.append(...children);
    return node;
  };
  const draw = (shown: readonly Record<string, unknown>[]) => {
    const records = shown as Record<string, unknown>[];
    const drawn = dataTable(records, {lang, document: doc, sortable: true, filter: true, ...shape(records)});
    drawn.dataset.rows = String(shown.length);
    return drawn;
  };

  const region = el("div", "atlas-region atlas-query-table");
  region.id = id;
  region.setAttribute("aria-busy", "false");
  region.dataset.source = "page";
  const view = el("div", "atlas-query-view", draw(rows));
  const status = el("div", "atlas-query-status", el("p", "atlas-note", t.fromPage));
  status.setAttribute("aria-live", "polite");
  const button = el("button", "atlas-run-sql", t.run);
  button.type = "button";
  const link = el("a", "atlas-explore-link", t.explore);
  // Until the compressed #sql= form is ready (a moment: compressing is asynchronous), the older ?sql= form,
  // which the explorer still opens and rewrites, so the link works from the first frame.
  link.href = `${explore}?${new URLSearchParams({sql})}`;
  exploreHref(explore, sql).then(
    (href) => (link.href = href),
    () => {}
  );
  const code = el("code", "language-sql", sql);
  const details = el("details", "atlas-query", el("summary", "", t.query), el("pre", "", code));
  region.append(view, el("div", "atlas-query-actions", button, link), status, details, ...after());

  const ask = async () => {
    region.setAttribute("aria-busy", "true");
    button.disabled = true;
    status.replaceChildren(el("p", "atlas-loading", t.starting), engineProgressBar({document: doc, lang}));
    try {
      const answer = await run(sql);
      view.replaceChildren(draw(answer.rows));
      region.dataset.source = "duckdb";
      status.replaceChildren(el("p", "atlas-note", t.answered(answer.rows.length, Math.round(answer.elapsed ?? 0))));
      askedForSql.add(id);
      if (typeof performance !== "undefined") performance.mark(`atlas:${id}:sql`);
    } catch (error) {
      status.replaceChildren(errorMessage(error, doc, lang));
      if (typeof performance !== "undefined") performance.mark(`atlas:${id}:error`);
    } finally {
      button.disabled = false;
      region.setAttribute("aria-busy", "false");
    }
  };
  button.addEventListener("click", () => void ask());
  if (askedForSql.has(id)) queueMicrotask(() => void ask());
  return region;
}
