// @vitest-environment jsdom
/**
 * The company pages of both editions (src/companies/companyPage.ts) and their tables' words
 * (companyTables.ts): the Chinese page says everything we write in Chinese, leaves English data values
 * marked `lang="en"`, and passes its language to the cells; the English page stays as it was.
 */
import {beforeAll, describe, expect, test} from "vitest";
import {companyPage} from "../../src/companies/companyPage.js";
import {companyTables, term} from "../../src/companies/companyTables.js";
import {dataTable} from "../../src/components/dataTable.js";
import {formatCurrencyMillions} from "../../src/components/i18n.js";
import {sourceTitleLang} from "../../src/components/sourceTitle.js";
import {usdRange} from "../../src/notebooks/notebook.js";
import {descriptionProblem, frontMatterField} from "../../scripts/framework/meta.js";

const IDS = ["zhipu", "minimax", "modelbest", "skywork"];
const pages: Record<string, {en: string; zh: string}> = {};

beforeAll(async () => {
  for (const id of IDS) pages[id] = {en: await companyPage(id, "en"), zh: await companyPage(id, "zh")};
}, 60_000);

/** The page as the reader sees it before any cell runs: the Markdown without its code blocks, as HTML. */
function staticPage(markdown: string): HTMLElement {
  const div = document.createElement("div");
  div.innerHTML = markdown.replace(/^---[\s\S]*?---\n/, "").replace(/^```[\s\S]*?^```$/gm, "").replace(/^## (.*?)(?: \{#[\w-]+\})?$/gm, "<h2>$1</h2>");
  return div;
}

/** The text we wrote: everything but the elements marked as English data. */
function ourText(root: HTMLElement): string {
  const copy = root.cloneNode(true) as HTMLElement;
  for (const el of copy.querySelectorAll('[lang="en"]')) el.remove();
  return copy.textContent ?? "";
}

/** The share of Han characters among letters. */
function cjkShare(text: string): number {
  const letters = text.match(/\p{L}/gu) ?? [];
  return letters.length ? (text.match(/\p{Script=Han}/gu) ?? []).length / letters.length : 0;
}

/** The cells' code. */
function cells(markdown: string): string {
  return (markdown.match(/^```js[\s\S]*?^```$/gm) ?? []).join("\n");
}

describe("the Chinese company page", () => {
  test("title, heading and facts in Chinese; the English name small and marked, so a search for it finds the page", () => {
    const zh = pages.zhipu.zh;
    expect(zh).toMatch(/^---\ntitle: "智谱"\ndescription: "[^"\n]+"\n---/);
    expect(zh).toContain('<h1>智谱 <small lang="en">Zhipu AI (Z.ai)</small></h1>');
    for (const label of ["英文名", "中文名", "成立时间", "创始人与负责人", "总部", "分组", "当前路线"]) expect(zh).toContain(`<dt>${label}</dt>`);
    expect(zh).toContain("<dd>2019年6月</dd>");
    expect(zh).toContain("<dd>唐杰、李涓子、张鹏</dd>");
    expect(zh).toContain("<dd>北京</dd>");
    expect(zh).toContain("<dd>六小虎</dd>");
    expect(zh).toMatch(/<dd>已上市：<span lang="en">[^<]+<\/span>（2026年1月8日）<\/dd>/);
    expect(zh).toMatch(/本图谱收录该公司融资记录 \d+ 条、模型记录 \d+ 条（其中已发布模型 \d+ 个）、事件 \d+ 条、业绩记录 \d+ 条、说法 \d+ 条，引用来源 \d+ 个。/);
    // Each section keeps its English twin's id, so a link or the language switch lands on the same section.
    for (const [heading, id] of [["时间线", "timeline"], ["融资", "funding"], ["业绩", "results"], ["模型", "models"], ["事件", "events"], ["来源", "sources"]]) expect(zh).toContain(`\n## ${heading} {#${id}}\n`);
  });

  test("variant founding dates and a missing founding date read in Chinese", () => {
    expect(pages.minimax.zh).toMatch(/<dd>2021年12月；另有说法：2021年6月（可信度中）、2021年11月（可信度低）、2022年1月（可信度中）<\/dd>/);
    expect(pages.skywork.zh).toContain("<dt>成立时间</dt><dd>未记录</dd>");
    expect(pages.skywork.zh).toContain("<dt>创始人与负责人</dt><dd>未记录</dd>");
  });

  test.each(IDS)("%s: no English word of ours is left, and the prose is mostly Chinese", (id) => {
    const text = ourText(staticPage(pages[id].zh));
    expect(text).not.toMatch(/\b(Timeline|Funding|Results|Models|Events|Sources|English name|Founded|not recorded|counted rounds|reported total|read via|confidence|six tigers|also reported)\b/);
    // What Latin is left: names with no Chinese form, model names, figures as reported, hosts read via.
    expect(cjkShare(text)).toBeGreaterThanOrEqual(0.6);
  });

  test("the funding-total check, computed again in Chinese from the same comparison", () => {
    const check = staticPage(pages.minimax.zh).querySelector(".atlas-funding-total")!;
    expect(check.getAttribute("data-check")).toBe(staticPage(pages.minimax.en).querySelector(".atlas-funding-total")!.getAttribute("data-check"));
    expect(check.textContent).toMatch(/^计入的各轮融资与报道的累计融资额（报道为“[^”]+”）(相符|对不上)/);
    expect(check.textContent).toMatch(/\d+(\.\d+)?亿(–\d+(\.\d+)?亿)?美元/);
    expect(check.textContent).not.toMatch(/million|USD|rounds/);
  });

  test("results: the section and its note in Chinese", () => {
    const zh = pages.zhipu.zh;
    expect(zh).toContain("\n## 业绩 {#results}\n");
    expect(zh).toMatch(/最近一个披露收入的完整财年是\d{4}年。/);
    expect(pages.modelbest.zh).not.toContain("## 业绩");
  });

  test("sources keep their titles, marked with the title's language; dates and languages in Chinese", () => {
    const items = [...staticPage(pages.zhipu.zh).querySelectorAll("ol.atlas-sources li")];
    expect(items.length).toBeGreaterThan(10);
    for (const item of items) {
      const title = item.querySelector("a, span[lang]:not(.atlas-source-publisher span)")!;
      expect(["zh", "en"]).toContain(title.getAttribute("lang"));
      expect(item.textContent).toMatch(/（(约)?\d{4}年[^；]*；(中文|英文)）/);
    }
    expect(pages.zhipu.zh).toContain('lang="zh" target="_blank" rel="noopener noreferrer">大模型六小虎的生存悬念</a>');
  });

  test("the cells import from two folders up and pass the page's language", () => {
    const code = cells(pages.zhipu.zh);
    expect(code).toContain('const lang = "zh";');
    expect(code).toContain('import {companyTables} from "../../companies/companyTables.js";');
    expect(code).not.toMatch(/from "\.\.\/components\//);
    expect(code).toContain("companyTimeline({company, rounds, models, events, width, sources, lang})");
    expect(code).toContain("companyTables(lang, {links})");
  });
});

describe("the English company page", () => {
  test("keeps its words", () => {
    const en = pages.zhipu.en;
    expect(en).toMatch(/^---\ntitle: "智谱 Zhipu"\ndescription: "[^"\n]+"\n---/);
    expect(en).toContain("<h1>智谱 Zhipu <small>Zhipu AI (Z.ai)</small></h1>");
    expect(en).toContain("<dt>English name</dt><dd>Zhipu AI (Z.ai)</dd>");
    expect(en).toContain("<dt>Founders and leaders</dt><dd>Tang Jie (唐杰); Li Juanzi (李涓子); Zhang Peng (张鹏)</dd>");
    expect(en).toContain("<dt>Group</dt><dd>six tigers</dd>");
    expect(en).toMatch(/<p class="atlas-note">\d+ funding rows, \d+ model rows \(\d+ models released\), \d+ events, \d+ results rows and \d+ claims in the atlas; \d+ sources\.<\/p>/);
    expect(en).toMatch(/The counted rounds agree with the reported total \(reported as [^)]+\): the \d+ counted rounds with an amount add up to/);
    expect(pages.minimax.en).toContain("<dd>2021-12; also reported: 2021-06 (medium confidence), 2021-11 (low confidence), 2022-01 (medium confidence)</dd>");
    for (const heading of ["Timeline", "Funding", "Results", "Models", "Events", "Sources"]) expect(en).toContain(`\n## ${heading} {#${heading.toLowerCase()}}\n`);
    expect(en).toMatch(/<span class="atlas-source-publisher">TechCrunch<\/span>, <a [^>]*>China&#39;s OpenAI challenger Zhipu AI gets Meituan funding<\/a> \(2023-07-20; en\), read via news\.yahoo\.com<\/li>/);
    expect(cells(en)).toContain('const lang = "en";');
    expect(cells(en)).toContain('import {companyTables} from "../companies/companyTables.js";');
  });
});

describe("companyTables", () => {
  const links = (ids: string[]) => document.createTextNode(ids.join("; "));
  const round = {id: "r1", date_raw: "2024-07", kind: "round", round: "Series B", amount_reported: "7亿元", amount_usd_mid: 96.4, valuation_reported: "~$3bn", conflict_key: null, note: "", confidence: "high", source_ids: ["s1", "s2"]};
  const model = {release_date_raw: "2024-01", model: "GLM-4", status: "announced", counted: false, params_total_b: null, params_active_b: null, architecture: "moe", open_weights: true, deployment: "cloud", confidence: "medium", source_ids: ["s1"]};
  const event = {date_raw: "2025-H1", event_type: "ipo_process", title: "Files for a listing", partners: ["CICC"], confidence: "low", source_ids: ["s1"]};
  const result = {period: "2025-9M", basis: "prospectus", currency: "CNY", revenue_m: 57.4, revenue_usd_m: 7.9, net_loss_m: 144, net_loss_usd_m: 19.9, adjusted_net_loss_m: null, figures_reported: "收入5740万元", preferred: false, confidence: "high", source_ids: ["s1"]};

  function render(lang: "en" | "zh", name: "funding" | "models" | "events" | "results", row: Record<string, unknown>) {
    const text = companyTables(lang, {links, document});
    return dataTable([row], {columns: Object.keys(text[name].labels), ...text[name]});
  }
  const cellsOf = (table: HTMLElement) => [...table.querySelectorAll("td")].map((td) => td.textContent);
  const headersOf = (table: HTMLElement) => [...table.querySelectorAll("th")].map((th) => th.textContent).join(" ");

  test("English: the headers, captions and cells the page has always shown", () => {
    const funding = render("en", "funding", round);
    expect(funding.querySelector("caption")!.textContent).toBe("Funding rounds, IPO and reported totals");
    expect(headersOf(funding)).toBe("Date Kind Round Amount as reported USD m (estimate) Valuation as reported Disputed Note Confidence Sources");
    expect(cellsOf(funding)).toEqual(["2024-07", "round", "Series B", "7亿元", "96", "~$3bn", "", "", "high", "s1; s2"]);
    expect(funding.querySelector("[lang]")).toBeNull();
    // Undisclosed parameters are NULL, which the grid sets apart from an empty string (a muted dash).
    expect(cellsOf(render("en", "models", model))).toEqual(["2024-01", "GLM-4", "announced (not counted)", "—", "—", "moe", "true", "cloud", "medium", "s1"]);
    expect(cellsOf(render("en", "events", event))).toEqual(["2025-H1", "ipo_process", "Files for a listing", "CICC", "low", "s1"]);
    expect(cellsOf(render("en", "results", result))).toEqual([
      "2025-9M",
      "prospectus",
      "CNY 57.4m ($7.9m)",
      "CNY 144m ($19.9m)",
      "",
      "收入5740万元",
      "no: another report of the period is",
      "high",
      "s1"
    ]);
  });

  test("Chinese: headers, captions and coded values named; dates, amounts in 万/亿; English data marked", () => {
    const funding = render("zh", "funding", round);
    expect(funding.querySelector("caption")!.textContent).toBe("融资轮次、IPO 与报道的累计融资额");
    expect(headersOf(funding)).toBe("日期 类型 轮次 报道金额 折合美元（估算） 报道估值 存疑 说明 可信度 来源");
    expect(cellsOf(funding)).toEqual(["2024年7月", "融资轮", "Series B", "7亿元", "9640万美元", "~$3bn", "", "", "高", "s1; s2"]);
    // English data and quotes are marked; a Chinese quote ("7亿元") is not. (The grid's keyboard help marks its key names too.)
    expect([...funding.querySelectorAll('[lang="en"]:not(kbd)')].map((el) => el.textContent)).toEqual(["Series B", "~$3bn"]);
    expect(cellsOf(render("zh", "models", model))).toEqual(["2024年1月", "GLM-4", "已宣布（不计入）", "—", "—", "MoE（混合专家）", "是", "云端", "中", "s1"]);
    const events = render("zh", "events", event);
    expect(cellsOf(events)).toEqual(["2025年上半年", "上市申请", "Files for a listing", "CICC", "低", "s1"]);
    expect([...events.querySelectorAll('[lang="en"]:not(kbd)')].map((el) => el.textContent)).toEqual(["Files for a listing", "CICC"]);
    const results = render("zh", "results", result);
    expect(results.querySelector("caption")!.textContent).toBe("已披露业绩");
    expect(cellsOf(results)).toEqual(["2025年前三季度", "招股书", "5740万元（790万美元）", "1.44亿元（1990万美元）", "", "收入5740万元", "否：图表采用同期的另一份报告", "高", "s1"]);
    for (const table of [funding, events, results]) {
      expect((headersOf(table) + table.querySelector("caption")!.textContent).replace(/\bIPO\b/g, "")).not.toMatch(/[A-Za-z]{3,}/);
    }
  });

  test("term names a coded value in Chinese and leaves it as written in English or when unknown", () => {
    expect(term("zh", "deployment", "edge")).toBe("端侧");
    expect(term("zh", "deployment", "orbit")).toBe("orbit");
    expect(term("en", "deployment", "edge")).toBe("edge");
  });
});

describe("helpers of the Chinese pages", () => {
  test("formatCurrencyMillions: the English form formatReported has always given, and 万/亿 in Chinese", () => {
    expect(formatCurrencyMillions(724, "CNY")).toBe("CNY 724m");
    expect(formatCurrencyMillions(1234.5, "USD")).toBe("USD 1,234.5m");
    expect(formatCurrencyMillions(724, "CNY", "zh")).toBe("7.24亿元");
    expect(formatCurrencyMillions(79, "USD", "zh")).toBe("7900万美元");
    expect(formatCurrencyMillions(300, "HKD", "zh")).toBe("3亿港元");
    expect(formatCurrencyMillions(null, "CNY", "zh")).toBe("");
  });

  test("sourceTitleLang: the source's language, except the English titles the atlas wrote or a Chinese page gave", () => {
    expect(sourceTitleLang({title: "大模型六小虎的生存悬念", language: "zh"})).toBe("zh");
    expect(sourceTitleLang({title: "(interview with Liu Zhiyuan; byline Liang Changjun)", language: "zh"})).toBe("en");
    expect(sourceTitleLang({title: "GLM-4 series model documentation", language: "zh"})).toBe("en");
    expect(sourceTitleLang({title: "What is Zhipu AI?", language: "en"})).toBe("en");
    expect(sourceTitleLang({title: "Modelos chineses", language: "pt"})).toBe("pt");
  });

  test("usdRange says 'nothing disclosed' in the page's language", () => {
    expect(usdRange(null, 5, String)).toBe("nothing disclosed");
    expect(usdRange(null, 5, String, "zh")).toBe("未披露金额");
    expect(usdRange(1, 2, (v) => `${v}亿美元`, "zh")).toBe("1亿美元–2亿美元");
  });
});

describe("the page's description", () => {
  test.each(IDS)("%s: front matter describes the page in its edition's language, within the build's limits", (id) => {
    for (const lang of ["en", "zh"] as const) {
      const description = frontMatterField(pages[id][lang], "description");
      expect(descriptionProblem(description, lang), `${id} (${lang}): ${description}`).toBeNull();
    }
    expect(frontMatterField(pages[id].zh, "description")).toMatch(/的成立、各轮融资与估值/);
    expect(frontMatterField(pages[id].en, "description")).toMatch(/: founding, funding rounds and valuation/);
  });
});
