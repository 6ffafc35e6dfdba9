/**
 * Who backed whom: a two-column (bipartite) layout with investors on the left, companies on the right and
 * a link for each investor-company pair. The layout is computed, not simulated, so it is the same on every
 * render and at build time. Investors backing several companies (Alibaba and Tencent backed most of the
 * tigers) sort to the top and are highlighted.
 *
 * The chart draws investor_links rows: the build has already folded the names one backer is reported under
 * ("Alibaba Cloud", "阿里云" → Alibaba) with data/investor_aliases.csv, and marks generic mentions
 * ("other investors") with a null investor_id, so there is no alias table in the browser.
 */
import * as d3 from "./d3.js";
import {chartFrame, sourceLine, type SourceIndex} from "./chart.js";
import {formatDate} from "./cells.js";
import {drawEmptyMessage, drawNote, fitText, NOTE_LINE, textWidth, wrapText} from "./chartText.js";
import {companyLookup, type CompanyRef} from "./companyLookup.js";
import {plural, unionSources} from "./fundingData.js";
import type {InvestorLinksRow} from "./rows.js";
import {bilingual, type Lang} from "./i18n.js";

/** An investor_links row. */
export type LinkRow = InvestorLinksRow;

interface InvestorLink {
  investor_id: string;
  /** The canonical English name (orders the rows the same in both languages). */
  investor: string;
  /** The name shown: the Chinese one on a Chinese page where there is one. */
  name: string;
  company_id: string;
  /** The investor_links rows for this pair: one per round naming the investor. */
  mentions: LinkRow[];
}

interface InvestorSummary {
  investor_id: string;
  investor: string;
  name: string;
  companies: string[];
  rows: number;
  led: boolean;
}


export interface InvestorNetworkOptions {
  /** The page's language: every word the chart shows follows it. */
  lang?: Lang;
  /** company_summary rows, for labels, colours and order. */
  companies: readonly CompanyRef[];
  /** Width in px (default 640); the layout adapts down to 320. */
  width?: number;
  /** Height of the drawing in px (default: 18 px per investor row); notes add to it. */
  height?: number;
  /** Show only investors who backed at least this many companies (default 1). */
  minCompanies?: number;
  /** Show at most this many investors, those backing the most companies first (default 30). */
  maxInvestors?: number;
  /**
   * Draw only investors named in deals (`investor_links.is_deal`, default true): reported totals and
   * unconfirmed rounds name backers without a deal to tie them to.
   */
  dealsOnly?: boolean;
  /** Sources by id, for tooltips and the source line. */
  sources?: SourceIndex;
}

const ROW = 18;

/** The chart's words in both languages; sentences with counts are functions. */
const TEXT = bilingual({
  en: {
    title: "Who backed whom",
    investor: "Investor",
    company: "Company",
    listSeparator: ", ",
    sentenceSeparator: " ",
    notes: {
      leftOut: (n: number, eachOne: boolean) => `${plural(n, "more investor")} (each backing ${eachOne ? "one company" : "fewer companies"}) not shown.`,
      belowMin: (n: number, min: number) => `${plural(n, "investor")} backing fewer than ${min} companies left out.`
    },
    describe: {
      links: (links: number, investors: number, companies: number) =>
        `Investors named in financing rounds, IPOs and later disclosures, linked to the companies they backed: ${plural(links, "link")} between ${plural(investors, "investor")} and ${plural(companies, "company", "companies")}.`,
      sharedItem: (name: string, n: number) => `${name} (${n})`,
      shared: (list: string) => `Investors backing two or more companies are listed first and highlighted: ${list}.`,
      noShared: "No investor backed more than one of these companies.",
      generic: (n: number, names: string) => `${plural(n, "generic mention")} (${names}) name${n === 1 ? "s" : ""} no investor and ${n === 1 ? "is" : "are"} not drawn.`,
      folded: "Names are folded for the big groups (Alibaba Cloud counts as Alibaba); investors named only in reported totals or unconfirmed rounds are not included."
    },
    labels: {investor: "Investor", company: "Company", rounds: "Rows", reported_as: "Named in the source as", lead: "Led a round"},
    yes: "yes",
    empty: "No named investors in these rows.",
    tip: {
      mention: (round: string, date: string, lead: boolean, disclosure: boolean) => `${round}, ${date}${lead ? " (lead)" : ""}${disclosure ? " (stake disclosed later)" : ""}`,
      namedAs: (names: string) => `Named as: ${names}`,
      namesSeparator: "; ",
      backed: (n: number, list: string) => `Backed ${plural(n, "company", "companies")}: ${list}`
    }
  },
  zh: {
    title: "谁投了谁",
    investor: "投资方",
    company: "公司",
    listSeparator: "、",
    sentenceSeparator: "",
    notes: {
      leftOut: (n: number, eachOne: boolean) => `另有${n}家投资方未列出（${eachOne ? "各只投资了一家公司" : "所投公司较少"}）。`,
      belowMin: (n: number, min: number) => `${n}家投资方所投公司少于${min}家，未列入。`
    },
    describe: {
      links: (links: number, investors: number, companies: number) =>
        `融资轮次、IPO和事后披露中具名的投资方，与其所投公司相连：${investors}家投资方与${companies}家公司之间共${links}条连线。`,
      sharedItem: (name: string, n: number) => `${name}（${n}家）`,
      shared: (list: string) => `投资两家及以上公司的投资方排在最前并突出显示：${list}。`,
      noShared: "没有投资方同时投资这些公司中的两家或更多。",
      generic: (n: number, names: string) => `${n}处笼统提及（${names}）没有指明投资方，未画出。`,
      folded: "大集团旗下的名称已合并（阿里云计入阿里巴巴）；只在报道的累计数或未经证实的轮次中出现的投资方不计入。"
    },
    labels: {investor: "投资方", company: "公司", rounds: "轮次记录", reported_as: "来源中的名称", lead: "领投"},
    yes: "是",
    empty: "这些记录中没有具名的投资方。",
    tip: {
      mention: (round: string, date: string, lead: boolean, disclosure: boolean) => `${round}，${date}${lead ? "（领投）" : ""}${disclosure ? "（持股为事后披露）" : ""}`,
      namedAs: (names: string) => `来源中的名称：${names}`,
      namesSeparator: "；",
      backed: (n: number, list: string) => `投资了${n}家公司：${list}`
    }
  }
});

