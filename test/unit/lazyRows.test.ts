import {describe, expect, test} from "vitest";
import {columnReader, lazyRows, rowReader} from "../../src/components/lazyRows.js";

const plain = (n: number) => Array.from({length: n}, (_, i) => ({i, label: `row ${i}`}));

function counted(n: number) {
  const made: number[] = [];
  const rows = lazyRows(n, (i) => (made.push(i), {i, label: `row ${i}`}));
  return {rows, made};
}

describe("lazyRows", () => {
  test("makes a row only when it is read, and once", () => {
    const {rows, made} = counted(1_000_000);
    expect(rows.length).toBe(1_000_000);
    expect(made).toEqual([]);
    expect(rows[999_999]).toEqual({i: 999_999, label: "row 999999"});
    expect(rows[999_999]).toBe(rows[999_999]);
    expect(rows[0].label).toBe("row 0");
    expect(made).toEqual([999_999, 0]);
  });

  test("reads as a plain array does, through every array method", () => {
    const {rows} = counted(25);
    const want = plain(25);
    expect(Array.isArray(rows)).toBe(true);
    expect([...rows]).toEqual(want);
    expect(Array.from(rows)).toEqual(want);
    expect(rows.map((r) => r.i)).toEqual(want.map((r) => r.i));
    expect(rows.filter((r) => r.i % 5 === 0)).toEqual(want.filter((r) => r.i % 5 === 0));
    expect(rows.slice(20)).toEqual(want.slice(20));
    expect(rows.find((r) => r.i === 7)).toEqual(want[7]);
    expect(rows.findIndex((r) => r.i === 7)).toBe(7);
    expect(rows.at(-1)).toEqual(want[24]);
    expect(rows.reduce((sum, r) => sum + r.i, 0)).toBe(300);
    expect(rows.some((r) => r.i === 24) && rows.every((r) => r.i < 25)).toBe(true);
    expect(JSON.stringify(rows)).toBe(JSON.stringify(want));
    expect(Object.keys(rows)).toEqual(Object.keys(want));
    expect(0 in rows && 24 in rows && !(25 in rows)).toBe(true);
    const seen: number[] = [];
    rows.forEach((r, i) => seen.push(i));
    expect(seen).toHaveLength(25);
    expect([...rows].sort((a, b) => b.i - a.i)[0]).toEqual(want[24]);
  });

  test("keys that are not canonical indices inside the rows are the array's own", () => {
    const {rows, made} = counted(10);
    const own = rows as unknown as Record<string, unknown>;
    for (const key of ["10", "-1", "01", "1e0", "1.0", " 1", ""]) expect(own[key]).toBeUndefined();
    expect(own.length).toBe(10);
    expect(own.map).toBe(Array.prototype.map);
    expect(made).toEqual([]);
  });

  test("written, sorted and pushed like an array; a longer length does not make rows past the result", () => {
    const {rows, made} = counted(5);
    rows.sort((a, b) => b.i - a.i);
    expect(rows.map((r) => r.i)).toEqual([4, 3, 2, 1, 0]);
    rows.push({i: 99, label: "pushed"});
    expect(rows.length).toBe(6);
    expect(rows[5].label).toBe("pushed");
    rows.length = 8;
    expect(rows[7]).toBeUndefined();
    expect(made.sort()).toEqual([0, 1, 2, 3, 4]);
  });
});

describe("rowReader", () => {
  test("reads a lazy array's rows without its Proxy, making each once, and a plain array's elements", () => {
    const {rows, made} = counted(1000);
    const read = rowReader(rows);
    expect(read(999)).toBe(rows[999]);
    expect(read(3)).toEqual({i: 3, label: "row 3"});
    expect(made).toEqual([999, 3]);
    expect(read(1000)).toBeUndefined();
    const plainRows = plain(3);
    expect(rowReader(plainRows)(2)).toBe(plainRows[2]);
  });
});

describe("columnReader", () => {
  test("reads a lazy array's column from its source without making rows; a row made or written is read as it is", () => {
    const made: number[] = [];
    const rows = lazyRows(100, (i) => (made.push(i), {i, label: `row ${i}`}), (column) => (column === "i" ? (i) => i : column === "label" ? (i) => `row ${i}` : undefined));
    const label = columnReader(rows, "label");
    expect(label(42)).toBe("row 42");
    expect(made).toEqual([]);
    rows[7] = {i: 7, label: "written"};
    expect(label(7)).toBe("written");
    expect(columnReader(rows, "i")(99)).toBe(99);
    // A column the source does not know is read from the rows.
    expect(columnReader(rows, "other")(5)).toBeUndefined();
    expect(made).toEqual([5]);
    expect(columnReader(plain(3), "label")(1)).toBe("row 1");
  });
});
