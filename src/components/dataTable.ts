/**
 * The site's one table of rows: story tables, /data's registry, a chart's data, /explore's and the notebooks'
 * results. It is a grid an analyst can read at any size: a box of fixed height that scrolls on its own, with the
 * header row and the first column held in place; one line per row, long text cut with an ellipsis and given
 * whole on hover and in a panel for the selected row; numbers right-aligned and grouped, dates as days, NULL as
 * NULL; lists as chips, source ids linking to the source registry; sorting and resizable columns; the ARIA grid
 * keys (arrows, Home/End, Page Up/Down). Past PLAIN_ROWS rows only the rows in view are in the document
 * (gridWindow.ts), so a million rows draw as fast as thirty.
 *
 * Built with DOM text nodes only, so hostile text in the data renders as text. It stays a <table> (caption,
 * thead, tbody): the markup reads without scripts and in the build-time render.
 */
import {cellText, isSourceColumn, type CellKind} from "./cellText.js";
import {csvButton} from "./downloads.js";
import {moveCell, type GridPosition} from "./gridKeys.js";
import {naturalTopAt, rowWindow, scrollTopFor, type RowWindow} from "./gridWindow.js";
import {bilingual, documentLang, type Lang} from "./i18n.js";
import {columnReader, rowReader} from "./lazyRows.js";

/** The table's own words (the caption, labels and cells are the caller's). */
const TEXT = bilingual({
  en: {
    showing: (shown: number, total: number) => `Showing ${shown} of ${total} rows.`,
    filter: "Filter rows",
    matching: (shown: number, total: number) => `${shown} of ${total} rows contain the filter text.`,
    keys: "Arrow keys move between cells, Home and End to the ends of a row, Page Up and Page Down by a screen. Enter on a column's header sorts by it; Shift with the left or right arrow there narrows or widens the column. Enter on a cell reaches its links.",
    row: (n: number, total: number) => `Row ${n.toLocaleString("en")} of ${total.toLocaleString("en")}`,
    resize: (label: string) => `Drag to resize the column ${label}`
  },
  zh: {
    showing: (shown: number, total: number) => `共${total}行，此处显示其中${shown}行。`,
    filter: "筛选",
    matching: (shown: number, total: number) => `${total}行中有${shown}行含有筛选的文字。`,
    keys: "方向键在单元格之间移动，Home 和 End 跳到一行的首尾，Page Up 和 Page Down 翻一屏。在列标题上按 Enter 按该列排序，按住 Shift 再按左右方向键可调整列宽。在单元格上按 Enter 可进入其中的链接。",
    row: (n: number, total: number) => `第 ${n.toLocaleString("zh-CN")} 行（共 ${total.toLocaleString("zh-CN")} 行）`,
    resize: (label: string) => `拖动以调整“${label}”列的宽度`
  }
});

/**
 * Up to this many rows every row is in the document (the browser's find and print see them all); past it, only
 * those in view. Every story table fits (the longest, /pivots' models, has 136 rows); /data's registry (374) and
 * dictionary (309) do not, and have a search box instead: drawn whole, their 6,000 elements held /data's main
 * thread for some 500 ms (Lighthouse's Total Blocking Time).
 */
export const PLAIN_ROWS = 200;
/** A row's height when it cannot be measured (no layout yet); the stylesheet sets the same. */
const ROW_HEIGHT = 30;
/** Column widths, px: what a cell may take before its text is cut, and the least a drag leaves. */
const WIDTH = {min: 48, max: 320, dragMin: 32};

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
  /** Let the reader sort by a column (buttons in the headers; aria-sort says the order). On unless false. */
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
  /**
   * Where a source id links (its entry in /data's registry). By default the page's own edition of /data, found
   * from the site's root; null for chips without links.
   */
  sourceHref?: ((id: string) => string) | null;
  /**
   * What a missing value (NULL) reads as: "—" by default, where a page's reader meets it; the SQL results of
   * /explore and the notebooks say "NULL", as SQL does. Either way it is set apart from an empty string.
   */
  nullText?: string;
  /** data-* attributes of a row's <tr>, by name (tests and in-page links find a row by them). */
  rowData?: (row: Record<string, unknown>) => Record<string, string>;
  /** Document to create elements in (tests pass jsdom's). */
  document?: Document;
  /** The page's language, for the table's own words; by default the document's <html lang>. */
  lang?: Lang;
}

