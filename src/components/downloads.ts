/**
 * Download links: a published file (Parquet, CSV, data package) by its URL, or rows generated in the page
 * as CSV, so every table a reader sees can be taken away as a file.
 */
import {toCsv} from "../lib/csv.js";
import {bilingual, documentLang, type Lang} from "./i18n.js";

const TEXT = bilingual({
  en: {csv: "Download CSV"},
  zh: {csv: "下载 CSV"}
});

export function downloadLink(href: string, filename: string, label: string, doc: Document = globalThis.document): HTMLAnchorElement {
  const a = doc.createElement("a");
  a.href = href;
  a.download = filename;
  a.className = "atlas-download-link";
  a.textContent = label;
  return a;
}

/**
 * A button that saves the rows as CSV (lists joined with ";", dates as ISO days). Its label is in the page's
 * language (by default the document's <html lang>); the file's columns stay the tables' SQL names.
 */
export function csvButton(
  rows: readonly Record<string, unknown>[] | (() => readonly Record<string, unknown>[]),
  columns: string[],
  filename: string,
  doc: Document = globalThis.document,
  lang: Lang = documentLang(doc)
): HTMLButtonElement {
  const button = doc.createElement("button");
  button.type = "button";
  button.className = "atlas-download";
  button.dataset.format = "csv";
  button.textContent = TEXT(lang).csv;
  button.addEventListener("click", () => {
    // A function gives the rows as they are when the reader clicks (a table's current order and filter).
    const saved = typeof rows === "function" ? rows() : rows;
    saveBlob(new Blob([toCsv(saved as Record<string, unknown>[], columns)], {type: "text/csv;charset=utf-8"}), filename, doc);
  });
  return button;
}

/** Saves a file the page made (a chart, a query result) through a temporary download link. */
export function saveBlob(blob: Blob, filename: string, doc: Document = globalThis.document): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement("a");
  a.href = url;
  a.download = filename;
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
