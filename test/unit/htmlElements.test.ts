// @vitest-environment jsdom
import {expect, test} from "vitest";
import {captionedTable, elementMaker} from "../../src/components/htmlElements.js";
import {HOSTILE} from "./chartAssertions.js";

test("elementMaker sets the class and the text as a text node", () => {
  const el = elementMaker(document);
  const p = el("p", "atlas-note", HOSTILE);
  expect(p.tagName).toBe("P");
  expect(p.className).toBe("atlas-note");
  expect(p.textContent).toBe(HOSTILE);
  expect(p.querySelector("img")).toBeNull();
  expect(el("div").className).toBe("");
});

test("captionedTable wraps a captioned table with scoped column headers and an empty tbody", () => {
  const {wrapper, tbody} = captionedTable(elementMaker(document), {caption: HOSTILE, headers: ["Claim", HOSTILE], className: "projection-table"});
  expect(wrapper.className).toBe("atlas-table");
  const table = wrapper.querySelector("table.projection-table")!;
  expect([...table.children].map((c) => c.tagName)).toEqual(["CAPTION", "THEAD", "TBODY"]);
  expect(table.querySelector("caption")!.textContent).toBe(HOSTILE);
  const headers = [...table.querySelectorAll("thead > tr > th")];
  expect(headers.map((th) => th.textContent)).toEqual(["Claim", HOSTILE]);
  expect(headers.every((th) => th.getAttribute("scope") === "col")).toBe(true);
  expect(table.querySelector("tbody")).toBe(tbody);
  expect(tbody.children).toHaveLength(0);
  expect(wrapper.querySelector("img")).toBeNull();
});
