/**
 * Loader outputs are never stale. Framework judges a cached loader output by the loader file's mtime and the
 * build uses stale output on purpose, so editing data/ alone would change nothing. This test takes a copy of
 * the project with the warm cache the main build left, edits one source row, builds again, and reads the
 * rebuilt table.
 */
import {execFileSync} from "node:child_process";
import {cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {afterAll, expect, test} from "vitest";
import {decodeParquet} from "../../src/components/parquet.js";

const copy = mkdtempSync(join(tmpdir(), "atlas-fresh-"));

afterAll(() => rmSync(copy, {recursive: true, force: true}));

async function companyNames(dist: string): Promise<string[]> {
  const bytes = readFileSync(join(dist, "downloads", "companies.parquet"));
  const table = await decodeParquet(bytes);
  return table.rows.map((r) => String(r.name_en));
}

test("editing a CSV in data/ and building again yields the updated table", async () => {
  for (const entry of ["package.json", "observablehq.config.ts", "tsconfig.json", "scripts", "src", "data"]) {
    cpSync(entry, join(copy, entry), {recursive: true});
  }
  symlinkSync(resolve("node_modules"), join(copy, "node_modules"));
  // The warm cache from the main build is part of the copy: that is the case that goes stale.
  expect(existsSync(join(copy, "src/.observablehq/cache/data/companies.parquet"))).toBe(true);
  expect(await companyNames("dist")).toContain("StepFun");

  const csv = join(copy, "data", "companies.csv");
  const before = readFileSync(csv, "utf8");
  const after = before.replace(/^stepfun,stepfun,primary,StepFun,/m, "stepfun,stepfun,primary,StepFun Edited,");
  expect(after).not.toBe(before);
  writeFileSync(csv, after);

  execFileSync("npm", ["run", "build"], {cwd: copy, stdio: "pipe"});
  const names = await companyNames(join(copy, "dist"));
  expect(names).toContain("StepFun Edited");
  expect(names).not.toContain("StepFun");
}, 180_000);
