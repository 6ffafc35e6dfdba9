/**
 * How the grid (dataTable.ts) shows one value: numbers grouped in the page's language, dates as days, lists as
 * items, NULL as its own kind, so a reader never mistakes a missing value for an empty string or a zero. The text
 * is for reading; downloads keep the values as they are (toCsv, resultToParquet).
 */
import {HTML_LANG, numberFormat, type Lang} from "./i18n.js";

export type CellKind = "null" | "number" | "date" | "list" | "boolean" | "text";

export interface CellText {
  kind: CellKind;
  /** The value as one line of text (a list's items joined with "; "). */
  text: string;
  /** A list's items, each as text. */
  items?: string[];
}

/** Columns whose numbers are labels, not quantities: a year reads 2024, not 2,024 (also `year(release_date)`). */
const UNGROUPED = /year|(^|_)(yr|id|rank|version)$/i;

function gridFormat(lang: Lang, grouped: boolean, small: boolean): Intl.NumberFormat {
  return numberFormat(`grid:${lang}:${grouped}:${small}`, () =>
    new Intl.NumberFormat(HTML_LANG[lang], small ? {maximumSignificantDigits: 3} : {maximumFractionDigits: 3, useGrouping: grouped})
  );
}

/**
 * Makes the grid's number formats for `lang` now. The first Intl formatter a page makes loads the language's
 * number data: about 50 ms on a phone, which would otherwise fall inside the task that draws the first table.
 * Pages call it, in a task of its own, while they wait for their tables (pages/load.ts).
 */
export function prepareNumberFormats(lang: Lang): void {
  for (const grouped of [true, false]) gridFormat(lang, grouped, false);
}

/**
 * A number as the grid shows it: grouped thousands and at most three decimals; a number nearer zero than 0.001
 * keeps three significant digits rather than reading 0.
 */
export function numberText(value: number | bigint, column = "", lang: Lang = "en"): string {
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  const small = typeof value === "number" && value !== 0 && Math.abs(value) < 0.001;
  return gridFormat(lang, !UNGROUPED.test(column), small).format(value);
}

/** A date as an ISO day, with the time of day only when it has one (UTC, as the tables are). */
export function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return "Invalid Date";
  const iso = date.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** Names of columns that hold source ids, whose items link to the source registry. */
export const isSourceColumn = (column: string) => /(^|_)source_ids?$/.test(column);

export function cellText(value: unknown, column = "", lang: Lang = "en"): CellText {
  if (value === null || value === undefined) return {kind: "null", text: "NULL"};
  if (typeof value === "number" || typeof value === "bigint") return {kind: "number", text: numberText(value, column, lang)};
  if (value instanceof Date) return {kind: "date", text: dateText(value)};
  if (typeof value === "boolean") return {kind: "boolean", text: String(value)};
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    const items = Array.from(value as ArrayLike<unknown>, (item) => (item === null || item === undefined ? "NULL" : cellText(item, "", lang).text));
    return {kind: "list", text: items.join("; "), items};
  }
  if (typeof value === "string") {
    // Rows shaped like the CSVs carry source ids as one "a;b" string; they read as the list they are.
    if (isSourceColumn(column) && value.includes(";")) {
      const items = value.split(";").map((v) => v.trim()).filter(Boolean);
      return {kind: "list", text: items.join("; "), items};
    }
    return {kind: "text", text: value};
  }
  if (typeof value === "object") {
    try {
      return {kind: "text", text: JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? v.toString() : v))};
    } catch {
      return {kind: "text", text: String(value)};
    }
  }
  return {kind: "text", text: String(value)};
}
