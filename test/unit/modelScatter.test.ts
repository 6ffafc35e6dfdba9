// @vitest-environment jsdom
import {beforeAll, describe, expect, test} from "vitest";
import {indexSources, type SourceRef} from "../../src/components/chart.js";
import {companySummary, models as fixtureModels} from "./storyFixtures.js";
import {modelScatter, type CompanyRow, type ModelRow} from "../../src/components/modelScatter.js";
import {accessibleName, markPositions, viewBox} from "./markGeometry.js";
import {tableRows} from "./tableRows.js";
import {expectChinese} from "./zhChartText.js";


let models: ModelRow[];
let companies: CompanyRow[];
let sources: ReturnType<typeof indexSources>;

beforeAll(async () => {
  models = await tableRows<ModelRow>("models");
  // The companies table has no colours; give ModelBest the colour a company_summary row would carry.
  companies = (await tableRows<CompanyRow>("companies")).map((c) => (c.company_id === "modelbest" ? {...c, color: "#b07aa1"} : c));
  sources = indexSources(await tableRows<SourceRef>("sources"));
});

const EVIL = "<img src=x onerror=alert(1)>";

/** Rows the chart should draw, decided here without the component's helpers. */
const sized = (rows: ModelRow[]) => rows.filter((m) => m.params_total_b != null && m.release_date != null);

function model(id: string, extra: Partial<ModelRow> = {}): ModelRow {
  return {
    id,
    company_id: "zhipu",
    model: id,
    release_date: new Date("2024-06-01T00:00:00Z"),
    params_total_b: 10,
    params_active_b: 10,
    architecture: "dense",
    deployment: "cloud",
    source_ids: ["s1"],
    ...extra
  };
}

