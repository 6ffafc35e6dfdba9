/**
 * A query in an /explore link: `explore#sql=<the query's UTF-8 bytes, raw DEFLATE, base64url>`.
 *
 * In the fragment because browsers never send it: a query of any length reloads (a 16 kB query in `?sql=` gets
 * HTTP 431 from common servers, Node's included), and the host never sees what the reader asked. Compressed
 * because SQL shrinks several times under DEFLATE and links get pasted where length counts. The compressor is
 * the platform's CompressionStream (browsers; Node from 20.12), so no library ships for it; it is asynchronous,
 * so whoever builds a link awaits it.
 *
 * Older links carry the query as it is in `?sql=`; `readSqlLink` still reads them, and the explorer rewrites
 * the address to the new form.
 */

import {concatBytes} from "./bytes.js";

/** Why the `#sql=` of a link could not be read; the explorer says it in the page's language. */
export type SqlLinkProblem = "base64" | "deflate" | "text" | "size";

export class SqlLinkError extends Error {
  constructor(readonly problem: SqlLinkProblem, message: string) {
    super(message);
    this.name = "SqlLinkError";
  }
}

/**
 * The most query text a link may inflate to. A link is untrusted input: without a ceiling, a fragment of a few
 * kilobytes could inflate to gigabytes (DEFLATE reaches about 1000:1) and hang the tab.
 */
export const MAX_SQL_BYTES = 4 * 1024 * 1024;

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const VALUE = new Map([...ALPHABET].map((c, i) => [c, i]));

/** Bytes as base64url without padding (RFC 4648 §5): only letters, digits, `-` and `_`, safe anywhere in a URL. */
export function toBase64url(bytes: Uint8Array): string {
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    // One byte makes two characters, two make three, three make four.
    const chars = Math.min(4, bytes.length - i + 1);
    for (let j = 0; j < chars; j++) out.push(ALPHABET[(n >> (18 - 6 * j)) & 63]);
  }
  return out.join("");
}

/**
 * The bytes of a base64url text; trailing `=` padding is tolerated (some tools add it), anything else outside
 * the alphabet is an error rather than skipped, so a mangled link is said to be mangled.
 */
export function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  const body = text.replace(/={1,2}$/, "");
  if (body.length % 4 === 1) throw new SqlLinkError("base64", `invalid base64url: ${body.length} characters cannot be whole bytes`);
  const bytes = new Uint8Array(Math.floor((body.length * 3) / 4));
  let n = 0;
  let bits = 0;
  let at = 0;
  for (const char of body) {
    const value = VALUE.get(char);
    if (value === undefined) throw new SqlLinkError("base64", `invalid base64url: unexpected character ${JSON.stringify(char)}`);
    n = ((n << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = (n >> bits) & 255;
    }
  }
  return bytes;
}

/** Bytes through a (de)compression stream, stopping with an error once more than `limit` bytes come out. */
async function through(bytes: Uint8Array<ArrayBuffer>, stream: CompressionStream | DecompressionStream, limit = Infinity): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  // The write and close fail too when the input is bad; the read below reports it, once.
  writer.write(bytes).catch(() => {});
  writer.close().catch(() => {});
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const {done, value} = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new SqlLinkError("size", `the query in this link is over ${limit} bytes`);
    }
    chunks.push(value);
  }
  return concatBytes(chunks);
}

/** The query as it goes after `#sql=`. */
export async function encodeSql(sql: string): Promise<string> {
  return toBase64url(await through(new TextEncoder().encode(sql), new CompressionStream("deflate-raw")));
}

/** The query from the text after `#sql=`; a SqlLinkError says which layer was malformed. */
export async function decodeSql(encoded: string): Promise<string> {
  const compressed = fromBase64url(encoded);
  let bytes: Uint8Array;
  try {
    bytes = await through(compressed, new DecompressionStream("deflate-raw"), MAX_SQL_BYTES);
  } catch (error) {
    if (error instanceof SqlLinkError) throw error;
    throw new SqlLinkError("deflate", `invalid compressed query: ${(error as Error).message}`);
  }
  try {
    return new TextDecoder("utf-8", {fatal: true}).decode(bytes);
  } catch {
    throw new SqlLinkError("text", "invalid query text: not UTF-8");
  }
}

/** A link to the explorer at `explore` (relative or absolute, without query or fragment) that opens `sql`. */
export async function exploreHref(explore: string, sql: string): Promise<string> {
  return `${explore}#sql=${await encodeSql(sql)}`;
}

/** The address `href` with `sql` in its fragment, and without the older `?sql=`; everything else kept. */
export async function withSqlLink(href: string, sql: string): Promise<string> {
  const url = new URL(href);
  // Cut the old parameter out as text: rebuilding the query through searchParams would re-encode the others
  // (%20 as +, a malformed escape lost), which checkParams takes care to keep as they were typed.
  const kept = url.search.slice(1).split("&").filter((part) => part && !/^sql(=|$)/.test(part));
  url.search = kept.length ? `?${kept.join("&")}` : "";
  url.hash = `sql=${await encodeSql(sql)}`;
  return url.href;
}

/**
 * The query an address carries, and where: `#sql=` (this form) or `?sql=` (older links, read as they are);
 * null when it carries none. Throws a SqlLinkError when `#sql=` is there but malformed.
 */
export async function readSqlLink(href: string): Promise<{sql: string; from: "fragment" | "search"} | null> {
  const url = new URL(href);
  const encoded = new URLSearchParams(url.hash.slice(1)).get("sql");
  if (encoded !== null) return {sql: await decodeSql(encoded), from: "fragment"};
  const plain = url.searchParams.get("sql");
  return plain === null ? null : {sql: plain, from: "search"};
}
