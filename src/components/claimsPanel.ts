/**
 * Claims against the evidence: a table with one row per claim about how fast density grows (and about when a
 * GPT-4-level model will run on a device), and next to each what the build's fit of the paper's points says.
 *
 * The verdict is the claims table's own `verdict` column, scored by the build against the records fit (with
 * `claimed_months`, the claim as a doubling time, and `verdict_note`, e.g. why a claim is not comparable), so
 * this panel, the page text and the notebooks agree. Claims about another quantity (ModelBest's "knowledge
 * density", Epoch's training compute) arrive as "different-metric" and are shown but not judged.
 * An HTML table rather than a chart: the reader needs to read who said what, not compare lengths.
 */
import {asDate, byDateThenId} from "./cells.js";
import {FRAME_TEXT, formatMonths, LICENCE, sourceLinks, type SourceIndex} from "./chart.js";
import {captionedTable, elementMaker} from "./htmlElements.js";
import type {ClaimsRow, DensityFitRow, Verdict} from "./rows.js";
import {bilingual, formatDateText, formatDay, type Lang} from "./i18n.js";

export type {Verdict};

/** A claims row with the columns the panel reads. */
export type ClaimRow = Pick<ClaimsRow, "id" | "claimant" | "date" | "date_raw" | "topic" | "metric" | "value" | "unit" | "statement" | "status" | "source_ids" | "claimed_months" | "verdict" | "verdict_note">;

/** A density_fit row (or the same fields from fitFor). */
export type FitRow = Pick<DensityFitRow, "records_only" | "n" | "doubling_months" | "ci_low_months" | "ci_high_months"> &
  Partial<Pick<DensityFitRow, "fit_id" | "ci_level" | "window_start" | "window_end">>;

export interface ClaimsPanelOptions {
  /** The page's language: every word the chart shows follows it. */
  lang?: Lang;
  /** Rows of the density_fit table: the records fit (the paper's method) is the evidence, the all-models fit context. */
  fits: readonly FitRow[];
  /** Width in pixels; below 560 the table folds into two columns. Default 640. */
  width?: number;
  /** Sources by id (indexSources of the sources table), for the source links. */
  sources?: SourceIndex;
  /** Claim topics to list. Default ["density_doubling", "device_timeline"]. */
  topics?: readonly string[];
  /** Document to create elements in (tests may pass jsdom's). */
  document?: Document;
}

export const VERDICT_LABELS: Record<Verdict, string> = {
  consistent: "consistent",
  outside: "outside the interval",
  "different-metric": "different metric — not comparable",
  "not-comparable": "not comparable",
  "target-date": "a target date, not a rate",
  "no-value": "no number to compare",
  "no-fit": "no fit to compare with"
};

export const METRIC_LABELS: Record<string, string> = {
  capability_density: "capability density (the densing law's measure)",
  knowledge_density: "“knowledge density” (ModelBest's term)",
  params_at_fixed_capability: "parameters needed for a fixed capability",
  gpt4_level_model_size: "size of a GPT-4-level model",
  effective_params_per_chip_price: "largest effective model a fixed-price chip runs",
  compute_to_fixed_performance: "training compute for a fixed performance",
  gpt4_level_on_device: "a GPT-4-level model on a device",
  personal_model_on_wearable: "a personal model on a wearable"
};

export const VERDICT_LABELS_ZH: Record<Verdict, string> = {
  consistent: "相符",
  outside: "落在区间之外",
  "different-metric": "度量不同，无从比较",
  "not-comparable": "无从比较",
  "target-date": "是目标日期，不是速度",
  "no-value": "没有可比较的数字",
  "no-fit": "没有可对照的拟合"
};

export const METRIC_LABELS_ZH: Record<string, string> = {
  capability_density: "能力密度（密度法则的度量）",
  knowledge_density: "“知识密度”（面壁智能的说法）",
  params_at_fixed_capability: "达到固定能力所需的参数量",
  gpt4_level_model_size: "GPT-4 水平模型的规模",
  effective_params_per_chip_price: "固定价格的芯片能运行的最大等效模型",
  compute_to_fixed_performance: "达到固定性能所需的训练算力",
  gpt4_level_on_device: "在设备上运行的 GPT-4 水平模型",
  personal_model_on_wearable: "在可穿戴设备上运行的个人模型"
};

const VERDICTS = bilingual({en: VERDICT_LABELS, zh: VERDICT_LABELS_ZH});
const METRICS = bilingual({en: METRIC_LABELS, zh: METRIC_LABELS_ZH});

const STATUS_LABELS = bilingual<Record<string, string>>({
  en: {
    published: "published (paper or filing)",
    reported: "reported by the press",
    unverified: "unverified (no original found)"
  },
  zh: {
    published: "已发表（论文或文件）",
    reported: "媒体报道",
    unverified: "未经证实（未找到原始出处）"
  }
});

