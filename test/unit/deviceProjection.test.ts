// @vitest-environment jsdom
import {beforeAll, describe, expect, test} from "vitest";
import {indexSources, type SourceRef} from "../../src/components/chart.js";
import type {DensityPointRow} from "../../src/components/densityChart.js";
import {deviceProjection, projectDensity, type ClaimLike, type TrendLike} from "../../src/components/deviceProjection.js";
import {accessibleName, markPositions, viewBox} from "./markGeometry.js";
import {tableRows} from "./tableRows.js";
import {expectChinese} from "./zhChartText.js";


type PointRow = DensityPointRow & {is_running_max: boolean};
type FitRow = TrendLike & {fit_id: string; doubling_days: number};
type ClaimRow = ClaimLike & {id: string; metric: string};

let points: PointRow[];
let records: FitRow;
let claims: ClaimRow[];
let sources: ReturnType<typeof indexSources>;

beforeAll(async () => {
  points = await tableRows<PointRow>("density_points");
  records = (await tableRows<FitRow>("density_fit")).find((f) => f.fit_id === "records")!;
  claims = await tableRows<ClaimRow>("claims");
  sources = indexSources(await tableRows<SourceRef>("sources"));
});

const EVIL = "<img src=x onerror=alert(1)>";

describe("projectDensity(fit, fromDate, toDate)", () => {
  test("an exact trend doubling every 100 days doubles over 100 days", () => {
    const fit: TrendLike = {slope_per_day: Math.LN2 / 100, intercept: 0, origin: "2023-02-24", ci_low_days: 50, ci_high_days: 200};
    const p = projectDensity(fit, "2023-02-24", "2023-06-04");
    expect(p.days).toBe(100);
    expect(p.growth).toBeCloseTo(2, 12);
    expect(p.doublings).toBeCloseTo(1, 12);
    expect(p.density_from).toBeCloseTo(1, 12);
    expect(p.density_to).toBeCloseTo(2, 12);
    expect(p.growth_low).toBeCloseTo(Math.SQRT2, 12);
    expect(p.growth_high).toBeCloseTo(4, 12);
    expect(p.density_to_low).toBeCloseTo(Math.SQRT2, 12);
    expect(p.density_to_high).toBeCloseTo(4, 12);
  });

  test("on the build's records fit, 2024-07-19 to 2026-12-31: 895 days, density grows about 345-fold", () => {
    const p = projectDensity(records, new Date("2024-07-19T00:00:00Z"), new Date("2026-12-31T00:00:00Z"));
    expect(p.days).toBe(895);
    expect(p.growth).toBeCloseTo(Math.exp(records.slope_per_day * 895), 9);
    expect(p.growth).toBeGreaterThan(340);
    expect(p.growth).toBeLessThan(350);
    expect(p.doublings).toBeCloseTo(895 / records.doubling_days, 9);
    // t = 1406 days after 2023-02-24 on the fitted line.
    expect(p.density_to).toBeCloseTo(Math.exp(records.slope_per_day * 1406 + records.intercept), 9);
    expect(p.growth_low!).toBeLessThan(p.growth);
    expect(p.growth_high!).toBeGreaterThan(p.growth);
  });

  test("without an interval the range is null", () => {
    const p = projectDensity({slope_per_day: 0.01, intercept: 0}, "2024-01-01", "2025-01-01");
    expect(p.growth_low).toBeNull();
    expect(p.density_to_high).toBeNull();
  });
});

describe("deviceProjection(points, options)", () => {
  test("draws the record models as marks and extends the trend to the claim's deadline", () => {
    const claim = claims.find((c) => c.metric === "gpt4_level_on_device")!;
    const figure = deviceProjection(points, {fit: records, claim, sources});
    const expected = points.filter((p) => p.is_running_max).map((p) => p.id).sort();
    expect([...figure.querySelectorAll(".mark")].map((m) => m.getAttribute("data-id")).sort()).toEqual(expected);
    expect(figure.querySelector(".projection-line")).not.toBeNull();
    expect(figure.querySelector(".projection-range")).not.toBeNull();
    expect(figure.querySelector(".rule-to-label")!.textContent).toBe("deadline, 2026-12-31");
    expect(figure.querySelector(".rule-from-label")!.textContent).toBe(`claim, ${(claim.date as Date).toISOString().slice(0, 10)}`);
    expect(figure.querySelector(".projection-claim")!.textContent).toContain(claim.statement!);
  });

  test("says in the description and the caveat that GPT-4's effective size is not in the data", () => {
    const figure = deviceProjection(points, {fit: records, sources});
    const [title, desc] = accessibleName(figure);
    expect(title).toBe("A GPT-4-level model on a device by the end of 2026?");
    expect(desc).toContain("The data hold no effective size for GPT-4");
    expect(desc).toContain("From 2024-07-19 to 2026-12-31");
    expect(figure.querySelector(".projection-caveat")!.textContent).toContain("no effective parameter count for GPT-4");
    expect([...figure.querySelectorAll(".axis-label")].map((a) => a.textContent)).toEqual(["Capability density (log scale)", "Date"]);
  });

  test("lists effective sizes of device-sized models on the trend: size × trend density", () => {
    const figure = deviceProjection(points, {fit: records, sources, deviceSizesB: [4, 8]});
    const p = projectDensity(records, "2024-07-19", "2026-12-31");
    const rows = [...figure.querySelectorAll(".projection-table tbody tr")] as HTMLElement[];
    expect(rows.map((r) => r.dataset.size)).toEqual(["4", "8"]);
    const cells = [...rows[0].querySelectorAll("td")].map((td) => td.textContent);
    expect(4 * p.density_to).toBeGreaterThan(1000);
    expect(cells[0]).toBe("4B");
    expect(cells[2]).toBe(`${(Math.round((4 * p.density_to) / 100) / 10).toString()}T`);
    expect(figure.querySelector(".projection-table caption")!.textContent).toContain("effective parameters = density × parameters");
  });

  test("toDate overrides the deadline", () => {
    const figure = deviceProjection(points, {fit: records, sources, toDate: "2025-12-31"});
    expect(figure.querySelector(".rule-to-label")!.textContent).toBe("deadline, 2025-12-31");
  });

  test.each([320, 960])("keeps every mark inside the viewBox at width %i", (width) => {
    const figure = deviceProjection(points, {fit: records, sources, width});
    const [w, h] = viewBox(figure);
    expect(w).toBe(width);
    const positions = markPositions(figure);
    expect(positions).toHaveLength(points.filter((p) => p.is_running_max).length);
    for (const p of positions) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(width);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(h);
    }
  });

  test("renders a hostile claim as text", () => {
    const figure = deviceProjection(points, {fit: records, claim: {date: "2024-06-15", claimant: EVIL, statement: EVIL, value: 2026, unit: "year", source_ids: []}});
    expect(figure.querySelector("img")).toBeNull();
    expect(figure.querySelector(".projection-claim")!.textContent).toContain(EVIL);
  });
});

