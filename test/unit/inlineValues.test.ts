import {describe, expect, test} from "vitest";
import {JSDOM} from "jsdom";
import {fillInlineValues, withStateAsAttributes} from "../../scripts/prerender.js";

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

describe("a built filter bar", () => {
  test("carries its controls' state as attributes, so the markup shows the choices the live bar starts from", () => {
    const {document} = new JSDOM().window;
    const form = document.createElement("form");
    form.innerHTML = '<input type="radio" name="fit" value="records"><input type="radio" name="fit" value="all" checked>' +
      '<input type="checkbox" name="c" value="zhipu"><input type="date" name="from"><select><option>a</option><option>b</option></select>';
    const [records, all, zhipu, from] = form.querySelectorAll("input");
    records.checked = true;
    zhipu.checked = true;
    from.value = "2023-02-24";
    form.querySelectorAll("option")[1].selected = true;
    const html = withStateAsAttributes(form).outerHTML;
    expect(html).toContain('<input type="radio" name="fit" value="records" checked="">');
    expect(html).toContain('<input type="radio" name="fit" value="all">');
    expect(html).toContain('<input type="checkbox" name="c" value="zhipu" checked="">');
    expect(html).toContain('<input type="date" name="from" value="2023-02-24">');
    expect(html).toContain('<option selected="">b</option>');
    expect(all.checked).toBe(false);
  });
});
