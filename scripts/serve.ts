/**
 * A small static server for the built site, as a plain static host would serve it: files only, Framework's
 * clean URLs (`/funding` → `funding.html`), and an optional base path so tests prove the site also works under
 * a sub-path such as GitHub Pages' `/<repo>/`. Like GitHub Pages and common CDNs, it gzips text and WebAssembly
 * when the browser accepts it (never a byte range), and lets the browser keep files whose names carry a content
 * hash or a package version for a year, while pages and downloads are revalidated on every visit. Like Netlify and
 * Cloudflare Pages, it sends the headers the build lists in `_headers` (the Content-Security-Policy) with pages and
 * scripts, so the tests see the policy twice, as the `<meta>` of each page and as the header. Used by the browser tests and the
 * benchmarks; not for production.
 */
import {createReadStream, existsSync, readFileSync, statSync} from "node:fs";
import {createServer, type Server} from "node:http";
import {extname, join, normalize, resolve} from "node:path";
import {gzipSync} from "node:zlib";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".csv": "text/csv; charset=utf-8",
  ".parquet": "application/vnd.apache.parquet",
  // application/wasm lets the browser compile DuckDB while it downloads.
  ".wasm": "application/wasm",
  ".woff2": "font/woff2",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
  ".zip": "application/zip"
};

/** What static hosts compress: text, and WebAssembly (the DuckDB engine, 34 MB raw and 7.6 MB gzip). */
const COMPRESSIBLE = new Set([".html", ".js", ".css", ".json", ".csv", ".svg", ".txt", ".wasm"]);

/**
 * Files the build names by content or version never change under their URL: Framework's hashed files
 * (`name.0123abcd.js`), the site script and versioned packages (`_node/d3-array@3.2.5/`,
 * `_node/@duckdb/duckdb-wasm@1.32.0/`: a second visit starts DuckDB-WASM's 34 MB engine from the cache). Pages, the stable
 * download URLs and the search index keep their names across builds, so they are revalidated.
 */
export function cacheControl(pathname: string): string {
  if (/\.[0-9a-f]{8}\.[a-z0-9]+$/.test(pathname) || /^\/_(node|npm)\/(@[^/]+\/)?[^/@]+@\d/.test(pathname)) return "public, max-age=31536000, immutable";
  return "no-cache";
}

export interface StaticServer {
  server: Server;
  /** The site's root URL, ending in a slash (includes the base path). */
  url: string;
  close(): Promise<void>;
}

/**
 * The headers a `_headers` file (Netlify's and Cloudflare Pages' format) gives `path` (the page's path from the
 * site's root, "/funding"): its rules in order, each a path pattern (`*` matches anything, slashes included) and
 * indented `Name: value` lines; every rule whose pattern matches applies. A later rule's value of a header replaces
 * an earlier one's (as Netlify serves it), and `! Name` detaches a header an earlier rule set (Cloudflare Pages'
 * syntax, which Netlify skips), so the embed pages' rules can replace the site-wide policy on every host.
 */
export function siteHeaders(text: string, path = "/"): Record<string, string> {
  return headersFor(headerRules(text), path);
}

interface HeaderRule {
  pattern: RegExp;
  /** In order: a header set (`Name: value`), or detached (`! Name`: value null). */
  lines: {name: string; value: string | null}[];
}

