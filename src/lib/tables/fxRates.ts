/** Exchange rates used to convert amounts to USD, each with its source. */
import {sourceRow, type PublishedTable} from "./common.js";

export const fxRates: PublishedTable = {
  name: "fx_rates",
  title: "Exchange rates",
  description: "Monthly and annual average USD exchange rates (Federal Reserve H.10 / G.5A via FRED).",
  key: ["currency", "period"],
  inputs: ["data/fx_rates.csv"],
  columns: [
    {name: "id", type: "VARCHAR", description: "row id, cited by funding_rounds.*_fx_rate_id"},
    {name: "period", type: "VARCHAR", description: "YYYY (annual average) or YYYY-MM (monthly average)"},
    {name: "currency", type: "VARCHAR", description: "CNY or HKD"},
    {name: "units_per_usd", type: "DOUBLE", description: "units of the currency per US dollar; USD = amount ÷ units_per_usd", unit: "currency per USD"},
    {name: "kind", type: "VARCHAR", description: "annual_avg or monthly_avg"},
    {name: "status", type: "VARCHAR", description: "read (copied from the series), derived (mean of daily rates) or partial (incomplete period)"},
    {name: "source_ids", type: "VARCHAR[]", description: "ids of the sources"},
    {name: "source_row", type: "VARCHAR", description: "file and line of the curated row"}
  ],
  build(dataset) {
    return dataset.fx_rates.map((r) => ({
      id: r.id,
      period: r.period,
      currency: r.currency,
      units_per_usd: r.units_per_usd,
      kind: r.kind,
      status: r.status,
      source_ids: r.source_ids,
      source_row: sourceRow(r)
    }));
  }
};
