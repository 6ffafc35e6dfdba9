/**
 * Charts rendered at build time (scripts/prerender.ts) appear with the HTML, before any script runs; the
 * page's cell then puts the live, resizable chart in their place. Pages write an empty slot,
 * `<div id="prerender-<name>" class="atlas-prerender"></div>`, and a cell `hydrate("prerender-<name>", chart)`.
 * Without a build (npm run dev) the slot is simply empty until the cell runs.
 */
export function hydrate(id: string, live: Node, doc: Document = globalThis.document): void {
  const slot = doc.getElementById(id);
  if (!slot) throw new Error(`no slot #${id} for the chart; add <div id="${id}" class="atlas-prerender"></div> to the page`);
  slot.replaceChildren(live);
  slot.dataset.live = "true";
}
