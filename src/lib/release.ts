/**
 * Dataset versions (Node only). A release is a snapshot committed as `data/releases/<version>.json`, written by
 * `npm run data:release`, never by hand: for every curated file of SOURCE_FILES (by its name), every row (by its
 * key) and every field, a short hash of the cell text as written. Two snapshots then say which rows were added or
 * removed and which fields of which rows changed, without keeping a second copy of the data. The changelog the
 * build publishes is the diff of consecutive snapshots; the version the build stamps on every download is the
 * latest snapshot's, or an unreleased `<next minor>-dev+<hash>` when data/ differs from it.
 *
 * Generic over SOURCE_FILES and over columns: a new file is a table whose rows are all added, a new column a
 * field that changed on every row.
 */
import {createHash} from "node:crypto";
import {existsSync, readFileSync, readdirSync} from "node:fs";
import {join} from "node:path";
import {parseCsv} from "./csv.js";
import {SOURCE_FILES} from "./schemas.js";

/** One curated file in a snapshot: its key column, its other columns, and per row the hash of each field. */
export interface TableSnapshot {
  key: string;
  /** The columns other than the key, in file order. */
  fields: string[];
  /** Row key → one hash per field, in `fields` order, separated by spaces. */
  rows: Record<string, string>;
}

export interface Snapshot {
  version: string;
  /** ISO day of the release. */
  date: string;
  tables: Record<string, TableSnapshot>;
}

export interface TableDiff {
  added: string[];
  /** Rows present in both, with the fields whose value changed (a field present in only one counts as changed). */
  changed: {id: string; fields: string[]}[];
  removed: string[];
}

/** Tables with at least one change, by name. */
export type DataDiff = Record<string, TableDiff>;

/** One release in the published changelog: what changed since the release before it. */
export interface ChangelogEntry {
  version: string;
  date: string;
  tables: Record<string, {added: string[]; changed: string[]; removed: string[]}>;
}

export type BumpLevel = "major" | "minor" | "patch";

/** The folder of release snapshots for a data folder. */
export function releasesDir(dataDir: string): string {
  return join(dataDir, "releases");
}

/** Six hex digits of sha256: enough to tell a changed cell from an unchanged one, small enough to commit. */
export function fieldHash(value: string): string {
  return createHash("sha256").update(value).digest("hex").slice(0, 6);
}

/** The snapshot tables of the curated files in `dataDir`, from the cell text exactly as written. */
export function snapshotTables(dataDir: string): Record<string, TableSnapshot> {
  const tables: Record<string, TableSnapshot> = {};
  for (const [name, {file, key}] of Object.entries(SOURCE_FILES)) {
    const path = join(dataDir, file);
    if (!existsSync(path)) continue;
    const csv = parseCsv(readFileSync(path, "utf8"), `data/${file}`);
    const fields = csv.header.filter((column) => column !== key);
    const rows: Record<string, string> = {};
    for (const row of csv.rows) {
      const id = (row.values[key] ?? "").trim();
      if (id in rows) throw new Error(`data/${file}:${row.line}: ${key} ${JSON.stringify(id)} appears twice; a release needs unique keys`);
      rows[id] = fields.map((field) => fieldHash(row.values[field] ?? "")).join(" ");
    }
    tables[name] = {key, fields, rows: sortKeys(rows)};
  }
  return tables;
}

/** What changed from one set of snapshot tables to another; tables without a change are left out. */
export function diffTables(from: Record<string, TableSnapshot>, to: Record<string, TableSnapshot>): DataDiff {
  const diff: DataDiff = {};
  for (const name of tableOrder([...Object.keys(from), ...Object.keys(to)])) {
    const before = from[name];
    const after = to[name];
    const oldRows = before?.rows ?? {};
    const newRows = after?.rows ?? {};
    const fields = [...new Set([...(before?.fields ?? []), ...(after?.fields ?? [])])];
    const table: TableDiff = {added: [], changed: [], removed: []};
    for (const id of sortIds(Object.keys(newRows))) {
      if (!(id in oldRows)) {
        table.added.push(id);
        continue;
      }
      const changed = fields.filter((field) => hashOf(before, id, field) !== hashOf(after, id, field));
      if (changed.length) table.changed.push({id, fields: changed});
    }
    table.removed = sortIds(Object.keys(oldRows).filter((id) => !(id in newRows)));
    if (table.added.length || table.changed.length || table.removed.length) diff[name] = table;
  }
  return diff;
}

export function isEmptyDiff(diff: DataDiff): boolean {
  return Object.keys(diff).length === 0;
}

function hashOf(table: TableSnapshot | undefined, id: string, field: string): string | undefined {
  if (!table) return undefined;
  const index = table.fields.indexOf(field);
  return index < 0 ? undefined : table.rows[id]?.split(" ")[index];
}

/** Curated files in SOURCE_FILES order, then any other table name (a file since removed) alphabetically. */
function tableOrder(names: string[]): string[] {
  const known = Object.keys(SOURCE_FILES);
  return [...new Set(names)].sort((a, b) => {
    const ia = known.indexOf(a);
    const ib = known.indexOf(b);
    if (ia >= 0 && ib >= 0) return ia - ib;
    if (ia >= 0 || ib >= 0) return ia >= 0 ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  });
}

