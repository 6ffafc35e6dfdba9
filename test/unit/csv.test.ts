import {describe, expect, test} from "vitest";
import {CsvError, decodeUtf8, formatIssue, invalidUtf8Offsets, parseCsv, readCsv, toCsv, type Issue} from "../../src/lib/csv.js";

const FILE = "data/test.csv";

/** The issues a parse throws, or fails the test if it does not throw a CsvError. */
function issuesOf(text: string): Issue[] {
  try {
    parseCsv(text, FILE);
  } catch (error) {
    expect(error).toBeInstanceOf(CsvError);
    return (error as CsvError).issues;
  }
  throw new Error("expected parseCsv to throw");
}

describe("parseCsv", () => {
  test("parseCsv(simple LF file) gives header, values and positions", () => {
    const table = parseCsv("id,name\nzhipu,Zhipu AI\nmoonshot,Moonshot AI\n", FILE);
    expect(table.file).toBe(FILE);
    expect(table.header).toEqual(["id", "name"]);
    expect(table.rows).toEqual([
      {line: 2, values: {id: "zhipu", name: "Zhipu AI"}, columns: {id: 1, name: 7}, lines: {id: 2, name: 2}},
      {line: 3, values: {id: "moonshot", name: "Moonshot AI"}, columns: {id: 1, name: 10}, lines: {id: 3, name: 3}}
    ]);
  });

  test("parseCsv(CRLF file) reads the same as LF", () => {
    const lf = parseCsv("a,b\n1,2\n3,4\n", FILE);
    const crlf = parseCsv("a,b\r\n1,2\r\n3,4\r\n", FILE);
    expect(crlf).toEqual(lf);
  });

  test("parseCsv(text with BOM) drops the BOM from the first header name and its columns", () => {
    const table = parseCsv("\uFEFFid,x\nq,1\n", FILE);
    expect(table.header).toEqual(["id", "x"]);
    expect(table.rows[0].values.id).toBe("q");
    expect(table.rows[0].columns).toEqual({id: 1, x: 3});
  });

  test("parseCsv(no final newline) keeps the last row", () => {
    const table = parseCsv("a,b\n1,2\n3,4", FILE);
    expect(table.rows.map((r) => r.values)).toEqual([
      {a: "1", b: "2"},
      {a: "3", b: "4"}
    ]);
  });

  test("parseCsv(blank trailing lines) ignores them", () => {
    const table = parseCsv("a,b\n1,2\n\n\r\n  \n", FILE);
    expect(table.rows).toHaveLength(1);
  });

  test("parseCsv(header only) has no rows", () => {
    expect(parseCsv("a,b\n", FILE).rows).toEqual([]);
  });

  test("parseCsv(quoted commas and doubled quotes) unquotes them", () => {
    const table = parseCsv('id,notes\nx,"Tencent, Alibaba"\ny,"the ""six tigers"""\n', FILE);
    expect(table.rows[0].values.notes).toBe("Tencent, Alibaba");
    expect(table.rows[1].values.notes).toBe('the "six tigers"');
  });

  test("parseCsv(empty fields) keeps them as empty strings, quoted or not", () => {
    const table = parseCsv('a,b,c\n,"",\n', FILE);
    expect(table.rows[0].values).toEqual({a: "", b: "", c: ""});
    expect(table.rows[0].columns).toEqual({a: 1, b: 2, c: 5});
  });

  test("parseCsv(values with spaces) does not trim them", () => {
    expect(parseCsv("a,b\n x , y\n", FILE).rows[0].values).toEqual({a: " x ", b: " y"});
  });

  test("parseCsv(newline inside quotes) keeps it and later line numbers stay right", () => {
    const text = 'id,notes,n\na,"line one\nline two\r\nline three",1\nb,plain,2\n';
    const table = parseCsv(text, FILE);
    expect(table.rows[0].values.notes).toBe("line one\nline two\nline three");
    expect(table.rows[0].line).toBe(2);
    // The field after the multi-line one starts on line 4, column 13.
    expect(table.rows[0].columns).toEqual({id: 1, notes: 3, n: 13});
    expect(table.rows[0].lines).toEqual({id: 2, notes: 2, n: 4});
    expect(table.rows[1].line).toBe(5);
    expect(table.rows[1].columns).toEqual({id: 1, notes: 3, n: 9});
  });

  test("parseCsv(CJK and astral characters) counts columns in code points", () => {
    const table = parseCsv("name_zh,model,x\n智谱,😀GLM,1\n", FILE);
    expect(table.rows[0].columns).toEqual({name_zh: 1, model: 4, x: 9});
    expect(table.rows[0].values.model).toBe("😀GLM");
  });

  test("parseCsv(header names like __proto__) become plain own keys", () => {
    const table = parseCsv("__proto__,constructor\n1,2\n", FILE);
    expect(Object.keys(table.rows[0].values)).toEqual(["__proto__", "constructor"]);
    expect(table.rows[0].values["__proto__"]).toBe("1");
  });
});

