/**
 * What every Framework data loader and page loader does: write one compiled output to stdout. The compile
 * runs only when its output is missing (the build compiles once before Framework starts), and a validation
 * failure prints every problem as file:line:column and exits non-zero, which stops the build.
 */
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {DATA_DIR, compiledDir} from "./compiledPaths.js";

/** Runs a loader body; a validation failure prints every problem and exits non-zero. stdout carries only the output. */
export async function runLoader(body: () => Promise<Uint8Array | string>): Promise<void> {
  try {
    process.stdout.write(await body());
  } catch (error) {
    if ((error as Error).name === "ValidationError") {
      console.error((error as Error).message);
      process.exit(1);
    }
    throw error;
  }
}

/** The bytes of one compiled output (`companies.parquet`, `datapackage.json` …), compiling first if needed. */
export async function compiledOutput(file: string, dataDir = DATA_DIR): Promise<Buffer> {
  const path = join(compiledDir(dataDir), file);
  if (existsSync(path)) return readFileSync(path);
  const {compiledFile} = await import("./compile.js");
  return compiledFile(file, dataDir);
}

/** A loader's `--name=value` argument (Framework passes a parameterized loader's parameters so). */
export function loaderParam(name: string): string {
  return process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3) ?? "";
}