type Row = Record<string, unknown>;

let grids = 0;

export function dataTable(rows: readonly Row[], options: DataTableOptions = {}): HTMLElement {
  const doc = options.document ?? globalThis.document;
  const columns = options.columns ?? Object.keys(rows[0] ?? {});
  const {labels = {}, format = {}, limit = Infinity, sortable = true, nullText = "—"} = options;
  // A table made deep inside another component (a chart's data table) may not be told; the page's lang decides.
  const lang = options.lang ?? documentLang(doc);
  const t = TEXT(lang);
  const sourceHref = options.sourceHref === undefined ? registryLink(doc, lang) : options.sourceHref;
  const id = `atlas-grid-${++grids}`;
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className = "", ...children: (Node | string)[]): HTMLElementTagNameMap[K] => {
    const node = doc.createElement(tag);
    if (className) node.className = className;
    node.append(...children);
    return node;
  };

  const wrapper = el("div", "atlas-table atlas-grid");
  const scroller = el("div", "atlas-grid-scroll");
  scroller.tabIndex = -1;
  const table = el("table");
  table.setAttribute("role", "grid");
  table.setAttribute("aria-readonly", "true");
  table.setAttribute("aria-colcount", String(columns.length));
  if (options.caption) table.append(el("caption", "", options.caption));
  // Key names are the keys' own labels, in English on any keyboard: marked as such on a Chinese page.
  const keysHelp = el("p", "atlas-visually-hidden", ...t.keys.split(/(Page Up|Page Down|Home|End|Enter|Shift)/).map((part, i) => {
    if (i % 2 === 0) return part;
    const kbd = el("kbd", "", part);
    if (lang !== "en") kbd.lang = "en";
    return kbd;
  }));
  keysHelp.id = `${id}-keys`;
  table.setAttribute("aria-describedby", keysHelp.id);
  const colgroup = el("colgroup");
  const head = el("thead");
  const headRow = el("tr");
  headRow.setAttribute("aria-rowindex", "1");
  const body = el("tbody");
  const detail = el("div", "atlas-grid-detail");
  detail.hidden = true;

  // --- what each cell shows --------------------------------------------------------------------------------
  // Every read of a row goes through one function: a lazy result's (lazyRows.ts) without its Proxy's cost.
  const rowOf = rowReader(rows);
  const kinds: CellKind[] = columns.map((column) => columnKindOf(rows, column));
  /** A cell's content: the caller's format, or the value as cellText reads it (chips for lists). */
  const content = (row: Row, column: string): {nodes: (Node | string)[]; text: string; kind: CellKind} => {
    const value = row[column];
    const formatter = format[column];
    if (formatter) {
      const formatted = formatter(value, row);
      const kind: CellKind = typeof value === "number" || typeof value === "bigint" ? "number" : "text";
      return typeof formatted === "string" ? {nodes: [formatted], text: formatted, kind} : {nodes: [formatted], text: formatted.textContent ?? "", kind};
    }
    const shown = cellText(value, column, lang);
    if (shown.kind === "null") return {nodes: [nullText], text: nullText, kind: "null"};
    if (shown.kind === "list" && shown.items) {
      const source = isSourceColumn(column) && sourceHref;
      const chips = shown.items.map((item) => {
        if (!source) return el("span", "atlas-chip", item);
        const a = el("a", "atlas-chip", item);
        a.href = source(item);
        return a;
      });
      return {nodes: chips, text: shown.text, kind: "list"};
    }
    return {nodes: [shown.text], text: shown.text, kind: shown.kind};
  };

  /** A cell's text as shown, without making its nodes (the filter reads every row). */
  const textOf = (row: Row, column: string): string => {
    const formatter = format[column];
    if (formatter) {
      const formatted = formatter(row[column], row);
      return typeof formatted === "string" ? formatted : (formatted.textContent ?? "");
    }
    const shown = cellText(row[column], column, lang);
    return shown.kind === "null" ? nullText : shown.text;
  };

  // --- order and filter --------------------------------------------------------------------------------------
  let order: {column: string; descending: boolean} | null = null;
  let query = "";
  /** Row indices in the reader's order and filter; null while that is the rows' own order. */
  let view: Uint32Array | number[] | null = null;
  let texts: string[] | null = null;
  const rowText = (i: number) => {
    texts ??= Array.from({length: rows.length}, (_, r) => columns.map((column) => textOf(rowOf(r), column)).join("\u0000").toLocaleLowerCase());
    return texts[i];
  };
  const reorder = () => {
    if (!query && !order) {
      view = null;
      return;
    }
    let kept: number[] = [];
    for (let i = 0; i < rows.length; i++) if (!query || rowText(i).includes(query)) kept.push(i);
    if (order) kept = sortIndices(rows, kept, order.column, order.descending);
    view = kept;
  };
  const count = () => Math.min(view ? view.length : rows.length, limit);
  const rowAt = (i: number): Row => rowOf(view ? view[i] : i);
  /** The rows in the reader's order and filter (all of them, past the limit: what the CSV holds). */
  const current = (): readonly Row[] => (view ? Array.from(view, rowOf) : rows);

  // --- column widths ---------------------------------------------------------------------------------------
  const widths = columns.map((column) => {
    let chars = textWidth(labels[column] ?? column) + (sortable ? 2 : 0);
    for (let i = 0; i < Math.min(rows.length, 100); i++) chars = Math.max(chars, textWidth(textOf(rowOf(i), column)));
    return Math.round(Math.min(WIDTH.max, Math.max(WIDTH.min, chars * 7.4 + 20)));
  });
  const cols = columns.map((_, c) => {
    const col = el("col");
    col.style.width = `${widths[c]}px`;
    return col;
  });
  colgroup.append(...cols);
  /** The table as wide as its columns, and the first column's width for the box's scroll padding. */
  const fitWidths = () => {
    table.style.width = `${widths.reduce((a, b) => a + b, 0)}px`;
    if (widths.length) scroller.style.setProperty("--atlas-grid-first", `${widths[0]}px`);
  };
  const setWidth = (c: number, width: number) => {
    widths[c] = Math.max(WIDTH.dragMin, Math.round(width));
    cols[c].style.width = `${widths[c]}px`;
    fitWidths();
  };
  fitWidths();

  // --- header ------------------------------------------------------------------------------------------------
  const headers = columns.map((column, c) => {
    const th = el("th");
    th.scope = "col";
    th.setAttribute("aria-colindex", String(c + 1));
    if (kinds[c] === "number") th.className = "numeric";
    const label = labels[column] ?? column;
    th.title = label;
    if (sortable) {
      const button = el("button", "atlas-sort", label);
      button.type = "button";
      button.tabIndex = -1;
      button.addEventListener("click", () => sortBy(c));
      th.append(button);
    } else {
      th.append(el("span", "atlas-grid-label", label));
      th.tabIndex = -1;
    }
    const handle = el("span", "atlas-grid-resize");
    handle.title = t.resize(label);
    handle.setAttribute("aria-hidden", "true");
    dragToResize(handle, c);
    th.append(handle);
    return th;
  });
  headRow.append(...headers);
  head.append(headRow);

  function sortBy(c: number): void {
    const column = columns[c];
    order = order?.column === column && !order.descending ? {column, descending: true} : {column, descending: false};
    for (const th of headers) th.removeAttribute("aria-sort");
    headers[c].setAttribute("aria-sort", order.descending ? "descending" : "ascending");
    reorder();
    selected = null;
    detail.hidden = true;
    scroller.scrollTop = 0;
    anchor = 0;
    draw(true);
  }

  function dragToResize(handle: HTMLElement, c: number): void {
    handle.addEventListener("click", (event) => event.stopPropagation());
    handle.addEventListener("pointerdown", (event) => {
      event.preventDefault();
      event.stopPropagation();
      const start = event.clientX;
      const from = widths[c];
      handle.setPointerCapture?.(event.pointerId);
      const move = (e: PointerEvent) => setWidth(c, from + e.clientX - start);
      const up = () => {
        handle.removeEventListener("pointermove", move);
        handle.removeEventListener("pointerup", up);
        handle.removeEventListener("pointercancel", up);
      };
      handle.addEventListener("pointermove", move);
      handle.addEventListener("pointerup", up);
      handle.addEventListener("pointercancel", up);
    });
  }

  // --- rows, drawn by window ----------------------------------------------------------------------------------
  let rowHeight = ROW_HEIGHT;
  let drawn: RowWindow = {first: 0, end: 0, top: 0, bottom: 0, total: 0};
  /** Where the rows start in the scroll box (caption + header) and the sticky header's height, once laid out. */
  let layout: {bodyTop: number; header: number} | null = null;
  const measure = () => {
    if (layout || !scroller.clientHeight) return;
    const header = head.getBoundingClientRect().height;
    const bodyTop = body.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop - drawn.top;
    const first = body.querySelector("tr");
    if (first && first.getBoundingClientRect().height > 0) rowHeight = first.getBoundingClientRect().height;
    if (header > 0) layout = {bodyTop, header};
  };
  const viewport = () => (scroller.clientHeight ? scroller.clientHeight - (layout?.header ?? rowHeight) : 600);
  /** The row at the top while there is no layout to scroll (hidden, or no browser): keys move it instead. */
  let anchor = 0;
  const windowFor = (n: number): RowWindow => {
    if (n <= PLAIN_ROWS) return {first: 0, end: n, top: 0, bottom: 0, total: n * rowHeight};
    if (!layout) return rowWindow({count: n, rowHeight, scrollTop: anchor * rowHeight, viewport: viewport(), maxHeight: Infinity});
    return rowWindow({count: n, rowHeight, scrollTop: scroller.scrollTop - (layout.bodyTop - layout.header), viewport: viewport()});
  };

  const makeRow = (i: number): HTMLTableRowElement => {
    const row = rowAt(i);
    const tr = el("tr");
    tr.setAttribute("aria-rowindex", String(i + 2));
    if (options.rowData) Object.assign(tr.dataset, options.rowData(row));
    tr.dataset.index = String(i);
    if (i === selected) tr.setAttribute("aria-selected", "true");
    columns.forEach((column, c) => {
      const td = el("td");
      const {nodes, text, kind} = content(row, column);
      td.append(...nodes);
      if (kind !== "text") td.className = kindClass(kind);
      if (text.length > 8) td.title = text;
      td.tabIndex = i === active.row && c === active.column ? 0 : -1;
      for (const inner of td.querySelectorAll<HTMLElement>("a, button, input, summary")) inner.tabIndex = -1;
      tr.append(td);
    });
    return tr;
  };

  /** Draws the rows the window holds; `force` redraws even when the window has not moved (a new order). */
  function draw(force = false): void {
    const n = count();
    table.setAttribute("aria-rowcount", String(n + 1));
    const next = windowFor(n);
    if (!force && next.first === drawn.first && next.end === drawn.end && next.top === drawn.top) return;
    drawn = next;
    if (force || !body.firstElementChild) {
      const made: HTMLTableRowElement[] = [];
      for (let i = next.first; i < next.end; i++) made.push(makeRow(i));
      body.replaceChildren(...made);
    } else {
      // Rows still in the window stay where they are, not made again: a cell with the focus keeps it while the
      // reader scrolls (moving a node would blur it).
      for (const tr of [...body.children] as HTMLTableRowElement[]) {
        const i = Number(tr.dataset.index);
        if (i < next.first || i >= next.end) {
          // The focused cell scrolled out of the window: the box takes the focus, so the keys still work.
          if (tr.contains(doc.activeElement)) scroller.focus({preventScroll: true});
          tr.remove();
        }
      }
      const from = body.firstElementChild ? Number((body.firstElementChild as HTMLElement).dataset.index) : next.end;
      const to = body.lastElementChild ? Number((body.lastElementChild as HTMLElement).dataset.index) + 1 : next.end;
      const before: HTMLTableRowElement[] = [];
      for (let i = next.first; i < Math.min(from, next.end); i++) before.push(makeRow(i));
      body.prepend(...before);
      const after: HTMLTableRowElement[] = [];
      for (let i = Math.max(to, next.first); i < next.end; i++) after.push(makeRow(i));
      body.append(...after);
    }
    body.style.setProperty("--atlas-grid-top", `${next.top}px`);
    body.style.setProperty("--atlas-grid-bottom", `${next.bottom}px`);
    wrapper.classList.toggle("atlas-grid-virtual", n > PLAIN_ROWS);
    rovingStop();
  }

  // --- the active cell and the selected row ------------------------------------------------------------------
  /** The cell that takes Tab into the grid (row -1 is the header). */
  let active: GridPosition = {row: -1, column: 0};
  let selected: number | null = null;
  const cellAt = (p: GridPosition): HTMLElement | null => {
    if (p.row < 0) {
      const th = headers[p.column];
      if (!th) return null;
      return (th.querySelector(".atlas-sort") as HTMLElement | null) ?? th;
    }
    const tr = body.querySelector(`tr[data-index="${p.row}"]`);
    return (tr?.children[p.column] as HTMLElement | undefined) ?? null;
  };
  /** Exactly one cell is tabbable: the active one, or the first drawn if the active one scrolled out of the document. */
  function rovingStop(): void {
    for (const node of table.querySelectorAll<HTMLElement>('[tabindex="0"]')) node.tabIndex = -1;
    const target = cellAt(active) ?? cellAt({row: drawn.first, column: active.column}) ?? cellAt({row: -1, column: 0});
    if (target) target.tabIndex = 0;
  }
  function focusCell(p: GridPosition): void {
    active = p;
    if (p.row >= 0) scrollToRow(p.row);
    rovingStop();
    const target = cellAt(p);
    target?.focus();
    const cell = target?.closest("td, th") as HTMLElement | null;
    cell?.scrollIntoView?.({block: "nearest", inline: "nearest"});
    if (p.row >= 0) select(p.row);
  }
  function scrollToRow(i: number): void {
    measure();
    const n = count();
    const view = viewport();
    if (n <= PLAIN_ROWS) return draw();
    if (!layout) {
      const rowsInView = Math.max(1, Math.floor(view / rowHeight));
      if (i < anchor) anchor = i;
      else if (i >= anchor + rowsInView) anchor = i - rowsInView + 1;
      return draw();
    }
    // In the uncompressed rows: where the view's top is, and where it must be for row i to show.
    const offset = layout.bodyTop - layout.header;
    const input = {count: n, rowHeight, viewport: view};
    const now = naturalTopAt({...input, scrollTop: scroller.scrollTop - offset});
    let target = now;
    if (i * rowHeight < now) target = i * rowHeight;
    else if ((i + 1) * rowHeight > now + view) target = (i + 1) * rowHeight - view;
    if (target !== now) scroller.scrollTop = offset + scrollTopFor(input, target);
    draw();
  }
  function select(i: number): void {
    selected = i;
    for (const tr of body.querySelectorAll("tr[aria-selected]")) tr.removeAttribute("aria-selected");
    body.querySelector(`tr[data-index="${i}"]`)?.setAttribute("aria-selected", "true");
    const row = rowAt(i);
    const list = el("dl");
    columns.forEach((column) => {
      const {nodes, kind} = content(row, column);
      const dd = el("dd", kindClass(kind), ...nodes);
      list.append(el("dt", "", labels[column] ?? column), dd);
    });
    detail.replaceChildren(el("p", "atlas-grid-detail-title", t.row(i + 1, count())), list);
    detail.hidden = false;
  }

  table.addEventListener("keydown", (event) => {
    // Alt+arrow is the browser's Back and Forward.
    if (event.altKey) return;
    const target = event.target as HTMLElement;
    const cell = target.closest("td, th") as HTMLTableCellElement | null;
    if (!cell) return;
    // Inside a cell's link: Escape goes back to the cell, other keys are the link's.
    if (target !== cell && !target.classList.contains("atlas-sort")) {
      if (event.key === "Escape") {
        event.preventDefault();
        for (const node of cell.querySelectorAll<HTMLElement>("a, button, summary")) node.tabIndex = -1;
        cell.focus();
      }
      return;
    }
    if (event.key === "Enter" && cell.tagName === "TD") {
      const inner = [...cell.querySelectorAll<HTMLElement>("a, button, summary")];
      if (inner.length) {
        event.preventDefault();
        // Every link of the cell (a row's several sources) is reached with Tab until the focus leaves the cell.
        for (const node of inner) node.tabIndex = 0;
        inner[0].focus();
      }
      return;
    }
    // Space scrolls the box otherwise, which would carry the focused row away.
    if (event.key === " " && cell.tagName === "TD") event.preventDefault();
    if (cell.tagName === "TH" && event.shiftKey && (event.key === "ArrowLeft" || event.key === "ArrowRight")) {
      event.preventDefault();
      setWidth(active.column, widths[active.column] + (event.key === "ArrowRight" ? 16 : -16));
      return;
    }
    moveByKey(event);
  });
  // The box holds the focus when the focused row scrolled out of the window; the keys go on from the active cell.
  scroller.addEventListener("keydown", (event) => {
    if (event.target === scroller && !event.altKey) moveByKey(event);
  });
  /** Moves the active cell as the key says (gridKeys.ts), if it is a key the grid moves by. */
  function moveByKey(event: KeyboardEvent): void {
    const page = Math.max(1, Math.floor(viewport() / rowHeight) - 1);
    const next = moveCell(event.key, event.ctrlKey || event.metaKey, active, {rows: count(), columns: columns.length, page});
    if (!next) return;
    event.preventDefault();
    focusCell(next);
  }
  table.addEventListener("focusin", (event) => {
    const cell = (event.target as HTMLElement).closest("td, th") as HTMLTableCellElement | null;
    if (!cell) return;
    const tr = cell.parentElement as HTMLTableRowElement;
    const column = [...tr.children].indexOf(cell);
    const row = tr.parentElement === head ? -1 : Number(tr.dataset.index);
    if (row === active.row && column === active.column) return;
    active = {row, column};
    rovingStop();
    if (row >= 0) select(row);
  });
  body.addEventListener("focusout", (event) => {
    const cell = (event.target as HTMLElement).closest("td");
    if (!cell || cell.contains(event.relatedTarget as Node | null)) return;
    for (const node of cell.querySelectorAll<HTMLElement>("a, button, summary")) node.tabIndex = -1;
  });
  body.addEventListener("click", (event) => {
    const cell = (event.target as HTMLElement).closest("td");
    if (!cell || (event.target as HTMLElement).closest("a")) return;
    const tr = cell.parentElement as HTMLTableRowElement;
    focusCell({row: Number(tr.dataset.index), column: [...tr.children].indexOf(cell)});
  });

  scroller.addEventListener("scroll", () => {
    measure();
    draw();
  }, {passive: true});
  const ResizeObserver = doc.defaultView?.ResizeObserver;
  if (ResizeObserver) {
    // A table first drawn hidden (in a closed <details>) learns its size when it shows.
    new ResizeObserver(() => {
      // A new width can rewrap the caption: where the rows start is measured again.
      layout = null;
      measure();
      draw();
    }).observe(scroller);
  }

  // --- the filter, notes and download --------------------------------------------------------------------------
  const matching = el("p", "atlas-table-note atlas-table-matching");
  matching.setAttribute("aria-live", "polite");
  if (options.filter) {
    const label = el("label", "atlas-table-filter");
    const input = el("input");
    input.type = "search";
    input.autocomplete = "off";
    input.addEventListener("input", () => {
      query = input.value.trim().toLocaleLowerCase();
      reorder();
      matching.textContent = query ? t.matching(view ? view.length : rows.length, rows.length) : "";
      selected = null;
      detail.hidden = true;
      active = {row: -1, column: active.column};
      scroller.scrollTop = 0;
      anchor = 0;
      draw(true);
    });
    label.append(t.filter, " ", input);
    wrapper.append(label, matching);
  }
  table.append(colgroup, head, body);
  scroller.append(table);
  wrapper.append(keysHelp, scroller, detail);
  draw(true);
  if (options.download) wrapper.append(csvButton(current, columns, options.download, doc, lang));
  if (rows.length > limit) wrapper.append(el("p", "atlas-table-note", t.showing(limit, rows.length)));
  return wrapper;
}

