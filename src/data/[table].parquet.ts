/**
 * <table>.parquet — each published table as Parquet (columns, meaning and inputs: src/lib/tables/). A
 * parameterized loader: Framework runs it once per referenced `data/<table>.parquet` with `--table=<table>`.
 * Load inputs, validate, transform and write happen once per build in the compile pass (src/lib/compile.ts);
 * this copies that table's bytes.
 */
import {compiledOutput, loaderParam, runLoader} from "../lib/loader.js";

await runLoader(() => compiledOutput(`${loaderParam("table")}.parquet`));
