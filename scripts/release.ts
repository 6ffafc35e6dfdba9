/**
 * Dataset versions from the command line (src/lib/release.ts does the work):
 *   npm run data:diff                                  what changed in data/ since the latest release
 *   npm run data:release [-- --major|--minor|--patch]  validate data/, write data/releases/<next>.json (default
 *                        [--date=YYYY-MM-DD]          minor; dated today) and CITATION.cff
 *   npm run data:citation                              rewrite CITATION.cff for the latest release
 */
import {existsSync, mkdirSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {citationCff, siteUrl} from "../src/lib/citation.js";
import {DATA_DIR, ROOT} from "../src/lib/compiledPaths.js";
import {loadDataset} from "../src/lib/dataset.js";
import {DATA_AS_OF} from "../src/lib/fields.js";
import {formatDiff, formatSnapshot, isEmptyDiff, nextRelease, readReleases, releasesDir, snapshotTables, diffTables, type BumpLevel} from "../src/lib/release.js";
import {ValidationError} from "../src/lib/validate.js";

const [command, ...args] = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

function writeCitation(): string {
  const latest = readReleases(DATA_DIR).at(-1);
  if (!latest) throw new Error("no release yet in data/releases/; run `npm run data:release` first");
  writeFileSync(join(ROOT, "CITATION.cff"), citationCff({version: latest.version, date: latest.date, dataAsOf: DATA_AS_OF, url: siteUrl(ROOT)}));
  return latest.version;
}

if (command === "diff") {
  const latest = readReleases(DATA_DIR).at(-1);
  if (!latest) {
    console.log("No release yet: `npm run data:release` makes the first one (1.0.0).");
  } else {
    console.log(formatDiff(diffTables(latest.tables, snapshotTables(DATA_DIR)), `release ${latest.version} (${latest.date})`));
  }
} else if (command === "release") {
  const levels = (["major", "minor", "patch"] as const).filter((l) => flag(l));
  if (levels.length > 1) throw new Error(`choose one of --major, --minor, --patch (got ${levels.map((l) => `--${l}`).join(", ")})`);
  const level: BumpLevel = levels[0] ?? "minor";
  // A release is data that build: validate first, with every problem listed.
  try {
    loadDataset(DATA_DIR);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    console.error(`${error.message}\n\ndata/ is not valid; fix the rows above before releasing.`);
    process.exit(1);
  }
  const date = option("date") ?? new Date().toISOString().slice(0, 10);
  const {snapshot, diff, previous} = nextRelease(DATA_DIR, {level, date});
  if (previous && isEmptyDiff(diff)) {
    console.log(`No changes since release ${previous.version}; nothing to release.`);
    process.exit(0);
  }
  const dir = releasesDir(DATA_DIR);
  mkdirSync(dir, {recursive: true});
  const path = join(dir, `${snapshot.version}.json`);
  if (existsSync(path)) throw new Error(`${path} exists already; releases are never rewritten`);
  writeFileSync(path, formatSnapshot(snapshot));
  writeCitation();
  if (previous) console.log(formatDiff(diff, `release ${previous.version} (${previous.date})`));
  console.log(`\nReleased ${snapshot.version} (${snapshot.date}): wrote data/releases/${snapshot.version}.json and CITATION.cff; commit both.`);
} else if (command === "citation") {
  console.log(`CITATION.cff written for release ${writeCitation()}`);
} else {
  console.error("usage: tsx scripts/release.ts diff | release [--major|--minor|--patch] [--date=YYYY-MM-DD] | citation");
  process.exit(2);
}
