/**
 * companies/<company_id> — one page per company, generated at build time (Framework page loader, one run per
 * id listed in observablehq.config.ts `dynamicPaths`). The key facts, disagreements and the full source list
 * are static HTML written here, so they show before any script runs; the timeline and tables are drawn in the
 * browser from the Parquet tables. Every text value from data is escaped (src/lib/html.ts). Sections a
 * company has no rows for (results) are left out rather than shown empty.
 *
 * The page loaders of both editions ([company_id].md.ts here and under src/zh/) call `companyPage`.
 */
import {escapeHtml as e, safeHref} from "../lib/html.js";
import {compiledOutput} from "../lib/loader.js";

export type Lang = "en" | "zh";

type Row = Record<string, unknown>;

/** The Markdown of company `id`'s page in language `lang` (the page loaders of both editions call this). */
export async function companyPage(id: string, lang: Lang = "en"): Promise<string> {
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
  const short = String(summary.label);

  // Write output: Markdown with static HTML for the facts, and cells for the charts.
  const facts: [string, string][] = [
    ["English name", e(company.name_en)],
    ["Chinese name", `<span lang="zh">${e(company.name_zh)}</span>`],
    ["Founded", `${e(company.founded_raw ?? "not recorded")}${variants.length ? `; also reported: ${variants.map((v) => `${e(v.founded_raw)} (${e(v.confidence)} confidence)`).join(", ")}` : ""}`],
    ["Founders and leaders", (company.founders as string[]).map((f) => e(f)).join("; ") || "not recorded"],
    ["Headquarters", e(company.hq_city ?? "not recorded")],
    ["Group", e(String(company.group).replace(/_/g, " "))],
    ["Current course", summary.course ? `${e(summary.course)}: ${e(summary.course_title)} (${e(summary.course_date_raw)})` : "no course-setting event recorded"]
  ];
  const sourceItems = sources
    .filter((s) => cited.has(s.source_id as string))
    .sort((a, b) => String(a.date ?? "").localeCompare(String(b.date ?? "")))
    .map((s) => {
      const href = safeHref(s.url);
      const title = href ? `<a href="${e(href)}" target="_blank" rel="noopener noreferrer">${e(s.title)}</a>` : e(s.title);
      return `<li id="source-${e(s.source_id)}"><span class="atlas-source-publisher">${e(s.publisher)}</span>, ${title} (${e(s.date_raw)}; ${e(s.language)})${s.via ? `, read via ${e(s.via)}` : ""}</li>`;
    });

  return `---
title: ${JSON.stringify(short)}
---

<h1>${e(short)} <small>${e(company.name_en)}</small></h1>

<dl class="atlas-facts">
${facts.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join("\n")}
</dl>

<p class="atlas-note">${rounds.length} funding rows, ${models.length} model rows (${summary.models_released} models released), ${events.length} events, ${results.length} results rows and ${claims.length} claims in the atlas; ${cited.size} sources.</p>

\`\`\`js
// Imports: node_modules and this site only.
import {readParquet} from "${up}components/parquet.js";
import {PARQUET} from "${up}components/tables.js";
import {indexSources, sourceLinksSpan} from "${up}components/chart.js";
import {companyTimeline} from "${up}components/companyTimeline.js";
import {hydrate} from "${up}components/prerendered.js";
import {dataTable} from "${up}components/dataTable.js";
import {BASIS_LABELS, formatReported} from "${up}components/revenueFunding.js";
import {formatUsdMillions} from "${up}components/chart.js";
\`\`\`

\`\`\`js
// Load data straight from Parquet, so the timeline paints without waiting for DuckDB.
const companyId = ${JSON.stringify(id)};
const [companiesTable, roundsTable, modelsTable, eventsTable, sourcesTable] = await Promise.all(
  ["companies", "funding_rounds", "models", "events", "sources"].map((name) => readParquet(PARQUET[name]))
);
const company = companiesTable.rows.find((d) => d.company_id === companyId && d.is_primary);
const rounds = roundsTable.rows.filter((d) => d.company_id === companyId);
const models = modelsTable.rows.filter((d) => d.company_id === companyId);
const events = eventsTable.rows.filter((d) => d.company_id === companyId);
const sources = indexSources(sourcesTable.rows);
const links = (ids) => sourceLinksSpan(document, ids, sources);
\`\`\`

## Timeline

<div id="prerender-company-timeline" class="atlas-prerender" data-company="${e(id)}"></div>

\`\`\`js
hydrate("prerender-company-timeline", resize((width) => companyTimeline({company, rounds, models, events, width, sources})));
\`\`\`

## Funding

${fundingTotalCheck(summary)}

\`\`\`js
// The build's notes on a row (a cap on a vague amount, a date before the founding) in one column.
display(dataTable(rounds.map((r) => ({...r, note: [r.cap_note, r.date_note].filter(Boolean).join(" ")})), {
  columns: ["date_raw", "kind", "round", "amount_reported", "amount_usd_mid", "valuation_reported", "conflict_key", "note", "confidence", "source_ids"],
  labels: {date_raw: "Date", kind: "Kind", round: "Round", amount_reported: "Amount as reported", amount_usd_mid: "USD m (estimate)", valuation_reported: "Valuation as reported", conflict_key: "Disputed", note: "Note", confidence: "Confidence", source_ids: "Sources"},
  format: {source_ids: links, amount_usd_mid: (v) => (v == null ? "" : String(Math.round(v)))},
  caption: "Funding rounds, IPO and reported totals",
  download: \`\${companyId}-funding.csv\`
}));
\`\`\`

${results.length ? resultsSection(summary) : ""}## Models

\`\`\`js
display(dataTable(models, {
  columns: ["release_date_raw", "model", "status", "params_total_b", "params_active_b", "architecture", "open_weights", "deployment", "confidence", "source_ids"],
  labels: {release_date_raw: "Released", model: "Model", status: "Status", params_total_b: "Total (B)", params_active_b: "Active (B)", architecture: "Architecture", open_weights: "Open weights", deployment: "Deployment", confidence: "Confidence", source_ids: "Sources"},
  // An announced or abandoned model (or a second report of one) is listed but not counted in the releases.
  format: {source_ids: links, status: (v, row) => (row.counted ? String(v ?? "") : \`\${v ?? "unknown"} (not counted)\`)},
  caption: "Model releases",
  download: \`\${companyId}-models.csv\`
}));
\`\`\`

## Events

\`\`\`js
display(dataTable(events, {
  columns: ["date_raw", "event_type", "title", "partners", "confidence", "source_ids"],
  labels: {date_raw: "Date", event_type: "Type", title: "What happened", partners: "Partners", confidence: "Confidence", source_ids: "Sources"},
  format: {source_ids: links},
  caption: "Strategic events",
  download: \`\${companyId}-events.csv\`
}));
\`\`\`

## Sources

<ol class="atlas-sources">
${sourceItems.join("\n")}
</ol>
`;
}

