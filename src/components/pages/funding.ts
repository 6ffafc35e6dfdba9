/**
 * The funding page (src/funding.md and its Chinese twin src/zh/funding.md): its tables, its filter bar
 * (companies and scale, kept in the URL), its charts as defined in views/funding.ts, the findings its prose quotes and
 * the "every round" table (drawn from the published rows, its SQL run in DuckDB-WASM when the reader asks). The page itself is prose with a few calls into this module; every
 * word this module adds is in TEXT below, in both languages, and follows `data.lang`.
 */
import * as d3 from "../d3.js";
import {formatUsdMillions} from "../chart.js";
import {companyLabel} from "../companyLookup.js";
import {checkboxGroup, radioGroup} from "../controls.js";
import {downloadLink} from "../downloads.js";
import {formatValue} from "../dataTable.js";
import {bilingual, formatDateText, listText} from "../i18n.js";
import {orderBy} from "../rowOrder.js";
import type {InvestorLinksRow} from "../rows.js";
import {CSV} from "../tables.js";
import {fundedCompanies, fundingParams, type FundingState, type StoryData} from "../views.js";
import {FUNDING_VIEWS} from "../views/funding.js";
import {control, known, whenLoaded} from "../tableFaults.js";
import {drawEmbeddable} from "../embedControl.js";
import {loadTables} from "./load.js";
import {sqlBackedTable, urlFilterBar} from "./pageParts.js";
import {OVERVIEW_TEXT, sourceSpan} from "./overviewText.js";

/** The funding page's phrases, labels and table words in both languages. */
export const FUNDING_TEXT = bilingual({
  en: {
    filters: {companies: "Companies", scale: "Scale", linear: "Linear", log: "Log"},
    topValued: (name: string, amount: string, reported: string | null, date: string | null, multiple: string | null) =>
      `${name}, last valued at ${amount} (${reported ?? "as reported"}, ${date ?? ""})${multiple ? `, ${multiple} times what it disclosed raising` : ""}`,
    noneValued: "none of them",
    leader: (name: string, amount: string) => `${name} (${amount})`,
    widest: (names: string, count: number) => `${names}, each behind ${count} of them`,
    noWidest: "no investor backed more than one of them",
    investor: (link: InvestorLinksRow) => link.investor!,
    table: {
      labels: {
        company: "Company",
        date: "Date",
        kind: "Kind",
        round: "Round",
        amount_reported: "Amount as reported",
        amount_usd_low: "USD m (low)",
        amount_usd_high: "USD m (high)",
        valuation_reported: "Valuation as reported",
        counted: "In totals",
        counted_note: "Why not",
        conflict_key: "Disputed",
        confidence: "Confidence",
        source_ids: "Sources"
      },
      caption: (rows: number) => `${rows} funding rows`,
      yes: "yes",
      no: "no",
      download: "Download every round of every company (CSV)",
      /** Words for the data's codes (kind, confidence); codes with none are shown as they are. */
      kinds: {} as Record<string, string>,
      confidence: {} as Record<string, string>,
      /** An English data value (why a row is left out) in a cell. */
      quote: (value: unknown, _doc: Document): string | Node => formatValue(value)
    }
  },
  zh: {
    filters: {companies: "公司", scale: "纵轴刻度", linear: "线性", log: "对数"},
    topValued: (name: string, amount: string, reported: string | null, date: string | null, multiple: string | null) =>
      `${name}：${amount}${reported || date ? `（${[reported ? `报道为“${reported}”` : null, date].filter(Boolean).join("，")}）` : ""}${multiple ? `，是其已披露融资额的${multiple}倍` : ""}`,
    noneValued: "无",
    leader: (name: string, amount: string) => `${name}（${amount}）`,
    widest: (names: string, count: number) => `${names}，各投了其中${count}家`,
    noWidest: "无（没有一家投资方投了其中两家或以上）",
    // The Chinese name where the build has one (阿里巴巴, 腾讯), else the English.
    investor: (link: InvestorLinksRow) => link.investor_zh || link.investor!,
    table: {
      labels: {
        company: "公司",
        date: "日期",
        kind: "类型",
        round: "轮次",
        amount_reported: "报道金额",
        amount_usd_low: "百万美元（下限）",
        amount_usd_high: "百万美元（上限）",
        valuation_reported: "报道估值",
        counted: "计入总额",
        counted_note: "未计入原因",
        conflict_key: "存在分歧",
        confidence: "可信度",
        source_ids: "来源"
      },
      caption: (rows: number) => `共${rows}条融资记录`,
      yes: "是",
      no: "否",
      download: "下载全部公司的每一轮融资（CSV）",
      kinds: {round: "融资轮", in_progress: "进行中", cumulative: "累计总额", disclosure: "事后披露", ipo: "IPO"} as Record<string, string>,
      confidence: {high: "高", medium: "中", low: "低"} as Record<string, string>,
      // Shown as the data has it, marked English for screen readers (and the test of words left in English).
      quote: (value: unknown, doc: Document): string | Node => {
        if (value == null || value === "") return "";
        const span = doc.createElement("span");
        span.lang = "en";
        span.textContent = formatValue(value);
        return span;
      }
    }
  }
});

