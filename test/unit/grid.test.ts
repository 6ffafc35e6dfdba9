// @vitest-environment jsdom
/**
 * The result grid (dataTable.ts) and its pure parts: how a value reads (cellText.ts), which rows a scroll
 * position draws (gridWindow.ts), where a key moves the active cell (gridKeys.ts). jsdom has no layout, so the
 * grid's geometry is the browser tests' (test/e2e/grid.test.ts); here, what it draws and how it answers.
 */
import {describe, expect, test} from "vitest";
import {cellText, dateText, numberText} from "../../src/components/cellText.js";
import {dataTable, PLAIN_ROWS, sortIndices} from "../../src/components/dataTable.js";
import {moveCell} from "../../src/components/gridKeys.js";
import {MAX_HEIGHT, naturalTopAt, rowWindow, scrollTopFor} from "../../src/components/gridWindow.js";

describe("cellText", () => {
  test("numbers are grouped in the page's language, except years and ids", () => {
    expect(numberText(1234567.891, "amount")).toBe("1,234,567.891");
    expect(numberText(1234567, "amount", "zh")).toBe("1,234,567");
    expect(numberText(2024, "year")).toBe("2024");
    expect(numberText(2024, "release_year")).toBe("2024");
    expect(numberText(12345n, "range")).toBe("12,345");
    expect(numberText(-3.5)).toBe("-3.5");
    expect(numberText(NaN)).toBe("NaN");
    expect(numberText(0.000123)).toBe("0.000123");
    expect(numberText(2024, "year(release_date)")).toBe("2024");
  });
  test("dates are days, with the time only when there is one", () => {
    expect(dateText(new Date("2024-07-19T00:00:00Z"))).toBe("2024-07-19");
    expect(dateText(new Date("2024-07-19T08:30:05Z"))).toBe("2024-07-19 08:30:05");
  });
  test("NULL, lists and source ids", () => {
    expect(cellText(null)).toEqual({kind: "null", text: "NULL"});
    expect(cellText(undefined).kind).toBe("null");
    expect(cellText("").kind).toBe("text");
    expect(cellText(["a", "b"])).toEqual({kind: "list", text: "a; b", items: ["a", "b"]});
    expect(cellText("s1;s2", "source_ids")).toEqual({kind: "list", text: "s1; s2", items: ["s1", "s2"]});
    expect(cellText("a;b", "notes").kind).toBe("text");
    expect(cellText({a: 1n}).text).toBe('{"a":"1"}');
    expect(cellText(true)).toEqual({kind: "boolean", text: "true"});
  });
});

describe("rowWindow", () => {
  test("at the top, the rows in view and some more; the rest is empty height below", () => {
    const w = rowWindow({count: 1000, rowHeight: 30, scrollTop: 0, viewport: 300, overscan: 5});
    expect(w).toEqual({first: 0, end: 16, top: 0, bottom: (1000 - 16) * 30, total: 30_000});
  });
  test("in the middle, the row at the top of the view is where the view is", () => {
    const w = rowWindow({count: 1000, rowHeight: 30, scrollTop: 15_000, viewport: 300, overscan: 5});
    expect(w.first).toBe(495);
    expect(w.top).toBe(495 * 30);
    expect(w.top + w.bottom + (w.end - w.first) * 30).toBe(w.total);
  });
  test("at the bottom, the last row is drawn and the block ends with the scroll height", () => {
    const w = rowWindow({count: 1000, rowHeight: 30, scrollTop: 1e9, viewport: 300});
    expect(w.end).toBe(1000);
    expect(w.bottom).toBe(0);
  });
  test("past the browsers' limit the height is compressed, and both ends are still reached", () => {
    const count = 1_000_000;
    const top = rowWindow({count, rowHeight: 30, scrollTop: 0, viewport: 500});
    expect(top.total).toBe(MAX_HEIGHT);
    expect(top.first).toBe(0);
    const end = rowWindow({count, rowHeight: 30, scrollTop: MAX_HEIGHT - 500, viewport: 500});
    expect(end.end).toBe(count);
    expect(end.top + (end.end - end.first) * 30).toBe(MAX_HEIGHT);
    const middle = rowWindow({count, rowHeight: 30, scrollTop: (MAX_HEIGHT - 500) / 2, viewport: 500});
    expect(Math.abs(middle.first + 6 - count / 2)).toBeLessThan(20);
    expect(middle.end - middle.first).toBeLessThan(40);
  });
  test("scrollTopFor is naturalTopAt's inverse, compressed or not (the keys scroll a row into view with it)", () => {
    for (const count of [1000, 1_000_000]) {
      const input = {count, rowHeight: 30, viewport: 500};
      for (const naturalTop of [0, 12_345, count * 30 - 500]) {
        expect(naturalTopAt({...input, scrollTop: scrollTopFor(input, naturalTop)})).toBeCloseTo(naturalTop, 3);
      }
    }
  });

  test("no rows, nothing drawn", () => {
    expect(rowWindow({count: 0, rowHeight: 30, scrollTop: 0, viewport: 300})).toEqual({first: 0, end: 0, top: 0, bottom: 0, total: 0});
  });
});

