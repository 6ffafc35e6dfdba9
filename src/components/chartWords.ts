/**
 * Words several charts say about the same columns (a row's confidence, a model's deployment, an event's type,
 * how a results row was published), kept once in both languages so the event lanes, the model scatter, the
 * revenue chart and a company's timeline and tables name them alike, and the Chinese time ticks those charts
 * put under d3's axis.
 */
import type * as d3 from "./d3.js";
import {bilingual, formatTimeTick, type Lang} from "./i18n.js";

/** Values of the `confidence` column, shown as they are in English and as 高/中/低 in Chinese. */
export const CONFIDENCE_TEXT = bilingual<Record<string, string>>({
  en: {high: "high", medium: "medium", low: "low"},
  zh: {high: "高", medium: "中", low: "低"}
});

export function confidenceLabel(value: string, lang: Lang = "en"): string {
  return CONFIDENCE_TEXT(lang)[value] ?? value;
}

/** Values of the models' `deployment` column: a model served from the cloud or run on a device. */
export const DEPLOYMENT_TEXT = bilingual<Record<string, string>>({
  en: {cloud: "cloud", edge: "edge"},
  zh: {cloud: "云端", edge: "端侧"}
});

export function deploymentLabel(value: string, lang: Lang = "en"): string {
  return DEPLOYMENT_TEXT(lang)[value] ?? value;
}

/** The events' types (events.event_type), by name. */
export const EVENT_TYPE_LABELS: Record<string, string> = {
  pretraining_abandoned: "Pre-training abandoned",
  pivot: "Pivot",
  strategy: "Strategy",
  partnership_chip: "Chip partnership",
  partnership_car: "Car partnership",
  partnership_other: "Other partnership",
  ipo_process: "IPO process",
  ipo_listing: "Listing",
  funding: "Funding",
  product: "Product",
  talent: "Talent",
  legal: "Legal",
  regulatory: "Regulatory",
  other: "Other"
};

/** The event types in Chinese, as an analyst would name them: 融资, 上市申请, 转型 … */
export const EVENT_TYPE_LABELS_ZH: Record<string, string> = {
  pretraining_abandoned: "放弃预训练",
  pivot: "转型",
  strategy: "战略调整",
  partnership_chip: "芯片合作",
  partnership_car: "车企合作",
  partnership_other: "其他合作",
  ipo_process: "上市申请",
  ipo_listing: "上市",
  funding: "融资",
  product: "产品",
  talent: "人事变动",
  legal: "法律纠纷",
  regulatory: "监管",
  other: "其他"
};

const EVENT_TYPES = bilingual({en: EVENT_TYPE_LABELS, zh: EVENT_TYPE_LABELS_ZH});

/** An event type's name in the page's language; an unknown type shows as its key. */
export function eventTypeLabel(type: string, lang: Lang = "en"): string {
  return EVENT_TYPES(lang)[type] ?? type;
}

/**
 * Rewrites the tick labels of the time axes drawn in `plot` (class axis-x) as Chinese dates ("2024年", "7月",
 * see `formatTimeTick`) on a Chinese page. English ticks are d3's own and are left exactly as drawn. The axis helpers
 * (chart.ts `timeAxis`, chartAxes.ts `logTimeAxes`) take no language yet; once they do, this goes.
 */
export function localizeTimeTicks(plot: d3.Selection<SVGGElement, unknown, null, undefined>, lang: Lang = "en"): void {
  if (lang === "en") return;
  plot.selectAll<SVGTextElement, Date>(".axis-x .tick text").text((d) => formatTimeTick(d, lang));
}

/** How a results row was published, in words, in both languages. */
const BASIS_TEXT = bilingual<Record<string, string>>({
  en: {
    prospectus: "prospectus",
    annual_results: "annual results",
    interim_results: "interim results",
    press: "press report (not a filing)"
  },
  zh: {
    prospectus: "招股书",
    annual_results: "年度业绩公告",
    interim_results: "中期业绩公告",
    press: "媒体报道（非正式披露）"
  }
});

/** How a results row was published, in English words (kept for modules that index it directly). */
export const BASIS_LABELS: Record<string, string> = BASIS_TEXT("en");

/** How a results row was published, in the page's language; an unknown basis as written, none as "". */
export function basisLabel(basis: string | null | undefined, lang: Lang = "en"): string {
  const labels = BASIS_TEXT(lang);
  return basis && Object.hasOwn(labels, basis) ? labels[basis] : String(basis ?? "");
}
