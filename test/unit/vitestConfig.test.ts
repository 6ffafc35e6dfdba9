import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {expect, test} from "vitest";
import {MOCKING} from "../../vitest.config.js";

// The unit tests share modules across files; a file that mocks one must run isolated, or its mock may not apply.
test("every unit test file that uses vi.mock runs in the isolated project", () => {
  const mocking = readdirSync("test/unit")
    .filter((file) => file.endsWith(".test.ts") && /\bvi\.mock\(/.test(readFileSync(join("test/unit", file), "utf8")))
    .map((file) => `test/unit/${file}`);
  expect(mocking.length).toBeGreaterThan(0);
  expect([...MOCKING].sort()).toEqual(mocking.sort());
});
