/**
 * A copy of the project, changed as a reader would change it, builds into what they meant. One build serves both
 * changes (a full build costs half a minute of CI's fifteen):
 * - loader outputs are never stale: Framework judges a cached loader output by the loader file's mtime and the
 *   build uses stale output on purpose, so editing data/ alone would change nothing. The copy keeps the warm cache
 *   the main build left and has one source row edited;
 * - the fork kit: `npm run new` scaffolds a notebook that builds and appears in the sidebar.
 */
import {execFileSync} from "node:child_process";
import {cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {afterAll, beforeAll, expect, test} from "vitest";
import {decodeParquet} from "../../src/components/parquet.js";

const copy = mkdtempSync(join(tmpdir(), "atlas-rebuild-"));
let scaffolded = "";

async function companyNames(dist: string): Promise<string[]> {
  const bytes = readFileSync(join(dist, "downloads", "companies.parquet"));
  const table = await decodeParquet(bytes);
  return table.rows.map((r) => String(r.name_en));
}

beforeAll(async () => {
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

  scaffolded = execFileSync("npx", ["tsx", "scripts/new-notebook.ts", "my-question", "My question"], {cwd: copy, encoding: "utf8"});

  execFileSync("npm", ["run", "build"], {cwd: copy, stdio: "pipe"});
}, 180_000);

afterAll(() => rmSync(copy, {recursive: true, force: true}));

test("editing a CSV in data/ and building again yields the updated table", async () => {
  const names = await companyNames(join(copy, "dist"));
  expect(names).toContain("StepFun Edited");
  expect(names).not.toContain("StepFun");
});

test("npm run new scaffolds a notebook that builds and appears in the sidebar", () => {
  expect(scaffolded).toContain("/notebooks/my-question");
  expect(readFileSync(join(copy, "src/notebooks/my-question.md"), "utf8")).toMatch(/^---\ntitle: "My question"\ndescription: "My question: [^"\n]+"\n---\n/);
  const page = join(copy, "dist/notebooks/my-question.html");
  expect(existsSync(page)).toBe(true);
  const html = readFileSync(page, "utf8");
  expect(html).toContain("<title>My question | Six Tigers Atlas</title>");
  // The scaffold's description passes the build's check and reaches the page's head.
  expect(html).toMatch(/<meta name="description" content="My question: a question asked of the Six Tigers Atlas/);
  expect(html).toMatch(/<h1[^>]*>(?:<a [^>]*>)?My question/);
  expect(html).toMatch(/<a href="\.\/my-question">My question<\/a>/);
  // Every other page links to it too.
  expect(readFileSync(join(copy, "dist/index.html"), "utf8")).toMatch(/<a href="\.\/notebooks\/my-question">My question<\/a>/);
});
