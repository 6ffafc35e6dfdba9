/**
 * Embeddable charts (issue 13): the list of embed pages is the list of views, each embed's title is its chart's
 * own, and the addresses are right: the embed page of a chart in either edition, under any sub-path, with the view's
 * state and nothing else in its query; the link back to the story page; the <iframe> code, escaped. The Embed
 * control puts that code in the page when asked, and the embed page reads its state as the story page does.
 */
import {JSDOM} from "jsdom";
import {afterAll, afterEach, beforeAll, describe, expect, test, vi} from "vitest";
import {EMBEDS, embedPaths, embedRoute, embedSnippet, embedTitle, embedUrl, isEmbedPath, storyHref} from "../../src/lib/embeds.js";
import {claims, companies, companySummary, densityFit, densityPoints, edgeCompany, events, financials, fundingRounds, fundingSteps, investorLinks, modelCounts, models, pricePoints, sourceRows} from "./storyFixtures.js";

// The page modules name their Parquet files through Framework's FileAttachment, which does not exist under vitest.
vi.mock("observablehq:stdlib", () => ({FileAttachment: (name: string) => ({href: name})}));

const dom = new JSDOM("<!doctype html><html><body></body></html>", {url: "https://atlas.example/"});
const {document, history, location} = dom.window;
const globals = globalThis as unknown as Record<string, unknown>;
const saved = {document: globals.document, window: globals.window, location: globals.location};
beforeAll(() => Object.assign(globals, {document, window: dom.window, location}));
afterAll(() => Object.assign(globals, saved));

const {VIEWS} = await import("../../src/components/views/all.js");
const {fundingParams, loadStoryData} = await import("../../src/components/views.js");
const {embedSearch, siteRoot, withEmbed} = await import("../../src/components/embedControl.js");
const {embedState, linkBack} = await import("../../src/components/pages/embed.js");

const TABLES: Record<string, unknown[]> = {
  company_summary: [...companySummary, edgeCompany],
  companies,
  funding_rounds: fundingRounds,
  funding_steps: fundingSteps,
  investor_links: investorLinks,
  events,
  models,
  model_counts: modelCounts,
  financials,
  claims,
  density_points: densityPoints,
  density_fit: densityFit,
  price_points: pricePoints,
  sources: sourceRows
};

type AnyView = {tables: string[]; defaults: (d: unknown) => unknown; params?: (d: unknown) => never; render: (...a: unknown[]) => Element};
const views = VIEWS as unknown as Record<string, AnyView>;
const data = (name: string, lang: "en" | "zh" = "en") => loadStoryData(views[name].tables as never, async (table) => TABLES[table] as never, lang);

afterEach(() => {
  document.body.replaceChildren();
  history.replaceState(null, "", "/");
});

describe("EMBEDS", () => {
  test("lists every view, and nothing that is not one", () => {
    expect(Object.keys(EMBEDS).sort()).toEqual(Object.keys(VIEWS).sort());
  });

  test.each(["en", "zh"] as const)("each embed's title is its chart's own title (%s)", async (lang) => {
    for (const name of Object.keys(EMBEDS)) {
      const slot = document.createElement("div");
      slot.setAttribute("data-company", "alpha");
      const d = await data(name, lang);
      const element = views[name].render(d, views[name].defaults(d), 640, slot);
      // A chart's title, else the list's accessible name (the course grid), else the table's caption (the claims).
      const own = (element.querySelector(".atlas-chart-title")?.textContent ?? element.getAttribute("aria-label") ?? element.querySelector("caption")?.textContent ?? "").trim();
      expect(own, name).not.toBe("");
      if (EMBEDS[name].perCompany) {
        const alpha = (TABLES.company_summary as {company_id: string; label: string; short_zh: string}[]).find((c) => c.company_id === "alpha")!;
        expect(embedTitle(name, lang, lang === "zh" ? alpha.short_zh : alpha.label), name).toBe(own);
      } else {
        // The MiniCPM chart's title says whose models it draws; the claims' caption goes on with the fit's numbers.
        const title = embedTitle(name, lang);
        expect(title.toLowerCase().includes(own.toLowerCase()) || own.startsWith(title), `${name}: "${title}" against "${own}"`).toBe(true);
      }
    }
  });
});

