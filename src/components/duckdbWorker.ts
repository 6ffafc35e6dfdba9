/**
 * DuckDB-WASM's worker, started through this module so that the engine starts whatever content type the host
 * gives `.wasm`.
 *
 * The worker compiles its wasm with `WebAssembly.instantiateStreaming`, which refuses any response not served as
 * `application/wasm`; object stores and simple hosts often say `application/octet-stream`, and the engine then
 * never starts. Here that refusal is avoided by compiling from the bytes instead. The response's body is the
 * worker's own progress-counting stream, so the download is still reported as it goes.
 *
 * The worker reads `WebAssembly.instantiateStreaming` when asked to start, which is after this module (and the
 * worker module it imports) has run, so replacing it here takes effect.
 */
import "@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js";

const streaming = WebAssembly.instantiateStreaming.bind(WebAssembly);

WebAssembly.instantiateStreaming = async (source, imports) => {
  const response = await source;
  if (/^application\/wasm\s*(;|$)/i.test(response.headers.get("content-type") ?? "")) return streaming(response, imports);
  return WebAssembly.instantiate(await response.arrayBuffer(), imports);
};
