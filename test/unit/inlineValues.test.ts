import {describe, expect, test} from "vitest";
import {fillInlineValues} from "../../scripts/prerender.js";

const PAGE =
  "<p>The <observablehq-loading></observablehq-loading><!--:38e0fed2:--> companies raised " +
  "<observablehq-loading></observablehq-loading><!--:18706578:--> and " +
  "<observablehq-loading></observablehq-loading><!--:18706578-1:--> (<observablehq-loading></observablehq-loading><!--:cb78fa3b:-->).</p>";

describe("build-time values in their cells' placeholders", () => {
  test("each known cell's value goes into its placeholder, marked; an unknown cell keeps its spinner", () => {
    const html = fillInlineValues(PAGE, new Map([["38e0fed2", "6"], ["18706578", "$8.78bn"], ["18706578-1", "$8.78bn"]]));
    expect(html).toBe(
      '<p>The <observablehq-loading class="atlas-prerendered">6</observablehq-loading><!--:38e0fed2:--> companies raised ' +
        '<observablehq-loading class="atlas-prerendered">$8.78bn</observablehq-loading><!--:18706578:--> and ' +
        '<observablehq-loading class="atlas-prerendered">$8.78bn</observablehq-loading><!--:18706578-1:--> (<observablehq-loading></observablehq-loading><!--:cb78fa3b:-->).</p>'
    );
  });

  test("replacement patterns in a value are text (`$&`, `$'`, `` $` ``, `$$`)", () => {
    const value = "$& $' $` $$";
    const html = fillInlineValues(PAGE, new Map([["cb78fa3b", value]]));
    expect(html).toContain(`<observablehq-loading class="atlas-prerendered">${value}</observablehq-loading><!--:cb78fa3b:-->`);
    expect(html.length).toBe(PAGE.length + value.length + ' class="atlas-prerendered"'.length);
  });

  test("no values, the page as it was", () => {
    expect(fillInlineValues(PAGE, new Map())).toBe(PAGE);
  });
});
