import {defineConfig} from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/unit/**/*.test.ts"],
    environment: "node",
    // Pinned so date formatting and snapshot output do not depend on the machine.
    env: {TZ: "UTC"}
  }
});
