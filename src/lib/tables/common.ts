/**
 * Pieces shared by the published tables: column specs with their meaning (for Parquet types and the data
 * package), fuzzy-date columns, and the provenance columns every fact row carries.
 */
import type {FuzzyDate} from "../dates.js";
import type {ColumnSpec} from "../parquet.js";
import type {Dataset} from "../dataset.js";
import type {Located} from "../validate.js";

export interface PublishedColumn extends ColumnSpec {
  /** What the column means, for the data dictionary. */
  description: string;
  /** Unit of a measured value (e.g. `USD millions`). */
  unit?: string;
}

/** A built row: column name to value (DATE as an ISO day string, VARCHAR[] as a string array). */
export type Row = Record<string, unknown>;

/** The built rows of another published table; a compile builds each table once and hands it to the others. */
export type TableLookup = (name: string) => Row[];

export interface PublishedTable<R = Row> {
  name: string;
  title: string;
  description: string;
  columns: PublishedColumn[];
  /** Sort key of the output. */
  key: string[];
  /** The source file(s) the rows come from. */
  inputs: string[];
  /** Computed from other tables (totals, counts, links) rather than one row per curated row. */
  derived?: boolean;
  build(dataset: Dataset, tables: TableLookup): R[];
}

/** A money column in USD millions. */
export function usdColumn(name: string, description: string): PublishedColumn {
  return {name, type: "DOUBLE", unit: "USD millions", description};
}

/** `date`, `date_precision`, `date_approx`, `date_raw` for a fuzzy date column named `name`. */
export function dateColumns(name: string, what: string): PublishedColumn[] {
  return [
    {name, type: "DATE", description: `${what}: first day of the period the source gives`},
    {name: `${name}_precision`, type: "VARCHAR", description: `precision of ${name}: day, month or year`},
    {name: `${name}_approx`, type: "BOOLEAN", description: `true when the source gives ${name} as approximate`},
    {name: `${name}_raw`, type: "VARCHAR", description: `${name} as written in the source file`}
  ];
}

export function dateValues(name: string, date: FuzzyDate | null): Record<string, unknown> {
  return {
    [name]: date?.date ?? null,
    [`${name}_precision`]: date?.precision ?? null,
    [`${name}_approx`]: date ? date.approx : null,
    [`${name}_raw`]: date?.raw ?? null
  };
}

export const PROVENANCE_COLUMNS: PublishedColumn[] = [
  {name: "conflict_key", type: "VARCHAR", description: "shared by rows that report the same fact differently; blank when undisputed"},
  {name: "notes", type: "VARCHAR", description: "curators' notes"},
  {name: "source_ids", type: "VARCHAR[]", description: "ids of the sources (table sources) the row rests on"},
  {name: "confidence", type: "VARCHAR", description: "high, medium or low (see the methods)"},
  {name: "source_row", type: "VARCHAR", description: "file and line of the curated row, e.g. data/models.csv:12"}
];

export function provenance(row: Located<{conflict_key?: string | null; notes?: string | null; source_ids: string[]; confidence?: string}>) {
  return {
    conflict_key: row.conflict_key ?? null,
    notes: row.notes ?? null,
    source_ids: row.source_ids,
    confidence: row.confidence ?? null,
    source_row: sourceRow(row)
  };
}

export function sourceRow(row: Located<object>): string {
  return `${row.__file}:${row.__row.line}`;
}
