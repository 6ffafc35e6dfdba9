/**
 * Reproducible builds: Framework 1.13 writes each file's modification time into the pages that attach it
 * (`registerFile(…, {lastModified})`, `FileAttachment({…, lastModified})`) and hashes it into module names
 * (`tables.<hash>.js`, each page's module). Loader outputs are written afresh by every clean build, and a fresh
 * clone gives every source file a new mtime, so two builds of one commit differed in every page.
 *
 * Framework has one switch for this, used by its own tests: `setCurrentDate(date)` makes every file it stats
 * report `date` as its mtime. The build sets it (in Framework's own process, through a preload) to the
 * moment the sources were made: `SOURCE_DATE_EPOCH` when set (the reproducible-builds.org convention), else
 * the commit date of HEAD, else a fixed date. Only the build does: `observable preview` keeps real mtimes,
 * which it needs to notice edits.
 */
import {spawnSync} from "node:child_process";
import {readFileSync, realpathSync} from "node:fs";
import {join} from "node:path";
import {pathToFileURL} from "node:url";
import {frameworkDir, root} from "./paths.js";

export const FILE_DATES_PATCH = "fixed-file-dates";

/** Used when neither SOURCE_DATE_EPOCH nor git gives a date (a source tarball): 2026-11-22, the first release. */
export const FALLBACK_EPOCH = 1795305600;

/** The environment variable the build hands the chosen date to Framework's process in (seconds). */
export const EPOCH_VARIABLE = "SOURCE_DATE_EPOCH";

/**
 * The sources' date in seconds since 1970: SOURCE_DATE_EPOCH if it is a whole number, else HEAD's commit date,
 * else FALLBACK_EPOCH. A malformed SOURCE_DATE_EPOCH is an error rather than silently another date.
 */
export function sourceDateEpoch(env: NodeJS.ProcessEnv = process.env, cwd = root): number {
  const given = env[EPOCH_VARIABLE];
  if (given !== undefined && given !== "") {
    if (!/^\d+$/.test(given)) throw new Error(`invalid ${EPOCH_VARIABLE}: ${JSON.stringify(given)}; expected whole seconds since 1970, e.g. 1795305600`);
    return Number(given);
  }
  const git = spawnSync("git", ["log", "-1", "--format=%ct"], {cwd, encoding: "utf8"});
  const committed = git.status === 0 ? git.stdout.trim() : "";
  return /^\d+$/.test(committed) ? Number(committed) : FALLBACK_EPOCH;
}

/**
 * Asserts the premise in Framework's sources: config.js exports setCurrentDate, and the file stat that feeds
 * lastModified and the hashes (getFileInfo in javascript/module.js) takes that date over the real mtime.
 */
export function checkFileDates(configSource: string, moduleSource: string): void {
  if (!/export\s*\{[^}]*\bsetCurrentDate\b/.test(configSource) || !/mtimeMs = Math\.floor\(currentDate \?\? stat\.mtimeMs\)/.test(moduleSource)) {
    throw new Error(`${FILE_DATES_PATCH}: Framework no longer dates files by setCurrentDate (config.js, javascript/module.js); re-verify scripts/framework/fileDates.ts`);
  }
}

/** Sets the date every file reports in this process's Framework; call before Framework builds anything. */
export async function fixFileDates(epochSeconds: number, dir = frameworkDir): Promise<void> {
  const config = join(dir, "dist", "config.js");
  checkFileDates(readFileSync(config, "utf8"), readFileSync(join(dir, "dist", "javascript", "module.js"), "utf8"));
  // The very module instance the CLI imports (one per resolved file URL), so its currentDate is the one it reads.
  const {setCurrentDate} = (await import(pathToFileURL(realpathSync(config)).href)) as {setCurrentDate: (date: Date) => void};
  setCurrentDate(new Date(epochSeconds * 1000));
}