describe("moveCell", () => {
  const bounds = {rows: 100, columns: 5, page: 10};
  test("arrows, clamped at the edges; row -1 is the header", () => {
    expect(moveCell("ArrowDown", false, {row: -1, column: 2}, bounds)).toEqual({row: 0, column: 2});
    expect(moveCell("ArrowUp", false, {row: 0, column: 2}, bounds)).toEqual({row: -1, column: 2});
    expect(moveCell("ArrowUp", false, {row: -1, column: 2}, bounds)).toEqual({row: -1, column: 2});
    expect(moveCell("ArrowRight", false, {row: 3, column: 4}, bounds)).toEqual({row: 3, column: 4});
    expect(moveCell("ArrowLeft", false, {row: 3, column: 0}, bounds)).toEqual({row: 3, column: 0});
  });
  test("Home/End, Ctrl+Home/End, Page Up/Down", () => {
    expect(moveCell("End", false, {row: 3, column: 1}, bounds)).toEqual({row: 3, column: 4});
    expect(moveCell("Home", false, {row: 3, column: 3}, bounds)).toEqual({row: 3, column: 0});
    expect(moveCell("End", true, {row: 3, column: 1}, bounds)).toEqual({row: 99, column: 4});
    expect(moveCell("Home", true, {row: 30, column: 3}, bounds)).toEqual({row: 0, column: 0});
    expect(moveCell("PageDown", false, {row: 95, column: 1}, bounds)).toEqual({row: 99, column: 1});
    expect(moveCell("PageUp", false, {row: 5, column: 1}, bounds)).toEqual({row: 0, column: 1});
    expect(moveCell("a", false, {row: 5, column: 1}, bounds)).toBeNull();
  });
});

describe("sortIndices", () => {
  const rows = [{v: 3}, {v: null}, {v: 1}, {v: 2}, {v: undefined}];
  test("NaN and Invalid Dates go last with the NULLs: the order stays consistent", () => {
    const rows = [{v: 3}, {v: NaN}, {v: 1}, {v: 2}, {v: NaN}, {v: 0}];
    expect(sortIndices(rows, [0, 1, 2, 3, 4, 5], "v", false)).toEqual([5, 2, 3, 0, 1, 4]);
    const dates = [{v: new Date("x")}, {v: new Date("2024-01-01")}];
    expect(sortIndices(dates, [0, 1], "v", false)).toEqual([1, 0]);
  });

  test("numbers by value, NULLs last in both directions", () => {
    expect(sortIndices(rows, [0, 1, 2, 3, 4], "v", false)).toEqual([2, 3, 0, 1, 4]);
    expect(sortIndices(rows, [0, 1, 2, 3, 4], "v", true)).toEqual([0, 3, 2, 1, 4]);
  });
  test("text in natural order, dates by time", () => {
    const text = [{v: "item 10"}, {v: "item 9"}, {v: "Item 1"}];
    expect(sortIndices(text, [0, 1, 2], "v", false)).toEqual([2, 1, 0]);
    const dates = [{v: new Date("2025-01-01")}, {v: new Date("2024-01-01")}];
    expect(sortIndices(dates, [0, 1], "v", false)).toEqual([1, 0]);
  });
});

