// @vitest-environment jsdom
import {describe, expect, test} from "vitest";
import {appendLines, dodge, drawEmptyMessage, drawFitCaption, drawNote, NOTE_LINE, placeLabels, textWidth, truncateText, wrapText} from "../../src/components/chartText.js";
import {svgElement} from "./chartAssertions.js";

describe("textWidth", () => {
  test("textWidth counts CJK characters as a full em and Latin ones as less", () => {
    expect(textWidth("智谱", 10)).toBe(20);
    expect(textWidth("ab", 10)).toBeCloseTo(12.4);
    expect(textWidth("")).toBe(0);
  });

  test("textWidth is monotonic in length", () => {
    expect(textWidth("Zhipu AI", 11)).toBeGreaterThan(textWidth("Zhipu", 11));
  });

  test("textWidth counts capitals, digits and m/w wider than other letters, i/l and spaces narrower", () => {
    expect(textWidth("A", 10)).toBeGreaterThan(textWidth("a", 10));
    expect(textWidth("8", 10)).toBeGreaterThan(textWidth("a", 10));
    expect(textWidth("m", 10)).toBeGreaterThan(textWidth("A", 10));
    expect(textWidth("i", 10)).toBeLessThan(textWidth("a", 10));
    expect(textWidth(" ", 10)).toBeLessThan(textWidth("a", 10));
  });
});

describe("truncateText", () => {
  test("truncateText adds an ellipsis only when the text does not fit", () => {
    expect(truncateText("Zhipu", 100)).toBe("Zhipu");
    const cut = truncateText("Hangzhou City Investment industry fund", 80);
    expect(cut.endsWith("…")).toBe(true);
    expect(textWidth(cut)).toBeLessThanOrEqual(80);
  });

  test("truncateText keeps the cut within the width", () => {
    const cut = truncateText("a very long company name indeed", 60);
    expect(cut.endsWith("…")).toBe(true);
    expect(textWidth(cut)).toBeLessThanOrEqual(60);
  });

  test("truncateText never splits a character outside the BMP", () => {
    const cut = truncateText("𠀀𠀀𠀀𠀀𠀀𠀀", 40);
    expect(cut.endsWith("…")).toBe(true);
    expect(cut).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});

describe("wrapText", () => {
  test("wrapText breaks at spaces and inside words longer than a line", () => {
    expect(wrapText("one two three", 45, 10)).toEqual(["one two", "three"]);
    for (const line of wrapText("月之暗面月之暗面月之暗面", 44, 11)) expect(textWidth(line, 11)).toBeLessThanOrEqual(44);
  });

  test("wrapText keeps lines within the width", () => {
    const lines = wrapText("doubling every 3.5 months (95% CI 2.9–4.9) over nine record-setting models", 120);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(120);
  });
});

describe("appendLines and drawNote", () => {
  test("appendLines writes one tspan per line, a line height apart, with an optional separator", () => {
    const text = svgElement("text");
    appendLines(text, ["doubling every", "3.5 months"], 8);
    const tspans = [...text.node()!.querySelectorAll("tspan")];
    expect(tspans.map((t) => t.getAttribute("dy"))).toEqual(["0", "13"]);
    expect(tspans.every((t) => t.getAttribute("x") === "8")).toBe(true);
    expect(tspans.map((t) => t.textContent)).toEqual(["doubling every", "3.5 months"]);
    const spaced = svgElement("text");
    appendLines(spaced, ["doubling every", "3.5 months"], 8, 14, " ");
    expect(spaced.node()!.textContent).toBe("doubling every 3.5 months");
  });

  test("drawNote draws nothing for no lines, and NOTE_LINE apart otherwise", () => {
    const svg = svgElement("svg");
    drawNote(svg, [], 8, 20);
    expect(svg.node()!.querySelector("text")).toBeNull();
    drawNote(svg, ["Not drawn:", "<b>x</b>"], 8, 20);
    const note = svg.node()!.querySelector("text.chart-note")!;
    expect([...note.querySelectorAll("tspan")].map((t) => t.getAttribute("dy"))).toEqual(["0", String(NOTE_LINE)]);
    expect(note.textContent).toBe("Not drawn: <b>x</b>");
    expect(note.querySelector("b")).toBeNull();
  });
});

describe("drawFitCaption and drawEmptyMessage", () => {
  test("drawFitCaption writes the lines at x = 8 from y, bold and coloured only when asked", () => {
    const svg = svgElement("svg");
    drawFitCaption(svg, ["halving every", "3.5 months"], 40);
    drawFitCaption(svg, ["doubling"], 60, {fill: "#c00", bold: true});
    const [plain, bold] = [...svg.node()!.querySelectorAll("text.fit-caption")];
    expect(plain.getAttribute("y")).toBe("40");
    expect(plain.getAttribute("fill")).toBe("currentColor");
    expect(plain.hasAttribute("font-weight")).toBe(false);
    expect([...plain.querySelectorAll("tspan")].map((t) => [t.getAttribute("x"), t.textContent])).toEqual([["8", "halving every"], ["8", "3.5 months"]]);
    expect(bold.getAttribute("fill")).toBe("#c00");
    expect(bold.getAttribute("font-weight")).toBe("600");
  });

  test("drawEmptyMessage centres the message across the plot, at half its height by default", () => {
    const plot = svgElement("g");
    drawEmptyMessage(plot, {width: 300, height: 200}, "Nothing <b>here</b>.");
    drawEmptyMessage(plot, {width: 300, height: 200}, "Nothing.", 24);
    const [middle, top] = [...plot.node()!.querySelectorAll("text.empty")];
    expect([middle.getAttribute("x"), middle.getAttribute("y"), middle.getAttribute("text-anchor")]).toEqual(["150", "100", "middle"]);
    expect(middle.textContent).toBe("Nothing <b>here</b>.");
    expect(top.getAttribute("y")).toBe("24");
  });
});

describe("dodge and placeLabels", () => {
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
});

describe("Chinese text", () => {
  test("wrapText breaks a Chinese sentence anywhere but never starts a line with closing punctuation", () => {
    const sentence = "未画出（没有报道完整年度营收）：百川、月之暗面、阶跃星辰、面壁智能、深度求索。没有披露融资金额：零一万物、天工。";
    for (const width of [60, 90, 120, 150, 200, 250]) {
      const lines = wrapText(sentence, width, 10);
      expect(lines.join("")).toBe(sentence);
      for (const line of lines.slice(1)) expect(line).not.toMatch(/^[，。、；：！？）》」』】〕]/);
      for (const line of lines) expect(textWidth(line, 10)).toBeLessThanOrEqual(width);
    }
  });

  test("drawNote puts no space where a line break falls between two Chinese characters", () => {
    const note = svgElement("svg");
    drawNote(note, ["没有披露融资金额：", "零一万物。Not", "drawn"], 8, 20);
    expect(note.node()!.textContent).toBe("没有披露融资金额：零一万物。Not drawn");
  });
});
