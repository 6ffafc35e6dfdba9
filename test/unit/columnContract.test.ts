/**
 * The published columns are an interface: the row types are generated from the specs, and every SQL the site
 * ships to readers (the explorer's examples) runs against the published tables, so a query or a component that
 * reads a column the Parquet lacks fails here (components through `tsc` and the generated types).
 */
import {readFileSync} from "node:fs";
import {DuckDBInstance} from "@duckdb/node-api";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {compile} from "../../src/lib/compile.js";
import {EXAMPLE_QUERIES} from "../../src/lib/exampleQueries.js";
import {rowTypesSource} from "../../src/lib/rowTypes.js";
import {TABLES, TABLE_NAMES} from "../../src/lib/tables/index.js";

test("src/lib/rows.ts is generated from the current table specs (run `npm run types` after changing a spec)", () => {
  expect(readFileSync("src/lib/rows.ts", "utf8")).toBe(rowTypesSource(Object.values(TABLES)));
});

describe("every example query runs on the published tables", {timeout: 60_000}, () => {
  let connection: Awaited<ReturnType<DuckDBInstance["connect"]>>;
  let instance: DuckDBInstance;
  beforeAll(async () => {
    const dir = await compile("data");
    instance = await DuckDBInstance.create(":memory:");
    connection = await instance.connect();
    for (const name of TABLE_NAMES) await connection.run(`CREATE VIEW ${name} AS SELECT * FROM read_parquet('${dir}/${name}.parquet')`);
  });
  afterAll(() => {
    connection?.closeSync();
    instance?.closeSync();
  });

  test.each(EXAMPLE_QUERIES.map((q) => [q.id, q.sql]))("example %s returns rows", async (_id, sql) => {
    const reader = await connection.runAndReadAll(sql);
    expect(reader.getRows().length).toBeGreaterThan(0);
  });
});
