/** company_summary: one row per company with the facts every page quotes (see derive/companies.ts). */
import {companySummary as summarise} from "../derive/companies.js";
import {usdColumn as usd, type PublishedTable} from "./common.js";

export const companySummary: PublishedTable = {
  name: "company_summary",
  title: "Company summary",
  description:
    "One row per company: disclosed funding (counted rounds only), the latest valuation, the current course, the " +
    "listing and model releases, with the order and colour every chart uses. Computed by the build from the other tables.",
  key: ["display_order"],
  inputs: ["data/companies.csv", "data/funding_rounds.csv", "data/events.csv", "data/models.csv", "data/financials.csv", "data/fx_rates.csv"],
  derived: true,
  columns: [
    {name: "company_id", type: "VARCHAR", description: "company id (table companies)"},
    {name: "name_en", type: "VARCHAR", description: "English name"},
    {name: "name_zh", type: "VARCHAR", description: "Chinese name"},
    {name: "short_en", type: "VARCHAR", description: "short English name for charts"},
    {name: "short_zh", type: "VARCHAR", description: "short Chinese name for charts"},
    {name: "label", type: "VARCHAR", description: "chart label: short Chinese and English name (one name when they are the same)"},
    {name: "group", type: "VARCHAR", description: "six_tigers, edge (ModelBest) or comparator"},
    {name: "display_order", type: "INTEGER", description: "the order of companies in every chart and table: group, then the order of data/companies.csv"},
    {name: "color", type: "VARCHAR", description: "the company's colour in every chart (#rrggbb, from data/companies.csv)"},
    {name: "founded", type: "DATE", description: "founding date of the primary row (first day of the period)"},
    {name: "founded_raw", type: "VARCHAR", description: "founding date as written"},
    {name: "course", type: "VARCHAR", description: "current course (pretraining, apps, medical, edge, listed), set by the latest event that sets one"},
    {name: "course_event_id", type: "VARCHAR", description: "id of the events row that set the course"},
    {name: "course_date", type: "DATE", description: "date of that event"},
    {name: "course_date_raw", type: "VARCHAR", description: "date of that event as written"},
    {name: "course_title", type: "VARCHAR", description: "what happened, in one line"},
    {name: "course_source_ids", type: "VARCHAR[]", description: "sources of the course-setting event"},
    usd("funding_usd_low", "disclosed funding, lower bound: sum over counted rounds with a disclosed amount; blank when none"),
    usd("funding_usd_mid", "disclosed funding, point estimate"),
    usd("funding_usd_high", "disclosed funding, upper bound"),
    {name: "rounds_counted", type: "INTEGER", description: "counted financing rounds with a disclosed amount", unit: "rounds"},
    {name: "rounds_undisclosed", type: "INTEGER", description: "counted financing rounds whose amount was not disclosed", unit: "rounds"},
    {name: "rounds_superseded", type: "INTEGER", description: "financing rows left out as another report of a round already counted", unit: "rounds"},
    {name: "rounds_undated", type: "INTEGER", description: "counted rounds without a date, which funding_steps cannot place", unit: "rounds"},
    {name: "funding_total_round_id", type: "VARCHAR", description: "the reported total (a cumulative funding_rounds row) the counted rounds are held against: the most confident one dated after the last counted round"},
    {name: "funding_total_reported", type: "VARCHAR", description: "that total as reported"},
    {name: "funding_total_check", type: "VARCHAR", description: "agrees when the sum of the counted rounds and the reported total overlap, disagrees otherwise; blank when there is no total to hold them against"},
    {name: "funding_total_note", type: "VARCHAR", description: "the two ranges compared, in the total's currency when every round is in it"},
    usd("valuation_usd_low", "latest reported valuation, lower bound"),
    usd("valuation_usd_mid", "latest reported valuation, point estimate"),
    usd("valuation_usd_high", "latest reported valuation, upper bound"),
    {name: "valuation_round_id", type: "VARCHAR", description: "funding_rounds row the valuation comes from"},
    {name: "valuation_date", type: "DATE", description: "date of that row"},
    {name: "valuation_date_raw", type: "VARCHAR", description: "date of that row as written"},
    {name: "valuation_reported", type: "VARCHAR", description: "the valuation as reported"},
    {name: "valuation_row_kind", type: "VARCHAR", description: "kind of that row (round, ipo, disclosure, in_progress)"},
    {name: "valuation_conflict_key", type: "VARCHAR", description: "conflict_key of that row, when its report is disputed"},
    {name: "listing_event_id", type: "VARCHAR", description: "the ipo_listing event, when the company is listed"},
    {name: "listing_date", type: "DATE", description: "listing date"},
    {name: "listing_date_raw", type: "VARCHAR", description: "listing date as written"},
    {name: "models_released", type: "INTEGER", description: "model releases in the models table (a model reported twice counts once)", unit: "models"},
    {name: "results_period", type: "VARCHAR", description: "the latest full fiscal year with reported revenue (table financials, preferred rows)"},
    {name: "results_financial_id", type: "VARCHAR", description: "financials row of that year"},
    {name: "results_basis", type: "VARCHAR", description: "basis of that row: annual_results, prospectus, interim_results or press (relayed, not a filing)"},
    {name: "results_confidence", type: "VARCHAR", description: "confidence of that row"},
    usd("revenue_usd_m", "revenue in that year, in USD at the year's average rate"),
    usd("net_loss_usd_m", "net loss in that year (a loss is positive), in USD"),
    {name: "source_ids", type: "VARCHAR[]", description: "sources of the counted rounds, the valuation row, the reported total and the results year"}
  ],
  build(_dataset, tables) {
    return summarise({companies: tables("companies"), rounds: tables("funding_rounds"), events: tables("events"), models: tables("models"), financials: tables("financials")});
  }
};
