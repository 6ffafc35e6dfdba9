/**
 * The two editions: the site map of both languages, the relative links the build writes between them, the
 * sidebar, switch and alternates each page gets, and the search's own helpers.
 */
import {JSDOM} from "jsdom";
import {describe, expect, test} from "vitest";
import {mendEditionPage, pagePath, relativeHref, renderSidebar, renderSwitch, rootHref} from "../../scripts/framework/edition.js";
import {excerptNodes, cleanUrl} from "../../src/components/site/siteSearch.js";
import {bindLanguageSwitch} from "../../src/components/site/languageSwitch.js";
import {editionPath, englishPath, pathLang, siteMap, sitePaths} from "../../src/lib/site.js";

describe("site map", () => {
  const map = siteMap();

  test("every entry is named in both languages, the Chinese name in Chinese", () => {
    const names = map.flatMap((e) => ["pages" in e ? [e.name, ...e.pages.map((p) => p.name)] : [e.name]].flat());
    for (const name of names) {
      expect(name.en.trim(), JSON.stringify(name)).not.toBe("");
      // A company with no Chinese short name (MiniMax) keeps its one name; every other name has Han characters.
      if (name.zh !== name.en) expect(name.zh, JSON.stringify(name)).toMatch(/\p{Script=Han}/u);
    }
  });

  test("lists the story pages, every company of data/companies.csv and every notebook", () => {
    const paths = sitePaths(map);
    expect(paths.slice(0, 4)).toEqual(["/", "/funding", "/pivots", "/density"]);
    expect(paths).toContain("/companies/zhipu");
    expect(paths).toContain("/notebooks/template");
    expect(paths).toContain("/data");
    expect(paths).toContain("/explore");
  });

  test("paths move between editions and back", () => {
    expect(editionPath("/funding", "zh")).toBe("/zh/funding");
    expect(editionPath("/", "zh")).toBe("/zh/");
    expect(editionPath("/zh/funding", "en")).toBe("/funding");
    expect(englishPath("/zh/")).toBe("/");
    expect(englishPath("/zh/companies/zhipu")).toBe("/companies/zhipu");
    expect(pathLang("/zh/density")).toBe("zh");
    expect(pathLang("/zhipu")).toBe("en");
    for (const path of sitePaths(map)) expect(englishPath(editionPath(path, "zh"))).toBe(path);
  });
});

describe("links between pages", () => {
  test("are relative to the page, as Framework writes them", () => {
    expect(pagePath("index.html")).toBe("/");
    expect(pagePath("zh/index.html")).toBe("/zh/");
    expect(pagePath("zh/companies/zhipu.html")).toBe("/zh/companies/zhipu");
    expect(relativeHref("/funding", "/zh/funding")).toBe("./zh/funding");
    expect(relativeHref("/zh/funding", "/funding")).toBe("../funding");
    expect(relativeHref("/", "/zh/")).toBe("./zh/");
    expect(relativeHref("/zh/", "/")).toBe("../");
    expect(relativeHref("/funding", "/")).toBe("./");
    expect(relativeHref("/zh/companies/zhipu", "/zh/")).toBe("../");
    expect(relativeHref("/zh/companies/zhipu", "/companies/zhipu")).toBe("../../companies/zhipu");
    expect(rootHref("/zh/notebooks/template")).toBe("../../");
  });

  test("resolve to the intended page under any sub-path", () => {
    for (const [from, to] of [["/zh/companies/zhipu", "/funding"], ["/", "/zh/"], ["/notebooks/edge-models", "/zh/notebooks/edge-models"], ["/zh/", "/"]]) {
      const base = `https://example.org/sub/path${from}`;
      expect(new URL(relativeHref(from, to), base).pathname).toBe(`/sub/path${to}`);
    }
  });
});

