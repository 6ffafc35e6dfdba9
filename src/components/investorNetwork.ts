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
import {drawEmptyMessage, drawNote, NOTE_LINE, textWidth, truncateText, wrapText} from "./chartText.js";
import {companyLookup, type CompanyRef} from "./companyLookup.js";
import {plural, unionSources} from "./fundingData.js";
import type {InvestorLinksRow} from "./rows.js";
import type {Lang} from "./i18n.js";

/** An investor_links row. */
export type LinkRow = InvestorLinksRow;

interface InvestorLink {
  investor_id: string;
  investor: string;
  company_id: string;
  /** The investor_links rows for this pair: one per round naming the investor. */
  mentions: LinkRow[];
}

interface InvestorSummary {
  investor_id: string;
  investor: string;
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

/** Investors (left) linked to the companies they backed (right); multi-company backers on top. */
export function investorNetwork(linkRows: readonly LinkRow[], options: InvestorNetworkOptions): HTMLElement {
  const {companies, sources = new Map(), minCompanies = 1, maxInvestors = 30, dealsOnly = true} = options;
  const width = Math.max(320, options.width ?? 640);
  const narrow = width < 560;
  const lookup = companyLookup(companies);
  const inKinds = linkRows.filter((r) => !dealsOnly || r.is_deal);
  const generic = inKinds.filter((r) => r.investor_id === null || r.investor === null).map((r) => r.name_as_reported);
  const pairs = new Map<string, InvestorLink>();
  for (const r of inKinds) {
    if (r.investor_id === null || r.investor === null) continue;
    const key = `${r.investor_id}→${r.company_id}`;
    let link = pairs.get(key);
    if (!link) pairs.set(key, (link = {investor_id: r.investor_id, investor: r.investor, company_id: r.company_id, mentions: []}));
    link.mentions.push(r);
  }
  const allLinks = [...pairs.values()];

  const summaries = new Map<string, InvestorSummary>();
  for (const link of allLinks) {
    const s = summaries.get(link.investor_id) ?? {investor_id: link.investor_id, investor: link.investor, companies: [], rows: 0, led: false};
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
    leftOut ? `${plural(leftOut, "more investor")} (each backing ${d3.max(eligible.slice(shown.length), (s) => s.companies.length) === 1 ? "one company" : "fewer companies"}) not shown.` : "",
    belowMin ? `${plural(belowMin, "investor")} backing fewer than ${minCompanies} companies left out.` : ""
  ].filter(Boolean);
  const noteLines = notes.length ? wrapText(notes.join(" "), width - 16, 10.5) : [];

  const compLabel = (id: string) => (narrow ? lookup.short(id) : lookup.label(id));
  const margin = {top: 26, right: 8, bottom: 8 + noteLines.length * NOTE_LINE + (noteLines.length ? 6 : 0), left: 8};
  const innerWidth = width - margin.left - margin.right;
  const compWidth = Math.min(innerWidth * 0.3, (d3.max(companyIds, (id) => textWidth(compLabel(id))) ?? 40) + 14);
  // Shared investors are set in bold (about a tenth wider) with a "×n" count after the name.
  const labelWidth = (s: InvestorSummary) => (s.companies.length > 1 ? textWidth(s.investor) * 1.1 + 22 : textWidth(s.investor));
  const invWidth = Math.min(innerWidth * (narrow ? 0.44 : 0.4), (d3.max(shown, labelWidth) ?? 40) + 8);
  const rows = Math.max(shown.length, companyIds.length * 2, 3);
  // A given height sets the row pitch, but never below legible (12 px): the figure grows instead.
  const pitch = options.height ? Math.max(12, (options.height - margin.top - 8) / rows) : ROW;
  const plotHeight = rows * pitch + margin.top + 8;
  const height = plotHeight + margin.bottom - 8;

  const description = [
    `Investors named in financing rounds, IPOs and later disclosures, linked to the companies they backed: ${plural(links.length, "link")} between ${plural(shown.length, "investor")} and ${plural(companyIds.length, "company", "companies")}.`,
    shared.length ? `Investors backing two or more companies are listed first and highlighted: ${shared.map((s) => `${s.investor} (${s.companies.length})`).join(", ")}.` : "No investor backed more than one of these companies.",
    ...notes,
    generic.length ? `${plural(generic.length, "generic mention")} (${[...new Set(generic)].join(", ")}) name${generic.length === 1 ? "s" : ""} no investor and ${generic.length === 1 ? "is" : "are"} not drawn.` : "",
    "Names are folded for the big groups (Alibaba Cloud counts as Alibaba); investors named only in reported totals or unconfirmed rounds are not included."
  ]
    .filter(Boolean)
    .join(" ");

  const frame = chartFrame({
    name: "investor-network",
    title: "Who backed whom",
    description,
    width,
    height,
    margin,
    sourceLine: sourceLine(
      links.flatMap((l) => unionSources(l.mentions)),
      sources
    ),
    sources,
    table: {
      rows: links
        .slice()
        .sort((a, b) => shown.findIndex((s) => s.investor_id === a.investor_id) - shown.findIndex((s) => s.investor_id === b.investor_id) || (companyRank.get(a.company_id) ?? 0) - (companyRank.get(b.company_id) ?? 0))
        .map((l) => ({
          investor: l.investor,
          company: lookup.label(l.company_id),
          rounds: [...new Set(l.mentions.map((m) => m.round_id))],
          reported_as: [...new Set(l.mentions.map((m) => m.name_as_reported))],
          lead: l.mentions.some((m) => m.is_lead) ? "yes" : ""
        })),
      columns: ["investor", "company", "rounds", "reported_as", "lead"],
      labels: {investor: "Investor", company: "Company", rounds: "Rows", reported_as: "Named in the source as", lead: "Led a round"}
    }
  });
  const {plot, inner} = frame;
  drawNote(frame.svg, noteLines, 8, plotHeight + 12);

  plot.append("text").attr("class", "column-head").attr("x", 0).attr("y", -10).attr("fill", "currentColor").attr("font-weight", 600).text("Investor");
  plot.append("text").attr("class", "column-head").attr("x", inner.width).attr("y", -10).attr("text-anchor", "end").attr("fill", "currentColor").attr("font-weight", 600).text("Company");

  if (!links.length) {
    drawEmptyMessage(plot, inner, "No named investors in these rows.", 24);
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
    title: `${l.investor} → ${lookup.label(l.company_id)}`,
    lines: [
      ...l.mentions.map((m) => `${m.round ?? m.round_id}, ${formatDate(m.date, m.date_raw)}${m.is_lead ? " (lead)" : ""}${m.round_kind === "disclosure" ? " (stake disclosed later)" : ""}`),
      ...(l.mentions.some((m) => m.name_as_reported !== l.investor) ? [`Named as: ${[...new Set(l.mentions.map((m) => m.name_as_reported))].join("; ")}`] : [])
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
    .text((s) => (s.companies.length >= 2 ? truncateText(s.investor, (invWidth - 22) / 1.1) : truncateText(s.investor, invWidth)));
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
    title: s.investor,
    lines: [`Backed ${plural(s.companies.length, "company", "companies")}: ${lookup.order(s.companies).map((id) => lookup.label(id)).join(", ")}`],
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
    .text((id) => truncateText(compLabel(id), compWidth - 10));
  return frame.figure;
}
