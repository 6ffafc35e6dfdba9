/**
 * Row validation for the curated CSVs: each file has a zod schema over its text cells, and every problem
 * becomes an `Issue` at the exact cell (`data/models.csv:14:37: …`). Validation never stops at the first
 * problem: a run reports everything wrong in every file, then the build stops.
 */
import {z} from "zod";
import type {CsvRow, CsvTable} from "./csv.js";
import {formatIssues, sortIssues, type Issue} from "./issues.js";

/** A validated row with where it came from, so provenance can travel into the published tables. */
export type Located<T> = T & {readonly __row: CsvRow; readonly __file: string};

/**
 * A row as far as its cells parsed: a cell that broke its rule (or whose column the header lacks) is absent.
 * The cross-file checks run on these too, so one run reports a bad cell and, say, an unknown source in the
 * same row; each check skips the cells it cannot read.
 */
export type Parsed<T> = {[K in keyof T]?: T[K]} & {readonly __row: CsvRow; readonly __file: string};

/**
 * The longest cell a curated file may hold, in characters (code points). The longest today is under 300
 * (a note); a cell far longer is a paste gone wrong, and it would be copied into every published table and
 * page that shows the row (one 5 MB cell made models.parquet 5.3 MB instead of 14 kB).
 */
export const MAX_CELL_CHARS = 2_000;

/** The largest curated file, in bytes: 2 MB, some 40 times the largest today (sources.csv, 45 kB). */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export class ValidationError extends Error {
  readonly issues: Issue[];

  constructor(issues: Issue[]) {
    super(`${issues.length} problem${issues.length === 1 ? "" : "s"} in data/:\n${formatIssues(issues)}`);
    this.name = "ValidationError";
    this.issues = sortIssues(issues);
  }
}

/** Where a cell starts; a column the file lacks points at the start of the row. */
export function cellIssue(file: string, row: CsvRow, column: string, message: string): Issue {
  return {file, line: row.lines?.[column] ?? row.line, column: row.columns[column] ?? 1, message};
}

/**
 * Checks the header against the expected columns (missing, unknown, or out of order), then parses every row
 * and every cell. Rows whose cells all parse are `rows`; the others are `partial`, with the cells that did
 * parse, so the caller can still check what they refer to. The caller must stop when `issues` is non-empty.
 */
export function validateRows<S extends z.ZodObject>(
  table: CsvTable,
  schema: S,
  columns: readonly string[]
): {rows: Located<z.output<S>>[]; partial: Parsed<z.output<S>>[]; issues: Issue[]} {
  const issues: Issue[] = [];
  const missing = columns.filter((c) => !table.header.includes(c));
  const unknown = table.header.filter((c) => !columns.includes(c));
  if (missing.length || unknown.length) {
    const parts = [];
    if (missing.length) parts.push(`missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`);
    if (unknown.length) parts.push(`unknown column${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}`);
    issues.push({
      file: table.file,
      line: 1,
      column: 1,
      message: `${parts.join("; ")}; the header must be: ${columns.join(",")}`
    });
  }
  const rows: Located<z.output<S>>[] = [];
  const partial: Parsed<z.output<S>>[] = [];
  for (const row of table.rows) {
    // Cells too long to be data are reported once, as too long, and not parsed.
    const tooLong = columns.filter((column) => isTooLong(row.values[column]));
    for (const column of tooLong) {
      const length = Array.from(row.values[column]).length;
      issues.push(
        cellIssue(table.file, row, column, `${column}: cell too long: ${length.toLocaleString("en")} characters, more than the ${MAX_CELL_CHARS.toLocaleString("en")} a cell may hold; shorten it (long text belongs in the cited source)`)
      );
    }
    const result = missing.length || tooLong.length ? null : schema.safeParse(row.values);
    if (result?.success) {
      rows.push(Object.assign(result.data as object, {__row: row, __file: table.file}) as Located<z.output<S>>);
      continue;
    }
    // Parse cell by cell, with each column's own rule, and keep the cells that pass.
    const values: Record<string, unknown> = {};
    const found = issues.length;
    for (const column of columns) {
      if (missing.includes(column) || tooLong.includes(column)) continue;
      const value = row.values[column];
      const cell = (schema.shape as Record<string, z.ZodType>)[column].safeParse(value);
      if (cell.success) {
        values[column] = cell.data;
        continue;
      }
      for (const issue of cell.error.issues) {
        issues.push(cellIssue(table.file, row, column, `${column}: ${describe(issue, value)}`));
      }
    }
    // A rule across cells (a refinement of the whole row) fails only in the whole-row parse: report it from there.
    if (result && issues.length === found) {
      for (const issue of result.error.issues) {
        const column = String(issue.path[0] ?? columns[0]);
        issues.push(cellIssue(table.file, row, column, `${column}: ${describe(issue, row.values[column] ?? "")}`));
      }
    }
    partial.push(Object.assign(values, {__row: row, __file: table.file}) as Parsed<z.output<S>>);
  }
  return {rows, partial, issues};
}

function isTooLong(value: string | undefined): boolean {
  // A string's UTF-16 length is never less than its length in code points, so most cells need no count.
  return value !== undefined && value.length > MAX_CELL_CHARS && Array.from(value).length > MAX_CELL_CHARS;
}

function describe(issue: z.core.$ZodIssue, value: string): string {
  if (issue.code === "invalid_value" && "values" in issue) {
    const allowed = (issue.values as unknown[]).map((v) => JSON.stringify(v)).join(", ");
    return `invalid value ${JSON.stringify(value)}; expected one of ${allowed}`;
  }
  // An optional choice is a union of blank and the values ("Invalid input" as zod words it): name them all.
  if (issue.code === "invalid_union") {
    const branches = issue.errors.flat();
    if (branches.length > 0 && branches.every((b) => b.code === "invalid_value")) {
      const values = branches.flatMap((b) => (b as z.core.$ZodIssueInvalidValue).values);
      const allowed = values.filter((v) => v !== "").map((v) => JSON.stringify(v)).join(", ");
      return `invalid value ${JSON.stringify(value)}; expected one of ${allowed}${values.includes("") ? ", or blank" : ""}`;
    }
  }
  return issue.message;
}

/** Reports ids that appear twice, at the second occurrence, naming the first. */
export function checkUniqueIds<T extends {__row: CsvRow; __file: string}>(rows: T[], key: keyof T & string): Issue[] {
  const seen = new Map<unknown, CsvRow>();
  const issues: Issue[] = [];
  for (const row of rows) {
    const id = row[key];
    // A key cell that did not parse is reported already.
    if (id === undefined) continue;
    const first = seen.get(id);
    if (first) issues.push(cellIssue(row.__file, row.__row, key, `${key}: duplicate ${JSON.stringify(id)} (first on line ${first.line}); ids must be unique`));
    else seen.set(id, row.__row);
  }
  return issues;
}