describe("modelScatter(models, options)", () => {
  test("draws one mark per model with a disclosed size and lists the rest", () => {
    const figure = modelScatter(models, {companies, sources});
    const expected = sized(models).map((m) => m.id).sort();
    expect([...figure.querySelectorAll(".mark")].map((m) => m.getAttribute("data-id")).sort()).toEqual(expected);
    const undisclosed = models.length - expected.length;
    expect(undisclosed).toBeGreaterThan(0);
    const note = figure.querySelector(".atlas-chart-note") as HTMLElement;
    expect(note.dataset.skipped).toBe(String(undisclosed));
    expect(note.querySelector("summary")!.textContent).toContain(`${undisclosed} models without a disclosed size`);
    expect(note.querySelectorAll("li")).toHaveLength(undisclosed);
    expect(note.querySelector('li[data-id="glm-4"]')).not.toBeNull();
    expect(accessibleName(figure)[1]).toContain(`${undisclosed} models have no disclosed size`);
  });

  test("draws a MoE model as a total mark joined to a smaller active mark, inside one mark group", () => {
    const figure = modelScatter(models, {companies, sources});
    const k2 = figure.querySelector('.mark[data-id="kimi-k2"]')!;
    expect(k2.classList.contains("moe")).toBe(true);
    expect(k2.querySelectorAll("path")).toHaveLength(2);
    const link = k2.querySelector("line.moe-link")!;
    // Active (32B) is below total (1T) on a log axis: a positive offset in SVG coordinates.
    expect(Number(link.getAttribute("y2"))).toBeGreaterThan(0);
    const moe = models.filter((m) => m.architecture === "moe" && m.params_total_b != null && m.params_active_b != null);
    expect(figure.querySelectorAll(".mark.moe")).toHaveLength(moe.length);
    // A dense model is a single shape.
    expect(figure.querySelector('.mark[data-id="glm-4-9b"]')!.querySelectorAll("path")).toHaveLength(1);
    // A MoE with no disclosed active count is drawn at its total only.
    expect(figure.querySelector('.mark[data-id="tiangong-3-0"]')!.classList.contains("single")).toBe(true);
  });

  test("edge models are diamonds, cloud models circles, coloured by company", () => {
    const figure = modelScatter(models, {companies, sources});
    const edge = figure.querySelector('.mark[data-id="minicpm3-4b"]')!;
    const cloud = figure.querySelector('.mark[data-id="glm-4-9b"]')!;
    expect(edge.classList.contains("edge")).toBe(true);
    expect(cloud.classList.contains("cloud")).toBe(true);
    expect(edge.querySelector("path")!.getAttribute("d")).not.toBe(cloud.querySelector("path")!.getAttribute("d"));
    expect(edge.querySelector("path")!.getAttribute("fill")).toBe("#b07aa1");
    const legend = [...figure.querySelectorAll(".legend-item")].map((i) => i.getAttribute("data-key"));
    expect(legend).toEqual(expect.arrayContaining(["deployment-cloud", "deployment-edge", "moe", "company-modelbest"]));
  });

  test("filters by deployment and company", () => {
    const edge = modelScatter(models, {companies, sources, deployment: "edge"});
    expect(edge.querySelectorAll(".mark")).toHaveLength(sized(models.filter((m) => m.deployment === "edge")).length);
    expect(edge.querySelectorAll(".mark.cloud")).toHaveLength(0);
    const cloud = modelScatter(models, {companies, sources, deployment: "cloud", companyIds: ["moonshot", "minimax"]});
    const expected = sized(models.filter((m) => m.deployment === "cloud" && ["moonshot", "minimax"].includes(m.company_id)));
    expect(cloud.querySelectorAll(".mark")).toHaveLength(expected.length);
  });

  test("has an accessible name, axis labels and ticks in B and T", () => {
    const figure = modelScatter(models, {companies, sources});
    expect(figure.querySelector("svg")!.getAttribute("role")).toBe("img");
    const [title, desc] = accessibleName(figure);
    expect(title).toBe("Model sizes over time");
    expect(desc).toContain(`${sized(models).length} model releases`);
    expect(desc).toContain("智谱 Zhipu");
    const labels = [...figure.querySelectorAll(".axis-label")].map((a) => a.textContent);
    expect(labels).toEqual(["Parameters (billions, log scale)", "Release date"]);
    const ticks = [...figure.querySelectorAll(".axis-y .tick text")].map((t) => t.textContent);
    expect(ticks).toEqual(expect.arrayContaining(["1B", "10B", "100B", "1T"]));
  });

  test.each([320, 960])("keeps every mark (and each MoE's active mark) inside the viewBox at width %i", (width) => {
    const figure = modelScatter(models, {companies, sources, width});
    const [w, h] = viewBox(figure);
    expect(w).toBe(width);
    const positions = markPositions(figure);
    expect(positions).toHaveLength(sized(models).length);
    for (const p of positions) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(width);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(h);
    }
    for (const link of figure.querySelectorAll("line.moe-link")) {
      const top = positions.find((p) => p.id === link.parentElement!.getAttribute("data-id"))!;
      expect(top.y + Number(link.getAttribute("y2"))).toBeLessThanOrEqual(h);
    }
  });

  test("renders hostile model names, notes and reported sizes as text", () => {
    const figure = modelScatter(
      [model("m1", {model: EVIL, notes: EVIL, params_reported: EVIL}), model("m2", {model: EVIL, params_total_b: null, params_reported: EVIL})],
      {companies, sources: new Map()}
    );
    figure.querySelector(".mark")!.dispatchEvent(new MouseEvent("click", {bubbles: true}));
    expect(figure.querySelector(".atlas-tooltip")!.textContent).toContain(EVIL);
    expect(figure.querySelector(".atlas-chart-note li")!.textContent).toContain(EVIL);
    expect(figure.querySelector("img")).toBeNull();
  });

  test("hand-made rows: approximate dates are hollow; a MoE pair needs active < total", () => {
    const figure = modelScatter(
      [
        model("approx", {release_date_approx: true}),
        model("moe", {architecture: "moe", params_total_b: 100, params_active_b: 10}),
        model("odd", {architecture: "moe", params_total_b: 10, params_active_b: 10}),
        model("undated", {release_date: null})
      ],
      {companies, sources: new Map()}
    );
    expect(figure.querySelectorAll(".mark")).toHaveLength(3);
    expect(figure.querySelector('.mark[data-id="approx"] path.total')!.getAttribute("fill-opacity")).toBe("0");
    expect(figure.querySelector('.mark[data-id="moe"]')!.classList.contains("moe")).toBe(true);
    expect(figure.querySelector('.mark[data-id="odd"]')!.classList.contains("single")).toBe(true);
  });

  test("copes with nothing to draw", () => {
    const figure = modelScatter([model("x", {params_total_b: null})], {companies, sources: new Map()});
    expect(figure.querySelectorAll(".mark")).toHaveLength(0);
    expect(accessibleName(figure)[1]).toContain("No model with a disclosed size");
  });

  test("orders the legend by company_summary's display_order and colours by its colour", () => {
    const figure = modelScatter(fixtureModels, {companies: [...companySummary].reverse(), sources: new Map()});
    const keys = [...figure.querySelectorAll(".legend-item")].map((i) => i.getAttribute("data-key")).filter((k) => k!.startsWith("company-"));
    expect(keys).toEqual(["company-alpha", "company-gamma"]);
    expect(figure.querySelector('.mark[data-id="gamma-mini"] path')!.getAttribute("fill")).toBe("#59a14f");
  });
});

