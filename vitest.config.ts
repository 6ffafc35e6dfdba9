import {defineConfig} from "vitest/config";

/**
 * Test files that replace a module with `vi.mock`. They run isolated: without isolation a module that one file
 * imported under its mock stays cached for the next file, whose own mock then never applies.
 */
export const MOCKING = [
  "test/unit/dataExploreZh.test.ts",
  "test/unit/embeds.test.ts",
  "test/unit/longNames.test.ts",
  "test/unit/pagesZh.test.ts",
  "test/unit/paramNotice.test.ts",
  "test/unit/prerenderText.test.ts",
  "test/unit/storyPagesZh.test.ts",
  "test/unit/tableFaults.test.ts"
];

export default defineConfig({
  test: {
    environment: "node",
    // Pinned so date formatting and snapshot output do not depend on the machine.
    env: {TZ: "UTC"},
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts"],
          exclude: MOCKING,
          // One worker thread per core, reused across files: isolating every file cost 40 of the unit stage's 65 s
          // (two cores; CI allows the whole suite 15 minutes). These files restore what they change (globals, the
          // history, the document), and pass in shuffled file order.
          pool: "threads",
          isolate: false
        }
      },
      {extends: true, test: {name: "unit (mocks)", include: MOCKING}}
    ]
  }
});
