// @vitest-environment jsdom
import {beforeAll, describe, expect, test} from "vitest";
import {indexSources, type SourceRef} from "../../src/components/chart.js";
import {priceChart, priceHalving, type PriceRow} from "../../src/components/priceChart.js";
import {accessibleName, markPositions, viewBox} from "./markGeometry.js";
import {tableRows} from "./tableRows.js";
import {cjkShare, expectChinese, visibleChartText} from "./zhChartText.js";


let prices: PriceRow[];
let sources: ReturnType<typeof indexSources>;

beforeAll(async () => {
  prices = await tableRows<PriceRow>("price_points");
  sources = indexSources(await tableRows<SourceRef>("sources"));
});

const EVIL = "<img src=x onerror=alert(1)>";
const row = (id: string, date: string, price: number | null, cheapest = true, model = id): PriceRow => ({
  id,
  model,
  date: new Date(`${date}T00:00:00Z`),
  price_usd_per_mtok: price,
  on_cheapest_line: cheapest,
  source_ids: ["s"]
});

describe("priceHalving(prices)", () => {
  test("on the paper's Fig. 3a points: the cheapest price halves about every 2.5 months, a 266.7-fold fall", () => {
    const h = priceHalving(prices);
    expect(h.n).toBe(5);
    expect(h.months).toBeGreaterThan(2.45);
    expect(h.months).toBeLessThan(2.55);
    expect(h.months).toBeCloseTo(2.4945, 3);
    expect(h.days).toBeCloseTo(75.93, 1);
    expect(h.slope_per_day).toBeLessThan(0);
    expect(h.days).toBeCloseTo(Math.LN2 / -h.slope_per_day, 10);
    expect(h.fall).toBeCloseTo(266.67, 2);
    expect(h.first).toEqual({model: "GPT-3.5", date: "2022-11-30", price: 20});
    expect(h.last).toEqual({model: "Gemini-1.5-Flash", date: "2024-08-12", price: 0.075});
    expect(h.origin).toBe("2022-11-30");
  });

  test("an exact halving every 60 days is recovered exactly, and off-line points are ignored", () => {
    const h = priceHalving([row("a", "2024-01-01", 16), row("b", "2024-03-01", 8), row("c", "2024-04-30", 4), row("x", "2024-02-01", 100, false)]);
    expect(h.days).toBeCloseTo(60, 9);
    expect(h.n).toBe(3);
  });

  test("says Infinity when prices do not fall, and throws with fewer than two points", () => {
    expect(priceHalving([row("a", "2024-01-01", 1), row("b", "2024-06-01", 2)]).days).toBe(Infinity);
    expect(() => priceHalving([row("a", "2024-01-01", 1)])).toThrow(/at least 2/);
  });
});

describe("priceChart(prices, options)", () => {
  test("draws one mark per priced row and joins the cheapest line", () => {
    const figure = priceChart(prices, {sources});
    expect([...figure.querySelectorAll(".mark")].map((m) => m.getAttribute("data-id")).sort()).toEqual(prices.map((p) => p.id).sort());
    expect(figure.querySelectorAll(".mark.cheapest")).toHaveLength(prices.filter((p) => p.on_cheapest_line).length);
    const d = figure.querySelector("path.cheapest-line")!.getAttribute("d")!;
    expect(d.match(/[ML]/g)).toHaveLength(5);
    expect(figure.querySelector("line.fit-line")).not.toBeNull();
  });

  test("shows the halving time in the caption and the description", () => {
    const figure = priceChart(prices, {sources});
    const caption = [...figure.querySelectorAll(".fit-caption tspan")].map((t) => t.textContent).join(" ");
    expect(caption).toContain("halving every 2.5 months");
    expect(caption).toContain("266.7-fold");
    const [title, desc] = accessibleName(figure);
    expect(title).toBe("Price of GPT-3.5-level output over time");
    expect(desc).toContain("halving every 2.5 months (76 days, fit over 5 points");
    expect([...figure.querySelectorAll(".axis-label")].map((a) => a.textContent)).toEqual(["USD per million tokens (log scale)", "Date"]);
    expect([...figure.querySelectorAll(".axis-y .tick text")].map((t) => t.textContent)).toEqual(expect.arrayContaining(["$0.1", "$1", "$10"]));
  });

  test.each([320, 960])("keeps every mark inside the viewBox at width %i", (width) => {
    const figure = priceChart(prices, {sources, width});
    const [w, h] = viewBox(figure);
    expect(w).toBe(width);
    const positions = markPositions(figure);
    expect(positions).toHaveLength(prices.length);
    for (const p of positions) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(width);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(h);
    }
    // Point names only when there is room for them.
    expect(figure.querySelectorAll(".point-labels text").length > 0).toBe(width >= 480);
  });

  test("point labels stay inside the plot", () => {
    const figure = priceChart(prices, {sources, width: 640});
    for (const label of figure.querySelectorAll(".point-labels text")) {
      const x = Number(label.getAttribute("x"));
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(640 - 48 - 16);
    }
  });

  test("renders hostile model names as text and skips rows without a price", () => {
    const figure = priceChart([row("a", "2023-01-01", 10, true, EVIL), row("b", "2024-01-01", 1), row("c", "2024-06-01", null)], {sources: new Map(), width: 640});
    expect(figure.querySelectorAll(".mark")).toHaveLength(2);
    expect(accessibleName(figure)[1]).toContain("1 row without a date or price is not drawn");
    expect(figure.querySelector(".point-labels")!.textContent).toContain(EVIL);
    expect(figure.querySelector("img")).toBeNull();
  });

  test("without two cheapest points it draws the marks and says there is no fit", () => {
    const figure = priceChart([row("a", "2023-01-01", 10), row("b", "2024-01-01", 1, false)], {sources: new Map()});
    expect(figure.querySelectorAll(".mark")).toHaveLength(2);
    expect(figure.querySelector(".fit-line")).toBeNull();
    expect(accessibleName(figure)[1]).toContain("Too few cheapest-line points");
  });
});