/**
 * The link of a source id to its entry in /data's registry, in the page's edition: the site's root is where
 * Framework's client script lives (`<root>/_observablehq/client.js`), so it holds under any sub-path. None where
 * the page has no such script (the build's render, tests): chips without links.
 */
function registryLink(doc: Document, lang: Lang): ((id: string) => string) | null {
  const client = doc.querySelector<HTMLLinkElement | HTMLScriptElement>('link[href*="_observablehq/client"], script[src*="_observablehq/client"]');
  const href = client && ("href" in client ? client.href : client.src);
  if (!href || !/^https?:/.test(href)) return null;
  const data = new URL(lang === "zh" ? "../zh/data" : "../data", href);
  return (id) => `${data.pathname}?${new URLSearchParams({source: id})}#sources`;
}

/** The class a cell of this kind takes: numbers right-aligned, NULLs, lists and booleans marked, text none. */
function kindClass(kind: CellKind): string {
  return kind === "text" ? "" : kind === "number" ? "numeric" : `atlas-${kind}`;
}

/** "number" when every present value is a number (a column right-aligned), else what cellText says of the first. */
function columnKindOf(rows: readonly Row[], column: string): CellKind {
  let kind: CellKind | null = null;
  const rowOf = rowReader(rows);
  for (let i = 0; i < Math.min(rows.length, 200); i++) {
    const value = rowOf(i)[column];
    if (value === null || value === undefined) continue;
    const k: CellKind = typeof value === "number" || typeof value === "bigint" ? "number" : "text";
    if (kind && kind !== k) return "text";
    kind = k;
  }
  return kind ?? "text";
}

