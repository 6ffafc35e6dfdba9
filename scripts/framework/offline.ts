/**
 * Pre-build patches that keep Framework 1.13 from reaching a CDN (docs: /work/shared/design/hermetic-build.md).
 * Each one first checks that Framework still does what made it necessary, and afterwards that it took effect;
 * a patch that silently does nothing would let an upgraded Framework download from jsDelivr again.
 *
 * - implicit-packages: a `.parquet` FileAttachment makes Framework import `npm:apache-arrow` and `npm:parquet-wasm`
 *   implicitly. Framework uses a package already in its cache as it is, so we bundle both from node_modules there.
 * - client-stubs: Framework's client names packages it would load on demand (`npm:react-dom` for JSX cells …), and
 *   resolving their versions asks the npm registry. A stub version in the cache answers offline, and a page that
 *   does reach for one fails loudly (checkBuild) instead of fetching it.
 */
import {copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from "node:fs";
import {dirname, join, relative} from "node:path";
import {build} from "esbuild";
import {cacheDir, frameworkDir, modules, root} from "./paths.js";

export const OFFLINE_PATCHES = ["implicit-packages", "client-stubs"] as const;

/** The version the stubs are cached under; checkBuild looks for it in dist/_npm/. */
export const STUB_VERSION = "0.0.0-not-bundled";

/** The packages Framework imports implicitly for a `.parquet` file, with the entry to bundle and extra files to copy. */
const IMPLICIT_PACKAGES = [
  {name: "apache-arrow", entry: "apache-arrow/Arrow.dom.mjs", files: [] as string[]},
  {name: "parquet-wasm", entry: "parquet-wasm/esm/parquet_wasm.js", files: ["esm/parquet_wasm_bg.wasm"]}
];

/** Packages the site seeds for real (or imports from node_modules), so they get no stub. */
const SEEDED = new Set(["apache-arrow", "parquet-wasm", "@duckdb/duckdb-wasm"]);


const show = (path: string): string => relative(root, path);

export async function seedImplicitPackages(cache = cacheDir): Promise<void> {
  const libraries = join(frameworkDir, "dist", "libraries.js");
  checkImplicitImports(readFileSync(libraries, "utf8"), show(libraries));
  const npm = join(frameworkDir, "dist", "npm.js");
  checkNpmCacheLayout(readFileSync(npm, "utf8"), show(npm));
  const npmDir = join(cache, "_npm");
  for (const {name, entry, files} of IMPLICIT_PACKAGES) {
    const packageDir = join(modules, name);
    const {version} = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as {version: string};
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
    for (const path of [esm, ...files.map((file) => join(target, file))]) {
      if (!existsSync(path) || statSync(path).size === 0) {
        throw new Error(`implicit-packages: ${show(path)} is missing or empty after seeding; delete ${show(target)} and build again`);
      }
    }
  }
}

/**
 * Throws unless Framework's implicit imports for a `.parquet` file are still the packages we seed; otherwise the
 * seeded copies would sit unused while Framework fetched something else.
 */
export function checkImplicitImports(librariesSource: string, file = "libraries.js"): void {
  const wanted = IMPLICIT_PACKAGES.flatMap(({name, files}) => [`npm:${name}`, ...files.map((f) => `npm:${name}/${f}`)]);
  const parquet = /set\.has\("parquet"\)\)([^\n]*)/.exec(librariesSource)?.[1] ?? "";
  for (const specifier of wanted) {
    const named = specifier.includes("/") ? librariesSource.includes(`"${specifier}"`) : parquet.includes(`"${specifier}"`);
    if (!named) {
      throw new Error(`implicit-packages: ${file} no longer imports ${specifier} for a .parquet file; re-verify the patch in scripts/framework/offline.ts`);
    }
  }
}

/** Throws unless Framework still reads packages from `.observablehq/cache/_npm/<name>@<version>/_esm.js`. */
export function checkNpmCacheLayout(npmSource: string, file = "npm.js"): void {
  for (const part of [`".observablehq", "cache", "_npm"`, `"_esm.js"`]) {
    if (!npmSource.includes(part)) {
      throw new Error(`implicit-packages: ${file} no longer names ${part}, so the npm cache layout changed; re-verify the patch in scripts/framework/offline.ts`);
    }
  }
}

export function seedClientStubs(cache = cacheDir, clientDir = join(frameworkDir, "dist", "client")): string[] {
  const stubbed: string[] = [];
  for (const name of frameworkNpmPackages(clientDir)) {
    if (SEEDED.has(name)) continue;
    const esm = join(cache, "_npm", `${name}@${STUB_VERSION}`, "_esm.js");
    if (!existsSync(esm)) {
      mkdirSync(dirname(esm), {recursive: true});
      writeFileSync(esm, `throw new Error(${JSON.stringify(`${name} is not bundled in this offline build; JSX cells are not supported`)});\n`);
    }
    stubbed.push(name);
  }
  if (!stubbed.length) {
    throw new Error(`client-stubs: every npm: package in ${show(clientDir)} is seeded, so no stub was written; re-verify the patch in scripts/framework/offline.ts`);
  }
  return stubbed;
}

/**
 * The npm packages Framework's own client code may import, read from its sources so an upgrade stays covered.
 * None at all means the client changed how it names packages, not that it stopped importing them.
 */
export function frameworkNpmPackages(clientDir: string): Set<string> {
  if (!existsSync(clientDir)) throw new Error(`client-stubs: ${show(clientDir)} is missing; re-verify the patch in scripts/framework/offline.ts`);
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
  walk(clientDir);
  if (!names.size) {
    throw new Error(`client-stubs: no npm: import found in ${show(clientDir)}; re-verify the patch in scripts/framework/offline.ts`);
  }
  return names;
}
