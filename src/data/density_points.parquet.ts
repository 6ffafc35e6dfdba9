/**
 * density_points.parquet — the published table `density_points` (columns, meaning and inputs: src/lib/tables/).
 * Reads and validates all of data/ (so references across files are checked), builds this table, writes Parquet.
 */
import {runLoader, publishParquet} from "../lib/publish.js";

// Load inputs, Validate, Transform, Write output: one step each in publishParquet, shared by every table.
await runLoader(() => publishParquet("density_points"));