describe("priceChart in Chinese", () => {
  const ENGLISH = ["Price of", "output", "over time", "cheapest", "at the time", "other model", "fitted", "halving", "every", "months", "days", "fell", "fold", "points", "USD", "per million", "log scale", "Date", "Model", "yes", "option", "Too few"];

  test("speaks Chinese: title, axes, bare-number price ticks, legend, caption, description and table", () => {
    const figure = priceChart(prices, {sources, lang: "zh"});
    const [title, desc] = accessibleName(figure);
    expect(title).toBe("GPT-3.5 水平输出的价格变化");
    expect(desc).toMatch(/^散点图：约 GPT-3.5 水平的\d+个模型的 API 价格（美元\/百万 tokens，对数刻度）随日期的变化，\d{4}年/);
    expect(figure.querySelector(".fit-caption")!.textContent).toMatch(/^最低价格从20美元（GPT-3.5，2022年11月30日）降至0.075美元（Gemini-1.5-Flash，2024年8月12日），只有原来的1\/266.7：每2.5个月减半/);
    expect([...figure.querySelectorAll(".axis-label")].map((a) => a.textContent)).toEqual(["美元/百万 tokens（对数刻度）", "日期"]);
    // The axis label names the currency, so the ticks are bare numbers.
    for (const tick of figure.querySelectorAll(".axis-y .tick text")) expect(tick.textContent).toMatch(/^[\d.]+$/);
    for (const tick of figure.querySelectorAll(".axis-x .tick text")) expect(tick.textContent).toMatch(/^(\d{4}年|\d{1,2}月)$/);
    // Model names label the points; the share is measured with them and must hold without them too.
    const share = expectChinese(figure, {english: ENGLISH, exclude: ".point-labels", contains: ["当时最便宜", "其他模型", "拟合：每2.5个月减半", "模型", "日期", "美元/百万 tokens", "在“最便宜”折线上"]});
    expect(share).toBeGreaterThan(0.6);
    expect(cjkShare(visibleChartText(figure))).toBeGreaterThanOrEqual(0.4);
  });

  test("its tooltip and table are Chinese", () => {
    const figure = priceChart(prices, {sources, lang: "zh"});
    figure.querySelector(".mark.cheapest")!.dispatchEvent(new MouseEvent("click", {bubbles: true}));
    const tip = figure.querySelector(".atlas-tooltip")!.textContent!;
    expect(tip).toMatch(/每百万 tokens [\d.]+美元 · \d{4}年\d+月\d+日/);
    expect(tip).toContain("当时最便宜的 GPT-3.5 水平选择");
    expect(tip).not.toMatch(/per million|cheapest/);
    expect([...figure.querySelectorAll("details.atlas-data tbody td")].map((td) => td.textContent)).toContain("是");
  });

  test("without a fit it says so in Chinese, and counts what is not drawn", () => {
    const figure = priceChart([row("a", "2023-01-01", 10), row("b", "2023-06-01", null)], {lang: "zh"});
    const desc = accessibleName(figure)[1];
    expect(desc).toContain("“最便宜”折线上的点太少，无法拟合减半时间。");
    expect(desc).toContain("另有1行缺少日期或价格，未画出。");
  });

  test("fits 375 px", () => {
    const figure = priceChart(prices, {sources, width: 375, lang: "zh"});
    const [w, h] = viewBox(figure);
    expect(w).toBe(375);
    for (const p of markPositions(figure)) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(w);
      expect(p.y).toBeLessThanOrEqual(h);
    }
  });
});
