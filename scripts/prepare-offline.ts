/**
 * Runs before every `observable build` and `observable preview`. Two jobs:
 *
 * 1. Keep the build hermetic: the Framework patches in scripts/framework/ fill its npm cache from node_modules,
 *    stub the packages its client would load from a CDN and self-host the fonts (and stop on another Framework).
 * 2. Keep loader outputs fresh. Framework judges a loader's output by the loader file's mtime alone, and the
 *    build even uses stale output on purpose. We hash everything loaders read (data/, src/lib/, src/data/) and
 *    drop the cached outputs when that hash changes.
 */
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from "node:fs";
import {join, relative} from "node:path";
import {fileURLToPath} from "node:url";
import {prepareFramework} from "./framework/index.js";
import {cacheDir as cache, root} from "./framework/paths.js";

/** Inputs of the loaders: a change to any of them invalidates every cached loader output. */
const LOADER_INPUTS = ["data", "src/lib", "src/data", "src/companies", "package-lock.json"];

export async function prepareOffline(): Promise<void> {
  await prepareFramework();
  invalidateStaleLoaderOutputs();
}

function invalidateStaleLoaderOutputs(): void {
  const hash = createHash("sha256");
  for (const input of LOADER_INPUTS) hashPath(hash, join(root, input));
  const digest = hash.digest("hex");
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

function hashPath(hash: ReturnType<typeof createHash>, path: string): void {
  if (!existsSync(path)) return;
  const stat = statSync(path);
  if (stat.isDirectory()) {
    for (const entry of readdirSync(path).sort()) hashPath(hash, join(path, entry));
  } else {
    hash.update(relative(root, path)).update("\0").update(readFileSync(path)).update("\0");
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await prepareOffline();
}
