/**
 * Charts rendered at build time (scripts/prerender.ts) appear with the HTML, before any script runs; the
 * page's cell then puts the live, resizable chart in their place. Pages write an empty slot,
 * `<div id="prerender-<name>" class="atlas-prerender"></div>`, and a cell `hydrate("prerender-<name>", chart)`.
 * A filter bar above the first chart is built the same way, so the chart does not move down when the live bar
 * appears: `const filters = Generators.input(hydrate("prerender-<page>-filters", pageFilters(data)))`.
 * Without a build (npm run dev) the slot is simply empty until the cell runs.
 */
import {bilingual, documentLang} from "./i18n.js";
import {isFaultBox} from "./tableFaults.js";

/** Framework shows a cell's error where the chart would be, so a missing slot is said in the page's language. */
const TEXT = bilingual({
  en: {noSlot: (id: string) => `no slot #${id} for the chart; add <div id="${id}" class="atlas-prerender"></div> to the page`},
  zh: {noSlot: (id: string) => `页面上没有图表的占位元素 #${id}；请在页面中加入 <div id="${id}" class="atlas-prerender"></div>`}
});

/** The nodes hydrate has put in a slot: on a later call they are the earlier live copy, not the build's. */
const LIVE = new WeakSet<Node>();

/**
 * Puts `live` in the slot in place of its build-time copy, and returns it (a filter bar is then the cell's input).
 * A `resize()` cell's container is empty until its chart draws, a frame or more later: the build's copy stays
 * until then, and both are swapped in one step, so the page never collapses and grows back in between.
 * When a table the chart needs did not load, `live` is a fault box (tableFaults.ts): the build's copy stays, and
 * the box (and the notice it may hold) stands after it, until a later call brings the chart.
 */
export function hydrate<T extends Node>(id: string, live: T, doc: Document = globalThis.document): T {
  const slot = doc.getElementById(id);
  if (!slot) throw new Error(TEXT(documentLang(doc)).noSlot(id));
  const built = [...slot.childNodes].filter((node) => node !== (live as Node));
  LIVE.add(live);
  /** Swaps, or, for a fault box, drops only earlier live nodes; true once the chart has taken the slot. */
  const done = () => {
    if (isFaultBox(live)) {
      for (const node of built) if (LIVE.has(node)) node.remove();
      return false;
    }
    for (const node of built) node.remove();
    slot.dataset.live = "true";
    return true;
  };
  const Observer = doc.defaultView?.MutationObserver;
  if (isFaultBox(live)) {
    slot.append(live);
    done();
  } else if (built.length && live.nodeType === 1 && !live.hasChildNodes() && Observer) {
    slot.append(live);
    const observer = new Observer(() => {
      if (live.hasChildNodes() && done()) observer.disconnect();
    });
    observer.observe(live, {childList: true});
  } else {
    slot.replaceChildren(live);
    done();
  }
  return live;
}
