/**
 * RFC 4180 CSV reading and writing for the hand-edited sources in `data/`.
 *
 * The reader keeps the position of every field (physical line, and column in code points) so validators can
 * point an analyst at `data/models.csv:14:37` rather than "row 12". It collects every structural problem in the
 * file before throwing, so one run shows them all. Values are returned exactly as written (no trimming, no type
 * guessing); deciding what a cell means is the validators' job.
 *
 * Runs in Node and the browser: no Node-only APIs.
 */
import {formatIssues, sortIssues, type Issue} from "./issues.js";

export {formatIssue, type Issue} from "./issues.js";

export type CsvRow = {
  /** 1-based physical line where the record starts (a quoted newline makes a record span several lines). */
  line: number;
  values: Record<string, string>;
  /** 1-based column (code points within the field's own line) where each field starts, keyed by header name. */
  columns: Record<string, number>;
  /**
   * 1-based physical line where each field starts; equals `line` unless an earlier field of the record holds a
   * quoted newline. Pair it with `columns` for `file:line:column` messages.
   */
  lines: Record<string, number>;
};

export type CsvTable = {file: string; header: string[]; rows: CsvRow[]};

export class CsvError extends Error {
  readonly issues: Issue[];

  constructor(issues: Issue[]) {
    super(formatIssues(issues));
    this.name = "CsvError";
    // In file order, like the message, whatever order the parser found them in.
    this.issues = sortIssues(issues);
  }
}

type Field = {value: string; line: number; column: number; quoted: boolean};
type RawRecord = {line: number; fields: Field[]; endLine: number; endColumn: number};

/** Parses a whole CSV file; throws `CsvError` listing every structural problem found. */
export function parseCsv(text: string, file: string): CsvTable {
  const issues: Issue[] = [];
  const records = tokenize(text, file, issues);
  dropTrailingBlankRecords(records);
  if (records.length === 0) {
    issues.push({file, line: 1, column: 1, message: "empty file: expected a header row"});
    throw new CsvError(issues);
  }

  const [headerRecord, ...dataRecords] = records;
  const header = headerRecord.fields.map((f) => f.value);
  checkHeader(headerRecord, file, issues);

  const rows: CsvRow[] = [];
  for (const record of dataRecords) {
    if (isBlankRecord(record)) {
      // A blank line is usually a stray edit; flagging it keeps diffs of the sources clean.
      issues.push({file, line: record.line, column: 1, message: "blank line inside the table; remove it"});
      continue;
    }
    const {fields} = record;
    if (fields.length !== header.length) {
      const extra = fields[header.length];
      issues.push({
        file,
        line: extra ? extra.line : record.endLine,
        column: extra ? extra.column : record.endColumn,
        message:
          `expected ${header.length} fields as in the header, found ${fields.length}` +
          (extra ? " (the first extra field starts here)" : " (the record ends here)")
      });
      continue;
    }
    rows.push({
      line: record.line,
      values: Object.fromEntries(header.map((name, i) => [name, fields[i].value])),
      columns: Object.fromEntries(header.map((name, i) => [name, fields[i].column])),
      lines: Object.fromEntries(header.map((name, i) => [name, fields[i].line]))
    });
  }

  if (issues.length > 0) throw new CsvError(issues);
  return {file, header, rows};
}

function checkHeader(record: RawRecord, file: string, issues: Issue[]): void {
  const firstColumn = new Map<string, number>();
  for (const field of record.fields) {
    const at = {file, line: field.line, column: field.column};
    if (field.value.trim() === "") {
      issues.push({...at, message: "empty header name"});
    } else if (field.value !== field.value.trim()) {
      // " id" would silently never match the "id" the loaders look up.
      issues.push({...at, message: `header name ${JSON.stringify(field.value)} has surrounding spaces`});
    } else if (firstColumn.has(field.value)) {
      const first = firstColumn.get(field.value);
      issues.push({...at, message: `duplicate header name "${field.value}" (first at column ${first})`});
    } else {
      firstColumn.set(field.value, field.column);
    }
  }
}

function isBlankRecord(record: RawRecord): boolean {
  return record.fields.length === 1 && !record.fields[0].quoted && record.fields[0].value === "";
}

