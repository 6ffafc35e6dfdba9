/**
 * Readers for loosely typed table cells, and the day arithmetic charts do with dates. Rows come from Parquet
 * in the browser (Dates, arrays, BigInts) and from hand-made objects in tests and notebooks (ISO strings,
 * `;`-separated lists, blanks), so every reader here takes either and returns null or [] for what it cannot
 * read, rather than an Invalid Date or NaN that would slip into a scale.
 */
import {formatDateText, formatDay, type Lang} from "./i18n.js";

/**
 * A valid Date from a Date, an ISO string or epoch milliseconds; null otherwise (blank, unparseable, Invalid
 * Date). A bare ISO day ("2024-07-19") is midnight UTC, as JavaScript parses date-only forms.
 */
export function asDate(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === "string" || typeof value === "number") {
    if (value === "") return null;
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return null;
}

/** A finite number, or null (blank cells, NaN, strings). BigInts from INTEGER columns are converted. */
export function asNumber(value: unknown): number | null {
  if (typeof value === "bigint") return Number(value);
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** A list cell as strings: arrays from Parquet, or a `;`-separated string from CSV-shaped rows. */
export function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string" && v.trim() !== "").map((v) => v.trim());
  if (typeof value === "string") return value.split(";").map((v) => v.trim()).filter(Boolean);
  return [];
}

/** ISO `YYYY-MM-DD` of a date, in UTC (the tables' dates are UTC days). */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The date as the source gave it ("2024-07", "2026 (approx.)"), falling back to the day, or "undated"; on a
 * Chinese page "2024年7月", "约2026年", "2024年7月19日", "日期不详".
 */
export function formatDate(date: unknown, raw?: string | null, lang: Lang = "en"): string {
  if (raw) return formatDateText(raw, lang);
  const d = asDate(date);
  return d ? formatDay(d, lang) : lang === "zh" ? "日期不详" : "undated";
}

/**
 * A comparator ordering rows by a date cell, then by id, so tables and drawing order are the same on every
 * render. Undated rows come first (as the epoch).
 */
export function byDateThenId<R extends {id: string}>(dateOf: (row: R) => unknown): (a: R, b: R) => number {
  return (a, b) => +(asDate(dateOf(a)) ?? 0) - +(asDate(dateOf(b)) ?? 0) || a.id.localeCompare(b.id);
}

export const DAY_MS = 86_400_000;

/** Whole days from a to b, rounded to the nearest (times of day need not be midnight). */
export function daysFrom(a: Date, b: Date): number {
  return Math.round((+b - +a) / DAY_MS);
}
