/**
 * The pivots page (src/pivots.md, src/zh/pivots.md): its tables, its filter bar (companies and deployment,
 * kept in the URL), its charts as defined in views/pivots.ts, ModelBest's partners, the findings its prose quotes
 * and the models-per-year table from model_counts (one release per model, as the build counts them), drawn in
 * the page and run in DuckDB-WASM when the reader asks. Every word it puts on the page is in TEXT, in both languages; the page's language is `data.lang`.
 */
import * as d3 from "../d3.js";
import {companyLabel} from "../companyLookup.js";
import {checkboxGroup, radioGroup} from "../controls.js";
import {dataTable, formatValue} from "../dataTable.js";
import {EVENT_TYPE_LABELS, EVENT_TYPE_LABELS_ZH} from "../chartWords.js";
import {bilingual, formatDateText, listText, type Lang} from "../i18n.js";
import type {CompanySummaryRow} from "../rows.js";
import {pivotsParams, type PivotsState, type StoryData} from "../views.js";
import {PIVOTS_VIEWS} from "../views/pivots.js";
import {control, known, whenLoaded} from "../tableFaults.js";
import {drawEmbeddable} from "../embedControl.js";
import {loadTables} from "./load.js";
import {orderBy} from "../rowOrder.js";
import {sqlBackedTable, urlFilterBar} from "./pageParts.js";
import {dataNames, dataText} from "./pageText.js";

/** The tables the page reads (the build reads them too, to draw its filter bar). */
export const TABLES = ["company_summary", "events", "models", "model_counts"] as const;

export type PivotsData = StoryData<(typeof TABLES)[number] | "sources">;

/** The page's words; phrases with values are functions. */
const TEXT = bilingual({
  en: {
    companies: "Companies",
    models: "Models",
    deployment: {all: "All models", cloud: "Cloud", edge: "Edge (on-device)"},
    noCompany: "no company",
    noneOfThem: "none of them",
    none: "none",
    busiest: (name: string, n: number) => `${name}, with ${n}`,
    partners: {
      caption: "ModelBest partnerships",
      labels: {date_raw: "Date", event_type: "Kind", partners: "Partners", title: "What happened", confidence: "Confidence"},
      kinds: EVENT_TYPE_LABELS,
      /** Between the partners of one event (as the table joins any list). */
      separator: "; ",
      /** The data's confidence levels are English words already. */
      confidence: {} as Record<string, string>
    },
    counts: {
      caption: "Model releases per company and year",
      // The SQL's own column names are the English headers.
      labels: {} as Record<string, string>
    }
  },
  zh: {
    companies: "公司",
    models: "模型",
    deployment: {all: "全部", cloud: "云端", edge: "端侧"},
    noCompany: "没有一家公司",
    noneOfThem: "没有一家",
    none: "没有公司",
    busiest: (name: string, n: number) => `${name}，共${n}个`,
    partners: {
      caption: "面壁智能的合作伙伴",
      labels: {date_raw: "日期", event_type: "类型", partners: "合作方", title: "事件", confidence: "可信度"},
      kinds: EVENT_TYPE_LABELS_ZH,
      separator: "、",
      confidence: {high: "高", medium: "中", low: "低"} as Record<string, string>
    },
    counts: {
      caption: "各公司每年发布的模型数",
      labels: {company: "公司", "2023 or earlier": "2023年及以前", "2024": "2024年", "2025": "2025年", "2026": "2026年", edge: "端侧", "open weights": "开放权重"} as Record<string, string>
    }
  }
});

/** The page's tables: a generator, yielding them again after a retry (load.ts). */
export function loadPivots(): AsyncGenerator<PivotsData, void> {
  return loadTables(TABLES);
}

/** The filter bar, set from the URL and writing to it: ?companies=modelbest,zhipu&deployment=edge */
export function pivotsFilters(data: PivotsData) {
  const t = TEXT(data.lang);
  return control(() => urlFilterBar(pivotsParams(data), (initial) => ({
    companies: checkboxGroup(
      data.company_summary.map((c) => ({value: c.company_id, label: companyLabel(c, c.company_id, data.lang)})),
      {label: t.companies, value: initial.companies, name: "companies"}
    ),
    deployment: radioGroup(
      [
        {value: "all", label: t.deployment.all},
        {value: "cloud", label: t.deployment.cloud},
        {value: "edge", label: t.deployment.edge}
      ],
      {label: t.models, value: initial.deployment, name: "deployment"}
    )
  }), {lang: data.lang}));
}