/** The numbers of a fit, formatted once for the sentences below. */
type FitNumbers = {months: string; low: string; high: string; level: number; n: number};
/** The release dates a fit covers, formatted; null when the fit row does not say. */
type Range = [string, string] | null;

const fitSummaryEn = (f: FitNumbers) => `${f.months} months (${f.level}% CI ${f.low}–${f.high})`;
const fitSummaryZh = (f: FitNumbers) => `${f.months}个月（${f.level}%置信区间${f.low}–${f.high}个月）`;
const windowEn = (range: Range) => (range ? `, models released ${range[0]} to ${range[1]}` : "");

const TEXT = bilingual({
  en: {
    unspecified: "unspecified",
    noNumber: "no number given",
    halving: "halving",
    doubling: "doubling",
    everyMonths: (verb: string, value: number) => `${verb} every ${value} months`,
    everyDays: (verb: string, value: number, months: string) => `${verb} every ${value} days (≈ ${months} months)`,
    perYear: (value: number, shrinking: boolean, verb: string, months: string | null) =>
      `${value}× ${shrinking ? "smaller" : "larger"} per year${months ? ` (≈ ${verb} every ${months} months)` : ""}`,
    byEndOf: (value: number) => `by the end of ${value}`,
    caption: (records: FitNumbers | null) => `Claims about how fast density grows, against the paper's own data` + (records ? `: the record models double every ${fitSummaryEn(records)}` : ""),
    headersCompact: ["Claim", "What the data says"],
    headers: ["Who and when", "Claim", "Status and sources", "What the data says", "Verdict"],
    undated: "undated",
    measure: (metric: string) => `Measure: ${metric}`,
    statusUnknown: "status unknown",
    sources: "Sources: ",
    recordsFit: (f: FitNumbers, range: Range) => `Records fit (${f.n} models${windowEn(range)}): doubling every ${fitSummaryEn(f)}.`,
    allFit: (f: FitNumbers) => `All ${f.n} models: ${fitSummaryEn(f)}.`,
    claimed: (months: string, inside: boolean) => `The claimed ${months} months is ${inside ? "inside" : "outside"} the records interval.`,
    differentMetric: (metric: string, months: string | null) =>
      `The points measure capability density; this claim is about ${metric}, so the data cannot test it` +
      (months !== null ? ` (its ≈ ${months} months is not the same quantity as the fit's).` : "."),
    cannotTest: "The data cannot test this claim.",
    targetDate: "A date, not a growth rate: the projection below shows what the fitted trend implies by then.",
    noFit: "No density fit was supplied.",
    noRate: "The claim gives no rate to compare.",
    /** What follows the claimant's name in the folded table: ", 2024-07", or nothing without a date. */
    whoDate: (date: string) => (date ? `, ${date}` : ""),
    evidenceNote: (range: Range, level: number) =>
      `The evidence is the build's fit of ln(density) over time on the running-maximum (record) models of the densing-law paper's points${windowEn(range)}. ` +
      `A claim is "consistent" when its doubling time lies inside the fit's ${level}% bootstrap interval. `,
    noFitNote: "No density fit was supplied, so no claim is scored. ",
    unscored: `Claims about another measure are listed but not scored.`,
    count: (n: number, verdict: string) => `${n} ${verdict}`,
    countSeparator: ", ",
    sourceLine: (publishers: string[]) => `Sources: ${publishers.slice(0, 4).join("; ")}${publishers.length > 4 ? ` and ${publishers.length - 4} more` : ""} (linked in each row). ${LICENCE}.`,
    /** The language of the data's own words (claimants, statements, the build's notes) where it differs from the page's. */
    dataLang: null as string | null
  },
  zh: {
    unspecified: "未说明",
    noNumber: "未给出数字",
    halving: "减半",
    doubling: "翻一番",
    everyMonths: (verb: string, value: number) => `每${value}个月${verb}`,
    everyDays: (verb: string, value: number, months: string) => `每${value}天${verb}（约${months}个月）`,
    perYear: (value: number, shrinking: boolean, verb: string, months: string | null) =>
      `${shrinking ? `每年缩小至1/${value}` : `每年增至${value}倍`}${months ? `（约每${months}个月${verb}）` : ""}`,
    byEndOf: (value: number) => `${value}年底前`,
    caption: (records: FitNumbers | null) =>
      `关于密度增长速度的各种说法，与论文自身数据对照` + (records ? `：纪录模型每${records.months}个月翻一番（${records.level}%置信区间${records.low}–${records.high}个月）` : ""),
    headersCompact: ["说法", "数据怎么说"],
    headers: ["谁、何时", "说法", "状态与来源", "数据怎么说", "结论"],
    undated: "日期不详",
    measure: (metric: string) => `度量：${metric}`,
    statusUnknown: "状态不详",
    sources: "来源：",
    recordsFit: (f: FitNumbers, range: Range) =>
      `纪录模型拟合（${f.n}个模型${range ? `，${range[0]}至${range[1]}发布` : ""}）：每${f.months}个月翻一番（${f.level}%置信区间${f.low}–${f.high}个月）。`,
    allFit: (f: FitNumbers) => `全部${f.n}个模型：${fitSummaryZh(f)}。`,
    claimed: (months: string, inside: boolean) => `所称的${months}个月落在纪录模型的区间之${inside ? "内" : "外"}。`,
    differentMetric: (metric: string, months: string | null) =>
      `数据点衡量的是能力密度，这一说法讲的却是${metric}，数据无法检验` + (months !== null ? `（其约${months}个月与拟合结果不是同一个量）。` : "。"),
    cannotTest: "数据无法检验这一说法。",
    targetDate: "这是一个日期，而非增长速度：下方的外推显示拟合趋势到那时意味着什么。",
    noFit: "未提供密度拟合。",
    noRate: "这一说法没有给出可比较的速度。",
    whoDate: (date: string) => (date ? `，${date}` : ""),
    evidenceNote: (range: Range, level: number) =>
      `证据是构建时对“密度法则”论文数据点中历史最高（纪录）模型${range ? `（${range[0]}至${range[1]}发布）` : ""}所做的拟合：ln(能力密度)对时间回归。` +
      `一项说法的翻倍时间若落在拟合的${level}% bootstrap 区间之内，即判为“相符”。`,
    noFitNote: "未提供密度拟合，因此不对任何说法作判定。",
    unscored: "关于其他度量的说法只列出，不作判定。",
    count: (n: number, verdict: string) => `${verdict}${n}项`,
    countSeparator: "，",
    sourceLine: (publishers: string[]) =>
      `来源：${publishers.slice(0, 4).join("；")}${publishers.length > 4 ? `等${publishers.length}家` : ""}（各行均附链接）。${FRAME_TEXT("zh").licence}。`,
    dataLang: "en" as string | null
  }
});

