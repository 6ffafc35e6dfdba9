/**
 * A region of the page that waits for data: it says what it is waiting for (aria-busy, a visible message),
 * then shows the result, or a readable error instead of a dead cell. Browser tests wait for aria-busy to
 * clear, and the time it took is recorded as a performance mark for the benchmarks.
 */
import {engineProgressBar} from "./engineProgress.js";
import {bilingual, documentLang, type Lang} from "./i18n.js";

/**
 * What a Chinese reader is told before the error itself, which stays as the engine or the network wrote it
 * (English, marked so): the message is what a bug report needs, word for word.
 */
const TEXT = bilingual<{failed: string | null; quoteLang: string | null}>({
  en: {failed: null, quoteLang: null},
  zh: {failed: "这部分内容未能加载。原始错误信息如下：", quoteLang: "en"}
});

/**
 * A region marked busy that says `message`. `engine`: it waits for DuckDB-WASM, so it also shows the engine's
 * download as a progress bar (engineProgress.ts), until the region is filled.
 */
export function busyRegion(
  message: string,
  {id, engine = false, document: doc = globalThis.document}: {id?: string; engine?: boolean; document?: Document} = {}
): HTMLElement {
  const region = doc.createElement("div");
  region.className = "atlas-region";
  if (id) region.id = id;
  region.setAttribute("aria-busy", "true");
  region.setAttribute("aria-live", "polite");
  const status = doc.createElement("p");
  status.className = "atlas-loading";
  status.textContent = message;
  region.append(status);
  if (engine) region.append(engineProgressBar({document: doc}));
  return region;
}

/**
 * Replaces the region's content with what `render` resolves to; an error becomes a message in the region, in
 * the page's language (`lang`, by default the region's document's <html lang>).
 */
export async function fillRegion(region: HTMLElement, render: () => Promise<Node | Node[]>, lang: Lang = documentLang(region.ownerDocument)): Promise<void> {
  try {
    const content = await render();
    region.replaceChildren(...(Array.isArray(content) ? content : [content]));
    if (region.id && typeof performance !== "undefined") performance.mark(`atlas:${region.id}:ready`);
  } catch (error) {
    region.replaceChildren(errorMessage(error, region.ownerDocument, lang));
    if (region.id && typeof performance !== "undefined") performance.mark(`atlas:${region.id}:error`);
  } finally {
    region.setAttribute("aria-busy", "false");
  }
}

/** A readable error: what went wrong, and the SQL when a query failed. */
export function errorMessage(error: unknown, doc: Document = globalThis.document, lang: Lang = documentLang(doc)): HTMLElement {
  const box = doc.createElement("div");
  box.className = "atlas-error";
  box.setAttribute("role", "alert");
  const t = TEXT(lang);
  if (t.failed) {
    const lead = doc.createElement("p");
    lead.textContent = t.failed;
    box.append(lead);
  }
  const text = doc.createElement("p");
  text.textContent = error instanceof Error ? error.message : String(error);
  if (t.quoteLang) text.lang = t.quoteLang;
  box.append(text);
  const sql = (error as {sql?: string})?.sql;
  if (sql) {
    const pre = doc.createElement("pre");
    pre.textContent = sql;
    if (t.quoteLang) pre.lang = t.quoteLang;
    box.append(pre);
  }
  return box;
}
