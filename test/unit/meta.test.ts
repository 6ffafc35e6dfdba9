/**
 * Each page's head for browsers, search engines and link previews (scripts/framework/meta.ts): Framework 1.13.4's
 * real page (test/fixtures/framework/funding.html) gets a viewport that allows zooming, and the tags after its
 * title come from the page's front matter, its card and the site's address; a page without a usable
 * description fails the build, naming its source.
 */
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {JSDOM} from "jsdom";
import {afterAll, describe, expect, test} from "vitest";
import {descriptionProblem, frontMatterField, mendMeta, mendViewport, pageName, renderMeta, siteUrlFromEnv, VIEWPORT} from "../../scripts/framework/meta.js";

const PAGE = readFileSync("test/fixtures/framework/funding.html", "utf8");
const CARD = {file: "_atlas/cards/funding.png", width: 1200, height: 630, alt: "Cumulative disclosed funding"};
const temp = mkdtempSync(join(tmpdir(), "atlas-meta-"));
afterAll(() => rmSync(temp, {recursive: true, force: true}));

function write(dir: string, files: Record<string, string>): string {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(dir, file, ".."), {recursive: true});
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

const head = (html: string) => new JSDOM(html).window.document.head;
const content = (html: string, selector: string) => head(html).querySelector(selector)?.getAttribute("content");