/** Quantities that shrink over time: their claims are halvings, not doublings. */
const SHRINKING = new Set(["params_at_fixed_capability", "gpt4_level_model_size", "compute_to_fixed_performance"]);

export function metricLabel(metric: string | null | undefined, lang: Lang = "en"): string {
  if (!metric) return TEXT(lang).unspecified;
  return METRICS(lang)[metric] ?? metric.replace(/_/g, " ");
}

/**
 * The claim in words: "doubling every 8 months", "10× smaller per year (≈ halving every 3.6 months)"; in
 * Chinese "每8个月翻一番", "每年缩小至1/10（约每3.6个月减半）".
 */
export function claimPhrase(claim: ClaimRow, lang: Lang = "en"): string {
  const t = TEXT(lang);
  const {value, unit, metric} = claim;
  if (typeof value !== "number") return t.noNumber;
  const shrinking = SHRINKING.has(metric ?? "");
  const verb = shrinking ? t.halving : t.doubling;
  const months = claim.claimed_months;
  if (unit === "months") return t.everyMonths(verb, value);
  if (unit === "days") return t.everyDays(verb, value, formatMonths(months!));
  if (unit === "x per year") return t.perYear(value, shrinking, verb, months ? formatMonths(months) : null);
  if (unit === "year") return t.byEndOf(value);
  return `${value} ${unit ?? ""}`.trim();
}

function fitNumbers(fit: FitRow): FitNumbers {
  const level = Math.round((fit.ci_level ?? 0.95) * 100);
  return {months: formatMonths(fit.doubling_months), low: formatMonths(fit.ci_low_months), high: formatMonths(fit.ci_high_months), level, n: fit.n};
}

function fitRange(fit: FitRow, lang: Lang): Range {
  const start = asDate(fit.window_start ?? null);
  const end = asDate(fit.window_end ?? null);
  return start && end ? [formatDay(start, lang), formatDay(end, lang)] : null;
}

