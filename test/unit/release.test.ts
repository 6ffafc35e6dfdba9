import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, describe, expect, test} from "vitest";
import {citationBibtex, citationCff, citationText, siteUrl} from "../../src/lib/citation.js";
import {compiledDir, DATA_DIR, ROOT} from "../../src/lib/compiledPaths.js";
import {DATA_AS_OF} from "../../src/lib/fields.js";
import {
  bumpVersion,
  changelog,
  diffTables,
  fieldHash,
  formatDiff,
  formatSnapshot,
  nextRelease,
  readReleases,
  releaseState,
  snapshotTables,
  type Snapshot
} from "../../src/lib/release.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, {recursive: true, force: true});
});

/** A data folder with the given curated files (only what snapshots read: the CSV text). */
function dataDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "atlas-release-"));
  dirs.push(dir);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

function release(dir: string, version: string, date: string): Snapshot {
  const snapshot = {version, date, tables: snapshotTables(dir)};
  mkdirSync(join(dir, "releases"), {recursive: true});
  writeFileSync(join(dir, "releases", `${version}.json`), formatSnapshot(snapshot));
  return snapshot;
}

const MODELS = "id,model,params_total_b,notes\nglm-4,GLM-4,,first\nminicpm-1,MiniCPM,2.4,\nold-one,Old,1,\n";

describe("snapshots and diffs", () => {
  test("snapshotTables hashes every field of every row by its key, from the text as written", () => {
    const {models} = snapshotTables(dataDir({"models.csv": MODELS}));
    expect(models.key).toBe("id");
    expect(models.fields).toEqual(["model", "params_total_b", "notes"]);
    expect(Object.keys(models.rows)).toEqual(["glm-4", "minicpm-1", "old-one"]);
    expect(models.rows["glm-4"]).toBe([fieldHash("GLM-4"), fieldHash(""), fieldHash("first")].join(" "));
    expect(fieldHash("GLM-4")).toMatch(/^[0-9a-f]{6}$/);
  });

  test("snapshotTables keys each file by SOURCE_FILES (sources by source_id, investor_aliases by alias)", () => {
    const tables = snapshotTables(dataDir({"sources.csv": "source_id,title\na,A\n", "investor_aliases.csv": "alias,investor_id\nTencent 腾讯,tencent\n"}));
    expect(Object.keys(tables.sources.rows)).toEqual(["a"]);
    expect(Object.keys(tables.investor_aliases.rows)).toEqual(["Tencent 腾讯"]);
  });

  test("diffTables reports rows added, changed (with the fields) and removed", () => {
    const before = snapshotTables(dataDir({"models.csv": MODELS}));
    const after = snapshotTables(dataDir({"models.csv": "id,model,params_total_b,notes\nglm-4,GLM-4,130,first\nminicpm-1,MiniCPM,2.4,\nminicpm-2,MiniCPM 2,2.4,\n"}));
    expect(diffTables(before, after)).toEqual({
      models: {added: ["minicpm-2"], changed: [{id: "glm-4", fields: ["params_total_b"]}], removed: ["old-one"]}
    });
    expect(diffTables(before, before)).toEqual({});
  });

  test("diffTables: a new column is a changed field on every row; a new file adds all its rows; a removed file removes them", () => {
    const before = snapshotTables(dataDir({"models.csv": "id,model\nglm-4,GLM-4\n", "claims.csv": "id,claimant\nc1,X\n"}));
    const after = snapshotTables(dataDir({"models.csv": "id,model,status\nglm-4,GLM-4,\n", "events.csv": "id,title\ne1,E\n"}));
    expect(diffTables(before, after)).toEqual({
      models: {added: [], changed: [{id: "glm-4", fields: ["status"]}], removed: []},
      events: {added: ["e1"], changed: [], removed: []},
      claims: {added: [], changed: [], removed: ["c1"]}
    });
  });

  test("diffTables ignores a column moved to another position", () => {
    const before = snapshotTables(dataDir({"models.csv": "id,model,notes\nglm-4,GLM-4,n\n"}));
    const after = snapshotTables(dataDir({"models.csv": "id,notes,model\nglm-4,n,GLM-4\n"}));
    expect(diffTables(before, after)).toEqual({});
  });

  test("formatDiff prints per table the counts, then + added, ~ changed with fields, - removed", () => {
    const diff = {models: {added: ["b"], changed: [{id: "a", fields: ["notes", "model"]}], removed: ["c"]}};
    expect(formatDiff(diff, "release 1.0.0")).toBe("Changes since release 1.0.0:\n\nmodels: 1 added, 1 changed, 1 removed\n  + b\n  ~ a: notes, model\n  - c");
    expect(formatDiff({}, "release 1.0.0")).toBe("No changes since release 1.0.0.");
  });
});

