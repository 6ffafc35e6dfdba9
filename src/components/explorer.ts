/**
 * The SQL explorer: an editor over every published table, run with a button or Ctrl/Cmd+Enter, with
 * example questions, a schema browser, a sortable result table (the row limit is said when hit), a quick
 * chart with chosen x / y / colour, and CSV and Parquet downloads of the result. The query lives in the URL's
 * fragment, compressed (`#sql=`, see sqlLink.ts): opening such a link runs it, and back/forward walk through the
 * queries run. Older `?sql=` links still run, and the address is rewritten to the new form. Bad SQL shows DuckDB's
 * message next to the editor, a link whose query cannot be read says so there; a long query can be cancelled.
 *
 * The explorer speaks the page's language (`lang`); the SQL, the table and column names and DuckDB's own
 * messages are the same on both editions, so a #sql= link opens the same query in either.
 */
import {DatabaseError, type AtlasDatabase, type QueryResult} from "./database.js";
import {dataTable} from "./dataTable.js";
import {saveBlob} from "./downloads.js";
import {engineProgressBar} from "./engineProgress.js";
import {bilingual, formatNumber, HTML_LANG, type Lang} from "./i18n.js";
import {quickChart, columnKind} from "./quickChart.js";
import {resultToParquet} from "./resultParquet.js";
import {afterFrame} from "./turns.js";
import {readSqlLink, SqlLinkError, withSqlLink, type SqlLinkProblem} from "./sqlLink.js";
import type {ExampleQuery} from "../lib/exampleQueries.js";

/** The part of a datapackage.json field the schema list shows. */
interface PackageField {
  name: string;
  description: string;
  description_zh?: string;
}

// formatNumber keeps one formatter a kind; toLocaleString built a new one on every call.
const count = (n: number, lang: Lang) => formatNumber(n, lang, 0);

/** The row limits a reader can choose: what the page keeps of a result (the grid draws only the rows in view). */
const LIMITS = [100, 1000, 10_000, 100_000, 1_000_000];
/** The quick chart draws at most this many rows: an SVG mark per row, past it, would hold the page. */
const CHART_ROWS = 5000;

/**
 * dataTable's own words (sort buttons, the CSV button) follow the page once dataTable.ts takes `lang` (it is
 * translated on another branch); passed as a spread, so this compiles both before and after that change.
 */
const inLanguage = (lang: Lang) => ({lang});