describe("viewport", () => {
  test("Framework's viewport, which blocks zooming, becomes one that allows it", () => {
    expect(PAGE).toContain("maximum-scale=1");
    const mended = mendViewport(PAGE, "funding.html");
    expect(content(mended, 'meta[name="viewport"]')).toBe("width=device-width, initial-scale=1");
    expect(mended).not.toContain("maximum-scale");
    expect(mendViewport(mended, "funding.html")).toBe(mended);
  });

  test("a page without Framework's viewport tag is an error naming it", () => {
    expect(() => mendViewport(PAGE.replace(/<meta name="viewport"[^>]*>/, ""), "funding.html")).toThrow(/funding\.html: Framework's viewport tag not found/);
    expect(VIEWPORT).not.toMatch(/maximum-scale|user-scalable/);
  });
});

describe("front matter", () => {
  test("frontMatterField reads double-quoted (JSON escapes), single-quoted and plain values", () => {
    expect(frontMatterField('---\ntitle: T\ndescription: "Say \\"hi\\": a\\u00e9"\n---\n# T\n', "description")).toBe('Say "hi": aé');
    expect(frontMatterField("---\ndescription: 'It''s: here'\n---\n", "description")).toBe("It's: here");
    expect(frontMatterField("---\ndescription: 六小虎融了多少钱：累计融资\n---\n", "description")).toBe("六小虎融了多少钱：累计融资");
  });

  test("a description outside the front matter, or none, is undefined", () => {
    expect(frontMatterField("---\ntitle: T\n---\ndescription: in the body\n", "description")).toBeUndefined();
    expect(frontMatterField("# No front matter\ndescription: x\n", "description")).toBeUndefined();
    expect(frontMatterField("---\ntitle: T\ndescription:\n---\n", "description")).toBeUndefined();
  });
});

describe("descriptionProblem", () => {
  test("accepts a page's description in its language within the limits", () => {
    expect(descriptionProblem("How much China’s six AI tigers raised, from whom and at what valuation.", "en")).toBeNull();
    expect(descriptionProblem("智谱 Zhipu in the Six Tigers Atlas: founding, funding rounds and model releases.", "en")).toBeNull();
    expect(descriptionProblem("MiniMax 的成立、各轮融资与估值、模型发布、战略事件与业绩。", "zh")).toBeNull();
    expect(descriptionProblem("x".repeat(160), "en")).toBeNull();
    expect(descriptionProblem("融".repeat(80), "zh")).toBeNull();
  });

  test("refuses a missing, long or wrong-language description, saying what to do", () => {
    expect(descriptionProblem(undefined, "en")).toMatch(/no description; add `description: "…"` to its front matter/);
    expect(descriptionProblem("  ", "zh")).toMatch(/at most 80 Han characters/);
    expect(descriptionProblem("x".repeat(161), "en")).toMatch(/161 characters; shorten it to at most 160/);
    expect(descriptionProblem("融".repeat(81), "zh")).toMatch(/81 Han characters; shorten it to at most 80/);
    expect(descriptionProblem("How much the six tigers raised: funding, valuations and investors.", "zh")).toMatch(/not Chinese/);
    expect(descriptionProblem("六小虎融了多少钱、谁投的、估值几何", "en")).toMatch(/not English/);
  });
});

describe("siteUrlFromEnv", () => {
  test("is undefined when unset, and ends in a slash when set", () => {
    expect(siteUrlFromEnv(undefined)).toBeUndefined();
    expect(siteUrlFromEnv(" ")).toBeUndefined();
    expect(siteUrlFromEnv("https://example.org/six-tigers-atlas")).toBe("https://example.org/six-tigers-atlas/");
    expect(siteUrlFromEnv("https://atlas.example.cn/?utm=x#top")).toBe("https://atlas.example.cn/");
  });

  test("refuses what is not an http(s) address", () => {
    expect(() => siteUrlFromEnv("example.org/atlas")).toThrow(/SITE_URL: invalid URL/);
    expect(() => siteUrlFromEnv("ftp://example.org/")).toThrow(/http\(s\)/);
  });
});

describe("renderMeta", () => {
  const meta = {path: "/zh/funding", title: "融资与估值", description: "六小虎融了多少钱", card: {...CARD, file: "_atlas/cards/zh/funding.png", alt: "累计已披露融资额"}};

  test("with the site's address: absolute image, canonical and page URL, in the page's language", () => {
    const html = `<head>${renderMeta({...meta, siteUrl: "https://example.org/atlas/"})}</head>`;
    expect(content(html, 'meta[property="og:image"]')).toBe("https://example.org/atlas/_atlas/cards/zh/funding.png");
    expect(content(html, 'meta[name="twitter:image"]')).toBe("https://example.org/atlas/_atlas/cards/zh/funding.png");
    expect(content(html, 'meta[property="og:url"]')).toBe("https://example.org/atlas/zh/funding");
    expect(head(html).querySelector('link[rel="canonical"]')!.getAttribute("href")).toBe("https://example.org/atlas/zh/funding");
    expect(content(html, 'meta[property="og:locale"]')).toBe("zh_CN");
    expect(content(html, 'meta[property="og:locale:alternate"]')).toBe("en_US");
    expect(content(html, 'meta[property="og:site_name"]')).toBe("六小虎图谱");
    expect(content(html, 'meta[property="og:title"]')).toBe("融资与估值");
    expect(content(html, 'meta[name="description"]')).toBe("六小虎融了多少钱");
    expect(content(html, 'meta[property="og:description"]')).toBe("六小虎融了多少钱");
    expect(content(html, 'meta[property="og:image:width"]')).toBe("1200");
    expect(content(html, 'meta[property="og:image:height"]')).toBe("630");
    expect(content(html, 'meta[property="og:image:alt"]')).toBe("累计已披露融资额");
    expect(content(html, 'meta[name="twitter:card"]')).toBe("summary_large_image");
  });

  test("without it: the image relative to the page, icons at the site's root, no canonical", () => {
    const html = `<head>${renderMeta(meta)}</head>`;
    expect(content(html, 'meta[property="og:image"]')).toBe("../_atlas/cards/zh/funding.png");
    expect(head(html).querySelector('link[rel="canonical"]')).toBeNull();
    expect(head(html).querySelector('meta[property="og:url"]')).toBeNull();
    expect([...head(html).querySelectorAll('link[rel~="icon"], link[rel="apple-touch-icon"]')].map((l) => l.getAttribute("href"))).toEqual(["../favicon.ico", "../favicon.svg", "../apple-touch-icon.png"]);
    const home = `<head>${renderMeta({...meta, path: "/", title: "Six Tigers Atlas", card: CARD})}</head>`;
    expect(content(home, 'meta[property="og:image"]')).toBe("./_atlas/cards/funding.png");
    expect(content(home, 'meta[property="og:locale"]')).toBe("en_US");
  });

  test("hostile text stays text", () => {
    const html = `<head>${renderMeta({...meta, title: 'A "quoted" <b>title</b>', description: `It's "x" & <script>alert(1)</script>`})}</head>`;
    expect(content(html, 'meta[property="og:title"]')).toBe('A "quoted" <b>title</b>');
    expect(content(html, 'meta[name="description"]')).toBe(`It's "x" & <script>alert(1)</script>`);
    expect(head(html).querySelector("script")).toBeNull();
  });
});

describe("mendMeta", () => {
  const page = (title: string) => PAGE.replace(/<title>[^<]*<\/title>/, `<title>${title}</title>`);

  test("puts the tags right after each page's title, from its front matter or its page loader's output", () => {
    const dist = write(join(temp, "ok", "dist"), {"funding.html": PAGE, "companies/zhipu.html": page("智谱 Zhipu | Six Tigers Atlas"), "robots.txt": "x"});
    const src = write(join(temp, "ok", "src"), {"funding.md": '---\ntitle: Funding and valuations\ndescription: "Funding, valuations and rounds."\n---\n'});
    const cache = write(join(temp, "ok", "cache"), {"companies/zhipu.md": '---\ntitle: "智谱 Zhipu"\ndescription: "Zhipu in the atlas."\n---\n'});
    const cards = new Map([
      ["/funding", CARD],
      ["/companies/zhipu", {...CARD, file: "_atlas/cards/companies/zhipu.png"}]
    ]);
    expect(mendMeta(dist, {cards, src, cache})).toEqual({pages: 2, problems: []});
    const funding = readFileSync(join(dist, "funding.html"), "utf8");
    expect(funding).toMatch(/<title>Funding and valuations \| Six Tigers Atlas<\/title>\n<meta name="description" content="Funding, valuations and rounds.">/);
    expect(content(funding, 'meta[property="og:title"]')).toBe("Funding and valuations");
    expect(content(funding, 'meta[name="viewport"]')).toBe("width=device-width, initial-scale=1");
    const zhipu = readFileSync(join(dist, "companies/zhipu.html"), "utf8");
    expect(content(zhipu, 'meta[name="description"]')).toBe("Zhipu in the atlas.");
    expect(content(zhipu, 'meta[property="og:image"]')).toBe("../_atlas/cards/companies/zhipu.png");
    // A second run adds nothing.
    mendMeta(dist, {cards, src, cache});
    expect(readFileSync(join(dist, "funding.html"), "utf8")).toBe(funding);
  });

  test("a page without a usable description, or without a card, is a problem naming its source", () => {
    const dist = write(join(temp, "bad", "dist"), {"funding.html": PAGE, "density.html": page("The densing law | Six Tigers Atlas"), "zh/data.html": page("数据与方法 | 六小虎图谱")});
    const src = write(join(temp, "bad", "src"), {
      "funding.md": "---\ntitle: Funding and valuations\n---\n",
      "density.md": '---\ndescription: "The densing law refitted."\n---\n',
      "zh/data.md": '---\ndescription: "Download the tables."\n---\n'
    });
    const {problems} = mendMeta(dist, {cards: new Map([["/funding", CARD], ["/zh/data", CARD]]), src, cache: join(temp, "bad", "none")});
    expect(problems).toHaveLength(3);
    expect(problems).toContain("density.html: no card image was rendered for /density");
    expect(problems.find((p) => p.includes("funding.md"))).toMatch(/funding\.md: it has no description; add `description: "…"` to its front matter/);
    expect(problems.find((p) => p.includes("data.md"))).toMatch(/zh\/data\.md: its description is not Chinese/);
  });

  test("pageName is the title before the site's name, unescaped", () => {
    expect(pageName(PAGE)).toBe("Funding and valuations");
    expect(pageName("<title>R&amp;D &quot;labs&quot; | Six Tigers Atlas</title>")).toBe('R&D "labs"');
  });
});
