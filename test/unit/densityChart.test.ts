// @vitest-environment jsdom
import {beforeAll, describe, expect, test} from "vitest";
import {indexSources, type SourceRef} from "../../src/components/chart.js";
import {densityChart, describeFit, fitFor, FIT_COLOR, type DensityPointRow} from "../../src/components/densityChart.js";
import {accessibleName, markPositions, viewBox} from "./markGeometry.js";
import {tableRows} from "./tableRows.js";
import {expectChinese} from "./zhChartText.js";


type PointRow = DensityPointRow & {is_running_max: boolean; t_days: number};
type FitRow = {fit_id: string; slope_per_day: number; intercept: number; doubling_days: number; ci_low_days: number; ci_high_days: number; n: number};

let points: PointRow[];
let fits: FitRow[];
let sources: ReturnType<typeof indexSources>;

beforeAll(async () => {
  points = await tableRows<PointRow>("density_points");
  fits = await tableRows<FitRow>("density_fit");
  sources = indexSources(await tableRows<SourceRef>("sources"));
});

const EVIL = "<img src=x onerror=alert(1)>";
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const line = (figure: HTMLElement, selector: string) => {
  const el = figure.querySelector(selector)!;
  return ["x1", "y1", "x2", "y2"].map((a) => Number(el.getAttribute(a)));
};

describe("fitFor(points, options)", () => {
  test("on the paper's 51 points, records only, reproduces the densing law: A ≈ 0.00653/day, doubling ≈ 106 days", () => {
    const fit = fitFor(points);
    expect(fit.slope_per_day).toBeGreaterThan(0.00653 - 0.00002);
    expect(fit.slope_per_day).toBeLessThan(0.00653 + 0.00002);
    expect(Math.abs(fit.doubling_days - 106)).toBeLessThanOrEqual(1);
    expect(fit.n).toBe(9);
    expect(fit.r2).toBeCloseTo(0.934, 3);
  });

  test("with the build's settings it gives the published records fit exactly, and the all-models fit to rounding", () => {
    const records = fits.find((f) => f.fit_id === "records")!;
    const fit = fitFor(points);
    expect(fit.slope_per_day).toBe(records.slope_per_day);
    expect(fit.intercept).toBe(records.intercept);
    expect(fit.ci_low_days).toBe(records.ci_low_days);
    expect(fit.ci_high_days).toBe(records.ci_high_days);
    expect(fit.n).toBe(records.n);
    // The bootstrap resamples by position and the build fits data/density_points.csv in file order, which puts
    // two same-day points (the GPTQ and gguf Llama 3.1 8B) the other way round from the table's key order; the
    // interval of the all-models fit therefore differs slightly. The slope does not depend on order.
    const all = fits.find((f) => f.fit_id === "all")!;
    const refit = fitFor(points, {recordsOnly: false});
    expect(refit.slope_per_day).toBeCloseTo(all.slope_per_day, 12);
    expect(refit.n).toBe(all.n);
    expect(Math.abs(refit.ci_low_days - all.ci_low_days)).toBeLessThan(1);
    expect(Math.abs(refit.ci_high_days - all.ci_high_days)).toBeLessThan(3);
  });

  test("does not depend on the order of the rows", () => {
    const reversed = [...points].reverse();
    expect(fitFor(reversed, {recordsOnly: false})).toEqual(fitFor(points, {recordsOnly: false}));
  });

  test("a window refits on the records inside it, and accepts Dates or ISO strings", () => {
    const window = [day("2023-09-01"), day("2024-12-31")] as const;
    const fit = fitFor(points, {window});
    const inside = points.filter((p) => (p.release_date as Date) >= window[0] && (p.release_date as Date) <= window[1]);
    let max = -Infinity;
    const records = [...inside].sort((a, b) => +(a.release_date as Date) - +(b.release_date as Date) || b.density! - a.density!).filter((p) => p.density! > max && (max = p.density!) > -Infinity);
    expect(fit.n).toBe(records.length);
    expect(fit.window_start).toBe("2023-09-01");
    expect(fitFor(points, {window: ["2023-09-01", "2024-12-31"]})).toEqual(fit);
    expect(fit.doubling_days).not.toBeCloseTo(fitFor(points).doubling_days, 0);
  });

  test("throws when the window leaves fewer than two dates to fit", () => {
    expect(() => fitFor(points, {window: [day("2023-02-24"), day("2023-03-01")]})).toThrow(/distinct t|at least 2/);
  });
});