describe("embed addresses", () => {
  test("embedRoute(chart, lang, company?) is the page's path in its edition", () => {
    expect(embedRoute("cumulative-funding", "en")).toBe("embed/cumulative-funding");
    expect(embedRoute("cumulative-funding", "zh")).toBe("zh/embed/cumulative-funding");
    expect(embedRoute("company-timeline", "zh", "zhipu")).toBe("zh/embed/company-timeline/zhipu");
    expect(() => embedRoute("company-timeline", "en")).toThrow(/company id is required/);
    expect(() => embedRoute("density", "en", "zhipu")).toThrow(/not drawn per company/);
    expect(() => embedRoute("company-timeline", "en", "../x")).toThrow(/invalid company id/);
    expect(() => embedRoute("pie-chart", "en")).toThrow(/invalid chart: "pie-chart"; expected one of funding-valuation/);
  });

  test("embedPaths(companies) lists one page per chart and one per company for the timeline", () => {
    const paths = embedPaths(["zhipu", "moonshot"]);
    expect(paths).toHaveLength(Object.keys(EMBEDS).length - 1 + 2);
    expect(paths).toEqual(expect.arrayContaining(["/embed/density", "/embed/company-timeline/zhipu", "/embed/company-timeline/moonshot"]));
    expect(paths.every(isEmbedPath)).toBe(true);
    expect(["/funding", "/zh/", "/companies/zhipu", "zh/funding"].some(isEmbedPath)).toBe(false);
    expect(isEmbedPath("zh/embed/density")).toBe(true);
  });

  test("embedUrl(root, chart, lang, search) under a sub-path, with the state", () => {
    const root = "https://example.org/six-tigers-atlas/";
    expect(embedUrl(root, "cumulative-funding", "en", "?companies=zhipu%2Cmoonshot")).toBe("https://example.org/six-tigers-atlas/embed/cumulative-funding?companies=zhipu%2Cmoonshot");
    expect(embedUrl(root, "density", "zh", "fit=all")).toBe("https://example.org/six-tigers-atlas/zh/embed/density?fit=all");
    expect(embedUrl("https://example.org/", "company-timeline", "en", "", "zhipu")).toBe("https://example.org/embed/company-timeline/zhipu");
    expect(() => embedUrl("https://example.org/atlas", "density", "en")).toThrow(/invalid root/);
  });

  test("storyHref(chart, lang, search) leads from the embed page to its story page, state and anchor", () => {
    expect(storyHref("cumulative-funding", "en", "?scale=log")).toBe("../funding?scale=log#cumulative-disclosed-funding");
    expect(storyHref("cumulative-funding", "zh")).toBe("../../zh/funding#cumulative-disclosed-funding");
    expect(storyHref("funding-valuation", "en")).toBe("../#money-raised-against-value");
    expect(storyHref("funding-valuation", "zh")).toBe("../../zh/#money-raised-against-value");
    expect(storyHref("company-timeline", "zh", "", "zhipu")).toBe("../../../zh/companies/zhipu#timeline");
    // Resolved from the embed page, it is the story page of the same edition.
    expect(new URL(storyHref("company-timeline", "en", "", "zhipu"), "https://x.org/a/embed/company-timeline/zhipu").href).toBe("https://x.org/a/companies/zhipu#timeline");
    expect(new URL(storyHref("density", "zh"), "https://x.org/a/zh/embed/density").href).toBe("https://x.org/a/zh/density#prerender-density");
  });

  test("embedSnippet({src, title, height}) escapes both attributes and rounds the height up", () => {
    const code = embedSnippet({src: "https://x.org/embed/a?b=1&c=2", title: 'He said "hi" <b>', height: 432});
    expect(code).toBe(
      '<iframe src="https://x.org/embed/a?b=1&amp;c=2" title="He said &quot;hi&quot; &lt;b&gt;" width="100%" height="440" style="border: 0; max-width: 100%;" loading="lazy"></iframe>'
    );
    expect(embedSnippet({src: "https://x.org/", title: "t", height: 12})).toContain('height="200"');
  });
});

