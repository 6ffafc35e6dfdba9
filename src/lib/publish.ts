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
import {TABLES, TABLE_NAMES, type PublishedTable, type Row, type TableLookup} from "./tables/index.js";
import {ValidationError} from "./validate.js";

import {DATA_DIR} from "./compiledPaths.js";

export {DATA_DIR};

/**
 * Builds every table of one dataset at most once: a derived table asks for the rows of the tables it reads, and
 * gets the very rows that are published.
 */
export function tableLookup(dataset: Dataset): TableLookup {
  const built = new Map<string, Row[]>();
  const building = new Set<string>();
  const lookup: TableLookup = (name) => {
    const cached = built.get(name);
    if (cached) return cached;
    const table = TABLES[name];
    if (!table) throw new Error(`unknown table ${JSON.stringify(name)}`);
    if (building.has(name)) throw new Error(`${name}: derived tables read each other in a cycle (${[...building].join(" → ")})`);
    building.add(name);
    try {
      const rows = checkTable(table, dataset, table.build(dataset, lookup));
      built.set(name, rows);
      return rows;
    } finally {
      building.delete(name);
    }
  };
  return lookup;
}

/** Every published table, by name, built from one validated dataset. */
export function buildAll(dataset: Dataset): Record<string, Row[]> {
  const lookup = tableLookup(dataset);
  return Object.fromEntries(TABLE_NAMES.map((name) => [name, lookup(name)]));
}

export function buildTable(table: PublishedTable, dataset: Dataset, tables: TableLookup = tableLookup(dataset)): Row[] {
  return tables(table.name);
}

function checkTable(table: PublishedTable, dataset: Dataset, rows: Row[]): Row[] {
  if (!table.derived) {
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

/** What every Parquet file says about the dataset it belongs to: its version, how to cite it, its licence. */
export interface DatasetMetadata {
  version: string;
  citation: string;
}

export async function tableToParquet(
  table: PublishedTable,
  rows: Record<string, unknown>[],
  dataDir = DATA_DIR,
  dataset?: DatasetMetadata
): Promise<Uint8Array> {
  return writeParquet(rows, table.columns, {
    orderBy: table.key,
    metadata: {
      table: table.name,
      title: table.title,
      rows: String(rows.length),
      inputs: table.inputs.join(", "),
      inputs_sha256: table.inputs.map((input) => `${input}=${sha256(`${dataDir}/${input.replace(/^data\//, "")}`)}`).join(", "),
      loader: `src/data/${table.name}.parquet.ts`,
      ...(dataset ? {version: dataset.version, citation: dataset.citation} : {}),
      license: "CC-BY-4.0 (data); each row cites its sources"
    }
  });
}

export function tableToCsv(table: PublishedTable, rows: Record<string, unknown>[]): string {
  return toCsv(rows, table.columns.map((c) => c.name));
}


function sortRows(rows: Record<string, unknown>[], key: string[]): Record<string, unknown>[] {
  const compare = (a: unknown, b: unknown): number => {
    if (a === b) return 0;
    if (a === null || a === undefined) return -1;
    if (b === null || b === undefined) return 1;
    // Numbers by value (step 10 after step 9), everything else (ISO dates, ids) as text.
    if (typeof a === "number" && typeof b === "number") return a - b;
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
