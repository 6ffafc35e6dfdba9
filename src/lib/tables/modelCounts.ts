/** model_counts: model releases per company and year (see derive/companies.ts). */
import {modelCounts as counts} from "../derive/companies.js";
import type {PublishedTable} from "./common.js";

export const modelCounts: PublishedTable = {
  name: "model_counts",
  title: "Model releases per company and year",
  description: "Releases per company and year, one per model (a model reported twice counts once). Computed by the build from models.",
  key: ["company_id", "year"],
  inputs: ["data/models.csv"],
  derived: true,
  columns: [
    {name: "company_id", type: "VARCHAR", description: "company id"},
    {name: "year", type: "INTEGER", description: "release year"},
    {name: "releases", type: "INTEGER", description: "models released", unit: "models"},
    {name: "edge", type: "INTEGER", description: "of which made to run on devices", unit: "models"},
    {name: "open_weights", type: "INTEGER", description: "of which with open weights", unit: "models"},
    {name: "moe", type: "INTEGER", description: "of which mixture-of-experts", unit: "models"},
    {name: "model_ids", type: "VARCHAR[]", description: "the models rows counted"}
  ],
  build(_dataset, tables) {
    return counts(tables("models"));
  }
};