describe("versions and releases", () => {
  test("bumpVersion(version, level) raises one part and resets the ones after it; minor by default", () => {
    expect(bumpVersion("1.2.3")).toBe("1.3.0");
    expect(bumpVersion("1.2.3", "major")).toBe("2.0.0");
    expect(bumpVersion("1.2.3", "minor")).toBe("1.3.0");
    expect(bumpVersion("1.2.3", "patch")).toBe("1.2.4");
    expect(bumpVersion("1.9.0", "minor")).toBe("1.10.0");
    expect(() => bumpVersion("1.2")).toThrow('invalid version: "1.2"');
  });

  test("readReleases orders by version, not by name (1.10.0 after 1.9.0), and refuses a misnamed file", () => {
    const dir = dataDir({"models.csv": MODELS});
    release(dir, "1.10.0", "2027-02-01");
    release(dir, "1.9.0", "2027-01-01");
    expect(readReleases(dir).map((r) => r.version)).toEqual(["1.9.0", "1.10.0"]);
    writeFileSync(join(dir, "releases", "2.0.0.json"), formatSnapshot({version: "1.0.0", date: "2027-03-01", tables: {}}));
    expect(() => readReleases(dir)).toThrow('data/releases/2.0.0.json: holds version "1.0.0"; a release file is named <version>.json');
  });

  test("nextRelease: the first is 1.0.0, then the bumped version; never dated before the previous one", () => {
    const dir = dataDir({"models.csv": MODELS});
    expect(nextRelease(dir, {date: "2026-11-22"}).snapshot.version).toBe("1.0.0");
    release(dir, "1.0.0", "2026-11-22");
    expect(nextRelease(dir, {date: "2026-12-01"}).snapshot.version).toBe("1.1.0");
    expect(nextRelease(dir, {level: "patch", date: "2026-12-01"}).snapshot.version).toBe("1.0.1");
    expect(nextRelease(dir, {date: "2026-12-01"}).diff).toEqual({});
    expect(() => nextRelease(dir, {date: "2026-11-01"})).toThrow("invalid date: 2026-11-01 is before the date of release 1.0.0 (2026-11-22)");
  });

  test("changelog lists each release after the baseline with its added, changed and removed ids, newest first", () => {
    const dir = dataDir({"models.csv": MODELS});
    const v1 = release(dir, "1.0.0", "2026-11-22");
    writeFileSync(join(dir, "models.csv"), "id,model,params_total_b,notes\nglm-4,GLM-4,130,first\nminicpm-1,MiniCPM,2.4,\nold-one,Old,1,\n");
    const v2 = release(dir, "1.1.0", "2026-12-01");
    writeFileSync(join(dir, "models.csv"), "id,model,params_total_b,notes\nglm-4,GLM-4,130,first\nminicpm-1,MiniCPM,2.4,\nnew-one,New,3,\n");
    writeFileSync(join(dir, "events.csv"), "id,title\ne1,E\n");
    const v3 = release(dir, "2.0.0", "2027-01-05");
    expect(changelog([v3, v1, v2])).toEqual([
      {version: "2.0.0", date: "2027-01-05", tables: {models: {added: ["new-one"], changed: [], removed: ["old-one"]}, events: {added: ["e1"], changed: [], removed: []}}},
      {version: "1.1.0", date: "2026-12-01", tables: {models: {added: [], changed: ["glm-4"], removed: []}}}
    ]);
    expect(changelog([v1])).toEqual([]);
  });

  test("releaseState: released data carry the release's version; changed data an unreleased next-minor -dev version", () => {
    const dir = dataDir({"models.csv": MODELS});
    expect(releaseState(dir)).toMatchObject({released: false, latest: null, version: expect.stringMatching(/^1\.0\.0-dev\+[0-9a-f]{8}$/)});
    release(dir, "1.0.0", "2026-11-22");
    expect(releaseState(dir)).toMatchObject({version: "1.0.0", released: true, latest: {version: "1.0.0", date: "2026-11-22"}, pending: {}, changelog: []});
    writeFileSync(join(dir, "models.csv"), MODELS.replace("first", "second"));
    const state = releaseState(dir);
    expect(state.version).toMatch(/^1\.1\.0-dev\+[0-9a-f]{8}$/);
    expect(state.released).toBe(false);
    expect(state.pending).toEqual({models: {added: [], changed: [{id: "glm-4", fields: ["notes"]}], removed: []}});
  });

  test("compiledDir changes when a release is added, so the compiled version follows data/releases", () => {
    const dir = dataDir({"models.csv": MODELS});
    const before = compiledDir(dir);
    release(dir, "1.0.0", "2026-11-22");
    expect(compiledDir(dir)).not.toBe(before);
  });
});

