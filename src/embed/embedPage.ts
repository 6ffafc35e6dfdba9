/**
 * embed/<chart> (and embed/company-timeline/<company_id>): the page another site puts in an <iframe> to show one
 * story chart (src/lib/embeds.ts lists them). Generated at build time by the page loaders of both editions
 * (src/embed/[chart].md.ts, src/embed/company-timeline/[company_id].md.ts and their twins under src/zh/), one run
 * per path in observablehq.config.ts `dynamicPaths`.
 *
 * The page is the chart's title, the chart, its licence and a link back to the story page, with no sidebar,
 * header, footer or table of contents: the build draws the chart in its default state into the slot
 * (scripts/prerender.ts) and puts the link's default address in the HTML, so both work with scripts off; the page's
 * cells then draw the chart live at the frame's width, in the state of the embed's own query string
 * (src/components/pages/embed.ts). The build sends these pages without `frame-ancestors 'self'` (scripts/framework/csp.ts).
 */
import {escapeHtml as e} from "../lib/html.js";
import {compiledOutput} from "../lib/loader.js";
import {embedRoute, embedSpec, embedTitle, storyHref} from "../lib/embeds.js";
import {companyLabel} from "../components/companyLookup.js";
import {bilingual, type Lang} from "../components/i18n.js";
import type {CompanySummaryRow} from "../components/rows.js";

/** The page's own words; the chart's are its component's. */
const TEXT = bilingual({
  en: {
    // What search results and link previews say of the page: at most 160 characters.
    description: (title: string) => `${title}: a chart of the Six Tigers Atlas to embed in other sites, with its sources and licence.`,
    licence: `Data <a href="https://creativecommons.org/licenses/by/4.0/" rel="license noopener noreferrer" target="_blank">CC BY 4.0</a> · Six Tigers Atlas`,
    back: "See the full view in the Six Tigers Atlas →"
  },
  zh: {
    description: (title: string) => `六小虎图谱中可以嵌入其他网站的图表：${title}，附来源与许可协议。`,
    licence: `数据采用 <a href="https://creativecommons.org/licenses/by/4.0/deed.zh-hans" rel="license noopener noreferrer" target="_blank">CC BY 4.0</a> 协议 · 六小虎图谱`,
    back: "到六小虎图谱查看完整图表 →"
  }
});

/** The Markdown of the embed page of `chart` in `lang` (`company` for a chart drawn per company). */
export async function embedPage(chart: string, lang: Lang, company?: string): Promise<string> {
  const spec = embedSpec(chart);
  const t = TEXT(lang);
  const route = embedRoute(chart, lang, company || undefined);
  // Modules are imported relative to the page: "../" from /embed/x, "../../../" from /zh/embed/company-timeline/x.
  const up = "../".repeat(route.split("/").length - 1);
  let title: string;
  if (spec.perCompany) {
    // Load inputs: the company's summary row, which its timeline is drawn from and named by.
    const tables = JSON.parse((await compiledOutput("rows.json")).toString("utf8")) as {company_summary: CompanySummaryRow[]};
    const summary = tables.company_summary.find((c) => c.company_id === company);
    if (!summary) throw new Error(`unknown company ${JSON.stringify(company)}; add it to data/companies.csv`);
    title = embedTitle(chart, lang, companyLabel(summary, summary.company_id, lang));
  } else {
    title = embedTitle(chart, lang);
  }
  const module = `${spec.views.toUpperCase()}_VIEWS`;
  const slot = `prerender-${chart}`;
  // Write output: the page, its slot and its link in HTML, and three cells.
  return `---
title: ${JSON.stringify(title)}
description: ${JSON.stringify(t.description(title))}
sidebar: false
toc: false
header: ""
footer: ""
---

<div class="atlas-embed">
<h1 class="atlas-embed-title">${e(title)}</h1>
<div id="${slot}" class="atlas-prerender"${company ? ` data-company="${e(company)}"` : ""}></div>
<p class="atlas-embed-foot"><span class="atlas-embed-licence">${t.licence}</span> <a class="atlas-embed-back" href="${e(storyHref(chart, lang, "", company || undefined))}" target="_top">${e(t.back)}</a></p>
</div>

\`\`\`js
// Only this chart's page of views (src/components/views/${spec.views}.ts) and the embed page's module.
import {${module}} from "${up}components/views/${spec.views}.js";
import {loadEmbed, drawEmbed, linkBack, hydrate} from "${up}components/pages/embed.js";
const chart = ${module}[${JSON.stringify(chart)}];
const data = loadEmbed(chart);
\`\`\`

\`\`\`js
hydrate(${JSON.stringify(slot)}, resize((width) => drawEmbed(chart, data, width, document.getElementById(${JSON.stringify(slot)}))));
\`\`\`

\`\`\`js
linkBack(chart, data);
\`\`\`
`;
}