describe("dataTable, the grid", () => {
  const cells = (grid: HTMLElement) => [...grid.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent));
  const press = (target: Element, key: string, init: KeyboardEventInit = {}) =>
    target.dispatchEvent(new KeyboardEvent("keydown", {key, bubbles: true, cancelable: true, ...init}));

  test("a grid of rows: roles, counts, one tabbable cell, numbers right-aligned and grouped, NULL set apart", () => {
    const grid = dataTable(
      [
        {id: "a", amount: 1234.5, note: null, source_ids: ["s1", "s2"]},
        {id: "b", amount: null, note: "", source_ids: []}
      ],
      {caption: "Rows", nullText: "NULL", sourceHref: (id) => `/data?source=${id}#sources`}
    );
    document.body.append(grid);
    const table = grid.querySelector("table")!;
    expect(table.getAttribute("role")).toBe("grid");
    expect(table.getAttribute("aria-rowcount")).toBe("3");
    expect(table.getAttribute("aria-colcount")).toBe("4");
    expect(table.querySelectorAll('[tabindex="0"]')).toHaveLength(1);
    expect(cells(grid)).toEqual([
      ["a", "1,234.5", "NULL", "s1s2"],
      ["b", "NULL", "", ""]
    ]);
    const [first] = grid.querySelectorAll("tbody tr");
    expect(first.children[1].className).toBe("numeric");
    expect(first.children[2].className).toBe("atlas-null");
    expect([...first.querySelectorAll("a.atlas-chip")].map((a) => a.getAttribute("href"))).toEqual(["/data?source=s1#sources", "/data?source=s2#sources"]);
    // Links in cells are reached with Enter, not with Tab: one tab stop for the whole grid.
    expect([...first.querySelectorAll("a")].every((a) => a.tabIndex === -1)).toBe(true);
    grid.remove();
  });

  test("long text keeps its whole value in the cell's title and in the selected row's panel", () => {
    const long = "A note of some length that a narrow column cuts with an ellipsis <script>alert(1)</script>";
    const grid = dataTable([{id: "x", notes: long}], {caption: "Notes"});
    document.body.append(grid);
    const cell = grid.querySelector("tbody td:nth-child(2)") as HTMLElement;
    expect(cell.title).toBe(long);
    const panel = grid.querySelector(".atlas-grid-detail") as HTMLElement;
    expect(panel.hidden).toBe(true);
    cell.click();
    expect(panel.hidden).toBe(false);
    expect(panel.querySelector(".atlas-grid-detail-title")!.textContent).toBe("Row 1 of 1");
    expect([...panel.querySelectorAll("dd")].map((dd) => dd.textContent)).toEqual(["x", long]);
    expect(panel.querySelector("script")).toBeNull();
    expect(cell.closest("tr")!.getAttribute("aria-selected")).toBe("true");
    expect(document.activeElement).toBe(cell);
    grid.remove();
  });

  test("keys move the active cell; a header's button sorts; Shift+arrow there resizes", () => {
    const rows = Array.from({length: 20}, (_, i) => ({id: `r${i}`, n: (i * 7) % 20, word: `w${i}`}));
    const grid = dataTable(rows, {caption: "Keys"});
    document.body.append(grid);
    const header = grid.querySelector("th .atlas-sort") as HTMLButtonElement;
    expect(header.tabIndex).toBe(0);
    header.focus();
    press(header, "ArrowDown");
    expect(document.activeElement!.textContent).toBe("r0");
    press(document.activeElement!, "End");
    expect(document.activeElement!.textContent).toBe("w0");
    press(document.activeElement!, "End", {ctrlKey: true});
    expect(document.activeElement!.textContent).toBe("w19");
    expect(grid.querySelector(".atlas-grid-detail-title")!.textContent).toBe("Row 20 of 20");
    press(document.activeElement!, "Home", {ctrlKey: true});
    expect(document.activeElement!.textContent).toBe("r0");
    press(document.activeElement!, "ArrowRight");
    press(document.activeElement!, "ArrowUp");
    const nHeader = document.activeElement as HTMLButtonElement;
    expect(nHeader.textContent).toBe("n");
    nHeader.click();
    expect(nHeader.closest("th")!.getAttribute("aria-sort")).toBe("ascending");
    expect(cells(grid).map((r) => r[1]).slice(0, 3)).toEqual(["0", "1", "2"]);
    const col = grid.querySelectorAll("col")[1] as HTMLElement;
    const before = parseInt(col.style.width);
    press(nHeader, "ArrowRight", {shiftKey: true});
    expect(parseInt(col.style.width)).toBe(before + 16);
    expect(document.activeElement).toBe(nHeader);
    grid.remove();
  });

  test(`past ${PLAIN_ROWS} rows only a window is drawn, and keys still reach the last row`, () => {
    const rows = Array.from({length: 100_000}, (_, i) => ({range: i}));
    const started = performance.now();
    const grid = dataTable(rows, {caption: "Many"});
    document.body.append(grid);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(grid.classList.contains("atlas-grid-virtual")).toBe(true);
    const drawn = grid.querySelectorAll("tbody tr");
    expect(drawn.length).toBeGreaterThan(10);
    expect(drawn.length).toBeLessThan(100);
    expect(grid.querySelector("table")!.getAttribute("aria-rowcount")).toBe("100001");
    expect(drawn[0].getAttribute("aria-rowindex")).toBe("2");
    (grid.querySelector("tbody td") as HTMLElement).focus();
    press(document.activeElement!, "End", {ctrlKey: true});
    expect(document.activeElement!.textContent).toBe("99,999");
    expect(document.activeElement!.closest("tr")!.getAttribute("aria-rowindex")).toBe("100001");
    expect(grid.querySelectorAll("tbody tr").length).toBeLessThan(100);
    grid.remove();
  });

  test("an empty result draws an empty grid (a notebook's query that finds nothing)", () => {
    const grid = dataTable([], {caption: "Nothing"});
    expect(grid.querySelector("table")!.getAttribute("aria-rowcount")).toBe("1");
    expect(grid.querySelectorAll("tbody tr")).toHaveLength(0);
    expect(dataTable([], {columns: ["a"]}).querySelectorAll("thead th")).toHaveLength(1);
  });

  test("the filter keeps the rows whose cells, as shown, hold the text; NULL reads as shown", () => {
    const grid = dataTable([{id: "a", n: 1234}, {id: "b", n: null}, {id: "c", n: 5}], {filter: true, nullText: "NULL"});
    const input = grid.querySelector<HTMLInputElement>(".atlas-table-filter input")!;
    input.value = "1,234";
    input.dispatchEvent(new Event("input"));
    expect(cells(grid)).toEqual([["a", "1,234"]]);
    input.value = "null";
    input.dispatchEvent(new Event("input"));
    expect(cells(grid)).toEqual([["b", "NULL"]]);
  });

  test("Enter on a cell lets Tab reach each of its links; leaving the cell makes them one stop again", () => {
    const grid = dataTable([{id: "a", source_ids: ["s1", "s2"]}], {sourceHref: (id) => `#${id}`});
    document.body.append(grid);
    const cell = grid.querySelector("tbody td:nth-child(2)") as HTMLElement;
    cell.focus();
    press(cell, "Enter");
    const links = [...cell.querySelectorAll("a")];
    expect(document.activeElement).toBe(links[0]);
    expect(links.map((a) => a.tabIndex)).toEqual([0, 0]);
    press(links[0], "Escape");
    expect(document.activeElement).toBe(cell);
    expect(links.map((a) => a.tabIndex)).toEqual([-1, -1]);
    grid.remove();
  });

  test("with no layout to measure (a closed <details>, the build's render) small tables still draw every row", () => {
    const rows = Array.from({length: PLAIN_ROWS}, (_, i) => ({i}));
    expect(dataTable(rows).querySelectorAll("tbody tr")).toHaveLength(PLAIN_ROWS);
  });
});
