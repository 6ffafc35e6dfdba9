// @vitest-environment jsdom
/**
 * /zh/data and /zh/explore: the components they use speak Chinese with `lang: "zh"` (and English as before
 * without it), the SQL stays the same in both, and DuckDB's own English messages are marked as English.
 */
import {describe, expect, test, vi} from "vitest";

// tables.ts resolves the published files through Framework's FileAttachment, which only exists in a page.
vi.mock("../../src/components/tables.js", () => {
  const names = ["sources", "companies", "funding_rounds", "models", "events", "claims", "density_points", "price_points"];
  const files = (ext: string) => Object.fromEntries(names.map((n) => [n, `./data/${n}.${ext}`]));
  return {PARQUET: files("parquet"), CSV: files("csv"), DATAPACKAGE: "./data/datapackage.json", CHANGELOG: "./data/changelog.json", TABLE_NAMES: names};
});

import {changelogTable, type ChangelogEntry} from "../../src/components/changelogTable.js";
import {copyBlock} from "../../src/components/copyBlock.js";
import {DatabaseError, type AtlasDatabase} from "../../src/components/database.js";
import {columnDescriptions, explorer} from "../../src/components/explorer.js";
import {readSqlLink} from "../../src/components/sqlLink.js";
import {
  boundingRulesTable,
  changelogView,
  citationBlocks,
  conflictsTable,
  dictionaryTable,
  downloadsTable,
  qualityTable,
  sourceSearch,
  sourcesTable,
  versionNote,
  type DataPage
} from "../../src/components/pages/data.js";
import {quickChart} from "../../src/components/quickChart.js";
import {indexSources, type SourceRef} from "../../src/components/chart.js";
import {dataPackage} from "../../src/lib/datapackage.js";
import {EXAMPLE_QUERIES} from "../../src/lib/exampleQueries.js";

/** Share of Han characters among letters. */
function cjkShare(text: string): number {
  const letters = text.match(/\p{L}/gu) ?? [];
  return letters.length ? (text.match(/\p{Script=Han}/gu) ?? []).length / letters.length : 0;
}

/** The text a reader sees, leaving out what is marked as another language (data, quotes, DuckDB's messages). */
function ownText(root: Element): string {
  const clone = root.cloneNode(true) as Element;
  for (const foreign of clone.querySelectorAll("[lang]:not([lang^=zh])")) foreign.remove();
  return clone.textContent ?? "";
}

const ENGLISH_UI = /\b(Copy|Copied|Version|Added|Changed|Removed|Tables|Run|Cancel|Keep at most|rows|Example questions|Tables and columns|Download|Query result|Sources|Table|Rows|Meaning|Rule|Wording|Point estimate|Search)\b/;

const SOURCES: SourceRef[] = [
  {source_id: "s-zh", publisher: "36氪", title: "智谱完成新一轮融资", url: "https://36kr.com/p/1", date_raw: "2024-07", language: "zh"},
  {source_id: "s-en", publisher: "Reuters", title: "Moonshot raises $1bn", url: null, date_raw: "2024-02-19", language: "en"},
  // The curators' description of a Chinese piece whose headline is not in the stored copy.
  {source_id: "s-desc", publisher: "晚点", title: "(interview with Liu Zhiyuan)", url: "https://example.org/p", date_raw: "2024", language: "zh"}
];

function fixture(lang: "en" | "zh"): DataPage {
  const descriptor = dataPackage({
    release: {
      state: {version: "1.2.0", released: true, latest: {version: "1.2.0", date: "2026-11-22"}, history: [{version: "1.0.0", date: "2026-10-01"}, {version: "1.2.0", date: "2026-11-22"}], pending: {}, changelog: []} as never,
      date: "2026-11-22",
      homepage: "https://example.org/",
      citation: {text: "Six Tigers Atlas (version 1.2.0).", bibtex: "@misc{atlas, version = {1.2.0}}"}
    }
  });
  const row = (id: string, confidence: string, conflict_key: string | null = null) => ({id, confidence, conflict_key, source_ids: ["s-zh"]});
  const tables = {
    sources: SOURCES.map((s) => ({...s, kind: "news", via: null, cited_by: 1})),
    companies: [row("zhipu", "high")],
    funding_rounds: [row("r1", "high", "zhipu-b"), row("r2", "medium", "zhipu-b")],
    models: [row("m1", "low")],
    events: [row("e1", "high")],
    claims: [row("c1", "medium")],
    density_points: [row("d1", "high")],
    price_points: [row("p1", "high")]
  };
  return {
    lang,
    tables: tables as never,
    descriptor: descriptor as never,
    changelog: [{version: "1.2.0", date: "2026-11-22", tables: {models: {added: ["m1"], changed: [], removed: []}}}],
    sources: indexSources(SOURCES)
  };
}

