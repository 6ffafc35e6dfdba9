/** Model releases: size (total and active parameters), architecture, openness, cloud or edge. */
import {countedModels} from "../derive/companies.js";
import {dateColumns, dateValues, provenance, PROVENANCE_COLUMNS, type PublishedTable} from "./common.js";

export const models: PublishedTable = {
  name: "models",
  title: "Models",
  description: "Model releases by the companies, with reported sizes; blank sizes were not disclosed.",
  key: ["company_id", "release_date", "id"],
  inputs: ["data/models.csv"],
  columns: [
    {name: "id", type: "VARCHAR", description: "row id"},
    {name: "company_id", type: "VARCHAR", description: "company id (table companies)"},
    {name: "model", type: "VARCHAR", description: "model name as released"},
    ...dateColumns("release_date", "release date (for a model never released, the date it was announced)"),
    {name: "status", type: "VARCHAR", description: "released, announced (not yet released) or abandoned (announced, never released)"},
    {name: "params_total_b", type: "DOUBLE", description: "total parameters; blank when undisclosed", unit: "billions of parameters"},
    {name: "params_active_b", type: "DOUBLE", description: "parameters active per token (equals total for dense models)", unit: "billions of parameters"},
    {name: "params_reported", type: "VARCHAR", description: "size as reported"},
    {name: "architecture", type: "VARCHAR", description: "dense, moe or unknown"},
    {name: "open_weights", type: "BOOLEAN", description: "weights published; blank when unknown"},
    {name: "deployment", type: "VARCHAR", description: "cloud, or edge (made to run on a phone, PC or car chip)"},
    {name: "modality", type: "VARCHAR", description: "text, vision-language, omni, speech or other"},
    {name: "counted", type: "BOOLEAN", description: "true for the report that counts as the release; false for a second report of the same model (same conflict_key) and for a model not released"},
    ...PROVENANCE_COLUMNS
  ],
  build(dataset) {
    const counted = countedModels(dataset.models.filter((m) => m.status === "released").map((m) => ({id: m.id, conflict_key: m.conflict_key, confidence: m.confidence, release_date: m.release_date?.date ?? null})));
    return dataset.models.map((m) => ({
      id: m.id,
      company_id: m.company_id,
      model: m.model,
      ...dateValues("release_date", m.release_date),
      status: m.status,
      params_total_b: m.params_total_b,
      // Dense models activate every parameter; say so rather than leave the cell blank.
      params_active_b: m.params_active_b ?? (m.architecture === "dense" ? m.params_total_b : null),
      params_reported: m.params_reported,
      architecture: m.architecture,
      open_weights: m.open_weights,
      deployment: m.deployment,
      modality: m.modality,
      counted: m.status === "released" && counted.get(m.id)!,
      ...provenance(m)
    }));
  }
};