describe("deviceProjection in Chinese", () => {
  const ENGLISH = ["GPT-4-level model on a device", "by the end of", "From", "fitted", "record", "trend", "extended", "doubling", "doublings", "months", "beyond", "last data point", "range", "doubling time", "Capability density", "log scale", "Date", "claim", "deadline", "density", "Released", "parameters", "effective", "Model size", "Effective size", "The data", "n/a"];

  test("speaks Chinese: title, axes, ticks, legend, caption, rule labels, description, table and caveat", () => {
    const claim = claims.find((c) => c.metric === "gpt4_level_on_device")!;
    const figure = deviceProjection(points, {fit: records, claim, sources, companies: [{company_id: "modelbest", short_en: "ModelBest", short_zh: "面壁智能"}], lang: "zh"});
    const [title, desc] = accessibleName(figure);
    expect(title).toBe("2026年底前，设备上能跑 GPT-4 水平的模型吗？");
    expect(desc).toMatch(/^折线图：纪录模型的能力密度（对数刻度）随时间的变化，拟合的密度法则趋势外推至2026年12月31日。/);
    expect(desc).toContain("数据中没有 GPT-4 的等效规模");
    expect(figure.querySelector(".fit-caption")!.textContent).toMatch(/^按拟合的纪录趋势，从\d{4}年\d+月\d+日到2026年12月31日，能力密度将增至[\d,]+倍（95%区间为[\d,]+倍至[\d,]+倍），相当于翻[\d.]+番/);
    expect(figure.querySelector(".rule-to-label")!.textContent).toBe("期限：2026年12月31日");
    expect(figure.querySelector(".rule-from-label")!.textContent).toMatch(/^提出：\d{4}年\d+月\d+日$/);
    expect(figure.querySelector(".projection-label")!.textContent).toMatch(/^能力密度≈[\d,.]+$/);
    expect([...figure.querySelectorAll(".axis-label")].map((a) => a.textContent)).toEqual(["能力密度（对数刻度）", "日期"]);
    for (const tick of figure.querySelectorAll(".axis-x .tick text")) expect(tick.textContent).toMatch(/^(\d{4}年|\d{1,2}月)$/);
    // The claim is quoted as the data has it, marked English, with the company in Chinese around it.
    const said = figure.querySelector(".projection-claim")!;
    expect([...said.querySelectorAll('[lang="en"]')].map((s) => s.textContent)).toEqual([claim.claimant, claim.statement]);
    expect(said.textContent).toContain("（面壁智能），");
    const share = expectChinese(figure, {
      english: ENGLISH,
      contains: ["纪录模型", "拟合趋势", "趋势外推", "翻倍时间的95%区间", "模型规模", "趋势上的等效规模（2026年12月31日）", "95%区间", "发布时间", "能力密度", "参数量（B）", "需要读者拿别处的数字自行比较"]
    });
    expect(share).toBeGreaterThan(0.5);
  });

  test("its tooltip and table cells are Chinese; English has no lang marks", () => {
    const figure = deviceProjection(points, {fit: records, sources, lang: "zh"});
    figure.querySelector(".mark")!.dispatchEvent(new MouseEvent("click", {bubbles: true}));
    const tip = figure.querySelector(".atlas-tooltip")!.textContent!;
    expect(tip).toMatch(/\d{4}年\d+月\d+日发布 · 能力密度[\d.]+/);
    expect(tip).not.toMatch(/Released|density|parameters/);
    const cells = [...figure.querySelectorAll(".projection-table tbody td")].map((td) => td.textContent!);
    expect(cells.some((c) => /^[\d.]+[BT]至[\d.]+[BT]$/.test(c))).toBe(true);
    expect(deviceProjection(points, {fit: records, sources, claim: claims.find((c) => c.metric === "gpt4_level_on_device")}).querySelector("[lang]")).toBeNull();
  });

  test("fits 375 px", () => {
    const figure = deviceProjection(points, {fit: records, sources, width: 375, lang: "zh"});
    const [w, h] = viewBox(figure);
    expect(w).toBe(375);
    for (const p of markPositions(figure)) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(w);
      expect(p.y).toBeLessThanOrEqual(h);
    }
  });
});