function render(nodes: Node | Node[]): HTMLElement {
  const root = document.createElement("div");
  root.append(...(Array.isArray(nodes) ? nodes : [nodes]));
  document.body.append(root);
  return root;
}

describe("changelogTable and copyBlock in Chinese", () => {
  const entries: ChangelogEntry[] = [{version: "1.1.0", date: "2027-01-08", tables: {models: {added: ["a", "b"], changed: [], removed: ["c"]}}}];
  const history = [{version: "1.0.0", date: "2026-11-22"}, {version: "1.1.0", date: "2027-01-08"}];

  test("headers, dates, the baseline and the ids speak Chinese; versions and table names stay", () => {
    const wrapper = changelogTable(entries, {history, lang: "zh"}, document);
    expect([...wrapper.querySelectorAll("th")].map((th) => th.textContent)).toEqual(["版本", "日期", "新增", "修改", "删除", "涉及的表", "变动的行"]);
    expect(wrapper.querySelector("caption")!.textContent).toBe("数据集的各次发布（新的在前）");
    const rows = [...wrapper.querySelectorAll("tbody tr")];
    const cells = [...rows[0].querySelectorAll("td")].map((td) => td.textContent);
    expect(cells[1]).toBe("2027年1月8日");
    expect(cells[5]).toBe("models: +2 ~0 −1");
    expect(cells[6]).toBe("models 新增：a、b；models 删除：c");
    expect(rows[1].textContent).toContain("首次发布");
    // The grid's own words (its keyboard help) are Chinese too; the key names are marked as the keys' labels.
    const ours = wrapper.cloneNode(true) as HTMLElement;
    for (const kbd of ours.querySelectorAll('kbd[lang="en"]')) kbd.remove();
    expect(ours.textContent).not.toMatch(ENGLISH_UI);
  });

  test("English is as before", () => {
    const wrapper = changelogTable(entries, {history}, document);
    expect([...wrapper.querySelectorAll("th")].map((th) => th.textContent)).toEqual(["Version", "Date", "Added", "Changed", "Removed", "Tables", "Rows"]);
    expect(wrapper.querySelector("tbody td:nth-child(2)")!.textContent).toBe("2027-01-08");
    expect(wrapper.querySelector("tbody td:nth-child(7)")!.textContent).toBe("models added: a, b; models removed: c");
  });

  test("the copy button and its status are Chinese; the English citation is marked as English", async () => {
    Object.defineProperty(window.navigator, "clipboard", {value: {writeText: async () => {}}, configurable: true});
    const block = copyBlock("Six Tigers Atlas (version 1.2.0).", {label: "引用文本", lang: "zh", textLang: "en"}, document);
    document.body.append(block);
    const button = block.querySelector("button")!;
    expect(button.textContent).toBe("复制");
    expect(button.getAttribute("aria-label")).toBe("复制引用文本");
    expect(block.querySelector("pre")!.getAttribute("lang")).toBe("en");
    button.click();
    await vi.waitFor(() => expect(block.querySelector("[role=status]")!.textContent).toBe("已复制"));
    expect(copyBlock("x", {label: "the citation"}, document).querySelector("pre")!.hasAttribute("lang")).toBe(false);
    block.remove();
  });
});

