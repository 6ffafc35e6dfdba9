/**
 * Parquet bytes → the Arrow IPC stream DuckDB-WASM ingests, for the in-browser database (database.ts). The work
 * runs in a worker of its own (tableWorker.ts) where the browser allows one; where it does not (a worker that
 * fails to load, a test environment without workers), on the page's thread, one table a task.
 */
import type * as Arrow from "apache-arrow";
import {toArrowTable} from "./arrowTable.js";
import {decodeParquet} from "./parquet.js";
import type {IpcAnswer, IpcRequest} from "./tableWorker.js";

export interface IpcConverter {
  /** The table's Arrow IPC stream; rejects with the decoder's message when the bytes are not a readable Parquet file. */
  convert(bytes: Uint8Array, label: string): Promise<Uint8Array>;
  /** Lets the worker go; conversions still pending finish on the page's thread. */
  close(): void;
}

export function ipcConverter(loadArrow: () => Promise<typeof Arrow> = () => import("apache-arrow")): IpcConverter {
  const onPage = async (bytes: Uint8Array, label: string): Promise<Uint8Array> => {
    const [arrow, table] = await Promise.all([loadArrow(), decodeParquet(bytes, label)]);
    await nextTask();
    return arrow.tableToIPC(toArrowTable(table, arrow), "stream");
  };
  const pending = new Map<number, {bytes: Uint8Array; label: string; resolve(ipc: Uint8Array): void; reject(error: Error): void}>();
  let worker: Worker | null = startWorker();
  let next = 0;
  // A worker that cannot start (its script refused or missing) says so once; what it was given is done here.
  const fallBack = (): void => {
    worker?.terminate();
    worker = null;
    for (const [id, job] of pending) {
      pending.delete(id);
      onPage(job.bytes, job.label).then(job.resolve, job.reject);
    }
  };
  if (worker) {
    worker.addEventListener("message", ({data}: MessageEvent<IpcAnswer>) => {
      const job = pending.get(data.id);
      if (!job) return;
      pending.delete(data.id);
      if ("ipc" in data) job.resolve(data.ipc);
      else job.reject(new Error(data.error));
    });
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      fallBack();
    });
  }
  return {
    convert(bytes, label) {
      if (!worker) return onPage(bytes, label);
      return new Promise((resolve, reject) => {
        const id = ++next;
        pending.set(id, {bytes, label, resolve, reject});
        // Copied, not transferred: the bytes stay here in case the worker fails and the page does the work.
        worker!.postMessage({id, bytes, label} satisfies IpcRequest);
      });
    },
    close() {
      if (pending.size) fallBack();
      worker?.terminate();
      worker = null;
    }
  };
}

function startWorker(): Worker | null {
  if (typeof Worker === "undefined") return null;
  try {
    // import.meta.resolve lets Framework build the worker module and its imports into the site.
    return new Worker(import.meta.resolve("./tableWorker.js"), {type: "module"});
  } catch {
    return null;
  }
}

/** Resolves in a task of its own, after whatever the page has waiting (input, a frame). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
