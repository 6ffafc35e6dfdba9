/**
 * Builders for the HTML parts of components (the tables and notes beside a chart). Text goes in as a text
 * node, never as markup, so hostile text in the data renders as text; the document is passed in so the same
 * code builds into the page or into jsdom in tests.
 */

export type ElementMaker = <K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string) => HTMLElementTagNameMap[K];

/** `el(tag, className?, text?)` creating elements in `doc`. */
export function elementMaker(doc: Document): ElementMaker {
  return (tag, className, text) => {
    const node = doc.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
}

/**
 * A captioned table in the atlas's scrolling wrapper (div.atlas-table, so a wide table scrolls rather than
 * widening the page), its header row scoped so screen readers announce each header with its cells. The caller
 * appends the wrapper and fills the returned tbody.
 */
export function captionedTable(el: ElementMaker, options: {caption: string; headers: readonly string[]; className?: string}): {wrapper: HTMLDivElement; tbody: HTMLTableSectionElement} {
  const row = el("tr");
  for (const h of options.headers) {
    const th = el("th", undefined, h);
    th.scope = "col";
    row.append(th);
  }
  const thead = el("thead");
  thead.append(row);
  const tbody = el("tbody");
  const table = el("table", options.className);
  table.append(el("caption", undefined, options.caption), thead, tbody);
  const wrapper = el("div", "atlas-table");
  wrapper.append(table);
  return {wrapper, tbody};
}
