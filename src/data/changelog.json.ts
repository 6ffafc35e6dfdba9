/**
 * changelog.json — what each release of the dataset changed since the one before it, newest first:
 * `[{version, date, tables: {<curated table>: {added, changed, removed}}}]`, row ids per curated file of data/.
 * Computed by the compile pass (src/lib/compile.ts) from the snapshots in data/releases/; this copies it.
 */
import {compiledOutput, runLoader} from "../lib/loader.js";

await runLoader(() => compiledOutput("changelog.json"));
