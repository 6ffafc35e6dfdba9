/**
 * Every file the pages fetch (tables, the data package, the changelog) comes through here, so no request can
 * leave a page waiting forever: a download that receives nothing for `stall` milliseconds is aborted. The
 * timeout is one of inactivity, rearmed by every chunk, not a total: a phone on a slow network still completes a
 * large table, while a host that stops answering is reported within seconds. A failure is a `LoadError` that
 * says which file and what happened in the page's language (timed out, not found, damaged or incomplete, no
 * connection), so pages can show it as it is; the technical detail stays on `cause`.
 */
import {concatBytes} from "./bytes.js";
import {bilingual, documentLang, type Lang} from "./i18n.js";

/** How long a download may receive nothing before it is given up: a stall is reported within 15 s. */
export const STALL_MS = 10_000;

/**
 * The stall timeout in force: STALL_MS, unless the page's global `ATLAS_STALL_MS` holds a positive number. That
 * global is the one hook for shortening it, set by the browser tests (test/e2e/faults.test.ts) before a page runs.
 */
export function stallMs(): number {
  const hook = (globalThis as {ATLAS_STALL_MS?: unknown}).ATLAS_STALL_MS;
  return typeof hook === "number" && hook > 0 ? hook : STALL_MS;
}

/** What went wrong with a download, in the terms a reader can act on. */
export type LoadFailure = "timeout" | "http" | "network" | "damaged";

const TEXT = bilingual({
  en: {
    reason: (failure: LoadFailure, status: number | undefined, seconds: number) =>
      failure === "timeout"
        ? `nothing arrived for ${seconds} seconds (timed out)`
        : failure === "http"
          ? status === 404
            ? "it was not found on the server (HTTP 404)"
            : `the server answered with an error (HTTP ${status})`
          : failure === "network"
            ? "the server could not be reached"
            : "it arrived damaged or incomplete",
    message: (file: string, reason: string) => `${file}: ${reason}`
  },
  zh: {
    reason: (failure: LoadFailure, status: number | undefined, seconds: number) =>
      failure === "timeout"
        ? `${seconds} 秒内没有收到任何数据（已超时）`
        : failure === "http"
          ? status === 404
            ? `服务器上找不到该文件（HTTP 404）`
            : `服务器返回了错误（HTTP ${status}）`
          : failure === "network"
            ? "无法连接到服务器"
            : "文件已损坏或不完整",
    message: (file: string, reason: string) => `${file}：${reason}`
  }
});

/** Why a download failed, as a clause in the page's language ("nothing arrived for 10 seconds (timed out)"). */
export function loadReason(failure: LoadFailure, {status, seconds = STALL_MS / 1000, lang = "en"}: {status?: number; seconds?: number; lang?: Lang} = {}): string {
  return TEXT(lang).reason(failure, status, seconds);
}

/** A download that failed: the file (as published, without the build's content hash), what happened, and why. */
export class LoadError extends Error {
  readonly file: string;
  readonly failure: LoadFailure;
  /** The HTTP status of a `http` failure. */
  readonly status?: number;
  /** The stall timeout of a `timeout` failure, in seconds. */
  readonly seconds: number;
  constructor(file: string, failure: LoadFailure, {status, seconds = STALL_MS / 1000, lang = "en", cause}: {status?: number; seconds?: number; lang?: Lang; cause?: unknown} = {}) {
    super(TEXT(lang).message(file, loadReason(failure, {status, seconds, lang})), {cause});
    this.name = "LoadError";
    this.file = file;
    this.failure = failure;
    this.status = status;
    this.seconds = seconds;
  }
}

/**
 * The name a reader knows a file by: the last part of its path, without Framework's content hash
 * ("_file/data/funding_steps.b8c0c432.parquet" → "funding_steps.parquet").
 */
export function fileName(url: string | URL): string {
  const path = String(url).split(/[?#]/)[0];
  const last = path.slice(path.lastIndexOf("/") + 1) || path;
  return last.replace(/\.[0-9a-f]{8}(\.[A-Za-z0-9]+)$/, "$1");
}

export interface FetchOptions {
  /** Milliseconds without a byte before the download is given up (default: stallMs()). */
  stall?: number;
  /** The language of the error's message (default: the page's). */
  lang?: Lang;
  /** The fetch to use (tests pass a fake). */
  fetch?: typeof globalThis.fetch;
  /** Extra request options (headers, cache); the signal is this module's. */
  init?: RequestInit;
}

/** Downloads `url` whole, or throws a LoadError: HTTP errors, a stall of `stall` ms, a body cut short. */
export async function fetchBytes(url: string | URL, {stall = stallMs(), lang = documentLang(), fetch: fetcher = globalThis.fetch, init}: FetchOptions = {}): Promise<Uint8Array> {
  const file = fileName(url);
  const seconds = Math.round(stall / 100) / 10;
  const fail = (failure: LoadFailure, options: {status?: number; cause?: unknown} = {}) => new LoadError(file, failure, {...options, seconds, lang});
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stalled!: (error: LoadError) => void;
  // Rejects when the timer fires, so a fetch or a stream that ignores the abort still cannot hold the page.
  const stalling = new Promise<never>((_, reject) => (stalled = reject));
  stalling.catch(() => {});
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stalled(fail("timeout"));
      controller.abort();
    }, stall);
  };
  arm();
  try {
    let response: Response;
    try {
      response = await Promise.race([fetcher(url, {...init, signal: controller.signal}), stalling]);
    } catch (error) {
      throw error instanceof LoadError ? error : fail("network", {cause: error});
    }
    if (!response.ok) {
      response.body?.cancel().catch(() => {});
      throw fail("http", {status: response.status});
    }
    if (!response.body) return new Uint8Array(await Promise.race([response.arrayBuffer(), stalling]));
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    for (;;) {
      let step: ReadableStreamReadResult<Uint8Array>;
      try {
        step = await Promise.race([reader.read(), stalling]);
      } catch (error) {
        reader.cancel().catch(() => {});
        // The answer began and then broke off (the connection closed before Content-Length, say).
        throw error instanceof LoadError ? error : fail("damaged", {cause: error});
      }
      if (step.done) break;
      chunks.push(step.value);
      arm();
    }
    return concatBytes(chunks);
  } finally {
    clearTimeout(timer);
  }
}

/** Downloads and parses a JSON file; text that is not JSON (a host's error page, a file cut short) is `damaged`. */
export async function fetchJson<T = unknown>(url: string | URL, options: FetchOptions = {}): Promise<T> {
  const bytes = await fetchBytes(url, options);
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as T;
  } catch (error) {
    throw new LoadError(fileName(url), "damaged", {lang: options.lang ?? documentLang(), cause: error});
  }
}
