/**
 * The SQL explorer: an editor over every published table, run with a button or Ctrl/Cmd+Enter, with
 * example questions, a schema browser, a sortable result table (the row limit is said when hit), a quick
 * chart with chosen x / y / colour, and CSV and Parquet downloads of the result. The query lives in the URL
 * (`?sql=`): opening such a link runs it, and back/forward walk through the queries run. Bad SQL shows
 * DuckDB's message next to the editor; a long query can be cancelled.
 */
import type {AtlasDatabase, QueryResult} from "./database.js";
import {dataTable} from "./dataTable.js";
import {saveBlob} from "./downloads.js";
import {quickChart, columnKind} from "./quickChart.js";
import {resultToParquet} from "./resultParquet.js";
import type {ExampleQuery} from "../lib/exampleQueries.js";

export interface ExplorerOptions {
  /**
   * Opens (or returns) the page's database. A function, not a promise: Framework would await a promise
   * passed between cells, and the explorer must show before DuckDB is ready.
   */
  database: () => Promise<AtlasDatabase>;
  examples: ExampleQuery[];
  /** Column descriptions by table and column, from the data package. */
  descriptions?: Record<string, Record<string, string>>;
  /** Rows kept from a result (default 1,000). */
  limit?: number;
  win?: Window;
}

