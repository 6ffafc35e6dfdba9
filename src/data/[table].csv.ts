/**
 * <table>.csv — the CSV copy of each published table, for spreadsheets. A parameterized loader: Framework
 * runs it once per referenced `data/<table>.csv` with `--table=<table>`. Lists are joined with ";", dates are
 * ISO; the columns and rows are exactly those of the Parquet table.
 */
import {loadDataset} from "../lib/dataset.js";
import {DATA_DIR, buildTable, runLoader, tableToCsv} from "../lib/publish.js";
import {TABLES} from "../lib/tables/index.js";

const name = process.argv.find((arg) => arg.startsWith("--table="))?.slice("--table=".length) ?? "";
const table = TABLES[name];
if (!table) throw new Error(`unknown table ${JSON.stringify(name)}; expected one of ${Object.keys(TABLES).join(", ")}`);

await runLoader(async () => tableToCsv(table, buildTable(table, loadDataset(DATA_DIR))));
