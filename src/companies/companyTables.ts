/**
 * The words of a company page's tables in both languages: the headers, captions and cell formats of the
 * funding, model, event and results tables, and the reader-facing names of the data's coded values
 * ("high", "cloud", "ipo_listing"). The page's cells (written by companyPage.ts) import this module in the
 * browser, so the table code is the same in both editions and only `lang` differs; companyPage.ts uses the
 * same names for the facts it writes at build time.
 *
 * English shows coded values as the data has them (as the English page always has); Chinese names them.
 * English data values (round names, event titles, build notes) stay as they are on a Chinese page, inside an
 * element with `lang="en"`, so screen readers read them in English and tests can tell data from our prose.
 */
import {BASIS_LABELS, CONFIDENCE_TEXT, DEPLOYMENT_TEXT, EVENT_TYPE_LABELS_ZH} from "../components/chartWords.js";
import {formatValue} from "../components/dataTable.js";
import {aside, bilingual, formatCurrencyMillions, formatDateText, formatUsdMillions, type Lang} from "../components/i18n.js";

type Terms = Record<string, Record<string, string>>;

/** Chinese names of the coded values; English has none and shows the codes. */
export const TERMS = bilingual<Terms>({
  en: {},
  zh: {
    confidence: CONFIDENCE_TEXT("zh"),
    group: {six_tigers: "六小虎", edge: "端侧模型", comparator: "对照公司"},
    course: {pretraining: "仍在预训练", apps: "转向应用", medical: "转向医疗", edge: "端侧模型", listed: "已上市"},
    kind: {round: "融资轮", ipo: "IPO", cumulative: "累计额", in_progress: "洽谈中", disclosure: "信息披露"},
    status: {released: "已发布", announced: "已宣布", abandoned: "已放弃"},
    architecture: {dense: "稠密", moe: "MoE（混合专家）", unknown: "未知"},
    open_weights: {true: "是", false: "否"},
    deployment: DEPLOYMENT_TEXT("zh"),
    basis: {prospectus: "招股书", annual_results: "年度业绩", interim_results: "中期业绩", press: "媒体报道（非正式披露）"},
    // The charts' names for these, so a value reads the same in a table and in a chart beside it.
    event_type: EVENT_TYPE_LABELS_ZH,
    // Headquarters: the cities of the data; another city shows as written.
    city: {Beijing: "北京", Shanghai: "上海", Hangzhou: "杭州", Shenzhen: "深圳", Guangzhou: "广州"}
  }
});

/** The reader-facing name of a coded value, or `fallback` (by default the value as written). */
export function term(lang: Lang, name: string, value: unknown, fallback = formatValue(value)): string {
  return TERMS(lang)[name]?.[String(value)] ?? fallback;
}

/** The language data values are written in, when it is not the page's (English data on a Chinese page). */
export const DATA_LANG: Record<Lang, string | null> = {en: null, zh: "en"};

const TEXT = bilingual({
  en: {
    funding: {
      labels: {date_raw: "Date", kind: "Kind", round: "Round", amount_reported: "Amount as reported", amount_usd_mid: "USD m (estimate)", valuation_reported: "Valuation as reported", conflict_key: "Disputed", note: "Note", confidence: "Confidence", source_ids: "Sources"},
      caption: "Funding rounds, IPO and reported totals"
    },
    models: {
      labels: {release_date_raw: "Released", model: "Model", status: "Status", params_total_b: "Total (B)", params_active_b: "Active (B)", architecture: "Architecture", open_weights: "Open weights", deployment: "Deployment", confidence: "Confidence", source_ids: "Sources"},
      caption: "Model releases"
    },
    events: {
      labels: {date_raw: "Date", event_type: "Type", title: "What happened", partners: "Partners", confidence: "Confidence", source_ids: "Sources"},
      caption: "Strategic events"
    },
    results: {
      labels: {period: "Period", basis: "Basis", revenue_m: "Revenue", net_loss_m: "Net loss", adjusted_net_loss_m: "Adjusted net loss", figures_reported: "As reported", preferred: "Used in charts", confidence: "Confidence", source_ids: "Sources"},
      caption: "Reported results"
    },
    unknownStatus: "unknown",
    notCounted: (status: string) => `${status} (not counted)`,
    preferred: (yes: boolean) => (yes ? "yes" : "no: another report of the period is"),
    // The English table has always shown the estimate as whole millions under a "USD m" header.
    usdEstimate: (v: number) => String(Math.round(v))
  },
  zh: {
    funding: {
      labels: {date_raw: "日期", kind: "类型", round: "轮次", amount_reported: "报道金额", amount_usd_mid: "折合美元（估算）", valuation_reported: "报道估值", conflict_key: "存疑", note: "说明", confidence: "可信度", source_ids: "来源"},
      caption: "融资轮次、IPO 与报道的累计融资额"
    },
    models: {
      labels: {release_date_raw: "发布时间", model: "模型", status: "状态", params_total_b: "总参数（B）", params_active_b: "激活参数（B）", architecture: "架构", open_weights: "开放权重", deployment: "部署", confidence: "可信度", source_ids: "来源"},
      caption: "模型发布"
    },
    events: {
      labels: {date_raw: "日期", event_type: "类型", title: "事件", partners: "合作方", confidence: "可信度", source_ids: "来源"},
      caption: "战略事件"
    },
    results: {
      labels: {period: "财期", basis: "口径", revenue_m: "收入", net_loss_m: "净亏损", adjusted_net_loss_m: "经调整净亏损", figures_reported: "报道原文", preferred: "图表采用", confidence: "可信度", source_ids: "来源"},
      caption: "已披露业绩"
    },
    unknownStatus: "未知",
    notCounted: (status: string) => `${status}（不计入）`,
    preferred: (yes: boolean) => (yes ? "是" : "否：图表采用同期的另一份报告"),
    usdEstimate: (v: number) => formatUsdMillions(v, "zh")
  }
});

