/**
 * Reads every curated file in `data/` (UTF-8, within size limits), validates each row against its schema, then
 * checks what no single row can: unique ids, references that resolve (companies, sources), conflict keys that
 * pair rows, amounts the parser can read. Every problem in every file is collected, and the cross-file checks
 * run on every row, a row with a bad cell included (as far as its other cells allow), so one run shows them
 * all; if there is any, `loadDataset` throws one `ValidationError` listing them as
 * `data/<file>.csv:<line>:<column>: <what is wrong>`.
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import type {z} from "zod";
import {capAmount, parseAmount, type Currency, type ParsedAmount} from "./amounts.js";
import {decodeUtf8, readCsv} from "./csv.js";
import {makeFxTable, type FxTable} from "./fx.js";
import {aliasKey} from "./ids.js";
import type {Issue} from "./issues.js";
import {checkRules} from "./rules.js";
import {CITING_FILES, SOURCE_FILES, columnsOf, type SourceName} from "./schemas.js";
import {MAX_FILE_BYTES, ValidationError, cellIssue, checkUniqueIds, validateRows, type Located, type Parsed} from "./validate.js";

type RowOf<N extends SourceName> = Located<z.output<(typeof SOURCE_FILES)[N]["schema"]>>;
/** A row as far as its cells parsed, which is what the cross-file checks see. */
type CheckedRow<N extends SourceName> = Parsed<z.output<(typeof SOURCE_FILES)[N]["schema"]>>;
type Checked = {[N in SourceName]: CheckedRow<N>[]};
/** How much of a file could be read: a reference into a file that could not be read at all is not checked. */
type Readable = "all" | "some" | "none";

export type Dataset = {[N in SourceName]: RowOf<N>[]} & {
  /** Parsed amounts and valuations of funding rounds, by round id. */
  amounts: Map<string, {amount: ParsedAmount; valuation: ParsedAmount}>;
  fx: FxTable;
  /** Ids of companies (from their primary rows). */
  companyIds: Set<string>;
};

/** `company_id` in events may name the whole field instead of one company. */
export const INDUSTRY = "industry";

export function loadDataset(dir = "data"): Dataset {
  const issues: Issue[] = [];
  const tables = {} as Checked;
  const readable = {} as Record<SourceName, Readable>;
  for (const name of Object.keys(SOURCE_FILES) as SourceName[]) {
    const {file, schema, key} = SOURCE_FILES[name];
    const label = `data/${file}`;
    const read = readSource(join(dir, file), label, issues);
    (tables as Record<string, unknown>)[name] = [];
    readable[name] = "none";
    if (read === null) continue;
    const csv = readCsv(read, label);
    issues.push(...csv.issues);
    if (csv.table.header.length === 0) continue;
    const result = validateRows(csv.table, schema, columnsOf(name));
    issues.push(...result.issues);
    // In file order, so "first on line n" and the like name the earlier row.
    const rows = [...result.rows, ...result.partial].sort((a, b) => a.__row.line - b.__row.line) as CheckedRow<typeof name>[];
    issues.push(...checkUniqueIds(rows, key as never));
    (tables as Record<string, unknown>)[name] = rows;
    readable[name] = csv.unreadable === 0 ? "all" : "some";
  }
  const companyIds = checkCompanies(tables.companies, issues);
  checkReferences(tables, readable, companyIds, issues);
  for (const name of CITING_FILES) {
    if (name !== "fx_rates") checkConflictKeys(tables[name] as ConflictRow[], issues);
  }
  checkInvestorAliases(tables.investor_aliases, issues);
  checkRules(tables as never, issues);
  const amounts = parseAmounts(tables.funding_rounds, issues);
  let fx: FxTable = makeFxTable([]);
  try {
    // Only rows whose every cell parsed: a rate the schema rejected is reported already.
    const rates = tables.fx_rates.filter((r): r is RowOf<"fx_rates"> => Object.keys(SOURCE_FILES.fx_rates.schema.shape).every((c) => c in r));
    fx = makeFxTable(rates.map((r) => ({...r, units_per_usd: r.units_per_usd as number})));
  } catch (error) {
    issues.push({file: "data/fx_rates.csv", line: 1, column: 1, message: (error as Error).message});
  }
  if (issues.length) throw new ValidationError(issues);
  // No issue: every cell of every row parsed, so the rows are complete.
  const complete = tables as unknown as {[N in SourceName]: RowOf<N>[]};
  warnUnusedSources(complete);
  return {...complete, amounts, fx, companyIds};
}

/**
 * The text of one source file, or null (with the issue) when it is missing. Bytes that are not UTF-8 and a
 * file over the size limit are issues too, but the text is still returned so the rest of the file is checked.
 */
function readSource(path: string, label: string, issues: Issue[]): string | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    issues.push({file: label, line: 1, column: 1, message: `file is missing; every table needs its source file`});
    return null;
  }
  if (bytes.length > MAX_FILE_BYTES) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    issues.push({
      file: label,
      line: 1,
      column: 1,
      message: `file too large: ${mb(bytes.length)}, more than the ${mb(MAX_FILE_BYTES)} a data file may hold; look for pasted bulk text, or raise MAX_FILE_BYTES in src/lib/validate.ts if the table really is that big`
    });
  }
  const {text, issues: encoding} = decodeUtf8(bytes, label);
  issues.push(...encoding);
  return text;
}

