import {defineConfig} from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/unit/**/*.test.ts"],
    environment: "node",
    // One worker thread per core, reused across files: module isolation per file cost 40 of the unit stage's 65 s
    // (two cores, CI's limit is 15 minutes for the whole suite). Tests restore what they change (globals, the
    // history, the document); `--sequence.shuffle.files` runs pass in any order.
    pool: "threads",
    isolate: false,
    // Pinned so date formatting and snapshot output do not depend on the machine.
    env: {TZ: "UTC"}
  }
});
