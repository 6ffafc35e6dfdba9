import {csvButton} from "./downloads.js";
import {bilingual, documentLang, type Lang} from "./i18n.js";

/** The table's own words (the caption, labels and cells are the caller's). */
const TEXT = bilingual({
  en: {
    showing: (shown: number, total: number) => `Showing ${shown} of ${total} rows.`,
    filter: "Filter rows",
    matching: (shown: number, total: number) => `${shown} of ${total} rows contain the filter text.`
  },
  zh: {
    showing: (shown: number, total: number) => `共${total}行，此处显示其中${shown}行。`,
    filter: "筛选",
    matching: (shown: number, total: number) => `${total}行中有${shown}行含有筛选的文字。`
  }
});

/**
 * A plain, accessible HTML table of rows: a caption, column headers with scope, numbers right-aligned, dates
 * as ISO days, lists joined. Built with DOM text nodes only, so hostile text in the data renders as text.
 */
export interface DataTableOptions {
  /** Columns to show, in order (default: the keys of the first row). */
  columns?: string[];
  /** Header labels by column (default: the column name). */
  labels?: Record<string, string>;
  /** Visible caption; also the table's accessible name. */
  caption?: string;
  /** Format a cell; return a Node to place it as is (e.g. a link), or a string. */
  format?: Record<string, (value: unknown, row: Record<string, unknown>) => string | Node>;
  /** Show at most this many rows and say how many were left out. */
  limit?: number;
  /** Let the reader sort by a column (buttons in the headers; aria-sort says the order). */
  sortable?: boolean;
  /**
   * Let the reader filter the rows with a text box: a row stays when any of its cells, as shown, contains the
   * text (case does not matter).
   */
  filter?: boolean;
  /**
   * Offer the rows as a CSV file with this name: all shown columns, unformatted values, and the rows in the
   * reader's order and filter (all of them, past `limit`).
   */
  download?: string;
  /** Document to create elements in (tests pass jsdom's). */
  document?: Document;
  /** The page's language, for the table's own words; by default the document's <html lang>. */
  lang?: Lang;
}

export function dataTable(rows: readonly Record<string, unknown>[], options: DataTableOptions = {}): HTMLElement {
  const doc = options.document ?? globalThis.document;
  const columns = options.columns ?? Object.keys(rows[0] ?? {});
  const {labels = {}, format = {}, limit = Infinity} = options;
  // A table made deep inside another component (a chart's data table) may not be told; the page's lang decides.
  const lang = options.lang ?? documentLang(doc);
  const wrapper = doc.createElement("div");
  wrapper.className = "atlas-table";
  const table = doc.createElement("table");
  if (options.caption) {
    const caption = doc.createElement("caption");
    caption.textContent = options.caption;
    table.append(caption);
  }
  const head = doc.createElement("thead");
  const headRow = doc.createElement("tr");
  const body = doc.createElement("tbody");
  let order: {column: string; descending: boolean} | null = null;
  let query = "";
  const cell = (row: Record<string, unknown>, column: string): string | Node =>
    format[column] ? format[column](row[column], row) : formatValue(row[column]);
  // What the filter reads: each row's cells as shown, made once.
  let texts: string[] | null = null;
  const rowText = (i: number) => {
    texts ??= rows.map((row) => columns.map((column) => {
      const formatted = cell(row, column);
      return typeof formatted === "string" ? formatted : (formatted.textContent ?? "");
    }).join("\u0000").toLocaleLowerCase());
    return texts[i];
  };
  /** The rows in the reader's order and filter. */
  const current = (): readonly Record<string, unknown>[] => {
    let kept = rows.map((row, i) => ({row, i}));
    if (query) kept = kept.filter(({i}) => rowText(i).includes(query));
    if (order) {
      const {column, descending} = order;
      kept.sort((a, b) => compareValues(a.row[column], b.row[column]) * (descending ? -1 : 1));
    }
    return kept.map(({row}) => row);
  };
  const matching = doc.createElement("p");
  matching.className = "atlas-table-note atlas-table-matching";
  matching.setAttribute("aria-live", "polite");
  const renderBody = () => {
    const kept = current();
    matching.textContent = query ? TEXT(lang).matching(kept.length, rows.length) : "";
    body.replaceChildren(
      ...kept.slice(0, limit).map((row) => {
        const tr = doc.createElement("tr");
        for (const column of columns) {
          const td = doc.createElement("td");
          const value = row[column];
          const formatted = cell(row, column);
          if (typeof formatted === "string") td.textContent = formatted;
          else td.append(formatted);
          if (typeof value === "number") td.className = "numeric";
          tr.append(td);
        }
        return tr;
      })
    );
  };
  for (const column of columns) {
    const th = doc.createElement("th");
    th.scope = "col";
    const label = labels[column] ?? column;
    if (options.sortable) {
      const button = doc.createElement("button");
      button.type = "button";
      button.className = "atlas-sort";
      button.textContent = label;
      button.addEventListener("click", () => {
        order = order?.column === column && !order.descending ? {column, descending: true} : {column, descending: false};
        for (const other of headRow.children) other.removeAttribute("aria-sort");
        th.setAttribute("aria-sort", order.descending ? "descending" : "ascending");
        renderBody();
      });
      th.append(button);
    } else {
      th.textContent = label;
    }
    headRow.append(th);
  }
  head.append(headRow);
  renderBody();
  table.append(head, body);
  if (options.filter) {
    const label = doc.createElement("label");
    label.className = "atlas-table-filter";
    const input = doc.createElement("input");
    input.type = "search";
    input.autocomplete = "off";
    input.addEventListener("input", () => {
      query = input.value.trim().toLocaleLowerCase();
      renderBody();
    });
    label.append(TEXT(lang).filter, " ", input);
    wrapper.append(label, matching);
  }
  wrapper.append(table);
  if (options.download) wrapper.append(csvButton(current, columns, options.download, doc, lang));
  if (rows.length > limit) {
    const note = doc.createElement("p");
    note.className = "atlas-table-note";
    note.textContent = TEXT(lang).showing(limit, rows.length);
    wrapper.append(note);
  }
  return wrapper;
}

/** Nulls last; numbers and dates by value; everything else as text. */
export function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  if (typeof a === "number" && typeof b === "number") return a - b;
  return formatValue(a).localeCompare(formatValue(b));
}

export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(formatValue).join("; ");
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(Math.round(value * 1000) / 1000);
  return String(value);
}
