// @vitest-environment jsdom
/**
 * A story table with its SQL (queryTable.ts) and what it is made of: drawn at once from the rows it is given,
 * sortable and filterable; its query shown collapsed, linked to /explore and run in place on request, with the
 * engine's download as a progress bar; a failed run leaves the page's rows and a readable error. In both
 * languages. Also the pieces: SQL values as literals (sqlText.ts), rows in SQL's order (rowOrder.ts), and the
 * engine's progress (engineProgress.ts).
 */
import {afterEach, describe, expect, test, vi} from "vitest";
import {dataTable} from "../../src/components/dataTable.js";
import {engineProgressBar, progressText, reportEngineProgress} from "../../src/components/engineProgress.js";
import {queryTable, type QueryAnswer} from "../../src/components/queryTable.js";
import {orderBy, sqlCompare} from "../../src/components/rowOrder.js";
import {readSqlLink} from "../../src/components/sqlLink.js";
import {inlineSql, sqlLiteral} from "../../src/components/sqlText.js";

const ROWS = [
  {name: "Alpha", n: 2},
  {name: "beta", n: 10},
  {name: "Gamma", n: 1}
];
const SQL = "SELECT name, n FROM t WHERE name <> 'it''s' ORDER BY name";

afterEach(() => {
  document.body.replaceChildren();
  reportEngineProgress(null);
});

function cells(root: ParentNode): string[][] {
  return [...root.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? ""));
}

function make(options: {run?: (sql: string) => Promise<QueryAnswer>; lang?: "en" | "zh"; id?: string} = {}) {
  const run = vi.fn(options.run ?? (async () => ({rows: [{name: "Delta", n: 4}], elapsed: 12.4})));
  const region = queryTable(ROWS, {
    id: options.id ?? "t-sql",
    sql: SQL,
    table: (rows) => ({caption: `${rows.length} rows`, columns: ["name", "n"]}),
    run,
    lang: options.lang ?? "en",
    after: () => [document.createTextNode("after")]
  });
  document.body.append(region);
  return {region, run};
}

