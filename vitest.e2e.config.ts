import {defineConfig} from "vitest/config";

// Browser tests: real Chromium against the built site, two files at a time, one per core. One at a time took
// over 700 s of CI's 15 minutes once the grid and embed tests came (two at a time: 573 s). Tests wait on the pages'
// own signals (busy regions, pending cells, performance marks), not on how long things usually take, so a
// loaded machine slows them without failing them.
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.ts"],
    environment: "node",
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: {TZ: "UTC"}
  }
});