function sortIds(ids: string[]): string[] {
  return [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(sortIds(Object.keys(record)).map((k) => [k, record[k]]));
}

// Versions

const SEMVER = /^(\d+)\.(\d+)\.(\d+)$/;

export function parseVersion(version: string): [number, number, number] {
  const match = SEMVER.exec(version);
  if (!match) throw new Error(`invalid version: ${JSON.stringify(version)}; expected MAJOR.MINOR.PATCH, e.g. 1.2.0`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

export function compareVersions(a: string, b: string): number {
  const [pa, pb] = [parseVersion(a), parseVersion(b)];
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}

/** `bumpVersion("1.2.3", "minor")` is `1.3.0`: a major resets minor and patch, a minor resets patch. */
export function bumpVersion(version: string, level: BumpLevel = "minor"): string {
  const [major, minor, patch] = parseVersion(version);
  if (level === "major") return `${major + 1}.0.0`;
  if (level === "minor") return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

/** The version of the first release. */
export const FIRST_VERSION = "1.0.0";

// Snapshots on disk

/** Every release snapshot in `dataDir/releases/`, oldest first. */
export function readReleases(dataDir: string): Snapshot[] {
  const dir = releasesDir(dataDir);
  if (!existsSync(dir)) return [];
  const releases = readdirSync(dir)
    .filter((file) => file.endsWith(".json"))
    .map((file) => {
      const snapshot = JSON.parse(readFileSync(join(dir, file), "utf8")) as Snapshot;
      if (`${snapshot.version}.json` !== file) {
        throw new Error(`data/releases/${file}: holds version ${JSON.stringify(snapshot.version)}; a release file is named <version>.json`);
      }
      if (!/^\d{4}-\d{2}-\d{2}$/.test(snapshot.date)) throw new Error(`data/releases/${file}: invalid date: ${JSON.stringify(snapshot.date)}`);
      return snapshot;
    });
  return releases.sort((a, b) => compareVersions(a.version, b.version));
}

/** A snapshot as committed: two-space JSON, one row per line, so a release reads well in a git diff. */
export function formatSnapshot(snapshot: Snapshot): string {
  return `${JSON.stringify(snapshot, null, 2)}\n`;
}

/** The next release of `dataDir` (not written): the current data under the next version. */
export function nextRelease(dataDir: string, {level = "minor", date}: {level?: BumpLevel; date: string}): {snapshot: Snapshot; diff: DataDiff; previous: Snapshot | null} {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`invalid date: ${JSON.stringify(date)}; expected YYYY-MM-DD`);
  const releases = readReleases(dataDir);
  const previous = releases.at(-1) ?? null;
  const tables = snapshotTables(dataDir);
  const diff = diffTables(previous?.tables ?? {}, tables);
  const version = previous ? bumpVersion(previous.version, level) : FIRST_VERSION;
  if (previous && date < previous.date) throw new Error(`invalid date: ${date} is before the date of release ${previous.version} (${previous.date})`);
  return {snapshot: {version, date, tables}, diff, previous};
}

// The changelog and the current version

/** What each release changed since the one before it, newest first; the first release is the baseline, not an entry. */
export function changelog(releases: Snapshot[]): ChangelogEntry[] {
  const sorted = [...releases].sort((a, b) => compareVersions(a.version, b.version));
  const entries: ChangelogEntry[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const diff = diffTables(sorted[i - 1].tables, sorted[i].tables);
    const tables = Object.fromEntries(
      Object.entries(diff).map(([name, d]) => [name, {added: d.added, changed: d.changed.map((c) => c.id), removed: d.removed}])
    );
    entries.push({version: sorted[i].version, date: sorted[i].date, tables});
  }
  return entries.reverse();
}

export interface ReleaseState {
  /** The version stamped on the build: the latest release's, or `<next minor>-dev+<hash8>` when data/ differs. */
  version: string;
  /** True when data/ is exactly the latest release. */
  released: boolean;
  /** The latest release, if any. */
  latest: {version: string; date: string} | null;
  /** Every release, oldest first. */
  history: {version: string; date: string}[];
  /** What changed in data/ since the latest release (empty when released). */
  pending: DataDiff;
  changelog: ChangelogEntry[];
}

/** The release state of a data folder: which version its data are, and the history of releases. */
export function releaseState(dataDir: string): ReleaseState {
  const releases = readReleases(dataDir);
  const latest = releases.at(-1) ?? null;
  const tables = snapshotTables(dataDir);
  const pending = diffTables(latest?.tables ?? {}, tables);
  const released = latest !== null && isEmptyDiff(pending);
  const hash = createHash("sha256").update(JSON.stringify(tables)).digest("hex").slice(0, 8);
  const version = released ? latest.version : `${latest ? bumpVersion(latest.version, "minor") : FIRST_VERSION}-dev+${hash}`;
  return {
    version,
    released,
    latest: latest && {version: latest.version, date: latest.date},
    history: releases.map((r) => ({version: r.version, date: r.date})),
    pending,
    changelog: changelog(releases)
  };
}

/** `data:diff` output: per table, rows added, changed (with the fields) and removed. */
export function formatDiff(diff: DataDiff, against: string, {ids = true}: {ids?: boolean} = {}): string {
  if (isEmptyDiff(diff)) return `No changes since ${against}.`;
  const lines = [`Changes since ${against}:`];
  for (const [name, table] of Object.entries(diff)) {
    lines.push(`${ids ? "\n" : ""}${name}: ${table.added.length} added, ${table.changed.length} changed, ${table.removed.length} removed`);
    if (!ids) continue;
    for (const id of table.added) lines.push(`  + ${id}`);
    for (const {id, fields} of table.changed) lines.push(`  ~ ${id}: ${fields.join(", ")}`);
    for (const id of table.removed) lines.push(`  - ${id}`);
  }
  return lines.join("\n");
}
