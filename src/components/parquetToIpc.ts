/**
 * Parquet bytes → the Arrow IPC stream DuckDB-WASM ingests, for the in-browser database (database.ts). The work
 * runs in a worker of its own (tableWorker.ts) where the browser allows one; where it does not (a worker that
 * fails, a test environment without workers), on the page's thread, one table a task, and the page marks that
 * it did (`atlas:tables-on-page` in the performance timeline), so a test can tell the two apart.
 */
import type * as Arrow from "apache-arrow";
import {toArrowTable} from "./arrowTable.js";
import {decodeParquet, type ParquetTable} from "./parquet.js";
import type {IpcAnswer, IpcRequest} from "./tableWorker.js";
import {nextTask} from "./turns.js";

/** Bytes that are not a readable Parquet file: a damaged or cut download, as opposed to a fault of the conversion. */
export class UnreadableParquet extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnreadableParquet";
  }
}

export interface IpcConverter {
  /** The table's Arrow IPC stream. Rejects with UnreadableParquet when the bytes are not a readable Parquet file. */
  convert(bytes: Uint8Array, label: string): Promise<Uint8Array>;
  /** Lets the worker go. The database no longer wants what is pending or asked for later: it is refused, not done. */
  close(): void;
}

export const ON_PAGE_MARK = "atlas:tables-on-page";

/**
 * One table's conversion, wherever it runs (tableWorker.ts, or the page). `between` runs after the decode and
 * before the re-encoding: the page yields there, so that each is a task of its own.
 */
export async function parquetToIpc(bytes: Uint8Array, label: string, arrow: typeof Arrow, between = async () => {}): Promise<Uint8Array> {
  let table: ParquetTable;
  try {
    table = await decodeParquet(bytes, label);
  } catch (error) {
    throw new UnreadableParquet(error instanceof Error ? error.message : String(error));
  }
  await between();
  return arrow.tableToIPC(toArrowTable(table, arrow), "stream");
}

export function ipcConverter(loadArrow: () => Promise<typeof Arrow> = () => import("apache-arrow")): IpcConverter {
  const onPage = async (bytes: Uint8Array, label: string): Promise<Uint8Array> => {
    if (typeof performance !== "undefined") performance.mark(ON_PAGE_MARK);
    return parquetToIpc(bytes, label, await loadArrow(), nextTask);
  };
  type Job = {bytes: Uint8Array; label: string; resolve(ipc: Uint8Array): void; reject(error: Error): void};
  const pending = new Map<number, Job>();
  let worker: Worker | null = startWorker();
  let closed = false;
  let next = 0;
  // A worker that fails (its script refused or missing, an error it did not catch) leaves what it was given,
  // and everything after, to the page.
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
      else job.reject(data.unreadable ? new UnreadableParquet(data.error) : new Error(data.error));
    });
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      fallBack();
    });
    worker.addEventListener("messageerror", fallBack);
  }
  return {
    convert(bytes, label) {
      if (closed) return Promise.reject(new Error("the table converter was closed"));
      if (!worker) return onPage(bytes, label);
      return new Promise((resolve, reject) => {
        const id = ++next;
        pending.set(id, {bytes, label, resolve, reject});
        // Copied, not transferred: the bytes stay here in case the worker fails and the page does the work.
        worker!.postMessage({id, bytes, label} satisfies IpcRequest);
      });
    },
    close() {
      closed = true;
      worker?.terminate();
      worker = null;
      for (const job of pending.values()) job.reject(new Error("the table converter was closed"));
      pending.clear();
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
