// @vitest-environment jsdom
/**
 * The explorer's address: the query it runs is kept in #sql= (compressed), an older ?sql= link runs and is
 * rewritten in place, back and forward walk through the queries run, and a link whose #sql= cannot be read
 * says so in the page's language instead of showing a blank page.
 */
import {afterEach, describe, expect, test, vi} from "vitest";
import type {AtlasDatabase} from "../../src/components/database.js";
import {explorer} from "../../src/components/explorer.js";
import type {Lang} from "../../src/components/i18n.js";
import {encodeSql, readSqlLink, toBase64url} from "../../src/components/sqlLink.js";
import {EXAMPLE_QUERIES} from "../../src/lib/exampleQueries.js";

const asked: string[] = [];

function fakeDatabase(): AtlasDatabase {
  return {
    startup: {instantiate: 10, register: 5},
    describe: async () => [],
    run: async (sql: string) => {
      asked.push(sql);
      return {rows: [{n: 1}], columns: [{name: "n", type: "Int32"}], elapsed: 1, truncated: false, table: null as never};
    }
  } as unknown as AtlasDatabase;
}

const opened: HTMLElement[] = [];
afterEach(() => {
  for (const root of opened.splice(0)) root.remove();
  asked.length = 0;
});

function openExplorer(address: string, lang: Lang = "en") {
  window.history.replaceState(null, "", address);
  const root = explorer({database: async () => fakeDatabase(), examples: EXAMPLE_QUERIES, lang, win: window});
  document.body.append(root);
  opened.push(root);
  return root;
}

const editorOf = (root: HTMLElement) => root.querySelector<HTMLTextAreaElement>("#atlas-sql")!;

describe("explorer({…}) and the address", () => {
  test("an older ?sql= link runs its query, and the address becomes #sql= without a new history entry", async () => {
    const sql = "SELECT '智谱' AS a, '#&+%' AS b";
    const entries = history.length;
    const root = openExplorer(`/atlas/explore?x=1&sql=${encodeURIComponent(sql)}`);
    await vi.waitFor(() => expect(location.hash).toMatch(/^#sql=[A-Za-z0-9_-]+$/));
    expect(location.pathname).toBe("/atlas/explore");
    expect(location.search).toBe("?x=1");
    expect(await readSqlLink(location.href)).toEqual({sql, from: "fragment"});
    expect(history.length).toBe(entries);
    await vi.waitFor(() => expect(asked).toContain(sql));
    expect(editorOf(root).value).toBe(sql);
  });

  test("a #sql= link runs its query; each query run is a history entry, and back goes to the one before", async () => {
    const first = "SELECT 1 AS first";
    const root = openExplorer(`/explore#sql=${await encodeSql(first)}`);
    await vi.waitFor(() => expect(asked).toContain(first));
    editorOf(root).value = "SELECT 2 AS second";
    root.querySelector<HTMLButtonElement>("#atlas-run")!.click();
    await vi.waitFor(async () => expect((await readSqlLink(location.href))?.sql).toBe("SELECT 2 AS second"));
    expect(location.search).toBe("");
    history.back();
    await vi.waitFor(() => expect(editorOf(root).value).toBe(first));
    await vi.waitFor(() => expect(asked.at(-1)).toBe(first));
  });

  test.each([
    ["en", "not!base64", /could not be read: the text after #sql= has characters/],
    ["en", toBase64url(new TextEncoder().encode("SELECT 1")), /could not be read: the text after #sql= is not a complete compressed query/],
    ["zh", "not!base64", /^无法读出这个链接里的查询：#sql= 后面的内容含有本站链接里不会出现的字符/]
  ] as const)("a malformed #sql= (%s, %s) says so in the page and runs nothing", async (lang, encoded, message) => {
    const root = openExplorer(`/explore#sql=${encoded}`, lang);
    const error = root.querySelector<HTMLElement>(".atlas-explorer-error")!;
    await vi.waitFor(() => expect(error.hidden).toBe(false));
    expect(error.textContent).toMatch(message);
    expect(editorOf(root).value).toBe("");
    expect(root.querySelector("#explore-result")!.getAttribute("aria-busy")).toBe("false");
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(asked).toEqual([]);
  });
});