describe("each page in its edition", () => {
  const map = siteMap();
  const page = (path: string) => `<!DOCTYPE html>
<html lang="en">
<head>
<title>Funding and valuations | Six Tigers Atlas</title>
</head>
<body>
<input id="observablehq-sidebar-toggle" type="checkbox" title="Toggle sidebar" aria-label="Toggle sidebar">
<nav id="observablehq-sidebar">
  <ol><li class="observablehq-link"><a href="./">Six Tigers Atlas</a></li></ol>
</nav>
<div id="observablehq-center">
<aside id="observablehq-toc" data-selector="h2">
<nav>
<div>Contents</div>
</nav>
</aside>
<main id="observablehq-main"><h1>${path}</h1></main>
</div>
</body>
</html>`;

  test("a Chinese page gets lang, sidebar, switch, alternates, title and contents label in Chinese", () => {
    const html = mendEditionPage(page("/zh/funding"), "/zh/funding", {map, siteScript: "_atlas/site.12345678.js"});
    const doc = new JSDOM(html).window.document;
    expect(doc.documentElement.lang).toBe("zh-CN");
    expect(doc.title).toBe("Funding and valuations | 六小虎图谱");
    expect(doc.querySelector("#observablehq-toc div")!.textContent).toBe("目录");
    const nav = doc.querySelector("#observablehq-sidebar")!;
    expect(nav.querySelector(".observablehq-link-active a")!.textContent).toBe("融资与估值");
    expect(nav.querySelector(".observablehq-link-active a")!.getAttribute("href")).toBe("./funding");
    expect(nav.querySelector('form[role="search"] input[type="search"]')!.getAttribute("placeholder")).toBe("搜索");
    expect([...nav.querySelectorAll("summary")].map((s) => s.textContent)).toEqual(["公司", "笔记本"]);
    expect(nav.textContent).not.toMatch(/Funding and valuations|Companies|Notebooks/);
    const twin = doc.querySelector<HTMLAnchorElement>("a[data-twin]")!;
    expect(twin.getAttribute("href")).toBe("../funding");
    expect(twin.getAttribute("hreflang")).toBe("en");
    expect([...doc.querySelectorAll('link[rel="alternate"]')].map((l) => `${l.getAttribute("hreflang")} ${l.getAttribute("href")}`)).toEqual([
      "en ../funding",
      "zh-CN ./funding",
      "x-default ../funding"
    ]);
    expect(doc.querySelector('script[type="module"][src="../_atlas/site.12345678.js"]')).not.toBeNull();
  });

  test("with the site's public address, the alternates are absolute, as search engines require", () => {
    const html = mendEditionPage(page("/zh/funding"), "/zh/funding", {map, siteScript: "s.js", siteUrl: "https://example.org/atlas/"});
    const doc = new JSDOM(html).window.document;
    expect([...doc.querySelectorAll('link[rel="alternate"]')].map((l) => `${l.getAttribute("hreflang")} ${l.getAttribute("href")}`)).toEqual([
      "en https://example.org/atlas/funding",
      "zh-CN https://example.org/atlas/zh/funding",
      "x-default https://example.org/atlas/funding"
    ]);
    const home = new JSDOM(mendEditionPage(page("/"), "/", {map, siteScript: "s.js", siteUrl: "https://example.org/atlas/"})).window.document;
    expect([...home.querySelectorAll('link[rel="alternate"]')].map((l) => l.getAttribute("href"))).toEqual(["https://example.org/atlas/", "https://example.org/atlas/zh/", "https://example.org/atlas/"]);
  });

  test("an English page keeps its words and links to its twin", () => {
    const html = mendEditionPage(page("/companies/zhipu"), "/companies/zhipu", {map, siteScript: "_atlas/site.js"});
    const doc = new JSDOM(html).window.document;
    expect(doc.documentElement.lang).toBe("en");
    expect(doc.title).toBe("Funding and valuations | Six Tigers Atlas");
    expect(doc.querySelector("details.observablehq-section-active summary")!.textContent).toBe("Companies");
    expect(doc.querySelector(".observablehq-link-active a")!.getAttribute("href")).toBe("./zhipu");
    expect(doc.querySelector("a[data-twin]")!.getAttribute("href")).toBe("../zh/companies/zhipu");
    expect(doc.querySelector('form[role="search"]')!.getAttribute("data-root")).toBe("../");
  });

  test("is idempotent, and a page missing Framework's markup is an error naming it", () => {
    const once = mendEditionPage(page("/zh/"), "/zh/", {map, siteScript: "s.js"});
    expect(mendEditionPage(once, "/zh/", {map, siteScript: "s.js"})).toBe(once);
    expect(() => mendEditionPage("<!DOCTYPE html><html><head></head><body></body></html>", "/x", {map, siteScript: "s.js"}, "x.html")).toThrow(/x\.html: <main id="observablehq-main"> not found/);
  });

  test("names from data are escaped in the sidebar", () => {
    const hostile = [{name: {en: "<img src=x onerror=alert(1)>", zh: "<b>"}, pages: [{name: {en: "a&b", zh: "\"q\""}, path: "/companies/x"}]}];
    const nav = renderSidebar(hostile, "zh", "/zh/");
    expect(nav).not.toContain("<img");
    expect(nav).toContain("&lt;b&gt;");
    expect(nav).toContain("&quot;q&quot;");
    expect(renderSwitch("en", "/")).toContain('href="./zh/"');
  });
});

