/**
 * companies/<company_id> — one page per company, generated at build time (Framework page loader, one run per
 * id listed in observablehq.config.ts `dynamicPaths`). The key facts, disagreements and the full source list
 * are static HTML written here, so they show before any script runs; the timeline and tables are drawn in the
 * browser from the Parquet tables. Every text value from data is escaped (src/lib/html.ts). Sections a
 * company has no rows for (results) are left out rather than shown empty.
 *
 * The page loaders of both editions ([company_id].md.ts here and under src/zh/) call `companyPage`. The page's
 * prose is in `TEXT` below; the tables' words are in companyTables.ts, which the page's cells import, so the
 * cells are the same code in both editions. English data values (notes, event titles) stay as written on the
 * Chinese page, marked `lang="en"`; source titles carry the source's own language.
 */
import {escapeHtml as e, safeHref} from "../lib/html.js";
import {compiledOutput} from "../lib/loader.js";
import {totalComparison, type TotalComparison} from "../lib/derive/companies.js";
import {bilingual, formatCompact, formatDateText, type Lang} from "../components/i18n.js";
import {sourceTitleLang} from "../components/sourceTitle.js";
import {DATA_LANG, term} from "./companyTables.js";

export type {Lang};

type Row = Record<string, unknown>;

/** `html` in a span marked with `lang`, or as it is when there is no language to mark. */
function inLang(html: string, lang: string | null): string {
  return lang ? `<span lang="${e(lang)}">${html}</span>` : html;
}

/** A founder as "Tang Jie (唐杰)" in the data: the Chinese name, when there is one. */
function chineseName(founder: string): string | null {
  return /\((\p{Script=Han}[\p{Script=Han}·]*)\)\s*$/u.exec(founder)?.[1] ?? null;
}

