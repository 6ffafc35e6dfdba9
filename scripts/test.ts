/**
 * `npm test`: the whole suite, in the order a failure is cheapest to find.
 *   1. tsc --noEmit      (Framework transpiles TypeScript but never type-checks it)
 *   2. vitest unit tests (pure logic, loaders on fixtures, components under jsdom)
 *   3. the build         (offline: in a network namespace with no route out, when the machine allows one)
 *   4. a second build    (from an empty Framework cache, also offline), byte-identical to the first
 *                        (scripts/reproducible.ts; one build more, rather than two into temp folders)
 *   5. browser tests     (headless Chromium against dist/ served on localhost)
 * Prints one closing line, `N passed, N failed`, counting the vitest tests plus one per stage that is not a
 * vitest run, and exits non-zero on any failure.
 */
import {spawnSync} from "node:child_process";
import {existsSync, mkdirSync, readFileSync} from "node:fs";

interface Tally {
  passed: number;
  failed: number;
}

const suiteStart = Date.now();
const tally: Tally = {passed: 0, failed: 0};
const failures: string[] = [];
const skipBuild = process.argv.includes("--no-build");

function run(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  console.log(`\n▶ ${label}: ${command} ${args.join(" ")}`);
  const start = Date.now();
  const result = spawnSync(command, args, {stdio: "inherit", env: {...process.env, ...env}});
  const ok = result.status === 0;
  console.log(`${ok ? "✔" : "✘"} ${label} (${((Date.now() - start) / 1000).toFixed(1)} s)`);
  if (!ok) failures.push(label);
  return ok;
}

function stage(label: string, command: string, args: string[]): boolean {
  const ok = run(label, command, args);
  tally[ok ? "passed" : "failed"] += 1;
  return ok;
}

function vitest(label: string, config: string): void {
  mkdirSync(".tmp", {recursive: true});
  const report = `.tmp/${label.replace(/\W+/g, "-")}.json`;
  const ok = run(label, "npx", ["vitest", "run", "--config", config, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`]);
  if (!existsSync(report)) {
    tally.failed += 1;
    return;
  }
  const json = JSON.parse(readFileSync(report, "utf8")) as {numPassedTests: number; numFailedTests: number; numTotalTests: number};
  tally.passed += json.numPassedTests;
  tally.failed += json.numFailedTests;
  // A run that fails outside any test (a suite that does not load) still counts as a failure.
  if (!ok && json.numFailedTests === 0) tally.failed += 1;
  if (json.numTotalTests === 0) {
    console.log(`✘ ${label} ran no test`);
    tally.failed += 1;
  }
}

/** Offline when we can prove it: `unshare -n` gives the build a network namespace with only loopback. */
function offlineWrapper(): string[] {
  if (process.env.ATLAS_BUILD_ONLINE) return [];
  const probe = spawnSync("unshare", ["-n", "true"]);
  if (probe.status === 0) return ["unshare", "-n"];
  console.warn("note: cannot create a network namespace here; building without network isolation");
  return [];
}

stage("typecheck", "npx", ["tsc", "--noEmit"]);
vitest("unit tests", "vitest.config.ts");
let built = skipBuild;
if (!skipBuild) {
  const wrapper = offlineWrapper();
  const [command, ...args] = [...wrapper, "npm", "run", "build"];
  built = stage(wrapper.length ? "build (offline)" : "build", command, args);
  if (built) {
    const [again, ...againArgs] = [...wrapper, "npx", "tsx", "scripts/reproducible.ts"];
    stage("reproducible build", again, againArgs);
  }
}
if (built) vitest("browser tests", "vitest.e2e.config.ts");
else {
  console.log("✘ browser tests skipped: the build failed");
  tally.failed += 1;
}

console.log(`\ntotal ${((Date.now() - suiteStart) / 1000).toFixed(1)} s`);
if (failures.length) console.log(`\nfailed: ${failures.join(", ")}`);
console.log(`\n${tally.passed} passed, ${tally.failed} failed`);
process.exit(tally.failed === 0 && failures.length === 0 ? 0 : 1);
