/**
 * companies/<company_id> — one page per company, generated at build time (Framework page loader, one run per
 * id listed in observablehq.config.ts `dynamicPaths`). The key facts, disagreements and the full source list
 * are static HTML written here, so they show before any script runs; the timeline and tables are drawn in the
 * browser from the Parquet tables. Every text value from data is escaped (src/lib/html.ts).
 */
import {escapeHtml as e, safeHref} from "../lib/html.js";
import {compiledOutput, loaderParam, runLoader} from "../lib/loader.js";

const id = loaderParam("company_id");

type Row = Record<string, unknown>;

async function main(): Promise<string> {
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
  const sources = tables.sources;
  const cited = new Set([...companies, ...rounds, ...models, ...events, ...claims].flatMap((r) => r.source_ids as string[]));
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

<p class="atlas-note">${rounds.length} funding rows, ${models.length} models, ${events.length} events and ${claims.length} claims in the atlas; ${cited.size} sources.</p>

\`\`\`js
// Imports: node_modules and this site only.
import {readParquet} from "../components/parquet.js";
import {PARQUET} from "../components/tables.js";
import {indexSources, sourceLinksSpan} from "../components/chart.js";
import {companyTimeline} from "../components/companyTimeline.js";
import {hydrate} from "../components/prerendered.js";
import {dataTable} from "../components/dataTable.js";
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

\`\`\`js
display(dataTable(rounds, {
  columns: ["date_raw", "kind", "round", "amount_reported", "amount_usd_mid", "valuation_reported", "conflict_key", "confidence", "source_ids"],
  labels: {date_raw: "Date", kind: "Kind", round: "Round", amount_reported: "Amount as reported", amount_usd_mid: "USD m (estimate)", valuation_reported: "Valuation as reported", conflict_key: "Disputed", confidence: "Confidence", source_ids: "Sources"},
  format: {source_ids: links, amount_usd_mid: (v) => (v == null ? "" : String(Math.round(v)))},
  caption: "Funding rounds, IPO and reported totals",
  download: \`\${companyId}-funding.csv\`
}));
\`\`\`

## Models

\`\`\`js
display(dataTable(models, {
  columns: ["release_date_raw", "model", "params_total_b", "params_active_b", "architecture", "open_weights", "deployment", "confidence", "source_ids"],
  labels: {release_date_raw: "Released", model: "Model", params_total_b: "Total (B)", params_active_b: "Active (B)", architecture: "Architecture", open_weights: "Open weights", deployment: "Deployment", confidence: "Confidence", source_ids: "Sources"},
  format: {source_ids: links},
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

await runLoader(main);
