/** Reading the built tables in Node, to check what pages show against the same Parquet files. */
import {DuckDBInstance} from "@duckdb/node-api";
import {readFileSync} from "node:fs";
import {decodeParquet} from "../../src/components/parquet.js";

/** Runs SQL with native DuckDB over dist/downloads/<table>.parquet, each registered as a view named <table>. */
export async function queryBuilt(sql: string, tables: string[]): Promise<Record<string, unknown>[]> {
  const db = await DuckDBInstance.create(":memory:");
  const connection = await db.connect();
  try {
    for (const table of tables) {
      await connection.run(`CREATE VIEW ${table} AS SELECT * FROM read_parquet('dist/downloads/${table}.parquet')`);
    }
    const reader = await connection.runAndReadAll(sql);
    return reader.getRowObjectsJS() as Record<string, unknown>[];
  } finally {
    connection.closeSync();
    db.closeSync();
  }
}

export async function readBuilt(table: string): Promise<Record<string, unknown>[]> {
  const bytes = readFileSync(`dist/downloads/${table}.parquet`);
  return (await decodeParquet(bytes)).rows;
}
