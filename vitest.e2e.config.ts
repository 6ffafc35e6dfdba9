import {defineConfig} from "vitest/config";

// Browser tests: real Chromium against the built site, one file at a time (two cores; DuckDB-WASM is heavy).
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.ts"],
    environment: "node",
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: {TZ: "UTC"}
  }
});