describe("queryTable", () => {
  test("queryTable(rows) draws the rows at once, from the page, without running anything", () => {
    const {region, run} = make();
    expect(region.id).toBe("t-sql");
    expect(region.getAttribute("aria-busy")).toBe("false");
    expect(region.dataset.source).toBe("page");
    expect(cells(region)).toEqual([["Alpha", "2"], ["beta", "10"], ["Gamma", "1"]]);
    expect(region.querySelector(".atlas-table")!.getAttribute("data-rows")).toBe("3");
    expect(region.querySelector(".atlas-query-status")!.textContent).toBe("Filtered and sorted in the page from the published tables.");
    expect(region.lastChild!.textContent).toBe("after");
    expect(run).not.toHaveBeenCalled();
  });

  test("queryTable(rows) shows its SQL collapsed and links it to /explore#sql=, relative to the page", async () => {
    const {region} = make();
    const details = region.querySelector("details.atlas-query") as HTMLDetailsElement;
    expect(details.open).toBe(false);
    expect(details.querySelector("summary")!.textContent).toBe("The query in SQL");
    expect(details.querySelector("pre code")!.textContent).toBe(SQL);
    const link = region.querySelector(".atlas-explore-link")!;
    expect(link.textContent).toBe("Open in /explore");
    await vi.waitFor(() => expect(link.getAttribute("href")).toMatch(/^\.\/explore#sql=[A-Za-z0-9_-]+$/));
    expect(await readSqlLink(new URL(link.getAttribute("href")!, "https://example.org/atlas/funding").href)).toEqual({sql: SQL, from: "fragment"});
  });

  test("queryTable(rows) lets the reader sort by a header", () => {
    const {region} = make();
    const sort = region.querySelectorAll<HTMLButtonElement>("th .atlas-sort");
    sort[1].click();
    expect(cells(region).map((r) => r[1])).toEqual(["1", "2", "10"]);
    sort[1].click();
    expect(cells(region).map((r) => r[1])).toEqual(["10", "2", "1"]);
    expect(region.querySelectorAll("th")[1].getAttribute("aria-sort")).toBe("descending");
  });

  test("Run in SQL runs the shown SQL, marks the region busy, then shows DuckDB's rows in place", async () => {
    let answer!: (a: QueryAnswer) => void;
    const {region, run} = make({run: () => new Promise((resolve) => (answer = resolve))});
    const button = region.querySelector(".atlas-run-sql") as HTMLButtonElement;
    expect(button.textContent).toBe("Run in SQL");
    button.click();
    expect(run).toHaveBeenCalledWith(SQL);
    expect(region.getAttribute("aria-busy")).toBe("true");
    expect(button.disabled).toBe(true);
    expect(region.querySelector(".atlas-query-status .atlas-loading")!.textContent).toBe("Starting DuckDB-WASM…");
    expect(region.querySelector(".atlas-query-status progress")).not.toBeNull();
    answer({rows: [{name: "Delta", n: 4}], elapsed: 12.4});
    await vi.waitFor(() => expect(region.getAttribute("aria-busy")).toBe("false"));
    expect(region.dataset.source).toBe("duckdb");
    expect(cells(region)).toEqual([["Delta", "4"]]);
    expect(region.querySelector("caption")!.textContent).toBe("1 rows");
    expect(region.querySelector(".atlas-table")!.getAttribute("data-rows")).toBe("1");
    expect(region.querySelector(".atlas-query-status")!.textContent).toBe("DuckDB-WASM’s answer to the query: 1 row in 12 ms.");
    expect(button.disabled).toBe(false);
  });

  test("a failed run keeps the page's rows and says why, in the page's language", async () => {
    const {region} = make({lang: "zh", run: async () => Promise.reject(new Error("DuckDB-WASM could not start: boom"))});
    (region.querySelector(".atlas-run-sql") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(region.getAttribute("aria-busy")).toBe("false"));
    expect(region.dataset.source).toBe("page");
    expect(cells(region)).toHaveLength(3);
    const error = region.querySelector(".atlas-query-status .atlas-error")!;
    expect(error.textContent).toBe("这部分内容未能加载。原始错误信息如下：DuckDB-WASM could not start: boom");
  });

  test("once the reader has run a table's SQL, the table redrawn for a new state asks DuckDB again", async () => {
    const first = make({id: "again-sql"});
    (first.region.querySelector(".atlas-run-sql") as HTMLButtonElement).click();
    await vi.waitFor(() => expect(first.region.dataset.source).toBe("duckdb"));
    const second = make({id: "again-sql"});
    await vi.waitFor(() => expect(second.region.dataset.source).toBe("duckdb"));
    expect(second.run).toHaveBeenCalledWith(SQL);
    // Another table on the page is not affected.
    expect(make({id: "other-sql"}).region.dataset.source).toBe("page");
  });

  test("says its words in Chinese", () => {
    const {region} = make({lang: "zh"});
    expect(region.querySelector(".atlas-run-sql")!.textContent).toBe("用 SQL 运行");
    expect(region.querySelector(".atlas-explore-link")!.textContent).toBe("在“用 SQL 探索”页打开");
    expect(region.querySelector("details summary")!.textContent).toBe("这张表的 SQL 查询");
    expect(region.querySelector(".atlas-query-status")!.textContent).toBe("表中各行由页面直接从公开的数据表中筛选、排序得出。");
    expect(region.querySelector(".atlas-table-filter")!.textContent).toBe("筛选 ");
    const own = [...region.querySelectorAll("button, a, summary, .atlas-query-status, label")].map((e) => e.textContent).join(" ");
    expect(own).not.toMatch(/\b(Run|Open|query|Filter|Filtered|sorted|rows)\b/);
  });
});

describe("dataTable's filter", () => {
  test("dataTable(rows, {filter}) keeps the rows whose shown cells contain the text, in any case", () => {
    const table = dataTable(ROWS, {filter: true, format: {n: (v) => `#${v}`}, lang: "en"});
    const input = table.querySelector(".atlas-table-filter input") as HTMLInputElement;
    expect(table.querySelector(".atlas-table-filter")!.textContent).toBe("Filter rows ");
    input.value = " A ";
    input.dispatchEvent(new Event("input"));
    expect(cells(table).map((r) => r[0])).toEqual(["Alpha", "beta", "Gamma"]);
    input.value = "#1";
    input.dispatchEvent(new Event("input"));
    // The formatted cell is what is searched: "#10" and "#1".
    expect(cells(table).map((r) => r[0])).toEqual(["beta", "Gamma"]);
    expect(table.querySelector(".atlas-table-matching")!.textContent).toBe("2 of 3 rows contain the filter text.");
    input.value = "";
    input.dispatchEvent(new Event("input"));
    expect(cells(table)).toHaveLength(3);
    expect(table.querySelector(".atlas-table-matching")!.textContent).toBe("");
  });

  test("dataTable's CSV holds the rows in the reader's order and filter", async () => {
    const saved: Blob[] = [];
    // jsdom's Blob has no text(); FileReader reads it.
    const text = (blob: Blob) =>
      new Promise<string>((resolve) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result));
        reader.readAsText(blob);
      });
    const create = vi.spyOn(URL, "createObjectURL").mockImplementation((blob) => {
      saved.push(blob as Blob);
      return "blob:x";
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
    try {
      const table = dataTable(ROWS, {filter: true, sortable: true, download: "x.csv", lang: "en"});
      const input = table.querySelector(".atlas-table-filter input") as HTMLInputElement;
      input.value = "a";
      input.dispatchEvent(new Event("input"));
      table.querySelectorAll<HTMLButtonElement>("th .atlas-sort")[1].click();
      (table.querySelector(".atlas-download") as HTMLButtonElement).click();
      expect((await text(saved[0])).trim().split(/\r?\n/)).toEqual(["name,n", "Gamma,1", "Alpha,2", "beta,10"]);
      input.value = "alp";
      input.dispatchEvent(new Event("input"));
      (table.querySelector(".atlas-download") as HTMLButtonElement).click();
      expect((await text(saved[1])).trim().split(/\r?\n/)).toEqual(["name,n", "Alpha,2"]);
    } finally {
      create.mockRestore();
      click.mockRestore();
    }
  });
});

describe("sqlText", () => {
  test("sqlLiteral(values) quotes text (doubling quotes), lists, dates, numbers, booleans and null", () => {
    expect(sqlLiteral("it's")).toBe("'it''s'");
    expect(sqlLiteral(["a", "b'c"])).toBe("['a', 'b''c']");
    expect(sqlLiteral([])).toBe("[]");
    expect(sqlLiteral(new Date(Date.UTC(2024, 1, 3)))).toBe("DATE '2024-02-03'");
    expect(sqlLiteral(2.5)).toBe("2.5");
    expect(sqlLiteral(true)).toBe("TRUE");
    expect(sqlLiteral(null)).toBe("NULL");
  });

  test("sqlLiteral(NaN, objects) throws", () => {
    expect(() => sqlLiteral(Number.NaN)).toThrow(/invalid SQL value/);
    expect(() => sqlLiteral({})).toThrow(/invalid SQL value/);
  });

  test("inlineSql(sql, params) fills the ? outside quotes and comments, in order", () => {
    expect(inlineSql(`SELECT '?' AS "a?", x FROM t -- why?\nWHERE x IN (?, ?) AND y = ?`, ["o'k", 2, ["z"]])).toBe(
      `SELECT '?' AS "a?", x FROM t -- why?\nWHERE x IN ('o''k', 2) AND y = ['z']`
    );
    expect(inlineSql("SELECT 'it''s ?' WHERE a = ?", [1])).toBe("SELECT 'it''s ?' WHERE a = 1");
  });

  test("inlineSql(sql, too few or too many params) throws", () => {
    expect(() => inlineSql("SELECT ?, ?", [1])).toThrow(/invalid SQL parameters/);
    expect(() => inlineSql("SELECT ?", [1, 2])).toThrow(/invalid SQL parameters/);
  });
});

describe("rowOrder", () => {
  test("sqlCompare orders as DuckDB's ORDER BY: nulls last, values by value, text by code point", () => {
    const values = ["b", null, "B", "a", "é", "Z"];
    expect([...values].sort(sqlCompare)).toEqual(["B", "Z", "a", "b", "é", null]);
    expect([3, null, 1, 20].sort(sqlCompare)).toEqual([1, 3, 20, null]);
    const d = (day: number) => new Date(Date.UTC(2024, 0, day));
    expect([d(3), null, d(1)].sort(sqlCompare)).toEqual([d(1), d(3), null]);
  });

  test("orderBy(keys) sorts by each key in turn", () => {
    const rows = [
      {date: 2, id: "b"},
      {date: null, id: "a"},
      {date: 1, id: "z"},
      {date: 2, id: "a"}
    ];
    expect(rows.sort(orderBy((r) => r.date, (r) => r.id)).map((r) => `${r.date}${r.id}`)).toEqual(["1z", "2a", "2b", "nulla"]);
  });
});

describe("engineProgress", () => {
  test("progressText says bytes and percent, bytes only when the size is unknown, in both languages", () => {
    expect(progressText({loaded: 4_100_000, total: 7_600_000, done: false}, "en")).toBe("4.1 of 7.6 MB · 53%");
    expect(progressText({loaded: 4_100_000, total: null, done: false}, "en")).toBe("4.1 MB received");
    expect(progressText({loaded: 34_242_586, total: 34_242_586, done: true}, "en")).toBe("34.2 MB received; starting the engine…");
    expect(progressText({loaded: 4_100_000, total: 7_600_000, done: false}, "zh")).toBe("已下载 4.1 MB，共 7.6 MB（53%）");
    expect(progressText({loaded: 4_100_000, total: null, done: false}, "zh")).toBe("已下载 4.1 MB");
    expect(progressText({loaded: 34_242_586, total: null, done: true}, "zh")).toBe("34.2 MB 已下载完毕，正在启动引擎……");
  });

  test("engineProgressBar is hidden until a report, then a <progress> of the bytes; indeterminate without a size", () => {
    const box = engineProgressBar({lang: "en"});
    document.body.append(box);
    const bar = box.querySelector("progress")!;
    expect(box.hidden).toBe(true);
    expect(bar.getAttribute("aria-label")).toBe("Download of the SQL engine");
    reportEngineProgress({loaded: 1_000_000, total: 4_000_000, done: false});
    expect(box.hidden).toBe(false);
    expect([bar.value, bar.max]).toEqual([1_000_000, 4_000_000]);
    expect(box.textContent).toBe("1.0 of 4.0 MB · 25%");
    reportEngineProgress({loaded: 2_000_000, total: null, done: false});
    expect(bar.hasAttribute("value")).toBe(false);
    expect(box.textContent).toBe("2.0 MB received");
    reportEngineProgress(null);
    expect(box.hidden).toBe(true);
  });

  test("a bar made after a report starts from it; one taken off the page stops following", () => {
    reportEngineProgress({loaded: 3_000_000, total: 4_000_000, done: false});
    const box = engineProgressBar({lang: "zh"});
    expect(box.textContent).toBe("已下载 3.0 MB，共 4.0 MB（75%）");
    expect(box.querySelector("progress")!.getAttribute("aria-label")).toBe("SQL 引擎下载进度");
    document.body.append(box);
    reportEngineProgress({loaded: 3_500_000, total: 4_000_000, done: false});
    box.remove();
    reportEngineProgress({loaded: 4_000_000, total: 4_000_000, done: true});
    expect(box.textContent).toBe("已下载 3.5 MB，共 4.0 MB（87%）");
  });
});
