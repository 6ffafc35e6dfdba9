// @vitest-environment jsdom
import {describe, expect, test} from "vitest";
import * as d3 from "../../src/components/d3.js";
import {logAxisLeft, logDomain, logTicks, timeAxisIn, usdAxisBottom, usdAxisLeft, zhDateTick} from "../../src/components/chartAxes.js";
import {svgElement} from "./chartAssertions.js";

describe("logTicks", () => {
  test("logTicks picks the densest 1-9 / 1-2-3-5 / 1-2-5 / 1-3 / 1 set that fits", () => {
    expect(logTicks([800, 3000], 10)).toEqual([800, 900, 1000, 2000, 3000]);
    expect(logTicks([800, 3000], 3)).toEqual([1000, 2000, 3000]);
    expect(logTicks([5, 3000], 6)).toEqual([10, 30, 100, 300, 1000, 3000]);
    expect(logTicks([5, 3000], 3)).toEqual([10, 100, 1000]);
    expect(logTicks([1, 1e8], 3)).toEqual([1, 1000, 1e6]);
    expect(logTicks([0, 10], 3)).toEqual([]);
  });

  test("logTicks gives powers of ten inside the domain, more when there is room", () => {
    const domain = d3.scaleLog().domain([0.05, 20]).domain();
    expect(logTicks(domain, 3)).toEqual([0.1, 1, 10]);
    expect(logTicks(domain, 9)).toEqual([0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20]);
  });
});

describe("logDomain", () => {
  test("logDomain pads positive values and widens a single value", () => {
    expect(logDomain([10, 100], 2)).toEqual([5, 200]);
    expect(logDomain([10, null, 0, -1], 1)).toEqual([5, 20]);
    expect(logDomain([null])).toBeNull();
  });
});

describe("logAxisLeft", () => {
  test("logAxisLeft labels the log ticks that fit the height and draws a grid line at each", () => {
    const draw = (height: number) => {
      const plot = svgElement("g");
      logAxisLeft(plot, d3.scaleLog().domain([0.05, 20]).range([height, 0]), 300, height, d3.format("~g"));
      return {
        labels: [...plot.node()!.querySelectorAll(".axis-y .tick text")].map((t) => t.textContent),
        grid: plot.node()!.querySelectorAll(".grid line").length
      };
    };
    const short = draw(100);
    expect(short.labels).toEqual(["0.1", "1", "10"]);
    expect(short.grid).toBe(3);
    const tall = draw(400);
    expect(tall.labels.length).toBeGreaterThan(short.labels.length);
    expect(tall.labels).toEqual(expect.arrayContaining(["0.05", "0.1", "0.2", "0.5", "1", "2", "5", "10", "20"]));
    expect(tall.grid).toBe(tall.labels.length);
  });
});

describe("axes in Chinese", () => {
  const ticks = (plot: ReturnType<typeof svgElement<"g">>) => [...plot.node()!.querySelectorAll(".tick text")].map((t) => t.textContent);
  const utc = (y: number, m = 1, d = 1) => new Date(Date.UTC(y, m - 1, d));

  test("zhDateTick writes a year's start as 2024年, a month's as 7月 and any other day as 7月8日", () => {
    expect(zhDateTick(utc(2024))).toBe("2024年");
    expect(zhDateTick(utc(2024, 7))).toBe("7月");
    expect(zhDateTick(utc(2024, 7, 8))).toBe("7月8日");
  });

  test("timeAxisIn: the same ticks as the English axis, in Chinese year and month forms", () => {
    const x = d3.scaleUtc().domain([utc(2023, 6), utc(2025, 3)]).range([0, 600]);
    const en = svgElement("g");
    timeAxisIn(en, x, 100, 600);
    const zh = svgElement("g");
    timeAxisIn(zh, x, 100, 600, "zh");
    expect(ticks(zh)).toHaveLength(ticks(en).length);
    expect(ticks(en)).toContain("2024");
    expect(ticks(zh)).toContain("2024年");
    for (const t of ticks(zh)) expect(t).toMatch(/^(\d{4}年|\d{1,2}月)$/);
  });

  test("USD axes tick in 亿/万 in Chinese (the axis label says 美元) and as $…m/bn in English", () => {
    const y = d3.scaleLog().domain([20, 5000]).range([300, 0]);
    const en = svgElement("g");
    usdAxisLeft(en, y, 300, true);
    const zh = svgElement("g");
    usdAxisLeft(zh, y, 300, true, "zh");
    expect(ticks(en)).toContain("$1bn");
    expect(ticks(zh)).toContain("10亿");
    expect(ticks(zh)).toContain("5000万");
    for (const t of ticks(zh)) expect(t).not.toMatch(/[$a-z]/i);
    const linear = svgElement("g");
    usdAxisLeft(linear, d3.scaleLinear().domain([0, 500]).range([300, 0]), 300, false, "zh");
    expect(ticks(linear)[0]).toBe("0");
    expect(ticks(linear)).toContain("1亿");
    const bottom = svgElement("g");
    usdAxisBottom(bottom, d3.scaleLog().domain([5, 2000]).range([0, 600]), 300, 600, "zh");
    expect(ticks(bottom)).toEqual(expect.arrayContaining(["500万", "1亿", "10亿"]));
  });
});
