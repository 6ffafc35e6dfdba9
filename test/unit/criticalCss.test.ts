/** Critical CSS (scripts/framework/criticalCss.ts): what a page as built needs of a stylesheet, cut from its text. */
import {describe, expect, test} from "vitest";
import {criticalCss, pageMatcher, splitRules, splitSelectors, staticSelector} from "../../scripts/framework/criticalCss.js";

const PAGE = `<html><body><nav id="observablehq-sidebar"><a class="observablehq-link" href="./">x</a></nav>
<main><figure class="atlas-chart"><svg><circle class="mark"></circle></svg></figure><p>text</p></main></body></html>`;
const has = pageMatcher(PAGE);

describe("splitting a stylesheet", () => {
  test("keeps strings, nested blocks and statements whole, and drops comments", () => {
    const blocks = splitRules(`/* a { } */ @layer base, atlas;\na::after{content:"}{;"}\n@media (min-width: 1px){ p { color: red } }`);
    expect(blocks.map((b) => b.text)).toEqual(["@layer base, atlas;", 'a::after{content:"}{;"}', "@media (min-width: 1px){ p { color: red } }"]);
  });

  test("a comment inside a rule is not read as code: an apostrophe in it opens no string", () => {
    // One apostrophe in a rule's comment once swallowed the rest of the stylesheet into that rule.
    const blocks = splitRules(`.chip {\n  /* a chip's outline */\n  border: 1px solid;\n}\n.switch { float: right }\n.x { content: "it's" }`);
    expect(blocks.map((b) => b.prelude)).toEqual([".chip", ".switch", ".x"]);
    expect(blocks[2].text).toBe('.x{ content: "it\'s" }');
  });

  test("splits selector lists at top-level commas only", () => {
    expect(splitSelectors('a, :is(b, c) > d, [title="x,y"]')).toEqual(["a", ":is(b, c) > d", '[title="x,y"]']);
  });

  test("tests selectors as they may match before any reader action", () => {
    expect(staticSelector("a:hover")).toBe("a");
    expect(staticSelector("#observablehq-sidebar-toggle:checked ~ nav")).toBe("#observablehq-sidebar-toggle ~ nav");
    expect(staticSelector("a:not(:hover)")).toBe("a");
    expect(staticSelector("p::before")).toBe("p");
    expect(staticSelector("nav > :focus-visible")).toBe("nav >*");
  });
});

describe("a page's rules", () => {
  test("are those whose selectors the page has, with the at-rules that hold them", () => {
    const css = [
      ":root{--x:1}",
      "main p{margin:0}",
      ".atlas-chart .mark{fill:red}",
      ".observablehq--inspect{color:red}",
      "#observablehq-sidebar a:hover, .absent{color:blue}",
      "table td{padding:0}",
      "@media (prefers-color-scheme: dark){.atlas-chart{color:white}.absent{color:black}}",
      "@media print{.absent{display:none}}",
      "@keyframes spin{from{transform:rotate(0)}}",
      "p:not(.absent){color:green}"
    ].join("\n");
    expect(criticalCss(css, has).split("\n")).toEqual([
      ":root{--x:1}",
      "main p{margin:0}",
      ".atlas-chart .mark{fill:red}",
      "#observablehq-sidebar a:hover, .absent{color:blue}",
      "@media (prefers-color-scheme: dark){.atlas-chart{color:white}}",
      "@keyframes spin{from{transform:rotate(0)}}",
      "p:not(.absent){color:green}"
    ]);
  });

  test("of a page's body alone (as the build reads it) still keep rules on the root: the Chinese edition's line height", () => {
    const body = pageMatcher('<body><main id="observablehq-main"><p>中文</p></main></body>');
    expect(body('html[lang="zh-CN"] #observablehq-main p')).toBe(true);
    expect(body('html[lang="zh-CN"] #observablehq-main table')).toBe(false);
  });

  test("keep a rule whose selector cannot be read", () => {
    expect(criticalCss("a::part(x){color:red}", () => {
      throw new Error("unknown syntax");
    })).toBe("a::part(x){color:red}");
  });
});