export function claimsPanel(claims: readonly ClaimRow[], options: ClaimsPanelOptions): HTMLElement {
  const {fits, width = 640, sources = new Map(), topics = ["density_doubling", "device_timeline"], lang = "en"} = options;
  const t = TEXT(lang);
  const doc = options.document ?? globalThis.document;
  const compact = width < 560;
  const records = fits.find((f) => f.records_only);
  const all = fits.find((f) => !f.records_only);
  const shown = claims
    .filter((c) => topics.includes(c.topic))
    .sort(byDateThenId((c) => c.date));

  const el = elementMaker(doc);
  // The data's own words (English) marked as such on a Chinese page, for screen readers and the language checks.
  const data = <E extends HTMLElement>(node: E): E => {
    if (t.dataLang) node.lang = t.dataLang;
    return node;
  };
  // The same for words inside a line of ours: a span only where there is a language to mark.
  const quote = (text: string): Node => (t.dataLang ? data(el("span", undefined, text)) : doc.createTextNode(text));

  const figure = el("figure", "atlas-claims");
  figure.dataset.chart = "claims";
  if (compact) figure.classList.add("compact");
  const caption = t.caption(records ? fitNumbers(records) : null);
  const headers = compact ? t.headersCompact : t.headers;
  const {wrapper, tbody} = captionedTable(el, {caption, headers});

  const counts: Partial<Record<Verdict, number>> = {};
  for (const claim of shown) {
    // A verdict of consistent/outside needs the fit it was scored against to explain it.
    const verdict: Verdict = (claim.verdict === "consistent" || claim.verdict === "outside") && !records ? "no-fit" : claim.verdict;
    counts[verdict] = (counts[verdict] ?? 0) + 1;
    const tr = el("tr", `mark verdict-${verdict}`);
    tr.dataset.id = claim.id;
    tr.dataset.verdict = verdict;

    const who = el("th");
    who.scope = "row";
    const date = claim.date_raw != null ? formatDateText(claim.date_raw, lang) : asDate(claim.date) ? formatDay(asDate(claim.date)!, lang) : t.undated;
    who.append(data(el("span", "claimant", claim.claimant)), el("br"), el("span", "claim-date", date));

    const what = el("div", "claim");
    what.append(el("strong", "claim-value", claimPhrase(claim, lang)), el("div", "claim-metric", t.measure(metricLabel(claim.metric, lang))), data(el("div", "claim-statement", claim.statement)));

    const status = el("div", "claim-status");
    status.append(el("div", `status status-${claim.status ?? "unknown"}`, STATUS_LABELS(lang)[claim.status ?? ""] ?? claim.status ?? t.statusUnknown));
    if (claim.source_ids.length) {
      const list = el("div", "claim-sources");
      list.append(t.sources, ...sourceLinks(doc, claim.source_ids, sources));
      status.append(list);
    }

    const evidence = el("div", "evidence");
    const months = claim.claimed_months;
    if (verdict === "consistent" || verdict === "outside") {
      evidence.append(
        el("div", undefined, t.recordsFit(fitNumbers(records!), fitRange(records!, lang))),
        ...(all ? [el("div", undefined, t.allFit(fitNumbers(all)))] : []),
        el("div", undefined, t.claimed(formatMonths(months!), verdict === "consistent"))
      );
    } else if (verdict === "different-metric") {
      evidence.append(el("div", undefined, t.differentMetric(metricLabel(claim.metric, lang), months !== null ? formatMonths(months) : null)));
    } else if (verdict === "not-comparable") {
      // The build's reason is data, in English; the fallback is ours.
      evidence.append(claim.verdict_note ? data(el("div", undefined, claim.verdict_note)) : el("div", undefined, t.cannotTest));
    } else if (verdict === "target-date") {
      evidence.append(el("div", undefined, t.targetDate));
    } else if (verdict === "no-fit") {
      evidence.append(el("div", undefined, t.noFit));
    } else {
      evidence.append(el("div", undefined, t.noRate));
    }
    const badge = el("span", `verdict verdict-${verdict}`, VERDICTS(lang)[verdict]);

    const td = (...nodes: Node[]) => {
      const cell = el("td");
      cell.append(...nodes);
      return cell;
    };
    if (compact) {
      const left = el("td");
      const whoLine = el("div", "claim-who");
      whoLine.append(quote(claim.claimant), t.whoDate(claim.date_raw != null ? formatDateText(claim.date_raw, lang) : ""));
      left.append(whoLine, what, status);
      tr.append(left, td(badge, evidence));
    } else {
      tr.append(who, td(what), td(status), td(evidence), td(badge));
    }
    tbody.append(tr);
  }
  figure.append(wrapper);

  const note = el("p", "atlas-note");
  note.textContent =
    (records ? t.evidenceNote(fitRange(records, lang), Math.round((records.ci_level ?? 0.95) * 100)) : t.noFitNote) + t.unscored;
  figure.append(note);
  const summary = (Object.keys(counts) as Verdict[]).map((v) => t.count(counts[v]!, VERDICTS(lang)[v])).join(t.countSeparator);
  figure.dataset.summary = summary;

  const cited = [...new Set(shown.flatMap((c) => c.source_ids))];
  const publishers = [...new Set(cited.map((id) => sources.get(id)?.publisher ?? id))].sort();
  const source = el("figcaption", "atlas-source", t.sourceLine(publishers));
  figure.append(source);
  return figure;
}
