/**
 * The language switch keeps the reader's view: the link to the page's twin (written by the build, see
 * scripts/framework/edition.ts) gets the current query string whenever it is about to be followed or copied,
 * so `/funding?companies=zhipu,moonshot&scale=log` opens `/zh/funding?companies=zhipu,moonshot&scale=log`.
 * The filters write the URL as they change (urlState.ts), so `location.search` is the view. The section
 * (`#hash`) goes along too: the twins' sections share their ids (`## 谁投了谁 {#who-backed-whom}`). With
 * scripts off the link still opens the twin, in its default view.
 */
export function bindLanguageSwitch(doc: Document = document): void {
  for (const link of doc.querySelectorAll<HTMLAnchorElement>("a[data-twin]")) {
    const base = link.getAttribute("href")!.replace(/[?#].*$/, "");
    const update = () => link.setAttribute("href", base + doc.defaultView!.location.search + doc.defaultView!.location.hash);
    for (const type of ["pointerdown", "focus", "mouseenter", "click", "contextmenu"]) link.addEventListener(type, update);
    update();
  }
}
