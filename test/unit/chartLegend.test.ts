// @vitest-environment jsdom
import {describe, expect, test} from "vitest";
import {drawLegend, layoutLegend, swatches} from "../../src/components/chartLegend.js";
import {textWidth} from "../../src/components/chartText.js";
import {svgElement} from "./chartAssertions.js";

const noop = () => {};
/** One legend row, in px. */
const ROW = 16;

describe("layoutLegend", () => {
  test("layoutLegend wraps onto new lines within the width", () => {
    const items = ["智谱 Zhipu", "百川 Baichuan", "月之暗面 Moonshot", "MiniMax"].map((label) => ({key: label, label, swatch: noop}));
    const wide = layoutLegend(items, 960);
    expect(wide.height).toBe(ROW);
    const narrow = layoutLegend(items, 200);
    expect(narrow.height).toBeGreaterThan(ROW);
    for (const item of narrow.items) expect(item.x + 17 + textWidth(item.label)).toBeLessThanOrEqual(200);
  });

  test("layoutLegend wraps onto more rows when narrower and never exceeds the width", () => {
    const items = ["Pre-training abandoned", "Pivot", "Chip partnership", "Car partnership", "IPO process", "Listing"].map((label) => ({label, swatch: noop}));
    const wide = layoutLegend(items, 900);
    const narrow = layoutLegend(items, 300);
    expect(wide.height).toBe(ROW);
    expect(narrow.height).toBeGreaterThan(wide.height);
    for (const item of narrow.items) expect(item.x + 18 + textWidth(item.label)).toBeLessThanOrEqual(300);
    expect(layoutLegend([], 300).height).toBe(0);
  });

  test("layoutLegend cuts a label longer than a row", () => {
    const [item] = layoutLegend([{label: "a label far too long to fit in one legend row at this width", swatch: noop}], 120).items;
    expect(item.label.endsWith("…")).toBe(true);
    expect(18 + textWidth(item.label)).toBeLessThanOrEqual(120);
  });
});

describe("drawLegend", () => {
  test("drawLegend draws each entry's swatch, its label as text and its data-key", () => {
    const svg = svgElement("svg");
    const layout = layoutLegend(
      [
        {key: "record", label: "record <b>model</b>", swatch: swatches.dot("currentColor")},
        {label: "trend", swatch: swatches.line("#c00", {dash: "5 3"})}
      ],
      400
    );
    drawLegend(svg, layout, 8, 6);
    const entries = [...svg.node()!.querySelectorAll(".legend .legend-item")];
    expect(entries).toHaveLength(2);
    expect(entries[0].getAttribute("data-key")).toBe("record");
    expect(entries[1].hasAttribute("data-key")).toBe(false);
    expect(entries[0].querySelector(".legend-swatch circle")).not.toBeNull();
    expect(entries[1].querySelector(".legend-swatch line")!.getAttribute("stroke-dasharray")).toBe("5 3");
    expect(entries[0].querySelector("text")!.textContent).toBe("record <b>model</b>");
    expect(svg.node()!.querySelector("b")).toBeNull();
  });
});
