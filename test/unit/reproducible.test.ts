/**
 * Reproducible builds (scripts/reproducible.ts, scripts/framework/fileDates.ts): the date Framework gives files comes
 * from SOURCE_DATE_EPOCH, else the commit, else a fixed value; the patch refuses a Framework that no longer takes it;
 * and the comparison of two builds names every file that differs. The two builds themselves run in `npm test`
 * (its "reproducible build" stage), since they cost a build.
 */
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, test} from "vitest";
import {outputFolder} from "../../scripts/build.js";
import {checkFileDates, FALLBACK_EPOCH, sourceDateEpoch} from "../../scripts/framework/fileDates.js";
import {frameworkDir} from "../../scripts/framework/paths.js";
import {differingFiles} from "../../scripts/reproducible.js";

const temp = mkdtempSync(join(tmpdir(), "atlas-reproducible-"));
afterAll(() => rmSync(temp, {recursive: true, force: true}));

function tree(name: string, files: Record<string, string>): string {
  const dir = join(temp, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(dir, file, ".."), {recursive: true});
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

describe("the sources' date", () => {
  test("is SOURCE_DATE_EPOCH when set", () => {
    expect(sourceDateEpoch({SOURCE_DATE_EPOCH: "1700000000"})).toBe(1700000000);
  });

  test("is HEAD's commit date otherwise, and the fixed date outside a git checkout", () => {
    expect(sourceDateEpoch({})).toBeGreaterThan(FALLBACK_EPOCH - 86400 * 30);
    expect(sourceDateEpoch({}, temp)).toBe(FALLBACK_EPOCH);
  });

  test("refuses a malformed SOURCE_DATE_EPOCH instead of using another date", () => {
    expect(() => sourceDateEpoch({SOURCE_DATE_EPOCH: "2026-11-22"})).toThrow('invalid SOURCE_DATE_EPOCH: "2026-11-22"');
  });
});

describe("fixed-file-dates patch", () => {
  const config = readFileSync(join(frameworkDir, "dist", "config.js"), "utf8");
  const module = readFileSync(join(frameworkDir, "dist", "javascript", "module.js"), "utf8");

  test("holds for the installed Framework", () => {
    expect(() => checkFileDates(config, module)).not.toThrow();
  });

  test("throws by name when Framework stats files without the fixed date", () => {
    expect(() => checkFileDates(config, module.replace("currentDate ?? stat.mtimeMs", "stat.mtimeMs"))).toThrow(/fixed-file-dates: Framework no longer dates files/);
    expect(() => checkFileDates(config.replace(/setCurrentDate,/, ""), module)).toThrow(/fixed-file-dates/);
  });
});

describe("build --out", () => {
  test("names the folder to build into, dist/ by default", () => {
    expect(outputFolder([])).toBe("dist");
    expect(outputFolder(["--out", ".tmp/rebuild"])).toBe(".tmp/rebuild");
    expect(() => outputFolder(["--out"])).toThrow("invalid --out");
  });
});

describe("differingFiles", () => {
  test("is empty for two byte-identical builds", () => {
    const files = {"index.html": "<p>a</p>", "_file/data/x.1a2b3c4d.csv": "id\n1\n"};
    expect(differingFiles(tree("same-a", files), tree("same-b", files))).toEqual([]);
  });

  test("lists every file in one build only or differing, with where it differs", () => {
    const a = tree("diff-a", {"index.html": '<script src="./index.11111111.js">', "index.11111111.js": "x", "same.css": "p{}"});
    const b = tree("diff-b", {"index.html": '<script src="./index.22222222.js">', "index.22222222.js": "x", "same.css": "p{}"});
    const problems = differingFiles(a, b);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toBe(`index.11111111.js: only in ${a}`);
    expect(problems[1]).toBe(`index.22222222.js: only in ${b}`);
    expect(problems[2]).toMatch(/^index\.html: differs from byte 21 \(34 and 34 bytes\): .*index\.1111.* vs .*index\.2222/);
  });
});
