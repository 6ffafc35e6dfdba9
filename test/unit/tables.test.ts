import {execFileSync, spawnSync} from "node:child_process";
import {mkdtempSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {decodeParquet} from "../../src/components/parquet.js";
import {dataPackage} from "../../src/lib/datapackage.js";
import {loadDataset} from "../../src/lib/dataset.js";
import {buildTable, tableToCsv, tableToParquet} from "../../src/lib/publish.js";
import {TABLES, TABLE_NAMES} from "../../src/lib/tables/index.js";

const FIXTURE = "test/fixtures/data";
const dataset = loadDataset(FIXTURE);

describe("published tables", () => {
  test("the table names are the published interface: ten curated, five derived", () => {
    expect([...TABLE_NAMES].sort()).toEqual(
      ["claims", "companies", "density_fit", "density_points", "events", "financials", "funding_rounds", "fx_rates", "models", "price_points", "sources", "company_summary", "funding_steps", "investor_links", "model_counts"].sort()
    );
    expect(TABLE_NAMES.filter((name) => TABLES[name].derived).sort()).toEqual(["company_summary", "density_fit", "funding_steps", "investor_links", "model_counts"]);
  });

  test.each(TABLE_NAMES)("buildTable(%s) keeps every source row and declares every column", (name) => {
    const rows = buildTable(TABLES[name], dataset);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(Object.keys(row).sort()).toEqual(TABLES[name].columns.map((c) => c.name).sort());
  });

  test("funding_rounds converts CNY at the round's monthly rate and keeps bounds for vague amounts", () => {
    const rows = buildTable(TABLES.funding_rounds, dataset);
    const a = rows.find((r) => r.id === "acme-2024-07-a")!;
    expect(a).toMatchObject({amount_low: 5000, amount_high: 5000, amount_kind: "exact", amount_is_estimate: false, amount_fx_rate_id: "cny-2024-07", amount_fx_basis: "monthly_avg"});
    expect(a.amount_usd_mid).toBeCloseTo(5000 / 7.2666, 6);
    expect(a.valuation_usd_mid).toBeCloseTo(20000 / 7.2666, 6);
    const b = rows.find((r) => r.id === "acme-2024-12-b")!;
    expect(b).toMatchObject({amount_kind: "vague", amount_low: 100, amount_high: 1000, amount_is_estimate: true, amount_fx_basis: "identity"});
    const c = rows.find((r) => r.id === "edgeco-2024-04")!;
    expect(c).toMatchObject({amount_kind: "undisclosed", amount_low: null, amount_usd_mid: null, amount_is_estimate: null});
  });

  test("companies fills a variant's names and group from its primary row", () => {
    const variant = buildTable(TABLES.companies, dataset).find((r) => r.id === "acme-founded-2023-06")!;
    expect(variant).toMatchObject({name_en: "Acme AI", name_zh: "极客智能", group: "six_tigers", is_primary: false, founded: "2023-06-01", founded_precision: "month", conflict_key: "acme-founding"});
  });

  test("density_fit is computed from the points, and density_points flags running maxima itself", () => {
    const fit = buildTable(TABLES.density_fit, dataset);
    const records = fit.find((r) => r.fit_id === "records")!;
    expect(records.n).toBe(3);
    const all = fit.find((r) => r.fit_id === "all")!;
    expect(all.n).toBe(4);
    const points = buildTable(TABLES.density_points, dataset);
    expect(points.filter((p) => p.is_running_max).map((p) => p.id)).toEqual(["dp-a", "dp-b", "dp-d"]);
    expect(points.find((p) => p.id === "dp-b")!.t_days).toBe(116);
  });

  test("sources counts the rows citing each source", () => {
    const rows = buildTable(TABLES.sources, dataset);
    expect(rows.find((r) => r.source_id === "paper-a")!.cited_by).toBe(7);
    expect(rows.find((r) => r.source_id === "fred-cny")!.cited_by).toBe(3);
  });

  test("Parquet round trip: the decoded table equals the built rows", async () => {
    const rows = buildTable(TABLES.models, dataset);
    const decoded = await decodeParquet(await tableToParquet(TABLES.models, rows, FIXTURE));
    expect(decoded.rows.map((r) => r.id)).toEqual(rows.map((r) => r.id));
    expect(decoded.rows[0].release_date).toBeInstanceOf(Date);
    expect(decoded.metadata).toMatchObject({table: "models", rows: "3", inputs: "data/models.csv"});
    expect(decoded.metadata.inputs_sha256).toMatch(/^data\/models\.csv=[0-9a-f]{64}$/);
  });

  test("CSV copy has the Parquet columns and joins lists with semicolons", () => {
    const csv = tableToCsv(TABLES.funding_rounds, buildTable(TABLES.funding_rounds, dataset));
    const [header, first] = csv.split("\n");
    expect(header.split(",")).toEqual(TABLES.funding_rounds.columns.map((c) => c.name));
    expect(first).toContain(",Tencent;Xiaomi,");
  });

  test("dataPackage describes every field of both copies of every table", () => {
    const descriptor = dataPackage({rowCounts: {models: 3}});
    expect(descriptor.resources).toHaveLength(2 * TABLE_NAMES.length);
    const models = descriptor.resources.find((r) => r.name === "models")!;
    expect(models).toMatchObject({path: "models.csv", format: "csv", rows: 3});
    expect(models.schema.fields.find((f) => f.name === "params_total_b")).toMatchObject({type: "number", unit: "billions of parameters"});
    expect(models.schema.fields.find((f) => f.name === "source_ids")).toMatchObject({type: "array"});
  });
});

// Each test starts loaders as processes (tsx, native DuckDB): seconds each on a busy 2-core machine.
describe("loaders", {timeout: 30_000}, () => {
  const compileDir = mkdtempSync(join(tmpdir(), "atlas-compile-"));
  test("a loader on broken data exits non-zero and prints file:line:column for every problem", () => {
    const result = spawnSync("npx", ["tsx", "src/data/[table].parquet.ts", "--table=models"], {
      env: {...process.env, ATLAS_DATA_DIR: "test/fixtures/data-broken", ATLAS_COMPILE_DIR: compileDir},
      encoding: "utf8"
    });
    expect(result.status).not.toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("data/models.csv:3:");
    expect(result.stderr).toContain("data/events.csv:2:");
  });

  test("a loader run twice on the same inputs writes byte-identical Parquet", () => {
    // Two compiles from scratch (separate output folders), not one compile read twice.
    const run = () => execFileSync("npx", ["tsx", "src/data/[table].parquet.ts", "--table=funding_rounds"], {env: {...process.env, ATLAS_DATA_DIR: FIXTURE, ATLAS_COMPILE_DIR: mkdtempSync(join(tmpdir(), "atlas-compile-"))}});
    const [a, b] = [run(), run()];
    expect(a.length).toBeGreaterThan(1000);
    expect(a.equals(b)).toBe(true);
  });

  test("a loader on valid data writes Parquet to stdout and nothing else", async () => {
    const bytes = execFileSync("npx", ["tsx", "src/data/[table].parquet.ts", "--table=events"], {env: {...process.env, ATLAS_DATA_DIR: FIXTURE, ATLAS_COMPILE_DIR: compileDir}});
    const table = await decodeParquet(new Uint8Array(bytes));
    expect(table.rows).toHaveLength(3);
  });
});
