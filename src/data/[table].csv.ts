/**
 * <table>.csv — the CSV copy of each published table, for spreadsheets. A parameterized loader (one run per
 * referenced `data/<table>.csv`, with `--table=<table>`). Lists are joined with ";", dates are ISO; the columns
 * and rows are exactly those of the Parquet table, because both come from the same compile (src/lib/compile.ts).
 */
import {compiledOutput, loaderParam, runLoader} from "../lib/loader.js";

await runLoader(() => compiledOutput(`${loaderParam("table")}.csv`));
