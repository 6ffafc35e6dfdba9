/**
 * The two languages of the atlas. A component keeps its strings in both languages side by side
 * (`bilingual({en, zh})`) and takes the page's language as an option, so a chart is written once and speaks
 * English on `/…` and Chinese on `/zh/…`. Numbers and dates follow the reader's conventions here: `12.3亿美元`
 * and `2026年1月8日` in Chinese, `$1.23bn` and `2026-01-08` in English. Amounts as a source reported them are
 * never reformatted; they are quotes.
 *
 * Nothing here touches the DOM except `documentLang`, so charts render the same under jsdom at build time.
 */
import {format as d3format} from "d3-format";

export type Lang = "en" | "zh";
export const LANGS: readonly Lang[] = ["en", "zh"];

/** The value of <html lang> and of `lang` attributes for each language. */
export const HTML_LANG: Record<Lang, string> = {en: "en", zh: "zh-CN"};

/** The path prefix of each edition: English at the root, Chinese under /zh/. */
export const PATH_PREFIX: Record<Lang, string> = {en: "", zh: "/zh"};

/** "en" or "zh" from a BCP 47 tag ("zh-CN", "zh-Hans", "en-GB"); English for anything else. */
export function langOfTag(tag: string | null | undefined): Lang {
  return /^zh\b/i.test(tag ?? "") ? "zh" : "en";
}

/** The language of the page a script runs in (its <html lang>); English where there is no document. */
export function documentLang(doc: Document | undefined = globalThis.document): Lang {
  return langOfTag(doc?.documentElement?.getAttribute("lang"));
}

/** A component's strings in both languages, of one shape, so the type checker catches a key left out. */
export function bilingual<T>(text: {en: T; zh: T}): (lang?: Lang) => T {
  return (lang = "en") => text[lang];
}

// --- Numbers ---------------------------------------------------------------------------------------------

const sig3 = d3format(".3~r");

/** A number with the language's separators: "1,234.5" in both (Chinese uses the same digits and commas). */
export function formatNumber(value: number | null | undefined, lang: Lang = "en", digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return lang === "zh" ? "无" : "n/a";
  return numberFormat(`${lang}:${digits}`, () => new Intl.NumberFormat(HTML_LANG[lang], {maximumFractionDigits: digits})).format(value);
}

/** A count or amount in compact notation: "12K"/"1.2M" in English, "1.2万"/"12亿" in Chinese. */
export function formatCompact(value: number, lang: Lang = "en"): string {
  return numberFormat(`${lang}:compact`, () => new Intl.NumberFormat(HTML_LANG[lang], {notation: "compact", maximumSignificantDigits: 3})).format(value);
}

// Formatters are costly to make and cheap to use, so each kind is made once, for every module that formats.
const formats = new Map<string, Intl.NumberFormat>();
/** The formatter `make()` gives, made once for `key`. */
export function numberFormat(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
  let format = formats.get(key);
  if (!format) formats.set(key, (format = make()));
  return format;
}

/**
 * US dollar millions: "$300m", "$1.2bn" in English; "3亿美元", "12亿美元", "4500万美元" in Chinese, where
 * amounts are counted in 万 (10⁴) and 亿 (10⁸).
 */
export function formatUsdMillions(value: number | null | undefined, lang: Lang = "en"): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return lang === "zh" ? "无" : "n/a";
  if (lang === "zh") {
    const dollars = value * 1e6;
    if (Math.abs(dollars) >= 1e8) return `${sig3(dollars / 1e8)}亿美元`;
    if (Math.abs(dollars) >= 1e4) return `${sig3(dollars / 1e4)}万美元`;
    return `${sig3(dollars)}美元`;
  }
  if (Math.abs(value) >= 1000) return `$${sig3(value / 1000)}bn`;
  return `$${sig3(value)}m`;
}

/** Tick labels of a USD-millions axis: "$1bn" / "10亿" (the axis label says 美元). */
export function usdTick(value: number, lang: Lang = "en"): string {
  if (lang === "zh") {
    const dollars = value * 1e6;
    if (Math.abs(dollars) >= 1e8) return `${sig3(dollars / 1e8)}亿`;
    if (Math.abs(dollars) >= 1e4) return `${sig3(dollars / 1e4)}万`;
    return sig3(dollars);
  }
  return Math.abs(value) >= 1000 ? `$${sig3(value / 1000)}bn` : `$${sig3(value)}m`;
}

// --- Dates -------------------------------------------------------------------------------------------------

/** A UTC day: "2026-01-08" in English, "2026年1月8日" in Chinese. */
export function formatDay(date: Date, lang: Lang = "en"): string {
  if (lang === "zh") return `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日`;
  return date.toISOString().slice(0, 10);
}

/** A UTC month: "Jan 2026" in English, "2026年1月" in Chinese. */
export function formatMonth(date: Date, lang: Lang = "en"): string {
  if (lang === "zh") return `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月`;
  return date.toLocaleDateString("en-GB", {month: "short", year: "numeric", timeZone: "UTC"});
}