describe("citation", () => {
  const input = {version: "1.2.0", date: "2027-01-05", dataAsOf: "2026-12-31", url: "https://example.org/atlas/"};

  test("citationText names the title, version, year, URL, data date and licence", () => {
    expect(citationText(input)).toBe(
      "Six Tigers Atlas contributors (2027). Six Tigers Atlas (version 1.2.0) [Data set]. https://example.org/atlas/. Data as of 2026-12-31; licensed CC BY 4.0."
    );
  });

  test("citationBibtex is one @misc entry with title, version, year, url and a note of the data date", () => {
    const bibtex = citationBibtex(input);
    expect(bibtex).toMatch(/^@misc\{sixtigersatlas2027,\n/);
    expect(bibtex).toContain("  title = {Six Tigers Atlas},");
    expect(bibtex).toContain("  version = {1.2.0},");
    expect(bibtex).toContain("  year = {2027},");
    expect(bibtex).toContain("  url = {https://example.org/atlas/},");
    expect(bibtex).toContain("data as of 2026-12-31");
    expect(bibtex.endsWith("\n}")).toBe(true);
  });
});

// The gates: the committed data are a release, and CITATION.cff names it. A curator who edits data/ runs
// `npm run data:release` and commits the snapshot with the edit.
describe("the repository's data", () => {
  test("data/ matches the latest release in data/releases/", () => {
    const state = releaseState(DATA_DIR);
    expect(state.latest, "no release in data/releases/: run `npm run data:release`").not.toBeNull();
    expect(
      state.pending,
      `data/ differs from release ${state.latest?.version}: run \`npm run data:diff\` to review the changes, then \`npm run data:release\` ` +
        "(-- --patch for corrections, -- --major for breaking changes) and commit data/releases/ and CITATION.cff"
    ).toEqual({});
  });

  test("CITATION.cff is the one generated for the latest release", () => {
    const latest = readReleases(DATA_DIR).at(-1)!;
    const expected = citationCff({version: latest.version, date: latest.date, dataAsOf: DATA_AS_OF, url: siteUrl(ROOT)});
    expect(readFileSync(join(ROOT, "CITATION.cff"), "utf8"), "CITATION.cff is stale: run `npm run data:citation`").toBe(expected);
  });
});
