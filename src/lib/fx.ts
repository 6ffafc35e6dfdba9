/**
 * Conversion of reported amounts to US dollars with the rates in `data/fx_rates.csv`.
 *
 * The rate follows the precision of the date: a dated or month-dated round uses that month's average, a round
 * known only by year uses the year's average. When the wanted period is missing (typically a round after the last
 * published month) the nearest earlier month stands in and the result says so (`nearest_monthly`); a later month is
 * never used, because it would depend on events after the round. Only a month before the whole monthly series
 * falls back to its year's average, rather than failing. Rate selection is explicit and returned with its
 * id so every converted figure can be traced to one row of the rate table.
 *
 * Runs in Node and the browser: no Node-only APIs.
 */
import type {Currency, ParsedAmount} from "./amounts.js";
import type {FuzzyDate} from "./dates.js";

export type FxRate = {
  period: string;
  currency: "CNY" | "HKD";
  units_per_usd: number;
  kind: "annual_avg" | "monthly_avg";
  status: string;
  id: string;
};

/** How the rate was chosen; `identity` is the rate of 1 used for amounts already in USD. */
export type FxBasis = "monthly_avg" | "annual_avg" | "nearest_monthly" | "identity";

export type FxChoice = {rate: number; rateId: string; period: string; basis: FxBasis};

export type FxTable = {
  rateFor(currency: Currency, date: FuzzyDate): FxChoice;
};

export type UsdAmount = {low: number | null; high: number | null; mid: number | null};

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const YEAR = /^\d{4}$/;

/** Indexes the rates; throws on a malformed or duplicated rate so a bad rate table never converts silently. */
export function makeFxTable(rates: FxRate[]): FxTable {
  const monthly = new Map<string, Map<string, FxRate>>();
  const annual = new Map<string, Map<string, FxRate>>();
  for (const rate of rates) {
    const where = `fx rate ${JSON.stringify(rate.id)}`;
    if (!(rate.units_per_usd > 0) || !Number.isFinite(rate.units_per_usd)) {
      throw new Error(`${where}: units_per_usd must be a positive number, got ${rate.units_per_usd}`);
    }
    const pattern = rate.kind === "monthly_avg" ? MONTH : YEAR;
    if (!pattern.test(rate.period)) {
      const expected = rate.kind === "monthly_avg" ? "YYYY-MM" : "YYYY";
      throw new Error(`${where}: a ${rate.kind} period must be ${expected}, got ${JSON.stringify(rate.period)}`);
    }
    const index = rate.kind === "monthly_avg" ? monthly : annual;
    const byPeriod = index.get(rate.currency) ?? new Map<string, FxRate>();
    index.set(rate.currency, byPeriod);
    const existing = byPeriod.get(rate.period);
    if (existing) {
      const also = `(also ${existing.id})`;
      throw new Error(`${where}: duplicate ${rate.kind} ${rate.currency} rate for ${rate.period} ${also}`);
    }
    byPeriod.set(rate.period, rate);
  }
  // Sorted once so the nearest-earlier search is a scan of a short list.
  const monthsByCurrency = new Map<string, FxRate[]>(
    [...monthly].map(([currency, byPeriod]) => [
      currency,
      [...byPeriod.values()].sort((a, b) => (a.period < b.period ? -1 : 1))
    ])
  );

  const choice = (rate: FxRate, basis: FxBasis): FxChoice => ({
    rate: rate.units_per_usd,
    rateId: rate.id,
    period: rate.period,
    basis
  });

  // The latest monthly rate whose period is at or before `lastMonth` (periods are YYYY-MM, so strings compare).
  const nearestEarlierMonth = (currency: string, lastMonth: string): FxRate | undefined => {
    const months = monthsByCurrency.get(currency) ?? [];
    let found: FxRate | undefined;
    for (const rate of months) {
      if (rate.period > lastMonth) break;
      found = rate;
    }
    return found;
  };

  return {
    rateFor(currency, date) {
      const year = date.date.slice(0, 4);
      const month = date.date.slice(0, 7);
      if (currency === "USD") {
        return {rate: 1, rateId: "usd", period: date.precision === "year" ? year : month, basis: "identity"};
      }
      if (date.precision === "year") {
        const yearly = annual.get(currency)?.get(year);
        if (yearly) return choice(yearly, "annual_avg");
        // "Earlier" here means not after the year: the latest month of that year stands in for a year to date.
        const nearest = nearestEarlierMonth(currency, `${year}-12`);
        if (nearest) return choice(nearest, "nearest_monthly");
        throw new Error(`no ${currency} rate for ${year}: no annual average and no monthly average up to ${year}-12`);
      }
      const exact = monthly.get(currency)?.get(month);
      if (exact) return choice(exact, "monthly_avg");
      const nearest = nearestEarlierMonth(currency, month);
      if (nearest) return choice(nearest, "nearest_monthly");
      // Only before the monthly series starts: the year's average beats refusing an early round outright.
      const yearly = annual.get(currency)?.get(year);
      if (yearly) return choice(yearly, "annual_avg");
      throw new Error(
        `no ${currency} rate for ${date.raw || date.date}: ` +
          `no monthly average for ${month} or any earlier month, and no annual average for ${year}`
      );
    }
  };
}

/** Converts a parsed amount in millions of local currency to millions of USD (USD = local ÷ units per USD). */
export function toUsd(amount: ParsedAmount, rate: number): UsdAmount {
  if (!(rate > 0) || !Number.isFinite(rate)) throw new Error(`toUsd: rate must be a positive number, got ${rate}`);
  const convert = (v: number | null) => (v === null ? null : v / rate);
  return {low: convert(amount.low), high: convert(amount.high), mid: convert(amount.mid)};
}
