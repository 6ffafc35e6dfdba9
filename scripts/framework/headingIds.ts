/**
 * Heading ids for Chinese pages. Framework slugs headings with @sindresorhus/slugify, which drops every Han
 * character, so "## 谁投了谁" gets the id "" and the next one "-1": the table of contents, in-page links and the
 * search's "open at this section" all break. This markdown-it rule runs before markdown-it-anchor (which keeps
 * an id already set) and gives a heading
 * - the id written after it, `## 谁投了谁 {#who-backed-whom}` (so a Chinese section can share its English
 *   twin's id), or
 * - when the heading has Han characters and no id is written, its own words as the id ("谁投了谁").
 * Latin headings are left to Framework, so English pages keep their ids.
 */

const EXPLICIT = /\s*\{#([A-Za-z][\w-]*)\}\s*$/;
const HAN = /\p{Script=Han}/u;

/** A heading's id from its own words, keeping Han characters: "密度法则 (3.3 个月)" → "密度法则-3-3-个月". */
export function unicodeSlug(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

type Token = {type: string; content: string; children: Token[] | null; attrGet(name: string): string | null; attrSet(name: string, value: string): void};
/** The part of markdown-it's interface this rule uses (Framework passes its own instance). */
interface MarkdownIt {
  core: {ruler: {before(name: string, rule: string, fn: (state: {tokens: unknown[]}) => boolean): void}};
}

export function headingIds<M extends MarkdownIt>(md: M): M {
  md.core.ruler.before("anchor", "atlas-heading-ids", (state) => {
    const tokens = state.tokens as unknown as Token[];
    for (let i = 0; i < tokens.length - 1; i++) {
      if (tokens[i].type !== "heading_open" || tokens[i].attrGet("id") !== null) continue;
      const inline = tokens[i + 1];
      const last = inline.children?.[inline.children.length - 1];
      const explicit = last?.type === "text" ? EXPLICIT.exec(last.content) : null;
      if (explicit && last) {
        last.content = last.content.slice(0, explicit.index);
        inline.content = inline.content.replace(EXPLICIT, "");
        tokens[i].attrSet("id", explicit[1]);
      } else if (HAN.test(inline.content)) {
        const slug = unicodeSlug(inline.content.replace(/\$\{[^}]*\}/g, ""));
        if (slug) tokens[i].attrSet("id", slug);
      }
    }
    return false;
  });
  return md;
}
