import {describe, expect, test} from "vitest";
import {
  dayNumber,
  daysBetween,
  isAfter,
  isoFromDayNumber,
  parseFuzzyDate,
  periodEnd,
  type FuzzyDate
} from "../../src/lib/dates.js";

const EXPECTED = `(expected YYYY, YYYY-MM or YYYY-MM-DD, optionally followed by " (approx.)")`;

function parsed(text: string): FuzzyDate {
  const d = parseFuzzyDate(text);
  if (d === null) throw new Error(`expected a date for ${text}`);
  return d;
}

describe("parseFuzzyDate", () => {
  test('parseFuzzyDate("2024-05-17") has day precision', () => {
    expect(parseFuzzyDate("2024-05-17")).toEqual({
      date: "2024-05-17",
      precision: "day",
      approx: false,
      raw: "2024-05-17"
    });
  });

  test('parseFuzzyDate("2023-10") is the first of the month with month precision', () => {
    expect(parseFuzzyDate("2023-10")).toEqual({date: "2023-10-01", precision: "month", approx: false, raw: "2023-10"});
  });

  test('parseFuzzyDate("2019") is 1 January with year precision', () => {
    expect(parseFuzzyDate("2019")).toEqual({date: "2019-01-01", precision: "year", approx: false, raw: "2019"});
  });

  test('parseFuzzyDate("2023-04 (approx.)") is approximate', () => {
    expect(parseFuzzyDate("2023-04 (approx.)")).toEqual({
      date: "2023-04-01",
      precision: "month",
      approx: true,
      raw: "2023-04 (approx.)"
    });
    expect(parsed("2021 (approx.)")).toMatchObject({precision: "year", approx: true});
    expect(parsed("2024-02-29 (approx.)")).toMatchObject({date: "2024-02-29", precision: "day", approx: true});
  });

  test('parseFuzzyDate("") and parseFuzzyDate("  ") are null', () => {
    expect(parseFuzzyDate("")).toBeNull();
    expect(parseFuzzyDate("  ")).toBeNull();
  });

  test('parseFuzzyDate(" 2024-05 ") ignores surrounding spaces', () => {
    expect(parsed(" 2024-05 ")).toMatchObject({date: "2024-05-01", raw: "2024-05"});
  });

  test('parseFuzzyDate("2024-02-29") accepts a leap day, "2000-02-29" too', () => {
    expect(parsed("2024-02-29").date).toBe("2024-02-29");
    expect(parsed("2000-02-29").date).toBe("2000-02-29");
  });

  test('parseFuzzyDate("2024-13") throws naming the value and the expected forms', () => {
    expect(() => parseFuzzyDate("2024-13")).toThrow(/^invalid date: "2024-13" \(/);
    expect(() => parseFuzzyDate("2024-13")).toThrow(`expected YYYY, YYYY-MM or YYYY-MM-DD`);
  });

  test('parseFuzzyDate("2023-02-30") throws', () => {
    expect(() => parseFuzzyDate("2023-02-30")).toThrow(/^invalid date: "2023-02-30"/);
  });

  test('parseFuzzyDate("2023-02-29") and "1900-02-29" throw (not leap years)', () => {
    expect(() => parseFuzzyDate("2023-02-29")).toThrow(/invalid date/);
    expect(() => parseFuzzyDate("1900-02-29")).toThrow(/invalid date/);
  });

  test('parseFuzzyDate("2024/05") throws with the exact message', () => {
    expect(() => parseFuzzyDate("2024/05")).toThrow(`invalid date: "2024/05" ${EXPECTED}`);
  });

  test.each([
    "mid-2024",
    "2024-5",
    "2024-05-1",
    "24-05",
    "2024-00",
    "2024-04-31",
    "2024-05-00",
    "2024-05 (approx)",
    "2024-05(approx.)",
    "2024-05 approx.",
    "May 2024",
    "2024-05-17T00:00"
  ])("parseFuzzyDate(%j) throws", (text) => {
    expect(() => parseFuzzyDate(text)).toThrow(/^invalid date: /);
  });
});

describe("periodEnd", () => {
  test("periodEnd(day) is the day itself", () => {
    expect(periodEnd(parsed("2024-05-17"))).toBe("2024-05-17");
  });

  test("periodEnd(month) is the last day of the month, leap years included", () => {
    expect(periodEnd(parsed("2024-02"))).toBe("2024-02-29");
    expect(periodEnd(parsed("2023-02"))).toBe("2023-02-28");
    expect(periodEnd(parsed("2023-04 (approx.)"))).toBe("2023-04-30");
    expect(periodEnd(parsed("2023-12"))).toBe("2023-12-31");
  });

  test("periodEnd(year) is 31 December", () => {
    expect(periodEnd(parsed("2019"))).toBe("2019-12-31");
  });
});

describe("daysBetween", () => {
  test('daysBetween("2023-02-24", "2025-01-23") is 699', () => {
    expect(daysBetween("2023-02-24", "2025-01-23")).toBe(699);
  });

  test("daysBetween(a, b) is negative when b is earlier and 0 for the same day", () => {
    expect(daysBetween("2024-03-01", "2024-02-28")).toBe(-2);
    expect(daysBetween("2024-03-01", "2024-03-01")).toBe(0);
  });

  test("daysBetween across a leap year counts 366 days", () => {
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366);
    expect(daysBetween("2023-01-01", "2024-01-01")).toBe(365);
  });

  test("daysBetween(non-ISO) throws", () => {
    expect(() => daysBetween("2024-05", "2024-06-01")).toThrow(/invalid ISO date: "2024-05"/);
    expect(() => daysBetween("2024-02-30", "2024-06-01")).toThrow(/invalid ISO date/);
  });
});

describe("isAfter", () => {
  test("isAfter(iso, limit) is strict", () => {
    expect(isAfter("2025-01-24", "2025-01-23")).toBe(true);
    expect(isAfter("2025-01-23", "2025-01-23")).toBe(false);
    expect(isAfter("2024-12-31", "2025-01-23")).toBe(false);
  });
});

describe("dayNumber", () => {
  test('dayNumber("1970-01-01") is 0 and agrees with Date.UTC', () => {
    expect(dayNumber("1970-01-01")).toBe(0);
    for (const iso of ["1969-12-31", "2000-02-29", "2023-02-24", "2100-03-01"]) {
      const [y, m, d] = iso.split("-").map(Number);
      expect(dayNumber(iso)).toBe(Date.UTC(y, m - 1, d) / 86_400_000);
    }
  });

  test("isoFromDayNumber(dayNumber(iso)) round-trips every day of 2023-2025", () => {
    const start = dayNumber("2023-01-01");
    for (let k = start; k < start + 3 * 366; k++) expect(dayNumber(isoFromDayNumber(k))).toBe(k);
    expect(isoFromDayNumber(dayNumber("2024-02-29"))).toBe("2024-02-29");
  });
});
