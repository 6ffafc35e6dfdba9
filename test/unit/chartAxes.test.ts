// @vitest-environment jsdom
import {describe, expect, test} from "vitest";
import * as d3 from "../../src/components/d3.js";
import {logAxisLeft, logDomain, logTicks} from "../../src/components/chartAxes.js";
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