describe("densityChart(points, options)", () => {
  test("draws one mark per point, with the running-maximum records highlighted", () => {
    const figure = densityChart(points, {sources});
    expect([...figure.querySelectorAll(".mark")].map((m) => m.getAttribute("data-id")).sort()).toEqual(points.map((p) => p.id).sort());
    const records = points.filter((p) => p.is_running_max).map((p) => p.id).sort();
    expect([...figure.querySelectorAll(".mark.record")].map((m) => m.getAttribute("data-id")).sort()).toEqual(records);
    expect(figure.querySelectorAll(".mark.outside")).toHaveLength(0);
    expect(figure.querySelector("path.running-max")).not.toBeNull();
  });

  test("writes the fit's doubling time and 95% interval in the description and the caption", () => {
    const figure = densityChart(points, {sources});
    const fit = fitFor(points);
    const text = `doubling every ${fit.doubling_months.toFixed(1)} months (95% CI ${fit.ci_low_months.toFixed(1)}–${fit.ci_high_months.toFixed(1)})`;
    expect(text).toBe("doubling every 3.5 months (95% CI 2.9–4.9)");
    const [title, desc] = accessibleName(figure);
    expect(title).toBe("Capability density of open models over time");
    expect(desc).toContain(text);
    expect(figure.querySelector(".fit-caption")!.textContent).toContain("Fitted on 9 record-setting models");
    const caption = [...figure.querySelectorAll(".fit-caption tspan")].map((t) => t.textContent).join(" ");
    expect(caption).toContain(text);
    expect(figure.querySelector(".fit-line")!.getAttribute("stroke")).toBe(FIT_COLOR);
  });

  test("draws a dashed reference slope per referenceMonths value through the window's first record", () => {
    const figure = densityChart(points, {sources, referenceMonths: [3.3, 3.5, 8]});
    const refs = [...figure.querySelectorAll("line.reference")];
    expect(refs.map((r) => r.getAttribute("data-months"))).toEqual(["3.3", "3.5", "8"]);
    const first = figure.querySelector('.mark[data-id="dp-llama-65b"]')!;
    for (const ref of refs) {
      expect(Number(ref.getAttribute("x1"))).toBeCloseTo(Number(first.getAttribute("cx")), 6);
      expect(Number(ref.getAttribute("y1"))).toBeCloseTo(Number(first.getAttribute("cy")), 6);
      expect(ref.getAttribute("stroke-dasharray")).toBeTruthy();
    }
    // A faster doubling rises more steeply (smaller y in SVG coordinates at the end).
    const endY = refs.map((r) => Number(r.getAttribute("y2")));
    expect(endY[0]).toBeLessThan(endY[1]);
    expect(endY[1]).toBeLessThan(endY[2]);
    const legend = [...figure.querySelectorAll(".legend-item")].map((i) => i.textContent);
    expect(legend).toEqual(expect.arrayContaining(["doubling every 3.3 months", "doubling every 3.5 months", "doubling every 8 months"]));
    expect(densityChart(points, {sources, referenceMonths: []}).querySelectorAll("line.reference")).toHaveLength(0);
  });

  test("the window and recordsOnly options change the fitted line and the reported doubling time", () => {
    const base = densityChart(points, {sources});
    const windowed = densityChart(points, {sources, window: [day("2023-09-01"), day("2024-12-31")]});
    const all = densityChart(points, {sources, recordsOnly: false});
    expect(line(windowed, ".fit-line")).not.toEqual(line(base, ".fit-line"));
    expect(line(all, ".fit-line")).not.toEqual(line(base, ".fit-line"));
    const monthsIn = (f: HTMLElement) => /doubling every ([\d.]+) months/.exec(accessibleName(f)[1])![1];
    expect(monthsIn(base)).toBe("3.5");
    expect(monthsIn(all)).toBe(fitFor(points, {recordsOnly: false}).doubling_months.toFixed(1));
    expect(monthsIn(all)).not.toBe("3.5");
    expect(monthsIn(windowed)).toBe(fitFor(points, {window: ["2023-09-01", "2024-12-31"]}).doubling_months.toFixed(1));
    expect(accessibleName(all)[1]).toContain("Fitted on 51 models");
  });

  test("dims the points outside the window and recomputes the records inside it", () => {
    const window = [day("2023-09-01"), day("2024-12-31")] as const;
    const figure = densityChart(points, {sources, window});
    const outside = points.filter((p) => (p.release_date as Date) < window[0] || (p.release_date as Date) > window[1]);
    expect(figure.querySelectorAll(".mark.outside")).toHaveLength(outside.length);
    for (const mark of figure.querySelectorAll(".mark.outside")) expect(mark.getAttribute("opacity")).toBe("0.3");
    // Phi-1.5 opens the window, so it is its first record, and the reference lines start there.
    expect(figure.querySelector('.mark[data-id="dp-phi-1-5-1-2b"]')!.classList.contains("record")).toBe(true);
    expect(figure.querySelector('.mark[data-id="dp-llama-65b"]')!.classList.contains("record")).toBe(false);
    expect(figure.querySelectorAll(".mark.record")).toHaveLength(fitFor(points, {window}).n);
  });

  test("without enough records in the window it draws the points but no fit, and says so", () => {
    const figure = densityChart(points, {sources, window: [day("2023-02-24"), day("2023-03-01")]});
    expect(figure.querySelectorAll(".mark")).toHaveLength(51);
    expect(figure.querySelector(".fit-line")).toBeNull();
    expect(accessibleName(figure)[1]).toContain("too few record-setting models in the window");
  });

  test("has axis labels and log ticks", () => {
    const figure = densityChart(points, {sources});
    expect([...figure.querySelectorAll(".axis-label")].map((a) => a.textContent)).toEqual(["Capability density (log scale)", "Release date"]);
    expect([...figure.querySelectorAll(".axis-y .tick text")].map((t) => t.textContent)).toEqual(expect.arrayContaining(["0.1", "1", "10"]));
    expect(figure.querySelector("svg")!.getAttribute("role")).toBe("img");
  });

  test.each([320, 960])("keeps every mark inside the viewBox at width %i", (width) => {
    const figure = densityChart(points, {sources, width});
    const [w, h] = viewBox(figure);
    expect(w).toBe(width);
    const positions = markPositions(figure);
    expect(positions).toHaveLength(51);
    for (const p of positions) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(width);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(h);
    }
    // Caption lines are wrapped to the width.
    expect(figure.querySelectorAll(".fit-caption tspan").length).toBeGreaterThanOrEqual(width === 320 ? 3 : 1);
  });

  test("renders hostile model names as text and skips points without a density", () => {
    const rows: DensityPointRow[] = [
      {id: "a", model: EVIL, release_date: day("2023-03-01"), density: 0.1, source_ids: ["s"]},
      {id: "b", model: "B", release_date: day("2023-09-01"), density: 0.4, source_ids: ["s"]},
      {id: "c", model: "C", release_date: day("2024-03-01"), density: null, source_ids: ["s"]}
    ];
    const figure = densityChart(rows, {sources: indexSources([{source_id: "s", publisher: EVIL, title: EVIL, url: null}])});
    expect(figure.querySelectorAll(".mark")).toHaveLength(2);
    expect(accessibleName(figure)[1]).toContain("1 point without a date or density is not drawn");
    figure.querySelector('.mark[data-id="a"]')!.dispatchEvent(new MouseEvent("click", {bubbles: true}));
    expect(figure.querySelector(".atlas-tooltip")!.textContent).toContain(EVIL);
    expect(figure.querySelector("img")).toBeNull();
  });
});

