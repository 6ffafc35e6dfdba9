/**
 * Data values inside a page's prose and tables. Titles, notes and names in the CSVs are English data values:
 * a Chinese page shows them as they are, in an element marked lang="en", so screen readers and the "left in
 * English" test know they are data, not the page's own words. A name given as "Wutong Auto (梧桐汽车)" has its
 * Chinese form in brackets; a Chinese page uses that. English pages get plain strings, as they always did.
 */
import {listText, type Lang} from "../i18n.js";

const HAN = /\p{Script=Han}/u;

/** The Chinese form of a data name "English (中文)", if it has one. */
export function chineseForm(name: string): string | null {
  const match = /\(([^()]+)\)\s*$/.exec(name);
  return match && HAN.test(match[1]) && !/[A-Za-z]/.test(match[1]) ? match[1].trim() : null;
}

/** An English data value: as it is in English; in Chinese, a span marked lang="en" (unless it is Chinese already). */
export function dataText(text: string, lang: Lang, doc: Document = globalThis.document): string | HTMLElement {
  if (lang === "en" || !text || HAN.test(text) || !/[A-Za-z]/.test(text)) return text;
  const span = doc.createElement("span");
  span.lang = "en";
  span.textContent = text;
  return span;
}

/**
 * Names from the data as a list: "a, b and c" in English, "a、b和c" in Chinese (or each joined by `separator`);
 * in Chinese each name takes its Chinese form where the data gives one, else stays as it is, marked lang="en".
 */
export function dataNames(names: readonly string[], lang: Lang, separator?: string, doc: Document = globalThis.document): string | HTMLElement {
  if (lang === "en") return separator === undefined ? listText(names, lang) : names.join(separator);
  const span = doc.createElement("span");
  names.forEach((raw, i) => {
    if (i > 0) span.append(separator ?? (i === names.length - 1 ? "和" : "、"));
    span.append(dataText(chineseForm(raw) ?? raw, lang, doc));
  });
  return span;
}
