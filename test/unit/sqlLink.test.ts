import {describe, expect, test} from "vitest";
import {MAX_SQL_BYTES, SqlLinkError, decodeSql, encodeSql, exploreHref, fromBase64url, readSqlLink, toBase64url, withSqlLink} from "../../src/components/sqlLink.js";

/** A query of about `size` characters that does not compress to nothing: distinct numbers, as a real IN list. */
function longQuery(size: number): string {
  const ids: string[] = [];
  let x = 12345;
  for (let length = 0; length < size; ) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    const id = `'m-${x.toString(36)}'`;
    ids.push(id);
    length += id.length + 2;
  }
  return `SELECT model, release_date FROM models WHERE model_id IN (${ids.join(", ")}) ORDER BY release_date`;
}

async function problemOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e
  );
  expect(error).toBeInstanceOf(SqlLinkError);
  return (error as SqlLinkError).problem;
}

describe("toBase64url(bytes) and fromBase64url(text)", () => {
  test("toBase64url(bytes) matches RFC 4648 §5 without padding", () => {
    const text = (s: string) => toBase64url(new TextEncoder().encode(s));
    expect(text("")).toBe("");
    expect(text("f")).toBe("Zg");
    expect(text("fo")).toBe("Zm8");
    expect(text("foo")).toBe("Zm9v");
    expect(text("foob")).toBe("Zm9vYg");
    expect(toBase64url(new Uint8Array([0xfb, 0xff, 0xbf]))).toBe("-_-_");
  });

  test("fromBase64url(text) inverts it for every length and byte, and tolerates padding", () => {
    const bytes = Uint8Array.from({length: 256}, (_, i) => i);
    for (let n = 0; n <= 256; n += 1) expect(fromBase64url(toBase64url(bytes.subarray(0, n)))).toEqual(bytes.subarray(0, n));
    expect(new TextDecoder().decode(fromBase64url("Zm9vYg=="))).toBe("foob");
  });

  test("fromBase64url(text) rejects characters outside the alphabet and impossible lengths", () => {
    for (const bad of ["Zm9v+", "Zm9v/", "Zm 9v", "Zm9v%3D", "Z", "Zm9vY", "<script>"]) {
      expect(() => fromBase64url(bad), bad).toThrow(SqlLinkError);
    }
  });
});

describe("encodeSql(sql) and decodeSql(encoded)", () => {
  test("decodeSql(encodeSql(sql)) gives back the query: Unicode, Chinese, and characters URLs treat specially", async () => {
    for (const sql of [
      "SELECT 1",
      "SELECT short_zh FROM companies WHERE short_zh = '智谱' OR label LIKE '%月之暗面%'",
      "SELECT '#', '&', '+', '%', '%20', '=', '?', '/', ' ', '\\n', 'é', '😀' -- a # b & c + d % e",
      "SELECT 'a\r\nb\tc'",
      ""
    ]) {
      const encoded = await encodeSql(sql);
      expect(encoded).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(await decodeSql(encoded)).toBe(sql);
    }
  });

  test("a 100 kB query round-trips, and its link is several times shorter than the query", async () => {
    const sql = longQuery(100_000);
    expect(sql.length).toBeGreaterThan(100_000);
    const encoded = await encodeSql(sql);
    expect(await decodeSql(encoded)).toBe(sql);
    expect(encoded.length).toBeLessThan(sql.length / 2);
  });

  test("decodeSql(encoded) names the layer that is malformed", async () => {
    const good = await encodeSql("SELECT 1");
    expect(await problemOf(decodeSql("not base64!"))).toBe("base64");
    expect(await problemOf(decodeSql(good.slice(0, -1) + "*"))).toBe("base64");
    // Valid base64url, but not a DEFLATE stream.
    expect(await problemOf(decodeSql(toBase64url(new TextEncoder().encode("SELECT 1 -- not compressed"))))).toBe("deflate");
    // A DEFLATE stream cut short, as a link truncated by a chat app.
    expect(await problemOf(decodeSql((await encodeSql(longQuery(2000))).slice(0, 40)))).toBe("deflate");
    expect(await problemOf(decodeSql(""))).toBe("deflate");
  });

  test("decodeSql(encoded) rejects bytes that are not UTF-8", async () => {
    const stream = new CompressionStream("deflate-raw");
    const writer = stream.writable.getWriter();
    void writer.write(new Uint8Array([0x53, 0xff, 0xfe]));
    void writer.close();
    const compressed = new Uint8Array(await new Response(stream.readable).arrayBuffer());
    expect(await problemOf(decodeSql(toBase64url(compressed)))).toBe("text");
  });

  test("decodeSql(encoded) stops a link that inflates past MAX_SQL_BYTES", async () => {
    const bomb = await encodeSql(" ".repeat(MAX_SQL_BYTES + 1));
    expect(bomb.length).toBeLessThan(10_000);
    expect(await problemOf(decodeSql(bomb))).toBe("size");
  });
});

describe("links", () => {
  test("exploreHref(explore, sql) puts the query in the fragment", async () => {
    const href = await exploreHref("../zh/explore", "SELECT '#&+%'");
    expect(href).toMatch(/^\.\.\/zh\/explore#sql=[A-Za-z0-9_-]+$/);
    expect(await readSqlLink(new URL(href, "https://example.org/a/b").href)).toEqual({sql: "SELECT '#&+%'", from: "fragment"});
  });

  test("readSqlLink(href) reads older ?sql= links as they are, and prefers #sql= when both are there", async () => {
    expect(await readSqlLink("https://example.org/explore?sql=SELECT%20%27a%2Bb%27%20%23x")).toEqual({sql: "SELECT 'a+b' #x", from: "search"});
    expect(await readSqlLink("https://example.org/explore")).toBeNull();
    expect(await readSqlLink("https://example.org/explore#who")).toBeNull();
    const both = `https://example.org/explore?sql=old#sql=${await encodeSql("new")}`;
    expect(await readSqlLink(both)).toEqual({sql: "new", from: "fragment"});
    await expect(readSqlLink("https://example.org/explore#sql=%%%")).rejects.toThrow(SqlLinkError);
  });

  test("withSqlLink(href, sql) moves the query from ?sql= to #sql= and keeps other parameters", async () => {
    const moved = new URL(await withSqlLink("https://example.org/atlas/explore?lang=x&sql=SELECT%201#top", "SELECT 1"));
    expect(moved.pathname).toBe("/atlas/explore");
    expect(moved.search).toBe("?lang=x");
    expect(moved.hash).toBe(`#sql=${await encodeSql("SELECT 1")}`);
    expect(new URL(await withSqlLink("https://example.org/explore", "SELECT 2")).search).toBe("");
    // The other parameters stay as they were typed: not re-encoded (%20 as +), a malformed escape not lost.
    expect(new URL(await withSqlLink("https://example.org/explore?a=b%20c&sql=x&bad=%E0%A4%A", "SELECT 3")).search).toBe("?a=b%20c&bad=%E0%A4%A");
  });
});
