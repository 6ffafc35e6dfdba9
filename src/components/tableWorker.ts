/**
 * A worker that turns a published table's Parquet bytes into the Arrow IPC stream DuckDB ingests
 * (parquetToIpc.ts asks it). Decoding and re-encoding ten tables is some 200 ms of a phone's main thread, most
 * of it the first run of code not yet compiled; here it happens beside the page, which stays free to answer.
 */
import * as arrow from "apache-arrow";
import {parquetToIpc, UnreadableParquet} from "./parquetToIpc.js";

export interface IpcRequest {
  id: number;
  bytes: Uint8Array;
  label: string;
}

/** `unreadable`: the bytes are not a readable Parquet file (a damaged download), not a fault of the conversion. */
export type IpcAnswer = {id: number; ipc: Uint8Array} | {id: number; error: string; unreadable: boolean};

const scope = globalThis as unknown as {onmessage: ((event: MessageEvent<IpcRequest>) => void) | null; postMessage(message: IpcAnswer, transfer?: Transferable[]): void};

scope.onmessage = async ({data: {id, bytes, label}}) => {
  try {
    const ipc = await parquetToIpc(bytes, label, arrow);
    scope.postMessage({id, ipc}, [ipc.buffer]);
  } catch (error) {
    scope.postMessage({id, error: error instanceof Error ? error.message : String(error), unreadable: error instanceof UnreadableParquet});
  }
};
