import {describe, expect, test} from "vitest";
import {asDate, asList, asNumber, byDateThenId, daysFrom, formatDate, isoDay} from "../../src/components/cells.js";
import {utc} from "./chartAssertions.js";

describe("cells", () => {
  test("asDate reads Dates, ISO strings and epoch milliseconds, and nothing else", () => {
    expect(asDate("2024-07-19")!.toISOString()).toBe("2024-07-19T00:00:00.000Z");
    expect(asDate("2024-07-25")).toEqual(utc(2024, 7, 25));
    expect(asDate(Date.UTC(2024, 6, 25))).toEqual(utc(2024, 7, 25));
    const date = utc(2025);
    expect(asDate(date)).toBe(date);
    expect(asDate(null)).toBeNull();
    expect(asDate(undefined)).toBeNull();
    expect(asDate("")).toBeNull();
    expect(asDate("not a date")).toBeNull();
    expect(asDate(new Date(NaN))).toBeNull();
    expect(asDate({})).toBeNull();
  });

  test("cell readers tolerate strings, blanks and bigints", () => {
    expect(asNumber(3n)).toBe(3);
    expect(asNumber(NaN)).toBeNull();
    expect(asNumber("3")).toBeNull();
    expect(asList(["a", " b ", "", 3])).toEqual(["a", "b"]);
    expect(asList("a; b ;")).toEqual(["a", "b"]);
    expect(asList(null)).toEqual([]);
  });

  test("formatDate prefers the date as reported, then the ISO day", () => {
    expect(formatDate(utc(2024, 7, 25))).toBe("2024-07-25");
    expect(formatDate(utc(2024, 7, 25), "2024-07")).toBe("2024-07");
    expect(formatDate(null)).toBe("undated");
  });

  test("isoDay and daysFrom work in UTC days", () => {
    expect(isoDay(new Date("2024-07-25T23:30:00Z"))).toBe("2024-07-25");
    expect(daysFrom(utc(2024, 1, 1), utc(2024, 3, 1))).toBe(60);
    expect(daysFrom(utc(2024, 3, 1), utc(2024, 1, 1))).toBe(-60);
  });

  test("byDateThenId orders by date, then id, with undated rows first", () => {
    const rows = [
      {id: "b", date: "2024-03-01"},
      {id: "a", date: utc(2024, 3, 1)},
      {id: "c", date: "2023-01-01"},
      {id: "d", date: null}
    ];
    expect([...rows].sort(byDateThenId((r) => r.date)).map((r) => r.id)).toEqual(["d", "c", "a", "b"]);
  });
});
