/**
 * A block of text to copy (a citation, BibTeX): the text in a focusable <pre>, selectable by hand, and a button
 * that copies it. The click handler is attached here, in the page's module, never as an inline `onclick`, so it
 * works under a strict Content-Security-Policy. Where the Clipboard API is missing or refused (an insecure
 * origin), the button selects the text and falls back to the editing command, and says what it did.
 */
import {elementMaker} from "./htmlElements.js";
import {bilingual, type Lang} from "./i18n.js";

const TEXT = bilingual({
  en: {
    copy: "Copy",
    copyLabel: (label: string) => `Copy ${label}`,
    copied: "Copied",
    selected: "Selected: press Ctrl+C (⌘C) to copy"
  },
  zh: {
    copy: "复制",
    copyLabel: (label: string) => `复制${label}`,
    copied: "已复制",
    selected: "已选中，请按 Ctrl+C（⌘C）复制"
  }
});

export interface CopyBlockOptions {
  /** What the text is, for the button's accessible name ("Copy BibTeX"), in the page's language. */
  label: string;
  /** Class of the wrapper, e.g. to find it in tests. */
  className?: string;
  /** Language of the button and its status (default English); the text to copy is left as it is. */
  lang?: Lang;
  /** Language of the text itself, when it differs from the page's (an English citation on a Chinese page: "en"). */
  textLang?: string;
}

export function copyBlock(text: string, {label, className, lang = "en", textLang}: CopyBlockOptions, doc: Document = globalThis.document): HTMLDivElement {
  const t = TEXT(lang);
  const el = elementMaker(doc);
  const wrapper = el("div", ["atlas-copy", className].filter(Boolean).join(" "));
  const pre = el("pre", "atlas-copy-text", text);
  pre.tabIndex = 0;
  if (textLang) pre.lang = textLang;
  const button = el("button", "atlas-copy-button", t.copy);
  button.type = "button";
  button.setAttribute("aria-label", t.copyLabel(label));
  const status = el("span", "atlas-copy-status");
  status.setAttribute("role", "status");
  button.addEventListener("click", async () => {
    status.textContent = (await copyText(text, pre, doc)) ? t.copied : t.selected;
  });
  wrapper.append(pre, button, status);
  return wrapper;
}

/** Copies `text`; returns false when only the selection could be made. */
async function copyText(text: string, pre: HTMLElement, doc: Document): Promise<boolean> {
  try {
    await doc.defaultView!.navigator.clipboard.writeText(text);
    return true;
  } catch {
    const selection = doc.getSelection();
    const range = doc.createRange();
    range.selectNodeContents(pre);
    selection?.removeAllRanges();
    selection?.addRange(range);
    try {
      return doc.execCommand("copy");
    } catch {
      return false;
    }
  }
}