describe("the Embed control", () => {
  test("siteRoot(moduleUrl) is the site's root from where the control's module is served", () => {
    expect(siteRoot("https://example.org/six-tigers-atlas/_import/components/embedControl.1a2b3c4d.js")).toBe("https://example.org/six-tigers-atlas/");
    expect(siteRoot("http://127.0.0.1:3000/_import/components/embedControl.js?sha=1")).toBe("http://127.0.0.1:3000/");
  });

  test("embedSearch(specs, search) keeps the view's own parameters, corrected, defaults and others left out", async () => {
    const specs = fundingParams(await data("cumulative-funding"));
    expect(embedSearch(specs, "?scale=log&companies=alpha,nope&sql=x")).toBe("?companies=alpha&scale=log");
    expect(embedSearch(specs, "?scale=linear&other=1")).toBe("");
    expect(embedSearch(undefined, "?scale=log")).toBe("");
  });

  test("opens with the code for the chart's embed, in the page's edition and state, and closes again", async () => {
    history.replaceState(null, "", "/zh/funding?companies=alpha&scale=log&unrelated=1");
    const d = await data("cumulative-funding", "zh");
    const view = views["cumulative-funding"];
    const figure = withEmbed(view.render(d, view.defaults(d), 640), {chart: "cumulative-funding", lang: "zh", params: () => view.params!(d), root: "https://example.org/atlas/"});
    document.body.append(figure);
    const button = figure.querySelector<HTMLButtonElement>(".atlas-chart-tools .atlas-embed-button")!;
    expect(button.textContent).toBe("嵌入");
    const panel = document.getElementById(button.getAttribute("aria-controls")!)!;
    expect(panel.hidden).toBe(true);
    button.click();
    expect(panel.hidden).toBe(false);
    expect(button.getAttribute("aria-expanded")).toBe("true");
    const code = panel.querySelector(".atlas-copy-text")!.textContent!;
    expect(code).toMatch(/^<iframe src="https:\/\/example\.org\/atlas\/zh\/embed\/cumulative-funding\?companies=alpha&amp;scale=log" title="累计已披露融资额" /);
    expect(panel.querySelector<HTMLAnchorElement>("a.atlas-embed-open")!.href).toBe("https://example.org/atlas/zh/embed/cumulative-funding?companies=alpha&scale=log");
    button.click();
    expect(panel.hidden).toBe(true);
  });

  test("a chart without tools gets a row for the button; a list is wrapped; a fault box is left alone", async () => {
    const d = await data("course-grid");
    const grid = views["course-grid"].render(d, {}, 0);
    const wrapped = withEmbed(grid, {chart: "course-grid", lang: "en"});
    expect(wrapped).not.toBe(grid);
    expect(wrapped.firstElementChild).toBe(grid);
    expect(grid.querySelector(".atlas-embed-button")).toBeNull();
    expect(wrapped.querySelector(".atlas-chart-tools .atlas-embed-button")).not.toBeNull();
    const c = await data("claims");
    const panel = views.claims.render(c, {}, 0);
    expect(withEmbed(panel, {chart: "claims", lang: "en"})).toBe(panel);
    expect(panel.querySelectorAll(".atlas-chart-tools .atlas-embed-button")).toHaveLength(1);
    const box = document.createElement("div");
    box.className = "atlas-fault-box";
    expect(withEmbed(box, {chart: "density", lang: "en"})).toBe(box);
    expect(box.childElementCount).toBe(0);
  });
});

describe("an embed page", () => {
  test("embedState(view, data, search) reads the state as the story page does; a view without one draws its default", async () => {
    const d = await data("density");
    expect(embedState(views.density as never, d as never, "?fit=all&window=bogus")).toEqual({fit: "all", window: (views.density.defaults(d) as {window: unknown}).window});
    const p = await data("price-chart");
    expect(embedState(views["price-chart"] as never, p as never, "?fit=all")).toEqual({});
  });

  test("linkBack(view, data) puts the embed's state on the link to the story page", async () => {
    history.replaceState(null, "", "/atlas/embed/cumulative-funding?scale=log&x=1");
    document.body.innerHTML = '<a class="atlas-embed-back" href="../funding#cumulative-disclosed-funding">back</a>';
    linkBack(views["cumulative-funding"] as never, (await data("cumulative-funding")) as never);
    expect(document.querySelector<HTMLAnchorElement>("a")!.href).toBe(`${location.origin}/atlas/funding?scale=log#cumulative-disclosed-funding`);
  });
});
