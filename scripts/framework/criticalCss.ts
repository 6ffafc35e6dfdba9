/**
 * The part of a stylesheet a page needs for its first paint: the rules whose selectors match an element of the
 * page as built (what the reader sees before any script runs), with every at-rule that holds such rules. The
 * whole stylesheet follows after the first paint, in its own order, so the cascade ends as it would have been;
 * this only spares the browser parsing and matching some 30 kB of rules for things no script has drawn yet.
 *
 * The stylesheet's text is cut, not re-serialised: a kept rule is the source's own bytes.
 */

/** States the page may be in before the full stylesheet arrives (a reader hovering, a checkbox restored). */
const DYNAMIC = /::?(?:hover|focus-visible|focus-within|focus|active|visited|link|target|checked|indeterminate|disabled|enabled|placeholder-shown|invalid|valid|before|after|marker|placeholder|selection|backdrop|first-letter|first-line|file-selector-button|-webkit-[a-z-]+|-moz-[a-z-]+)(?![\w-])/g;

/** Rules kept whole, whatever they hold: fonts, animations, registered properties, layer order. */
const VERBATIM = /^@(?:font-face|keyframes|-webkit-keyframes|property|layer\s+[^{]*$|counter-style|page)/;

interface Block {
  prelude: string;
  /** The text between the braces; undefined for a statement (`@layer a, b;`). */
  body?: string;
  text: string;
}

/** Top-level rules and at-rules of a stylesheet (comments dropped), respecting strings and nesting. */
export function splitRules(css: string): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  let start = 0;
  const skipString = (quote: string): void => {
    for (++i; i < css.length && css[i] !== quote; ++i) if (css[i] === "\\") ++i;
  };
  let prelude = "";
  while (i < css.length) {
    const c = css[i];
    if (c === "/" && css[i + 1] === "*") {
      const end = css.indexOf("*/", i + 2);
      prelude += css.slice(start, i);
      i = end < 0 ? css.length : end + 2;
      start = i;
      continue;
    }
    if (c === '"' || c === "'") skipString(c);
    else if (c === ";") {
      const text = (prelude + css.slice(start, i + 1)).trim();
      if (text !== ";") blocks.push({prelude: text.slice(0, -1).trim(), text});
      prelude = "";
      start = i + 1;
    } else if (c === "{") {
      const head = (prelude + css.slice(start, i)).trim();
      let depth = 1;
      const open = i;
      for (++i; i < css.length && depth; ++i) {
        const d = css[i];
        // A comment inside a rule is skipped whole: an apostrophe in it ("a chip's text") is not a string's start.
        if (d === "/" && css[i + 1] === "*") {
          const end = css.indexOf("*/", i + 2);
          i = end < 0 ? css.length : end + 1;
          continue;
        }
        if (d === '"' || d === "'") skipString(d);
        else if (d === "{") ++depth;
        else if (d === "}") --depth;
      }
      const body = css.slice(open + 1, i - 1);
      blocks.push({prelude: head, body, text: `${head}{${body}}`});
      prelude = "";
      start = i;
      continue;
    } else if (c === "}") {
      // A stray closing brace: skip it, as a browser would.
      start = i + 1;
    }
    ++i;
  }
  return blocks;
}

/** Splits a selector list at its top-level commas (not those inside `:is(…)` or an attribute's quotes). */
export function splitSelectors(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  let quote = "";
  for (let i = 0; i < list.length; ++i) {
    const c = list[i];
    if (quote) {
      if (c === "\\") ++i;
      else if (c === quote) quote = "";
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "(" || c === "[") ++depth;
    else if (c === ")" || c === "]") --depth;
    else if (c === "," && !depth) {
      out.push(list.slice(from, i).trim());
      from = i + 1;
    }
  }
  out.push(list.slice(from).trim());
  return out.filter(Boolean);
}

/** The selector as it can match the page before any reader action: dynamic states and pseudo-elements removed. */
export function staticSelector(selector: string): string {
  // "a:not(:hover)" became "a:not()": the emptied test goes, leaving "a".
  let s = selector.replace(DYNAMIC, "").replace(/:[\w-]+\(\s*\)/g, "").trim();
  // "a > :hover" became "a >": any element may be in that state.
  if (!s || /[>+~]$/.test(s)) s += "*";
  return s;
}

/**
 * The rules of `css` the page needs first; `matches(selector)` says whether the page has an element for it
 * (a selector it cannot read counts as matching, so nothing is lost for a syntax this step does not know).
 */
export function criticalCss(css: string, matches: (selector: string) => boolean): string {
  const kept: string[] = [];
  for (const block of splitRules(css)) {
    if (block.body === undefined) kept.push(block.text);
    else if (block.prelude.startsWith("@")) {
      if (VERBATIM.test(block.prelude)) kept.push(block.text);
      else {
        // @media, @supports, @container, @layer x { … }: the rules inside are chosen the same way.
        const inner = criticalCss(block.body, matches);
        if (inner) kept.push(`${block.prelude}{${inner}}`);
      }
    } else if (splitSelectors(block.prelude).some((selector) => safeMatches(matches, staticSelector(selector)))) {
      kept.push(block.text);
    }
  }
  return kept.join("\n");
}

function safeMatches(matches: (selector: string) => boolean, selector: string): boolean {
  try {
    return matches(selector);
  } catch {
    return true;
  }
}

/**
 * A fast, generous test of whether a page has elements for a selector: every class, id and element name the
 * selector requires (outside `:not(…)`) occurs in the page. Generous (it ignores combinators and attributes),
 * so it may keep a rule the page does not need, never drop one it does.
 */
export function pageMatcher(html: string): (selector: string) => boolean {
  const classes = new Set<string>();
  const ids = new Set<string>();
  // Every page has its root, even when `html` is only the body: the Chinese edition's rules start at html[lang].
  const tags = new Set<string>(["html"]);
  for (const [, tag] of html.matchAll(/<([a-zA-Z][\w-]*)/g)) tags.add(tag.toLowerCase());
  for (const [, list] of html.matchAll(/\sclass="([^"]*)"/g)) for (const name of list.split(/\s+/)) if (name) classes.add(name);
  for (const [, id] of html.matchAll(/\sid="([^"]*)"/g)) ids.add(id);
  return (selector) => {
    const required = selector.replace(/:not\((?:[^()]|\([^()]*\))*\)/g, "").replace(/\[[^\]]*\]/g, "").replace(/\((?:[^()]|\([^()]*\))*\)/g, "");
    for (const [, name] of required.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)) if (!classes.has(name)) return false;
    for (const [, id] of required.matchAll(/#(-?[_a-zA-Z][\w-]*)/g)) if (!ids.has(id)) return false;
    for (const [, tag] of required.matchAll(/(?:^|[\s>+~])([a-zA-Z][\w-]*)/g)) if (!tags.has(tag.toLowerCase())) return false;
    return true;
  };
}
