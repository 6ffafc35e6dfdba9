/**
 * Reads every curated file in `data/`, validates each row against its schema, then checks what no single
 * row can: unique ids, references that resolve (companies, sources), conflict keys that pair rows, amounts the
 * parser can read. Every problem in every file is collected; if there is any, `loadDataset` throws one
 * `ValidationError` listing them all as `data/<file>.csv:<line>:<column>: <what is wrong>`.
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import type {z} from "zod";
import {capAmount, parseAmount, type Currency, type ParsedAmount} from "./amounts.js";
import {CsvError, parseCsv} from "./csv.js";
import {makeFxTable, type FxTable} from "./fx.js";
import {aliasKey} from "./ids.js";
import type {Issue} from "./issues.js";
import {checkRules} from "./rules.js";
import {CITING_FILES, SOURCE_FILES, columnsOf, type SourceName} from "./schemas.js";
import {ValidationError, cellIssue, checkUniqueIds, validateRows, type Located} from "./validate.js";

type RowOf<N extends SourceName> = Located<z.output<(typeof SOURCE_FILES)[N]["schema"]>>;

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
  const tables = {} as {[N in SourceName]: RowOf<N>[]};
  for (const name of Object.keys(SOURCE_FILES) as SourceName[]) {
    const {file, schema, key} = SOURCE_FILES[name];
    const path = join(dir, file);
    const label = `data/${file}`;
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch {
      issues.push({file: label, line: 1, column: 1, message: `file is missing; every table needs its source file`});
      (tables as Record<string, unknown>)[name] = [];
      continue;
    }
    try {
      const result = validateRows(parseCsv(text, label), schema, columnsOf(name));
      issues.push(...result.issues);
      issues.push(...checkUniqueIds(result.rows as RowOf<typeof name>[], key as never));
      (tables as Record<string, unknown>)[name] = result.rows;
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      issues.push(...error.issues);
      (tables as Record<string, unknown>)[name] = [];
    }
  }
  const companyIds = checkCompanies(tables.companies, issues);
  checkReferences(tables, companyIds, issues);
  for (const name of CITING_FILES) {
    if (name !== "fx_rates") checkConflictKeys(tables[name] as ConflictRow[], issues);
  }
  checkInvestorAliases(tables.investor_aliases, issues);
  checkRules(tables as never, issues);
  const amounts = parseAmounts(tables.funding_rounds, issues);
  let fx: FxTable = makeFxTable([]);
  try {
    // units_per_usd is required by the schema, so rows that reach here have it.
    fx = makeFxTable(tables.fx_rates.map((r) => ({...r, units_per_usd: r.units_per_usd as number})));
  } catch (error) {
    issues.push({file: "data/fx_rates.csv", line: 1, column: 1, message: (error as Error).message});
  }
  if (issues.length) throw new ValidationError(issues);
  warnUnusedSources(tables);
  return {...tables, amounts, fx, companyIds};
}

function checkCompanies(rows: RowOf<"companies">[], issues: Issue[]): Set<string> {
  const primaries = new Map<string, RowOf<"companies">>();
  for (const row of rows) {
    if (row.row_type !== "primary") continue;
    if (primaries.has(row.company_id)) {
      issues.push(cellIssue(row.__file, row.__row, "row_type", `company ${row.company_id} has two primary rows; mark one "variant"`));
    }
    primaries.set(row.company_id, row);
    for (const column of ["name_en", "name_zh", "short_en", "short_zh", "group", "color"] as const) {
      if (!row[column]) issues.push(cellIssue(row.__file, row.__row, column, `${column}: is required on a primary row`));
    }
  }
  for (const row of rows) {
    if (row.row_type !== "variant") continue;
    if (!primaries.has(row.company_id)) {
      issues.push(cellIssue(row.__file, row.__row, "company_id", `company_id: variant of ${JSON.stringify(row.company_id)}, which has no primary row`));
    }
    if (!row.conflict_key) {
      issues.push(cellIssue(row.__file, row.__row, "conflict_key", "conflict_key: a variant row must name the conflict it belongs to"));
    }
  }
  return new Set(primaries.keys());
}

function checkReferences(tables: {[N in SourceName]: RowOf<N>[]}, companyIds: Set<string>, issues: Issue[]): void {
  const sourceIds = new Set(tables.sources.map((s) => s.source_id));
  const known = [...companyIds].sort().join(", ");
  const companyRef = (row: {__file: string; __row: Located<object>["__row"]}, value: string | null, allowIndustry = false) => {
    if (value === null || companyIds.has(value) || (allowIndustry && value === INDUSTRY)) return;
    issues.push(
      cellIssue(row.__file, row.__row, "company_id", `company_id: unknown company ${JSON.stringify(value)}; use one of ${known}${allowIndustry ? ` or ${INDUSTRY}` : ""}, or add it to companies.csv`)
    );
  };
  for (const row of tables.funding_rounds) companyRef(row, row.company_id);
  for (const row of tables.models) companyRef(row, row.company_id);
  for (const row of tables.events) companyRef(row, row.company_id, true);
  for (const row of tables.claims) companyRef(row, row.company_id);
  for (const row of tables.density_points) companyRef(row, row.company_id);
  for (const row of tables.financials) companyRef(row, row.company_id);
  for (const name of CITING_FILES) {
    for (const row of tables[name] as {source_ids: string[]; __file: string; __row: Located<object>["__row"]}[]) {
      const unknown = row.source_ids.filter((id) => !sourceIds.has(id));
      if (unknown.length) {
        issues.push(
          cellIssue(row.__file, row.__row, "source_ids", `source_ids: ${unknown.map((u) => JSON.stringify(u)).join(", ")} not in sources.csv; register the source first`)
        );
      }
    }
  }
  for (const row of tables.models) {
    if (row.params_active_b !== null && row.params_total_b !== null && row.params_active_b > row.params_total_b) {
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
function checkInvestorAliases(rows: RowOf<"investor_aliases">[], issues: Issue[]): void {
  const seen = new Map<string, RowOf<"investor_aliases">>();
  const names = new Map<string, RowOf<"investor_aliases">>();
  for (const row of rows) {
    const key = aliasKey(row.alias);
    const first = seen.get(key);
    if (first && first.alias !== row.alias) {
      issues.push(cellIssue(row.__file, row.__row, "alias", `alias: ${JSON.stringify(row.alias)} is the same as ${JSON.stringify(first.alias)} (line ${first.__row.line}) once case and spaces are ignored`));
    }
    seen.set(key, row);
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

function parseAmounts(rows: RowOf<"funding_rounds">[], issues: Issue[]) {
  const amounts = new Map<string, {amount: ParsedAmount; valuation: ParsedAmount}>();
  for (const row of rows) {
    const amount = capCell(row, parseCell(row, "amount_reported", "currency", issues), "amount_cap", issues);
    const valuation = capCell(row, parseCell(row, "valuation_reported", "valuation_currency", issues), "valuation_cap", issues);
    if (amount && valuation) amounts.set(row.id, {amount, valuation});
    if ((row.amount_cap || row.valuation_cap) && !row.cap_note) {
      issues.push(cellIssue(row.__file, row.__row, "cap_note", "cap_note: say why the context bounds the amount (a cap is a judgement and needs its reason)"));
    }
    if (row.cap_note && !row.amount_cap && !row.valuation_cap) {
      issues.push(cellIssue(row.__file, row.__row, "cap_note", "cap_note: there is no amount_cap or valuation_cap for it to explain"));
    }
  }
  return amounts;
}

function capCell(row: RowOf<"funding_rounds">, parsed: ParsedAmount | null, column: "amount_cap" | "valuation_cap", issues: Issue[]): ParsedAmount | null {
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
  row: RowOf<"funding_rounds">,
  column: "amount_reported" | "valuation_reported",
  currencyColumn: "currency" | "valuation_currency",
  issues: Issue[]
): ParsedAmount | null {
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
