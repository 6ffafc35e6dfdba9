/**
 * datapackage.json — the Frictionless Data descriptor of the published tables (fields, types, units,
 * meaning, row counts). Validates data/ like every loader, so the row counts are those of the tables.
 */
import {loadDataset} from "../lib/dataset.js";
import {dataPackage} from "../lib/datapackage.js";
import {DATA_DIR, buildTable, runLoader} from "../lib/publish.js";
import {TABLES} from "../lib/tables/index.js";

await runLoader(async () => {
  const dataset = loadDataset(DATA_DIR);
  const rowCounts = Object.fromEntries(Object.values(TABLES).map((t) => [t.name, buildTable(t, dataset).length]));
  return `${JSON.stringify(dataPackage({rowCounts}), null, 2)}\n`;
});