/** The tables the page reads (the build reads them too, to draw its filter bar). */
export const TABLES = ["company_summary", "funding_rounds", "funding_steps", "investor_links"] as const;

export type FundingData = StoryData<(typeof TABLES)[number] | "sources">;

/** The page's tables: a generator, yielding them again after a retry (load.ts). */
export function loadFunding(): AsyncGenerator<FundingData, void> {
  return loadTables(TABLES);
}

/** The filter bar, set from the URL and writing to it: ?companies=zhipu,moonshot&scale=log */
export function fundingFilters(data: FundingData) {
  const lang = data.lang ?? "en";
  const t = FUNDING_TEXT(lang).filters;
  return control(() => urlFilterBar(fundingParams(data), (initial) => ({
    companies: checkboxGroup(
      fundedCompanies(data).map((c) => ({value: c.company_id, label: companyLabel(c, c.company_id, lang)})),
      {label: t.companies, value: initial.companies, name: "companies"}
    ),
    scale: radioGroup(
      [
        {value: "linear", label: t.linear},
        {value: "log", label: t.log}
      ],
      {label: t.scale, value: initial.scale, name: "scale"}
    )
  }), {lang}));
}

/** The funding page's charts for the chosen filters. */
export const fundingViews = {
  cumulative: (data: FundingData, state: FundingState, width: number) => drawEmbeddable("cumulative-funding", FUNDING_VIEWS["cumulative-funding"], data, state, width),
  valuations: (data: FundingData, state: FundingState, width: number) => drawEmbeddable("valuation-chart", FUNDING_VIEWS["valuation-chart"], data, state, width),
  investors: (data: FundingData, state: FundingState, width: number) => drawEmbeddable("investor-network", FUNDING_VIEWS["investor-network"], data, state, width)
};

/** What the funding page says in words about the companies chosen, in the page's language. */
export function fundingFindings(data: FundingData, state: FundingState) {
  return known(() => findings(data, state));
}

function findings(data: FundingData, state: FundingState) {
  const lang = data.lang ?? "en";
  const t = FUNDING_TEXT(lang);
  const usd = (value: number | null | undefined) => formatUsdMillions(value, lang);
  const name = (c: (typeof data.company_summary)[number]) => companyLabel(c, c.company_id, lang);
  const chosen = data.company_summary.filter((c) => state.companies.includes(c.company_id));
  const funded = chosen.filter((c) => c.funding_usd_mid !== null).sort((a, b) => b.funding_usd_mid! - a.funding_usd_mid!);
  const steps = data.funding_steps.filter((s) => state.companies.includes(s.company_id));
  const left = data.funding_rounds.filter((r) => state.companies.includes(r.company_id) && !r.counted);
  const links = data.investor_links.filter((l) => l.investor_id !== null && l.is_deal && state.companies.includes(l.company_id));
  const companiesOf = new Map<string, Set<string>>();
  // Investors are told apart by their canonical (English) name, and named in the page's language.
  const investorName = new Map<string, string>();
  for (const l of links) {
    companiesOf.set(l.investor!, (companiesOf.get(l.investor!) ?? new Set()).add(l.company_id));
    if (!investorName.has(l.investor!) || l.investor_zh) investorName.set(l.investor!, t.investor(l));
  }
  const backed = [...companiesOf].map(([investor, ids]): [string, number] => [investor, ids.size]).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const shared = backed.filter(([, n]) => n >= 2);
  const widest = shared.length ? shared.filter(([, n]) => n === shared[0][1]) : [];
  const valued = chosen.filter((c) => c.valuation_usd_mid !== null).sort((a, b) => b.valuation_usd_mid! - a.valuation_usd_mid!);
  const multiple = (c: (typeof chosen)[number]) => (c.funding_usd_mid ? d3.format(".2~r")(c.valuation_usd_mid! / c.funding_usd_mid) : null);
  const top = valued[0];
  return {
    companies: chosen.length,
    valued: valued.length,
    topValued: top
      ? t.topValued(name(top), usd(top.valuation_usd_mid), top.valuation_reported, top.valuation_date_raw === null ? null : formatDateText(top.valuation_date_raw, lang), multiple(top))
      : t.noneValued,
    disputedValuations: valued.filter((c) => c.valuation_conflict_key).length,
    total: usd(d3.sum(funded, (c) => c.funding_usd_mid!)),
    rounds: steps.filter((s) => s.disclosed).length,
    undisclosed: steps.filter((s) => !s.disclosed).length,
    leaders: listText(funded.slice(0, 3).map((c) => t.leader(name(c), usd(c.funding_usd_mid))), lang),
    leftOut: left.length,
    sharedCount: shared.length,
    widest: widest.length ? t.widest(listText(widest.map(([investor]) => investorName.get(investor) ?? investor), lang), widest[0][1]) : t.noWidest
  };
}

