/**
 * The story pages read as prose with a few calls: code (every non-blank line of a ```js or ```sql block,
 * its fences included) stays at or under 40 % of a page's non-blank lines. Filter wiring, loading and SQL
 * live in page modules (src/components/pages/); a page that grows code again should move it there.
 */
import {readFileSync} from "node:fs";
import {describe, expect, test} from "vitest";

const STORY_PAGES = ["index", "funding", "pivots", "density"];
const MAX_CODE_SHARE = 0.4;

/** Non-blank lines, and how many of them are code (inside a js or sql fence, fences counted). */
export function codeShare(markdown: string): {lines: number; code: number; share: number} {
  let inCode = false;
  let lines = 0;
  let code = 0;
  for (const line of markdown.split("\n")) {
    if (!line.trim()) continue;
    lines++;
    if (!inCode && /^```(js|sql)\b/.test(line.trim())) {
      inCode = true;
      code++;
    } else if (inCode) {
      code++;
      if (line.trim() === "```") inCode = false;
    }
  }
  return {lines, code, share: lines ? code / lines : 0};
}

describe("codeShare(markdown)", () => {
  test("counts js and sql blocks with their fences, and nothing else", () => {
    const page = ["# Title", "", "Prose.", "```js", "const a = 1;", "", "```", "```sql id=x", "SELECT 1", "```", "```text", "not code", "```"].join("\n");
    expect(codeShare(page)).toEqual({lines: 11, code: 6, share: 6 / 11});
  });
});

describe("story pages", () => {
  test.each(STORY_PAGES)("src/%s.md is at most 40 per cent code", (page) => {
    const {code, lines, share} = codeShare(readFileSync(`src/${page}.md`, "utf8"));
    expect(share, `${page}.md: ${code} of ${lines} non-blank lines are code (${Math.round(share * 100)} %)`).toBeLessThanOrEqual(MAX_CODE_SHARE);
  });
});
