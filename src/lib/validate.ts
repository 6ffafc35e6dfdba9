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
 * Checks the header against the expected columns (missing, unknown, or out of order), then parses every row.
 * Rows that fail are reported and not returned; the caller must stop when `issues` is non-empty.
 */
export function validateRows<S extends z.ZodObject>(
  table: CsvTable,
  schema: S,
  columns: readonly string[]
): {rows: Located<z.output<S>>[]; issues: Issue[]} {
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
    return {rows: [], issues};
  }
  const rows: Located<z.output<S>>[] = [];
  for (const row of table.rows) {
    const result = schema.safeParse(row.values);
    if (result.success) {
      rows.push(Object.assign(result.data as object, {__row: row, __file: table.file}) as Located<z.output<S>>);
    } else {
      for (const issue of result.error.issues) {
        const column = String(issue.path[0] ?? columns[0]);
        const value = row.values[column] ?? "";
        issues.push(cellIssue(table.file, row, column, `${column}: ${describe(issue, value)}`));
      }
    }
  }
  return {rows, issues};
}

function describe(issue: z.core.$ZodIssue, value: string): string {
  if (issue.code === "invalid_value" && "values" in issue) {
    const allowed = (issue.values as unknown[]).map((v) => JSON.stringify(v)).join(", ");
    return `invalid value ${JSON.stringify(value)}; expected one of ${allowed}`;
  }
  return issue.message;
}

/** Reports ids that appear twice, at the second occurrence, naming the first. */
export function checkUniqueIds<T extends {__row: CsvRow; __file: string}>(rows: T[], key: keyof T & string): Issue[] {
  const seen = new Map<unknown, CsvRow>();
  const issues: Issue[] = [];
  for (const row of rows) {
    const id = row[key];
    const first = seen.get(id);
    if (first) issues.push(cellIssue(row.__file, row.__row, key, `${key}: duplicate ${JSON.stringify(id)} (first on line ${first.line}); ids must be unique`));
    else seen.set(id, row.__row);
  }
  return issues;
}