describe("parseCsv errors", () => {
  test("parseCsv(row with too few fields) reports the line and where the record ends", () => {
    expect(issuesOf("a,b,c\n1,2,3\n4,5\n")).toEqual([
      {file: FILE, line: 3, column: 4, message: "expected 3 fields as in the header, found 2 (the record ends here)"}
    ]);
  });

  test("parseCsv(row with too many fields) points at the first extra field", () => {
    expect(issuesOf("a,b\n1,2,3,4\n")).toEqual([
      {
        file: FILE,
        line: 2,
        column: 5,
        message: "expected 2 fields as in the header, found 4 (the first extra field starts here)"
      }
    ]);
  });

  test("parseCsv(unterminated quote) reports where the quote opened", () => {
    expect(issuesOf('a,b\n1,"never closed\n2,3\n')).toEqual([
      {file: FILE, line: 2, column: 3, message: "unterminated quoted field"}
    ]);
  });

  test("parseCsv(text after a closing quote) is an error", () => {
    const [issue] = issuesOf('a,b\n"x"y,2\n');
    expect(issue).toMatchObject({line: 2, column: 4});
    expect(issue.message).toMatch(/after a closing quote/);
  });

  test("parseCsv(quote inside an unquoted field) is an error", () => {
    const [issue] = issuesOf('a,b\nsay "hi",2\n');
    expect(issue).toMatchObject({line: 2, column: 5});
    expect(issue.message).toMatch(/quote inside an unquoted field/);
  });

  test("parseCsv(duplicate header name) points at the second occurrence", () => {
    expect(issuesOf("id,name,id\n1,2,3\n")).toEqual([
      {file: FILE, line: 1, column: 9, message: 'duplicate header name "id" (first at column 1)'}
    ]);
  });

  test("parseCsv(empty header name) is an error", () => {
    expect(issuesOf("id,,x\n1,2,3\n")).toEqual([{file: FILE, line: 1, column: 4, message: "empty header name"}]);
  });

  test("parseCsv(header name with spaces) is an error", () => {
    expect(issuesOf("id, name\n1,2\n")[0]).toMatchObject({line: 1, column: 4});
  });

  test("parseCsv(blank line inside the table) is an error", () => {
    expect(issuesOf("a\n1\n\n2\n")).toEqual([
      {file: FILE, line: 3, column: 1, message: "blank line inside the table; remove it"}
    ]);
  });

  test("parseCsv(empty file) is an error", () => {
    expect(issuesOf("")).toEqual([{file: FILE, line: 1, column: 1, message: "empty file: expected a header row"}]);
    expect(issuesOf("\uFEFF\n\n")).toHaveLength(1);
  });

  test("parseCsv(several problems) reports all of them, and the message lists each as file:line:column", () => {
    const text = "id,id\n1,2,3\n4\n5,6\n";
    let caught: unknown;
    try {
      parseCsv(text, FILE);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CsvError);
    const error = caught as CsvError;
    expect(error.issues).toHaveLength(3);
    expect(error.message.split("\n")).toEqual(error.issues.map(formatIssue));
    expect(error.message).toMatch(/^data\/test\.csv:1:4: duplicate header name "id"/);
    expect(error.name).toBe("CsvError");
  });

  test("parseCsv(multi-line quoted field before a bad row) reports the bad row's physical line", () => {
    const [issue] = issuesOf('a,b\n"x\ny\nz",1\n2\n');
    expect(issue.line).toBe(5);
  });
});

describe("readCsv", () => {
  test("readCsv(file with a malformed row) keeps the other rows and counts the one left out", () => {
    const {table, issues, unreadable} = readCsv("a,b\n1,2\n3\n5,6\n", FILE);
    expect(table.rows.map((r) => r.values)).toEqual([
      {a: "1", b: "2"},
      {a: "5", b: "6"}
    ]);
    expect(issues.map(formatIssue)).toEqual(["data/test.csv:3:2: expected 2 fields as in the header, found 1 (the record ends here)"]);
    expect(unreadable).toBe(1);
  });

  test("readCsv(empty file) gives an empty header and the issue, without throwing", () => {
    const {table, issues} = readCsv("", FILE);
    expect(table.header).toEqual([]);
    expect(issues).toHaveLength(1);
  });
});

