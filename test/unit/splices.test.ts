/**
 * Data text spliced into markup stays text. `String.replace(pattern, text)` reads `` $` ``, `$'`, `$&`, `$$`, `$1` and
 * `$<name>` in `text` as patterns: one event title with `` $` `` once copied half of /pivots into its chart. So every
 * replace in scripts/ and src/ takes a function or a string literal (whose `$` its author wrote on purpose), never a
 * computed string; and each build step that splices text into a page keeps every pattern as written.
 */
import {readFileSync} from "node:fs";
import {join, relative} from "node:path";
import ts from "typescript";
import {describe, expect, test} from "vitest";
import {walkFiles} from "../../scripts/files.js";
import {cardSvg} from "../../scripts/card-images.js";
import {mendEditionPage} from "../../scripts/framework/edition.js";
import {fillSlots, mendHtml} from "../../scripts/framework/index.js";
import {lightenPage} from "../../scripts/framework/firstPaint.js";
import {mendViewport} from "../../scripts/framework/meta.js";
import {fillInlineValues} from "../../scripts/prerender.js";
import {siteMap} from "../../src/lib/site.js";

/** Every replacement pattern String.replace knows, in one piece of data text. */
export const DOLLARS = "a$`b$'c$&d$$e$1f$<name>g";
const PATTERNS = ["$`", "$'", "$&", "$$", "$1", "$<name>"];

/** How often `text` occurs in `html`. */
const count = (html: string, text: string): number => html.split(text).length - 1;

/** Calls of .replace / .replaceAll whose replacement is computed text rather than a function or a literal. */
function computedReplacements(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const constants = new Set<string>();
  const visit = (node: ts.Node): void => {
    // A name bound once to a string literal or a function is as safe as writing it in place.
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && safeReplacement(node.initializer, new Set())) constants.add(node.name.text);
    if (ts.isFunctionDeclaration(node) && node.name) constants.add(node.name.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  const check = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      ["replace", "replaceAll"].includes(node.expression.name.text) &&
      node.arguments.length === 2 &&
      !safeReplacement(node.arguments[1], constants)
    ) {
      const {line} = source.getLineAndCharacterOfPosition(node.getStart());
      found.push(`${file}:${line + 1}: ${node.getText().slice(0, 120)}`);
    }
    ts.forEachChild(node, check);
  };
  check(source);
  return found;
}

function safeReplacement(node: ts.Expression, constants: Set<string>): boolean {
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) return safeReplacement(node.expression, constants);
  return (
    ts.isArrowFunction(node) ||
    ts.isFunctionExpression(node) ||
    ts.isStringLiteral(node) ||
    ts.isNoSubstitutionTemplateLiteral(node) ||
    (ts.isIdentifier(node) && constants.has(node.text))
  );
}

describe("replacements in the code", () => {
  test("every .replace / .replaceAll in scripts/ and src/ takes a function or a literal, never computed text", () => {
    const files = ["scripts", "src"].flatMap((dir) =>
      [...walkFiles(dir)].filter((file) => /\.(ts|js)$/.test(file) && !relative(dir, file).startsWith(".observablehq"))
    );
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap(computedReplacements)).toEqual([]);
  });

  test("the scan finds computed replacement text (a template, a variable, a call)", () => {
    const file = join("test", "fixtures", "framework", "replacements.ts.txt");
    expect(computedReplacements(file).map((line) => line.split(": ")[0].split(":").pop())).toEqual(["3", "4", "5", "6"]);
  });
});

describe("every $ pattern in data text stays as written", () => {
  /** Framework's real page (an excerpt), with `body` at the end of its main column and an inline module in its head. */
  const FRAMEWORK_PAGE = readFileSync("test/fixtures/framework/funding.html", "utf8");
  const page = (body: string) =>
    FRAMEWORK_PAGE.split("</head>").join(`<script type="module">\nimport "./x.js";\n</script>\n</head>`).split("</main>").join(`${body}</main>`);

  test("in a prerender slot (fillSlots) and an inline value (fillInlineValues)", async () => {
    const slotted = await fillSlots('<p>x</p><div id="prerender-a" class="atlas-prerender"></div><p>y</p>', async () => `<figure>${DOLLARS}</figure>`);
    expect(slotted).toBe(`<p>x</p><div id="prerender-a" class="atlas-prerender"><figure>${DOLLARS}</figure></div><p>y</p>`);
    const filled = fillInlineValues("<p><observablehq-loading></observablehq-loading><!--:1a2b3c4d:--></p>", new Map([["1a2b3c4d", DOLLARS]]));
    expect(filled).toBe(`<p><observablehq-loading class="atlas-prerendered">${DOLLARS}</observablehq-loading><!--:1a2b3c4d:--></p>`);
  });

  test("through the page steps after the prerender: template, edition (both), viewport, first paint", () => {
    const body = `<h1>${DOLLARS}</h1><div class="card">${DOLLARS}</div>`;
    const steps: [string, (html: string) => string][] = [
      ["template", (html) => mendHtml(html, "pivots.html").html],
      ["edition en", (html) => mendEditionPage(html, "/pivots", {map: siteMap(), siteScript: "_atlas/site.1a2b3c4d.js"})],
      ["edition zh", (html) => mendEditionPage(html, "/zh/pivots", {map: siteMap(), siteScript: "_atlas/site.1a2b3c4d.js"})],
      ["viewport", (html) => mendViewport(html, "pivots.html")],
      ["first paint", (html) => lightenPage(html, {page: "pivots.html", pageName: "pivots", css: () => `h1{color:red}`}).html]
    ];
    for (const [name, step] of steps) {
      const html = step(page(body));
      expect(count(html, DOLLARS), name).toBe(2);
      for (const pattern of PATTERNS) expect(count(html, pattern), `${name}: ${pattern}`).toBe(2);
      expect(count(html, "</html>"), name).toBe(1);
    }
  });

  test("in a card image's chart and page name (cardSvg)", () => {
    const chart = `<svg xmlns="http://www.w3.org/2000/svg" width="688" height="300" viewBox="0 0 688 300"><text>${DOLLARS}</text></svg>`;
    const svg = cardSvg(chart, "en", DOLLARS);
    expect(count(svg, DOLLARS)).toBe(1);
    const escaped = DOLLARS.replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})[c]!);
    expect(count(svg, `>${escaped}</text>`)).toBe(1);
    expect(svg).toMatch(/<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" x="[\d.]+" y="[\d.]+" width="[\d.]+" height="[\d.]+" viewBox="0 0 688 300"><text>/);
    expect(count(svg, "</svg>")).toBe(2);
  });
});