const TEXT = bilingual({
  en: {
    title: (summary: Row, _company: Row) => String(summary.label),
    // The page's description (search results, link previews): what it shows, at most 160 characters.
    description: (short: string) => `${short} in the Six Tigers Atlas: founding, funding rounds and valuation, model releases, strategic events and results, each with its sources.`,
    notRecorded: "not recorded",
    facts: {
      nameEn: "English name",
      nameZh: "Chinese name",
      founded: "Founded",
      founders: "Founders and leaders",
      hq: "Headquarters",
      group: "Group",
      course: "Current course"
    },
    // Variants: "2023-03 (low confidence)", already escaped.
    alsoReported: (variants: {date: string; confidence: string}[]) => `; also reported: ${variants.map((v) => `${v.date} (${v.confidence} confidence)`).join(", ")}`,
    founders: (founders: string[]) => founders.map((f) => e(f)).join("; "),
    city: (city: string) => e(city),
    group: (group: string) => e(group.replace(/_/g, " ")),
    course: (course: string, title: string, date: string) => `${e(course)}: ${e(title)} (${e(date)})`,
    noCourse: "no course-setting event recorded",
    counts: (n: {rounds: number; models: number; released: unknown; events: number; results: number; claims: number; sources: number}) =>
      `${n.rounds} funding rows, ${n.models} model rows (${n.released} models released), ${n.events} events, ${n.results} results rows and ${n.claims} claims in the atlas; ${n.sources} sources.`,
    headings: {timeline: "Timeline", funding: "Funding", results: "Results", models: "Models", events: "Events", sources: "Sources"},
    // The check of the counted rounds against a reported total (the note is the build's, in company_summary).
    totalDisagrees: (reported: string, note: string) => `<strong>The counted rounds disagree with the reported total${reported ? ` (reported as ${reported})` : ""}.</strong> ${note}.`,
    totalAgrees: (reported: string, note: string) => `The counted rounds agree with the reported total${reported ? ` (reported as ${reported})` : ""}: ${note}.`,
    totalNote: (summary: Row, _comparison: TotalComparison) => e(summary.funding_total_note),
    resultsIntro: (latest: string) => `Revenue and losses per fiscal period as the filing or the press gives them, in the reporting currency
and in US dollars at the period’s average rate; a loss is a positive number. ${latest} Where several reports give the
same period, “Used in charts” marks the one the atlas draws.`,
    latestYear: (period: string) => `The latest full year with reported revenue is ${e(period)}.`,
    noFullYear: "No full year’s revenue is reported; the rows below cover parts of years.",
    publisher: (name: string) => e(name),
    // A source: publisher, title (date; language), read via a copy.
    source: (publisher: string, title: string, source: Row) =>
      `${publisher}, ${title} (${e(source.date_raw)}; ${e(source.language)})${source.via ? `, read via ${e(source.via)}` : ""}`
  },
  zh: {
    title: (_summary: Row, company: Row) => String(company.short_zh || company.short_en),
    // At most 80 Han characters; a Latin name ("MiniMax") is set off by a space, as Chinese typesetting does.
    description: (short: string) => `${short}${/[A-Za-z0-9]$/.test(short) ? " " : ""}的成立、各轮融资与估值、模型发布、战略事件与业绩，每条事实都注明来源。`,
    notRecorded: "未记录",
    facts: {
      nameEn: "英文名",
      nameZh: "中文名",
      founded: "成立时间",
      founders: "创始人与负责人",
      hq: "总部",
      group: "分组",
      course: "当前路线"
    },
    alsoReported: (variants: {date: string; confidence: string}[]) => `；另有说法：${variants.map((v) => `${v.date}（可信度${v.confidence}）`).join("、")}`,
    // The Chinese name where the data gives one ("Tang Jie (唐杰)"), else the name as written.
    founders: (founders: string[]) => founders.map((f) => e(chineseName(f)) || inLang(e(f), "en")).join("、"),
    city: (city: string) => (term("zh", "city", city, "") ? e(term("zh", "city", city)) : inLang(e(city), "en")),
    group: (group: string) => e(term("zh", "group", group)),
    course: (course: string, title: string, date: string) => `${e(term("zh", "course", course))}：${inLang(e(title), "en")}（${e(formatDateText(date, "zh"))}）`,
    noCourse: "尚无确定其路线的事件记录",
    counts: (n: {rounds: number; models: number; released: unknown; events: number; results: number; claims: number; sources: number}) =>
      `本图谱收录该公司融资记录 ${n.rounds} 条、模型记录 ${n.models} 条（其中已发布模型 ${n.released} 个）、事件 ${n.events} 条、业绩记录 ${n.results} 条、说法 ${n.claims} 条，引用来源 ${n.sources} 个。`,
    headings: {timeline: "时间线", funding: "融资", results: "业绩", models: "模型", events: "事件", sources: "来源"},
    totalDisagrees: (reported: string, note: string) => `<strong>计入的各轮融资与报道的累计融资额${reported ? `（报道为“${reported}”）` : ""}对不上。</strong>${note}。`,
    totalAgrees: (reported: string, note: string) => `计入的各轮融资与报道的累计融资额${reported ? `（报道为“${reported}”）` : ""}相符：${note}。`,
    // The build's note is English; the same comparison in Chinese, from the same numbers.
    totalNote: (_summary: Row, c: TotalComparison) => {
      const unit = c.currency === "USD" || !c.currency ? "美元" : c.currency === "HKD" ? "港元" : "元";
      const amount = (v: number) => `${formatCompact(Math.round(v) * 1e6, "zh")}`;
      const range = (a: number, b: number) => (Math.round(a) === Math.round(b) ? `${amount(a)}${unit}` : `${amount(a)}–${amount(b)}${unit}`);
      const verdict = c.agrees ? "两个区间有重叠" : c.high < c.totalLow ? "各轮之和低于累计额，说明有的轮次缺失或金额未披露" : "各轮之和高于累计额，说明来源之间有出入";
      return `计入的融资中有 ${c.rounds} 轮披露了金额，合计 ${range(c.low, c.high)}，报道的累计额折合 ${range(c.totalLow, c.totalHigh)}；${verdict}`;
    },
    // One line: a line break between Chinese characters would show as a space.
    resultsIntro: (latest: string) =>
      `下表按招股书、财报或媒体报道列出各财期的收入与亏损，先给报告币种，再给按当期平均汇率折算的美元；亏损记为正数。${latest}同一财期有多份报告时，“图表采用”一栏标出本图谱绘图所用的那一份。`,
    latestYear: (period: string) => `最近一个披露收入的完整财年是${e(formatDateText(period, "zh"))}。`,
    noFullYear: "尚无完整财年的收入披露，下表各行只覆盖部分年度。",
    // "投资界 (PEdaily)": the Chinese name alone (the gloss is for English readers); "Reuters": English data.
    publisher: (name: string) => {
      const glossed = /^(.*\p{Script=Han}.*?)\s*\(([^()]*)\)$/u.exec(name);
      if (glossed && !/\p{Script=Han}/u.test(glossed[2])) return e(glossed[1]);
      return /\p{Script=Han}/u.test(name) ? e(name) : inLang(e(name), "en");
    },
    source: (publisher: string, title: string, source: Row) =>
      `${publisher}，${title}（${e(formatDateText(String(source.date_raw ?? ""), "zh"))}；${e(languageName(String(source.language ?? "")))}）${source.via ? `，经由 ${inLang(e(source.via), "en")} 查阅` : ""}`
  }
});

/** How a Chinese reader names the language an article is written in: 中文, 英文, 日文; else Intl's name, else the code. */
const WRITTEN_IN: Record<string, string> = {zh: "中文", en: "英文", ja: "日文", ko: "韩文", fr: "法文", de: "德文", es: "西班牙文", pt: "葡萄牙文"};

