/**
 * The first-paint step of the build (scripts/framework/firstPaint.ts) on an excerpt of a real built page
 * (test/fixtures/framework/density-built.html: /density after the edition and prerender steps), and the
 * browser half that starts the page after its first frame (src/components/site/afterPaint.ts).
 */
import {readFileSync} from "node:fs";
import {JSDOM} from "jsdom";
import {describe, expect, test, vi} from "vitest";
import {AFTER_PAINT_ID, inlinable, lightenPage} from "../../scripts/framework/firstPaint.js";
import {afterNextPaint, FIRST_PAINT_WAIT_MS, startPage} from "../../src/components/site/afterPaint.js";

const PAGE = readFileSync("test/fixtures/framework/density-built.html", "utf8");
const SHEETS: Record<string, string> = {
  "./_observablehq/theme-air,near-midnight.b050d634.css": ":root{--theme-foreground:#1b1e23}\n.observablehq--inspect{color:red}\n/*# sourceMappingURL=theme.css.map */",
  "./_file/assets/atlas.3946bb99.css": ".atlas-chart{max-width:100%}\n.atlas-grid-row:hover{color:blue}"
};
const lighten = (html = PAGE) => lightenPage(html, {page: "density.html", pageName: "density", css: (href) => inlinable(SHEETS[href], href)});
const headOf = (html: string) => html.slice(html.indexOf("<head>"), html.indexOf("</head>"));

describe("a built page's head", () => {
  const {html, modules} = lighten();
  const doc = new JSDOM(html).window.document;

  test("holds no preload, no stylesheet link and no inline module", () => {
    const head = headOf(html);
    expect(head).not.toMatch(/rel="modulepreload"|rel="preload"|rel="stylesheet"/);
    expect(head).not.toMatch(/<script type="module">/);
    // What stays: the site script (which starts the rest) and the alternates.
    expect(doc.head.querySelectorAll("script[type=module][src]")).toHaveLength(1);
    expect(doc.head.querySelector("script")!.getAttribute("src")).toMatch(/_atlas\/site\.[0-9a-f]{8}\.js$/);
    expect(doc.head.querySelectorAll('link[rel="alternate"]')).toHaveLength(3);
  });

  test("carries the rules of both stylesheets that the page uses, in their order, without source-map comments", () => {
    const styles = [...doc.head.querySelectorAll("style")].map((s) => s.textContent!);
    expect(styles).toHaveLength(1);
    expect(styles[0].indexOf("--theme-foreground")).toBeLessThan(styles[0].indexOf(".atlas-chart"));
    expect(styles[0]).not.toContain("sourceMappingURL");
    // Rules for what only a script draws (the inspector, the result grid) wait for the whole stylesheet.
    expect(styles[0]).not.toContain("observablehq--inspect");
    expect(styles[0]).not.toContain("atlas-grid-row");
    // Before the title's end? No: where the first stylesheet was, so <meta charset> stays first.
    expect(headOf(html).indexOf("<style>")).toBeGreaterThan(headOf(html).indexOf("<meta charset"));
  });

  test("puts the preloads and the page's modules in the after-paint template, in their order", () => {
    const template = doc.getElementById(AFTER_PAINT_ID) as HTMLTemplateElement;
    expect(template.parentElement).toBe(doc.body);
    const later = [...template.content.children].map((e) => e.getAttribute("rel") ?? e.localName);
    expect(later).toEqual(["stylesheet", "stylesheet", "modulepreload", "modulepreload", "modulepreload", ...Array(6).fill("preload"), "script"]);
    expect([...template.content.querySelectorAll('link[rel="stylesheet"]')].map((l) => l.getAttribute("href"))).toEqual(Object.keys(SHEETS));
    expect([...template.content.querySelectorAll('link[as="fetch"]')].map((l) => l.getAttribute("href"))).toEqual(
      ["density_points", "density_fit", "claims", "price_points", "company_summary", "sources"].map((t) => expect.stringMatching(new RegExp(`^\\./_file/data/${t}\\.[0-9a-f]{8}\\.parquet$`)))
    );
    expect(doc.querySelector('main link[rel="preload"]')).toBeNull();
    const script = template.content.querySelector("script")!;
    expect(script.getAttribute("type")).toBe("module");
    expect(script.getAttribute("src")).toMatch(/^\.\/density\.[0-9a-f]{8}\.js$/);
  });

  test("moves the page's module to a file beside the page, its relative imports as they were", () => {
    expect([...modules.keys()]).toEqual([doc.querySelector("template")!.content.querySelector("script")!.getAttribute("src")!.slice(2)]);
    const code = [...modules.values()][0];
    expect(code).toContain('import {define} from "./_observablehq/client.cc2855ac.js";');
    expect(code).toContain('registerFile("./data/');
    expect(code).toContain('define({id: "45066803"');
    // The module's name follows its content, so a changed page gets a new URL and a cached old one is never used.
    const changed = lighten(PAGE.replace('define({id: "45066803"', 'define({id: "45066804"')).modules;
    expect([...changed.keys()][0]).not.toBe([...modules.keys()][0]);
  });

  test("leaves the body's content as it was: the build-time chart and the prose", () => {
    const before = new JSDOM(PAGE).window.document;
    expect(doc.getElementById("prerender-density")!.outerHTML).toBe(before.getElementById("prerender-density")!.outerHTML);
    for (const link of before.querySelectorAll('main link[rel="preload"]')) link.remove();
    expect(doc.querySelector("main")!.innerHTML.replace(/\n+/g, "\n")).toBe(before.querySelector("main")!.innerHTML.replace(/\n+/g, "\n"));
    expect(html.length).toBeLessThan(PAGE.length);
  });

  test("is done once: a lightened page is left alone", () => {
    expect(lighten(html).html).toBe(html);
  });

  test("names what it cannot find, so a changed Framework template fails the build", () => {
    expect(() => lighten(PAGE.replace(/<link rel="stylesheet"[^>]*>/g, ""))).toThrow(/density\.html: no stylesheet link/);
    expect(() => lighten(PAGE.replace(/<script type="module">[\s\S]*?<\/script>/g, ""))).toThrow(/density\.html: no inline module script/);
  });
});

