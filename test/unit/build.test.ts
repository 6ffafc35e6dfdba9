import {existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, describe, expect, test} from "vitest";
import {replaceOnSuccess, swapIn} from "../../scripts/build.js";

const dirs: string[] = [];

/** A temp project folder with a previous site in dist/. */
function project(): {root: string; dist: string; staging: string} {
  const root = mkdtempSync(join(tmpdir(), "atlas-build-"));
  dirs.push(root);
  const dist = join(root, "dist");
  site(dist, "previous");
  return {root, dist, staging: join(root, ".tmp", "dist-next")};
}

function site(dir: string, label: string): void {
  mkdirSync(join(dir, "downloads"), {recursive: true});
  writeFileSync(join(dir, "index.html"), `<p>${label}</p>`);
  writeFileSync(join(dir, "downloads", "models.csv"), `id\n${label}\n`);
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, {recursive: true, force: true});
});

describe("swapIn", () => {
  test("swapIn(next, target) puts the new site in place of the old one and removes the old one", () => {
    const {dist, staging} = project();
    site(staging, "new");
    swapIn(staging, dist);
    expect(readFileSync(join(dist, "index.html"), "utf8")).toBe("<p>new</p>");
    expect(existsSync(staging)).toBe(false);
    expect(existsSync(`${staging}.previous`)).toBe(false);
  });

  test("swapIn(next, missing target) creates it", () => {
    const {dist, staging} = project();
    rmSync(dist, {recursive: true});
    site(staging, "new");
    swapIn(staging, dist);
    expect(readFileSync(join(dist, "index.html"), "utf8")).toBe("<p>new</p>");
  });

  test("swapIn(a folder without index.html, target) throws and leaves the target as it was", () => {
    const {dist, staging} = project();
    mkdirSync(staging, {recursive: true});
    expect(() => swapIn(staging, dist)).toThrow(/has no index\.html/);
    expect(readFileSync(join(dist, "index.html"), "utf8")).toBe("<p>previous</p>");
  });
});

describe("replaceOnSuccess", () => {
  test("replaceOnSuccess(dist, staging, a failing build) leaves the previous dist/ intact", async () => {
    const {dist, staging} = project();
    const ok = await replaceOnSuccess(dist, staging, async (dir) => {
      // Half a site, as a build that stops in Framework or finalize-build leaves it.
      writeFileSync(join(dir, "index.html"), "<p>half</p>");
      return false;
    });
    expect(ok).toBe(false);
    expect(readFileSync(join(dist, "index.html"), "utf8")).toBe("<p>previous</p>");
    expect(readFileSync(join(dist, "downloads", "models.csv"), "utf8")).toBe("id\nprevious\n");
  });

  test("replaceOnSuccess(dist, staging, a build that throws) rethrows and leaves the previous dist/ intact", async () => {
    const {dist, staging} = project();
    await expect(
      replaceOnSuccess(dist, staging, async () => {
        throw new Error("data/models.csv:3:78: notes: cell too long");
      })
    ).rejects.toThrow(/cell too long/);
    expect(readFileSync(join(dist, "index.html"), "utf8")).toBe("<p>previous</p>");
  });

  test("replaceOnSuccess(dist, staging, a build that succeeds) builds into an empty staging folder, then replaces dist/", async () => {
    const {dist, staging} = project();
    mkdirSync(staging, {recursive: true});
    writeFileSync(join(staging, "stale.html"), "left by an earlier failed build");
    let seen: string[] = [];
    const ok = await replaceOnSuccess(dist, staging, async (dir) => {
      expect(existsSync(join(dist, "index.html"))).toBe(true); // the old site is served while the new one builds
      seen = readdirSync(dir);
      site(dir, "new");
      return true;
    });
    expect(ok).toBe(true);
    expect(seen).toEqual([]);
    expect(readFileSync(join(dist, "index.html"), "utf8")).toBe("<p>new</p>");
    expect(existsSync(join(dist, "stale.html"))).toBe(false);
  });
});
