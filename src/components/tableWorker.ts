/**
 * A worker that turns a published table's Parquet bytes into the Arrow IPC stream DuckDB ingests
 * (parquetToIpc.ts asks it). Decoding and re-encoding ten tables is some 200 ms of a phone's main thread, most
 * of it the first run of code not yet compiled; here it happens beside the page, which stays free to answer.
 */
import * as arrow from "apache-arrow";
import {toArrowTable} from "./arrowTable.js";
import {decodeParquet} from "./parquet.js";

export interface IpcRequest {
  id: number;
  bytes: Uint8Array;
  label: string;
}

export type IpcAnswer = {id: number; ipc: Uint8Array} | {id: number; error: string};

const scope = globalThis as unknown as {onmessage: ((event: MessageEvent<IpcRequest>) => void) | null; postMessage(message: IpcAnswer, transfer?: Transferable[]): void};

scope.onmessage = async ({data: {id, bytes, label}}) => {
  try {
    const ipc = arrow.tableToIPC(toArrowTable(await decodeParquet(bytes, label), arrow), "stream");
    scope.postMessage({id, ipc}, [ipc.buffer]);
  } catch (error) {
    scope.postMessage({id, error: error instanceof Error ? error.message : String(error)});
  }
};