describe("the language switch", () => {
  test("carries the reader's query string and section to the twin", () => {
    const dom = new JSDOM(`<a data-twin href="./zh/funding">中文</a>`, {url: "https://example.org/site/funding?companies=zhipu,moonshot&scale=log#valuations"});
    bindLanguageSwitch(dom.window.document);
    const a = dom.window.document.querySelector("a")!;
    expect(a.getAttribute("href")).toBe("./zh/funding?companies=zhipu,moonshot&scale=log#valuations");
    dom.window.history.replaceState(null, "", "/site/funding?scale=linear");
    a.dispatchEvent(new dom.window.Event("pointerdown"));
    expect(a.getAttribute("href")).toBe("./zh/funding?scale=linear");
  });
});

describe("search results", () => {
  const doc = new JSDOM("").window.document;

  test("excerpts keep <mark> and nothing else as markup", () => {
    const nodes = excerptNodes(doc, 'a <mark>融资</mark> &lt;script&gt;x<img src=x onerror="alert(1)"> &amp; b');
    const div = doc.createElement("div");
    div.append(...nodes);
    expect(div.querySelectorAll("mark")).toHaveLength(1);
    expect(div.querySelector("mark")!.textContent).toBe("融资");
    expect(div.querySelector("img, script")).toBeNull();
    expect(div.textContent).toBe("a 融资 <script>x & b");
  });

  test("page URLs are the site's clean URLs, anchors kept", () => {
    expect(cleanUrl("/six-tigers-atlas/zh/funding.html#谁投了谁")).toBe("/six-tigers-atlas/zh/funding#谁投了谁");
    expect(cleanUrl("/zh/index.html")).toBe("/zh/");
    expect(cleanUrl("/companies/zhipu.html")).toBe("/companies/zhipu");
  });
});

describe("heading ids of Chinese pages", async () => {
  const {default: MarkdownIt} = await import("markdown-it");
  const {default: anchor} = await import("markdown-it-anchor");
  const {headingIds, unicodeSlug} = await import("../../scripts/framework/headingIds.js");
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- two copies of markdown-it's types disagree; the plugin is the one Framework uses.
  const render = (source: string) => headingIds(new MarkdownIt().use(anchor as any, {slugify: (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")})).render(source);

  test("a written id wins, Han headings keep their words, Latin headings are Framework's", () => {
    const html = render("## 谁投了谁 {#who-backed-whom}\n\n## 累计披露融资\n\n## Who backed whom\n");
    expect(html).toContain('<h2 id="who-backed-whom" tabindex="-1">谁投了谁</h2>');
    expect(html).toContain('<h2 id="累计披露融资" tabindex="-1">累计披露融资</h2>');
    expect(html).toContain('<h2 id="who-backed-whom-1" tabindex="-1">Who backed whom</h2>');
    expect(unicodeSlug("密度法则 (3.3 个月)")).toBe("密度法则-3-3-个月");
  });
});
