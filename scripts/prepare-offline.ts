/**
 * Runs before every `observable build` and `observable preview`. Two jobs:
 *
 * 1. Keep the build hermetic: the Framework patches in scripts/framework/ fill its npm cache from node_modules,
 *    stub the packages its client would load from a CDN and self-host the fonts (and stop on another Framework).
 * 2. Keep loader outputs fresh. Framework judges a loader's output by the loader file's mtime alone, and the
 *    build even uses stale output on purpose. We hash everything loaders read (data/, src/lib/, src/data/) and
 *    drop the cached outputs when that hash changes.
 */
import {existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {compile} from "../src/lib/compile.js";
import {contentHash} from "../src/lib/contentHash.js";
import {ValidationError} from "../src/lib/validate.js";
import {prepareFramework, primeLoaderCache} from "./framework/index.js";
import {cacheDir as cache, root} from "./framework/paths.js";

/** Inputs of the loaders: a change to any of them invalidates every cached loader output. */
const LOADER_INPUTS = ["data", "src/lib", "src/data", "src/companies", "package-lock.json"];

export async function prepareOffline(): Promise<void> {
  await prepareFramework();
  invalidateStaleLoaderOutputs();
  // Validate and derive everything once, before Framework starts a loader per file: a bad row stops the build
  // here with one list of problems, and every loader then only copies compiled bytes.
  let compiled: string;
  try {
    compiled = await compile();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  const outputs = Object.fromEntries(
    readdirSync(compiled)
      .filter((file) => /\.(parquet|csv)$/.test(file) || file === "datapackage.json" || file === "changelog.json")
      .map((file) => [`data/${file}`, join(compiled, file)])
  );
  console.warn(`prepare-offline: ${primeLoaderCache(outputs)} compiled files primed in Framework's loader cache`);
}

function invalidateStaleLoaderOutputs(): void {
  const digest = contentHash(root, LOADER_INPUTS);
  const stamp = join(cache, ".loader-inputs");
  const previous = existsSync(stamp) ? readFileSync(stamp, "utf8") : "";
  if (previous === digest) return;
  // Loader outputs (data and page loaders) live in the cache at the loader's path without its extension
  // (src/data/x.parquet.ts → data/x.parquet); the `_`-prefixed folders are bundled packages, kept.
  mkdirSync(cache, {recursive: true});
  for (const entry of readdirSync(cache)) {
    if (!entry.startsWith("_") && entry !== ".loader-inputs") rmSync(join(cache, entry), {recursive: true, force: true});
  }
  writeFileSync(stamp, digest);
  if (previous) console.warn("prepare-offline: loader inputs changed; cached tables will be rebuilt");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await prepareOffline();
}
