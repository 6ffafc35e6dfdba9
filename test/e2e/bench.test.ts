/**
 * `npm run bench` still measures: one round of one page on this machine's profile. The bench is not part of the
 * suite's timing, but a change elsewhere can stop it (the site's server began to send pages a policy that refused
 * the floor page's inline script, and every run timed out unnoticed); this run catches that.
 */
import {execFile} from "node:child_process";
import {promisify} from "node:util";
import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {expect, test} from "vitest";

test("npm run bench measures the floor and a story page: a paint, bytes, no console error", async () => {
  const dir = mkdtempSync(join(tmpdir(), "atlas-bench-"));
  try {
    const out = join(dir, "results.json");
    // Exits non-zero on a console error while measuring, and throws on a page that never paints.
    await promisify(execFile)("npx", ["tsx", "scripts/bench.ts"], {env: {...process.env, BENCH_RUNS: "1", BENCH_PROFILES: "desktop", BENCH_ROUTES: "density", BENCH_OUT: out}, timeout: 150_000});
    const {results} = JSON.parse(readFileSync(out, "utf8")) as {results: {page: string; paint_ms: number; fcp_ms: number; kb_idle: number; requests: number}[]};
    expect(results.map((r) => r.page)).toEqual(["floor (bare HTML, 60 SVG circles)", "/density"]);
    for (const r of results) expect(r.fcp_ms, r.page).toBeGreaterThan(0);
    // The floor is one file; the story page loads its modules and tables after its paint.
    expect(results[0].requests).toBe(1);
    expect(results[1].kb_idle).toBeGreaterThan(100);
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}, 180_000);
