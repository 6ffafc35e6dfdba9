/**
 * Post-build patches to Framework 1.13's page template, mending three accessibility faults in every built page:
 * the document has no language; the sidebar's close <label> sits directly inside an <ol> (a list may only hold
 * list items); the sidebar toggle is named by a title alone.
 *
 * Each patch names the markup it targets and the pattern it rewrites. A page that has the target but not the
 * pattern is a build error: Framework's template changed and the fault may be back. A patch that mends no page
 * of the whole site is an error too, since its target itself may have been renamed.
 */
import {readFileSync, writeFileSync} from "node:fs";
import {relative} from "node:path";
import {walkFiles} from "../files.js";

export interface TemplatePatch {
  name: string;
  /** Whether the page has the markup this patch is for (a page may leave out the sidebar). */
  targets: (html: string) => boolean;
  /** Whether the page is already as the patch would leave it (finalize-build run twice, or Framework fixed it). */
  holds: (html: string) => boolean;
  /** The mended page, or undefined when the pattern is not in it. */
  apply: (html: string) => string | undefined;
}

/** Replaces the first match with what `replacer` returns; undefined when nothing matches. */
function replaceOnce(html: string, pattern: RegExp, replacer: (...groups: string[]) => string): string | undefined {
  const match = pattern.exec(html);
  if (!match) return undefined;
  return html.slice(0, match.index) + replacer(...match) + html.slice(match.index + match[0].length);
}

const hasSidebar = (html: string): boolean => html.includes('<nav id="observablehq-sidebar">');

export const TEMPLATE_PATCHES: readonly TemplatePatch[] = [
  {
    name: "html-lang",
    targets: (html) => /<html\b/i.test(html),
    holds: (html) => /<html\b[^>]*\slang=/i.test(html),
    apply: (html) => replaceOnce(html, /<html\b([^>]*)>/i, (_, attributes) => `<html lang="en"${attributes}>`)
  },
  {
    name: "sidebar-close-outside-list",
    targets: hasSidebar,
    holds: (html) => /<nav id="observablehq-sidebar">\s*<label id="observablehq-sidebar-close"/.test(html),
    apply: (html) =>
      replaceOnce(
        html,
        /(<nav id="observablehq-sidebar">\s*)<ol>\s*(<label id="observablehq-sidebar-close"[^>]*><\/label>)/,
        (_, nav, label) => `${nav}${label}\n  <ol>`
      )
  },
  {
    name: "sidebar-toggle-label",
    targets: hasSidebar,
    holds: (html) => /<input id="observablehq-sidebar-toggle"[^>]*\saria-label=/.test(html),
    apply: (html) =>
      replaceOnce(html, /(<input id="observablehq-sidebar-toggle" [^>]*\btitle="([^"]*)")/, (_, tag, title) => `${tag} aria-label="${title}"`)
  }
];

/** Framework's pages open with its template; other HTML in the output (copied files) is left alone. */
export function isFrameworkPage(html: string): boolean {
  return /^<!DOCTYPE html>\s*<html\b/i.test(html);
}

/**
 * Applies every patch that targets the page. Returns the page and the patches that hold for it afterwards;
 * throws naming the page and the patch when a targeted pattern is missing.
 */
export function mendHtml(html: string, page = "page", patches = TEMPLATE_PATCHES): {html: string; held: string[]} {
  const held: string[] = [];
  if (!isFrameworkPage(html)) return {html, held};
  for (const patch of patches) {
    if (!patch.targets(html)) continue;
    if (!patch.holds(html)) {
      const mended = patch.apply(html);
      if (mended === undefined || !patch.holds(mended)) {
        throw new Error(`${page}: template patch ${patch.name} found nothing to mend; Framework's page template changed, re-verify the patch in scripts/framework/template.ts`);
      }
      html = mended;
    }
    held.push(patch.name);
  }
  return {html, held};
}

/** Mends every built page in place; returns how many pages changed. */
export function mendPages(dist = "dist", patches = TEMPLATE_PATCHES): number {
  let count = 0;
  const held = new Set<string>();
  for (const file of walkFiles(dist)) {
    if (!file.endsWith(".html")) continue;
    const html = readFileSync(file, "utf8");
    const mended = mendHtml(html, relative(dist, file), patches);
    for (const name of mended.held) held.add(name);
    if (mended.html !== html) {
      writeFileSync(file, mended.html);
      count += 1;
    }
  }
  const unused = patches.filter((patch) => !held.has(patch.name)).map((patch) => patch.name);
  if (unused.length) {
    throw new Error(`${dist}: template patches ${unused.join(", ")} found no page to mend; re-verify them in scripts/framework/template.ts`);
  }
  return count;
}