const TEXT = bilingual({
  en: {
    starting: "Starting DuckDB-WASM (the first time, it downloads and compiles a 34 MB engine)…",
    sqlLabel: "SQL query",
    run: "Run",
    cancel: "Cancel",
    keep: ["Keep at most ", " rows"] as const,
    hint: " Ctrl+Enter (⌘+Enter) runs the query.",
    schemaPending: "The tables appear here once DuckDB has started.",
    examples: (n: number) => `Example questions (${n})`,
    exampleTitle: (example: ExampleQuery) => example.title,
    schema: "Tables and columns",
    /** Said before DuckDB's own (English) message; none in English. */
    engineFailed: "",
    summary: (rows: number, ms: number, truncated: boolean, limit: number) =>
      `${count(rows, "en")} row${rows === 1 ? "" : "s"} in ${ms} ms` +
      (truncated ? ` — the row limit of ${count(limit, "en")} was reached; there are more rows (raise the limit or add LIMIT / WHERE to your query).` : "."),
    kept: (limit: number) => `The page keeps at most ${count(limit, "en")} rows of a result (the limit is set above); the table draws the rows in view as you scroll.`,
    chartRows: (drawn: number, rows: number) => `The chart draws the first ${count(drawn, "en")} of the ${count(rows, "en")} rows.`,
    downloadParquet: "Download Parquet",
    resultCaption: "Query result",
    noNumeric: "No numeric column to chart.",
    axes: {x: "x", y: "y", color: "colour"},
    none: "(none)",
    ready: (tables: number, ms: number) => `DuckDB-WASM is ready: ${tables} tables, started in ${ms} ms.`,
    tableSummary: (rows: number, columns: number) => ` — ${count(rows, "en")} rows, ${columns} columns`,
    columnsCaption: (table: string) => `Columns of ${table}`,
    retry: "Try again",
    restored: (tables: string[]) =>
      `This query changed ${tables.join(", ")}; the published tables were put back for the next query (tables and views of your own were cleared with them).`,
    /** Headers of the column lists; none in English: the keys themselves. */
    columnLabels: undefined as Record<string, string> | undefined,
    /** A column's meaning, from its datapackage.json field. */
    meaning: (f: PackageField) => f.description,
    badLink: (problem: SqlLinkProblem | "other") =>
      "The query in this link could not be read: " +
      {
        base64: "the text after #sql= has characters a link of this site never has (it was probably cut or changed on the way).",
        deflate: "the text after #sql= is not a complete compressed query (it was probably cut short on the way).",
        text: "the text after #sql= does not unpack to readable text.",
        size: "it unpacks to more than 4 MB of text, more than any query this page runs.",
        other: "this browser cannot unpack it."
      }[problem] +
      " Ask for the link again, or start from an example below."
  },
  zh: {
    starting: "正在启动 DuckDB-WASM（首次使用时要下载并编译一个 34 MB 的引擎）……",
    sqlLabel: "SQL 查询",
    run: "运行",
    cancel: "取消",
    keep: ["最多保留 ", " 行"] as const,
    hint: " 按 Ctrl+Enter（⌘+Enter）运行查询。",
    schemaPending: "DuckDB 启动后，这里会列出所有表。",
    examples: (n: number) => `示例问题（${n}）`,
    exampleTitle: (example: ExampleQuery) => example.title_zh,
    schema: "表与列",
    engineFailed: "查询没有成功，DuckDB 的报错如下：",
    summary: (rows: number, ms: number, truncated: boolean, limit: number) =>
      `共 ${count(rows, "zh")} 行，用时 ${ms} 毫秒` +
      (truncated ? `。已达到 ${count(limit, "zh")} 行的上限，实际还有更多行（可提高上限，或在查询中加上 LIMIT / WHERE）。` : "。"),
    kept: (limit: number) => `每次查询的结果，页面最多保留 ${count(limit, "zh")} 行（上限可在上方设置）；表格只绘制滚动到眼前的那些行。`,
    chartRows: (drawn: number, rows: number) => `图表只画出 ${count(rows, "zh")} 行中的前 ${count(drawn, "zh")} 行。`,
    downloadParquet: "下载 Parquet",
    resultCaption: "查询结果",
    noNumeric: "没有可以作图的数值列。",
    axes: {x: "x", y: "y", color: "颜色"},
    none: "（无）",
    ready: (tables: number, ms: number) => `DuckDB-WASM 已就绪：共 ${tables} 个表，启动用时 ${ms} 毫秒。`,
    tableSummary: (rows: number, columns: number) => `：${count(rows, "zh")} 行，${columns} 列`,
    columnsCaption: (table: string) => `${table} 的列`,
    retry: "重试",
    restored: (tables: string[]) => `这条查询改动了 ${tables.join("、")}。发布的数据表已经恢复原样，下一条查询照常可用（你自己建的表和视图也一并清除了）。`,
    columnLabels: {column: "列", type: "类型", meaning: "含义"} as Record<string, string> | undefined,
    meaning: (f: PackageField) => f.description_zh ?? f.description,
    badLink: (problem: SqlLinkProblem | "other") =>
      "无法读出这个链接里的查询：" +
      {
        base64: "#sql= 后面的内容含有本站链接里不会出现的字符，可能在转发时被截断或改动了。",
        deflate: "#sql= 后面的内容不是完整的压缩查询，可能在转发时被截断了。",
        text: "#sql= 后面的内容解压后不是可读的文字。",
        size: "解压后超过 4 MB，比本页能运行的任何查询都大。",
        other: "这个浏览器无法解压它。"
      }[problem] +
      "请重新索取链接，或从下面的示例开始。"
  }
});

/** The column meanings of datapackage.json by table and column, in the page's language, for the schema list. */
export function columnDescriptions(
  descriptor: {resources: {name: string; format: string; schema: {fields: PackageField[]}}[]},
  lang: Lang = "en"
): Record<string, Record<string, string>> {
  const {meaning} = TEXT(lang);
  return Object.fromEntries(
    descriptor.resources
      .filter((r) => r.format === "csv")
      .map((r) => [r.name, Object.fromEntries(r.schema.fields.map((f) => [f.name, meaning(f)]))])
  );
}


export interface ExplorerOptions {
  /**
   * Opens (or returns) the page's database. A function, not a promise: Framework would await a promise
   * passed between cells, and the explorer must show before DuckDB is ready.
   */
  database: () => Promise<AtlasDatabase>;
  examples: ExampleQuery[];
  /**
   * Draw the explorer as it first shows (the first example in the editor, the engine starting) and start
   * nothing: the build puts this in the page (scripts/prerender.ts), so the page's largest element is on the
   * screen with its first paint, and the live explorer takes its place. It is inert: nothing in it answers.
   */
  shell?: boolean;
  /** Column descriptions by table and column, from the data package. */
  descriptions?: Record<string, Record<string, string>>;
  /** Rows kept from a result (default 1,000). */
  limit?: number;
  /** The page's language (default English). */
  lang?: Lang;
  win?: Window;
}

