/**
 * The tables as the built site serves them: all ten in Parquet and CSV with the data package, every source
 * row present, the values equal to the curated CSVs, and the density fit computed from the points.
 */
import {readFileSync} from "node:fs";
import {describe, expect, test} from "vitest";
import {parseCsv} from "../../src/lib/csv.js";
import {TABLES, TABLE_NAMES} from "../../src/lib/tables/index.js";
import {readBuilt} from "./helpers.js";

const SOURCE_FILE: Record<string, string> = {
  sources: "sources.csv",
  companies: "companies.csv",
  funding_rounds: "funding_rounds.csv",
  models: "models.csv",
  events: "events.csv",
  claims: "claims.csv",
  density_points: "density_points.csv",
  price_points: "price_points.csv",
  fx_rates: "fx_rates.csv"
};

function sourceRows(file: string) {
  return parseCsv(readFileSync(`data/${file}`, "utf8"), `data/${file}`).rows.map((r) => r.values);
}

describe("the published tables in dist/downloads", () => {
  test("the data package lists all ten tables, each as CSV and Parquet, with row counts", () => {
    const descriptor = JSON.parse(readFileSync("dist/downloads/datapackage.json", "utf8"));
    const names = descriptor.resources.map((r: {name: string}) => r.name).sort();
    expect(names).toEqual(TABLE_NAMES.flatMap((t) => [t, `${t}-parquet`]).sort());
    for (const resource of descriptor.resources) {
      expect(readFileSync(`dist/downloads/${resource.path}`).length, resource.path).toBeGreaterThan(0);
    }
  });

  test.each(Object.keys(SOURCE_FILE))("%s: every curated row reaches the Parquet and CSV tables, values intact", async (name) => {
    const source = sourceRows(SOURCE_FILE[name]);
    const parquet = await readBuilt(name);
    const csv = parseCsv(readFileSync(`dist/downloads/${name}.csv`, "utf8"), `${name}.csv`).rows.map((r) => r.values);
    const key = name === "sources" ? "source_id" : "id";
    expect(parquet.map((r) => r[key]).sort()).toEqual(source.map((r) => r[key]).sort());
    expect(csv.map((r) => r[key]).sort()).toEqual(source.map((r) => r[key]).sort());
    // Text columns carried over unchanged, lists split on ";".
    const byId = new Map(parquet.map((r) => [r[key], r]));
    for (const row of source) {
      const built = byId.get(row[key])!;
      for (const column of ["model", "title", "round", "amount_reported", "statement", "publisher"]) {
        if (column in row) expect(built[column] ?? "", `${name} ${row[key]} ${column}`).toBe(row[column].trim());
      }
      if ("source_ids" in row) expect(built.source_ids).toEqual(row.source_ids.split(";").map((s) => s.trim()).filter(Boolean));
    }
  });

  test("Parquet columns have the declared types: dates as dates, numbers as numbers, lists as lists", async () => {
    const rounds = await readBuilt("funding_rounds");
    const dated = rounds.find((r) => r.date_precision === "day")!;
    expect(dated.date).toBeInstanceOf(Date);
    expect(typeof rounds.find((r) => r.amount_usd_mid !== null)!.amount_usd_mid).toBe("number");
    expect(Array.isArray(rounds[0].investors)).toBe(true);
    const columns = Object.keys(rounds[0]);
    expect(columns).toEqual(TABLES.funding_rounds.columns.map((c) => c.name));
  });

  test("density_fit on the paper's 51 points reproduces the published trend", async () => {
    const [records] = (await readBuilt("density_fit")).filter((r) => r.fit_id === "records");
    expect(records.n).toBe(9);
    expect(records.slope_per_day as number).toBeCloseTo(0.00653, 4);
    expect(records.r2 as number).toBeCloseTo(0.934, 3);
    expect(Math.round(records.doubling_days as number)).toBe(106);
    expect(records.ci_low_days as number).toBeLessThan(106);
    expect(records.ci_high_days as number).toBeGreaterThan(106);
    const points = await readBuilt("density_points");
    // Our running-maximum flag agrees with the paper's record line.
    expect(points.filter((p) => p.is_running_max).map((p) => p.id).sort()).toEqual(points.filter((p) => p.is_record).map((p) => p.id).sort());
  });
});
