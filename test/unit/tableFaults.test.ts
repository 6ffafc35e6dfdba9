// @vitest-environment jsdom
import {afterEach, describe, expect, test, vi} from "vitest";
import {LoadError} from "../../src/components/fetchBytes.js";
import {hydrate} from "../../src/components/prerendered.js";
import {control, faultsOf, known, showFaults, TableMissing, whenLoaded, withFaults, type TableFault} from "../../src/components/tableFaults.js";
import {writeParquet} from "../../src/lib/parquet.js";
import {HOSTILE} from "./chartAssertions.js";

// The published files, as Framework would name them (tables.ts reads them through FileAttachment, absent here).
vi.mock("../../src/components/tables.js", () => ({
  PARQUET: Object.fromEntries(["sources", "events", "models"].map((name) => [name, `./_file/data/${name}.0123abcd.parquet`]))
}));

const fault = (table: string, failure: LoadError["failure"] = "timeout", lang: "en" | "zh" = "en", retry = () => {}): TableFault => ({
  table,
  error: new LoadError(`${table}.parquet`, failure, {status: failure === "http" ? 404 : undefined, lang}),
  lang,
  retry
});

/** Placement waits for charts drawn a frame after their cell (tableFaults.ts). */
const placed = () => new Promise((resolve) => setTimeout(resolve, 80));

afterEach(() => {
  showFaults([]);
  document.body.replaceChildren();
  vi.unstubAllGlobals();
});

describe("withFaults(loaded, faults) and the guards", () => {
  test("withFaults(loaded, faults): a failed table throws TableMissing when read, the others read as loaded", () => {
    const data = withFaults<{events: unknown[]; models: unknown[]}>({events: [1]}, [fault("models")]);
    expect(data.events).toEqual([1]);
    expect(() => data.models).toThrow(TableMissing);
    expect([...faultsOf(data).keys()]).toEqual(["models"]);
    expect(faultsOf({events: []}).size).toBe(0);
  });

  test("whenLoaded(render, data, tables): the element, or an empty box for the tables listed or read that failed", () => {
    const data = withFaults<{events: number[]; models: number[]}>({events: [1]}, [fault("models")]);
    const chart = document.createElement("figure");
    expect(whenLoaded(() => chart, data, ["events"])).toBe(chart);
    const listed = whenLoaded(() => chart, data, ["events", "models"]) as HTMLElement;
    expect(listed.className).toBe("atlas-fault-box");
    expect(listed.dataset.tables).toBe("models");
    expect(listed.childNodes).toHaveLength(0);
    const read = whenLoaded(() => (data.models.length, chart)) as HTMLElement;
    expect(read.dataset.tables).toBe("models");
    expect(() => whenLoaded(() => JSON.parse("{"))).toThrow(SyntaxError);
  });

  test("known(compute): the values, or a promise that never settles when a table they read failed", async () => {
    const data = withFaults<{events: number[]; models: number[]}>({events: [1, 2]}, [fault("models")]);
    expect(known(() => ({n: data.events.length}))).toEqual({n: 2});
    const waiting = known(() => ({n: data.models.length})) as unknown as Promise<unknown>;
    const settled = await Promise.race([waiting.then(() => "settled"), placed().then(() => "pending")]);
    expect(settled).toBe("pending");
  });

  test("control(make): the bar, or a box whose value is a promise that never settles", async () => {
    const data = withFaults<{company_summary: number[]}>({}, [fault("company_summary")]);
    const box = control(() => (data.company_summary, document.createElement("form"))) as unknown as HTMLElement & {value: Promise<unknown>};
    expect(box.className).toBe("atlas-fault-box");
    const settled = await Promise.race([box.value.then(() => "settled"), placed().then(() => "pending")]);
    expect(settled).toBe("pending");
  });
});