describe("densityChart in Chinese", () => {
  const ENGLISH = ["Capability density", "open models", "over time", "log scale", "Release date", "Released", "record", "new maximum", "other model", "outside the window", "running maximum", "fitted trend", "doubling every", "months", "mo", "fit", "Fitted on", "No trend", "Model", "Parameters", "Density", "In window", "yes", "no", "Effective size", "Sets a new maximum"];

  test("describes the fit in Chinese", () => {
    const fit = fitFor(points);
    expect(describeFit(fit, "zh")).toMatch(/^每\d+\.\d个月翻一番（95%置信区间\d+\.\d–\d+\.\d个月）$/);
    expect(describeFit(fit)).toMatch(/^doubling every /);
  });

  test("speaks Chinese: title, axes, Chinese ticks, legend, fit caption, end labels, description, table", () => {
    const figure = densityChart(points, {sources, companies: [{company_id: "modelbest", short_en: "ModelBest", short_zh: "面壁智能", color: "#b07aa1"}], window: [day("2023-06-01"), day("2024-06-01")], lang: "zh"});
    const [title, desc] = accessibleName(figure);
    expect(title).toBe("开源模型能力密度的演变");
    expect(desc).toMatch(/^散点图：“密度法则”论文中51个开源基座模型的能力密度（对数刻度）随发布日期的变化，2023年2月24日至/);
    expect(desc).toContain("过第一个纪录点的虚线为参考线，分别表示每3.3、3.5、8个月翻一番。");
    expect(desc).toMatch(/窗口之外的\d+个模型以淡色显示。/);
    expect(figure.querySelector(".fit-caption")!.textContent).toMatch(/^拟合基于2023年6月1日至2024年6月1日发布的\d+个刷新纪录的模型：每[\d.]+个月翻一番/);
    expect([...figure.querySelectorAll(".axis-label")].map((a) => a.textContent)).toEqual(["能力密度（对数刻度）", "发布日期"]);
    for (const tick of figure.querySelectorAll(".axis-x .tick text")) expect(tick.textContent).toMatch(/^(\d{4}年|\d{1,2}月)$/);
    expect([...figure.querySelectorAll(".end-labels text")].map((t) => t.textContent)).toEqual(["3.3个月", "3.5个月", "8个月", "拟合"]);
    const cells = [...figure.querySelectorAll("details.atlas-data tbody td")].map((td) => td.textContent);
    expect(cells).toEqual(expect.arrayContaining(["是", "否"]));
    const share = expectChinese(figure, {english: ENGLISH, contains: ["刷新纪录（新高）", "其他模型", "窗口之外", "面壁智能模型", "历史最高", "每8个月翻一番", "模型", "发布时间", "参数量（B）", "能力密度", "在窗口内"]});
    expect(share).toBeGreaterThan(0.6);
  });

  test("its tooltip is Chinese", () => {
    const figure = densityChart(points, {sources, window: [day("2023-06-01"), day("2024-06-01")], lang: "zh"});
    figure.querySelector('.mark[data-id="dp-llama-65b"]')!.dispatchEvent(new MouseEvent("click", {bubbles: true}));
    const tip = figure.querySelector(".atlas-tooltip")!.textContent!;
    expect(tip).toContain("2023年2月24日发布（按论文图中所标）");
    expect(tip).toMatch(/能力密度[\d.]+ · 参数量65B/);
    expect(tip).toMatch(/等效规模≈[\d.]+B（能力密度×参数量）/);
    expect(tip).toContain("在拟合窗口之外");
    expect(tip).not.toMatch(/Released|parameters|Effective|Outside/);
  });

  test("says in Chinese why there is no trend, and what is not drawn", () => {
    const figure = densityChart(points, {sources, window: [day("2023-02-24"), day("2023-03-01")], lang: "zh"});
    expect(accessibleName(figure)[1]).toContain("无法给出趋势：窗口内刷新纪录的模型太少，无法拟合趋势。");
    const rows: DensityPointRow[] = [
      {id: "a", model: "A", release_date: day("2023-03-01"), density: 0.1, source_ids: ["s"]},
      {id: "b", model: "B", release_date: day("2023-09-01"), density: 0.4, source_ids: ["s"]},
      {id: "c", model: "C", release_date: day("2024-03-01"), density: null, source_ids: ["s"]}
    ];
    expect(accessibleName(densityChart(rows, {lang: "zh"}))[1]).toContain("另有1个点缺少日期或密度，未画出。");
  });

  test("fits 375 px", () => {
    const figure = densityChart(points, {sources, width: 375, lang: "zh"});
    const [w, h] = viewBox(figure);
    expect(w).toBe(375);
    for (const p of markPositions(figure)) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(w);
      expect(p.y).toBeLessThanOrEqual(h);
    }
  });
});