function languageName(code: string): string {
  if (WRITTEN_IN[code]) return WRITTEN_IN[code];
  try {
    return new Intl.DisplayNames(["zh-CN"], {type: "language"}).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The Markdown of company `id`'s page in language `lang` (the page loaders of both editions call this). */
export async function companyPage(id: string, lang: Lang = "en"): Promise<string> {
  const t = TEXT(lang);
  const dataLang = DATA_LANG[lang];
  // Components are imported relative to the page: ../components from /companies/x, ../../components from /zh/companies/x.
  const up = lang === "zh" ? "../../" : "../";
  // Load inputs: the rows of the one compile pass (validated, with the derived tables)
  const tables = JSON.parse((await compiledOutput("rows.json")).toString("utf8")) as Record<string, Row[]>;
  // Transform: the company's rows in every table
  const mine = (name: string) => tables[name].filter((r) => r.company_id === id);
  const summary = mine("company_summary")[0];
  if (!summary) throw new Error(`unknown company ${JSON.stringify(id)}; add it to data/companies.csv`);
  const companies = mine("companies");
  const company = companies.find((c) => c.is_primary)!;
  const variants = companies.filter((c) => !c.is_primary);
  const rounds = mine("funding_rounds");
  const models = mine("models");
  const events = mine("events");
  const claims = mine("claims");
  const results = mine("financials");
  const sources = tables.sources;
  const cited = new Set([...companies, ...rounds, ...models, ...events, ...claims, ...results].flatMap((r) => r.source_ids as string[]));
  const short = t.title(summary, company);
  const founders = company.founders as string[];

  // Write output: Markdown with static HTML for the facts, and cells for the charts.
  const facts: [string, string][] = [
    [t.facts.nameEn, inLang(e(company.name_en), dataLang)],
    [t.facts.nameZh, `<span lang="zh">${e(company.name_zh)}</span>`],
    [
      t.facts.founded,
      `${company.founded_raw ? e(formatDateText(String(company.founded_raw), lang)) : t.notRecorded}${
        variants.length ? t.alsoReported(variants.map((v) => ({date: e(formatDateText(String(v.founded_raw), lang)), confidence: e(term(lang, "confidence", v.confidence))}))) : ""
      }`
    ],
    [t.facts.founders, t.founders(founders) || t.notRecorded],
    [t.facts.hq, company.hq_city ? t.city(String(company.hq_city)) : t.notRecorded],
    [t.facts.group, t.group(String(company.group))],
    [t.facts.course, summary.course ? t.course(String(summary.course), String(summary.course_title), String(summary.course_date_raw)) : t.noCourse]
  ];
  const sourceItems = sources
    .filter((s) => cited.has(s.source_id as string))
    .sort((a, b) => String(a.date ?? "").localeCompare(String(b.date ?? "")))
    .map((s) => {
      const href = safeHref(s.url);
      // The title in its own language (the source's, or English for a description the atlas wrote).
      const own = sourceTitleLang(s);
      const langAttr = own ? ` lang="${e(own)}"` : "";
      const title = href
        ? `<a href="${e(href)}"${s.language ? ` hreflang="${e(s.language)}"` : ""}${langAttr} target="_blank" rel="noopener noreferrer">${e(s.title)}</a>`
        : `<span${langAttr}>${e(s.title)}</span>`;
      const publisher = t.publisher(String(s.publisher));
      return `<li id="source-${e(s.source_id)}">${t.source(`<span class="atlas-source-publisher">${publisher}</span>`, title, s)}</li>`;
    });

  return `---
title: ${JSON.stringify(short)}
description: ${JSON.stringify(t.description(short))}
---

<h1>${e(short)} <small${dataLang ? ` lang="${dataLang}"` : ""}>${e(company.name_en)}</small></h1>

<dl class="atlas-facts">
${facts.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join("\n")}
</dl>

<p class="atlas-note">${t.counts({rounds: rounds.length, models: models.length, released: summary.models_released, events: events.length, results: results.length, claims: claims.length, sources: cited.size})}</p>

\`\`\`js
// Imports: node_modules and this site only.
import {loadTables} from "${up}components/pages/load.js";
import {sourceLinksSpan} from "${up}components/chart.js";
import {companyTimeline} from "${up}components/companyTimeline.js";
import {hydrate} from "${up}components/prerendered.js";
import {withEmbed} from "${up}components/embedControl.js";
import {whenLoaded} from "${up}components/tableFaults.js";
import {dataTable} from "${up}components/dataTable.js";
import {companyTables} from "${up}companies/companyTables.js";
\`\`\`

\`\`\`js
// Load data straight from Parquet, so the timeline paints without waiting for DuckDB. Each table loads on its own
// and one that fails leaves the rest standing; the tables are yielded again after a retry (components/pages/load.ts).
const companyId = ${JSON.stringify(id)};
// The page's language: the timeline's and the tables' words follow it (companyTables.js holds the tables' words).
const lang = ${JSON.stringify(lang)};
const data = loadTables(${JSON.stringify(["companies", "funding_rounds", "models", "events", ...(results.length ? ["financials"] : [])])}, lang);
\`\`\`

\`\`\`js
// The company's rows of a table. Reading a table that did not load throws; whenLoaded shows its notice instead.
const mine = (table) => data[table].filter((d) => d.company_id === companyId);
const links = (ids) => sourceLinksSpan(document, ids, data.sourceIndex);
const text = companyTables(lang, {links});
\`\`\`

## ${t.headings.timeline} {#timeline}

<div id="prerender-company-timeline" class="atlas-prerender" data-company="${e(id)}"></div>

\`\`\`js
hydrate("prerender-company-timeline", resize((width) => whenLoaded(() => {
  const company = mine("companies").find((d) => d.is_primary);
  const [rounds, models, events, sources] = [mine("funding_rounds"), mine("models"), mine("events"), data.sourceIndex];
  const timeline = companyTimeline({company, rounds, models, events, width, sources, lang});
  // Beside its downloads, the code to embed this company's timeline elsewhere (embed/company-timeline/<id>).
  return withEmbed(timeline, {chart: "company-timeline", company: companyId, lang});
}, data, ["companies", "funding_rounds", "models", "events", "sources"])));
\`\`\`

## ${t.headings.funding} {#funding}

${fundingTotalCheck(summary, rounds, lang)}

\`\`\`js
// The build's notes on a row (a cap on a vague amount, a date before the founding) in one column.
display(whenLoaded(() => dataTable(mine("funding_rounds").map((r) => ({...r, note: [r.cap_note, r.date_note].filter(Boolean).join(" ")})), {
  columns: ["date_raw", "kind", "round", "amount_reported", "amount_usd_mid", "valuation_reported", "conflict_key", "note", "confidence", "source_ids"],
  ...text.funding,
  download: \`\${companyId}-funding.csv\`
}), data, ["funding_rounds", "sources"]));
\`\`\`

${results.length ? resultsSection(summary, lang) : ""}## ${t.headings.models} {#models}

\`\`\`js
display(whenLoaded(() => dataTable(mine("models"), {
  columns: ["release_date_raw", "model", "status", "params_total_b", "params_active_b", "architecture", "open_weights", "deployment", "confidence", "source_ids"],
  ...text.models,
  download: \`\${companyId}-models.csv\`
}), data, ["models", "sources"]));
\`\`\`

## ${t.headings.events} {#events}

\`\`\`js
display(whenLoaded(() => dataTable(mine("events"), {
  columns: ["date_raw", "event_type", "title", "partners", "confidence", "source_ids"],
  ...text.events,
  download: \`\${companyId}-events.csv\`
}), data, ["events", "sources"]));
\`\`\`

## ${t.headings.sources} {#sources}

<ol class="atlas-sources">
${sourceItems.join("\n")}
</ol>
`;
}

/** The check of the counted rounds against a reported total, when there is one: a warning when they disagree. */
function fundingTotalCheck(summary: Row, rounds: Row[], lang: Lang): string {
  const t = TEXT(lang);
  const comparison = totalComparison(rounds);
  if (!summary.funding_total_check || !comparison) return "";
  const reported = summary.funding_total_reported ? e(summary.funding_total_reported) : "";
  const note = t.totalNote(summary, comparison);
  if (summary.funding_total_check === "disagrees") {
    return `<div class="warning atlas-funding-total" data-check="disagrees">
<p>${t.totalDisagrees(reported, note)}</p>
</div>`;
  }
  if (summary.funding_total_check === "agrees") {
    return `<p class="atlas-note atlas-funding-total" data-check="agrees">${t.totalAgrees(reported, note)}</p>`;
  }
  return "";
}

/** Results: every reported period, in the reporting currency as reported and in USD; `preferred` marks the row charts use. */
function resultsSection(summary: Row, lang: Lang): string {
  const t = TEXT(lang);
  const latest = summary.results_period ? t.latestYear(String(summary.results_period)) : t.noFullYear;
  return `## ${t.headings.results} {#results}

<p class="atlas-note">${t.resultsIntro(latest)}</p>

\`\`\`js
display(whenLoaded(() => dataTable(mine("financials"), {
  columns: ["period", "basis", "revenue_m", "net_loss_m", "adjusted_net_loss_m", "figures_reported", "preferred", "confidence", "source_ids"],
  ...text.results,
  download: \`\${companyId}-results.csv\`
}), data, ["financials", "sources"]));
\`\`\`

`;
}