type Format = (value: unknown, row: Record<string, unknown>) => string | Node;

/** Options for `dataTable` (and its `lang`, for the table's own words). */
export interface TableText {
  labels: Record<string, string>;
  caption: string;
  format: Record<string, Format>;
  lang: Lang;
}

export interface CompanyTablesOptions {
  /** Source ids as links (the page's `sourceLinksSpan`). */
  links: (ids: string[]) => Node;
  document?: Document;
}

/** Labels, caption and cell formats of the four tables of a company page, in `lang`. */
export function companyTables(lang: Lang, {links, document: doc = globalThis.document}: CompanyTablesOptions) {
  const t = TEXT(lang);
  const dataLang = DATA_LANG[lang];
  // A data value as written; in an element marked with its language when that is not the page's.
  const data: Format = (value) => {
    const text = formatValue(value);
    if (!dataLang || !text) return text;
    const span = doc.createElement("span");
    span.lang = dataLang;
    span.textContent = text;
    return span;
  };
  // A figure as reported is a quote: as written, and marked English when it is ("~$400M", "total revenue of …").
  const quote: Format = (value) => (/[\p{Script=Han}]/u.test(formatValue(value)) || !/[A-Za-z]/.test(formatValue(value)) ? formatValue(value) : data(value, {}));
  const coded = (name: string, fallback?: (v: unknown) => string): Format => (value) => term(lang, name, value, fallback ? fallback(value) : formatValue(value));
  const date: Format = (value) => (value == null ? "" : formatDateText(String(value), lang));
  const sources: Format = (value) => links(value as string[]);
  // Millions in the reporting currency, then in US dollars: "CNY 724m ($101m)", "7.24亿元（1.01亿美元）".
  const money = (column: string): Format => (value, row) =>
    value == null ? "" : `${formatCurrencyMillions(value as number, row.currency as string, lang)}${aside(formatUsdMillions(row[column] as number, lang), lang)}`;
  const table = (text: {labels: Record<string, string>; caption: string}, format: Record<string, Format>): TableText => ({...text, format, lang});
  return {
    funding: table(t.funding, {
      date_raw: date,
      kind: coded("kind"),
      round: data,
      amount_reported: quote,
      amount_usd_mid: (v) => (v == null ? "" : t.usdEstimate(v as number)),
      valuation_reported: quote,
      conflict_key: data,
      note: data,
      confidence: coded("confidence"),
      source_ids: sources
    }),
    models: table(t.models, {
      release_date_raw: date,
      // An announced or abandoned model (or a second report of one) is listed but not counted in the releases.
      status: (v, row) => (row.counted ? term(lang, "status", v, String(v ?? "")) : t.notCounted(v == null ? t.unknownStatus : term(lang, "status", v))),
      architecture: coded("architecture"),
      open_weights: coded("open_weights"),
      deployment: coded("deployment"),
      confidence: coded("confidence"),
      source_ids: sources
    }),
    events: table(t.events, {
      date_raw: date,
      event_type: coded("event_type"),
      title: data,
      partners: data,
      confidence: coded("confidence"),
      source_ids: sources
    }),
    results: table(t.results, {
      period: date,
      basis: coded("basis", (v) => BASIS_LABELS[v as string] ?? String(v ?? "")),
      revenue_m: money("revenue_usd_m"),
      net_loss_m: money("net_loss_usd_m"),
      adjusted_net_loss_m: money("adjusted_net_loss_usd_m"),
      figures_reported: quote,
      preferred: (v) => t.preferred(Boolean(v)),
      confidence: coded("confidence"),
      source_ids: sources
    })
  };
}
