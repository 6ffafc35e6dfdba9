import * as arrow from "apache-arrow";
import {afterEach, describe, expect, it} from "vitest";
import {toArrowTable} from "../../src/components/arrowTable.js";
import type {ParquetTable} from "../../src/components/parquet.js";

const table: ParquetTable = {
  metadata: {},
  columns: [
    {name: "id", kind: "string"},
    {name: "day", kind: "date"},
    {name: "at", kind: "timestamp"},
    {name: "amount", kind: "double"},
    {name: "n", kind: "integer"},
    {name: "big", kind: "bigint"},
    {name: "ok", kind: "boolean"},
    {name: "source_ids", kind: "list", itemKind: "string"},
    {name: "counts", kind: "list", itemKind: "integer"}
  ],
  rows: [
    {id: "智谱 Zhipu", day: new Date("2024-03-01T00:00:00Z"), at: new Date("2024-03-01T12:34:56.789Z"), amount: -3.5, n: 7, big: 9007199254740991, ok: true, source_ids: ["s1", "s2"], counts: [1, null, 3]},
    {id: null, day: null, at: null, amount: null, n: null, big: null, ok: null, source_ids: null, counts: []},
    {id: "", day: new Date("1969-12-31T00:00:00Z"), at: new Date(0), amount: 0, n: -1, big: -2, ok: false, source_ids: ["=HYPERLINK(\"x\")"], counts: [2]}
  ]
};

function roundTrip(t: arrow.Table) {
  const back = arrow.tableFromIPC(arrow.tableToIPC(t, "stream"));
  return back.toArray().map((row) => {
    const out: Record<string, unknown> = {};
    for (const field of back.schema.fields) {
      const v = row[field.name];
      // Spread, not toArray(): toArray() hands back the raw typed array, where a null item reads as 0.
      out[field.name] = v instanceof arrow.Vector ? [...v] : v;
    }
    return out;
  });
}

const realFunction = globalThis.Function;
afterEach(() => {
  globalThis.Function = realFunction;
});

describe("toArrowTable", () => {
  it("keeps every kind of column, nulls included, through Arrow IPC", () => {
    const rows = roundTrip(toArrowTable(table, arrow));
    expect(rows[0]).toEqual({
      id: "智谱 Zhipu",
      day: Date.UTC(2024, 2, 1),
      at: Date.UTC(2024, 2, 1, 12, 34, 56, 789),
      amount: -3.5,
      n: 7,
      big: 9007199254740991n,
      ok: true,
      source_ids: ["s1", "s2"],
      counts: [1, null, 3]
    });
    expect(rows[1]).toEqual({id: null, day: null, at: null, amount: null, n: null, big: null, ok: null, source_ids: null, counts: []});
    expect(rows[2]).toMatchObject({id: "", day: Date.UTC(1969, 11, 31), ok: false, big: -2n, source_ids: ['=HYPERLINK("x")'], counts: [2]});
  });

  it("gives the column types DuckDB should see", () => {
    const types = toArrowTable(table, arrow).schema.fields.map((f) => String(f.type));
    expect(types).toEqual(["Utf8", "Date32<DAY>", "Timestamp<MILLISECOND>", "Float64", "Int32", "Int64", "Bool", "List<Utf8>", "List<Int32>"]);
  });

  // A strict Content-Security-Policy forbids compiling code from strings; Arrow's builders do exactly that.
  it("never compiles code (no new Function), unlike Arrow's builders", () => {
    const calls: unknown[] = [];
    globalThis.Function = new Proxy(realFunction, {
      construct(target, args) {
        calls.push(args);
        return Reflect.construct(target, args);
      },
      apply(target, self, args) {
        calls.push(args);
        return Reflect.apply(target, self, args);
      }
    });
    toArrowTable(table, arrow);
    expect(calls).toEqual([]);
    arrow.vectorFromArray(["a", null], new arrow.Utf8());
    expect(calls.length).toBeGreaterThan(0);
  });
});
