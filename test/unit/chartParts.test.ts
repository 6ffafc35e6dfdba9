import {describe, expect, test} from "vitest";
import * as d3 from "d3";
import {asDate, dodge, formatFactor, formatParams, layoutLegend, logTicks, placeLabels, textWidth, truncateText, wrapText} from "../../src/components/chartParts.js";

const noop = () => {};

describe("chartParts", () => {
  test("textWidth counts CJK characters as a full em and is monotonic in length", () => {
    expect(textWidth("智谱", 10)).toBe(20);
    expect(textWidth("Zhipu AI", 11)).toBeGreaterThan(textWidth("Zhipu", 11));
  });

  test("wrapText and truncateText keep lines within the width", () => {
    const lines = wrapText("doubling every 3.5 months (95% CI 2.9–4.9) over nine record-setting models", 120);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(120);
    const cut = truncateText("a very long company name indeed", 60);
    expect(cut.endsWith("…")).toBe(true);
    expect(textWidth(cut)).toBeLessThanOrEqual(60);
  });

  test("layoutLegend wraps onto more rows when narrower and never exceeds the width", () => {
    const items = ["Pre-training abandoned", "Pivot", "Chip partnership", "Car partnership", "IPO process", "Listing"].map((label) => ({label, swatch: noop}));
    const wide = layoutLegend(items, 900);
    const narrow = layoutLegend(items, 300);
    expect(wide.height).toBe(16);
    expect(narrow.height).toBeGreaterThan(wide.height);
    for (const item of narrow.items) expect(item.x + 18 + textWidth(item.label)).toBeLessThanOrEqual(300);
    expect(layoutLegend([], 300).height).toBe(0);
  });

  test("dodge separates close positions and keeps them in bounds", () => {
    const out = dodge([10, 12, 13, 100], 12, 0, 95);
    const sorted = [...out].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i] - sorted[i - 1]).toBeGreaterThanOrEqual(12 - 1e-9);
    expect(Math.max(...out)).toBeLessThanOrEqual(95);
    expect(Math.min(...out)).toBeGreaterThanOrEqual(0);
  });

  test("placeLabels keeps labels inside the plot and off each other, or leaves them out", () => {
    const placed = placeLabels(
      [
        {x: 5, y: 50, text: "GPT-4o"},
        {x: 200, y: 50, text: "Llama-3.1-405B"},
        {x: 205, y: 52, text: "Another"}
      ],
      220,
      100
    );
    expect(placed[0]!.anchor).toBe("start");
    expect(placed[1]!.anchor).not.toBe("start");
    for (const p of placed.filter(Boolean)) {
      expect(p!.x).toBeGreaterThanOrEqual(0);
      expect(p!.x).toBeLessThanOrEqual(220);
    }
  });

  test("logTicks gives powers of ten inside the domain, more when there is room", () => {
    const y = d3.scaleLog().domain([0.05, 20]);
    expect(logTicks(y, 100)).toEqual([0.1, 1, 10]);
    expect(logTicks(y, 400)).toEqual([0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20]);
  });

  test("formats and dates", () => {
    expect(formatParams(0.5)).toBe("0.5B");
    expect(formatParams(32)).toBe("32B");
    expect(formatParams(456)).toBe("456B");
    expect(formatParams(1000)).toBe("1T");
    expect(formatParams(2852)).toBe("2.9T");
    expect(formatFactor(431.2)).toBe("×431");
    expect(formatFactor(1643)).toBe("×1,643");
    expect(asDate("2024-07-19")!.toISOString()).toBe("2024-07-19T00:00:00.000Z");
    expect(asDate(null)).toBeNull();
    expect(asDate("not a date")).toBeNull();
  });
});
