/**
 * The pivots and density pages in Chinese: the findings their prose quotes, their filter bars and the tables
 * they show speak the page's language, with data values (partner names, claimants, event titles) marked
 * lang="en" where they stay English; and the English edition reads as it always did.
 */
import {JSDOM} from "jsdom";
import {afterAll, beforeAll, describe, expect, test, vi} from "vitest";
import type {Lang} from "../../src/components/i18n.js";
import type {DensityData} from "../../src/components/pages/density.js";
import type {PivotsData} from "../../src/components/pages/pivots.js";
import {readSqlLink} from "../../src/components/sqlLink.js";
import {
  claims,
  companySummary,
  densityFit,
  densityPoints,
  edgeCompany,
  events,
  models,
  pivotEvents,
  pivotModelCounts,
  pricePoints,
  sourceRows
} from "./storyFixtures.js";

// The page modules name their Parquet files through Framework's FileAttachment, and ask DuckDB-WASM when the
// reader runs a table's SQL; neither exists under vitest. The fake database answers with the rows the test sets
// and records the query it was asked.
vi.mock("observablehq:stdlib", () => ({FileAttachment: (name: string) => ({href: name})}));
const database = vi.hoisted(() => ({rows: [] as Record<string, unknown>[], asked: [] as {sql: string; params: unknown[]}[]}));
vi.mock("../../src/components/database.js", () => ({
  getDatabase: async () => ({
    query: async (sql: string, params: unknown[]) => {
      database.asked.push({sql, params});
      return {rows: database.rows};
    }
  })
}));

const dom = new JSDOM("<!doctype html><html><body></body></html>", {url: "https://atlas.example/zh/pivots"});
const globals = globalThis as unknown as Record<string, unknown>;
const saved = {document: globals.document, window: globals.window, location: globals.location};
beforeAll(() => {
  globals.document = dom.window.document;
  globals.window = dom.window;
  globals.location = dom.window.location;
});
afterAll(() => Object.assign(globals, saved));

const {loadStoryData} = await import("../../src/components/views.js");
const {chineseForm, dataText} = await import("../../src/components/pages/pageText.js");
const pivots = await import("../../src/components/pages/pivots.js");
const density = await import("../../src/components/pages/density.js");

const TABLES: Record<string, unknown[]> = {
  company_summary: [...companySummary, edgeCompany],
  events: [...events, ...pivotEvents],
  models,
  model_counts: pivotModelCounts,
  density_points: densityPoints,
  density_fit: densityFit,
  claims,
  price_points: pricePoints,
  sources: sourceRows
};

const pivotsData = (lang: Lang) =>
  loadStoryData(["company_summary", "events", "models", "model_counts"], async (name) => TABLES[name] as never, lang) as Promise<PivotsData>;
const densityData = (lang: Lang) =>
  loadStoryData(["company_summary", "density_points", "density_fit", "claims", "price_points"], async (name) => TABLES[name] as never, lang) as Promise<DensityData>;

/** The text of a finding (a string, a number or a span). */
const text = (value: unknown): string => (value instanceof dom.window.Node ? (value as Node).textContent ?? "" : String(value));

/** Share of Han characters among letters. */
function cjkShare(value: string): number {
  const letters = value.match(/\p{L}/gu)?.length ?? 0;
  return letters ? (value.match(/\p{Script=Han}/gu)?.length ?? 0) / letters : 0;
}

/** Text with the elements marked lang="en" (data values) left out. */
function ownText(node: Element): string {
  const copy = node.cloneNode(true) as Element;
  for (const data of copy.querySelectorAll("[lang=en]")) data.remove();
  return copy.textContent ?? "";
}

/** A SQL table's region once the (fake) database has answered. */
async function filled(region: HTMLElement): Promise<HTMLElement> {
  await vi.waitFor(() => expect(region.getAttribute("aria-busy")).toBe("false"));
  return region;
}

