/**
 * The overview's phrases (src/components/pages/overview.ts) and its source links, in a module of their own
 * because /funding says some of them too (a round's name in Chinese, a source cell): /funding imports these
 * words without the overview's charts.
 */
import {sourceLinksSpan, type SourceIndex} from "../chart.js";
import {bilingual, listText, type Lang} from "../i18n.js";

/** Confidence ratings of the data, as a Chinese reader says them. */
const CONFIDENCE_ZH: Record<string, string> = {high: "高", medium: "中", low: "低"};

/**
 * The round labels of the data a Chinese reader has words for; any other label ("Strategic stake (Meituan)")
 * is shown as the data has it, in English, marked lang="en".
 */
const ROUND_ZH: Record<string, string> = {
  Angel: "天使轮",
  "Super-angel": "超级天使轮",
  "Pre-A": "Pre-A轮",
  "New round": "新一轮融资",
  "Strategic round": "战略融资",
  "Expansion round": "扩大轮融资",
  "First external round": "首轮外部融资",
  "Founding / angel": "创始及天使轮"
};

/** The overview's phrases in both languages; each function takes the values the sentence quotes. */
export const OVERVIEW_TEXT = bilingual({
  en: {
    top: (name: string, amount: string) => `${name} raised the most, ${amount}`,
    noTop: "no tiger disclosed an amount",
    ranked: (name: string, amount: string) => `${name} (${amount})`,
    round: (round: string | null, _doc: Document): string | Node => round ?? "financing round",
    listedOn: (name: string, date: string) => `${name} on ${date}`,
    listed: (items: string[]) => listText(items, "en"),
    listedDates: (dates: string[]) => dates.join(" and "),
    topValued: (name: string, amount: string, date: string) => `${name}, last valued at ${amount} (${date})`,
    noneTraining: "None of the tigers",
    noneSteppedBack: "none",
    /** Source links carry their source's language as `lang` (not only `hreflang`) where the page is not English. */
    markSourceLang: false,
    noResults: (names: string, count: number) => `${names} ${count === 1 ? "has" : "have"} published no full-year revenue.`,
    results: {
      between: " ",
      revenue: (press: boolean, name: string, period: string, revenue: Node): (string | Node)[] =>
        press ? [`Press reports put ${name}’s revenue for ${period} at `, revenue] : [`${name} reported revenue of `, revenue, ` for ${period}`],
      raised: (funding: Node): (string | Node)[] => [" against ", funding, " raised"],
      loss: (press: boolean, loss: Node): (string | Node)[] => (press ? [", with a net loss of ", loss] : ["; its net loss was ", loss]),
      basis: (press: boolean, confidence: string | null) => (press ? ` (${confidence ?? "unrated"} confidence; not a filing)` : ""),
      end: ".",
      noAmount: (undisclosed: boolean) => (undisclosed ? " None of its financing rounds disclosed an amount." : " It has no financing round with an amount in the data.")
    }
  },
  zh: {
    top: (name: string, amount: string) => `${name}融资最多，达${amount}`,
    noTop: "没有一家披露过融资金额",
    ranked: (name: string, amount: string) => `${name}（${amount}）`,
    round: (round: string | null, doc: Document): string | Node => {
      if (round === null) return "融资";
      const series = /^Series ([A-Z]\d*\+*)$/.exec(round);
      if (series) return `${series[1]}轮`;
      if (Object.hasOwn(ROUND_ZH, round)) return ROUND_ZH[round];
      const span = doc.createElement("span");
      span.lang = "en";
      span.textContent = round;
      return span;
    },
    listedOn: (name: string, date: string) => `${name}于${date}`,
    listed: (items: string[]) => items.join("、"),
    listedDates: (dates: string[]) => listText(dates, "zh"),
    topValued: (name: string, amount: string, date: string) => `${name}，最近一次估值为${amount}（${date}）`,
    noneTraining: "没有一家",
    noneSteppedBack: "没有一家",
    markSourceLang: true,
    noResults: (names: string, _count: number) => `${names}尚未公布完整年度的营收。`,
    results: {
      between: "",
      revenue: (press: boolean, name: string, period: string, revenue: Node): (string | Node)[] =>
        press ? [`据媒体报道，${name}在${period}的营收约为`, revenue] : [`${name}公布的${period}营收为`, revenue],
      raised: (funding: Node): (string | Node)[] => ["，而它披露的融资额为", funding],
      loss: (press: boolean, loss: Node): (string | Node)[] => (press ? ["，净亏损", loss] : ["；同期净亏损", loss]),
      basis: (press: boolean, confidence: string | null) =>
        press ? `（可信度：${confidence ? CONFIDENCE_ZH[confidence] ?? confidence : "未评级"}；并非正式财报）` : "",
      end: "。",
      noAmount: (undisclosed: boolean) => (undisclosed ? "它的各轮融资都没有披露金额。" : "数据中没有它披露了金额的融资轮次。")
    }
  }
});

/**
 * Links to sources in a span (for a sentence, class "atlas-cite"; for a table cell, no class). On a Chinese
 * page each link also says its source's language as `lang`, so an English publisher's name reads as a name,
 * not as prose left untranslated.
 */
export function sourceSpan(ids: readonly string[], sources: SourceIndex, lang: Lang = "en", className?: string, doc: Document = document): HTMLSpanElement {
  const span = sourceLinksSpan(doc, ids, sources, className);
  if (OVERVIEW_TEXT(lang).markSourceLang) for (const a of span.querySelectorAll("a[hreflang]")) a.setAttribute("lang", a.getAttribute("hreflang")!);
  return span;
}
