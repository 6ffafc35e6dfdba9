/**
 * Runs before every `observable build` and `observable preview`. Two jobs:
 *
 * 1. Keep the build hermetic. A `.parquet` FileAttachment makes Framework add implicit `npm:apache-arrow` and
 *    `npm:parquet-wasm` imports, which it would download from a CDN. Framework uses files already in its cache
 *    as they are, so we bundle those two packages from node_modules into the cache. Self-hosted fonts are
 *    copied out of @fontsource for the same reason (the default theme would link Google Fonts).
 * 2. Keep loader outputs fresh. Framework judges a loader's output by the loader file's mtime alone, and the
 *    build even uses stale output on purpose. We hash everything loaders read (data/, src/lib/, src/data/) and
 *    drop the cached outputs when that hash changes.
 */
import {createHash} from "node:crypto";
import {copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from "node:fs";
import {dirname, join, relative} from "node:path";
import {fileURLToPath} from "node:url";
import {build} from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cache = join(root, "src", ".observablehq", "cache");
const modules = join(root, "node_modules");

/** The packages Framework may import implicitly, with the entry to bundle and extra files to copy. */
const IMPLICIT_PACKAGES = [
  {name: "apache-arrow", entry: "apache-arrow/Arrow.dom.mjs", files: [] as string[]},
  {name: "parquet-wasm", entry: "parquet-wasm/esm/parquet_wasm.js", files: ["esm/parquet_wasm_bg.wasm"]}
];

/** Inputs of the loaders: a change to any of them invalidates every cached loader output. */
const LOADER_INPUTS = ["data", "src/lib", "src/data", "src/companies", "package-lock.json"];

/** Font files to self-host (Source Serif 4, Framework's text face), latin subset. */
const FONT_WEIGHTS = ["400-normal", "400-italic", "600-normal", "700-normal"];

/**
 * Framework's client bundle names packages it would load on demand (`npm:react-dom` for JSX cells, `npm:d3`
 * for an implicit `d3`, the sample datasets …), and resolving their versions asks the npm registry at build
 * time. We load none of them: every library comes from node_modules. A stub version in the cache answers the
 * version question offline, and a page that does reach for one fails loudly (see check-build) instead of
 * fetching it from a CDN.
 */
export const STUB_VERSION = "0.0.0-not-bundled";
const SEEDED = new Set(["apache-arrow", "parquet-wasm", "@duckdb/duckdb-wasm"]);

export async function prepareOffline(): Promise<void> {
  await seedImplicitPackages();
  seedStubs();
  copyFonts();
  invalidateStaleLoaderOutputs();
}

async function seedImplicitPackages(): Promise<void> {
  for (const {name, entry, files} of IMPLICIT_PACKAGES) {
    const packageDir = join(modules, name);
    const {version} = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as {version: string};
    const npmDir = join(cache, "_npm");
    // Framework picks the highest cached version; a leftover other version would be used instead of ours.
    if (existsSync(npmDir)) {
      for (const entryName of readdirSync(npmDir)) {
        if (entryName.startsWith(`${name}@`) && entryName !== `${name}@${version}`) {
          rmSync(join(npmDir, entryName), {recursive: true, force: true});
        }
      }
    }
    const target = join(npmDir, `${name}@${version}`);
    const esm = join(target, "_esm.js");
    if (!existsSync(esm)) {
      await build({
        entryPoints: [join(modules, entry)],
        bundle: true,
        format: "esm",
        platform: "browser",
        target: "es2022",
        minify: true,
        outfile: esm,
        logLevel: "error"
      });
    }
    for (const file of files) {
      const to = join(target, file);
      if (!existsSync(to)) {
        mkdirSync(dirname(to), {recursive: true});
        copyFileSync(join(packageDir, file), to);
      }
    }
  }
}

function seedStubs(): void {
  for (const name of frameworkNpmPackages()) {
    if (SEEDED.has(name)) continue;
    const esm = join(cache, "_npm", `${name}@${STUB_VERSION}`, "_esm.js");
    if (existsSync(esm)) continue;
    mkdirSync(dirname(esm), {recursive: true});
    writeFileSync(
      esm,
      `throw new Error(${JSON.stringify(`${name} is not bundled in this offline build; JSX cells are not supported`)});\n`
    );
  }
}

/** The npm packages Framework's own client code may import, read from its sources so upgrades stay covered. */
function frameworkNpmPackages(): Set<string> {
  const names = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, {withFileTypes: true})) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".js")) {
        for (const [, specifier] of readFileSync(path, "utf8").matchAll(/["'`]npm:([^"'`\s]+)["'`]/g)) {
          const parts = specifier.split("/");
          names.add((specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]).replace(/(.)@.*$/, "$1"));
        }
      }
    }
  };
  walk(join(modules, "@observablehq", "framework", "dist", "client"));
  return names;
}

function copyFonts(): void {
  const from = join(modules, "@fontsource", "source-serif-4", "files");
  const to = join(root, "src", "assets", "fonts");
  mkdirSync(to, {recursive: true});
  for (const weight of FONT_WEIGHTS) {
    const file = `source-serif-4-latin-${weight}.woff2`;
    if (!existsSync(join(to, file))) copyFileSync(join(from, file), join(to, file));
  }
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
