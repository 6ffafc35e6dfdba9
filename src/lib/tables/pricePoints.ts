/** API prices at a fixed capability level (GPT-3.5 class) over time, from the densing-law paper's Fig. 3a. */
import {dateColumns, dateValues, sourceRow, type PublishedTable} from "./common.js";

export const pricePoints: PublishedTable = {
  name: "price_points",
  title: "Price points",
  description: "API price per million tokens of models at a fixed capability level over time.",
  key: ["date", "id"],
  inputs: ["data/price_points.csv"],
  columns: [
    {name: "id", type: "VARCHAR", description: "row id"},
    {name: "model", type: "VARCHAR", description: "model"},
    ...dateColumns("date", "date as plotted"),
    {name: "price_usd_per_mtok", type: "DOUBLE", description: "API price", unit: "USD per million tokens"},
    {name: "on_cheapest_line", type: "BOOLEAN", description: "on the paper's cheapest-price line"},
    {name: "value_status", type: "VARCHAR", description: "how the value was obtained"},
    {name: "source_ids", type: "VARCHAR[]", description: "ids of the sources"},
    {name: "confidence", type: "VARCHAR", description: "high, medium or low"},
    {name: "source_row", type: "VARCHAR", description: "file and line of the curated row"}
  ],
  build(dataset) {
    return dataset.price_points.map((p) => ({
      id: p.id,
      model: p.model,
      ...dateValues("date", p.date),
      price_usd_per_mtok: p.price_usd_per_mtok,
      on_cheapest_line: p.on_cheapest_line,
      value_status: p.value_status,
      source_ids: p.source_ids,
      confidence: p.confidence,
      source_row: sourceRow(p)
    }));
  }
};
