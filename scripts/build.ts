/**
 * `npm run build`: prepare-offline, `observable build`, finalize-build, into a staging folder; only a site
 * that got through every step replaces dist/. A bad row, a Framework error or a third-party URL therefore
 * stops the build with dist/ as it was: the last good site stays servable (and deployable) while the problem
 * is fixed. Framework writes where `output` in observablehq.config.ts says, which reads ATLAS_BUILD_OUTPUT.
 *
 * `npm run build -- --out <dir>` builds into another folder inside the project instead of dist/ (the
 * reproducibility check builds a second copy to compare with dist/). Two builds of one commit are byte-identical:
 * Framework is given a fixed date for every file (scripts/framework/fileDates.ts).
 */
import {spawnSync} from "node:child_process";
import {existsSync, mkdirSync, renameSync, rmSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {finalizeBuild} from "./finalize-build.js";
import {EPOCH_VARIABLE, sourceDateEpoch} from "./framework/fileDates.js";
import {frameworkDir} from "./framework/paths.js";
import {prepareOffline} from "./prepare-offline.js";

/** Where the new site is built; inside the project (Framework only clears an output folder under the cwd). */
export const STAGING = join(".tmp", "dist-next");

/**
 * Puts the complete site `next` in the place of `target` and removes the old one. Both must be on one file
 * system (renames); `target` is missing only between two renames, and comes back if the second one fails.
 */
export function swapIn(next: string, target: string): void {
  if (!existsSync(join(next, "index.html"))) throw new Error(`swapIn: ${next} has no index.html; not replacing ${target} with it`);
  const previous = `${next}.previous`;
  rmSync(previous, {recursive: true, force: true});
  const hadTarget = existsSync(target);
  if (hadTarget) renameSync(target, previous);
  try {
    renameSync(next, target);
  } catch (error) {
    if (hadTarget) renameSync(previous, target);
    throw error;
  }
  rmSync(previous, {recursive: true, force: true});
}

/**
 * Runs `make` on an empty `staging` folder and swaps the result in for `output` only when it reports success;
 * on a failure or an exception `output` is left as it was, and `staging` stays for a look at what went wrong.
 */
export async function replaceOnSuccess(output: string, staging: string, make: (dir: string) => Promise<boolean>): Promise<boolean> {
  rmSync(staging, {recursive: true, force: true});
  mkdirSync(staging, {recursive: true});
  if (!(await make(staging))) return false;
  swapIn(staging, output);
  return true;
}

/** Framework's CLI, run with the preload that fixes the date it gives every file. */
const FRAMEWORK_BUILD = ["--import", "tsx", "--import", fileURLToPath(new URL("./framework/fileDatesPreload.ts", import.meta.url)), join(frameworkDir, "dist", "bin", "observable.js"), "build"];

/** prepare-offline, Framework and finalize-build into `dir`; false when a step fails (bad data exits at once). */
async function buildSite(dir: string): Promise<boolean> {
  await prepareOffline();
  const env = {...process.env, ATLAS_BUILD_OUTPUT: dir, [EPOCH_VARIABLE]: String(sourceDateEpoch())};
  const framework = spawnSync(process.execPath, FRAMEWORK_BUILD, {stdio: "inherit", env});
  if (framework.status !== 0) return false;
  return (await finalizeBuild(dir)).length === 0;
}

/** The folder named by `--out <dir>`, else dist/. */
export function outputFolder(args: readonly string[]): string {
  const at = args.indexOf("--out");
  if (at === -1) return "dist";
  const dir = args[at + 1];
  if (!dir || dir.startsWith("-")) throw new Error("invalid --out: expected a folder, e.g. --out .tmp/rebuild");
  return dir;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const output = outputFolder(process.argv.slice(2));
  if (!(await replaceOnSuccess(output, STAGING, buildSite))) {
    console.error(`build: failed; ${output}/ is unchanged (the last good site, if there was one)`);
    process.exit(1);
  }
  console.log(`build: the new site is in ${output}/`);
}
