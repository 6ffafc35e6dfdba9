/**
 * Two clean builds of one commit must give the same site byte for byte, so that a published dist/ can be checked
 * against its sources and a rebuild re-uploads only what changed. `npm test` runs this after its build: it builds the
 * site a second time from an empty Framework cache into .tmp/rebuild/ and lists every file that differs from dist/.
 * Run it alone after `npm run build` with `npx tsx scripts/reproducible.ts`.
 */
import {spawnSync} from "node:child_process";
import {existsSync, readFileSync, rmSync} from "node:fs";
import {join, relative} from "node:path";
import {fileURLToPath} from "node:url";
import {walkFiles} from "./files.js";
import {cacheDir} from "./framework/paths.js";

/** Where the second build goes: inside the project, on dist/'s file system (the build swaps folders by renaming). */
export const REBUILD = join(".tmp", "rebuild");

/** Every file that is in only one of the two folders or differs in a byte, as `path: why`, sorted by path. */
export function differingFiles(a: string, b: string): string[] {
  const files = (dir: string) => new Set([...walkFiles(dir)].map((file) => relative(dir, file).split("\\").join("/")));
  const left = files(a);
  const right = files(b);
  const problems: string[] = [];
  for (const path of [...new Set([...left, ...right])].sort()) {
    if (!right.has(path)) problems.push(`${path}: only in ${a}`);
    else if (!left.has(path)) problems.push(`${path}: only in ${b}`);
    else {
      const difference = firstDifference(readFileSync(join(a, path)), readFileSync(join(b, path)));
      if (difference) problems.push(`${path}: ${difference}`);
    }
  }
  return problems;
}

/** Where two files first differ, with a little of the text there (the usual culprit is a date or a hash). */
function firstDifference(x: Buffer, y: Buffer): string | undefined {
  if (x.equals(y)) return undefined;
  let at = 0;
  while (at < x.length && at < y.length && x[at] === y[at]) at += 1;
  const excerpt = (bytes: Buffer) => JSON.stringify(bytes.subarray(Math.max(0, at - 30), at + 30).toString("latin1"));
  return `differs from byte ${at} (${x.length} and ${y.length} bytes): ${excerpt(x)} vs ${excerpt(y)}`;
}

/** A time zone several hours from `zone` (Asia/Shanghai, or Los Angeles from Asia and the Pacific). */
export function otherTimeZone(zone: string): string {
  return /^(Asia|Australia|Pacific)\//.test(zone) ? "America/Los_Angeles" : "Asia/Shanghai";
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!existsSync(join("dist", "index.html"))) {
    console.error("reproducible: no dist/ to compare with; run npm run build first");
    process.exit(1);
  }
  // A clean build, as the first one was on a fresh clone: no loader output or bundle is reused from it. In a time
  // zone hours away, as on another machine: a date written in local time would show.
  rmSync(cacheDir, {recursive: true, force: true});
  const env = {...process.env, TZ: otherTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone)};
  const build = spawnSync(process.execPath, ["--import", "tsx", "scripts/build.ts", "--out", REBUILD], {stdio: "inherit", env});
  if (build.status !== 0) {
    console.error("reproducible: the second build failed");
    process.exit(1);
  }
  const problems = differingFiles("dist", REBUILD);
  rmSync(REBUILD, {recursive: true, force: true});
  if (problems.length) {
    console.error(`reproducible: ${problems.length} files differ between two builds of one commit (dist/ and ${REBUILD}/):`);
    for (const problem of problems) console.error(`  ${problem}`);
    console.error("reproducible: (a dist/ built at another commit, or with another SOURCE_DATE_EPOCH, differs in its file dates: build it again first)");
    process.exit(1);
  }
  console.log(`reproducible: a second build is byte-identical to dist/ (${[...walkFiles("dist")].length} files)`);
}