/** The rules of a `_headers` file, read once (the server asks them for every page it sends). */
export function headerRules(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim() || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      const pattern = line.trim();
      rules.push({pattern: new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`), lines: []});
      continue;
    }
    const rule = rules.at(-1);
    if (!rule) continue;
    const detach = /^\s+!\s*(\S+)\s*$/.exec(line);
    if (detach) rule.lines.push({name: detach[1].toLowerCase(), value: null});
    const match = /^\s+([^:!]+):\s*(.*)$/.exec(line);
    if (match) rule.lines.push({name: match[1].trim().toLowerCase(), value: match[2].trim()});
  }
  return rules;
}

/** The headers the rules give `path`. */
export function headersFor(rules: readonly HeaderRule[], path: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules) {
    if (!rule.pattern.test(path)) continue;
    for (const {name, value} of rule.lines) {
      if (value === null) delete headers[name];
      else headers[name] = value;
    }
  }
  return headers;
}

export async function serveStatic(
  dir: string,
  {
    port = 0,
    base = "/",
    host = "127.0.0.1",
    gzip = true,
    wasmType = TYPES[".wasm"]
  }: {
    port?: number;
    base?: string;
    host?: string;
    gzip?: boolean;
    /** The content type for `.wasm`: tests serve `application/octet-stream`, as many object stores do. */
    wasmType?: string;
  } = {}
): Promise<StaticServer> {
  const root = resolve(dir);
  const headersFile = join(root, "_headers");
  const rules = headerRules(existsSync(headersFile) ? readFileSync(headersFile, "utf8") : "");
  const prefix = base.endsWith("/") ? base : `${base}/`;
  // Compressed once per file and build (a host compresses ahead of time or caches what it compressed).
  const compressed = new Map<string, {mtime: number; body: Buffer}>();
  const gzipped = (file: string): Buffer => {
    const mtime = statSync(file).mtimeMs;
    const hit = compressed.get(file);
    if (hit?.mtime === mtime) return hit.body;
    const body = gzipSync(readFileSync(file), {level: 6});
    compressed.set(file, {mtime, body});
    return body;
  };
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    let pathname = decodeURIComponent(url.pathname);
    if (!pathname.startsWith(prefix)) return notFound(response);
    pathname = pathname.slice(prefix.length - 1);
    const file = pathname === "/_headers" ? null : resolveFile(root, pathname);
    if (!file) return notFound(response);
    const size = statSync(file).size;
    const headers = {
      // Only where a policy takes effect: documents, and workers' scripts (a worker takes its policy from its own
      // response: DuckDB's, its wrapper's, Pagefind's). Sent with every file, its ~500 bytes would count some 60
      // times in a page's bytes over HTTP/1.1, where a real host's HTTP/2 sends a repeated header in a few bytes.
      ...(/\.html$|[wW]orker[^/]*\.js$/.test(file) ? headersFor(rules, pathname) : {}),
      "content-type": extname(file) === ".wasm" ? wasmType : (TYPES[extname(file)] ?? "application/octet-stream"),
      "cache-control": cacheControl(pathname),
      "accept-ranges": "bytes",
      vary: "accept-encoding"
    };
    // Single byte ranges, as every static host serves them (the DuckDB client reads 4 bytes to check its engine).
    const range = /^bytes=(\d+)-(\d*)$/.exec(request.headers.range ?? "");
    if (range) {
      const start = Number(range[1]);
      const end = Math.min(range[2] ? Number(range[2]) : size - 1, size - 1);
      if (start > end) {
        response.writeHead(416, {"content-range": `bytes */${size}`});
        return response.end();
      }
      response.writeHead(206, {...headers, "content-length": end - start + 1, "content-range": `bytes ${start}-${end}/${size}`});
      if (request.method === "HEAD") return response.end();
      return void createReadStream(file, {start, end}).pipe(response);
    }
    if (gzip && COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""))) {
      const body = gzipped(file);
      response.writeHead(200, {...headers, "content-encoding": "gzip", "content-length": body.length});
      return void response.end(request.method === "HEAD" ? undefined : body);
    }
    response.writeHead(200, {...headers, "content-length": size});
    if (request.method === "HEAD") return response.end();
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((ok) => server.listen(port, host, ok));
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  return {
    server,
    url: `http://${host}:${actualPort}${prefix}`,
    close: () => new Promise<void>((ok) => server.close(() => ok()))
  };
}

function resolveFile(root: string, pathname: string): string | null {
  const path = normalize(join(root, pathname));
  if (!path.startsWith(root)) return null;
  const candidates = pathname.endsWith("/") ? [join(path, "index.html")] : [path, `${path}.html`, join(path, "index.html")];
  for (const candidate of candidates) if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return null;
}

function notFound(response: import("node:http").ServerResponse): void {
  response.writeHead(404, {"content-type": "text/plain; charset=utf-8"});
  response.end("not found");
}

if (process.argv[1]?.endsWith("serve.ts")) {
  const port = Number(process.env.PORT ?? 3000);
  const {url} = await serveStatic(process.argv[2] ?? "dist", {port, base: process.env.BASE ?? "/"});
  console.log(`serving dist at ${url}`);
}