/** The pivots page's charts for the chosen filters. */
export const pivotsViews = {
  events: (data: PivotsData, state: PivotsState, width: number) => drawEmbeddable("event-swimlanes", PIVOTS_VIEWS["event-swimlanes"], data, state, width),
  models: (data: PivotsData, state: PivotsState, width: number) => drawEmbeddable("model-scatter", PIVOTS_VIEWS["model-scatter"], data, state, width),
  minicpm: (data: PivotsData, width: number) => drawEmbeddable("minicpm-scatter", PIVOTS_VIEWS["minicpm-scatter"], data, {}, width)
};

const MODELBEST = "modelbest";

/**
 * What the pivots page says in words. Partner names are data (the events' `partners`): in Chinese they come
 * as a span whose English names are marked lang="en"; in English, as before, a string.
 */
export function pivotsFindings(data: PivotsData) {
  return known(() => findings(data));
}

function findings(data: PivotsData) {
  const {lang} = data;
  const t = TEXT(lang);
  const name = (c: CompanySummaryRow) => companyLabel(c, c.company_id, lang);
  const byId = new Map(data.company_summary.map((c) => [c.company_id, c]));
  const tigers = data.company_summary.filter((c) => c.group === "six_tigers");
  const course = (course: string) => listText(tigers.filter((c) => c.course === course).map(name), lang);
  const counts = (id: string) => data.model_counts.filter((m) => m.company_id === id);
  const modelbest = byId.get(MODELBEST);
  const partners = modelbestPartners(data);
  const busiest = [...data.company_summary].sort((a, b) => b.models_released - a.models_released)[0];
  const abandoned = data.events.filter((e) => e.event_type === "pretraining_abandoned");
  const partnershipsBy = (type: string) => data.events.filter((e) => e.event_type === type).length;
  return {
    events: data.events.length,
    abandoned: listText(lookupLabels(byId, abandoned.map((e) => e.company_id), lang), lang) || t.noCompany,
    chipDeals: partnershipsBy("partnership_chip"),
    carDeals: partnershipsBy("partnership_car"),
    pretraining: course("pretraining") || t.noneOfThem,
    apps: course("apps") || t.none,
    medical: course("medical") || t.none,
    listed: course("listed") || t.none,
    modelbestModels: modelbest?.models_released ?? 0,
    modelbestEdge: d3.sum(counts(MODELBEST), (m) => m.edge),
    modelbestOpen: d3.sum(counts(MODELBEST), (m) => m.open_weights),
    partnerCount: partners.length,
    partnerNames: dataNames([...new Set(partners.flatMap((p) => p.partners ?? []))], lang),
    busiest: busiest ? t.busiest(name(busiest), busiest.models_released) : ""
  };
}

/** Labels of company ids, each once, in display order. */
function lookupLabels(byId: Map<string, CompanySummaryRow>, ids: string[], lang: Lang): string[] {
  return [...new Set(ids)]
    .map((id) => byId.get(id))
    .filter((c) => c !== undefined)
    .sort((a, b) => a.display_order - b.display_order)
    .map((c) => companyLabel(c, c.company_id, lang));
}

/** ModelBest's partnership events, oldest first. */
function modelbestPartners(data: PivotsData) {
  return data.events.filter((e) => e.company_id === MODELBEST && e.event_type.startsWith("partnership"));
}

/** ModelBest's partnerships as a table; the events' titles and partner names are data, shown as they are. */
export function partnersTable(data: PivotsData): HTMLElement {
  return whenLoaded(() => drawPartnersTable(data), data, ["events", "sources"]);
}

function drawPartnersTable(data: PivotsData): HTMLElement {
  const {lang} = data;
  const t = TEXT(lang).partners;
  return dataTable(modelbestPartners(data) as unknown as Record<string, unknown>[], {
    columns: ["date_raw", "event_type", "partners", "title", "confidence"],
    labels: t.labels,
    format: {
      date_raw: (v) => (typeof v === "string" ? formatDateText(v, lang) : formatValue(v)),
      event_type: (v) => t.kinds[v as string] ?? EVENT_TYPE_LABELS[v as string] ?? String(v),
      partners: (v) => dataNames((v as string[] | null) ?? [], lang, t.separator),
      title: (v) => dataText(formatValue(v), lang),
      confidence: (v) => t.confidence[v as string] ?? formatValue(v)
    },
    caption: t.caption,
    download: "modelbest-partnerships.csv"
  });
}