/**
 * A date as a source gave it, in the reader's language. The data's own forms ("2024-07-19", "2024-07",
 * "2024", "2024-H1", "2024 Q3", with "(approx.)", "~" or "late" around them) read as Chinese dates on a Chinese
 * page; anything else (a quote such as "spring 2024") is left as it is.
 */
export function formatDateText(raw: string, lang: Lang = "en"): string {
  if (lang === "en") return raw;
  let text = raw.trim();
  let prefix = "";
  let suffix = "";
  const approx = /\s*\((approx\.?|approximately|about|est\.?)\)\s*$/i;
  if (approx.test(text) || /^(~|c\.\s*|about\s+|approx\.?\s+)/i.test(text)) {
    text = text.replace(approx, "").replace(/^(~|c\.\s*|about\s+|approx\.?\s+)/i, "");
    prefix = "约";
  }
  const early = /^(early|mid|late)\s+/i.exec(text);
  if (early) {
    text = text.slice(early[0].length);
    suffix = {early: "初", mid: "中", late: "底"}[early[1].toLowerCase() as "early" | "mid" | "late"];
  }
  let match: RegExpExecArray | null;
  let out: string | null = null;
  if ((match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text))) out = `${+match[1]}年${+match[2]}月${+match[3]}日`;
  else if ((match = /^(\d{4})-(\d{2})$/.exec(text))) out = `${+match[1]}年${+match[2]}月`;
  else if ((match = /^(\d{4})$/.exec(text))) out = `${match[1]}年`;
  else if ((match = /^(\d{4})[- ]?H([12])$/i.exec(text))) out = `${match[1]}年${match[2] === "1" ? "上" : "下"}半年`;
  else if ((match = /^(\d{4})[- ]?Q([1-4])$/i.exec(text))) out = `${match[1]}年第${"一二三四"[+match[2] - 1]}季度`;
  else if ((match = /^(\d{4})[- ]?9M$/i.exec(text))) out = `${match[1]}年前三季度`;
  if (out === null) return raw;
  if (suffix) out = out.replace(/(日|月|年)$/, (unit) => `${unit}${suffix}`);
  return `${prefix}${out}`;
}

// --- Words -------------------------------------------------------------------------------------------------

/** "a", "a and b", "a, b and c" in English; "a"、"a和b"、"a、b和c" in Chinese. */
export function listText(items: readonly string[], lang: Lang = "en"): string {
  if (lang === "zh") {
    if (items.length <= 1) return items[0] ?? "";
    return `${items.slice(0, -1).join("、")}和${items[items.length - 1]}`;
  }
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** Parenthesised aside: " (x)" in English, "（x）" in Chinese. */
export function aside(text: string, lang: Lang = "en"): string {
  return lang === "zh" ? `（${text}）` : ` (${text})`;
}

// --- Amounts in their own currency (added for the company pages) -------------------------------------------

/** How Chinese names a currency after an amount: 7.24亿元, 7900万美元, 3亿港元. */
const CURRENCY_ZH: Record<string, string> = {CNY: "元", USD: "美元", HKD: "港元"};

/**
 * Millions of a reporting currency, converted by nothing: "CNY 724m", "USD 79m" in English; "7.24亿元",
 * "7900万美元" in Chinese. "" when there is no value.
 */
export function formatCurrencyMillions(value: number | null | undefined, currency: string | null | undefined, lang: Lang = "en"): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "";
  if (lang === "zh") return `${formatCompact(value * 1e6, "zh")}${CURRENCY_ZH[currency ?? ""] ?? (currency ? ` ${currency}` : "")}`;
  return `${currency ?? ""} ${d3format(",.6~f")(value)}m`.trim();
}

// --- Time axes (added for the charts' Chinese ticks) ------------------------------------------------------

/**
 * A tick of a UTC time axis in Chinese, at the precision the tick stands for: "2024年" on the first day of a
 * year, "7月" on the first of any other month, "7月8日" on any other day. Like d3's English ticks ("2024",
 * "July", "Jul 08"), a month tick leaves its year to the year tick beside it: "2023年10月" under each of a
 * quarterly axis's ticks would run into its neighbours at phone widths. English is d3's format, for symmetry;
 * the charts keep d3's own English ticks.
 */
export function formatTimeTick(date: Date, lang: Lang = "zh"): string {
  const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  if (lang === "en") {
    if (d === 1) return m === 1 ? String(y) : date.toLocaleDateString("en-GB", {month: "long", timeZone: "UTC"});
    return `${date.toLocaleDateString("en-GB", {month: "short", timeZone: "UTC"})} ${String(d).padStart(2, "0")}`;
  }
  if (d === 1) return m === 1 ? `${y}年` : `${m}月`;
  return `${m}月${d}日`;
}
