/**
 * An embed page (written by src/embed/embedPage.ts, one per story chart and edition): the chart alone, drawn by its
 * view at the width of the frame it is shown in, in the state its own address gives (`embed/cumulative-funding?
 * companies=zhipu,moonshot` draws those two companies, as /funding?companies=zhipu,moonshot does), and the link back
 * to the story page carrying that state. The build draws the default state into the page (scripts/prerender.ts),
 * so the chart and the link are there with scripts off.
 */
import {drawView} from "../tableFaults.js";
import {checkParams, formatParams} from "../urlState.js";
import type {StoryData, TableKey, View} from "../views.js";
import {loadTables} from "./load.js";

/** The view's tables (and the sources): a generator, yielding them again after a retry (load.ts). */
export function loadEmbed<K extends TableKey, S>(view: View<K, S>): AsyncGenerator<StoryData<K | "sources">, void> {
  return loadTables(view.tables);
}

/**
 * The view's state from the embed's query string, read as its story page reads it: a value it cannot use is
 * corrected or left at its default; a view with no URL state draws its default.
 */
export function embedState<K extends TableKey, S>(view: View<K, S>, data: StoryData<K>, search: string): S {
  return view.params ? (checkParams(view.params(data), search).values as S) : view.defaults(data);
}

/** The chart in the embed's state at `width`; `slot` is the page's placeholder (a company timeline reads its company there). */
export function drawEmbed<K extends TableKey, S>(view: View<K, S>, data: StoryData<K>, width: number, slot?: Element | null, search = location.search): Element {
  return drawView(view, data, embedState(view, data, search), width, slot ?? undefined);
}

/**
 * Puts the embed's state on the link back (`a.atlas-embed-back`, written by the build to the story page in its
 * default state): the reader lands on the view the frame showed. Parameters the view does not know stay off it.
 */
export function linkBack<K extends TableKey, S>(view: View<K, S>, data: StoryData<K>, doc: Document = document): void {
  const link = doc.querySelector<HTMLAnchorElement>("a.atlas-embed-back");
  if (!link || !view.params) return;
  let search: string;
  try {
    const specs = view.params(data);
    search = formatParams(specs, checkParams(specs, doc.location.search).values);
  } catch {
    // A table the state needs did not load: the link keeps the story page's default view.
    return;
  }
  const url = new URL(link.getAttribute("href")!, doc.location.href);
  url.search = search;
  link.href = url.href;
}

/** The live chart takes the place of the build's (prerendered.ts). */
export {hydrate} from "../prerendered.js";
