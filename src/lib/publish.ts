/**
 * What every loader does once the dataset is validated: build one published table, check that no source
 * row was lost on the way, and write it as Parquet (with provenance in the key-value metadata) or CSV.
 * Node only (native DuckDB, file checksums).
 */
import {createHash} from "node:crypto";
import {readFileSync} from "node:fs";
import {dirname, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {toCsv} from "./csv.js";
import {loadDataset, type Dataset} from "./dataset.js";
import {writeParquet} from "./parquet.js";
import {TABLES, type PublishedTable} from "./tables/index.js";
import {ValidationError} from "./validate.js";

/** The project's `data/` folder, wherever the loader runs from. */
// ATLAS_DATA_DIR lets tests point a loader at fixture data.
// (Resolved from the module's path, not with `new URL`, which jsdom's URL would turn into an http address.)
export const DATA_DIR = process.env.ATLAS_DATA_DIR ?? resolve(dirname(fileURLToPath(import.meta.url)), "../../data");

/** Tables derived from others rather than one row per source row. */
const DERIVED = new Set(["density_fit"]);

export function buildTable(table: PublishedTable, dataset: Dataset): Record<string, unknown>[] {
  const rows = table.build(dataset);
  if (!DERIVED.has(table.name)) {
    const expected = (dataset[table.name as keyof Dataset] as unknown[]).length;
    // Nothing is dropped silently: every curated row must reach its table.
    if (rows.length !== expected) throw new Error(`${table.name}: ${rows.length} rows built from ${expected} source rows`);
  }
  if (rows.length === 0) throw new Error(`${table.name}: no rows; an empty table is never published`);
  const names = table.columns.map((c) => c.name);
  for (const row of rows) {
    const extra = Object.keys(row).filter((k) => !names.includes(k));
    const missing = names.filter((k) => !(k in row));
    if (extra.length || missing.length) {
      throw new Error(`${table.name}: row columns differ from the declared ones (extra: ${extra.join(", ") || "none"}; missing: ${missing.join(", ") || "none"})`);
    }
  }
  return sortRows(rows, table.key);
}

export async function tableToParquet(table: PublishedTable, rows: Record<string, unknown>[], dataDir = DATA_DIR): Promise<Uint8Array> {
  return writeParquet(rows, table.columns, {
    orderBy: table.key,
    metadata: {
      table: table.name,
      title: table.title,
      rows: String(rows.length),
      inputs: table.inputs.join(", "),
      inputs_sha256: table.inputs.map((input) => `${input}=${sha256(`${dataDir}/${input.replace(/^data\//, "")}`)}`).join(", "),
      loader: `src/data/${table.name}.parquet.ts`,
      licence: "CC BY 4.0 (data); each row cites its sources"
    }
  });
}

export function tableToCsv(table: PublishedTable, rows: Record<string, unknown>[]): string {
  return toCsv(rows, table.columns.map((c) => c.name));
}

/** Runs a loader body; a validation failure prints every problem and exits non-zero, which stops the build. */
export async function runLoader(body: () => Promise<Uint8Array | string>): Promise<void> {
  try {
    const output = await body();
    process.stdout.write(output);
  } catch (error) {
    if (error instanceof ValidationError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

/** Loader body for one table's Parquet: load and validate data/, build the table, encode it. */
export async function publishParquet(name: string, dataDir = DATA_DIR): Promise<Uint8Array> {
  const table = TABLES[name];
  if (!table) throw new Error(`unknown table ${JSON.stringify(name)}`);
  const rows = buildTable(table, loadDataset(dataDir));
  return tableToParquet(table, rows, dataDir);
}

function sortRows(rows: Record<string, unknown>[], key: string[]): Record<string, unknown>[] {
  const compare = (a: unknown, b: unknown): number => {
    if (a === b) return 0;
    if (a === null || a === undefined) return -1;
    if (b === null || b === undefined) return 1;
    return String(a) < String(b) ? -1 : 1;
  };
  return [...rows].sort((a, b) => {
    for (const k of key) {
      const c = compare(a[k], b[k]);
      if (c) return c;
    }
    return 0;
  });
}

function sha256(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}
