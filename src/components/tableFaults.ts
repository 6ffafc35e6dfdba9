/**
 * What a page shows when one of its tables does not load (stalled, not found, damaged: fetchBytes.ts): one
 * notice per failed table, where the first chart or table that needs it would be, naming the file, saying what
 * happened and offering to try again; everything that needs only the other tables still draws.
 *
 * The page's loader (pages/load.ts) hands its cells the tables as one object on which a failed table is a
 * property that throws `TableMissing` when read, so nothing has to list what each finding reads. What reads
 * the tables runs inside one of three guards:
 * - `whenLoaded` (a chart, a table): its element, or an empty box the notice can stand in;
 * - `control` (a filter bar): the bar, or a box whose value never arrives, so the cells that follow the filters
 *   wait (and a build-time chart or value in their place stays as built);
 * - `known` (the values prose quotes): the values, or a promise that never settles, so Framework keeps the
 *   inline cells pending and their build-time text stays.
 * Never an error in the page: Framework would show one per cell that reads the table. Of the boxes that need a
 * table, the notice goes to the first in the page; with none (a table only prose quotes), under the page's title.
 */
import {loadReason, type LoadError} from "./fetchBytes.js";
import {bilingual, type Lang} from "./i18n.js";
import type {StoryData, TableKey, View} from "./views.js";

const TEXT = bilingual({
  en: {
    lead: "Could not load the table ",
    why: (reason: string) => `: ${reason}. Until it loads, what needs it on this page is shown as the site was built, or left out.`,
    retry: "Try again",
    retrying: "Loading…"
  },
  zh: {
    lead: "未能载入数据表 ",
    why: (reason: string) => `：${reason}。在它载入之前，本页需要它的图表和数字保持网站构建时的样子，或暂不显示。`,
    retry: "重试",
    retrying: "正在载入…"
  }
});

/** A table a page asked for and did not get, and how to ask again. */
export interface TableFault {
  table: string;
  error: LoadError;
  lang: Lang;
  /** Fetches the table again; the page's cells redraw with it (or with a new fault). */
  retry(): void;
}

/** Thrown by reading a table that did not load; the guards below turn it into a notice. */
export class TableMissing extends Error {
  constructor(readonly fault: TableFault) {
    super(fault.error.message);
    this.name = "TableMissing";
  }
}

const FAULTS = Symbol("table faults");

/** The faults of a page's tables: none for tables the build read, or that all loaded. */
export function faultsOf(data: object): ReadonlyMap<string, TableFault> {
  return (data as {[FAULTS]?: Map<string, TableFault>})[FAULTS] ?? new Map();
}

/** The loaded tables as one object, each failed one a property that throws TableMissing when read. */
export function withFaults<T extends object>(loaded: Record<string, unknown>, faults: readonly TableFault[]): T {
  const data: Record<string | symbol, unknown> = {...loaded};
  for (const fault of faults) {
    Object.defineProperty(data, fault.table, {
      enumerable: true,
      get() {
        throw new TableMissing(fault);
      }
    });
  }
  Object.defineProperty(data, FAULTS, {value: new Map(faults.map((f) => [f.table, f]))});
  return data as T;
}

/** A promise that never settles: a cell whose value it is stays pending, and so do the cells that read it. */
const WAITING: Promise<never> = new Promise(() => {});

function missing(data: object | undefined, tables: readonly string[]): TableFault[] {
  if (!data) return [];
  const faults = faultsOf(data);
  return tables.flatMap((table) => faults.get(table) ?? []);
}

/**
 * A chart's or a table's element; when a table it needs did not load (listed in `tables`, or read by
 * `render`), an empty box where that table's notice may stand instead.
 */
export function whenLoaded<T>(render: () => T, data?: object, tables: readonly string[] = []): T | HTMLElement {
  const listed = missing(data, tables);
  if (listed.length) return faultBox(listed.map((f) => f.table));
  try {
    return render();
  } catch (error) {
    if (error instanceof TableMissing) return faultBox([error.fault.table]);
    throw error;
  }
}

/** A filter bar; when a table it needs did not load, a box whose value never arrives (the cells after it wait). */
export function control<T extends Element>(make: () => T): T {
  try {
    return make();
  } catch (error) {
    if (!(error instanceof TableMissing)) throw error;
    const box = faultBox([error.fault.table]);
    Object.defineProperty(box, "value", {value: WAITING});
    return box as unknown as T;
  }
}