describe("modelScatter in Chinese", () => {
  const ENGLISH = ["Model sizes", "over time", "Parameters", "billions", "log scale", "Release date", "released", "edge", "on-device", "cloud", "hollow", "approximate", "total", "active", "Not drawn", "without a disclosed size", "Company", "Architecture", "Deployment", "Size as reported", "Confidence", "mixture of experts", "open weights"];

  test("speaks Chinese: title, axes, Chinese ticks, legend by Chinese short name, description, table and note", () => {
    const figure = modelScatter(models, {companies, sources, width: 800, lang: "zh"});
    const [title, desc] = accessibleName(figure);
    expect(title).toBe("模型参数规模的演变");
    expect(desc).toMatch(/^散点图：.*发布的\d+个模型，纵轴为参数量（十亿，对数刻度/);
    expect(desc).toMatch(/另有\d+个模型未披露规模/);
    const legend = [...figure.querySelectorAll(".legend-item text")].map((t) => t.textContent);
    expect(legend).toEqual(expect.arrayContaining(["智谱", "月之暗面", "面壁智能", "云端模型", "端侧模型"]));
    expect([...figure.querySelectorAll(".axis-label")].map((a) => a.textContent)).toEqual(["参数量（十亿，对数刻度）", "发布日期"]);
    for (const tick of figure.querySelectorAll(".axis-x .tick text")) expect(tick.textContent).toMatch(/^(\d{4}年|\d{1,2}月)$/);
    // Sizes keep their unit (B, T), which reads the same in Chinese.
    expect(figure.querySelector(".axis-y .tick text")!.textContent).toMatch(/^[\d.]+[BT]$/);
    const note = figure.querySelector(".atlas-chart-note")!;
    expect(note.querySelector("summary")!.textContent).toMatch(/^未画出：\d+个模型未披露规模$/);
    expect(note.querySelector('li[data-id="glm-4"]')!.textContent).toBe("GLM-4（智谱，2024年1月）：规模未披露");
    const share = expectChinese(figure, {english: ENGLISH, contains: ["发布时间", "公司", "模型", "总参数（B）", "激活参数（B）", "架构", "部署方式", "披露的规模", "MoE：总参数连线至激活参数"]});
    expect(share).toBeGreaterThan(0.4);
  });

  test("its tooltip and table name the deployment, architecture and confidence in Chinese", () => {
    const figure = modelScatter(
      [
        model("big", {model: "Big-MoE", architecture: "moe", params_total_b: 300, params_active_b: 30, open_weights: true, confidence: "medium", release_date_raw: "2024-06 (approx.)", release_date_approx: true}),
        model("small", {model: "Tiny", deployment: "edge", open_weights: false, params_total_b: 2, params_active_b: null, params_reported: "2B"})
      ],
      {companies, sources, lang: "zh"}
    );
    const tip = (id: string) => {
      figure.querySelector(`.mark[data-id="${id}"]`)!.dispatchEvent(new MouseEvent("click", {bubbles: true}));
      return figure.querySelector(".atlas-tooltip")!.textContent!;
    };
    const big = tip("big");
    expect(big).toContain("智谱 · 约2024年6月发布");
    expect(big).toContain("总参数300B，每个 token 激活30B（混合专家）");
    expect(big).toContain("云端模型，开放权重");
    expect(big).toContain("可信度：中");
    const small = tip("small");
    expect(small).toContain("参数量2B");
    expect(small).toContain("原始披露：2B");
    expect(small).toContain("端侧模型，权重未开放");
    expect(big + small).not.toMatch(/released|parameters|Cloud|Edge|Confidence|As reported/);
    const cells = [...figure.querySelectorAll("details.atlas-data tbody td")].map((td) => td.textContent);
    expect(cells).toEqual(expect.arrayContaining(["混合专家", "稠密", "云端", "端侧"]));
  });

  test("fits 375 px", () => {
    const figure = modelScatter(models, {companies, sources, width: 375, lang: "zh"});
    const [w, h] = viewBox(figure);
    expect(w).toBe(375);
    for (const p of markPositions(figure)) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(w);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(h);
    }
  });
});
