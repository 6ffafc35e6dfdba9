/**
 * One compile pass per build (Node only): validate data/ once, build every published table once (the derived
 * ones from the built rows of the others), and write every output the site serves: Parquet and CSV per table,
 * datapackage.json, and the rows as JSON for the company pages and build-time charts.
 *
 * The output is cached by a content hash of data/, src/lib/ and the lockfile, so the loaders Framework starts
 * (one process per file) only copy bytes, and a second build with the same inputs validates nothing again.
 */
import {existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {citationBibtex, citationText, siteUrl} from "./citation.js";
import {COMPILE_ROOT, DATA_DIR, ROOT, compiledDir} from "./compiledPaths.js";
import {dataPackage, type PackageRelease} from "./datapackage.js";
import {loadDataset} from "./dataset.js";
import {DATA_AS_OF} from "./fields.js";
import {buildAll, tableToCsv, tableToParquet} from "./publish.js";
import {formatDiff, releaseState} from "./release.js";
import {TABLES} from "./tables/index.js";

/** The rows of every table, as the compile wrote them to `rows.json` (DATE as ISO day strings). */
export type CompiledRows = Record<string, Record<string, unknown>[]>;

/**
 * Compiles `dataDir` unless its outputs are already there; returns their folder. Throws the dataset's
 * ValidationError (every problem, file:line:column) when the data are invalid.
 */
export async function compile(dataDir: string = DATA_DIR): Promise<string> {
  const dir = compiledDir(dataDir);
  if (existsSync(join(dir, "rows.json"))) return dir;
  const started = Date.now();
  const tables = buildAll(loadDataset(dataDir));
  const release = packageRelease(dataDir);
  // Write next to the final folder and rename it into place, so a concurrent loader never reads half a compile.
  const staging = `${dir}.${process.pid}.tmp`;
  rmSync(staging, {recursive: true, force: true});
  mkdirSync(staging, {recursive: true});
  for (const [name, rows] of Object.entries(tables)) {
    writeFileSync(
      join(staging, `${name}.parquet`),
      await tableToParquet(TABLES[name], rows, dataDir, {version: release.state.version, citation: release.citation.text})
    );
    writeFileSync(join(staging, `${name}.csv`), tableToCsv(TABLES[name], rows));
  }
  const rowCounts = Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, rows.length]));
  writeFileSync(join(staging, "datapackage.json"), `${JSON.stringify(dataPackage({rowCounts, release}), null, 2)}\n`);
  writeFileSync(join(staging, "changelog.json"), `${JSON.stringify(release.state.changelog, null, 2)}\n`);
  writeFileSync(join(staging, "rows.json"), JSON.stringify(tables));
  try {
    renameSync(staging, dir);
  } catch (error) {
    // Another process finished the same compile first; its output is identical.
    rmSync(staging, {recursive: true, force: true});
    if (!existsSync(join(dir, "rows.json"))) throw error;
  }
  removeStale(dir);
  console.warn(`compile: ${Object.keys(tables).length} tables from ${dataDir} in ${Date.now() - started} ms`);
  return dir;
}

/**
 * The version of `dataDir` and its citation. Data that differ from the latest release still build, under an
 * unreleased version and with a warning; `npm test` fails on them (test/unit/release.test.ts).
 */
export function packageRelease(dataDir: string = DATA_DIR, root: string = ROOT): PackageRelease {
  const state = releaseState(dataDir);
  if (!state.released) {
    const since = state.latest ? `release ${state.latest.version}` : "any release (there is none yet)";
    console.warn(`compile: warning: data/ differs from ${since}; building as unreleased version ${state.version}. Run "npm run data:diff" to see the changes and "npm run data:release" to release them.`);
    if (state.latest) console.warn(formatDiff(state.pending, state.latest.version, {ids: false}).replace(/^/gm, "compile:   "));
  }
  const date = state.released && state.latest ? state.latest.date : DATA_AS_OF;
  const input = {version: state.version, date, dataAsOf: DATA_AS_OF, url: siteUrl(root)};
  return {state, date, homepage: input.url, citation: {text: citationText(input), bibtex: citationBibtex(input)}};
}

/** One compiled output file (e.g. `companies.parquet`, `datapackage.json`). */
export async function compiledFile(file: string, dataDir: string = DATA_DIR): Promise<Buffer> {
  const path = join(await compile(dataDir), file);
  if (!existsSync(path)) throw new Error(`compile: no output ${JSON.stringify(file)}; the published tables are ${Object.keys(TABLES).join(", ")}`);
  return readFileSync(path);
}

/** Every table's rows from one compile. */
export async function compiledRows(dataDir: string = DATA_DIR): Promise<CompiledRows> {
  return JSON.parse((await compiledFile("rows.json", dataDir)).toString("utf8")) as CompiledRows;
}

/** Keeps the cache to the current compile and a few before it (a fixture compile in tests is one of them). */
function removeStale(current: string): void {
  const entries = readdirSync(COMPILE_ROOT)
    .filter((e) => join(COMPILE_ROOT, e) !== current && !e.endsWith(".tmp"))
    .map((e) => join(COMPILE_ROOT, e))
    .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs);
  for (const entry of entries.slice(0, Math.max(0, entries.length - 3))) rmSync(entry, {recursive: true, force: true});
}