/**
 * Values the prose quotes; when a table they need did not load, a promise that never settles, so the inline
 * cells that quote them keep their build-time text. (The page's cell awaits it: Framework resolves a cell's value.)
 */
export function known<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof TableMissing) return WAITING as T;
    throw error;
  }
}

// --- The notices and where they stand ------------------------------------------------------------------------

interface Notice {
  fault: TableFault;
  element: HTMLElement;
}

/** One notice per failed table of the page, and the boxes that could hold them. */
const notices = new Map<string, Notice>();
const boxes = new Set<HTMLElement>();
let placing: ReturnType<typeof setTimeout> | undefined;

/** Whether `node` is a guard's box, or holds one as its content (a `resize` container). */
export function isFaultBox(node: Node): boolean {
  const element = node as Element;
  if (node.nodeType !== 1) return false;
  return element.classList.contains("atlas-fault-box") || !!element.firstElementChild?.classList.contains("atlas-fault-box");
}

function faultBox(tables: readonly string[], doc: Document = globalThis.document): HTMLElement {
  const box = doc.createElement("div");
  box.className = "atlas-fault-box";
  box.dataset.tables = tables.join(" ");
  boxes.add(box);
  schedule();
  return box;
}

/**
 * Sets the page's failed tables (the loader calls this with every set of tables it hands the page): a notice for
 * each, updated in place when a table fails again, removed when it loads.
 */
export function showFaults(faults: readonly TableFault[], doc: Document = globalThis.document): void {
  const current = new Set(faults.map((f) => f.table));
  for (const [table, notice] of notices) {
    if (current.has(table)) continue;
    notice.element.remove();
    notices.delete(table);
  }
  for (const fault of faults) {
    const notice = notices.get(fault.table);
    if (notice) {
      notice.fault = fault;
      fillNotice(notice.element, fault);
    } else {
      const element = doc.createElement("div");
      element.className = "atlas-fault";
      element.setAttribute("role", "alert");
      element.dataset.table = fault.table;
      fillNotice(element, fault);
      notices.set(fault.table, {fault, element});
    }
  }
  schedule();
}

/** The notice's words and button; every text goes in as text. */
export function fillNotice(element: HTMLElement, fault: TableFault): void {
  const doc = element.ownerDocument;
  const t = TEXT(fault.lang);
  const {failure, status, seconds, file} = fault.error;
  const text = doc.createElement("p");
  const code = doc.createElement("code");
  code.textContent = file;
  text.append(t.lead, code, t.why(loadReason(failure, {status, seconds, lang: fault.lang})));
  const button = doc.createElement("button");
  button.type = "button";
  button.textContent = t.retry;
  button.addEventListener("click", () => {
    button.disabled = true;
    button.textContent = t.retrying;
    element.setAttribute("aria-busy", "true");
    fault.retry();
  });
  element.removeAttribute("aria-busy");
  element.replaceChildren(text, button);
}

function schedule(): void {
  // Charts in `resize` draw a frame after their cell runs: wait for their boxes before choosing the first.
  clearTimeout(placing);
  placing = setTimeout(place, 50);
}

function place(doc: Document = globalThis.document): void {
  for (const box of boxes) if (!box.isConnected) boxes.delete(box);
  const order = [...boxes].sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
  for (const [table, {element}] of notices) {
    const host = order.find((box) => box.dataset.tables!.split(" ").includes(table)) ?? pageHost(doc);
    if (element.parentNode !== host) host.append(element);
  }
}

/** Where the notice of a table that no chart or table needs stands: under the page's title. */
function pageHost(doc: Document): HTMLElement {
  let host = doc.getElementById("atlas-faults");
  if (!host) {
    host = doc.createElement("div");
    host.id = "atlas-faults";
    const main = doc.querySelector("main") ?? doc.body;
    const title = main.querySelector("h1");
    if (title) title.after(host);
    else main.prepend(host);
  }
  return host;
}

/**
 * A story chart as the page draws it (views.ts): the view's element, or the box of a table it reads that did
 * not load. The sources count among its tables: every chart links its marks to them.
 */
export function drawView<K extends TableKey, S>(view: View<K, S>, data: StoryData<K>, state: S, width: number, slot?: Element): Element {
  return whenLoaded(() => view.render(data, state, width, slot), data, [...view.tables, "sources"]);
}