export function explorer({database: openDatabase, examples, descriptions = {}, limit: initialLimit = 1000, lang = "en", shell = false, win = window}: ExplorerOptions): HTMLElement {
  const t = TEXT(lang);
  const doc = win.document;
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] => {
    const node = doc.createElement(tag);
    Object.assign(node, props);
    node.append(...children);
    return node;
  };

  const root = el("section", {className: "atlas-explorer"});
  const status = el("p", {className: "atlas-explorer-status atlas-loading", id: "explore-status"}, t.starting);
  status.setAttribute("aria-live", "polite");
  status.setAttribute("aria-busy", "true");
  const progress = engineProgressBar({document: doc, lang});
  const editor = el("textarea", {id: "atlas-sql", className: "atlas-sql", spellcheck: false, rows: 10});
  editor.setAttribute("aria-label", t.sqlLabel);
  const run = el("button", {type: "button", id: "atlas-run", className: "atlas-run"}, t.run);
  const cancel = el("button", {type: "button", id: "atlas-cancel", disabled: true}, t.cancel);
  const limitSelect = el("select", {id: "atlas-limit"});
  for (const n of LIMITS) limitSelect.append(el("option", {value: String(n), selected: n === initialLimit}, count(n, lang)));
  const limitLabel = el("label", {}, t.keep[0], limitSelect, t.keep[1]);
  const hint = el("span", {className: "atlas-note"}, t.hint);
  const error = el("div", {className: "atlas-explorer-error atlas-error", hidden: true});
  error.setAttribute("role", "alert");
  const result = el("div", {id: "explore-result", className: "atlas-explorer-result"});
  const examplesList = el("ol", {className: "atlas-examples"});
  for (const example of examples) {
    const button = el("button", {type: "button", className: "atlas-example"}, t.exampleTitle(example));
    button.dataset.example = example.id;
    button.addEventListener("click", () => {
      editor.value = example.sql;
      void execute({push: true});
    });
    examplesList.append(el("li", {}, button));
  }
  const schema = el("div", {className: "atlas-schema", id: "explore-schema"}, el("p", {className: "atlas-note"}, t.schemaPending));

  // The status line and the engine's progress share a box of their own height: when the bar goes, the editor
  // under it stays where it is (a reader may already be typing).
  root.append(
    el("div", {className: "atlas-explorer-state"}, status, progress),
    el("div", {className: "atlas-explorer-editor"}, el("label", {htmlFor: "atlas-sql", className: "atlas-sql-label"}, "SQL"), editor),
    el("div", {className: "atlas-explorer-actions"}, run, cancel, limitLabel, hint),
    error,
    result,
    el("details", {className: "atlas-explorer-examples", open: true}, el("summary", {}, t.examples(examples.length)), examplesList),
    el("details", {className: "atlas-explorer-schema", open: true}, el("summary", {}, t.schema), schema)
  );

  if (shell) {
    // Markup carries a textarea's text, not its value.
    editor.textContent = examples[0]?.sql ?? "";
    root.setAttribute("inert", "");
    return root;
  }

  let database = openDatabase();
  let controller: AbortController | null = null;
  let last: (QueryResult & {truncated: boolean; restored: string[]}) | null = null;

  async function execute({push}: {push: boolean}): Promise<void> {
    const sql = editor.value.trim();
    if (!sql) return;
    if (push) remember(sql, "push");
    controller?.abort();
    const current = (controller = new AbortController());
    error.hidden = true;
    result.setAttribute("aria-busy", "true");
    cancel.disabled = false;
    run.disabled = true;
    let db: AtlasDatabase;
    try {
      db = await database;
    } catch {
      // The status line says why the engine did not start, with Try again; the same words here would be said twice.
      if (current === controller) {
        result.setAttribute("aria-busy", "false");
        cancel.disabled = true;
        run.disabled = false;
      }
      return;
    }
    try {
      const limit = Number(limitSelect.value);
      const outcome = await db.run(sql, {signal: current.signal, limit});
      if (current !== controller) return;
      if (typeof performance !== "undefined") performance.mark("atlas:explore:answer");
      last = outcome;
      renderResult(outcome, limit);
      if (typeof performance !== "undefined") performance.mark("atlas:explore:result");
    } catch (caught) {
      if (current !== controller) return;
      error.replaceChildren(...errorMessage(caught as Error));
      error.hidden = false;
      result.replaceChildren();
      result.dataset.rows = "";
    } finally {
      if (current === controller) {
        result.setAttribute("aria-busy", "false");
        cancel.disabled = true;
        run.disabled = false;
      }
    }
  }

  /** The error, and before DuckDB's own English message a sentence in the page's language that says whose it is. */
  function errorMessage(caught: Error): HTMLElement[] {
    if (!(caught instanceof DatabaseError && caught.engine)) return [el("p", {}, caught.message)];
    const message = el("p", {lang: "en"}, caught.detail);
    const lead = caught.explanation ?? t.engineFailed;
    return [...(lead ? [el("p", {}, lead)] : []), message, ...restoredNote(caught.restored)];
  }

  /** Says which published tables the last query changed and that they were put back (and what that cleared). */
  function restoredNote(restored: string[]): HTMLElement[] {
    return restored.length ? [el("p", {className: "atlas-note atlas-explorer-restored"}, t.restored(restored))] : [];
  }

  function renderResult(outcome: QueryResult & {truncated: boolean; restored: string[]}, limit: number): void {
    const columns = outcome.columns.map((c) => c.name);
    const rows = outcome.rows as Record<string, unknown>[];
    result.dataset.rows = String(rows.length);
    const summary = el("p", {className: "atlas-note atlas-explorer-summary"}, t.summary(rows.length, Math.round(outcome.elapsed), outcome.truncated, limit));
    if (outcome.truncated) summary.classList.add("atlas-explorer-truncated");
    const parquetButton = el("button", {type: "button", className: "atlas-download"}, t.downloadParquet);
    parquetButton.dataset.format = "parquet";
    parquetButton.addEventListener("click", () => {
      saveBlob(new Blob([resultToParquet(rows, columns)], {type: "application/vnd.apache.parquet"}), "six-tigers-atlas-query.parquet", doc);
    });
    const table = dataTable(rows, {columns, nullText: "NULL", caption: t.resultCaption, download: "six-tigers-atlas-query.csv", document: doc, ...inLanguage(lang)});
    table.classList.add("atlas-explorer-table");
    const chartArea = el("div", {className: "atlas-quick-chart"});
    const kept = el("p", {className: "atlas-note atlas-explorer-kept"}, t.kept(limit));
    result.replaceChildren(
      summary,
      ...restoredNote(outcome.restored),
      kept,
      el("div", {className: "atlas-chart-tools"}, parquetButton),
      table,
      chartControls(rows, columns, chartArea),
      chartArea
    );
  }

  function chartControls(all: Record<string, unknown>[], columns: string[], area: HTMLElement): HTMLElement {
    const rows = all.length > CHART_ROWS ? all.slice(0, CHART_ROWS) : all;
    const numeric = columns.filter((c) => columnKind(rows, c) === "number");
    const form = el("form", {className: "atlas-control atlas-quick-chart-controls"});
    form.addEventListener("submit", (event) => event.preventDefault());
    if (!rows.length || !numeric.length) {
      form.append(el("p", {className: "atlas-note"}, t.noNumeric));
      return form;
    }
    const select = (label: string, name: string, options: string[], value: string, blank = false) => {
      const s = el("select", {name});
      if (blank) s.append(el("option", {value: ""}, t.none));
      for (const o of options) s.append(el("option", {value: o, selected: o === value}, o));
      form.append(el("label", {}, `${label} `, s), " ");
      return s;
    };
    const x = select(t.axes.x, "x", columns, columns.find((c) => c !== numeric[0]) ?? columns[0]);
    const y = select(t.axes.y, "y", numeric, numeric.find((c) => c !== x.value) ?? numeric[0]);
    const color = select(t.axes.color, "color", columns, "", true);
    const draw = () => {
      const width = Math.max(320, Math.min(960, Math.floor(result.clientWidth || 640)));
      area.replaceChildren(quickChart(rows, {x: x.value, y: y.value, color: color.value || null, width, lang}));
    };
    if (rows.length < all.length) form.append(el("p", {className: "atlas-note"}, t.chartRows(rows.length, all.length)));
    form.addEventListener("change", draw);
    // After the frame that shows the rows: the chart sits under the grid, and its thousands of marks would
    // hold the rows back. A result replaced by then is not drawn.
    void afterFrame(doc).then(() => area.isConnected && draw());
    return form;
  }

  editor.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void execute({push: true});
    }
  });
  run.addEventListener("click", () => void execute({push: true}));
  cancel.addEventListener("click", () => controller?.abort());
  limitSelect.addEventListener("change", () => last && void execute({push: false}));
  // Compressing is asynchronous: the address changes run one after another, so history keeps the order run.
  let addressed: Promise<void> = Promise.resolve();
  function remember(sql: string, how: "push" | "replace"): void {
    addressed = addressed.then(async () => {
      const href = await withSqlLink(win.location.href, sql);
      if (href === win.location.href) return;
      if (how === "push") win.history.pushState({sql}, "", href);
      else win.history.replaceState({sql}, "", href);
    }).catch(() => {});
  }

  /**
   * Puts the address's query in the editor and runs it (the first example when it has none); an older ?sql= link
   * is rewritten to #sql= in place, so reloading or copying it keeps working at any length.
   */
  let opening = 0;
  async function openAddress(): Promise<void> {
    const ticket = ++opening;
    let link: Awaited<ReturnType<typeof readSqlLink>>;
    try {
      link = await readSqlLink(win.location.href);
    } catch (caught) {
      if (ticket !== opening) return;
      // Nothing runs: the reader sees why, and an empty editor rather than a query they did not send.
      controller?.abort();
      controller = null;
      cancel.disabled = true;
      run.disabled = false;
      editor.value = "";
      result.replaceChildren();
      result.dataset.rows = "";
      result.setAttribute("aria-busy", "false");
      error.replaceChildren(el("p", {className: "atlas-explorer-link-error"}, t.badLink(caught instanceof SqlLinkError ? caught.problem : "other")));
      error.hidden = false;
      return;
    }
    if (ticket !== opening) return;
    if (link?.from === "search") remember(link.sql, "replace");
    editor.value = link?.sql ?? examples[0]?.sql ?? "";
    await execute({push: false});
  }
  win.addEventListener("popstate", () => {
    // A jump to a heading (#explore-in-sql) replaces the fragment that held the query; it is not a new address
    // to open, and the editor keeps what the reader has.
    const fragment = new URLSearchParams(win.location.hash.slice(1));
    if (win.location.hash.length > 1 && !fragment.has("sql") && !new URLSearchParams(win.location.search).has("sql")) return;
    void openAddress();
  });

  // Start: a shared link runs its query; otherwise the first example is shown and run.
  watchStart();
  function watchStart(): void {
    database.then(
      async (db) => {
        let tables;
        try {
          tables = await db.describe();
        } catch (caught) {
          showFailure(caught as Error);
          return;
        }
        status.textContent = t.ready(tables.length, Math.round(db.startup.instantiate + db.startup.register));
        progress.remove();
        status.classList.remove("atlas-loading");
        status.setAttribute("aria-busy", "false");
        // A table's columns are drawn when its entry is first opened: ten grids nobody has opened yet were the
        // largest task of the page's start (about 50 ms on a phone).
        schema.replaceChildren(
          ...tables.map((table) => {
            const entry = el("details", {className: "atlas-schema-table"}, el("summary", {}, el("code", {}, table.name), t.tableSummary(table.rows, table.columns.length)));
            const columns = () =>
              dataTable(
                table.columns.map((c) => ({column: c.name, type: c.type, meaning: descriptions[table.name]?.[c.name] ?? ""})),
                {caption: t.columnsCaption(table.name), labels: t.columnLabels, document: doc, ...inLanguage(lang)}
              );
            entry.addEventListener("toggle", () => entry.open && entry.childElementCount === 1 && entry.append(columns()));
            return entry;
          })
        );
      },
      (caught) => showFailure(caught as Error)
    );
  }
  // The status line says what happened, whatever happened: it never stays on "Starting…". A failed start (a
  // table or the engine that did not arrive) can be tried again in place: getDatabase does not keep a failure.
  function showFailure(caught: Error): void {
    const retry = el("button", {type: "button", className: "atlas-retry"}, t.retry);
    retry.addEventListener("click", () => {
      status.replaceChildren(t.starting);
      status.classList.add("atlas-loading");
      status.classList.remove("atlas-error");
      status.setAttribute("aria-busy", "true");
      status.after(progress);
      database = openDatabase();
      watchStart();
      void openAddress();
    });
    status.replaceChildren(caught.message, " ", retry);
    progress.remove();
    status.classList.remove("atlas-loading");
    status.classList.add("atlas-error");
    status.setAttribute("aria-busy", "false");
  }
  void openAddress();
  return root;
}