function checkCompanies(rows: CheckedRow<"companies">[], issues: Issue[]): Set<string> {
  const primaries = new Map<string, CheckedRow<"companies">>();
  for (const row of rows) {
    if (row.row_type !== "primary" || row.company_id === undefined) continue;
    if (primaries.has(row.company_id)) {
      issues.push(cellIssue(row.__file, row.__row, "row_type", `company ${row.company_id} has two primary rows; mark one "variant"`));
    }
    primaries.set(row.company_id, row);
    for (const column of ["name_en", "name_zh", "short_en", "short_zh", "group", "color"] as const) {
      // Blank is null; a cell that broke its own rule (undefined) is reported already.
      if (row[column] === null) issues.push(cellIssue(row.__file, row.__row, column, `${column}: is required on a primary row`));
    }
  }
  for (const row of rows) {
    if (row.row_type !== "variant") continue;
    if (row.company_id !== undefined && !primaries.has(row.company_id)) {
      issues.push(cellIssue(row.__file, row.__row, "company_id", `company_id: variant of ${JSON.stringify(row.company_id)}, which has no primary row`));
    }
    if (row.conflict_key === null) {
      issues.push(cellIssue(row.__file, row.__row, "conflict_key", "conflict_key: a variant row must name the conflict it belongs to"));
    }
  }
  return new Set(primaries.keys());
}

/**
 * References into a file that could not be read at all (missing, empty) are not checked: that file's own issue
 * says what to fix, and every reference would be reported as unknown. When only some of its lines could not be
 * read, an unknown reference is reported with a word that it may be on one of them.
 */
function checkReferences(tables: Checked, readable: Record<SourceName, Readable>, companyIds: Set<string>, issues: Issue[]): void {
  const sourceIds = new Set(tables.sources.map((s) => s.source_id));
  const known = [...companyIds].sort().join(", ");
  const maybe = (name: SourceName) =>
    readable[name] === "some" ? ` (or it is on a line of ${SOURCE_FILES[name].file} that could not be read)` : "";
  const companyRef = (row: {__file: string; __row: Located<object>["__row"]}, value: string | null | undefined, allowIndustry = false) => {
    if (readable.companies === "none") return;
    if (value === null || value === undefined || companyIds.has(value) || (allowIndustry && value === INDUSTRY)) return;
    issues.push(
      cellIssue(row.__file, row.__row, "company_id", `company_id: unknown company ${JSON.stringify(value)}; use one of ${known}${allowIndustry ? ` or ${INDUSTRY}` : ""}, or add it to companies.csv${maybe("companies")}`)
    );
  };
  for (const row of tables.funding_rounds) companyRef(row, row.company_id);
  for (const row of tables.models) companyRef(row, row.company_id);
  for (const row of tables.events) companyRef(row, row.company_id, true);
  for (const row of tables.claims) companyRef(row, row.company_id);
  for (const row of tables.density_points) companyRef(row, row.company_id);
  for (const row of tables.financials) companyRef(row, row.company_id);
  for (const name of CITING_FILES) {
    if (readable.sources === "none") break;
    for (const row of tables[name] as {source_ids?: string[]; __file: string; __row: Located<object>["__row"]}[]) {
      const unknown = (row.source_ids ?? []).filter((id) => !sourceIds.has(id));
      if (unknown.length) {
        issues.push(
          cellIssue(row.__file, row.__row, "source_ids", `source_ids: ${unknown.map((u) => JSON.stringify(u)).join(", ")} not in sources.csv; register the source first${maybe("sources")}`)
        );
      }
    }
  }
  for (const row of tables.models) {
    if (row.params_active_b == null || row.params_total_b == null) continue;
    if (row.params_active_b > row.params_total_b) {
      issues.push(cellIssue(row.__file, row.__row, "params_active_b", `params_active_b: ${row.params_active_b} is more than params_total_b ${row.params_total_b}`));
    }
  }
}

type ConflictRow = {conflict_key?: string | null; __file: string; __row: Located<object>["__row"]};

/** A conflict needs two sides: a key on a single row is a typo or a half-entered conflict. */
function checkConflictKeys(rows: ConflictRow[], issues: Issue[]): void {
  const counts = new Map<string, ConflictRow[]>();
  for (const row of rows) {
    if (!row.conflict_key) continue;
    const group = counts.get(row.conflict_key) ?? [];
    group.push(row);
    counts.set(row.conflict_key, group);
  }
  for (const [key, group] of counts) {
    if (group.length === 1) {
      const [row] = group;
      issues.push(cellIssue(row.__file, row.__row, "conflict_key", `conflict_key: ${JSON.stringify(key)} is on one row only; a conflict pairs at least two rows`));
    }
  }
}

