// @vitest-environment jsdom
import {beforeAll, describe, expect, test} from "vitest";
import {indexSources, type SourceRef} from "../../src/components/chart.js";
import {priceChart, priceHalving, type PriceRow} from "../../src/components/priceChart.js";
import {accessibleName, markPositions, viewBox} from "./markGeometry.js";
import {tableRows} from "./tableRows.js";


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