/** Investors (left) linked to the companies they backed (right); multi-company backers on top. */
export function investorNetwork(linkRows: readonly LinkRow[], options: InvestorNetworkOptions): HTMLElement {
  const {companies, sources = new Map(), minCompanies = 1, maxInvestors = 30, dealsOnly = true, lang = "en"} = options;
  const t = TEXT(lang);
  const width = Math.max(320, options.width ?? 640);
  const narrow = width < 560;
  const lookup = companyLookup(companies, lang);
  // Investors go by their Chinese names on a Chinese page where the data has one (阿里巴巴, 腾讯), taken from
  // any of the investor's rows so that one row without it does not decide.
  const zhNames = new Map<string, string>();
  for (const r of linkRows) if (r.investor_id !== null && r.investor_zh && !zhNames.has(r.investor_id)) zhNames.set(r.investor_id, r.investor_zh);
  const nameOf = (r: LinkRow) => (lang === "zh" && zhNames.get(r.investor_id!)) || r.investor!;
  const inKinds = linkRows.filter((r) => !dealsOnly || r.is_deal);
  const generic = inKinds.filter((r) => r.investor_id === null || r.investor === null).map((r) => r.name_as_reported);
  const pairs = new Map<string, InvestorLink>();
  for (const r of inKinds) {
    if (r.investor_id === null || r.investor === null) continue;
    const key = `${r.investor_id}→${r.company_id}`;
    let link = pairs.get(key);
    if (!link) pairs.set(key, (link = {investor_id: r.investor_id, investor: r.investor, name: nameOf(r), company_id: r.company_id, mentions: []}));
    link.mentions.push(r);
  }
  const allLinks = [...pairs.values()];

  const summaries = new Map<string, InvestorSummary>();
  for (const link of allLinks) {
    const s = summaries.get(link.investor_id) ?? {investor_id: link.investor_id, investor: link.investor, name: link.name, companies: [], rows: 0, led: false};
    s.companies.push(link.company_id);
    s.rows += link.mentions.length;
    s.led ||= link.mentions.some((m) => m.is_lead);
    summaries.set(link.investor_id, s);
  }
  const eligible = [...summaries.values()]
    .filter((s) => s.companies.length >= minCompanies)
    .sort((a, b) => b.companies.length - a.companies.length || b.rows - a.rows || Number(b.led) - Number(a.led) || (a.investor < b.investor ? -1 : 1));
  const shown = eligible.slice(0, Math.max(0, maxInvestors));
  const leftOut = eligible.length - shown.length;
  const belowMin = summaries.size - eligible.length;
  const shownSet = new Set(shown.map((s) => s.investor_id));
  const links = allLinks.filter((l) => shownSet.has(l.investor_id));
  const companyIds = lookup.order(links.map((l) => l.company_id));
  const companyRank = new Map(companyIds.map((id, i) => [id, i]));
  // Within the same number of companies, order by the mean position of the companies backed so links cross less.
  const barycentre = (s: InvestorSummary) => d3.mean(s.companies, (id) => companyRank.get(id) ?? 0) ?? 0;
  shown.sort((a, b) => b.companies.length - a.companies.length || barycentre(a) - barycentre(b) || (a.investor < b.investor ? -1 : 1));
  const shared = shown.filter((s) => s.companies.length >= 2);

  const notes = [
    leftOut ? t.notes.leftOut(leftOut, d3.max(eligible.slice(shown.length), (s) => s.companies.length) === 1) : "",
    belowMin ? t.notes.belowMin(belowMin, minCompanies) : ""
  ].filter(Boolean);
  const noteLines = notes.length ? wrapText(notes.join(t.sentenceSeparator), width - 16, 10.5) : [];

  const compLabel = (id: string) => (narrow ? lookup.short(id) : lookup.label(id));
  const margin = {top: 26, right: 8, bottom: 8 + noteLines.length * NOTE_LINE + (noteLines.length ? 6 : 0), left: 8};
  const innerWidth = width - margin.left - margin.right;
  const compWidth = Math.min(innerWidth * 0.3, (d3.max(companyIds, (id) => textWidth(compLabel(id))) ?? 40) + 14);
  // Shared investors are set in bold (about a tenth wider) with a "×n" count after the name.
  const labelWidth = (s: InvestorSummary) => (s.companies.length > 1 ? textWidth(s.name) * 1.1 + 22 : textWidth(s.name));
  const invWidth = Math.min(innerWidth * (narrow ? 0.44 : 0.4), (d3.max(shown, labelWidth) ?? 40) + 8);
  const rows = Math.max(shown.length, companyIds.length * 2, 3);
  // A given height sets the row pitch, but never below legible (12 px): the figure grows instead.
  const pitch = options.height ? Math.max(12, (options.height - margin.top - 8) / rows) : ROW;
  const plotHeight = rows * pitch + margin.top + 8;
  const height = plotHeight + margin.bottom - 8;

  const description = [
    t.describe.links(links.length, shown.length, companyIds.length),
    shared.length ? t.describe.shared(shared.map((s) => t.describe.sharedItem(s.name, s.companies.length)).join(t.listSeparator)) : t.describe.noShared,
    ...notes,
    generic.length ? t.describe.generic(generic.length, [...new Set(generic)].join(t.listSeparator)) : "",
    t.describe.folded
  ]
    .filter(Boolean)
    .join(t.sentenceSeparator);

  const frame = chartFrame({
    name: "investor-network",
    title: t.title,
    description,
    lang,
    width,
    height,
    margin,
    sourceLine: sourceLine(
      links.flatMap((l) => unionSources(l.mentions)),
      sources,
      4,
      lang
    ),
    sources,
    table: {
      rows: links
        .slice()
        .sort((a, b) => shown.findIndex((s) => s.investor_id === a.investor_id) - shown.findIndex((s) => s.investor_id === b.investor_id) || (companyRank.get(a.company_id) ?? 0) - (companyRank.get(b.company_id) ?? 0))
        .map((l) => ({
          investor: l.name,
          company: lookup.label(l.company_id),
          rounds: [...new Set(l.mentions.map((m) => m.round_id))],
          reported_as: [...new Set(l.mentions.map((m) => m.name_as_reported))],
          lead: l.mentions.some((m) => m.is_lead) ? t.yes : ""
        })),
      columns: ["investor", "company", "rounds", "reported_as", "lead"],
      labels: t.labels
    }
  });
  const {plot, inner} = frame;
  drawNote(frame.svg, noteLines, 8, plotHeight + 12);

  plot.append("text").attr("class", "column-head").attr("x", 0).attr("y", -10).attr("fill", "currentColor").attr("font-weight", 600).text(t.investor);
  plot.append("text").attr("class", "column-head").attr("x", inner.width).attr("y", -10).attr("text-anchor", "end").attr("fill", "currentColor").attr("font-weight", 600).text(t.company);

  if (!links.length) {
    drawEmptyMessage(plot, inner, t.empty, 24);
    return frame.figure;
  }

  const rowY = (i: number) => i * pitch + pitch / 2;
  const span = rows * pitch;
  const companyY = new Map(companyIds.map((id, i) => [id, ((i + 0.5) * span) / companyIds.length]));
  const investorY = new Map(shown.map((s, i) => [s.investor_id, rowY(i)]));
  const xInvestor = invWidth;
  const xCompany = inner.width - compWidth;

  const link = d3.linkHorizontal<{source: [number, number]; target: [number, number]}, [number, number]>();
  const isShared = (l: InvestorLink) => (summaries.get(l.investor_id)?.companies.length ?? 0) >= 2;
  const paths = plot
    .append("g")
    .attr("class", "links")
    .attr("fill", "none")
    .selectAll("path")
    .data(links)
    .join("path")
    .attr("class", (l) => (isShared(l) ? "mark shared" : "mark"))
    .attr("data-id", (l) => `${l.investor_id}→${l.company_id}`)
    .attr("d", (l) => link({source: [xInvestor + 4, investorY.get(l.investor_id)!], target: [xCompany - 4, companyY.get(l.company_id)!]}))
    .attr("stroke", (l) => lookup.color(l.company_id))
    .attr("stroke-width", (l) => (isShared(l) ? 2.25 : 1.25))
    .attr("stroke-opacity", (l) => (isShared(l) ? 0.9 : 0.45))
    .attr("stroke-dasharray", (l) => (l.mentions.every((m) => m.round_kind === "disclosure") ? "4,2" : null));

  frame.tooltip.attach(paths, (l) => ({
    title: `${l.name} → ${lookup.label(l.company_id)}`,
    lines: [
      ...l.mentions.map((m) => t.tip.mention(m.round ?? m.round_id, formatDate(m.date, m.date_raw, lang), m.is_lead, m.round_kind === "disclosure")),
      ...(l.mentions.some((m) => m.name_as_reported !== l.name) ? [t.tip.namedAs([...new Set(l.mentions.map((m) => m.name_as_reported))].join(t.tip.namesSeparator))] : [])
    ],
    sources: unionSources(l.mentions)
  }));

  const investorLabels = plot
    .append("g")
    .attr("class", "investors")
    .selectAll("g")
    .data(shown)
    .join("g")
    .attr("class", (s) => (s.companies.length >= 2 ? "investor shared" : "investor"))
    .attr("data-investor", (s) => s.investor)
    .attr("transform", (s) => `translate(0,${investorY.get(s.investor_id)})`);
  investorLabels
    .filter((s) => s.companies.length >= 2)
    .append("rect")
    .attr("class", "highlight")
    .attr("x", -4)
    .attr("y", -pitch / 2 + 1)
    .attr("width", invWidth + 8)
    .attr("height", pitch - 2)
    .attr("rx", 3)
    .attr("fill", "currentColor")
    .attr("fill-opacity", 0.08);
  investorLabels
    .append("text")
    .attr("x", (s) => invWidth - (s.companies.length >= 2 ? 22 : 0))
    .attr("y", 4)
    .attr("text-anchor", "end")
    .attr("fill", "currentColor")
    .attr("font-weight", (s) => (s.companies.length >= 2 ? 700 : 400))
    .call(fitText, (s) => s.name, (s) => (s.companies.length >= 2 ? (invWidth - 22) / 1.1 : invWidth));
  investorLabels
    .filter((s) => s.companies.length >= 2)
    .append("text")
    .attr("class", "count")
    .attr("x", invWidth)
    .attr("y", 4)
    .attr("text-anchor", "end")
    .attr("fill", "currentColor")
    .attr("font-size", 10)
    .text((s) => `×${s.companies.length}`);
  frame.tooltip.attach(investorLabels, (s) => ({
    title: s.name,
    lines: [t.tip.backed(s.companies.length, lookup.order(s.companies).map((id) => lookup.label(id)).join(t.listSeparator))],
    sources: unionSources(links.filter((l) => l.investor_id === s.investor_id).flatMap((l) => l.mentions))
  }));

  const companyNodes = plot
    .append("g")
    .attr("class", "companies")
    .selectAll("g")
    .data(companyIds)
    .join("g")
    .attr("class", "company")
    .attr("data-company", (id) => id)
    .attr("transform", (id) => `translate(${xCompany},${companyY.get(id)})`);
  companyNodes.append("circle").attr("r", 5).attr("fill", (id) => lookup.color(id)).attr("stroke", "currentColor").attr("stroke-width", 0.75);
  companyNodes
    .append("text")
    .attr("x", 9)
    .attr("y", 4)
    .attr("fill", "currentColor")
    .attr("font-weight", 600)
    .call(fitText, compLabel, () => compWidth - 10);
  return frame.figure;
}
