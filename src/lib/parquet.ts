/**
 * Writes rows to Parquet with native DuckDB (`@duckdb/node-api`), which has Parquet built in.
 *
 * Column types are declared, never inferred, so a column of blanks still comes out as DATE or DOUBLE and the
 * browser decoder (hyparquet) gets the same types DuckDB would. Output is deterministic: rows are sorted by the
 * given key and DuckDB writes no timestamps, so the same rows give byte-identical files. ZSTD at level 19: the
 * tables are read whole by every story page, and it makes them about a quarter smaller than Snappy (247 → 195 kB
 * for all of them); the browser decodes it with fzstd (4 kB gzip, src/components/parquet.ts), DuckDB natively.
 */
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";

export type ColumnType = "VARCHAR" | "DATE" | "DOUBLE" | "INTEGER" | "BOOLEAN" | "VARCHAR[]";

export interface ColumnSpec {
  /** snake_case column name. */
  name: string;
  /** DuckDB type of the column. */
  type: ColumnType;
}

export interface WriteParquetOptions {
  /** Columns the rows are sorted by (default: the first column). */
  orderBy?: string[];
  /** Parquet key-value metadata (provenance: inputs, checksums, row count). */
  metadata?: Record<string, string>;
}

export async function writeParquet(
  rows: Record<string, unknown>[],
  columns: ColumnSpec[],
  {orderBy = [columns[0].name], metadata = {}}: WriteParquetOptions = {}
): Promise<Uint8Array> {
  if (rows.length === 0) throw new Error("writeParquet: refusing to write an empty table");
  const names = new Set(columns.map((c) => c.name));
  for (const key of orderBy) if (!names.has(key)) throw new Error(`writeParquet: unknown orderBy column ${key}`);
  const dir = mkdtempSync(join(tmpdir(), "atlas-parquet-"));
  try {
    const jsonPath = join(dir, "rows.json");
    const parquetPath = join(dir, "out.parquet");
    // Only declared columns travel; anything else on the row objects is a bug upstream, not data.
    const projected = rows.map((row) => Object.fromEntries(columns.map((c) => [c.name, toJson(row[c.name])])));
    writeFileSync(jsonPath, JSON.stringify(projected));
    const db = await DuckDBInstance.create(":memory:");
    const connection = await db.connect();
    try {
      const spec = columns.map((c) => `${quoteIdent(c.name)}: ${quoteString(c.type)}`).join(", ");
      await connection.run(
        `CREATE TABLE t AS SELECT * FROM read_json(${quoteString(jsonPath)}, format = 'array', columns = {${spec}})`
      );
      const kv = Object.entries(metadata)
        .map(([k, v]) => `${quoteIdent(k)}: ${quoteString(v)}`)
        .join(", ");
      const order = orderBy.map(quoteIdent).join(", ");
      await connection.run(
        `COPY (SELECT * FROM t ORDER BY ${order}) TO ${quoteString(parquetPath)} ` +
          `(FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 19${kv ? `, KV_METADATA {${kv}}` : ""})`
      );
    } finally {
      connection.closeSync();
      db.closeSync();
    }
    return new Uint8Array(readFileSync(parquetPath));
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

function toJson(value: unknown): unknown {
  if (value === undefined || (typeof value === "number" && !Number.isFinite(value))) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function quoteString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