/** The check of the counted rounds against a reported total, when there is one: a warning when they disagree. */
function fundingTotalCheck(summary: Row): string {
  const total = summary.funding_total_reported ? ` (reported as ${e(summary.funding_total_reported)})` : "";
  if (summary.funding_total_check === "disagrees") {
    return `<div class="warning atlas-funding-total" data-check="disagrees">
<p><strong>The counted rounds disagree with the reported total${total}.</strong> ${e(summary.funding_total_note)}.</p>
</div>`;
  }
  if (summary.funding_total_check === "agrees") {
    return `<p class="atlas-note atlas-funding-total" data-check="agrees">The counted rounds agree with the reported total${total}: ${e(summary.funding_total_note)}.</p>`;
  }
  return "";
}

/** Results: every reported period, in the reporting currency as reported and in USD; `preferred` marks the row charts use. */
function resultsSection(summary: Row): string {
  const latest = summary.results_period
    ? `The latest full year with reported revenue is ${e(summary.results_period)}.`
    : "No full year’s revenue is reported; the rows below cover parts of years.";
  return `## Results

<p class="atlas-note">Revenue and losses per fiscal period as the filing or the press gives them, in the reporting currency
and in US dollars at the period’s average rate; a loss is a positive number. ${latest} Where several reports give the
same period, “Used in charts” marks the one the atlas draws.</p>

\`\`\`js
const financialsTable = await readParquet(PARQUET.financials);
const results = financialsTable.rows.filter((d) => d.company_id === companyId);
const money = (column) => (v, row) => (v == null ? "" : \`\${formatReported(v, row.currency)} (\${formatUsdMillions(row[column])})\`);
display(dataTable(results, {
  columns: ["period", "basis", "revenue_m", "net_loss_m", "adjusted_net_loss_m", "figures_reported", "preferred", "confidence", "source_ids"],
  labels: {period: "Period", basis: "Basis", revenue_m: "Revenue", net_loss_m: "Net loss", adjusted_net_loss_m: "Adjusted net loss", figures_reported: "As reported", preferred: "Used in charts", confidence: "Confidence", source_ids: "Sources"},
  format: {
    basis: (v) => BASIS_LABELS[v] ?? String(v ?? ""),
    revenue_m: money("revenue_usd_m"),
    net_loss_m: money("net_loss_usd_m"),
    adjusted_net_loss_m: money("adjusted_net_loss_usd_m"),
    preferred: (v) => (v ? "yes" : "no: another report of the period is"),
    source_ids: links
  },
  caption: "Reported results",
  download: \`\${companyId}-results.csv\`
}));
\`\`\`

`;
}

