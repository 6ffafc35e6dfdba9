import {afterEach, describe, expect, test, vi} from "vitest";
import {fetchBytes, fetchJson, fileName, LoadError, loadReason, STALL_MS, stallMs} from "../../src/components/fetchBytes.js";
import {readParquet} from "../../src/components/parquet.js";
import {writeParquet} from "../../src/lib/parquet.js";

const URL_ = "./_file/data/funding_steps.b8c0c432.parquet";

/** A response whose body sends `chunks`, each after its delay in ms; `then: "hang"` leaves the stream open after them. */
function streamed(chunks: [number, Uint8Array][], {then = "close" as "close" | "hang" | "error", status = 200} = {}): Response {
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      for (const [delay, chunk] of chunks) {
        await new Promise((resolve) => setTimeout(resolve, delay));
        controller.enqueue(chunk);
      }
      if (then === "close") controller.close();
      if (then === "error") controller.error(new TypeError("network error"));
    }
  });
  return new Response(body, {status});
}

/** A fetch that answers with `respond()` and is deaf to the abort signal, so only the stall timer can end a wait. */
const fakeFetch = (respond: () => Promise<Response>) => vi.fn(respond) as unknown as typeof fetch;

/** Whether `promise` has settled after the timers have run for `ms`. */
async function settledAfter(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true)
  );
  await vi.advanceTimersByTimeAsync(ms);
  return settled;
}

afterEach(() => {
  vi.useRealTimers();
  delete (globalThis as {ATLAS_STALL_MS?: unknown}).ATLAS_STALL_MS;
});

describe("fetchBytes(url, {stall})", () => {
  test("fetchBytes(url) completes a slow but steady download: the timeout is one of inactivity, not a total", async () => {
    vi.useFakeTimers();
    const chunks: [number, Uint8Array][] = Array.from({length: 6}, (_, i) => [6_000, new Uint8Array([i])]);
    const bytes = fetchBytes(URL_, {fetch: fakeFetch(async () => streamed(chunks)), stall: 10_000, lang: "en"});
    expect(await settledAfter(bytes, 40_000)).toBe(true);
    expect([...(await bytes)]).toEqual([0, 1, 2, 3, 4, 5]);
  });

  test("fetchBytes(url) fails as a timeout when no answer comes within `stall` ms, and not before", async () => {
    vi.useFakeTimers();
    const bytes = fetchBytes(URL_, {fetch: fakeFetch(() => new Promise(() => {})), stall: 10_000, lang: "en"});
    expect(await settledAfter(bytes, 9_900)).toBe(false);
    expect(await settledAfter(bytes, 200)).toBe(true);
    const error = await bytes.catch((e) => e);
    expect(error).toBeInstanceOf(LoadError);
    expect(error).toMatchObject({file: "funding_steps.parquet", failure: "timeout", seconds: 10});
    expect(error.message).toBe("funding_steps.parquet: nothing arrived for 10 seconds (timed out)");
  });

  test("fetchBytes(url) fails as a timeout when the body stops arriving part way", async () => {
    vi.useFakeTimers();
    const bytes = fetchBytes(URL_, {fetch: fakeFetch(async () => streamed([[1_000, new Uint8Array(100)]], {then: "hang"})), stall: 10_000, lang: "en"});
    expect(await settledAfter(bytes, 10_500)).toBe(false);
    expect(await settledAfter(bytes, 1_000)).toBe(true);
    await expect(bytes).rejects.toMatchObject({failure: "timeout"});
  });

  test("fetchBytes(url) aborts the request it gives up on", async () => {
    vi.useFakeTimers();
    let signal: AbortSignal | undefined;
    const fetcher = vi.fn((_url: unknown, init?: RequestInit) => {
      signal = init?.signal ?? undefined;
      return new Promise<Response>(() => {});
    }) as unknown as typeof fetch;
    const bytes = fetchBytes(URL_, {fetch: fetcher, stall: 1_000, lang: "en"}).catch((e) => e);
    await vi.advanceTimersByTimeAsync(1_000);
    expect((await bytes).failure).toBe("timeout");
    expect(signal?.aborted).toBe(true);
  });

  test("fetchBytes(url) reports HTTP 404 as not found, and other statuses with their number", async () => {
    const notFound = await fetchBytes(URL_, {fetch: fakeFetch(async () => new Response("nope", {status: 404})), lang: "en"}).catch((e) => e);
    expect(notFound).toMatchObject({failure: "http", status: 404, message: "funding_steps.parquet: it was not found on the server (HTTP 404)"});
    const busy = await fetchBytes(URL_, {fetch: fakeFetch(async () => new Response("", {status: 503})), lang: "en"}).catch((e) => e);
    expect(busy.message).toBe("funding_steps.parquet: the server answered with an error (HTTP 503)");
  });

  test("fetchBytes(url) reports a request that fails outright as unreachable, and a body that breaks off as damaged", async () => {
    const refused = await fetchBytes(URL_, {fetch: fakeFetch(() => Promise.reject(new TypeError("Failed to fetch"))), lang: "en"}).catch((e) => e);
    expect(refused).toMatchObject({failure: "network", message: "funding_steps.parquet: the server could not be reached"});
    expect(refused.cause).toBeInstanceOf(TypeError);
    const cut = await fetchBytes(URL_, {fetch: fakeFetch(async () => streamed([[0, new Uint8Array(10)]], {then: "error"})), lang: "en"}).catch((e) => e);
    expect(cut).toMatchObject({failure: "damaged", message: "funding_steps.parquet: it arrived damaged or incomplete"});
  });

  test("fetchBytes(url, {lang: \"zh\"}) says it in Chinese", async () => {
    vi.useFakeTimers();
    const bytes = fetchBytes(URL_, {fetch: fakeFetch(() => new Promise(() => {})), stall: 10_000, lang: "zh"}).catch((e) => e);
    await vi.advanceTimersByTimeAsync(10_000);
    expect((await bytes).message).toBe("funding_steps.parquet：10 秒内没有收到任何数据（已超时）");
    expect(loadReason("http", {status: 404, lang: "zh"})).toBe("服务器上找不到该文件（HTTP 404）");
    expect(loadReason("damaged", {lang: "zh"})).toBe("文件已损坏或不完整");
    expect(loadReason("network", {lang: "zh"})).toBe("无法连接到服务器");
  });
});

