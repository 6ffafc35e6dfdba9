import {describe, expect, test} from "vitest";
import {legendLayout, logDomain, logTicks, textWidth, truncateText, wrapText} from "../../src/components/chartLayout.js";

describe("chartLayout", () => {
  test("textWidth counts CJK characters as a full em and Latin ones as less", () => {
    expect(textWidth("智谱", 10)).toBe(20);
    expect(textWidth("ab", 10)).toBeCloseTo(12.4);
    expect(textWidth("")).toBe(0);
  });

  test("truncateText adds an ellipsis only when the text does not fit", () => {
    expect(truncateText("Zhipu", 100)).toBe("Zhipu");
    const cut = truncateText("Hangzhou City Investment industry fund", 80);
    expect(cut.endsWith("…")).toBe(true);
    expect(textWidth(cut)).toBeLessThanOrEqual(80);
  });

  test("wrapText breaks at spaces and inside words longer than a line", () => {
    expect(wrapText("one two three", 45, 10)).toEqual(["one two", "three"]);
    for (const line of wrapText("月之暗面月之暗面月之暗面", 44, 11)) expect(textWidth(line, 11)).toBeLessThanOrEqual(44);
  });

  test("logTicks picks the densest 1-9 / 1-2-3-5 / 1-2-5 / 1-3 / 1 set that fits", () => {
    expect(logTicks([800, 3000], 10)).toEqual([800, 900, 1000, 2000, 3000]);
    expect(logTicks([800, 3000], 3)).toEqual([1000, 2000, 3000]);
    expect(logTicks([5, 3000], 6)).toEqual([10, 30, 100, 300, 1000, 3000]);
    expect(logTicks([5, 3000], 3)).toEqual([10, 100, 1000]);
    expect(logTicks([1, 1e8], 3)).toEqual([1, 1000, 1e6]);
    expect(logTicks([0, 10], 3)).toEqual([]);
  });

  test("logDomain pads positive values and widens a single value", () => {
    expect(logDomain([10, 100], 2)).toEqual([5, 200]);
    expect(logDomain([10, null, 0, -1], 1)).toEqual([5, 20]);
    expect(logDomain([null])).toBeNull();
  });

  test("legendLayout wraps onto new lines within the width", () => {
    const items = ["智谱 Zhipu", "百川 Baichuan", "月之暗面 Moonshot", "MiniMax"].map((label) => ({key: label, label}));
    const wide = legendLayout(items, 960);
    expect(wide.height).toBe(18);
    const narrow = legendLayout(items, 200);
    expect(narrow.height).toBeGreaterThan(18);
    for (const item of narrow.items) expect(item.x + 17 + textWidth(item.label)).toBeLessThanOrEqual(200);
  });
});