export function explorer({database: openDatabase, examples, descriptions = {}, limit: initialLimit = 1000, win = window}: ExplorerOptions): HTMLElement {
  const doc = win.document;
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] => {
    const node = doc.createElement(tag);
    Object.assign(node, props);
    node.append(...children);
    return node;
  };

  const database = openDatabase();
  const root = el("section", {className: "atlas-explorer"});
  const status = el("p", {className: "atlas-explorer-status atlas-loading", id: "explore-status"}, "Starting DuckDB-WASM (it compiles a 34 MB engine; a second or two)…");
  status.setAttribute("aria-live", "polite");
  status.setAttribute("aria-busy", "true");
  const editor = el("textarea", {id: "atlas-sql", className: "atlas-sql", spellcheck: false, rows: 10});
  editor.setAttribute("aria-label", "SQL query");
  const run = el("button", {type: "button", id: "atlas-run", className: "atlas-run"}, "Run");
  const cancel = el("button", {type: "button", id: "atlas-cancel", disabled: true}, "Cancel");
  const limitSelect = el("select", {id: "atlas-limit"});
  for (const n of [100, 1000, 10000]) limitSelect.append(el("option", {value: String(n), selected: n === initialLimit}, n.toLocaleString("en")));
  const limitLabel = el("label", {}, "Keep at most ", limitSelect, " rows");
  const hint = el("span", {className: "atlas-note"}, " Ctrl+Enter (⌘+Enter) runs the query.");
  const error = el("div", {className: "atlas-explorer-error atlas-error", hidden: true});
  error.setAttribute("role", "alert");
  const result = el("div", {id: "explore-result", className: "atlas-explorer-result"});
  const examplesList = el("ol", {className: "atlas-examples"});
  for (const example of examples) {
    const button = el("button", {type: "button", className: "atlas-example"}, example.title);
    button.dataset.example = example.id;
    button.addEventListener("click", () => {
      editor.value = example.sql;
      void execute({push: true});
    });
    examplesList.append(el("li", {}, button));
  }
  const schema = el("div", {className: "atlas-schema", id: "explore-schema"}, el("p", {className: "atlas-note"}, "The tables appear here once DuckDB has started."));

  root.append(
    status,
    el("div", {className: "atlas-explorer-editor"}, el("label", {htmlFor: "atlas-sql", className: "atlas-sql-label"}, "SQL"), editor),
    el("div", {className: "atlas-explorer-actions"}, run, cancel, limitLabel, hint),
    error,
    result,
    el("details", {className: "atlas-explorer-examples", open: true}, el("summary", {}, `Example questions (${examples.length})`), examplesList),
    el("details", {className: "atlas-explorer-schema", open: true}, el("summary", {}, "Tables and columns"), schema)
  );

  let controller: AbortController | null = null;
  let last: (QueryResult & {truncated: boolean}) | null = null;

  async function execute({push}: {push: boolean}): Promise<void> {
    const sql = editor.value.trim();
    if (!sql) return;
    if (push) {
      const url = new URL(win.location.href);
      url.searchParams.set("sql", sql);
      if (url.href !== win.location.href) win.history.pushState({sql}, "", url);
    }
    controller?.abort();
    const current = (controller = new AbortController());
    error.hidden = true;
    result.setAttribute("aria-busy", "true");
    cancel.disabled = false;
    run.disabled = true;
    try {
      const db = await database;
      const limit = Number(limitSelect.value);
      const outcome = await db.run(sql, {signal: current.signal, limit});
      if (current !== controller) return;
      last = outcome;
      renderResult(outcome, limit);
      if (typeof performance !== "undefined") performance.mark("atlas:explore:result");
    } catch (caught) {
      if (current !== controller) return;
      error.replaceChildren(el("p", {}, (caught as Error).message));
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

  function renderResult(outcome: QueryResult & {truncated: boolean}, limit: number): void {
    const columns = outcome.columns.map((c) => c.name);
    const rows = outcome.rows as Record<string, unknown>[];
    result.dataset.rows = String(rows.length);
    const summary = el(
      "p",
      {className: "atlas-note atlas-explorer-summary"},
      `${rows.length.toLocaleString("en")} row${rows.length === 1 ? "" : "s"} in ${Math.round(outcome.elapsed)} ms` +
        (outcome.truncated ? ` — the row limit of ${limit.toLocaleString("en")} was reached; there are more rows (raise the limit or add LIMIT / WHERE to your query).` : ".")
    );
    if (outcome.truncated) summary.classList.add("atlas-explorer-truncated");
    const parquetButton = el("button", {type: "button", className: "atlas-download"}, "Download Parquet");
    parquetButton.dataset.format = "parquet";
    parquetButton.addEventListener("click", () => {
      saveBlob(new Blob([resultToParquet(rows, columns)], {type: "application/vnd.apache.parquet"}), "six-tigers-atlas-query.parquet", doc);
    });
    const table = dataTable(rows, {columns, sortable: true, caption: "Query result", download: "six-tigers-atlas-query.csv", document: doc});
    table.classList.add("atlas-explorer-table");
    const chartArea = el("div", {className: "atlas-quick-chart"});
    result.replaceChildren(summary, el("div", {className: "atlas-chart-tools"}, parquetButton), table, chartControls(rows, columns, chartArea), chartArea);
  }

  function chartControls(rows: Record<string, unknown>[], columns: string[], area: HTMLElement): HTMLElement {
    const numeric = columns.filter((c) => columnKind(rows, c) === "number");
    const form = el("form", {className: "atlas-control atlas-quick-chart-controls"});
    form.addEventListener("submit", (event) => event.preventDefault());
    if (!rows.length || !numeric.length) {
      form.append(el("p", {className: "atlas-note"}, "No numeric column to chart."));
      return form;
    }
    const select = (label: string, name: string, options: string[], value: string, blank = false) => {
      const s = el("select", {name});
      if (blank) s.append(el("option", {value: ""}, "(none)"));
      for (const o of options) s.append(el("option", {value: o, selected: o === value}, o));
      form.append(el("label", {}, `${label} `, s), " ");
      return s;
    };
    const x = select("x", "x", columns, columns.find((c) => c !== numeric[0]) ?? columns[0]);
    const y = select("y", "y", numeric, numeric.find((c) => c !== x.value) ?? numeric[0]);
    const color = select("colour", "color", columns, "", true);
    const draw = () => {
      const width = Math.max(320, Math.min(960, Math.floor(result.clientWidth || 640)));
      area.replaceChildren(quickChart(rows, {x: x.value, y: y.value, color: color.value || null, width}));
    };
    form.addEventListener("change", draw);
    queueMicrotask(draw);
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
  win.addEventListener("popstate", () => {
    const sql = new URL(win.location.href).searchParams.get("sql");
    editor.value = sql ?? examples[0]?.sql ?? "";
    void execute({push: false});
  });

  // Start: a shared link runs its query; otherwise the first example is shown and run.
  const shared = new URL(win.location.href).searchParams.get("sql");
  editor.value = shared ?? examples[0]?.sql ?? "";
  database.then(
    async (db) => {
      const tables = await db.describe();
      status.textContent = `DuckDB-WASM is ready: ${tables.length} tables, started in ${Math.round(db.startup.instantiate + db.startup.register)} ms.`;
      status.classList.remove("atlas-loading");
      status.setAttribute("aria-busy", "false");
      schema.replaceChildren(
        ...tables.map((t) =>
          el(
            "details",
            {className: "atlas-schema-table"},
            el("summary", {}, el("code", {}, t.name), ` — ${t.rows.toLocaleString("en")} rows, ${t.columns.length} columns`),
            dataTable(
              t.columns.map((c) => ({column: c.name, type: c.type, meaning: descriptions[t.name]?.[c.name] ?? ""})),
              {caption: `Columns of ${t.name}`, document: doc}
            )
          )
        )
      );
    },
    (caught) => {
      status.textContent = (caught as Error).message;
      status.classList.remove("atlas-loading");
      status.classList.add("atlas-error");
      status.setAttribute("aria-busy", "false");
    }
  );
  void execute({push: false});
  return root;
}