describe("stallMs() and fileName(url)", () => {
  test("stallMs() is STALL_MS (10 s) unless the page's ATLAS_STALL_MS sets a positive number", () => {
    expect(STALL_MS).toBe(10_000);
    expect(stallMs()).toBe(10_000);
    (globalThis as {ATLAS_STALL_MS?: unknown}).ATLAS_STALL_MS = 1_500;
    expect(stallMs()).toBe(1_500);
    (globalThis as {ATLAS_STALL_MS?: unknown}).ATLAS_STALL_MS = "0";
    expect(stallMs()).toBe(10_000);
  });

  test("fileName(url) drops the folder, the query and the build's content hash", () => {
    expect(fileName("./_file/data/funding_steps.b8c0c432.parquet")).toBe("funding_steps.parquet");
    expect(fileName(new URL("https://example.org/a/_file/data/datapackage.5bcb0b73.json?x=1"))).toBe("datapackage.json");
    expect(fileName("downloads/models.parquet")).toBe("models.parquet");
  });
});

describe("readParquet(url) and fetchJson(url)", () => {
  const table = () => writeParquet([{id: "a"}, {id: "b"}], [{name: "id", type: "VARCHAR"}]);

  test("readParquet(url) reads a whole file, and calls a cut-short or foreign file damaged", async () => {
    const bytes = await table();
    const serve = (body: Uint8Array) => fakeFetch(async () => new Response(body as BodyInit));
    expect((await readParquet(URL_, {fetch: serve(bytes), lang: "en"})).rows).toEqual([{id: "a"}, {id: "b"}]);
    const half = await readParquet(URL_, {fetch: serve(bytes.subarray(0, bytes.length >> 1)), lang: "en"}).catch((e) => e);
    expect(half).toBeInstanceOf(LoadError);
    expect(half).toMatchObject({file: "funding_steps.parquet", failure: "damaged"});
    const page = await readParquet(URL_, {fetch: serve(new TextEncoder().encode("<!doctype html><p>Not here")), lang: "en"}).catch((e) => e);
    expect(page.message).toBe("funding_steps.parquet: it arrived damaged or incomplete");
  });

  test("fetchJson(url) parses JSON and calls anything else damaged", async () => {
    const serve = (text: string) => fakeFetch(async () => new Response(text));
    expect(await fetchJson("x/changelog.9d38c296.json", {fetch: serve('[{"version": "1.1.0"}]')})).toEqual([{version: "1.1.0"}]);
    await expect(fetchJson("x/changelog.9d38c296.json", {fetch: serve('[{"version": '), lang: "en"})).rejects.toMatchObject({file: "changelog.json", failure: "damaged"});
  });
});
