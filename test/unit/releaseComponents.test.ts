// @vitest-environment jsdom
import {expect, test, vi} from "vitest";
import {changelogTable, type ChangelogEntry} from "../../src/components/changelogTable.js";
import {copyBlock} from "../../src/components/copyBlock.js";
import {HOSTILE} from "./chartAssertions.js";

test("changelogTable shows each release newest first with its counts, each table's changes and the rows' ids, and the baseline", () => {
  const entries: ChangelogEntry[] = [
    {version: "1.10.0", date: "2027-02-01", tables: {models: {added: ["a", "b"], changed: ["c"], removed: []}, events: {added: [], changed: [], removed: [HOSTILE]}}},
    {version: "1.9.0", date: "2027-01-01", tables: {}}
  ];
  const wrapper = changelogTable(entries, {history: [{version: "1.0.0", date: "2026-11-22"}, {version: "1.9.0", date: "2027-01-01"}, {version: "1.10.0", date: "2027-02-01"}]}, document);
  expect(wrapper.querySelector("table.atlas-changelog")!.getAttribute("role")).toBe("grid");
  const rows = [...wrapper.querySelectorAll("tbody tr")];
  expect(rows.map((r) => r.getAttribute("data-version"))).toEqual(["1.10.0", "1.9.0", "1.0.0"]);
  const cells = (row: Element) => [...row.querySelectorAll("td")].map((td) => td.textContent);
  expect(cells(rows[0])).toEqual(["1.10.0", "2027-02-01", "2", "1", "1", "models: +2 ~1 −0; events: +0 ~0 −1", `models added: a, b; models changed: c; events removed: ${HOSTILE}`]);
  expect(rows[0].querySelector("img")).toBeNull();
  expect(cells(rows[1])).toEqual(["1.9.0", "2027-01-01", "0", "0", "0", "no row changed", ""]);
  expect(cells(rows[2])).toEqual(["1.0.0", "2026-11-22", "", "", "", "first release: the baseline later releases are compared with", ""]);
});

test("copyBlock shows the text in a focusable pre and copies it with the Clipboard API on click", async () => {
  const writeText = vi.fn(async () => {});
  Object.defineProperty(window.navigator, "clipboard", {value: {writeText}, configurable: true});
  const block = copyBlock(`@misc{x,\n  title = {${HOSTILE}}\n}`, {label: "the BibTeX entry", className: "bib"}, document);
  document.body.append(block);
  expect(block.className).toBe("atlas-copy bib");
  const pre = block.querySelector("pre")!;
  expect(pre.textContent).toBe(`@misc{x,\n  title = {${HOSTILE}}\n}`);
  expect(pre.tabIndex).toBe(0);
  const button = block.querySelector("button")!;
  expect(button.getAttribute("aria-label")).toBe("Copy the BibTeX entry");
  expect(button.getAttribute("onclick")).toBeNull();
  button.click();
  await vi.waitFor(() => expect(block.querySelector("[role=status]")!.textContent).toBe("Copied"));
  expect(writeText).toHaveBeenCalledWith(pre.textContent);
  block.remove();
});

test("copyBlock selects the text when the clipboard refuses", async () => {
  Object.defineProperty(window.navigator, "clipboard", {value: {writeText: async () => Promise.reject(new Error("denied"))}, configurable: true});
  document.execCommand = () => false;
  const block = copyBlock("Six Tigers Atlas (version 1.0.0)", {label: "the citation"}, document);
  document.body.append(block);
  block.querySelector("button")!.click();
  await vi.waitFor(() => expect(block.querySelector("[role=status]")!.textContent).toMatch(/^Selected/));
  expect(document.getSelection()!.toString()).toBe("Six Tigers Atlas (version 1.0.0)");
  block.remove();
});
