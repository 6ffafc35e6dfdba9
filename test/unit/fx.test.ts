import {describe, expect, test} from "vitest";
import {parseAmount} from "../../src/lib/amounts.js";
import {parseFuzzyDate, type FuzzyDate} from "../../src/lib/dates.js";
import {makeFxTable, toUsd, type FxRate} from "../../src/lib/fx.js";

function date(text: string): FuzzyDate {
  const d = parseFuzzyDate(text);
  if (d === null) throw new Error("blank date");
  return d;
}

function rate(currency: "CNY" | "HKD", period: string, units_per_usd: number): FxRate {
  const kind = period.length === 4 ? "annual_avg" : "monthly_avg";
  return {id: `${currency.toLowerCase()}-${period}`, period, currency, units_per_usd, kind, status: "read"};
}

const RATES: FxRate[] = [
  rate("CNY", "2020", 6.9),
  rate("CNY", "2023", 7.08),
  rate("CNY", "2023-06", 7.15),
  rate("CNY", "2023-07", 7.2),
  rate("CNY", "2023-09", 7.3),
  rate("CNY", "2024-12", 7.29),
  rate("HKD", "2024", 7.8),
  rate("HKD", "2025-01", 7.79)
];

const fx = makeFxTable(RATES);

describe("makeFxTable(rates).rateFor", () => {
  test('rateFor("USD", any date) is 1 with id "usd"', () => {
    expect(fx.rateFor("USD", date("2023-06-15"))).toEqual({
      rate: 1,
      rateId: "usd",
      period: "2023-06",
      basis: "identity"
    });
    expect(fx.rateFor("USD", date("1999"))).toEqual({rate: 1, rateId: "usd", period: "1999", basis: "identity"});
  });

  test('rateFor("CNY", day) uses that month\'s average', () => {
    expect(fx.rateFor("CNY", date("2023-06-15"))).toEqual({
      rate: 7.15,
      rateId: "cny-2023-06",
      period: "2023-06",
      basis: "monthly_avg"
    });
  });

  test('rateFor("CNY", month, approx) uses that month\'s average', () => {
    expect(fx.rateFor("CNY", date("2023-07 (approx.)"))).toMatchObject({rate: 7.2, basis: "monthly_avg"});
  });

  test('rateFor("CNY", year) uses that year\'s annual average', () => {
    expect(fx.rateFor("CNY", date("2023"))).toEqual({
      rate: 7.08,
      rateId: "cny-2023",
      period: "2023",
      basis: "annual_avg"
    });
  });

  test('rateFor("CNY", month after the last available) falls back to the latest earlier month', () => {
    expect(fx.rateFor("CNY", date("2025-03-02"))).toEqual({
      rate: 7.29,
      rateId: "cny-2024-12",
      period: "2024-12",
      basis: "nearest_monthly"
    });
  });

  test('rateFor("CNY", month in a gap) uses the nearest earlier month, never a later one', () => {
    // 2023-08 is missing: 2023-07 is earlier, 2023-09 is later and must not be used.
    expect(fx.rateFor("CNY", date("2023-08-31"))).toMatchObject({rateId: "cny-2023-07", basis: "nearest_monthly"});
  });

  test('rateFor("CNY", month before the monthly series) falls back to that year\'s annual average', () => {
    expect(fx.rateFor("CNY", date("2020-05-12"))).toMatchObject({rateId: "cny-2020", basis: "annual_avg"});
  });

  test('rateFor("CNY", year without an annual average) uses the latest month up to that year\'s end', () => {
    expect(fx.rateFor("CNY", date("2024"))).toMatchObject({rateId: "cny-2024-12", basis: "nearest_monthly"});
    expect(fx.rateFor("CNY", date("2025"))).toMatchObject({rateId: "cny-2024-12", basis: "nearest_monthly"});
  });

  test('rateFor("HKD", date) uses HKD rates only', () => {
    expect(fx.rateFor("HKD", date("2024-06-01"))).toMatchObject({rateId: "hkd-2024", basis: "annual_avg"});
    expect(fx.rateFor("HKD", date("2025-02"))).toMatchObject({rateId: "hkd-2025-01", basis: "nearest_monthly"});
  });

  test('rateFor("CNY", date with nothing earlier) throws a clear error', () => {
    expect(() => fx.rateFor("CNY", date("2019-05-01"))).toThrow(
      "no CNY rate for 2019-05-01: no monthly average for 2019-05 or any earlier month, and no annual average for 2019"
    );
    expect(() => fx.rateFor("CNY", date("2019"))).toThrow(/no CNY rate for 2019/);
    expect(() => makeFxTable([]).rateFor("HKD", date("2024-01"))).toThrow(/no HKD rate/);
  });
});

describe("makeFxTable(rates) validation", () => {
  test("makeFxTable(duplicate period) throws", () => {
    expect(() => makeFxTable([rate("CNY", "2023-06", 7.1), {...rate("CNY", "2023-06", 7.2), id: "dup"}])).toThrow(
      /duplicate monthly_avg CNY rate for 2023-06/
    );
  });

  test("makeFxTable(same period in two currencies) is fine", () => {
    expect(() => makeFxTable([rate("CNY", "2023-06", 7.1), rate("HKD", "2023-06", 7.8)])).not.toThrow();
  });

  test("makeFxTable(period that does not match the kind) throws", () => {
    expect(() => makeFxTable([{...rate("CNY", "2023-06", 7.1), kind: "annual_avg"}])).toThrow(/must be YYYY/);
    expect(() => makeFxTable([{...rate("CNY", "2023", 7.1), kind: "monthly_avg"}])).toThrow(/must be YYYY-MM/);
    expect(() => makeFxTable([rate("CNY", "2023-13", 7.1)])).toThrow(/must be YYYY-MM/);
  });

  test("makeFxTable(non-positive rate) throws", () => {
    expect(() => makeFxTable([rate("CNY", "2023", 0)])).toThrow(/positive/);
    expect(() => makeFxTable([rate("CNY", "2023", NaN)])).toThrow(/positive/);
  });
});

describe("toUsd", () => {
  test("toUsd(amount, rate) divides low, high and mid by units per USD", () => {
    const usd = toUsd(parseAmount("超25亿元"), 7.25);
    expect(usd.low).toBeCloseTo(2500 / 7.25, 9);
    expect(usd.high).toBeCloseTo(3750 / 7.25, 9);
    expect(usd.mid).toBeCloseTo(2500 / 7.25, 9);
  });

  test("toUsd(USD amount, 1) is unchanged", () => {
    expect(toUsd(parseAmount("~$400M"), 1)).toEqual({low: 360, high: 440, mid: 400});
  });

  test("toUsd(undisclosed or blank) stays null", () => {
    expect(toUsd(parseAmount("undisclosed"), 7.1)).toEqual({low: null, high: null, mid: null});
    expect(toUsd(parseAmount(""), 7.1)).toEqual({low: null, high: null, mid: null});
  });

  test("toUsd(amount, 0) throws", () => {
    expect(() => toUsd(parseAmount("5亿元"), 0)).toThrow(/positive/);
  });
});
