/**
 * Decoded Parquet rows as an Arrow table for DuckDB-WASM, assembled from typed arrays with `makeData`.
 *
 * Arrow's own builders (`vectorFromArray`, `tableFromJSON`) compile their null check with `new Function`, which a
 * strict Content-Security-Policy (no 'unsafe-eval') forbids; so each column's buffers are laid out here, as the
 * Arrow format defines them: a validity bitmap, values, and offsets for strings and lists.
 */
import type * as Arrow from "apache-arrow";
import type {Data, DataType, Table} from "apache-arrow";
import type {ColumnKind, ParquetTable} from "./parquet.js";

const DAY_MS = 86_400_000;

export function toArrowTable(parquet: ParquetTable, arrow: typeof Arrow): Table {
  const vectors: Record<string, Arrow.Vector> = {};
  for (const column of parquet.columns) {
    const values = parquet.rows.map((row) => (row as Record<string, unknown>)[column.name] ?? null);
    vectors[column.name] = arrow.makeVector(columnData(arrow, column.kind, values, column.itemKind));
  }
  return new arrow.Table(vectors);
}

function columnData(arrow: typeof Arrow, kind: ColumnKind, values: unknown[], itemKind: ColumnKind = "string"): Data {
  const length = values.length;
  const {nullBitmap, nullCount} = validity(values);
  const base = {length, nullCount, nullBitmap};
  switch (kind) {
    case "string": {
      const encoder = new TextEncoder();
      const encoded = values.map((v) => (v === null ? new Uint8Array() : encoder.encode(String(v))));
      const {valueOffsets, total} = offsets(encoded.map((bytes) => bytes.length));
      const data = new Uint8Array(total);
      encoded.forEach((bytes, i) => data.set(bytes, valueOffsets[i]));
      return arrow.makeData({type: new arrow.Utf8(), ...base, valueOffsets, data});
    }
    case "date":
      return arrow.makeData({type: new arrow.DateDay(), ...base, data: Int32Array.from(values, (v) => (v === null ? 0 : Math.floor(time(v) / DAY_MS)))});
    case "timestamp":
      return arrow.makeData({type: new arrow.TimestampMillisecond(), ...base, data: BigInt64Array.from(values, (v) => BigInt(v === null ? 0 : Math.round(time(v))))});
    case "double":
      return arrow.makeData({type: new arrow.Float64(), ...base, data: Float64Array.from(values, (v) => (v === null ? 0 : Number(v)))});
    case "integer":
      return arrow.makeData({type: new arrow.Int32(), ...base, data: Int32Array.from(values, (v) => (v === null ? 0 : Number(v)))});
    case "bigint":
      return arrow.makeData({type: new arrow.Int64(), ...base, data: BigInt64Array.from(values, (v) => (v === null ? 0n : BigInt(v as number | bigint)))});
    case "boolean": {
      const data = new Uint8Array(Math.ceil(length / 8));
      values.forEach((v, i) => v === true && (data[i >> 3] |= 1 << (i & 7)));
      return arrow.makeData({type: new arrow.Bool(), ...base, data});
    }
    case "list": {
      const lists = values.map((v) => (v === null ? [] : Array.from(v as ArrayLike<unknown>, (item) => item ?? null)));
      const {valueOffsets} = offsets(lists.map((list) => list.length));
      const child = columnData(arrow, itemKind, lists.flat());
      const type = new arrow.List(new arrow.Field("item", child.type as DataType, true));
      return arrow.makeData({type, ...base, valueOffsets, child});
    }
  }
}

/** Arrow's validity bitmap: bit i set when value i is present; no bitmap at all when none is missing. */
function validity(values: unknown[]): {nullBitmap: Uint8Array | undefined; nullCount: number} {
  const nullCount = values.filter((v) => v === null).length;
  if (nullCount === 0) return {nullBitmap: undefined, nullCount};
  const nullBitmap = new Uint8Array(Math.ceil(values.length / 8));
  values.forEach((v, i) => v !== null && (nullBitmap[i >> 3] |= 1 << (i & 7)));
  return {nullBitmap, nullCount};
}

/** Offsets for variable-length values: value i spans [offsets[i], offsets[i + 1]). */
function offsets(lengths: number[]): {valueOffsets: Int32Array; total: number} {
  const valueOffsets = new Int32Array(lengths.length + 1);
  lengths.forEach((n, i) => (valueOffsets[i + 1] = valueOffsets[i] + n));
  return {valueOffsets, total: valueOffsets[lengths.length]};
}

function time(value: unknown): number {
  return value instanceof Date ? value.getTime() : typeof value === "string" ? Date.parse(value) : Number(value);
}
