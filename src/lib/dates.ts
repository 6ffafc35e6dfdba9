/**
 * Dates as the sources write them: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, optionally followed by ` (approx.)`.
 *
 * A reported "2023-10" is a month, not the first of October, so the precision travels with the parsed date and
 * `periodEnd` gives the other end of the period for ranges. All arithmetic is on day numbers computed from the
 * civil calendar, never on `Date`, so results cannot depend on the time zone of the machine (or the browser).
 */

export type DatePrecision = "day" | "month" | "year";

export type FuzzyDate = {
  /** ISO `YYYY-MM-DD`, the first day of the period. */
  date: string;
  precision: DatePrecision;
  approx: boolean;
  /** The text as written, without surrounding whitespace. */
  raw: string;
};

const FUZZY_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?( \(approx\.\))?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const EXPECTED = `expected YYYY, YYYY-MM or YYYY-MM-DD, optionally followed by " (approx.)"`;

/** Parses a source date; blank gives `null`, anything else that is not a real date in the allowed forms throws. */
export function parseFuzzyDate(text: string): FuzzyDate | null {
  const raw = text.trim();
  if (raw === "") return null;
  const match = FUZZY_DATE.exec(raw);
  if (!match) throw new Error(`invalid date: ${JSON.stringify(text)} (${EXPECTED})`);
  const [, y, m, d, approx] = match;
  const year = Number(y);
  const month = m === undefined ? 1 : Number(m);
  const day = d === undefined ? 1 : Number(d);
  if (month < 1 || month > 12) {
    throw new Error(`invalid date: ${JSON.stringify(text)} (month ${m} does not exist; ${EXPECTED})`);
  }
  if (day < 1 || day > daysInMonth(year, month)) {
    throw new Error(`invalid date: ${JSON.stringify(text)} (${y}-${m} has no day ${d}; ${EXPECTED})`);
  }
  return {
    date: formatIso(year, month, day),
    precision: d !== undefined ? "day" : m !== undefined ? "month" : "year",
    approx: approx !== undefined,
    raw
  };
}

/** Last day of the period a fuzzy date names (the date itself for day precision). */
export function periodEnd(d: FuzzyDate): string {
  const [year, month, day] = splitIso(d.date);
  if (d.precision === "year") return formatIso(year, 12, 31);
  if (d.precision === "month") return formatIso(year, month, daysInMonth(year, month));
  return formatIso(year, month, day);
}

/** Whole days from `a` to `b` (positive when `b` is later); both must be ISO `YYYY-MM-DD`. */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** True when `iso` is strictly later than `limitIso`. */
export function isAfter(iso: string, limitIso: string): boolean {
  return dayNumber(iso) > dayNumber(limitIso);
}

/** Days since 1970-01-01 of an ISO `YYYY-MM-DD` date (proleptic Gregorian); throws on anything else. */
export function dayNumber(iso: string): number {
  const [year, month, day] = splitIso(iso);
  return daysFromCivil(year, month, day);
}

/** The ISO date of a day number, the inverse of `dayNumber`. */
export function isoFromDayNumber(days: number): string {
  if (!Number.isInteger(days)) throw new Error(`isoFromDayNumber: expected an integer, got ${days}`);
  // Howard Hinnant's civil_from_days.
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return formatIso(era * 400 + yoe + (month <= 2 ? 1 : 0), month, day);
}

function splitIso(iso: string): [number, number, number] {
  const match = ISO_DATE.exec(iso);
  const year = match ? Number(match[1]) : NaN;
  const month = match ? Number(match[2]) : NaN;
  const day = match ? Number(match[3]) : NaN;
  if (!match || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new Error(`invalid ISO date: ${JSON.stringify(iso)} (expected YYYY-MM-DD)`);
  }
  return [year, month, day];
}

// Howard Hinnant's days_from_civil: exact integer arithmetic, no Date and so no time zone.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

function formatIso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