describe("inlinable stylesheets", () => {
  test("keep data: URLs and refuse URLs that would resolve against the page", () => {
    expect(inlinable('a{background:url("data:image/svg+xml,%3Csvg%3E")}', "a.css")).toContain("data:image");
    expect(() => inlinable("a{background:url(./icon.svg)}", "a.css")).toThrow(/a\.css: url\(\.\/icon\.svg\) cannot be inlined/);
    expect(() => inlinable("@import 'b.css';", "a.css")).toThrow(/@import/);
  });
});

describe("starting the page after the first paint", () => {
  test("waits for a frame, then a task", () => {
    const {window} = new JSDOM("<!doctype html><body>", {pretendToBeVisual: true});
    vi.useFakeTimers({toFake: ["setTimeout"]});
    try {
      const frames: FrameRequestCallback[] = [];
      window.requestAnimationFrame = (f: FrameRequestCallback) => (frames.push(f), frames.length);
      const then = vi.fn();
      afterNextPaint(then, window.document);
      vi.runAllTimers();
      expect(then).not.toHaveBeenCalled();
      frames[0](0);
      expect(then).not.toHaveBeenCalled();
      vi.runAllTimers();
      expect(then).toHaveBeenCalledOnce();
    } finally {
      vi.useRealTimers();
    }
  });

  test("where the browser reports paints, waits for the first contentful one (the frame on the screen), then a task", () => {
    const {window} = new JSDOM("<!doctype html><body>", {pretendToBeVisual: true});
    vi.useFakeTimers({toFake: ["setTimeout"]});
    try {
      const observers: {callback: (list: {getEntriesByName(name: string): unknown[]}) => void; disconnected: boolean}[] = [];
      (window as unknown as {PerformanceObserver: unknown}).PerformanceObserver = Object.assign(
        class {
          record: (typeof observers)[number];
          constructor(callback: (typeof observers)[number]["callback"]) {
            this.record = {callback, disconnected: false};
            observers.push(this.record);
          }
          observe(options: unknown) {
            expect(options).toEqual({type: "paint", buffered: true});
          }
          disconnect() {
            this.record.disconnected = true;
          }
        },
        {supportedEntryTypes: ["paint"]}
      );
      window.requestAnimationFrame = () => {
        throw new Error("no frame callback where paint timing exists");
      };
      const then = vi.fn();
      afterNextPaint(then, window.document);
      const entries = (names: string[]) => ({getEntriesByName: (name: string) => names.filter((n) => n === name)});
      observers[0].callback(entries(["first-paint"]));
      vi.advanceTimersByTime(10);
      expect(then).not.toHaveBeenCalled();
      observers[0].callback(entries(["first-contentful-paint"]));
      expect(observers[0].disconnected).toBe(true);
      expect(then).not.toHaveBeenCalled();
      vi.runAllTimers();
      expect(then).toHaveBeenCalledOnce();
    } finally {
      vi.useRealTimers();
    }
  });

  test("starts anyway when no contentful paint is reported", () => {
    const {window} = new JSDOM("<!doctype html><body>", {pretendToBeVisual: true});
    vi.useFakeTimers({toFake: ["setTimeout"]});
    try {
      (window as unknown as {PerformanceObserver: unknown}).PerformanceObserver = Object.assign(
        class {
          observe() {}
          disconnect() {}
        },
        {supportedEntryTypes: ["paint"]}
      );
      const then = vi.fn();
      afterNextPaint(then, window.document);
      vi.advanceTimersByTime(FIRST_PAINT_WAIT_MS - 1);
      expect(then).not.toHaveBeenCalled();
      vi.runAllTimers();
      expect(then).toHaveBeenCalledOnce();
    } finally {
      vi.useRealTimers();
    }
  });

  test("puts the stylesheets into the head, then, once they have loaded, the rest; once", async () => {
    const {html} = lighten();
    const {window} = new JSDOM(html, {url: "http://localhost/six-tigers-atlas/density"});
    const started = startPage(window.document);
    const head = window.document.head;
    // The modules wait for the whole stylesheets (jsdom loads none: say they have).
    const sheets = [...head.querySelectorAll('link[rel="stylesheet"]')];
    expect(sheets).toHaveLength(2);
    expect(head.querySelector('script[type="module"][src^="./density."]')).toBeNull();
    for (const sheet of sheets) sheet.dispatchEvent(new window.Event("load"));
    expect(await started).toBe(true);
    expect(head.querySelectorAll('link[rel="modulepreload"]')).toHaveLength(3);
    expect(head.querySelectorAll('script[type="module"][src^="./density."]')).toHaveLength(1);
    expect(window.document.getElementById(AFTER_PAINT_ID)).toBeNull();
    expect(head.querySelectorAll('link[rel="preload"][as="fetch"]')).toHaveLength(6);
    expect(await startPage(window.document)).toBe(false);
  });
});