/** The columns of the models-per-year query, in its order. */
const COUNT_COLUMNS = ["company", "2023 or earlier", "2024", "2025", "2026", "edge", "open weights"];

/**
 * Models per company and year in SQL: the build's counts (model_counts) summed into year columns for the
 * companies chosen. The company goes by its label, or on a Chinese page by its Chinese short name.
 */
export function modelCountsSql(lang: Lang): string {
  const company = lang === "zh" ? "coalesce(c.short_zh, c.label)" : "c.label";
  return `SELECT ${company} AS company,
  coalesce(sum(m.releases) FILTER (WHERE m.year <= 2023), 0)::INTEGER AS "2023 or earlier",
  coalesce(sum(m.releases) FILTER (WHERE m.year = 2024), 0)::INTEGER AS "2024",
  coalesce(sum(m.releases) FILTER (WHERE m.year = 2025), 0)::INTEGER AS "2025",
  coalesce(sum(m.releases) FILTER (WHERE m.year >= 2026), 0)::INTEGER AS "2026",
  sum(m.edge)::INTEGER AS edge,
  sum(m.open_weights)::INTEGER AS "open weights"
FROM model_counts m
JOIN company_summary c ON c.company_id = m.company_id
WHERE list_contains(?, m.company_id)
GROUP BY c.label, c.short_zh, c.display_order
ORDER BY c.display_order`;
}

/**
 * modelCountsSql's rows from the page's published rows: each chosen company's counts put into year columns,
 * the same rows, columns and order. Summing a company's published per-year counts is reshaping, as the SQL's
 * GROUP BY is: no count is made here that the build did not make.
 */
export function modelCountRows(data: Pick<PivotsData, "model_counts" | "company_summary">, state: Pick<PivotsState, "companies">, lang: Lang): Record<string, unknown>[] {
  const chosen = new Set(state.companies);
  // SQL's sum: null when every value is null, else the sum of the others.
  const sum = (values: (number | null)[]) => (values.some((v) => v !== null) ? values.reduce<number>((a, v) => a + (v ?? 0), 0) : null);
  return data.company_summary
    .filter((c) => chosen.has(c.company_id))
    .map((c) => ({c, counts: data.model_counts.filter((m) => m.company_id === c.company_id)}))
    .filter(({counts}) => counts.length > 0)
    .sort(orderBy(({c}) => c.display_order))
    .map(({c, counts}) => {
      const releases = (keep: (year: number) => boolean) => sum(counts.filter((m) => keep(m.year)).map((m) => m.releases)) ?? 0;
      return {
        company: lang === "zh" ? (c.short_zh ?? c.label) : c.label,
        "2023 or earlier": releases((y) => y <= 2023),
        "2024": releases((y) => y === 2024),
        "2025": releases((y) => y === 2025),
        "2026": releases((y) => y >= 2026),
        edge: sum(counts.map((m) => m.edge)),
        "open weights": sum(counts.map((m) => m.open_weights))
      };
    });
}

/**
 * "Models per company and year" for the companies chosen: drawn from model_counts in the page, its SQL run in
 * DuckDB-WASM when the reader asks. The columns keep their SQL names (the Chinese page labels them).
 */
export function modelCountsTable(data: Pick<PivotsData, "model_counts" | "company_summary" | "lang">, state: PivotsState): HTMLElement {
  return whenLoaded(() => drawModelCountsTable(data, state), data, ["model_counts", "company_summary"]);
}

function drawModelCountsTable(data: Pick<PivotsData, "model_counts" | "company_summary" | "lang">, state: PivotsState): HTMLElement {
  const lang = data.lang ?? "en";
  const t = TEXT(lang).counts;
  return sqlBackedTable({
    id: "models-sql",
    lang,
    rows: modelCountRows(data, state, lang),
    sql: modelCountsSql(lang),
    params: [state.companies],
    // Named, because a row object puts its integer-like keys ("2024") before the others: without this the
    // years came before the company.
    table: () => ({columns: COUNT_COLUMNS, caption: t.caption, labels: t.labels, download: "models-per-year.csv"})
  });
}

/** Pages put the live chart in place of the build-time one (prerendered.ts). */
export {hydrate} from "../prerendered.js";
export {inTurn} from "../turns.js";