/** Characters as the grid's font sets them, counting a CJK character twice. */
function textWidth(text: string): number {
  let n = 0;
  for (const ch of text) n += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return n;
}

/**
 * Indices sorted by a column: nulls last; numbers and dates by value (through typed keys, so a million rows sort
 * in a blink); everything else as text, by the language's collation (by code point past 50,000 rows, where
 * collation would hold the page for seconds).
 */
export function sortIndices(rows: readonly Row[], indices: number[], column: string, descending: boolean): number[] {
  const sign = descending ? -1 : 1;
  const present: number[] = [];
  const missing: number[] = [];
  // NULLs, NaN and Invalid Dates have no place in an order: they go last, as missing.
  const absent = (v: unknown) => v === null || v === undefined || (typeof v === "number" && Number.isNaN(v)) || (v instanceof Date && Number.isNaN(v.getTime()));
  // Each row's value read once (from a lazy result's columns, making no rows).
  const valueOf = columnReader(rows, column);
  const values: unknown[] = new Array(rows.length);
  for (const i of indices) {
    const v = (values[i] = valueOf(i));
    (absent(v) ? missing : present).push(i);
  }
  const numeric = present.every((i) => {
    const v = values[i];
    return typeof v === "number" || typeof v === "bigint" || v instanceof Date;
  });
  if (numeric) {
    const key = new Float64Array(rows.length);
    for (const i of present) key[i] = Number(values[i] as number | bigint | Date);
    present.sort((a, b) => (key[a] - key[b]) * sign || a - b);
  } else {
    const text: string[] = new Array(rows.length);
    for (const i of present) text[i] = formatValue(values[i]);
    const collator = new Intl.Collator(undefined, {numeric: true});
    const compare = present.length > 50_000 ? (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0) : collator.compare;
    present.sort((a, b) => compare(text[a], text[b]) * sign || a - b);
  }
  return [...present, ...missing];
}

/** A value as plain text (charts' labels, the filter): ISO days, lists joined, three decimals at most. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(formatValue).join("; ");
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(Math.round(value * 1000) / 1000);
  return String(value);
}
