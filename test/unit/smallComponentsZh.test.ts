// @vitest-environment jsdom
/**
 * The small shared components' own words in Chinese — the data table's note and CSV button, the date range's
 * "from"/"to", the waiting region's error, the missing-slot error — told by an option or, for a component made
 * deep inside another, by the page's <html lang>; and in English as they were.
 */
import {afterEach, describe, expect, test} from "vitest";
import {errorMessage, fillRegion, busyRegion} from "../../src/components/busyRegion.js";
import {dateRange} from "../../src/components/controls.js";
import {dataTable} from "../../src/components/dataTable.js";
import {csvButton} from "../../src/components/downloads.js";
import {hydrate} from "../../src/components/prerendered.js";

const ROWS = [
  {company: "甲", amount: 1},
  {company: "乙", amount: 2},
  {company: "丙", amount: 3}
];

const ENGLISH_UI = /\b(Showing|rows|Download|From|To|no slot|add)\b/;

/** Share of Han characters among letters. */
function cjkShare(text: string): number {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  return letters ? (text.match(/\p{Script=Han}/gu)?.length ?? 0) / letters : 0;
}

afterEach(() => document.documentElement.removeAttribute("lang"));

describe("dataTable and csvButton", () => {
  test("say their words in Chinese when told", () => {
    const table = dataTable(ROWS, {limit: 2, download: "x.csv", lang: "zh"});
    expect(table.querySelector(".atlas-table-note")!.textContent).toBe("共3行，此处显示其中2行。");
    expect(table.querySelector(".atlas-download")!.textContent).toBe("下载 CSV");
    const own = [table.querySelector(".atlas-table-note")!.textContent, table.querySelector(".atlas-download")!.textContent].join("");
    expect(own).not.toMatch(ENGLISH_UI);
    expect(cjkShare(own)).toBeGreaterThanOrEqual(0.6);
  });

  test("follow the page's <html lang> when not told (a chart's data table)", () => {
    document.documentElement.lang = "zh-CN";
    const table = dataTable(ROWS, {limit: 1, download: "x.csv"});
    expect(table.querySelector(".atlas-table-note")!.textContent).toBe("共3行，此处显示其中1行。");
    expect(csvButton(ROWS, ["company"], "x.csv").textContent).toBe("下载 CSV");
    // An explicit option wins over the page.
    expect(dataTable(ROWS, {limit: 1, lang: "en"}).querySelector(".atlas-table-note")!.textContent).toBe("Showing 1 of 3 rows.");
  });

  test("English is as it was", () => {
    const table = dataTable(ROWS, {limit: 2, download: "x.csv"});
    expect(table.querySelector(".atlas-table-note")!.textContent).toBe("Showing 2 of 3 rows.");
    expect(table.querySelector(".atlas-download")!.textContent).toBe("Download CSV");
    expect(csvButton(ROWS, ["company"], "x.csv", document, "en").textContent).toBe("Download CSV");
  });
});

describe("dateRange", () => {
  const options = {label: "发布时间", value: ["2024-01-01", "2024-12-31"] as [string, string], min: "2023-01-01", max: "2025-01-01"};

  test("says 从/至 in Chinese; the inputs keep their names", () => {
    const range = dateRange({...options, lang: "zh"}) as unknown as HTMLElement;
    const labels = [...range.querySelectorAll("label")].map((l) => l.textContent!.trim());
    expect(labels).toEqual(["从", "至"]);
    expect([...range.querySelectorAll("input")].map((i) => i.name)).toEqual(["from", "to"]);
    expect(range.textContent).not.toMatch(ENGLISH_UI);
    expect((range as unknown as {value: [string, string]}).value).toEqual(["2024-01-01", "2024-12-31"]);
  });

  test("follows the page when not told, and English is as it was", () => {
    document.documentElement.lang = "zh-CN";
    expect((dateRange(options) as unknown as HTMLElement).querySelector("label")!.textContent).toBe("从 ");
    document.documentElement.lang = "en";
    const range = dateRange(options) as unknown as HTMLElement;
    expect([...range.querySelectorAll("label")].map((l) => l.textContent)).toEqual(["From ", "To "]);
    expect([...range.querySelectorAll("input")].map((i) => i.name)).toEqual(["from", "to"]);
  });
});

describe("busyRegion errors", () => {
  const failure = Object.assign(new Error("DuckDB-WASM could not start: its engine file is unavailable (HTTP 404)"), {sql: "SELECT 1"});

  test("a Chinese reader is told in Chinese; the error itself is quoted, marked English", () => {
    const box = errorMessage(failure, document, "zh");
    const [lead, message] = box.querySelectorAll("p");
    expect(lead.textContent).toBe("这部分内容未能加载。原始错误信息如下：");
    expect(lead.hasAttribute("lang")).toBe(false);
    expect(message.getAttribute("lang")).toBe("en");
    expect(message.textContent).toBe(failure.message);
    expect(box.querySelector("pre")!.getAttribute("lang")).toBe("en");
    expect(box.getAttribute("role")).toBe("alert");
  });

  test("fillRegion passes the page's language on", async () => {
    document.documentElement.lang = "zh-CN";
    const region = busyRegion("正在启动 DuckDB-WASM…", {id: "r"});
    await fillRegion(region, async () => {
      throw failure;
    });
    expect(region.getAttribute("aria-busy")).toBe("false");
    expect(region.querySelector(".atlas-error p")!.textContent).toBe("这部分内容未能加载。原始错误信息如下：");
    // Told explicitly, English wins.
    const english = busyRegion("…");
    await fillRegion(english, async () => {
      throw failure;
    }, "en");
    expect(english.querySelectorAll(".atlas-error p")).toHaveLength(1);
  });

  test("English is as it was: the message alone, unmarked", () => {
    const box = errorMessage(failure);
    expect([...box.querySelectorAll("p")].map((p) => p.outerHTML)).toEqual([`<p>${failure.message}</p>`]);
    expect(box.querySelector("pre")!.outerHTML).toBe("<pre>SELECT 1</pre>");
  });
});

describe("hydrate", () => {
  test("a missing slot is reported in the page's language", () => {
    document.documentElement.lang = "zh-CN";
    expect(() => hydrate("prerender-nothing", document.createElement("div"))).toThrow(/^页面上没有图表的占位元素 #prerender-nothing/);
    document.documentElement.lang = "en";
    expect(() => hydrate("prerender-nothing", document.createElement("div"))).toThrow(/^no slot #prerender-nothing for the chart/);
  });

  test("puts the live chart in the slot", () => {
    const slot = document.createElement("div");
    slot.id = "prerender-x";
    document.body.append(slot);
    const live = document.createElement("figure");
    hydrate("prerender-x", live);
    expect(slot.firstChild).toBe(live);
    expect(slot.dataset.live).toBe("true");
    slot.remove();
  });

  test("keeps the build's copy until an empty live container (a resize cell) has drawn, then swaps both at once", async () => {
    const slot = document.createElement("div");
    slot.id = "prerender-y";
    slot.innerHTML = "<figure>built</figure>";
    document.body.append(slot);
    const live = document.createElement("div");
    hydrate("prerender-y", live);
    expect(slot.textContent).toBe("built");
    expect(slot.dataset.live).toBeUndefined();
    live.append(document.createElement("figure"));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect([...slot.children]).toEqual([live]);
    expect(slot.dataset.live).toBe("true");
    slot.remove();
  });
});
