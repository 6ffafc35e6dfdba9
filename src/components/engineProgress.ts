/**
 * How far the download of the SQL engine has got, and the bar that shows it. database.ts reports the bytes of
 * DuckDB-WASM's engine file (34 MB) as they arrive; every note that says "Starting DuckDB-WASM…" (the explorer's
 * status, a notebook's, a story table's "Run in SQL") shows the same <progress>, with bytes and percent.
 *
 * This module is tiny on purpose: the notes import it without importing the database (and its engine).
 */
import {bilingual, documentLang, type Lang} from "./i18n.js";

export interface EngineProgress {
  /** Bytes of the engine file received so far, as the browser decoded them. */
  loaded: number;
  /**
   * The file's size, when the host told it (the Content-Range of a byte-range probe, or the Content-Length of
   * an uncompressed answer); null when it is unknown, as for a gzip answer without one.
   */
  total: number | null;
  /** The download is over: the engine is compiling or ready. */
  done: boolean;
}

type Listener = (progress: EngineProgress | null) => void;

const listeners = new Set<Listener>();
let latest: EngineProgress | null = null;

/** database.ts: the engine's download has reached `progress` (null: it failed, or starts over). */
export function reportEngineProgress(progress: EngineProgress | null): void {
  latest = progress;
  for (const listener of [...listeners]) listener(progress);
}

/** Calls `listener` with the latest report, then with each new one; returns the function that stops it. */
export function onEngineProgress(listener: Listener): () => void {
  listeners.add(listener);
  if (latest) listener(latest);
  return () => void listeners.delete(listener);
}

const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
const percent = (p: EngineProgress) => Math.min(100, Math.floor((p.loaded / p.total!) * 100));

const TEXT = bilingual({
  en: {
    label: "Download of the SQL engine",
    of: (p: EngineProgress) => `${mb(p.loaded)} of ${mb(p.total!)} MB · ${percent(p)}%`,
    received: (p: EngineProgress) => `${mb(p.loaded)} MB received`,
    done: (p: EngineProgress) => `${mb(p.total ?? p.loaded)} MB received; starting the engine…`
  },
  zh: {
    label: "SQL 引擎下载进度",
    of: (p: EngineProgress) => `已下载 ${mb(p.loaded)} MB，共 ${mb(p.total!)} MB（${percent(p)}%）`,
    received: (p: EngineProgress) => `已下载 ${mb(p.loaded)} MB`,
    done: (p: EngineProgress) => `${mb(p.total ?? p.loaded)} MB 已下载完毕，正在启动引擎……`
  }
});

/** What the bar says for a report, in the page's language. */
export function progressText(progress: EngineProgress, lang: Lang = "en"): string {
  const t = TEXT(lang);
  if (progress.done) return t.done(progress);
  return progress.total ? t.of(progress) : t.received(progress);
}

/**
 * A <progress> of the engine's download with its bytes and percent, hidden until the first report (an engine
 * already started on this page sends none). An unknown total leaves the bar indeterminate, with bytes only.
 * Once it has been on the page and is taken off, it stops listening.
 */
export function engineProgressBar({document: doc = globalThis.document, lang = documentLang(doc)}: {document?: Document; lang?: Lang} = {}): HTMLElement {
  const box = doc.createElement("div");
  box.className = "atlas-engine-progress";
  box.hidden = true;
  const bar = doc.createElement("progress");
  bar.setAttribute("aria-label", TEXT(lang).label);
  const text = doc.createElement("span");
  text.className = "atlas-engine-bytes";
  box.append(bar, text);
  let shown = false;
  const stop = onEngineProgress((progress) => {
    if (box.isConnected) shown = true;
    else if (shown) return stop();
    box.hidden = !progress;
    if (!progress) return;
    if (progress.total) {
      bar.max = progress.total;
      bar.value = progress.done ? progress.total : Math.min(progress.loaded, progress.total);
    } else if (progress.done) {
      bar.max = 1;
      bar.value = 1;
    } else {
      // Indeterminate: no value attribute at all.
      bar.removeAttribute("value");
    }
    text.textContent = progressText(progress, lang);
  });
  return box;
}
