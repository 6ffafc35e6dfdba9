/**
 * `npm run new`: the slug becomes a URL so only kebab-case passes; the title lands in the front matter (which
 * the sidebar reads) and the first heading; nothing is ever overwritten.
 */
import {spawnSync} from "node:child_process";
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, test} from "vitest";
import {createNotebook, scaffoldNotebook, TEMPLATE_PATH, validateSlug, validateTitle} from "../../scripts/new-notebook.js";

const TEMPLATE = readFileSync(TEMPLATE_PATH, "utf8");

/** What observablehq.config.ts shows in the sidebar for a notebook file. */
function sidebarTitle(text: string): string | undefined {
  return /^---\n[\s\S]*?^title:\s*(.+)$/m.exec(text)?.[1]?.replace(/^["']|["']$/g, "");
}

function frontMatter(text: string): string {
  return /^---\n([\s\S]*?)\n---\n/.exec(text)![1];
}

describe("validateSlug", () => {
  test.each(["my-question", "price-war", "q1", "edge-models-2026", "a"])("accepts %s", (slug) => {
    expect(validateSlug(slug)).toBeNull();
  });

  test.each([
    ["", /missing/],
    ["My-Question", /not kebab-case.*"my-question"/],
    ["my_question", /not kebab-case.*"my-question"/],
    ["my question", /not kebab-case/],
    ["-leading", /not kebab-case/],
    ["trailing-", /not kebab-case/],
    ["double--hyphen", /not kebab-case/],
    ["../escape", /not kebab-case/],
    ["notes.md", /not kebab-case/],
    ["模型", /not kebab-case/],
    ["template", /template itself/],
    ["a".repeat(81), /81 characters/]
  ])("refuses %j", (slug, message) => {
    expect(validateSlug(slug)).toMatch(message);
  });
});

describe("validateTitle", () => {
  test("accepts ordinary titles, quotes of one kind and CJK", () => {
    for (const title of ["My question", "Who cut prices first?", 'The "six tigers" in 2026', "It's MiniMax's turn", "智谱的融资"]) {
      expect(validateTitle(title)).toBeNull();
    }
  });

  test("refuses empty, multi-line, ${ and mixed quotes", () => {
    expect(validateTitle("  ")).toMatch(/missing/);
    expect(validateTitle("one\ntwo")).toMatch(/one line/);
    expect(validateTitle("cost of ${x}")).toMatch(/\$\{/);
    expect(validateTitle(`"it's"`)).toMatch(/mix/);
  });
});

describe("scaffoldNotebook", () => {
  test("puts the title in the front matter and the first heading, and keeps the rest of the template", () => {
    const text = scaffoldNotebook(TEMPLATE, "My question");
    expect(frontMatter(text)).toBe('title: "My question"');
    expect(sidebarTitle(text)).toBe("My question");
    expect(text).toMatch(/^# My question$/m);
    expect(text).not.toContain("# Template: start a notebook");
    // Everything after the heading is the template's.
    const after = (s: string) => s.slice(s.indexOf("\n", s.search(/^# /m)));
    expect(after(text)).toBe(after(TEMPLATE));
    // The parts a notebook needs survive the copy.
    expect(text).toContain('import * as Inputs from "@observablehq/inputs";');
    expect(text).toContain("getDatabase(PARQUET)");
    expect(text).toContain("const sql = db.sql;");
    expect(text).toMatch(/```sql id=\w+ display\n/);
  });

  test("the sidebar reads back titles with quotes, colons, dollars and CJK verbatim", () => {
    for (const title of ['The "six tigers": money', "It's MiniMax's turn", "Cost: $1bn or $&?", "智谱的融资", "a\\b"]) {
      const text = scaffoldNotebook(TEMPLATE, title);
      expect(sidebarTitle(text)).toBe(title);
      expect(text).toContain(`\n# ${title}\n`);
    }
  });

  test("trims the title", () => {
    expect(sidebarTitle(scaffoldNotebook(TEMPLATE, "  Spaced  "))).toBe("Spaced");
  });

  test("replaces an existing title and keeps other front matter; adds front matter when there is none", () => {
    const withOther = scaffoldNotebook("---\ntoc: false\ntitle: Old\n---\n\n# Old\n\nBody\n", "New");
    expect(frontMatter(withOther)).toBe('title: "New"\ntoc: false');
    expect(withOther).toContain("# New\n\nBody\n");
    const bare = scaffoldNotebook("Just text\n", "New");
    expect(bare.startsWith('---\ntitle: "New"\n---\n')).toBe(true);
    expect(bare).toContain("# New");
    expect(bare).toContain("Just text");
  });

  test("throws on a refused title", () => {
    expect(() => scaffoldNotebook(TEMPLATE, "")).toThrow(/missing/);
  });
});

describe("createNotebook and the command line", () => {
  const dir = mkdtempSync(join(tmpdir(), "atlas-new-"));
  afterAll(() => rmSync(dir, {recursive: true, force: true}));

  test("writes <slug>.md and refuses to overwrite it", () => {
    const created = createNotebook("my-question", "My question", dir);
    expect(created.route).toBe("/notebooks/my-question");
    expect(sidebarTitle(readFileSync(created.path, "utf8"))).toBe("My question");
    writeFileSync(created.path, "mine");
    expect(() => createNotebook("my-question", "Again", dir)).toThrow(/already exists/);
    expect(readFileSync(created.path, "utf8")).toBe("mine");
  });

  test("refuses a bad slug without writing anything", () => {
    expect(() => createNotebook("Bad Slug", "Title", dir)).toThrow(/kebab-case/);
    expect(existsSync(join(dir, "Bad Slug.md"))).toBe(false);
  });

  // The script itself, against the real src/notebooks/, only with arguments it refuses (nothing is written).
  function run(...args: string[]) {
    return spawnSync("npx", ["tsx", "scripts/new-notebook.ts", ...args], {encoding: "utf8"});
  }

  test("exits non-zero with a clear message on a bad slug, an existing file or missing arguments", () => {
    const bad = run("Not_Kebab", "Title");
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/not kebab-case/);
    expect(bad.stderr).toMatch(/usage: npm run new/);

    const existing = run("before-the-flagship", "Title");
    expect(existing.status).toBe(1);
    expect(existing.stderr).toMatch(/before-the-flagship\.md already exists/);

    const missing = run("only-a-slug");
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/give a slug and a title/);
    expect(existsSync("src/notebooks/only-a-slug.md")).toBe(false);
  }, 30_000);
});