const ENGLISH_UI = /\b(Companies|Models|All models|Cloud|Edge|Date|Kind|Partners|What happened|Confidence|Released|Density|Parameters|Record|Fit|Release window|with|none|no company|n\/a)\b/;

describe("data values on a Chinese page", () => {
  test("a name's Chinese form is the bracketed Chinese, and only that", () => {
    expect(chineseForm("Wutong Auto (梧桐汽车)")).toBe("梧桐汽车");
    expect(chineseForm("ModelBest (面壁智能)")).toBe("面壁智能");
    expect(chineseForm("36Kr (press summary of the NMI paper)")).toBeNull();
    expect(chineseForm("Li Dahai (李大海), ModelBest CEO")).toBeNull();
    expect(chineseForm("Qualcomm")).toBeNull();
  });

  test("English text is marked lang=en in Chinese, left alone when Chinese or in English", () => {
    expect((dataText("Gamma and ChipCo", "zh") as HTMLElement).outerHTML).toBe('<span lang="en">Gamma and ChipCo</span>');
    expect(dataText("长城汽车", "zh")).toBe("长城汽车");
    expect(dataText("Gamma and ChipCo", "en")).toBe("Gamma and ChipCo");
  });
});

describe("pivots page in Chinese", () => {
  test("the findings name companies by their Chinese short names and join lists with 、 and 和", async () => {
    const f = pivots.pivotsFindings(await pivotsData("zh"));
    expect(f.pretraining).toBe("Beta");
    expect(f.listed).toBe("甲");
    expect(f.apps).toBe("没有公司");
    expect(f.medical).toBe("没有公司");
    expect(f.abandoned).toBe("Beta");
    expect(f.busiest).toBe("面壁智能，共3个");
    expect([f.events, f.chipDeals, f.carDeals, f.partnerCount, f.modelbestModels, f.modelbestEdge, f.modelbestOpen]).toEqual([10, 2, 2, 2, 3, 3, 2]);
  });

  test("partner names: the Chinese form where the data gives one, the rest marked as English data", async () => {
    const names = pivots.pivotsFindings(await pivotsData("zh")).partnerNames as HTMLElement;
    expect(names.textContent).toBe("梧桐汽车、Qualcomm和Intel");
    expect([...names.querySelectorAll("[lang=en]")].map((e) => e.textContent)).toEqual(["Qualcomm", "Intel"]);
    expect(ownText(names)).toBe("梧桐汽车、和");
  });

  test("the English findings read as before", async () => {
    const f = pivots.pivotsFindings(await pivotsData("en"));
    expect(f).toMatchObject({
      pretraining: "Beta",
      listed: "甲 Alpha",
      apps: "none",
      abandoned: "Beta",
      busiest: "面壁智能 ModelBest, with 3",
      partnerNames: "Wutong Auto (梧桐汽车), Qualcomm and Intel"
    });
  });

  test("the filter bar: 公司, 模型 and 全部/云端/端侧", async () => {
    const bar = pivots.pivotsFilters(await pivotsData("zh")) as unknown as HTMLElement;
    const legends = [...bar.querySelectorAll("legend")].map((l) => l.textContent);
    expect(legends).toEqual(["公司", "模型"]);
    const labels = [...bar.querySelectorAll("label")].map((l) => l.textContent!.trim());
    expect(labels).toEqual(["甲", "Beta", "丙", "丁", "面壁智能", "全部", "云端", "端侧"]);
    expect(bar.textContent).not.toMatch(ENGLISH_UI);
  });

  test("the partners table: Chinese headers, caption, kinds, dates and confidence; titles marked as English data", async () => {
    const table = pivots.partnersTable(await pivotsData("zh"));
    expect(table.querySelector("caption")!.textContent).toBe("面壁智能的合作伙伴");
    expect([...table.querySelectorAll("th")].map((th) => th.textContent)).toEqual(["日期", "类型", "合作方", "事件", "可信度"]);
    const rows = [...table.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent));
    expect(rows).toEqual([
      ["2024年9月", "车企合作", "梧桐汽车", "ModelBest and Wutong Auto", "中"],
      ["2025年5月21日", "芯片合作", "Qualcomm、Intel", "ModelBest names its chip partners", "高"]
    ]);
    expect(table.querySelector("tbody td:nth-child(4) [lang=en]")!.textContent).toBe("ModelBest and Wutong Auto");
    expect(ownText(table.querySelector("table")!)).not.toMatch(ENGLISH_UI);
    expect(cjkShare(ownText(table.querySelector("table")!))).toBeGreaterThanOrEqual(0.6);
  });

  test("the partners table in English is unchanged", async () => {
    const table = pivots.partnersTable(await pivotsData("en"));
    expect(table.querySelector("caption")!.textContent).toBe("ModelBest partnerships");
    expect(table.querySelector("tbody tr")!.textContent).toBe("2024-09Car partnershipWutong Auto (梧桐汽车)ModelBest and Wutong Automedium");
  });

  test("models per year: drawn at once from model_counts, company first with Chinese headers and names", async () => {
    const asked = database.asked.length;
    const region = pivots.modelCountsTable(await pivotsData("zh"), {companies: ["modelbest"], deployment: "all"});
    expect(region.getAttribute("aria-busy")).toBe("false");
    expect(region.dataset.source).toBe("page");
    expect(database.asked.length, "no engine until the reader asks").toBe(asked);
    expect(region.querySelector("caption")!.textContent).toBe("各公司每年发布的模型数");
    expect([...region.querySelectorAll("th")].map((th) => th.textContent)).toEqual(["公司", "2023年及以前", "2024年", "2025年", "2026年", "端侧", "开放权重"]);
    expect(region.querySelector("tbody tr")!.textContent).toBe("面壁智能021032");
    expect(region.querySelector(".atlas-run-sql")!.textContent).toBe("用 SQL 运行");
    expect(region.querySelector("details.atlas-query summary")!.textContent).toBe("这张表的 SQL 查询");
    const sql = region.querySelector("details.atlas-query code")!.textContent!;
    expect(sql).toContain("coalesce(c.short_zh, c.label) AS company");
    expect(sql).toContain("list_contains(['modelbest'], m.company_id)");
    const link = region.querySelector(".atlas-explore-link") as HTMLAnchorElement;
    await vi.waitFor(() => expect(link.getAttribute("href")).toContain("#sql="));
    expect(await readSqlLink(link.href)).toEqual({sql, from: "fragment"});
  });

  test("models per year: Run in SQL sends the shown query and shows DuckDB's answer in place", async () => {
    database.rows = [{"2024": 2, "2025": 1, "2026": 0, company: "面壁智能", "2023 or earlier": 0, edge: 3, "open weights": 2}];
    const region = pivots.modelCountsTable(await pivotsData("zh"), {companies: ["modelbest", "alpha"], deployment: "all"});
    document.body.append(region);
    const sql = region.querySelector("details.atlas-query code")!.textContent!;
    (region.querySelector(".atlas-run-sql") as HTMLButtonElement).click();
    expect(region.getAttribute("aria-busy")).toBe("true");
    await filled(region);
    // The text shown is the text run: its values are in it, none is bound apart.
    expect(database.asked.at(-1)!.sql).toBe(sql);
    expect(database.asked.at(-1)!.params ?? []).toEqual([]);
    expect(region.dataset.source).toBe("duckdb");
    expect(region.querySelectorAll("tbody tr")).toHaveLength(1);
    expect(region.querySelector("tbody tr")!.textContent).toBe("面壁智能021032");
    expect(region.querySelector(".atlas-query-status")!.textContent).toMatch(/^以下是 DuckDB-WASM 对这条查询的回答：共1行/);
    region.remove();
  });

  test("models per year in English keeps the SQL names as headers and the English label", async () => {
    const region = pivots.modelCountsTable(await pivotsData("en"), {companies: ["modelbest", "alpha"], deployment: "all"});
    expect(region.querySelector("caption")!.textContent).toBe("Model releases per company and year");
    expect([...region.querySelectorAll("th")].map((th) => th.textContent)).toEqual(["company", "2023 or earlier", "2024", "2025", "2026", "edge", "open weights"]);
    // In display order (alpha before modelbest), each year's releases summed from model_counts.
    expect([...region.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent))).toEqual([
      ["甲 Alpha", "1", "0", "1", "0", "0", "1"],
      ["面壁智能 ModelBest", "0", "2", "1", "0", "3", "2"]
    ]);
    const sql = region.querySelector("details.atlas-query code")!.textContent!;
    expect(sql).toMatch(/^SELECT c\.label AS company,/);
    expect(sql).toContain("list_contains(['modelbest', 'alpha'], m.company_id)");
    expect(region.querySelector(".atlas-run-sql")!.textContent).toBe("Run in SQL");
    const link = region.querySelector(".atlas-explore-link") as HTMLAnchorElement;
    await vi.waitFor(() => expect(link.getAttribute("href")).toMatch(/^\.\/explore#sql=[A-Za-z0-9_-]+$/));
    expect(await readSqlLink(link.href)).toEqual({sql, from: "fragment"});
  });
});