describe("decodeUtf8", () => {
  const bytes = (...parts: (string | number[])[]) =>
    Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : Buffer.from(p))));

  test("decodeUtf8(valid UTF-8, CJK and astral) decodes it with no issue", () => {
    expect(decodeUtf8(bytes("id,name\n智谱,😀\n"), FILE)).toEqual({text: "id,name\n智谱,😀\n", issues: []});
  });

  test("decodeUtf8(a U+FFFD written as UTF-8) is no issue: only invalid bytes are", () => {
    expect(decodeUtf8(bytes("a\n\uFFFD\n"), FILE).issues).toEqual([]);
  });

  test("decodeUtf8(text with a BOM) accepts it and drops it", () => {
    expect(decodeUtf8(bytes([0xef, 0xbb, 0xbf], "id\nx\n"), FILE)).toEqual({text: "id\nx\n", issues: []});
  });

  test("decodeUtf8(a Latin-1 byte) reports the line and column of the byte, in code points, and keeps the text", () => {
    // "Zürich" saved as Latin-1, on line 3 after CJK text (columns count characters, not bytes).
    const {text, issues} = decodeUtf8(bytes("id,city\r\n智谱,北京\r\n零一,Z", [0xfc], "rich\r\n"), FILE);
    expect(issues.map(formatIssue)).toEqual(["data/test.csv:3:5: not valid UTF-8: byte 0xFC at byte offset 32; save the file as UTF-8"]);
    expect(text).toContain("Z\uFFFDrich");
  });

  test("decodeUtf8(several invalid bytes) reports the first and counts the rest", () => {
    const {issues} = decodeUtf8(bytes([0xef, 0xbb, 0xbf], "a,b\n", [0xc4, 0xe3], ",", [0xba, 0xc3], "\n"), FILE);
    expect(issues.map(formatIssue)).toEqual([
      "data/test.csv:2:1: not valid UTF-8: byte 0xC4 at byte offset 7, and 3 more invalid sequences after it; save the file as UTF-8"
    ]);
  });

  test("invalidUtf8Offsets(bytes) finds stray, truncated, overlong and surrogate sequences", () => {
    expect(invalidUtf8Offsets(bytes("ok 智谱 😀"))).toEqual([]);
    expect(invalidUtf8Offsets(bytes([0x61, 0x80, 0x62]))).toEqual([1]); // a lone continuation byte
    expect(invalidUtf8Offsets(bytes([0xe6, 0x99, 0x61]))).toEqual([0]); // a character cut short
    expect(invalidUtf8Offsets(bytes([0xc0, 0xaf]))).toEqual([0, 1]); // overlong "/"
    expect(invalidUtf8Offsets(bytes([0xed, 0xa0, 0x80]))).toEqual([0, 1, 2]); // a UTF-16 surrogate
    expect(invalidUtf8Offsets(bytes([0xf4, 0x90, 0x80, 0x80]))).toEqual([0, 1, 2, 3]); // above U+10FFFF
    expect(invalidUtf8Offsets(bytes([0xe6, 0x99]))).toEqual([0]); // cut short at the end of the file
  });
});

describe("toCsv", () => {
  test("toCsv(rows, columns) writes header, rows, LF endings and a final newline", () => {
    expect(toCsv([{a: 1, b: "x"}], ["a", "b"])).toBe("a,b\n1,x\n");
  });

  test("toCsv(no rows) writes only the header", () => {
    expect(toCsv([], ["a", "b"])).toBe("a,b\n");
  });

  test("toCsv(cells with commas, quotes, newlines or edge spaces) quotes them", () => {
    const csv = toCsv([{a: "x,y", b: 'say "hi"', c: "two\nlines", d: " padded"}], ["a", "b", "c", "d"]);
    expect(csv).toBe('a,b,c,d\n"x,y","say ""hi""","two\nlines"," padded"\n');
  });

  test("toCsv(null, undefined, missing, NaN) writes empty cells", () => {
    expect(toCsv([{a: null, b: undefined, d: NaN}], ["a", "b", "c", "d"])).toBe("a,b,c,d\n,,,\n");
  });

  test("toCsv(arrays) joins them with ;", () => {
    expect(toCsv([{a: ["x", "y", 3]}], ["a"])).toBe("a\nx;y;3\n");
  });

  test("toCsv(Date) writes YYYY-MM-DD", () => {
    expect(toCsv([{d: new Date(Date.UTC(2024, 1, 29, 23, 59))}], ["d"])).toBe("d\n2024-02-29\n");
  });

  test("toCsv(booleans and numbers) writes their plain forms", () => {
    expect(toCsv([{a: true, b: false, c: 0.5, d: -3}], ["a", "b", "c", "d"])).toBe("a,b,c,d\ntrue,false,0.5,-3\n");
  });

  test("toCsv(an object cell) throws", () => {
    expect(() => toCsv([{a: {x: 1}}], ["a"])).toThrow(/column "a"/);
  });

  test("toCsv(header names that need quotes) quotes them", () => {
    expect(toCsv([], ["a,b"])).toBe('"a,b"\n');
  });

  test("parseCsv(toCsv(rows)) round-trips strings", () => {
    const rows = [
      {id: "a", notes: 'x, "y"\nz', n: "1"},
      {id: "b", notes: "", n: " 2 "}
    ];
    const table = parseCsv(toCsv(rows, ["id", "notes", "n"]), FILE);
    expect(table.rows.map((r) => r.values)).toEqual(rows);
  });
});
