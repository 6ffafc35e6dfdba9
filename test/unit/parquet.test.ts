import {parquetMetadata} from "hyparquet";
import {describe, expect, test} from "vitest";
import {decodeParquet} from "../../src/components/parquet.js";
import {writeParquet, type ColumnSpec} from "../../src/lib/parquet.js";

const columns: ColumnSpec[] = [
  {name: "id", type: "VARCHAR"},
  {name: "date", type: "DATE"},
  {name: "amount", type: "DOUBLE"},
  {name: "count", type: "INTEGER"},
  {name: "open", type: "BOOLEAN"},
  {name: "tags", type: "VARCHAR[]"}
];

const rows = [
  {id: "b", date: "2024-07-25", amount: 5000, count: 3, open: true, tags: ["alibaba", "tencent"]},
  {id: "a", date: null, amount: null, count: null, open: null, tags: []},
  {id: "c", date: "2019-06-01", amount: 0.5, count: 1, open: false, tags: ["<script>alert(1)</script>"]}
];

describe("writeParquet(rows, columns) and decodeParquet(bytes)", () => {
  test("round-trip keeps types: dates as Date, numbers, booleans, lists, nulls", async () => {
    const table = await decodeParquet(await writeParquet(rows, columns));
    expect(table.columns).toEqual([
      {name: "id", kind: "string"},
      {name: "date", kind: "date"},
      {name: "amount", kind: "double"},
      {name: "count", kind: "integer"},
      {name: "open", kind: "boolean"},
      {name: "tags", kind: "list", itemKind: "string"}
    ]);
    expect(table.rows.map((r) => r.id)).toEqual(["a", "b", "c"]);
    const b = table.rows[1];
    expect(b.date).toEqual(new Date("2024-07-25T00:00:00Z"));
    expect(b.amount).toBe(5000);
    expect(b.count).toBe(3);
    expect(b.open).toBe(true);
    expect(b.tags).toEqual(["alibaba", "tencent"]);
    expect(table.rows[0]).toMatchObject({date: null, amount: null, count: null, open: null, tags: []});
    expect(table.rows[2].tags).toEqual(["<script>alert(1)</script>"]);
  });

  test("every column is ZSTD-compressed, which the page's decoder reads (hyparquet alone reads only Snappy)", async () => {
    const bytes = await writeParquet(rows, columns);
    const codecs = parquetMetadata(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer).row_groups.flatMap(
      (group) => group.columns.map((column) => column.meta_data?.codec)
    );
    expect(new Set(codecs)).toEqual(new Set(["ZSTD"]));
    expect((await decodeParquet(bytes)).rows).toHaveLength(3);
  });

  test("output is byte-identical for the same rows in any order", async () => {
    const a = await writeParquet(rows, columns);
    const b = await writeParquet([...rows].reverse(), columns);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  test("key-value metadata travels with the file", async () => {
    const bytes = await writeParquet(rows, columns, {metadata: {source: "data/x.csv", rows: "3"}});
    const table = await decodeParquet(bytes);
    expect(table.metadata).toEqual({source: "data/x.csv", rows: "3"});
  });

  test("decodeParquet reads a view into a larger buffer (a pooled Node Buffer) exactly", async () => {
    const bytes = await writeParquet(rows, columns);
    const pool = new Uint8Array(bytes.length + 16);
    pool.set(bytes, 8);
    const table = await decodeParquet(pool.subarray(8, 8 + bytes.length));
    expect(table.rows.map((r) => r.id)).toEqual(["a", "b", "c"]);
  });

  test("an empty table is refused", async () => {
    await expect(writeParquet([], columns)).rejects.toThrow(/empty/);
  });

  test("decodeParquet of bytes that are not Parquet says so", async () => {
    await expect(decodeParquet(new TextEncoder().encode("id,name\n").buffer as ArrayBuffer, "x.parquet")).rejects.toThrow(
      /x.parquet is not a readable Parquet file/
    );
  });
});
