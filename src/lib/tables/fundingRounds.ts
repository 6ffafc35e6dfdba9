/**
 * Funding rounds with amounts parsed into bounds (original currency and USD) and the rate used, so every
 * converted number traces back to one row of fx_rates. `kind` separates financings from IPOs, reported
 * totals and rounds still in progress: `counted` says which rows enter totals (see derive/rounds.ts).
 */
import type {ParsedAmount} from "../amounts.js";
import type {Dataset} from "../dataset.js";
import type {FuzzyDate} from "../dates.js";
import {countedRounds, foundingNote, type Founding} from "../derive/rounds.js";
import {toUsd, type FxChoice} from "../fx.js";
import {dateColumns, dateValues, provenance, PROVENANCE_COLUMNS, type PublishedColumn, type PublishedTable} from "./common.js";

function moneyColumns(prefix: "amount" | "valuation", what: string): PublishedColumn[] {
  return [
    {name: `${prefix}_kind`, type: "VARCHAR", description: `how the ${what} was reported: exact, approx, lower_bound, upper_bound, vague, undisclosed or blank`},
    {name: `${prefix}_rule`, type: "VARCHAR", description: `the bounding rule applied to the reported ${what} (see the methods)`},
    {name: `${prefix}_is_estimate`, type: "BOOLEAN", description: `true when ${prefix}_mid is a point estimate from a bound or a vague report, not a reported figure`},
    {name: `${prefix}_low`, type: "DOUBLE", description: `lower bound of the ${what} in the original currency`, unit: "millions of original currency"},
    {name: `${prefix}_high`, type: "DOUBLE", description: `upper bound of the ${what} in the original currency`, unit: "millions of original currency"},
    {name: `${prefix}_mid`, type: "DOUBLE", description: `point estimate of the ${what} in the original currency`, unit: "millions of original currency"},
    {name: `${prefix}_fx_rate`, type: "DOUBLE", description: `units of the original currency per USD used for the ${what}`, unit: "currency per USD"},
    {name: `${prefix}_fx_rate_id`, type: "VARCHAR", description: `id of the fx_rates row used (usd for amounts already in USD)`},
    {name: `${prefix}_fx_basis`, type: "VARCHAR", description: "monthly_avg, annual_avg, nearest_monthly (latest earlier month) or identity (USD)"},
    {name: `${prefix}_usd_low`, type: "DOUBLE", description: `lower bound of the ${what} in USD`, unit: "USD millions"},
    {name: `${prefix}_usd_high`, type: "DOUBLE", description: `upper bound of the ${what} in USD`, unit: "USD millions"},
    {name: `${prefix}_usd_mid`, type: "DOUBLE", description: `point estimate of the ${what} in USD`, unit: "USD millions"}
  ];
}

function moneyValues(prefix: "amount" | "valuation", amount: ParsedAmount, date: FuzzyDate, dataset: Dataset) {
  let fx: FxChoice | null = null;
  if (amount.currency && amount.low !== null) fx = dataset.fx.rateFor(amount.currency, date);
  const usd = fx ? toUsd(amount, fx.rate) : {low: null, high: null, mid: null};
  return {
    [`${prefix}_kind`]: amount.kind,
    [`${prefix}_rule`]: amount.rule || null,
    [`${prefix}_is_estimate`]: amount.mid === null ? null : amount.kind !== "exact",
    [`${prefix}_low`]: amount.low,
    [`${prefix}_high`]: amount.high,
    [`${prefix}_mid`]: amount.mid,
    [`${prefix}_fx_rate`]: fx?.rate ?? null,
    [`${prefix}_fx_rate_id`]: fx?.rateId ?? null,
    [`${prefix}_fx_basis`]: fx?.basis ?? null,
    [`${prefix}_usd_low`]: usd.low,
    [`${prefix}_usd_high`]: usd.high,
    [`${prefix}_usd_mid`]: usd.mid
  };
}

export const fundingRounds: PublishedTable = {
  name: "funding_rounds",
  title: "Funding rounds",
  description:
    "Financings, IPOs, reported totals and rounds in progress, with the amount and valuation as reported and " +
    "parsed into bounds in the original currency and in USD.",
  key: ["company_id", "date", "id"],
  inputs: ["data/funding_rounds.csv", "data/fx_rates.csv"],
  columns: [
    {name: "id", type: "VARCHAR", description: "row id"},
    {name: "company_id", type: "VARCHAR", description: "company id (table companies)"},
    ...dateColumns("date", "date of the round or its announcement"),
    {name: "kind", type: "VARCHAR", description: "round, ipo, cumulative (a reported total), in_progress or disclosure"},
    {name: "round", type: "VARCHAR", description: "round label as reported (angel, Series B, Pre-B++ …)"},
    {name: "amount_reported", type: "VARCHAR", description: "the amount exactly as reported"},
    {name: "currency", type: "VARCHAR", description: "currency of the amount: CNY, USD or HKD"},
    ...moneyColumns("amount", "amount raised"),
    {name: "lead_investors", type: "VARCHAR[]", description: "lead investors"},
    {name: "investors", type: "VARCHAR[]", description: "other named investors"},
    {name: "valuation_reported", type: "VARCHAR", description: "the valuation exactly as reported"},
    {name: "valuation_currency", type: "VARCHAR", description: "currency of the valuation"},
    {name: "valuation_basis", type: "VARCHAR", description: "pre, post or unspecified (money)"},
    ...moneyColumns("valuation", "valuation"),
    {name: "cap_note", type: "VARCHAR", description: "why the context caps a vague amount or valuation below what the bounding rule gives; blank when no cap"},
    {name: "date_note", type: "VARCHAR", description: "set when the round is dated before the company's founding date; says which reported founding dates would fit"},
    {name: "counted", type: "BOOLEAN", description: "true when the row enters funding totals: a financing round, and the preferred report where several report the same round"},
    {name: "counted_note", type: "VARCHAR", description: "why the row is left out of funding totals; blank when counted"},
    ...PROVENANCE_COLUMNS
  ],
  build(dataset) {
    const founding = new Map<string, Founding>();
    for (const c of dataset.companies) {
      const f = founding.get(c.company_id) ?? {primary: null, variants: []};
      if (c.row_type === "primary") f.primary = c.founded;
      else if (c.founded) f.variants.push(c.founded);
      founding.set(c.company_id, f);
    }
    const rows = dataset.funding_rounds.map((r) => {
      const {amount, valuation} = dataset.amounts.get(r.id)!;
      return {
        id: r.id,
        company_id: r.company_id,
        ...dateValues("date", r.date),
        kind: r.kind,
        round: r.round,
        amount_reported: r.amount_reported,
        currency: amount.currency ?? r.currency,
        ...moneyValues("amount", amount, r.date!, dataset),
        lead_investors: r.lead_investors,
        investors: r.investors,
        valuation_reported: r.valuation_reported,
        valuation_currency: valuation.currency ?? r.valuation_currency,
        valuation_basis: r.valuation_basis,
        ...moneyValues("valuation", valuation, r.date!, dataset),
        cap_note: r.cap_note,
        date_note: foundingNote(r.date, founding.get(r.company_id)),
        ...provenance(r)
      };
    });
    const marks = countedRounds(rows);
    // Keep the declared column order: the mark goes before the provenance columns.
    return rows.map(({conflict_key, notes, source_ids, confidence, source_row, ...rest}) => ({...rest, ...marks.get(rest.id)!, conflict_key, notes, source_ids, confidence, source_row}));
  }
};