function dropTrailingBlankRecords(records: RawRecord[]): void {
  // Whitespace-only trailing lines count as blank too: editors leave them and they carry no data.
  while (records.length > 0) {
    const last = records[records.length - 1];
    if (last.fields.length !== 1 || last.fields[0].quoted || last.fields[0].value.trim() !== "") break;
    records.pop();
  }
}

/** Splits the text into records of positioned fields, reporting quoting problems as it goes. */
function tokenize(text: string, file: string, issues: Issue[]): RawRecord[] {
  // Code points, not UTF-16 units, so columns match what editors show for text outside the BMP.
  const chars = Array.from(text.startsWith("\uFEFF") ? text.slice(1) : text);
  const n = chars.length;
  let i = 0;
  let line = 1;
  let column = 1;

  const isLineBreak = (k: number) => chars[k] === "\n" || chars[k] === "\r";
  // Consumes one line break (CRLF, LF or a lone CR) at i.
  const breakLine = () => {
    i += chars[i] === "\r" && chars[i + 1] === "\n" ? 2 : 1;
    line += 1;
    column = 1;
  };
  const advance = () => {
    i += 1;
    column += 1;
  };

  const records: RawRecord[] = [];
  while (i < n) {
    const record: RawRecord = {line, fields: [], endLine: line, endColumn: column};
    for (;;) {
      const field: Field = {value: "", line, column, quoted: false};
      if (chars[i] === '"') {
        field.quoted = true;
        advance();
        let closed = false;
        while (i < n) {
          if (chars[i] === '"') {
            if (chars[i + 1] === '"') {
              field.value += '"';
              advance();
              advance();
            } else {
              advance();
              closed = true;
              break;
            }
          } else if (isLineBreak(i)) {
            // Normalized so a value does not depend on the line endings of the machine that saved the file.
            field.value += "\n";
            breakLine();
          } else {
            field.value += chars[i];
            advance();
          }
        }
        if (!closed) {
          issues.push({file, line: field.line, column: field.column, message: "unterminated quoted field"});
        } else if (i < n && chars[i] !== "," && !isLineBreak(i)) {
          issues.push({
            file,
            line,
            column,
            message: "unexpected text after a closing quote; a quote inside a quoted field must be doubled"
          });
          while (i < n && chars[i] !== "," && !isLineBreak(i)) advance();
        }
      } else {
        let strayQuoteReported = false;
        while (i < n && chars[i] !== "," && !isLineBreak(i)) {
          if (chars[i] === '"' && !strayQuoteReported) {
            issues.push({
              file,
              line,
              column,
              message: "quote inside an unquoted field; wrap the field in quotes and double the inner quote"
            });
            strayQuoteReported = true;
          }
          field.value += chars[i];
          advance();
        }
      }
      record.fields.push(field);
      if (i < n && chars[i] === ",") {
        advance();
        continue;
      }
      record.endLine = line;
      record.endColumn = column;
      if (i < n) breakLine();
      break;
    }
    records.push(record);
  }
  return records;
}

/**
 * Writes rows as CSV for the published copies: header first, LF line endings, a final newline, and quotes only
 * where a cell needs them. `null`/`undefined` become empty cells, arrays are joined with `;` (the list convention
 * of the sources), Dates are written as `YYYY-MM-DD` (UTC).
 */
export function toCsv(rows: Record<string, unknown>[], columns: string[]): string {
  const lines = [columns.map(quoteCell).join(",")];
  for (const row of rows) {
    lines.push(columns.map((column) => quoteCell(formatCell(row[column], column))).join(","));
  }
  return lines.join("\n") + "\n";
}

function formatCell(value: unknown, column: string): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map((item) => formatCell(item, column)).join(";");
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new TypeError(`toCsv: column "${column}" holds an invalid Date`);
    return value.toISOString().slice(0, 10);
  }
  // NaN is how a missing number usually arrives from arithmetic; an empty cell says "no value" to every reader.
  if (typeof value === "number") return Number.isNaN(value) ? "" : String(value);
  if (typeof value === "string" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  // An object here is a loader bug; "[object Object]" in a published file would be worse than stopping.
  throw new TypeError(`toCsv: column "${column}" holds a ${typeof value} that has no CSV form; flatten it first`);
}

function quoteCell(cell: string): string {
  // Leading/trailing spaces are quoted too because spreadsheet programs trim them otherwise.
  return /[",\r\n]|^\s|\s$/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}
