import * as arrow from "apache-arrow";
import {afterEach, describe, expect, test, vi} from "vitest";
import {ipcConverter, ON_PAGE_MARK, UnreadableParquet} from "../../src/components/parquetToIpc.js";
import {writeParquet} from "../../src/lib/parquet.js";

const parquet = () =>
  writeParquet(
    [
      {id: "a", date: "2024-07-25", amount: 5000, tags: ["s1", "s2"]},
      {id: "b", date: null, amount: null, tags: []}
    ],
    [
      {name: "id", type: "VARCHAR"},
      {name: "date", type: "DATE"},
      {name: "amount", type: "DOUBLE"},
      {name: "tags", type: "VARCHAR[]"}
    ]
  );

const rowsOf = (ipc: Uint8Array) => arrow.tableFromIPC(ipc).toArray().map((row) => row.toJSON());

/** A stand-in for the browser's Worker: records what it is sent; the test decides how it answers. */
class FakeWorker extends EventTarget {
  static last: FakeWorker | null = null;
  sent: {id: number; bytes: Uint8Array; label: string}[] = [];
  terminated = false;
  constructor(
    readonly url: string,
    readonly options: WorkerOptions
  ) {
    super();
    FakeWorker.last = this;
  }
  postMessage(message: {id: number; bytes: Uint8Array; label: string}) {
    this.sent.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  answer(data: unknown) {
    this.dispatchEvent(new MessageEvent("message", {data}));
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeWorker.last = null;
});

describe("ipcConverter", () => {
  test("without workers, converts on the page: the IPC stream holds the table's rows", async () => {
    const converter = ipcConverter();
    const rows = rowsOf(await converter.convert(await parquet(), "t.parquet"));
    expect(rows.map((r) => r.id)).toEqual(["a", "b"]);
    expect(rows[0].amount).toBe(5000);
    expect(rows[1].date).toBeNull();
    converter.close();
  });

  test("bytes that are not Parquet reject as unreadable, with the decoder's message naming the file", async () => {
    const converter = ipcConverter();
    const converting = converter.convert(new TextEncoder().encode("<!doctype html>"), "companies.parquet");
    await expect(converting).rejects.toThrow(/companies\.parquet is not a readable Parquet file/);
    await expect(converting).rejects.toBeInstanceOf(UnreadableParquet);
  });

  test("work done on the page is marked, so a browser test can tell it from the worker's", async () => {
    performance.clearMarks(ON_PAGE_MARK);
    await ipcConverter().convert(await parquet(), "t.parquet");
    expect(performance.getEntriesByName(ON_PAGE_MARK)).toHaveLength(1);
  });

  test("closed, it refuses what is pending and what is asked later, and lets the worker go", async () => {
    vi.stubGlobal("Worker", FakeWorker);
    const converter = ipcConverter();
    const worker = FakeWorker.last!;
    const pending = converter.convert(await parquet(), "t.parquet");
    converter.close();
    expect(worker.terminated).toBe(true);
    await expect(pending).rejects.toThrow("closed");
    await expect(converter.convert(await parquet(), "u.parquet")).rejects.toThrow("closed");
  });

  test("with a worker, the bytes go to tableWorker.js as a module worker and its answer is the result", async () => {
    vi.stubGlobal("Worker", FakeWorker);
    const converter = ipcConverter();
    const worker = FakeWorker.last!;
    expect(worker.url).toMatch(/tableWorker\.js$/);
    expect(worker.options).toEqual({type: "module"});
    const bytes = await parquet();
    const first = converter.convert(bytes, "a.parquet");
    const second = converter.convert(bytes, "b.parquet");
    expect(worker.sent.map((m) => m.label)).toEqual(["a.parquet", "b.parquet"]);
    const ipc = new Uint8Array([1, 2, 3]);
    // Answers may come in any order; each goes to its own request.
    const third = converter.convert(bytes, "c.parquet");
    worker.answer({id: worker.sent[1].id, error: "b.parquet is not a readable Parquet file: bad", unreadable: true});
    worker.answer({id: worker.sent[0].id, ipc});
    worker.answer({id: worker.sent[2].id, error: "Unrecognized type", unreadable: false});
    await expect(first).resolves.toBe(ipc);
    await expect(second).rejects.toBeInstanceOf(UnreadableParquet);
    await expect(second).rejects.toThrow("b.parquet is not a readable Parquet file: bad");
    // A fault of the conversion is not a damaged download.
    await expect(third).rejects.toThrow("Unrecognized type");
    await expect(third).rejects.not.toBeInstanceOf(UnreadableParquet);
    converter.close();
    expect(worker.terminated).toBe(true);
  });

  test("a worker that fails to start leaves its work to the page, which finishes it", async () => {
    vi.stubGlobal("Worker", FakeWorker);
    const converter = ipcConverter();
    const worker = FakeWorker.last!;
    const pending = converter.convert(await parquet(), "t.parquet");
    worker.dispatchEvent(new Event("error", {cancelable: true}));
    expect(worker.terminated).toBe(true);
    expect(rowsOf(await pending).map((r) => r.id)).toEqual(["a", "b"]);
    // And what comes after it, too.
    expect(rowsOf(await converter.convert(await parquet(), "u.parquet")).map((r) => r.id)).toEqual(["a", "b"]);
  });
});
