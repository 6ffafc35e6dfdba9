/**
 * The densing-law points (capability density against release date), with t in days since the Llama-1
 * release (the paper's origin) and our own running-maximum flag next to the paper's, so a reader can see
 * they agree.
 */
import {daysBetween} from "../dates.js";
import {runningMaxRecords} from "../trend.js";
import {dateColumns, dateValues, sourceRow, type PublishedTable} from "./common.js";

/** t = 0 of the densing law: the Llama-1 release, as the paper plots it. */
export const DENSITY_ORIGIN = "2023-02-24";

export const densityPoints: PublishedTable = {
  name: "density_points",
  title: "Density points",
  description:
    "Open base models from 'Densing law of LLMs' (Nature Machine Intelligence, 2025, Fig. 1): capability " +
    "density (effective ÷ actual parameters, 5-benchmark average) against release date.",
  key: ["release_date", "id"],
  inputs: ["data/density_points.csv"],
  columns: [
    {name: "id", type: "VARCHAR", description: "row id"},
    {name: "model", type: "VARCHAR", description: "model as labelled in the paper"},
    ...dateColumns("release_date", "release date as plotted in the paper"),
    {name: "t_days", type: "INTEGER", description: `days since ${DENSITY_ORIGIN} (the Llama-1 release, the paper's origin)`, unit: "days"},
    {name: "params_b", type: "DOUBLE", description: "parameters as labelled in the paper", unit: "billions of parameters"},
    {name: "density", type: "DOUBLE", description: "capability density (effective parameters ÷ actual parameters)", unit: "ratio"},
    {name: "is_record", type: "BOOLEAN", description: "on the paper's running-maximum line"},
    {name: "is_running_max", type: "BOOLEAN", description: "sets a new maximum density when points are taken in date order (computed here)"},
    {name: "in_arxiv_v2", type: "BOOLEAN", description: "also among the 29 models of the 2024 preprint (arXiv 2412.04315v2)"},
    {name: "company_id", type: "VARCHAR", description: "company id when the model is one of the atlas's companies"},
    {name: "value_status", type: "VARCHAR", description: "how the value was obtained (derived: read from the figure's vector geometry)"},
    {name: "source_ids", type: "VARCHAR[]", description: "ids of the sources (table sources)"},
    {name: "confidence", type: "VARCHAR", description: "high, medium or low"},
    {name: "source_row", type: "VARCHAR", description: "file and line of the curated row"}
  ],
  build(dataset) {
    const rows = dataset.density_points;
    const records = new Set(
      runningMaxRecords(rows, (p) => daysBetween(DENSITY_ORIGIN, p.release_date!.date), (p) => p.density!)
    );
    return rows.map((p) => ({
      id: p.id,
      model: p.model,
      ...dateValues("release_date", p.release_date),
      t_days: daysBetween(DENSITY_ORIGIN, p.release_date!.date),
      params_b: p.params_b,
      density: p.density,
      is_record: p.is_record,
      is_running_max: records.has(p),
      in_arxiv_v2: p.in_arxiv_v2,
      company_id: p.company_id,
      value_status: p.value_status,
      source_ids: p.source_ids,
      confidence: p.confidence,
      source_row: sourceRow(p)
    }));
  }
};
