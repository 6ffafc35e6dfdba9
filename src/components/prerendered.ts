/**
 * Charts rendered at build time (scripts/prerender.ts) appear with the HTML, before any script runs; the
 * page's cell then puts the live, resizable chart in their place. Pages write an empty slot,
 * `<div id="prerender-<name>" class="atlas-prerender"></div>`, and a cell `hydrate("prerender-<name>", chart)`.
 * Without a build (npm run dev) the slot is simply empty until the cell runs.
 */
import {bilingual, documentLang} from "./i18n.js";

/** Framework shows a cell's error where the chart would be, so a missing slot is said in the page's language. */
const TEXT = bilingual({
  en: {noSlot: (id: string) => `no slot #${id} for the chart; add <div id="${id}" class="atlas-prerender"></div> to the page`},
  zh: {noSlot: (id: string) => `页面上没有图表的占位元素 #${id}；请在页面中加入 <div id="${id}" class="atlas-prerender"></div>`}
});

export function hydrate(id: string, live: Node, doc: Document = globalThis.document): void {
  const slot = doc.getElementById(id);
  if (!slot) throw new Error(TEXT(documentLang(doc)).noSlot(id));
  slot.replaceChildren(live);
  slot.dataset.live = "true";
}
