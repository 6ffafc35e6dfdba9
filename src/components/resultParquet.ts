/**
 * A query result as a Parquet file, written in the browser with hyparquet-writer (DuckDB-WASM's own Parquet
 * writer is an extension it would download). Numbers stay DOUBLE, booleans BOOLEAN, dates TIMESTAMP, text
 * STRING; lists are written as JSON text so any Parquet reader can open the file.
 */
import {parquetWriteBuffer} from "hyparquet-writer";
import {columnKind} from "./quickChart.js";

export function resultToParquet(rows: readonly Record<string, unknown>[], columns: string[]): ArrayBuffer {
  return parquetWriteBuffer({
    columnData: columns.map((name) => {
      const values = rows.map((r) => r[name] ?? null);
      const kind = columnKind(rows, name);
      if (kind === "number") return {name, data: values as (number | null)[], type: "DOUBLE" as const};
      if (kind === "date") return {name, data: values as (Date | null)[], type: "TIMESTAMP" as const};
      if (values.every((v) => v === null || typeof v === "boolean")) return {name, data: values as (boolean | null)[], type: "BOOLEAN" as const};
      return {
        name,
        data: values.map((v) => (v === null ? null : Array.isArray(v) ? JSON.stringify(v) : typeof v === "bigint" ? v.toString() : String(v))),
        type: "STRING" as const
      };
    })
  });
}
