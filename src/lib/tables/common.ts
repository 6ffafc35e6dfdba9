/**
 * Pieces shared by the published tables: column specs with their meaning (for Parquet types and the data
 * package), fuzzy-date columns, and the provenance columns every fact row carries.
 *
 * Every table and column says what it means in English (`description`) and in Chinese (`description_zh`,
 * written for a Chinese reader, not word for word), side by side, so the data dictionary of both editions
 * and datapackage.json come from one definition. SQL names stay English in both.
 */
import type {FuzzyDate} from "../dates.js";
import type {ColumnSpec} from "../parquet.js";
import type {Dataset} from "../dataset.js";
import type {Located} from "../validate.js";

export interface PublishedColumn extends ColumnSpec {
  /** What the column means, for the data dictionary. */
  description: string;
  /** The same in Chinese, for the Chinese data dictionary and datapackage.json's `description_zh`. */
  description_zh: string;
  /** Unit of a measured value (e.g. `USD millions`). */
  unit?: string;
}

/** A built row: column name to value (DATE as an ISO day string, VARCHAR[] as a string array). */
export type Row = Record<string, unknown>;

/**
 * Every unit a column declares, in Chinese, for the Chinese data dictionary (datapackage.json's `unit_zh`).
 * A test fails when a column's unit is missing here.
 */
export const UNITS_ZH: Record<string, string> = {
  "USD millions": "百万美元",
  "USD per million tokens": "美元/百万 token",
  "billions of parameters": "十亿参数",
  "currency per USD": "每美元兑换的该币种数额",
  days: "天",
  fraction: "比例（0–1）",
  "millions of original currency": "百万原币",
  "millions of reporting currency": "百万报告币种",
  models: "个模型",
  months: "月",
  "per day": "每天",
  ratio: "倍数",
  rounds: "轮",
  rows: "行",
  "see unit": "见 unit 列"
};

/** The built rows of another published table; a compile builds each table once and hands it to the others. */
export type TableLookup = (name: string) => Row[];

export interface PublishedTable<R = Row> {
  name: string;
  title: string;
  title_zh: string;
  description: string;
  description_zh: string;
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
export function usdColumn(name: string, description: string, description_zh: string): PublishedColumn {
  return {name, type: "DOUBLE", unit: "USD millions", description, description_zh};
}

/** `date`, `date_precision`, `date_approx`, `date_raw` for a fuzzy date column named `name`; `what` in both languages. */
export function dateColumns(name: string, what: string, what_zh: string): PublishedColumn[] {
  return [
    {name, type: "DATE", description: `${what}: first day of the period the source gives`, description_zh: `${what_zh}：取来源所给时段的第一天`},
    {name: `${name}_precision`, type: "VARCHAR", description: `precision of ${name}: day, month or year`, description_zh: `${name} 的精度：day（日）、month（月）或 year（年）`},
    {name: `${name}_approx`, type: "BOOLEAN", description: `true when the source gives ${name} as approximate`, description_zh: `来源只给出约略的 ${name} 时为 true`},
    {name: `${name}_raw`, type: "VARCHAR", description: `${name} as written in the source file`, description_zh: `${name} 在整理文件中的原文写法`}
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
  {name: "conflict_key", type: "VARCHAR", description: "shared by rows that report the same fact differently; blank when undisputed", description_zh: "对同一事实说法不一的各行共用此键；没有争议时为空"},
  {name: "notes", type: "VARCHAR", description: "curators' notes", description_zh: "整理者的备注"},
  {name: "source_ids", type: "VARCHAR[]", description: "ids of the sources (table sources) the row rests on", description_zh: "该行所依据的来源 id（见 sources 表）"},
  {name: "confidence", type: "VARCHAR", description: "high, medium or low (see the methods)", description_zh: "可信度：high（高）、medium（中）或 low（低），见方法说明"},
  {name: "source_row", type: "VARCHAR", description: "file and line of the curated row, e.g. data/models.csv:12", description_zh: "该行在整理文件中的文件名与行号，如 data/models.csv:12"}
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
