/**
 * Where the compile pass puts its outputs (Node only, and light: no DuckDB, no zod), so a loader whose output is
 * already compiled starts, copies bytes and exits without loading the compiler.
 */
import {dirname, join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {contentHash} from "./contentHash.js";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** The project's `data/` folder; ATLAS_DATA_DIR points loaders and tests at fixture data. */
export const DATA_DIR = process.env.ATLAS_DATA_DIR ?? join(ROOT, "data");

/** Code whose change changes the output (besides the data folder itself); package.json holds the site URL citations name. */
const CODE_INPUTS = ["src/lib", "package-lock.json", "package.json"];

/** Framework's cache folder, under a `_` name that its own clean-up and ours (prepare-offline) keep. */
export const COMPILE_ROOT = process.env.ATLAS_COMPILE_DIR ?? join(ROOT, "src", ".observablehq", "cache", "_atlas");

/**
 * The folder the compiled outputs of `dataDir` go to, named by the content hash of that data and the code. The
 * data folder is hashed whole, so its release snapshots (`data/releases/`) are in the key: releasing the data
 * changes the version every output carries.
 */
export function compiledDir(dataDir: string = DATA_DIR): string {
  const digest = contentHash(ROOT, CODE_INPUTS, contentHash(resolve(dataDir), ["."]));
  return join(COMPILE_ROOT, digest.slice(0, 16));
}
