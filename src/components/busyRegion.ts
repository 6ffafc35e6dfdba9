/**
 * A region of the page that waits for data: it says what it is waiting for (aria-busy, a visible message),
 * then shows the result, or a readable error instead of a dead cell. Browser tests wait for aria-busy to
 * clear, and the time it took is recorded as a performance mark for the benchmarks.
 */
export function busyRegion(message: string, {id, document: doc = globalThis.document}: {id?: string; document?: Document} = {}): HTMLElement {
  const region = doc.createElement("div");
  region.className = "atlas-region";
  if (id) region.id = id;
  region.setAttribute("aria-busy", "true");
  region.setAttribute("aria-live", "polite");
  const status = doc.createElement("p");
  status.className = "atlas-loading";
  status.textContent = message;
  region.append(status);
  return region;
}

/** Replaces the region's content with what `render` resolves to; an error becomes a message in the region. */
export async function fillRegion(region: HTMLElement, render: () => Promise<Node | Node[]>): Promise<void> {
  try {
    const content = await render();
    region.replaceChildren(...(Array.isArray(content) ? content : [content]));
    if (region.id && typeof performance !== "undefined") performance.mark(`atlas:${region.id}:ready`);
  } catch (error) {
    region.replaceChildren(errorMessage(error, region.ownerDocument));
    if (region.id && typeof performance !== "undefined") performance.mark(`atlas:${region.id}:error`);
  } finally {
    region.setAttribute("aria-busy", "false");
  }
}

/** A readable error: what went wrong, and the SQL when a query failed. */
export function errorMessage(error: unknown, doc: Document = globalThis.document): HTMLElement {
  const box = doc.createElement("div");
  box.className = "atlas-error";
  box.setAttribute("role", "alert");
  const text = doc.createElement("p");
  text.textContent = error instanceof Error ? error.message : String(error);
  box.append(text);
  const sql = (error as {sql?: string})?.sql;
  if (sql) {
    const pre = doc.createElement("pre");
    pre.textContent = sql;
    box.append(pre);
  }
  return box;
}
