/**
 * Primes Framework's loader cache with the compile pass's outputs. Framework 1.13 runs a data loader only when
 * `.observablehq/cache/<path>` is missing or older than the loader file (src/loader.js); the compile has already
 * written every table, so copying its files there saves one Node process per file (about 0.25 s each, some 30 of
 * them per build). A loader still runs whenever its output is not primed (e.g. `npm run dev` after an edit),
 * and produces the same bytes, because it copies the same compile.
 */
import {copyFileSync, existsSync, mkdirSync, readFileSync, statSync} from "node:fs";
import {dirname, join} from "node:path";
import {cacheDir, root} from "./paths.js";

export const LOADER_CACHE_PATCH = "primed-loader-cache";

/**
 * Copies `files` (compiled outputs, by their site path such as `data/companies.parquet`) into Framework's cache.
 * Asserts the premise: Framework still caches loader output at `<cache>/<path>` and judges it by mtime, and each
 * path has the loader that would otherwise make it.
 */
export function primeLoaderCache(files: Record<string, string>, {frameworkLoader = join(root, "node_modules", "@observablehq", "framework", "dist", "loader.js")} = {}): number {
  const source = readFileSync(frameworkLoader, "utf8");
  if (!/cacheStat\.mtimeMs < loaderStat\.mtimeMs/.test(source) || !/join\(this\.root, outputPath\)/.test(source)) {
    throw new Error(`${LOADER_CACHE_PATCH}: Framework no longer caches loader output by mtime at .observablehq/cache/<path>; re-verify scripts/framework/loaderCache.ts`);
  }
  let count = 0;
  for (const [sitePath, compiled] of Object.entries(files)) {
    const loader = loaderFor(sitePath);
    if (!loader) throw new Error(`${LOADER_CACHE_PATCH}: no loader in src/ makes ${sitePath}; prime only loader outputs`);
    const target = join(cacheDir, sitePath);
    mkdirSync(dirname(target), {recursive: true});
    copyFileSync(compiled, target);
    // Framework uses the cached copy only when it is not older than the loader.
    if (statSync(target).mtimeMs < statSync(loader).mtimeMs) throw new Error(`${LOADER_CACHE_PATCH}: ${target} is older than ${loader}`);
    count += 1;
  }
  return count;
}

/** The loader Framework would run for a site path: `data/x.parquet` → src/data/x.parquet.ts or src/data/[table].parquet.ts. */
function loaderFor(sitePath: string): string | null {
  const dir = dirname(sitePath);
  const ext = sitePath.slice(sitePath.indexOf(".", sitePath.lastIndexOf("/")));
  const candidates = [join(root, "src", `${sitePath}.ts`), join(root, "src", dir, `[table]${ext}.ts`)];
  return candidates.find((c) => existsSync(c)) ?? null;
}