describe("showFaults(faults): one notice per failed table, where the first thing that needs it stands", () => {
  function page() {
    document.body.innerHTML = `<main><h1>Title</h1><div id="a"></div><div id="b"></div></main>`;
  }

  test("the notice goes to the first box in the page that needs its table, once, and moves up when an earlier box appears", async () => {
    page();
    const data = withFaults<{models: number[]}>({}, [fault("models")]);
    showFaults([...faultsOf(data).values()]);
    const later = whenLoaded(() => data.models) as HTMLElement;
    document.getElementById("b")!.append(later);
    await placed();
    expect(document.querySelectorAll(".atlas-fault")).toHaveLength(1);
    expect(later.querySelector(".atlas-fault")).not.toBeNull();
    const earlier = whenLoaded(() => data.models) as HTMLElement;
    document.getElementById("a")!.append(earlier);
    await placed();
    expect(document.querySelectorAll(".atlas-fault")).toHaveLength(1);
    expect(earlier.querySelector(".atlas-fault")).not.toBeNull();
  });

  test("a table no chart or table needs has its notice under the page's title", async () => {
    page();
    showFaults([fault("density_fit")]);
    await placed();
    const notice = document.querySelector("h1 + #atlas-faults > .atlas-fault")!;
    expect(notice.textContent).toContain("density_fit.parquet");
  });

  test("the notice names the file and says what happened, in the page's language, with text as text", async () => {
    page();
    showFaults([fault("financials", "http", "zh"), {...fault("x"), error: new LoadError(HOSTILE, "damaged", {lang: "en"})}]);
    await placed();
    const [zh, hostile] = document.querySelectorAll<HTMLElement>(".atlas-fault");
    expect(zh.getAttribute("role")).toBe("alert");
    expect(zh.querySelector("p")!.textContent).toBe(
      "未能载入数据表 financials.parquet：服务器上找不到该文件（HTTP 404）。在它载入之前，本页需要它的图表和数字保持网站构建时的样子，或暂不显示。"
    );
    expect(zh.querySelector("button")!.textContent).toBe("重试");
    expect(hostile.querySelector("code")!.textContent).toBe(HOSTILE);
    expect(hostile.querySelector("img, script")).toBeNull();
    expect(hostile.querySelector("p")!.textContent).toContain(": it arrived damaged or incomplete. Until it loads,");
  });

  test("Try again asks for the table once and says it is loading; a new fault brings the button back; a loaded table takes its notice away", async () => {
    page();
    const retry = vi.fn();
    showFaults([fault("models", "timeout", "en", retry)]);
    await placed();
    const button = document.querySelector<HTMLButtonElement>(".atlas-fault button")!;
    button.click();
    expect(retry).toHaveBeenCalledTimes(1);
    expect(button.disabled).toBe(true);
    expect(button.textContent).toBe("Loading…");
    showFaults([fault("models", "http")]);
    const again = document.querySelector<HTMLButtonElement>(".atlas-fault button")!;
    expect(again.disabled).toBe(false);
    expect(document.querySelector(".atlas-fault")!.textContent).toContain("HTTP 404");
    showFaults([]);
    expect(document.querySelector(".atlas-fault")).toBeNull();
  });
});

describe("hydrate(id, live) with a fault box", () => {
  test("the build's copy stays and the box stands after it; the chart, when it comes, replaces both", async () => {
    document.body.innerHTML = `<main><div id="prerender-x" class="atlas-prerender"><figure id="built"></figure></div></main>`;
    const data = withFaults<{models: number[]}>({}, [fault("models")]);
    showFaults([fault("models")]);
    const box = whenLoaded(() => data.models) as HTMLElement;
    hydrate("prerender-x", box);
    await placed();
    const slot = document.getElementById("prerender-x")!;
    expect([...slot.children].map((c) => c.id || c.className)).toEqual(["built", "atlas-fault-box"]);
    expect(slot.querySelector(".atlas-fault")).not.toBeNull();
    expect(slot.dataset.live).toBeUndefined();
    // A second fault box (the cell ran again) replaces the first, not the build's copy.
    hydrate("prerender-x", whenLoaded(() => data.models) as HTMLElement);
    expect(slot.querySelectorAll(".atlas-fault-box")).toHaveLength(1);
    expect(slot.querySelector("#built")).not.toBeNull();
    const chart = document.createElement("figure");
    chart.id = "live";
    chart.append("drawn");
    hydrate("prerender-x", chart);
    expect([...slot.children].map((c) => c.id)).toEqual(["live"]);
    expect(slot.dataset.live).toBe("true");
  });
});

describe("loadTables(names)", () => {
  test("yields every table that loaded and a fault for one that did not; Try again yields them again with it", async () => {
    const bytes = await writeParquet([{id: "m1", company_id: "zhipu"}], [{name: "id", type: "VARCHAR"}, {name: "company_id", type: "VARCHAR"}]);
    const sources = await writeParquet([{source_id: "s1"}], [{name: "source_id", type: "VARCHAR"}]);
    let models = 404;
    vi.stubGlobal(
      "fetch",
      vi.fn(async (url: string) => {
        if (String(url).includes("models")) return models === 200 ? new Response(bytes as BodyInit) : new Response("", {status: models});
        return new Response((String(url).includes("sources") ? sources : bytes) as BodyInit);
      })
    );
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const {loadTables} = await import("../../src/components/pages/load.js");
    const tables = loadTables(["events", "models"], "en");
    const first = (await tables.next()).value!;
    expect(first.events).toHaveLength(1);
    expect(first.sourceIndex.get("s1")).toBeDefined();
    expect(() => first.models).toThrow(TableMissing);
    expect(warn).toHaveBeenCalledWith("models.parquet: it was not found on the server (HTTP 404)", "");
    const next = tables.next();
    models = 200;
    faultsOf(first).get("models")!.retry();
    const second = (await next).value!;
    expect(second.models).toHaveLength(1);
    expect(faultsOf(second).size).toBe(0);
    expect((await tables.next()).done).toBe(true);
    warn.mockRestore();
  });

  test("a failed sources table fails the sources' index too (every chart links its marks to it)", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => new Response("", {status: 500})));
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const {loadTables} = await import("../../src/components/pages/load.js");
    const data = (await loadTables(["events"], "en").next()).value!;
    expect(() => data.sourceIndex).toThrow(TableMissing);
    expect([...faultsOf(data).keys()].sort()).toEqual(["events", "sources"]);
  });
});
