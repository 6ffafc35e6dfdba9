/** Exchange rates used to convert amounts to USD, each with its source. */
import {sourceRow, type PublishedTable} from "./common.js";

export const fxRates: PublishedTable = {
  name: "fx_rates",
  title: "Exchange rates",
  title_zh: "汇率",
  description: "Monthly and annual average USD exchange rates (Federal Reserve H.10 / G.5A via FRED).",
  description_zh: "美元月度和年度平均汇率（美联储 H.10 / G.5A，经由 FRED）。",
  key: ["currency", "period"],
  inputs: ["data/fx_rates.csv"],
  columns: [
    {name: "id", type: "VARCHAR", description: "row id, cited by funding_rounds.*_fx_rate_id", description_zh: "行 id，供 funding_rounds.*_fx_rate_id 引用"},
    {name: "period", type: "VARCHAR", description: "YYYY (annual average) or YYYY-MM (monthly average)", description_zh: "YYYY（年度平均）或 YYYY-MM（月度平均）"},
    {name: "currency", type: "VARCHAR", description: "CNY or HKD", description_zh: "CNY 或 HKD"},
    {name: "units_per_usd", type: "DOUBLE", description: "units of the currency per US dollar; USD = amount ÷ units_per_usd", description_zh: "每 1 美元兑该币种的数额；美元金额 = 原币金额 ÷ units_per_usd", unit: "currency per USD"},
    {name: "kind", type: "VARCHAR", description: "annual_avg or monthly_avg", description_zh: "annual_avg（年度平均）或 monthly_avg（月度平均）"},
    {name: "status", type: "VARCHAR", description: "read (copied from the series), derived (mean of daily rates) or partial (incomplete period)", description_zh: "read（照抄原序列）、derived（由日汇率求平均）或 partial（期间不完整）"},
    {name: "source_ids", type: "VARCHAR[]", description: "ids of the sources", description_zh: "来源 id"},
    {name: "source_row", type: "VARCHAR", description: "file and line of the curated row", description_zh: "该行在整理文件中的文件名与行号"}
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
