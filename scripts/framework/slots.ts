/**
 * Prerender slots: a page marks where a build-time chart goes with an empty
 * `<div id="prerender-NAME" class="atlas-prerender" …></div>`, and the build writes the chart into it.
 * Splicing is by index, never `String.replace(tag, text)`: chart text such as "$&" or "$'" would be read as
 * replacement patterns and copy parts of the page into the chart.
 */

const SLOT = /<div id="prerender-([a-z0-9-]+)" class="atlas-prerender"([^>]*)><\/div>/g;

/** Renders a slot's content from its name, its other attributes (as written) and the whole empty slot tag. */
export type RenderSlot = (name: string, attributes: string, slotTag: string) => Promise<string>;

/** Fills every empty slot in the page, in document order; a page without slots comes back unchanged. */
export async function fillSlots(html: string, render: RenderSlot): Promise<string> {
  const parts: string[] = [];
  let end = 0;
  for (const match of html.matchAll(SLOT)) {
    const [tag, name, attributes] = match;
    const content = await render(name, attributes, tag);
    const open = tag.slice(0, -"</div>".length);
    parts.push(html.slice(end, match.index), open, content, "</div>");
    end = match.index + tag.length;
  }
  if (!parts.length) return html;
  parts.push(html.slice(end));
  return parts.join("");
}
