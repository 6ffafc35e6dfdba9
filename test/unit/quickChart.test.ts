// @vitest-environment jsdom
import {describe, expect, test} from "vitest";
import {quickChart} from "../../src/components/quickChart.js";
import {accessibleName} from "./markGeometry.js";
import {cjkShare, englishLeft, visibleChartText} from "./zhChartText.js";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const rows = [
  {release_date: day("2024-01-15"), params_total_b: 10, company_id: "zhipu"},
  {release_date: day("2024-09-01"), params_total_b: 32, company_id: "moonshot"},
  {release_date: day("2025-03-01"), params_total_b: 230, company_id: "minimax"},
  {release_date: null, params_total_b: 7, company_id: "stepfun"}
];

const tooltip = (figure: HTMLElement) => {
  figure.querySelector(".mark")!.dispatchEvent(new MouseEvent("click", {bubbles: true}));
  return figure.querySelector(".atlas-tooltip")!.textContent!;
};

describe("quickChart(rows, options)", () => {
  test("in English: 'y by x', a description that counts the rows, the query source line", () => {
    const figure = quickChart(rows, {x: "release_date", y: "params_total_b", color: "company_id"});
    const [title, desc] = accessibleName(figure);
    expect(title).toBe("params_total_b by release_date");
    expect(desc).toBe("Points: 3 rows with release_date and a numeric params_total_b, coloured by company_id. 1 rows without both values are not drawn.");
    expect(figure.querySelector(".atlas-source")!.textContent).toBe("Query result from the Six Tigers Atlas tables. Six Tigers Atlas · data CC BY 4.0.");
    expect(tooltip(figure)).toContain("release_date: 2024-01-15");
  });
});

describe("quickChart in Chinese", () => {
  const ENGLISH = ["Points", "Bars", "rows", "numeric", "coloured", "not drawn", "Query result", "tables", "Sources?", "Download", "Data table"];
  const SQL = /\b(release_date|params_total_b|company_id|funding_usd_mid|zhipu|moonshot|minimax|stepfun)\b/g;

  test("points over dates: Chinese title, description, Chinese date ticks and tooltip; column names stay SQL names", () => {
    const figure = quickChart(rows, {x: "release_date", y: "params_total_b", color: "company_id", lang: "zh"});
    const [title, desc] = accessibleName(figure);
    expect(title).toBe("params_total_b（按 release_date）");
    expect(title).not.toContain(" by ");
    expect(desc).toBe("散点图：3行同时有 release_date 和数值 params_total_b，按 company_id 着色。另有1行缺少其中一个值，未画出。");
    for (const tick of figure.querySelectorAll(".axis-x .tick text")) expect(tick.textContent).toMatch(/^(\d{4}年|\d{1,2}月)$/);
    const tip = tooltip(figure);
    expect(tip).toContain("release_date：2024年1月15日");
    expect(tip).toContain("params_total_b：10");
    expect(figure.querySelector(".atlas-source")!.textContent).toBe("查询结果，来自六小虎图谱的数据表。六小虎图谱 · 数据采用 CC BY 4.0 协议。");
    expect(figure.querySelector(".atlas-chart-tools")!.textContent).toBe("下载 SVG下载 PNG");
    const visible = visibleChartText(figure);
    expect(englishLeft([visible, desc, tip].join("\n"), ENGLISH)).toEqual([]);
    // The SQL names are the reader's own query; without them what the chart says is Chinese.
    expect(cjkShare(visible.replace(SQL, ""))).toBeGreaterThanOrEqual(0.4);
  });

  test("bars over text and points over numbers keep numeric ticks as they are", () => {
    const bars = quickChart([{company_id: "zhipu", funding_usd_mid: 1200}, {company_id: "minimax", funding_usd_mid: 800}], {x: "company_id", y: "funding_usd_mid", lang: "zh"});
    expect(accessibleName(bars)[1]).toBe("条形图：2行同时有 company_id 和数值 funding_usd_mid。");
    expect([...bars.querySelectorAll(".labels text")].map((t) => t.textContent)).toEqual(["zhipu", "minimax"]);
    const numbers = quickChart([{a: 1, b: 2}, {a: 3, b: 4}], {x: "a", y: "b", lang: "zh"});
    for (const tick of numbers.querySelectorAll(".axis-x .tick text")) expect(tick.textContent).toMatch(/^[\d.,]+$/);
  });
});
