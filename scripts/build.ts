/**
 * `npm run build`: prepare-offline, `observable build`, finalize-build, into a staging folder; only a site
 * that got through every step replaces dist/. A bad row, a Framework error or a third-party URL therefore
 * stops the build with dist/ as it was: the last good site stays servable (and deployable) while the problem
 * is fixed. Framework writes where `output` in observablehq.config.ts says, which reads ATLAS_BUILD_OUTPUT.
 */
import {spawnSync} from "node:child_process";
import {existsSync, mkdirSync, renameSync, rmSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {finalizeBuild} from "./finalize-build.js";
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

/** prepare-offline, Framework and finalize-build into `dir`; false when a step fails (bad data exits at once). */
async function buildSite(dir: string): Promise<boolean> {
  await prepareOffline();
  const framework = spawnSync("npx", ["observable", "build"], {stdio: "inherit", env: {...process.env, ATLAS_BUILD_OUTPUT: dir}});
  if (framework.status !== 0) return false;
  return (await finalizeBuild(dir)).length === 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!(await replaceOnSuccess("dist", STAGING, buildSite))) {
    console.error("build: failed; dist/ is unchanged (the last good site, if there was one)");
    process.exit(1);
  }
  console.log("build: the new site is in dist/");
}