describe("the data page's tables (src/components/pages/data.ts)", () => {
  test("in Chinese: every caption, header and sentence is Chinese, the dictionary shows the Chinese meanings", () => {
    const data = fixture("zh");
    const root = render([
      ...versionNote(data),
      ...citationBlocks(data),
      ...changelogView(data),
      ...downloadsTable(data),
      qualityTable(data),
      conflictsTable(data),
      sourceSearch("zh"),
      sourcesTable(data, ""),
      dictionaryTable(data),
      boundingRulesTable("zh")
    ]);
    expect(root.querySelector(".atlas-version")!.textContent).toBe("数据集版本 1.2.0，发布于2026年11月22日。");
    expect(root.querySelector("[data-version]")!.textContent).toBe("1.2.0");
    const captions = [...root.querySelectorAll("caption")].map((c) => c.textContent!);
    for (const caption of captions) expect(caption, caption).toMatch(/\p{Script=Han}/u);
    for (const th of root.querySelectorAll("th")) expect(th.textContent, th.textContent!).toMatch(/\p{Script=Han}|^(Parquet|CSV)$/u);
    expect(captions).toContain("共 3 个来源，显示 3 个");
    // Confidence levels in Chinese; the data's ids stay.
    expect(root.textContent).toContain("r1");
    expect([...root.querySelectorAll("table")].find((t) => t.caption?.textContent?.startsWith("并列保留"))!.querySelector("tbody td:nth-child(4)")!.textContent).toBe("高");
    // The dictionary: the Chinese meaning of each field, the Chinese unit.
    const dictionary = [...root.querySelectorAll("table")].find((t) => t.caption?.textContent === "所有表的所有字段")!;
    const cellsNow = () => [...dictionary.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent));
    // The rows in view: the first fields' meanings, Chinese prose (the other columns are SQL names and types).
    const cells = cellsNow();
    expect(cells.length).toBeGreaterThan(10);
    // Past the grid's plain size only the rows in view are drawn: a field is found with the filter box.
    const filter = dictionary.closest(".atlas-table")!.querySelector<HTMLInputElement>(".atlas-table-filter input")!;
    filter.value = "params_total_b";
    filter.dispatchEvent(new Event("input"));
    expect(cellsNow().find((c) => c[0] === "models" && c[1] === "params_total_b")).toEqual(["models", "params_total_b", "number", "十亿参数", "总参数量；未披露时为空"]);
    // Source titles not in Chinese are marked with their language; the search box is Chinese.
    const registry = [...root.querySelectorAll("table")].find((t) => t.caption?.textContent?.startsWith("共 3 个来源"))!;
    expect(registry.querySelector('a[href="https://36kr.com/p/1"]')!.hasAttribute("lang")).toBe(false);
    expect(registry.querySelector('span[lang="en"]')!.textContent).toBe("Moonshot raises $1bn");
    expect(registry.querySelector('a[href="https://example.org/p"]')!.getAttribute("lang")).toBe("en");
    expect(root.querySelector("input[type=search]")!.getAttribute("placeholder")).toBe("搜索发布方、标题、语言……");
    const own = ownText(root).replace(/\b[a-z0-9_.-]+\b/g, "");
    expect(own).not.toMatch(/\b(Dataset version|released|Copy|The published tables|Rows per table|Disagreements|Every field|Bounding rules|Meaning|Wording|Point estimate)\b/);
    // The meanings are Chinese prose (the other columns are SQL names and types).
    expect(cjkShare(cells.map((c) => c[4]).join(" "))).toBeGreaterThan(0.5);
    root.remove();
  });

  test("in English: the same tables with the English words", () => {
    const data = fixture("en");
    const root = render([...versionNote(data), ...downloadsTable(data), sourcesTable(data, "moonshot"), dictionaryTable(data), boundingRulesTable("en")]);
    expect(root.querySelector(".atlas-version")!.textContent).toBe("Dataset version 1.2.0, released 2026-11-22.");
    expect(root.querySelector("caption")!.textContent).toBe("The published tables");
    expect([...root.querySelectorAll("caption")].map((c) => c.textContent)).toContain("1 of 3 sources");
    const all = sourcesTable(data, "");
    expect(all.querySelector('a[href="https://36kr.com/p/1"]')!.getAttribute("lang")).toBe("zh");
    expect(all.querySelector('a[href="https://example.org/p"]')!.hasAttribute("lang")).toBe(false);
    const dictionary = [...root.querySelectorAll("table")].find((t) => t.caption?.textContent === "Every field of every table")!;
    // Past the grid's plain size only the rows in view are drawn: the reader finds a field with the filter box.
    const filter = dictionary.closest(".atlas-table")!.querySelector<HTMLInputElement>(".atlas-table-filter input")!;
    filter.value = "params_total_b";
    filter.dispatchEvent(new Event("input"));
    expect(dictionary.textContent).toContain("total parameters; blank when undisclosed");
    expect(dictionary.textContent).not.toContain("总参数量");
    root.remove();
  });

  test("an unreleased version says how the data differ, in Chinese", () => {
    const data = fixture("zh");
    data.descriptor.release = {...data.descriptor.release, released: false, unreleased_changes: {models: {added: ["x"], changed: [], removed: []}}};
    const [, warning] = versionNote(data);
    expect(warning.textContent).toBe("这些数据与 1.2.0 版不同（models: +1 ~0 −0），还不是正式发布的版本。");
  });
});

