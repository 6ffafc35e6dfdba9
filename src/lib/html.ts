/**
 * Escaping for text that page loaders put into generated Markdown. Beyond HTML's five characters, `$` and
 * the backtick are escaped: Framework would read `${…}` in a page as a live JavaScript expression, so a
 * source title containing one must reach the page as inert text.
 */
export function escapeHtml(value: unknown): string {
  return String(value ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;")
    .replace(/\$/g, "&#36;")
    .replace(/`/g, "&#96;")
    // Markdown would turn these into emphasis or links inside an HTML block's text in some positions.
    .replace(/\*/g, "&#42;")
    .replace(/_/g, "&#95;")
    .replace(/\[/g, "&#91;")
    .replace(/\]/g, "&#93;");
}

/** An http(s) URL safe for an href, or null (a `javascript:` URL in the data never becomes a link). */
export function safeHref(url: unknown): string | null {
  if (typeof url !== "string") return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}