describe("density page in Chinese", () => {
  test("the findings: numbers as numbers, claimants as a list marked as English data, 无 for a missing fit", async () => {
    const data = await densityData("zh");
    const f = density.densityFindings(data);
    expect([f.points, f.recordsN, f.recordsMonths, f.recordsLow, f.recordsHigh, f.allMonths]).toEqual([5, 12, "3.45", "3.0", "4.0", "4.6"]);
    expect([f.claims, f.consistent, f.outside, f.differentMetric, f.notComparable]).toEqual([5, 1, 1, 1, 1]);
    const who = f.consistentWho as HTMLElement;
    expect(who.textContent).toBe("paper claimant");
    expect(who.querySelector("[lang=en]")!.textContent).toBe("paper claimant");
    expect([f.priceMonths, f.priceFall]).toEqual(["2.0", "8"]);
    const noAll = density.densityFindings({...data, density_fit: data.density_fit.filter((r) => r.fit_id === "records")});
    expect(noAll.allMonths).toBe("无");
  });

  test("several claimants are joined with 、 and 和, a Chinese form taken where the data gives one", async () => {
    const data = await densityData("zh");
    const more = [...data.claims, {...data.claims[0], id: "mb", claimant: "ModelBest (面壁智能)"}, {...data.claims[0], id: "x", claimant: "36Kr (press summary)"}];
    const who = density.densityFindings({...data, claims: more}).consistentWho as HTMLElement;
    expect(who.textContent).toBe("paper claimant、面壁智能和36Kr (press summary)");
  });

  test("the refit for the window: a Chinese heading and note with Chinese dates", async () => {
    const data = await densityData("zh");
    const fit = density.windowFit(data, {fit: "records", window: ["2023-03-01", "2023-11-26"]});
    expect(fit.heading).toBe("在这个窗口里，纪录密度每3.0个月翻一番");
    expect(fit.note).toMatch(/^拟合基于2023年3月1日至2023年11月26日间发布的4个创纪录模型：斜率为每天0\.00770，R²为1\.000，95%自助法置信区间为[\d.]+–[\d.]+个月。$/);
    const all = density.windowFit(data, {fit: "all", window: ["2023-03-01", "2023-11-26"]});
    expect(all.heading).toMatch(/^在这个窗口里，密度每[\d.]+个月翻一番$/);
    expect(all.note).toMatch(/^拟合基于2023年3月1日至2023年11月26日间发布的5个模型：/);
    const none = density.windowFit(data, {fit: "records", window: ["2023-03-01", "2023-03-02"]});
    expect(none).toEqual({heading: "这个窗口里的模型太少，拟合不出趋势", note: "请把窗口放宽一些。"});
    for (const phrase of [fit.heading, fit.note, all.note, none.heading, none.note]) {
      expect(phrase).not.toMatch(ENGLISH_UI);
      expect(cjkShare(phrase)).toBeGreaterThanOrEqual(0.6);
    }
  });

  test("the refit in English reads as before", async () => {
    const data = await densityData("en");
    const fit = density.windowFit(data, {fit: "records", window: ["2023-03-01", "2023-11-26"]});
    expect(fit.heading).toBe("Record density doubles every 3.0 months in this window");
    expect(fit.note).toMatch(/^Fitted on 4 record-setting models released between 2023-03-01 and 2023-11-26: slope 0\.00770 per day, R² 1\.000, 95% bootstrap interval/);
    expect(density.windowFit(data, {fit: "all", window: ["2023-03-01", "2023-03-02"]})).toEqual({heading: "Too few models in this window to fit a trend", note: "Widen the window."});
  });

  test("the filter bar: which models and the window, in Chinese", async () => {
    const bar = density.densityFilters(await densityData("zh")) as unknown as HTMLElement;
    expect([...bar.querySelectorAll("legend")].map((l) => l.textContent)).toEqual(["拟合趋势所用的模型", "发布时间窗口"]);
    const radios = [...bar.querySelectorAll(".atlas-radio label")].map((l) => l.textContent!.trim());
    expect(radios).toEqual(["只用创纪录的模型（论文的方法）", "全部5个模型"]);
  });

  test("the claims download says what it saves in Chinese; in English it is the plain button", async () => {
    expect(density.claimsDownload(await densityData("zh")).textContent).toBe("下载全部说法（CSV）");
    expect(density.claimsDownload(await densityData("en")).textContent).toBe("Download CSV");
  });

  test("the records table: Chinese caption, headers and release dates, drawn at once", async () => {
    const region = density.recordsTable(await densityData("zh"), {fit: "records", window: ["2023-03-01", "2023-11-26"]});
    expect(region.dataset.source).toBe("page");
    expect(region.querySelector("caption")!.textContent).toBe("2023年3月1日至2023年11月26日间创下密度纪录的模型");
    expect([...region.querySelectorAll("th")].map((th) => th.textContent)).toEqual(["模型", "发布日期", "密度", "参数量（B）"]);
    expect(region.querySelector("tbody tr")!.textContent).toBe("p12023年3月1日17");
    // p3 is below p2, released earlier in the window: not a record of it.
    expect([...region.querySelectorAll("tbody tr td:first-child")].map((td) => td.textContent)).toEqual(["p1", "p2", "p4", "p5"]);
    expect(region.querySelector(".atlas-explore-link")!.textContent).toBe("在“用 SQL 探索”页打开");
    expect(ownText(region)).not.toMatch(ENGLISH_UI);
  });

  test("the records of a window that starts after a model's prior peak include it; the SQL says the same window", async () => {
    const region = density.recordsTable(await densityData("en"), {fit: "records", window: ["2023-06-01", "2023-11-26"]});
    expect([...region.querySelectorAll("tbody tr td:first-child")].map((td) => td.textContent)).toEqual(["p3", "p4", "p5"]);
    const sql = region.querySelector("details.atlas-query code")!.textContent!;
    expect(sql).toContain("WHERE release_date BETWEEN '2023-06-01'::DATE AND '2023-11-26'::DATE");
    expect(sql).toContain("AND (prior_peak_date IS NULL OR prior_peak_date < '2023-06-01'::DATE)");
  });

  test("the records table in English is unchanged", async () => {
    const region = density.recordsTable(await densityData("en"), {fit: "records", window: ["2023-03-01", "2023-11-26"]});
    expect(region.querySelector("caption")!.textContent).toBe("Record-setting models, 2023-03-01 to 2023-11-26");
    expect([...region.querySelectorAll("th")].map((th) => th.textContent)).toEqual(["Model", "Released", "Density", "Parameters (B)"]);
    expect(region.querySelector("tbody tr")!.textContent).toBe("p12023-03-0117");
  });
});
