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
  const {table, issues} = readCsv(text, file);
  if (issues.length > 0) throw new CsvError(issues);
  return table;
}

/**
 * Parses a whole CSV file without throwing: the records that could be read, every structural problem, and how
 * many records were left out for one (a wrong field count), so a validator can go on checking the rest of the
 * file and the files that refer to it in the same run. An empty file gives an empty header.
 */
export function readCsv(text: string, file: string): {table: CsvTable; issues: Issue[]; unreadable: number} {
  const issues: Issue[] = [];
  const records = tokenize(text, file, issues);
  dropTrailingBlankRecords(records);
  if (records.length === 0) {
    issues.push({file, line: 1, column: 1, message: "empty file: expected a header row"});
    return {table: {file, header: [], rows: []}, issues, unreadable: 0};
  }

  const [headerRecord, ...dataRecords] = records;
  const header = headerRecord.fields.map((f) => f.value);
  checkHeader(headerRecord, file, issues);

  const rows: CsvRow[] = [];
  let unreadable = 0;
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
      unreadable += 1;
      continue;
    }
    rows.push({
      line: record.line,
      values: Object.fromEntries(header.map((name, i) => [name, fields[i].value])),
      columns: Object.fromEntries(header.map((name, i) => [name, fields[i].column])),
      lines: Object.fromEntries(header.map((name, i) => [name, fields[i].line]))
    });
  }

  return {table: {file, header, rows}, issues, unreadable};
}

/**
 * Decodes a file's bytes as UTF-8, the only encoding of `data/`. Invalid bytes (a file saved as GBK or
 * Latin-1, a truncated character) are one issue at the line and column of the first of them, rather than
 * U+FFFD published in the tables; the text is still returned, with U+FFFD in their place, so the rest of the
 * file can be checked in the same run. A leading byte order mark is accepted and dropped.
 */
export function decodeUtf8(bytes: Uint8Array, file: string): {text: string; issues: Issue[]} {
  const text = new TextDecoder("utf-8").decode(bytes);
  if (!text.includes("\uFFFD")) return {text, issues: []};
  const invalid = invalidUtf8Offsets(bytes);
  if (invalid.length === 0) return {text, issues: []};
  const [offset] = invalid;
  const {line, column} = positionAt(new TextDecoder("utf-8").decode(bytes.subarray(0, offset)));
  const more = invalid.length > 1 ? `, and ${invalid.length - 1} more invalid sequence${invalid.length > 2 ? "s" : ""} after it` : "";
  const byte = bytes[offset].toString(16).toUpperCase().padStart(2, "0");
  return {
    text,
    issues: [
      {
        file,
        line,
        column,
        message: `not valid UTF-8: byte 0x${byte} at byte offset ${offset}${more}; save the file as UTF-8`
      }
    ]
  };
}

/** Byte offsets where an invalid UTF-8 sequence starts (RFC 3629: no overlong forms, surrogates or > U+10FFFF). */
export function invalidUtf8Offsets(bytes: Uint8Array): number[] {
  const offsets: number[] = [];
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i += 1;
      continue;
    }
    // The number of continuation bytes, and the range the first of them must fall in.
    let need = 0;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b === 0xe0) [need, low] = [2, 0xa0];
    else if (b === 0xed) [need, high] = [2, 0x9f];
    else if (b >= 0xe1 && b <= 0xef) need = 2;
    else if (b === 0xf0) [need, low] = [3, 0x90];
    else if (b === 0xf4) [need, high] = [3, 0x8f];
    else if (b >= 0xf1 && b <= 0xf3) need = 3;
    let k = 1;
    if (need > 0) {
      for (; k <= need; k++) {
        const c = bytes[i + k];
        const [lo, hi] = k === 1 ? [low, high] : [0x80, 0xbf];
        if (c === undefined || c < lo || c > hi) break;
      }
    }
    if (need > 0 && k > need) {
      i += need + 1;
    } else {
      offsets.push(i);
      // Skip the lead byte and the continuation bytes that fitted it (the "maximal subpart" TextDecoder
      // replaces with one U+FFFD); the byte that broke the sequence may start a character of its own.
      i += k;
    }
  }
  return offsets;
}

/** The line and column (code points, as the reader counts them) just after `prefix`, the text before a point. */
function positionAt(prefix: string): {line: number; column: number} {
  const chars = Array.from(prefix.startsWith("\uFEFF") ? prefix.slice(1) : prefix);
  let line = 1;
  let column = 1;
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === "\r" && chars[i + 1] === "\n") continue;
    if (chars[i] === "\n" || chars[i] === "\r") {
      line += 1;
      column = 1;
    } else {
      column += 1;
    }
  }
  return {line, column};
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
 * Writes rows as CSV, for the published copies and for every table a reader downloads from a page: header first, LF
 * line endings, a final newline, and quotes only where a cell needs them. `null`/`undefined` become empty cells,
 * arrays are joined with `;` (the list convention of the sources), Dates are written as `YYYY-MM-DD` (UTC), and
 * text that a spreadsheet would run as a formula starts with a `'` (neutralizeFormula).
 */
export function toCsv(rows: Record<string, unknown>[], columns: string[]): string {
  const lines = [columns.map(quoteCell).join(",")];
  for (const row of rows) {
    lines.push(
      columns
        .map((column) => {
          const value = row[column];
          const cell = formatCell(value, column);
          return quoteCell(typeof value === "string" || Array.isArray(value) ? neutralizeFormula(cell) : cell);
        })
        .join(",")
    );
  }
  return lines.join("\n") + "\n";
}

/** What spreadsheets read as the start of a formula (OWASP's list: `=`, `+`, `-`, `@`, tab, carriage return). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number written as text: a spreadsheet reads it as that number, never as a formula. */
const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A text cell as a spreadsheet should show it: text starting like a formula (`=HYPERLINK(…)` in a source title, which
 * Excel or LibreOffice would run on opening the file) gets a leading `'`, which they read as "this is text". Numbers
 * (also -3.5 as text) stay as they are. The Parquet files keep the exact text.
 */
export function neutralizeFormula(cell: string): string {
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
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
