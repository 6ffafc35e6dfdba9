/** funding_steps: the cumulative disclosed-funding line of each company (see derive/companies.ts). */
import {fundingSteps as steps} from "../derive/companies.js";
import {usdColumn as usd, type PublishedTable} from "./common.js";

export const fundingSteps: PublishedTable = {
  name: "funding_steps",
  title: "Cumulative funding steps",
  description:
    "One row per counted, dated financing round, in date order per company, with running totals of the bounds; " +
    "an undisclosed round is a step that leaves the totals unchanged. Computed by the build from funding_rounds.",
  key: ["company_id", "step"],
  inputs: ["data/funding_rounds.csv", "data/fx_rates.csv"],
  derived: true,
  columns: [
    {name: "company_id", type: "VARCHAR", description: "company id"},
    {name: "round_id", type: "VARCHAR", description: "funding_rounds row"},
    {name: "step", type: "INTEGER", description: "1 for the company's first counted round, then 2, 3 … in date order (then id)"},
    {name: "date", type: "DATE", description: "date of the round (first day of the period)"},
    {name: "date_raw", type: "VARCHAR", description: "date as written"},
    {name: "round", type: "VARCHAR", description: "round label as reported"},
    {name: "amount_reported", type: "VARCHAR", description: "the amount exactly as reported"},
    {name: "disclosed", type: "BOOLEAN", description: "true when the amount was disclosed"},
    usd("amount_usd_low", "the round's amount, lower bound; blank when undisclosed"),
    usd("amount_usd_mid", "the round's amount, point estimate"),
    usd("amount_usd_high", "the round's amount, upper bound"),
    usd("cum_usd_low", "running total after this round, lower bound"),
    usd("cum_usd_mid", "running total after this round, point estimate"),
    usd("cum_usd_high", "running total after this round, upper bound"),
    {name: "conflict_key", type: "VARCHAR", description: "conflict_key of the round, when its report is disputed"},
    {name: "source_ids", type: "VARCHAR[]", description: "sources of the round"}
  ],
  build(_dataset, tables) {
    return steps(tables("funding_rounds"));
  }
};
