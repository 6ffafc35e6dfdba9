// @vitest-environment jsdom
/**
 * CSV that a spreadsheet opens as data, never as formulas: text cells starting with `=`, `+`, `-`, `@`, a tab or a
 * carriage return get a leading `'` (OWASP's CSV injection advice), numbers stay numbers. Both writers: the build's
 * published copies (tableToCsv) and the CSV button of every table a reader sees (csvButton), one toCsv underneath.
 */
import {afterEach, describe, expect, test, vi} from "vitest";
import {csvButton} from "../../src/components/downloads.js";
import {neutralizeFormula, parseCsv, toCsv} from "../../src/lib/csv.js";
import {tableToCsv} from "../../src/lib/publish.js";
import {TABLES} from "../../src/lib/tables/index.js";

const HYPERLINK = '=HYPERLINK("https://example.com/x","click")';
const FORMULAS = [HYPERLINK, "+1+2", "-2+3", "@SUM(A1:A9)", "\tindented", "\r=1+1", "=1+1"];

describe("neutralizeFormula", () => {
  test("puts a ' before text that starts like a formula", () => {
    for (const text of FORMULAS) expect(neutralizeFormula(text), JSON.stringify(text)).toBe(`'${text}`);
  });

  test("leaves other text and plain numbers written as text alone", () => {
    for (const text of ["Zhipu raises", "", "'quoted", " =x", "a=b", "-3.5", "+7", "-1e6", ".5", "智谱"]) expect(neutralizeFormula(text)).toBe(text);
  });
});

describe("toCsv", () => {
  test("neutralizes text cells and lists, not numbers", () => {
    const csv = toCsv([{title: HYPERLINK, note: "-2+3", partners: ["@handle", "x"], delta: -3.5, count: -2, big: -5n, ok: true}], ["title", "note", "partners", "delta", "count", "big", "ok"]);
    expect(csv).toBe(`title,note,partners,delta,count,big,ok\n"'=HYPERLINK(""https://example.com/x"",""click"")",'-2+3,'@handle;x,-3.5,-2,-5,true\n`);
  });

  test("a tab or carriage return at the start is kept, after the '", () => {
    expect(toCsv([{a: "\tx", b: "\r=1"}], ["a", "b"])).toBe(`a,b\n'\tx,"'\r=1"\n`);
  });

  test("reads back as the text with its leading '", () => {
    const [row] = parseCsv(toCsv([{id: "a", title: HYPERLINK}], ["id", "title"]), "x.csv").rows;
    expect(row.values).toEqual({id: "a", title: `'${HYPERLINK}`});
  });
});

describe("the build's CSV (tableToCsv)", () => {
  test("publishes a source titled with a formula as text", () => {
    const columns = TABLES.sources.columns.map((c) => c.name);
    const row = Object.fromEntries(columns.map((c) => [c, null])) as Record<string, unknown>;
    Object.assign(row, {source_id: "s1", publisher: "+Publisher", title: HYPERLINK});
    const [parsed] = parseCsv(tableToCsv(TABLES.sources, [row]), "sources.csv").rows;
    expect(parsed.values.title).toBe(`'${HYPERLINK}`);
    expect(parsed.values.publisher).toBe("'+Publisher");
    expect(parsed.values.source_id).toBe("s1");
  });
});

describe("the page's CSV button (csvButton)", () => {
  const saved: Blob[] = [];
  afterEach(() => {
    saved.length = 0;
    vi.restoreAllMocks();
  });

  test("saves text that starts like a formula as text, and numbers as numbers", async () => {
    Object.assign(URL, {createObjectURL: (blob: Blob) => (saved.push(blob), "blob:atlas"), revokeObjectURL: () => {}});
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
    const rows = [{title: HYPERLINK, change: -3.5, note: "-"}];
    csvButton(rows, ["title", "change", "note"], "x.csv", document, "en").click();
    expect(saved).toHaveLength(1);
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.readAsText(saved[0]);
    });
    expect(text).toBe(`title,change,note\n"'=HYPERLINK(""https://example.com/x"",""click"")",-3.5,'-\n`);
  });
});
