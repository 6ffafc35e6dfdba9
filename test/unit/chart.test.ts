// @vitest-environment jsdom
import {describe, expect, test} from "vitest";
import {chartFrame, companyLabel, formatFactor, formatMonths, formatParams, formatUsdMillions, indexSources, sourceLine, standaloneSvg} from "../../src/components/chart.js";

const sources = indexSources([
  {source_id: "a", publisher: "Caixin", title: "Six tigers", url: "https://example.com/a", date_raw: "2025-01-06"},
  {source_id: "b", publisher: "<b>Evil</b> Daily", title: "x", url: null, date_raw: null}
]);

describe("chartFrame(options)", () => {
  test("chartFrame gives the SVG role img, a title and a description that name it", () => {
    const {figure} = chartFrame({name: "demo", title: "Funding", description: "Rounds over time", width: 400, height: 200, sourceLine: "Sources: x"});
    const svg = figure.querySelector("svg")!;
    expect(svg.getAttribute("role")).toBe("img");
    const [titleId, descId] = svg.getAttribute("aria-labelledby")!.split(" ");
    expect(figure.querySelector(`#${titleId}`)!.textContent).toBe("Funding");
    expect(figure.querySelector(`#${descId}`)!.textContent).toBe("Rounds over time");
    expect(figure.querySelector("figcaption")!.textContent).toBe("Sources: x");
    expect(figure.querySelectorAll("button.atlas-download")).toHaveLength(2);
  });

  test("chartFrame renders hostile text in titles, tables and tooltips as text", () => {
    const evil = '<img src=x onerror="alert(1)">';
    const {figure, tooltip} = chartFrame({
      name: "demo",
      title: evil,
      description: evil,
      width: 400,
      height: 200,
      sourceLine: evil,
      sources,
      table: {rows: [{name: evil}], columns: ["name"]}
    });
    tooltip.show({title: evil, lines: [evil], sources: ["b"]});
    expect(figure.querySelector("img")).toBeNull();
    expect(figure.querySelector("b")).toBeNull();
    expect(figure.querySelector("td")!.textContent).toBe(evil);
    expect(figure.querySelector(".atlas-tooltip")!.textContent).toContain("<b>Evil</b> Daily");
  });

  test("tooltip sources link to the source URL, or name the publisher when there is none", () => {
    const {figure, tooltip} = chartFrame({name: "demo", title: "t", description: "d", width: 100, height: 100, sourceLine: "s", sources});
    tooltip.show({title: "Round", sources: ["a", "b"]});
    const link = figure.querySelector(".atlas-tooltip a") as HTMLAnchorElement;
    expect(link.href).toBe("https://example.com/a");
    expect(link.textContent).toBe("Caixin, 2025-01-06");
    expect(link.rel).toContain("noopener");
  });

  test("standaloneSvg adds the title and the source line with the licence", () => {
    const {figure} = chartFrame({name: "demo", title: "Funding", description: "d", width: 400, height: 200, sourceLine: sourceLine(["a"], sources)});
    const svg = standaloneSvg(figure);
    expect(svg).toContain(">Funding<");
    expect(svg).toContain("Sources: Caixin");
    expect(svg).toContain("CC BY 4.0");
    expect(svg).not.toContain("currentColor");
  });

  test("standaloneSvg wraps a long source line within the chart's width and makes room for it", () => {
    const many = new Map([...Array(12)].map((_, i) => [`s${i}`, {source_id: `s${i}`, publisher: `Publisher number ${i}`, title: "t", url: null}]));
    const line = sourceLine([...many.keys()], many, 12);
    const {figure} = chartFrame({name: "demo", title: "Funding", description: "d", width: 300, height: 200, sourceLine: line});
    const box = document.createElement("div");
    box.innerHTML = standaloneSvg(figure);
    const root = box.firstElementChild!;
    const foot = root.lastElementChild!;
    const lines = [...foot.querySelectorAll("tspan")].map((t) => t.textContent ?? "");
    expect(lines.length).toBeGreaterThan(2);
    expect(foot.textContent).toBe(line);
    expect(Number(root.getAttribute("height"))).toBe(200 + 64 + (lines.length - 1) * 13);
  });

  test("standaloneSvg writes each CSS variable as its fallback, which readers outside the page can draw", () => {
    const {figure, plot} = chartFrame({name: "demo", title: "T", description: "d", width: 300, height: 200, sourceLine: "S"});
    plot.append("circle").attr("fill", "var(--theme-background, #fff)").attr("style", "stroke: var(--theme-foreground-focus, #3b5fc0); stroke-width: 2px;");
    const svg = standaloneSvg(figure);
    expect(svg).not.toContain("var(");
    expect(svg).toContain('fill="#fff"');
    expect(svg).toContain("stroke: #3b5fc0;");
    expect(svg).toContain('font-family="system-ui, sans-serif"');
  });
});

test("companyLabel joins Chinese and English short names, once when they are the same", () => {
  expect(companyLabel({company_id: "zhipu", short_en: "Zhipu", short_zh: "智谱"})).toBe("智谱 Zhipu");
  expect(companyLabel({company_id: "minimax", short_en: "MiniMax", short_zh: "MiniMax"})).toBe("MiniMax");
});

test("formatUsdMillions writes millions and billions", () => {
  expect(formatUsdMillions(300)).toBe("$300m");
  expect(formatUsdMillions(1540)).toBe("$1.54bn");
  expect(formatUsdMillions(null)).toBe("n/a");
});

test("formatParams, formatFactor and formatMonths write parameter counts, growth factors and months", () => {
  expect(formatParams(0.5)).toBe("0.5B");
  expect(formatParams(32)).toBe("32B");
  expect(formatParams(456)).toBe("456B");
  expect(formatParams(1000)).toBe("1T");
  expect(formatParams(2852)).toBe("2.9T");
  expect(formatFactor(431.2)).toBe("×431");
  expect(formatFactor(1643)).toBe("×1,643");
  expect(formatMonths(3.46)).toBe("3.5");
  expect(formatMonths(Infinity)).toBe("∞");
});