describe("the explorer in Chinese", () => {
  function fakeDatabase(): AtlasDatabase {
    return {
      startup: {instantiate: 10, register: 5},
      describe: async () => [{name: "models", rows: 3, columns: [{name: "params_total_b", type: "DOUBLE"}, {name: "model", type: "VARCHAR"}]}],
      run: async (sql: string) => {
        if (sql.includes("bad")) throw new DatabaseError('Parser Error: syntax error at or near "bad"', sql, {engine: true});
        return {rows: [{model: "GLM-4", params_total_b: 9}, {model: "MiniCPM", params_total_b: 2.4}], columns: [{name: "model", type: "Utf8"}, {name: "params_total_b", type: "Float64"}], elapsed: 12, truncated: false, restored: [], table: null as never};
      }
    } as unknown as AtlasDatabase;
  }

  async function openExplorer(lang: "en" | "zh", search = "") {
    window.history.replaceState(null, "", `/zh/explore${search}`);
    const descriptions = columnDescriptions(dataPackage(), lang);
    const root = explorer({database: async () => fakeDatabase(), examples: EXAMPLE_QUERIES, descriptions, lang, win: window});
    document.body.append(root);
    await vi.waitFor(() => expect(root.querySelector("#explore-result")!.getAttribute("data-rows")).toBe("2"));
    await vi.waitFor(() => expect(root.querySelector(".atlas-schema-table")).not.toBeNull());
    await new Promise((resolve) => setTimeout(resolve, 0));
    return root;
  }

  /** The first table's entry in the schema list, opened: its columns are drawn only then. */
  async function openedSchema(root: HTMLElement): Promise<HTMLDetailsElement> {
    const schema = root.querySelector<HTMLDetailsElement>(".atlas-schema-table")!;
    expect(schema.querySelector("table")).toBeNull();
    schema.open = true;
    await vi.waitFor(() => expect(schema.querySelector("table")).not.toBeNull());
    return schema;
  }

  test("its words, the example questions, the schema list and the quick chart are Chinese; the SQL is the examples' own", async () => {
    const root = await openExplorer("zh");
    expect(root.querySelector("#explore-status")!.textContent).toBe("DuckDB-WASM 已就绪：共 1 个表，启动用时 15 毫秒。");
    expect(root.querySelector<HTMLTextAreaElement>("#atlas-sql")!.value).toBe(EXAMPLE_QUERIES[0].sql);
    expect(root.querySelector("#atlas-run")!.textContent).toBe("运行");
    expect(root.querySelector(".atlas-explorer-summary")!.textContent).toBe("共 2 行，用时 12 毫秒。");
    expect([...root.querySelectorAll(".atlas-example")].map((b) => b.textContent)).toEqual(EXAMPLE_QUERIES.map((q) => q.title_zh));
    const schema = await openedSchema(root);
    expect(schema.querySelector("summary")!.textContent).toBe("models：3 行，2 列");
    expect([...schema.querySelectorAll("th")].map((th) => th.textContent)).toEqual(["列", "类型", "含义"]);
    expect(schema.querySelector("tbody td:nth-child(3)")!.textContent).toBe("总参数量；未披露时为空");
    const chart = root.querySelector(".atlas-quick-chart figure")!;
    expect(chart.getAttribute("data-lang")).toBe("zh");
    const chartText = [chart.querySelector("svg title")!.textContent, chart.querySelector("svg desc")!.textContent, chart.querySelector("figcaption, .atlas-chart-source, p")?.textContent ?? ""].join(" ");
    expect(chartText).toContain("查询结果，来自六小虎图谱的数据表");
    expect(cjkShare(chartText.replace(/\b[a-z_]+\b/g, ""))).toBeGreaterThanOrEqual(0.4);
    const own = ownText(root).replace(EXAMPLE_QUERIES[0].sql, "");
    expect(own).not.toMatch(/\b(Run|Cancel|Keep at most|Example questions|Tables and columns|Download Parquet|Query result|rows in|No numeric|colour)\b/);
    root.remove();
  });

  test("bad SQL: a Chinese sentence, then DuckDB's own message marked as English", async () => {
    const root = await openExplorer("zh");
    const editor = root.querySelector<HTMLTextAreaElement>("#atlas-sql")!;
    editor.value = "SELECT bad";
    root.querySelector<HTMLButtonElement>("#atlas-run")!.click();
    await vi.waitFor(() => expect(root.querySelector<HTMLElement>(".atlas-explorer-error")!.hidden).toBe(false));
    const [said, message] = root.querySelectorAll(".atlas-explorer-error p");
    expect(said.textContent).toBe("查询没有成功，DuckDB 的报错如下：");
    expect(message.getAttribute("lang")).toBe("en");
    expect(message.textContent).toContain("Parser Error");
    // The query is kept in #sql=, the same in both editions.
    await vi.waitFor(async () => expect(await readSqlLink(window.location.href)).toEqual({sql: "SELECT bad", from: "fragment"}));
    root.remove();
  });

  test("a shared ?sql= link runs that query in either language", async () => {
    const sql = "SELECT model FROM models";
    const root = await openExplorer("zh", `?sql=${encodeURIComponent(sql)}`);
    expect(root.querySelector<HTMLTextAreaElement>("#atlas-sql")!.value).toBe(sql);
    root.remove();
  });

  test("English is as before", async () => {
    const root = await openExplorer("en");
    expect(root.querySelector(".atlas-explorer-summary")!.textContent).toBe("2 rows in 12 ms.");
    expect(root.querySelector("#atlas-run")!.textContent).toBe("Run");
    expect(root.querySelector(".atlas-schema-table summary")!.textContent).toBe("models — 3 rows, 2 columns");
    expect([...(await openedSchema(root)).querySelectorAll("th")].map((th) => th.textContent)).toEqual(["column", "type", "meaning"]);
    expect(root.querySelector(".atlas-example")!.textContent).toBe(EXAMPLE_QUERIES[0].title);
    root.remove();
  });
});

describe("quickChart", () => {
  const rows = [{model: "GLM-4", params: 9}, {model: "MiniCPM", params: 2.4}, {model: "x", params: null}];
  test("in Chinese: title, description and source line", () => {
    const figure = quickChart(rows, {x: "model", y: "params", lang: "zh"});
    expect(figure.querySelector("svg title")!.textContent).toBe("params（按 model）");
    expect(figure.querySelector("svg desc")!.textContent).toBe("条形图：2行同时有 model 和数值 params。另有1行缺少其中一个值，未画出。");
    expect(figure.textContent).toContain("查询结果，来自六小虎图谱的数据表。六小虎图谱 · 数据采用 CC BY 4.0 协议。");
  });
  test("in English, as before", () => {
    const figure = quickChart(rows, {x: "model", y: "params"});
    expect(figure.querySelector("svg title")!.textContent).toBe("params by model");
    expect(figure.querySelector("svg desc")!.textContent).toBe("Bars: 2 rows with model and a numeric params. 1 rows without both values are not drawn.");
    expect(figure.textContent).toContain("Query result from the Six Tigers Atlas tables. Six Tigers Atlas · data CC BY 4.0.");
  });
});
