/**
 * Rows of a published table exactly as a page gets them: built from data/ (or a fixture folder), written
 * to Parquet and decoded with the browser's decoder, so dates are Date objects and lists are arrays.
 */
import {decodeParquet} from "../../src/components/parquet.js";
import {loadDataset, type Dataset} from "../../src/lib/dataset.js";
import {buildTable, tableToParquet} from "../../src/lib/publish.js";
import {TABLES} from "../../src/lib/tables/index.js";

const datasets = new Map<string, Dataset>();

export async function tableRows<Row = Record<string, unknown>>(name: string, dataDir = "data"): Promise<Row[]> {
  let dataset = datasets.get(dataDir);
  if (!dataset) datasets.set(dataDir, (dataset = loadDataset(dataDir)));
  const bytes = await tableToParquet(TABLES[name], buildTable(TABLES[name], dataset), dataDir);
  return (await decodeParquet<Row>(bytes)).rows;
}
