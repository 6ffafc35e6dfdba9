/**
 * What a page says, next to its filter bar, about the address's parameters it corrected or ignored
 * (urlState.ts's checkParams), in the page's language: "Ignored scale=cubic: not one of linear, log." A reader
 * who followed a mangled or hand-edited link sees why the view is not the one the link asked for, and the address
 * bar shows what the page actually uses.
 *
 * The URL's text is the reader's (or a stranger's) input: it is only ever set as text, and cut short, so a
 * hostile or huge value can neither run nor stretch the page.
 */
import {bilingual, formatDay, type Lang} from "./i18n.js";
import type {ParamNotice, ParamProblem} from "./urlState.js";

/** A piece of the address, shown as code; the rest of a sentence is plain text. */
type Part = string | {code: string};

/** The longest piece of an address a notice quotes; a longer one is cut with an ellipsis. */
const QUOTE_CHARS = 60;

const quote = (text: string): {code: string} => ({code: text.length > QUOTE_CHARS ? `${text.slice(0, QUOTE_CHARS - 1)}…` : text});

/** A day of the data's span as the page's prose writes days. */
const day = (iso: string, lang: Lang) => formatDay(new Date(`${iso}T00:00:00Z`), lang);

const TEXT = bilingual({
  en: {
    why(problem: ParamProblem): string {
      switch (problem.kind) {
        case "empty":
          return "it has no value";
        case "notOneOf":
          return `not one of ${problem.choices.join(", ")}`;
        case "unknownIds":
          return "none of it is among this page’s choices";
        case "notFlag":
          return "not 1 or 0";
        case "notDate":
          return "not a date (write it as 2024-01-31)";
        case "dateOutside":
          return `outside the data, which run from ${day(problem.min, "en")} to ${day(problem.max, "en")}`;
        case "notDateRange":
          return "not a date range (write it as 2024-01-01..2024-06-30)";
        case "reversed":
          return "the range ends before it starts";
        case "rangeOutside":
        case "clamped":
          return `wholly outside the data, which run from ${day(problem.min, "en")} to ${day(problem.max, "en")}`;
      }
    },
    ignored: (param: string, problem: ParamProblem): Part[] => ["Ignored ", quote(param), `: ${TEXT("en").why(problem)}.`],
    dropped: (key: string, ids: string[]): Part[] => ["Ignored ", quote(ids.join(",")), " in ", quote(key), `: not among this page’s choices.`],
    clamped: (param: string, corrected: string, min: string, max: string): Part[] => [
      "Clamped ",
      quote(param),
      " to ",
      quote(corrected),
      `: the data run from ${day(min, "en")} to ${day(max, "en")}.`
    ]
  },
  zh: {
    why(problem: ParamProblem): string {
      switch (problem.kind) {
        case "empty":
          return "没有给出取值";
        case "notOneOf":
          return `可选的值只有 ${problem.choices.join("、")}`;
        case "unknownIds":
          return "其中没有一项是本页的选项";
        case "notFlag":
          return "只能是 1 或 0";
        case "notDate":
          return "这不是有效的日期（应写作 2024-01-31 这样的形式）";
        case "dateOutside":
          return `数据的时间范围是${day(problem.min, "zh")}至${day(problem.max, "zh")}，这个日期不在其中`;
        case "notDateRange":
          return "这不是有效的日期范围（应写作 2024-01-01..2024-06-30 这样的形式）";
        case "reversed":
          return "结束日期早于开始日期";
        case "rangeOutside":
        case "clamped":
          return `数据的时间范围是${day(problem.min, "zh")}至${day(problem.max, "zh")}，这个区间完全在范围之外`;
      }
    },
    ignored: (param: string, problem: ParamProblem): Part[] => ["已忽略 ", quote(param), `：${TEXT("zh").why(problem)}。`],
    dropped: (key: string, ids: string[]): Part[] => ["已忽略 ", quote(key), " 中的 ", quote(ids.join(",")), "：本页没有这些选项。"],
    clamped: (param: string, corrected: string, min: string, max: string): Part[] => [
      quote(param),
      ` 超出了数据的时间范围（${day(min, "zh")}至${day(max, "zh")}），已收窄为 `,
      quote(corrected),
      "。"
    ]
  }
});

/** The sentence for one notice, as parts (plain text and pieces of the address). */
function noticeParts(notice: ParamNotice, lang: Lang): Part[] {
  const t = TEXT(lang);
  const param = `${notice.key}=${notice.raw}`;
  const {problem, corrected} = notice;
  if (corrected !== undefined && problem.kind === "clamped") return t.clamped(param, `${notice.key}=${corrected}`, problem.min, problem.max);
  if (corrected !== undefined && problem.kind === "unknownIds") return t.dropped(notice.key, problem.ids);
  return t.ignored(param, problem);
}

/** The sentence for one notice, as text. */
export function noticeText(notice: ParamNotice, lang: Lang = "en"): string {
  return noticeParts(notice, lang)
    .map((part) => (typeof part === "string" ? part : part.code))
    .join("");
}

/** The notices as a status note, one sentence each, to put by the filter bar. */
export function paramNotice(notices: ParamNotice[], {lang = "en", document: doc = globalThis.document}: {lang?: Lang; document?: Document} = {}): HTMLElement {
  const root = doc.createElement("div");
  root.className = "atlas-url-notice atlas-note";
  root.setAttribute("role", "status");
  for (const notice of notices) {
    const p = doc.createElement("p");
    for (const part of noticeParts(notice, lang)) {
      if (typeof part === "string") p.append(part);
      else {
        const code = doc.createElement("code");
        code.textContent = part.code;
        p.append(code);
      }
    }
    root.append(p);
  }
  return root;
}
