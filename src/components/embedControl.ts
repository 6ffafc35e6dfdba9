/**
 * The "Embed" action of a story chart, beside its downloads: a button that opens a panel with the <iframe> code
 * for the chart's embed page (src/lib/embeds.ts), to copy into another site. The address is absolute (the site's
 * root, wherever it is served, even under a sub-path), in the page's language (a Chinese page embeds /zh/embed/…),
 * and carries the view's current state: its URL parameters as the filter bar has put them in the address bar,
 * read when the panel opens, so the code is always the view the reader sees. Only story charts (views) get it;
 * a notebook's or the explorer's quick chart does not.
 */
import {copyBlock} from "./copyBlock.js";
import {elementMaker} from "./htmlElements.js";
import {bilingual, type Lang} from "./i18n.js";
import {isFaultBox, drawView} from "./tableFaults.js";
import {formatParams, readParams, type Specs} from "./urlState.js";
import type {StoryData, TableKey, View} from "./views.js";
import {embedSnippet, embedTitle, embedUrl} from "../lib/embeds.js";

const TEXT = bilingual({
  en: {
    button: "Embed",
    help: "To show this chart, as you see it now, on another site, paste this code into its page.",
    open: "Open the embed page",
    label: "the embed code"
  },
  zh: {
    button: "嵌入",
    help: "想把这张图表按现在的样子放进别的网站，把下面这段代码粘贴到那个网页里即可。",
    open: "打开嵌入页面",
    label: "嵌入代码"
  }
});

/** What the embed page above the chart and below it adds to its height, roughly: the heading, licence and link. */
const CHROME_HEIGHT = 110;

/**
 * The site's root as the browser sees it: this module is served at `<root>_import/components/embedControl.<hash>.js`
 * (Framework's layout for src/components/, in `npm run dev` too), so its own address names the root under any sub-path.
 */
export function siteRoot(moduleUrl: string = import.meta.url): string {
  return new URL("../../", moduleUrl).href;
}

/** The view's state in the address's query string, as the embed's query: only the view's own parameters, defaults left out. */
export function embedSearch(specs: Specs | undefined, search: string): string {
  return specs ? formatParams(specs, readParams(specs, search)) : "";
}

export interface EmbedOptions {
  /** The chart's name (a view's, src/lib/embeds.ts). */
  chart: string;
  /** The company, for a chart drawn per company (the company timeline). */
  company?: string;
  /** The page's language: the control's words and the embed's edition. */
  lang: Lang;
  /** The view's URL parameters, when its state has any. */
  params?: () => Specs;
  /** The site's root (absolute, ending in a slash); by default where this module is served from. */
  root?: string;
}

let panels = 0;

/**
 * Adds the Embed button to the chart's tools (a row is made for a chart that has none) and returns the chart; a
 * chart whose tables did not load (a fault box, tableFaults.ts) is returned as it is. An element that cannot hold
 * the row (a list) is wrapped in a <div> with it.
 */
export function withEmbed<E extends Element>(element: E, options: EmbedOptions): E | HTMLDivElement {
  if (isFaultBox(element)) return element;
  const doc = element.ownerDocument;
  const win = doc.defaultView ?? globalThis.window;
  const t = TEXT(options.lang);
  const el = elementMaker(doc);
  let host: Element = element;
  let tools = element.querySelector(".atlas-chart-tools");
  if (!tools) {
    tools = el("div", "atlas-chart-tools");
    if (element.localName === "figure") element.append(tools);
    else {
      host = el("div", "atlas-embeddable");
      host.append(element, tools);
    }
  }
  const button = el("button", "atlas-embed-button", t.button);
  button.type = "button";
  button.setAttribute("aria-expanded", "false");
  const panel = el("div", "atlas-embed-panel");
  panel.id = `atlas-embed-${++panels}`;
  panel.hidden = true;
  button.setAttribute("aria-controls", panel.id);
  tools.append(button);
  tools.after(panel);
  button.addEventListener("click", () => {
    const open = panel.hidden;
    if (open) {
      const src = embedUrl(options.root ?? siteRoot(), options.chart, options.lang, embedSearch(options.params?.(), win.location.search), options.company);
      // A company's chart names the company as its figure does; any other chart's title is the list's.
      const title = options.company ? (element.querySelector(".atlas-chart-title")?.textContent ?? "") : embedTitle(options.chart, options.lang);
      const height = element.getBoundingClientRect().height + CHROME_HEIGHT;
      const link = el("a", "atlas-embed-open", t.open);
      link.href = src;
      const help = el("p", "atlas-embed-help", `${t.help} `);
      help.append(link);
      panel.replaceChildren(help, copyBlock(embedSnippet({src, title, height}), {label: t.label, className: "atlas-embed-code", lang: options.lang, textLang: "en"}, doc));
    }
    panel.hidden = !open;
    button.setAttribute("aria-expanded", String(open));
  });
  return host as E | HTMLDivElement;
}

/** A story chart drawn by its view, with the Embed action: what the story pages' chart cells call. */
export function drawEmbeddable<K extends TableKey, S>(chart: string, view: View<K, S>, data: StoryData<K>, state: S, width: number): Element {
  return withEmbed(drawView(view, data, state, width), {chart, lang: data.lang, params: view.params && (() => view.params!(data))});
}
