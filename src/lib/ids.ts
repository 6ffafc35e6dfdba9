/**
 * Small helpers for the identifier and list conventions of `data/README.md`.
 */

const KEBAB_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** True for a kebab-case ASCII id (`[a-z0-9]+(-[a-z0-9]+)*`), the only form ids may take in the sources. */
export function isKebabId(s: string): boolean {
  return KEBAB_ID.test(s);
}

/** Splits a `;`-separated list cell; spaces around items are trimmed and empty items (`a;;b`, `a;`) dropped. */
export function splitList(s: string): string[] {
  return s
    .split(";")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/** How an investor name is compared with the aliases: full-width brackets folded, spaces tidied, lower case. */
export function aliasKey(name: string): string {
  return name.replace(/（/g, "(").replace(/）/g, ")").replace(/\s+/g, " ").trim().toLowerCase();
}