/**
 * Aliases are matched ignoring case and spacing, so two spellings of one alias would be ambiguous; an investor's
 * names must agree on every row; a generic mention names no investor at all.
 */
function checkInvestorAliases(rows: CheckedRow<"investor_aliases">[], issues: Issue[]): void {
  const seen = new Map<string, CheckedRow<"investor_aliases">>();
  const names = new Map<string, CheckedRow<"investor_aliases">>();
  for (const row of rows) {
    if (row.alias !== undefined) {
      const key = aliasKey(row.alias);
      const first = seen.get(key);
      if (first && first.alias !== row.alias) {
        issues.push(cellIssue(row.__file, row.__row, "alias", `alias: ${JSON.stringify(row.alias)} is the same as ${JSON.stringify(first.alias)} (line ${first.__row.line}) once case and spaces are ignored`));
      }
      seen.set(key, row);
    }
    // The name checks need the id and both names as written.
    if (row.investor_id === undefined || row.investor === undefined || row.investor_zh === undefined) continue;
    if (row.investor_id === null) {
      if (row.investor || row.investor_zh) {
        issues.push(cellIssue(row.__file, row.__row, "investor", "investor: a generic mention (blank investor_id) names no investor; clear investor and investor_zh or fill in investor_id"));
      }
      continue;
    }
    if (!row.investor) {
      issues.push(cellIssue(row.__file, row.__row, "investor", `investor: is required when investor_id is set (${row.investor_id})`));
      continue;
    }
    const canonical = names.get(row.investor_id);
    if (!canonical) names.set(row.investor_id, row);
    else if (canonical.investor !== row.investor || canonical.investor_zh !== row.investor_zh) {
      issues.push(
        cellIssue(row.__file, row.__row, "investor", `investor: ${row.investor_id} is named ${JSON.stringify(canonical.investor)} / ${JSON.stringify(canonical.investor_zh)} on line ${canonical.__row.line}; every alias of one investor gives the same names`)
      );
    }
  }
}

function parseAmounts(rows: CheckedRow<"funding_rounds">[], issues: Issue[]) {
  const amounts = new Map<string, {amount: ParsedAmount; valuation: ParsedAmount}>();
  for (const row of rows) {
    const amount = capCell(row, parseCell(row, "amount_reported", "currency", issues), "amount_cap", issues);
    const valuation = capCell(row, parseCell(row, "valuation_reported", "valuation_currency", issues), "valuation_cap", issues);
    if (amount && valuation && row.id !== undefined) amounts.set(row.id, {amount, valuation});
    if ((row.amount_cap || row.valuation_cap) && !row.cap_note) {
      issues.push(cellIssue(row.__file, row.__row, "cap_note", "cap_note: say why the context bounds the amount (a cap is a judgement and needs its reason)"));
    }
    if (row.cap_note && !row.amount_cap && !row.valuation_cap) {
      issues.push(cellIssue(row.__file, row.__row, "cap_note", "cap_note: there is no amount_cap or valuation_cap for it to explain"));
    }
  }
  return amounts;
}

function capCell(row: CheckedRow<"funding_rounds">, parsed: ParsedAmount | null, column: "amount_cap" | "valuation_cap", issues: Issue[]): ParsedAmount | null {
  const cap = row[column];
  if (!parsed || !cap) return parsed;
  try {
    return capAmount(parsed, cap);
  } catch (error) {
    issues.push(cellIssue(row.__file, row.__row, column, `${column}: ${(error as Error).message}`));
    return null;
  }
}

function parseCell(
  row: CheckedRow<"funding_rounds">,
  column: "amount_reported" | "valuation_reported",
  currencyColumn: "currency" | "valuation_currency",
  issues: Issue[]
): ParsedAmount | null {
  // A currency that broke its rule is reported already, and without it the amount cannot be read.
  if (row[column] === undefined || row[currencyColumn] === undefined) return null;
  const hint = (row[currencyColumn] ?? undefined) as Currency | undefined;
  try {
    const parsed = parseAmount(row[column] ?? "", hint);
    if (parsed.low !== null && parsed.currency === null) {
      issues.push(cellIssue(row.__file, row.__row, currencyColumn, `${currencyColumn}: ${column} ${JSON.stringify(row[column])} names no currency; fill in ${currencyColumn}`));
      return null;
    }
    return parsed;
  } catch (error) {
    issues.push(cellIssue(row.__file, row.__row, column, `${column}: ${(error as Error).message}`));
    return null;
  }
}

function warnUnusedSources(tables: {[N in SourceName]: RowOf<N>[]}): void {
  const used = new Set<string>();
  for (const name of CITING_FILES) {
    for (const row of tables[name] as {source_ids: string[]}[]) for (const id of row.source_ids) used.add(id);
  }
  // A copy stays registered so its provenance is on record, but rows cite the original.
  const unused = tables.sources.filter((s) => !used.has(s.source_id) && !s.copy_of).map((s) => s.source_id);
  if (unused.length) console.warn(`data/sources.csv: ${unused.length} source(s) cited by no row: ${unused.join(", ")}`);
}
