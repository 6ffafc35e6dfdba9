/**
 * What a built page loads once a reader can see it. The build (scripts/framework/firstPaint.ts) moves the
 * page's modules, their preloads and its stylesheets into `<template id="atlas-after-paint">`; this puts them
 * into the document after the first frame is painted, so the build-time chart shows before the browser
 * downloads and evaluates the live page. Scripts cloned from a template run when inserted.
 */

/**
 * Runs `then` once the page's first frame is on the screen: when the browser reports the first contentful paint.
 * A frame callback only says a frame is about to be drawn; drawing it (raster, compositing) still takes tens of
 * milliseconds on other threads, which the page's downloads and module evaluation would otherwise compete with
 * on a small CPU. Where paint timing is missing, the next frame and a task after it stand in.
 */
export function afterNextPaint(then: () => void, doc: Document = document): void {
  const view = doc.defaultView;
  // A hidden tab draws no frames; waiting would leave it without its page until shown.
  if (!view || doc.visibilityState === "hidden") return void setTimeout(then, 0);
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    setTimeout(then, 0);
  };
  const Observer = (view as Window & typeof globalThis).PerformanceObserver;
  if (!Observer?.supportedEntryTypes?.includes("paint")) return void view.requestAnimationFrame(start);
  // A page with nothing contentful to paint never reports it.
  const fallback = setTimeout(() => {
    observer.disconnect();
    start();
  }, FIRST_PAINT_WAIT_MS);
  const observer = new Observer((list) => {
    if (!list.getEntriesByName("first-contentful-paint").length) return;
    observer.disconnect();
    clearTimeout(fallback);
    start();
  });
  // Buffered: the paint has often happened before this script runs.
  observer.observe({type: "paint", buffered: true});
}

/** How long a page waits for its first contentful paint before it starts anyway. */
export const FIRST_PAINT_WAIT_MS = 3000;

/** Resolves when the stylesheet has loaded or failed (a failed one must not keep the page from starting). */
function settled(link: HTMLLinkElement): Promise<void> {
  return new Promise((done) => {
    link.addEventListener("load", () => done(), {once: true});
    link.addEventListener("error", () => done(), {once: true});
  });
}

/**
 * Empties the page's after-paint template into its head: the whole stylesheets first, then, once they have
 * loaded, the preloads and modules, so nothing a module draws shows unstyled. Resolves to whether there
 * was a template.
 */
export async function startPage(doc: Document = document): Promise<boolean> {
  const template = doc.getElementById("atlas-after-paint") as HTMLTemplateElement | null;
  if (template?.localName !== "template") return false;
  const content = doc.importNode(template.content, true);
  template.remove();
  const sheets = [...content.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')];
  const loaded = Promise.all(sheets.map(settled));
  doc.head.append(...sheets);
  await loaded;
  doc.head.append(content);
  return true;
}
