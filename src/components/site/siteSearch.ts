/**
 * The sidebar's search, over the Pagefind index the build writes to `pagefind/` at the site's root. Pagefind
 * picks the index of the page's language (its <html lang>), so a Chinese page searches the Chinese edition
 * with Chinese word segmentation and an English page the English one. The index, its WebAssembly and its
 * fragments are loaded from the site itself on the first keystroke, never before and never from elsewhere.
 *
 * Results link to the matching section of a page (`page#heading`). Pagefind's excerpts are HTML with <mark>
 * around the hits; they are rebuilt here from text nodes, so nothing from the index is parsed as markup.
 */
import type {Lang} from "../i18n.js";

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: {title?: string};
  sub_results?: {title: string; url: string; excerpt: string}[];
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  debouncedSearch(query: string, options?: unknown, ms?: number): Promise<{results: {id: string; data(): Promise<PagefindResultData>}[]} | null>;
}

const WORDS = {
  en: {none: (q: string) => `Nothing found for “${q}”.`, count: (n: number) => `${n} ${n === 1 ? "page" : "pages"}`, failed: "Search is not available: its index did not load."},
  zh: {none: (q: string) => `没有找到“${q}”。`, count: (n: number) => `共 ${n} 个页面`, failed: "搜索暂不可用：索引未能加载。"}
};

const MAX_RESULTS = 8;

/** Text with <mark> kept as elements and everything else as text. */
export function excerptNodes(doc: Document, excerpt: string): Node[] {
  const nodes: Node[] = [];
  const parts = excerpt.split(/(<mark>|<\/mark>)/);
  let marked = false;
  const decode = (text: string) => text.replace(/&(lt|gt|quot|#39|#x27|amp);/g, (_, e) => ({lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'", amp: "&"})[e as string]!);
  for (const part of parts) {
    if (part === "<mark>") marked = true;
    else if (part === "</mark>") marked = false;
    else if (part) {
      const text = doc.createTextNode(decode(part.replace(/<[^>]*>/g, "")));
      if (marked) {
        const mark = doc.createElement("mark");
        mark.append(text);
        nodes.push(mark);
      } else nodes.push(text);
    }
  }
  return nodes;
}

/** A page URL as the site links it: without ".html", the home page as its folder. */
export function cleanUrl(url: string): string {
  return url.replace(/\/index\.html(?=$|[?#])/, "/").replace(/\.html(?=$|[?#])/, "");
}

export function bindSearch(form: HTMLFormElement, lang: Lang): void {
  const doc = form.ownerDocument;
  const input = form.querySelector<HTMLInputElement>('input[type="search"]')!;
  const panel = form.querySelector<HTMLElement>(".atlas-search-results")!;
  const root = new URL(form.dataset.root ?? "./", doc.baseURI);
  const words = WORDS[lang];
  let engine: Promise<Pagefind> | undefined;
  const load = () =>
    (engine ??= (async () => {
      const pagefind = (await import(/* @vite-ignore */ new URL("pagefind/pagefind.js", root).href)) as Pagefind;
      await pagefind.options({baseUrl: root.pathname, excerptLength: 24});
      await pagefind.init();
      return pagefind;
    })());
  let shown = "";
  const show = (nodes: Node[]) => {
    panel.replaceChildren(...nodes);
    panel.hidden = nodes.length === 0;
  };
  const run = async () => {
    const query = input.value.trim();
    if (!query) {
      shown = "";
      form.removeAttribute("aria-busy");
      return show([]);
    }
    form.setAttribute("aria-busy", "true");
    let found;
    try {
      found = await (await load()).debouncedSearch(query, {}, 150);
    } catch {
      form.removeAttribute("aria-busy");
      const p = doc.createElement("p");
      p.textContent = words.failed;
      return show([p]);
    }
    if (found === null || input.value.trim() !== query) return; // a newer keystroke superseded this search
    const results = await Promise.all(found.results.slice(0, MAX_RESULTS).map((r) => r.data()));
    if (input.value.trim() !== query) return;
    shown = query;
    form.removeAttribute("aria-busy");
    form.dataset.results = String(found.results.length);
    if (!results.length) {
      const p = doc.createElement("p");
      p.textContent = words.none(query);
      return show([p]);
    }
    const status = doc.createElement("p");
    status.className = "atlas-search-count";
    status.textContent = words.count(found.results.length);
    const list = doc.createElement("ol");
    for (const result of results) {
      const section = result.sub_results?.find((s) => s.url !== result.url) ?? result.sub_results?.[0];
      const item = doc.createElement("li");
      const a = doc.createElement("a");
      a.href = cleanUrl(section?.url ?? result.url);
      const title = doc.createElement("span");
      title.className = "atlas-search-title";
      title.textContent = result.meta.title ?? result.url;
      a.append(title);
      if (section && section.title && section.title !== result.meta.title) {
        const sub = doc.createElement("span");
        sub.className = "atlas-search-section";
        sub.textContent = section.title;
        a.append(sub);
      }
      const excerpt = doc.createElement("span");
      excerpt.className = "atlas-search-excerpt";
      excerpt.append(...excerptNodes(doc, section?.excerpt ?? result.excerpt));
      a.append(excerpt);
      item.append(a);
      list.append(item);
    }
    show([status, list]);
  };
  input.addEventListener("input", () => void run());
  input.addEventListener("focus", () => void load().catch(() => {}), {once: true});
  input.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      input.value = "";
      void run();
    }
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const first = panel.querySelector("a");
    if (first && shown === input.value.trim()) first.click();
    else void run();
  });
}
