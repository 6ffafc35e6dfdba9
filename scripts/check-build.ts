/**
 * Runs after `observable build` and fails the build when the output could reach beyond its own host:
 * - a stubbed `_npm/` module in dist means some page used a library implicitly (`d3`, `Plot`, `Inputs`, `html`
 *   without an import), which Framework would otherwise fetch from a CDN;
 * - any script, stylesheet, font, image or preload in the HTML that points at another host.
 */
import {existsSync, readFileSync, readdirSync} from "node:fs";
import {join, relative} from "node:path";
import {STUB_VERSION} from "./prepare-offline.js";

export function checkBuild(dist = "dist"): string[] {
  const problems: string[] = [];
  if (!existsSync(join(dist, "index.html"))) return [`${dist}/index.html is missing`];
  for (const file of walk(dist)) {
    const path = relative(dist, file);
    if (path.startsWith("_npm/") && path.includes(`@${STUB_VERSION}`)) {
      const name = path.slice("_npm/".length).split(`@${STUB_VERSION}`)[0];
      problems.push(
        `${path}: a page imports ${name} implicitly (a CDN download in stock Framework); ` +
          `import it from node_modules instead, e.g. import * as d3 from "d3"`
      );
    }
    if (file.endsWith(".html")) {
      const html = readFileSync(file, "utf8");
      for (const [, attr, url] of html.matchAll(/\b(src|href)=["'](https?:\/\/[^"']+)["']/g)) {
        // Plain links a reader clicks (sources, licences) are fine; loaded resources are not.
        const tag = html.slice(html.lastIndexOf("<", html.indexOf(url)), html.indexOf(url));
        if (attr === "href" && /^<a\b/.test(tag)) continue;
        problems.push(`${path}: loads ${url} from a third-party host`);
      }
    }
  }
  return problems;
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

if (process.argv[1]?.endsWith("check-build.ts")) {
  const problems = checkBuild(process.argv[2] ?? "dist");
  for (const problem of problems) console.error(`check-build: ${problem}`);
  if (problems.length) process.exit(1);
  console.log("check-build: the site loads nothing from third-party hosts");
}
