/**
 * The published tables as files of the built site. Every page that needs data imports from here, so the
 * names in SQL, the Parquet and CSV downloads and the data package stay one list.
 *
 * Each FileAttachment is read through `.href`: a bare `.parquet` attachment would make Framework add
 * implicit Arrow and parquet-wasm imports (a second copy of Arrow on every page); we decode with hyparquet.
 */
import {FileAttachment} from "observablehq:stdlib";

export const PARQUET = {
  sources: FileAttachment("../data/sources.parquet").href,
  companies: FileAttachment("../data/companies.parquet").href,
  funding_rounds: FileAttachment("../data/funding_rounds.parquet").href,
  models: FileAttachment("../data/models.parquet").href,
  events: FileAttachment("../data/events.parquet").href,
  financials: FileAttachment("../data/financials.parquet").href,
  claims: FileAttachment("../data/claims.parquet").href,
  density_points: FileAttachment("../data/density_points.parquet").href,
  density_fit: FileAttachment("../data/density_fit.parquet").href,
  price_points: FileAttachment("../data/price_points.parquet").href,
  fx_rates: FileAttachment("../data/fx_rates.parquet").href,
  company_summary: FileAttachment("../data/company_summary.parquet").href,
  funding_steps: FileAttachment("../data/funding_steps.parquet").href,
  investor_links: FileAttachment("../data/investor_links.parquet").href,
  model_counts: FileAttachment("../data/model_counts.parquet").href
};

export type TableName = keyof typeof PARQUET;

export const CSV: Record<TableName, string> = {
  sources: FileAttachment("../data/sources.csv").href,
  companies: FileAttachment("../data/companies.csv").href,
  funding_rounds: FileAttachment("../data/funding_rounds.csv").href,
  models: FileAttachment("../data/models.csv").href,
  events: FileAttachment("../data/events.csv").href,
  financials: FileAttachment("../data/financials.csv").href,
  claims: FileAttachment("../data/claims.csv").href,
  density_points: FileAttachment("../data/density_points.csv").href,
  density_fit: FileAttachment("../data/density_fit.csv").href,
  price_points: FileAttachment("../data/price_points.csv").href,
  fx_rates: FileAttachment("../data/fx_rates.csv").href,
  company_summary: FileAttachment("../data/company_summary.csv").href,
  funding_steps: FileAttachment("../data/funding_steps.csv").href,
  investor_links: FileAttachment("../data/investor_links.csv").href,
  model_counts: FileAttachment("../data/model_counts.csv").href
};

export const DATAPACKAGE = FileAttachment("../data/datapackage.json").href;

/** Each release's added, changed and removed row ids per curated table, newest first (src/lib/release.ts). */
export const CHANGELOG = FileAttachment("../data/changelog.json").href;

export const TABLE_NAMES = Object.keys(PARQUET) as TableName[];