/**
 * "Every round, with its sources" in SQL: the rounds of the companies chosen, with the company's label. The
 * SQL reads the English label (the SQL stays one text); a Chinese page shows the Chinese short name.
 */
export const ROUNDS_SQL = `SELECT f.id, c.label AS company, f.date_raw AS date, f.kind, f.round,
  f.amount_reported, f.amount_usd_low, f.amount_usd_high, f.valuation_reported,
  f.counted, f.counted_note, f.conflict_key, f.confidence, f.source_ids
FROM funding_rounds f
JOIN company_summary c ON c.company_id = f.company_id
WHERE list_contains(?, f.company_id)
ORDER BY f.date, f.id`;

/** ROUNDS_SQL's rows for the companies chosen, from the page's published rows: the same rows, columns and order. */
export function roundRows(data: Pick<FundingData, "funding_rounds" | "company_summary">, state: Pick<FundingState, "companies">): Record<string, unknown>[] {
  const label = new Map(data.company_summary.map((c) => [c.company_id, c.label]));
  const chosen = new Set(state.companies);
  return data.funding_rounds
    .filter((f) => chosen.has(f.company_id) && label.has(f.company_id))
    .sort(orderBy((f) => f.date, (f) => f.id))
    .map((f) => ({
      id: f.id,
      company: label.get(f.company_id),
      date: f.date_raw,
      kind: f.kind,
      round: f.round,
      amount_reported: f.amount_reported,
      amount_usd_low: f.amount_usd_low,
      amount_usd_high: f.amount_usd_high,
      valuation_reported: f.valuation_reported,
      counted: f.counted,
      counted_note: f.counted_note,
      conflict_key: f.conflict_key,
      confidence: f.confidence,
      source_ids: f.source_ids
    }));
}

/** "Every round, with its sources", filtered to the companies chosen: drawn from the rows, its SQL on request. */
export function roundsTable(data: FundingData, state: FundingState): HTMLElement {
  return whenLoaded(() => drawRoundsTable(data, state), data, ["funding_rounds", "company_summary", "sources"]);
}

function drawRoundsTable(data: FundingData, state: FundingState): HTMLElement {
  const lang = data.lang ?? "en";
  const t = FUNDING_TEXT(lang).table;
  const companyName = new Map(data.company_summary.map((c) => [c.label, companyLabel(c, c.label, lang)]));
  const coded = (words: Record<string, string>) => (v: unknown) => (typeof v === "string" && Object.hasOwn(words, v) ? words[v] : formatValue(v));
  return sqlBackedTable({
    id: "rounds-sql",
    lang,
    rows: roundRows(data, state),
    sql: ROUNDS_SQL,
    params: [state.companies],
    table: (rows) => ({
      columns: ["company", "date", "kind", "round", "amount_reported", "amount_usd_low", "amount_usd_high", "valuation_reported", "counted", "counted_note", "conflict_key", "confidence", "source_ids"],
      labels: t.labels,
      caption: t.caption(rows.length),
      download: "funding-rounds-selected.csv",
      format: {
        company: (v) => companyName.get(v as string) ?? formatValue(v),
        date: (v) => (typeof v === "string" ? formatDateText(v, lang) : formatValue(v)),
        kind: coded(t.kinds),
        // Round labels a Chinese reader has words for ("Series B" → "B轮"); the rest as the data has them.
        round: (v) => (v == null ? "" : OVERVIEW_TEXT(lang).round(String(v), document)),
        counted_note: (v) => t.quote(v, document),
        confidence: coded(t.confidence),
        source_ids: (ids) => sourceSpan(ids as string[], data.sourceIndex, lang),
        amount_usd_low: (v) => (v == null ? "" : String(Math.round(v as number))),
        amount_usd_high: (v) => (v == null ? "" : String(Math.round(v as number))),
        counted: (v) => (v ? t.yes : t.no)
      }
    }),
    after: () => [downloadLink(CSV.funding_rounds, "funding_rounds.csv", t.download)]
  });
}

/** Pages put the live chart in place of the build-time one (prerendered.ts). */
export {hydrate} from "../prerendered.js";
export {inTurn} from "../turns.js";
