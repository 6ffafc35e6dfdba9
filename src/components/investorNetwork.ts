/**
 * Who backed whom: a two-column (bipartite) layout with investors on the left, companies on the right and
 * a link for each investor-company pair. The layout is computed, not simulated, so it is the same on every
 * render and at build time. Investors backing several companies (Alibaba and Tencent backed most of the
 * tigers) sort to the top and are highlighted.
 *
 * Investor names arrive as reported, so one backer can appear as "Alibaba", "Alibaba Cloud" and
 * "阿里巴巴"; `normalizeInvestor` folds them with a small explicit alias table and otherwise leaves names
 * alone (a wrong merge would invent a connection; a missed one only hides it).
 */
import * as d3 from "./d3.js";
import {chartFrame, companyColor, sourceLine, type SourceIndex} from "./chart.js";
import {asList, formatDate} from "./cells.js";
import {drawEmptyMessage, drawNote, NOTE_LINE, textWidth, truncateText, wrapText} from "./chartText.js";
import {companyIndex, labelOf, orderCompanyIds, plural, shortLabelOf, unionSources, type CompanyRow, type RoundRow} from "./fundingData.js";

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Mentions that describe a kind of backer without naming one; they are not investors. */
const GENERIC = new Set([
  "listed companies",
  "crossover funds",
  "state funds",
  "other investors",
  "others",
  "existing investors",
  "existing shareholders",
  "undisclosed",
  "undisclosed investors",
  "老股东",
  "其他投资方"
]);

/**
 * Canonical names for the backers that appear under several names. A group's investment arms and
 * subsidiaries count as the group (Alibaba Cloud → Alibaba, Meituan Longzhu → Meituan), because the
 * question is which groups bet on several start-ups. Keys are lower case.
 */
const ALIASES: Record<string, string[]> = {
  Alibaba: ["alibaba", "alibaba group", "alibaba group holding", "alibaba cloud", "aliyun", "阿里巴巴", "阿里巴巴集团", "阿里", "阿里云"],
  Tencent: ["tencent", "tencent holdings", "tencent investment", "tencent-related entity", "腾讯", "腾讯投资", "腾讯控股"],
  Meituan: ["meituan", "meituan (subsidiary)", "meituan longzhu", "longzhu capital", "美团", "美团龙珠", "龙珠资本"],
  Xiaomi: ["xiaomi", "xiaomi group", "小米", "小米集团"],
  "HongShan (Sequoia China)": ["hongshan", "hongshan (sequoia china)", "sequoia china", "sequoia capital china", "红杉中国", "红杉资本中国"],
  Hillhouse: ["hillhouse", "hillhouse capital", "hillhouse investment", "hillhouse ventures", "高瓴", "高瓴资本", "高瓴创投"],
  "Qiming Venture Partners": ["qiming", "qiming venture partners", "启明创投"],
  "Legend Capital": ["legend capital", "君联资本"],
  "Ant Group": ["ant group", "蚂蚁集团"],
  "Prosperity7 Ventures": ["prosperity7", "prosperity7 ventures", "prosperity7 ventures (saudi aramco)"],
  "Fortune Capital": ["fortune capital", "达晨财智", "达晨创投"],
  Zhihu: ["zhihu", "知乎"],
  "Zhipu AI": ["zhipu ai", "智谱", "智谱ai"],
  "Yunqi Partners": ["yunqi partners", "云启资本"],
  "Capital Today": ["capital today", "今日资本"],
  "5Y Capital": ["5y capital", "五源资本"],
  ZhenFund: ["zhenfund", "真格基金"],
  "IDG Capital": ["idg capital", "idg资本"],
  "Sinovation Ventures": ["sinovation ventures", "创新工场"],
  "Gaorong Capital": ["gaorong capital", "高榕资本", "高榕创投"],
  "Shunwei Capital": ["shunwei capital", "顺为资本"],
  "Zhongguancun Science City": ["zhongguancun science city", "中关村科学城", "中关村科学城公司"],
  // The English gloss in the data ("BAAI subsidiary") describes the backer rather than naming it.
  "北京创新智源 (BAAI subsidiary)": ["北京创新智源", "北京创新智源 (baai subsidiary)"]
};

const ALIAS_INDEX = new Map(Object.entries(ALIASES).flatMap(([name, keys]) => keys.map((k) => [k, name] as const)));

/**
 * The canonical name of an investor, or null for a generic mention ("listed companies") or a blank.
 * Order: the alias table on the whole name; then for "name (gloss)" the alias table on either part, and a
 * bilingual pair ("Zhihu (知乎)", "达晨财智 (Fortune Capital)") reduced to its English part; otherwise the
 * name as given, with whitespace tidied.
 */
export function normalizeInvestor(name: string | null | undefined): string | null {
  if (typeof name !== "string") return null;
  const tidy = name.replace(/[（]/g, "(").replace(/[）]/g, ")").replace(/\s+/g, " ").trim();
  if (!tidy) return null;
  const key = tidy.toLowerCase();
  if (GENERIC.has(key)) return null;
  const whole = ALIAS_INDEX.get(key);
  if (whole) return whole;
  const parts = /^(.+?)\s*\((.+)\)$/.exec(tidy);
  if (!parts) return tidy;
  const [outer, inner] = [parts[1].trim(), parts[2].trim()];
  const aliased = ALIAS_INDEX.get(outer.toLowerCase()) ?? ALIAS_INDEX.get(inner.toLowerCase());
  if (aliased) return aliased;
  const outerCjk = CJK.test(outer);
  const innerCjk = CJK.test(inner);
  if (outerCjk && !innerCjk) return inner;
  if (!outerCjk && innerCjk) return outer;
  return tidy;
}

export interface InvestorLink {
  investor: string;
  company_id: string;
  /** The rows naming this investor for this company, with the name as reported and whether it led. */
  mentions: {row: RoundRow; reported: string; lead: boolean}[];
}

export interface InvestorSummary {
  investor: string;
  companies: string[];
  rows: number;
  led: boolean;
}

/**
 * Investor-company pairs from the lead_investors and investors of rows of the given kinds (default round,
 * ipo and disclosure: reported totals and unconfirmed rounds name backers without a deal to tie them to).
 */
export function investorLinks(rounds: readonly RoundRow[], kinds: readonly string[] = DEFAULT_KINDS): {links: InvestorLink[]; generic: string[]} {
  const wanted = new Set(kinds);
  const links = new Map<string, InvestorLink>();
  const generic: string[] = [];
  for (const row of rounds) {
    if (!wanted.has(row.kind)) continue;
    const named = [...asList(row.lead_investors).map((n) => [n, true] as const), ...asList(row.investors).map((n) => [n, false] as const)];
    for (const [reported, lead] of named) {
      const investor = normalizeInvestor(reported);
      if (!investor) {
        generic.push(reported);
        continue;
      }
      const id = `${investor}→${row.company_id}`;
      let link = links.get(id);
      if (!link) links.set(id, (link = {investor, company_id: row.company_id, mentions: []}));
      if (!link.mentions.some((m) => m.row === row)) link.mentions.push({row, reported, lead});
    }
  }
  return {links: [...links.values()], generic};
}

const DEFAULT_KINDS = ["round", "ipo", "disclosure"];

export interface InvestorNetworkOptions {
  /** Company rows (primary rows are enough), for labels. */
  companies: readonly CompanyRow[];
  /** Width in px (default 640); the layout adapts down to 320. */
  width?: number;
  /** Height of the drawing in px (default: 18 px per investor row); notes add to it. */
  height?: number;
  /** Show only investors who backed at least this many companies (default 1). */
  minCompanies?: number;
  /** Show at most this many investors, those backing the most companies first (default 30). */
  maxInvestors?: number;
  /** Row kinds whose investors count (default round, ipo, disclosure). */
  kinds?: readonly string[];
  /** Sources by id, for tooltips and the source line. */
  sources?: SourceIndex;
}

const ROW = 18;

/** Investors (left) linked to the companies they backed (right); multi-company backers on top. */
export function investorNetwork(rounds: readonly RoundRow[], options: InvestorNetworkOptions): HTMLElement {
  const {companies, sources = new Map(), minCompanies = 1, maxInvestors = 30, kinds = DEFAULT_KINDS} = options;
  const width = Math.max(320, options.width ?? 640);
  const narrow = width < 560;
  const index = companyIndex(companies);
  const {links: allLinks, generic} = investorLinks(rounds, kinds);

  const summaries = new Map<string, InvestorSummary>();
  for (const link of allLinks) {
    const s = summaries.get(link.investor) ?? {investor: link.investor, companies: [], rows: 0, led: false};
    s.companies.push(link.company_id);
    s.rows += link.mentions.length;
    s.led ||= link.mentions.some((m) => m.lead);
    summaries.set(link.investor, s);
  }
  const eligible = [...summaries.values()]
    .filter((s) => s.companies.length >= minCompanies)
    .sort((a, b) => b.companies.length - a.companies.length || b.rows - a.rows || Number(b.led) - Number(a.led) || (a.investor < b.investor ? -1 : 1));
  const shown = eligible.slice(0, Math.max(0, maxInvestors));
  const leftOut = eligible.length - shown.length;
  const belowMin = summaries.size - eligible.length;
  const shownSet = new Set(shown.map((s) => s.investor));
  const links = allLinks.filter((l) => shownSet.has(l.investor));
  const companyIds = orderCompanyIds(links.map((l) => l.company_id), companies);
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

  const compLabel = (id: string) => (narrow ? shortLabelOf(index, id) : labelOf(index, id));
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
      links.flatMap((l) => unionSources(l.mentions.map((m) => m.row))),
      sources
    ),
    sources,
    table: {
      rows: links
        .slice()
        .sort((a, b) => shown.findIndex((s) => s.investor === a.investor) - shown.findIndex((s) => s.investor === b.investor) || (companyRank.get(a.company_id) ?? 0) - (companyRank.get(b.company_id) ?? 0))
        .map((l) => ({
          investor: l.investor,
          company: labelOf(index, l.company_id),
          rounds: l.mentions.map((m) => m.row.id),
          reported_as: [...new Set(l.mentions.map((m) => m.reported))],
          lead: l.mentions.some((m) => m.lead) ? "yes" : ""
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
  const investorY = new Map(shown.map((s, i) => [s.investor, rowY(i)]));
  const xInvestor = invWidth;
  const xCompany = inner.width - compWidth;

  const link = d3.linkHorizontal<{source: [number, number]; target: [number, number]}, [number, number]>();
  const isShared = (l: InvestorLink) => (summaries.get(l.investor)?.companies.length ?? 0) >= 2;
  const paths = plot
    .append("g")
    .attr("class", "links")
    .attr("fill", "none")
    .selectAll("path")
    .data(links)
    .join("path")
    .attr("class", (l) => (isShared(l) ? "mark shared" : "mark"))
    .attr("data-id", (l) => `${l.investor}→${l.company_id}`)
    .attr("d", (l) => link({source: [xInvestor + 4, investorY.get(l.investor)!], target: [xCompany - 4, companyY.get(l.company_id)!]}))
    .attr("stroke", (l) => companyColor(l.company_id))
    .attr("stroke-width", (l) => (isShared(l) ? 2.25 : 1.25))
    .attr("stroke-opacity", (l) => (isShared(l) ? 0.9 : 0.45))
    .attr("stroke-dasharray", (l) => (l.mentions.every((m) => m.row.kind === "disclosure") ? "4,2" : null));

  frame.tooltip.attach(paths, (l) => ({
    title: `${l.investor} → ${labelOf(index, l.company_id)}`,
    lines: [
      ...l.mentions.map((m) => `${m.row.round ?? m.row.kind}, ${formatDate(m.row.date, m.row.date_raw)}${m.lead ? " (lead)" : ""}${m.row.kind === "disclosure" ? " (stake disclosed later)" : ""}`),
      ...(l.mentions.some((m) => m.reported !== l.investor) ? [`Named as: ${[...new Set(l.mentions.map((m) => m.reported))].join("; ")}`] : [])
    ],
    sources: unionSources(l.mentions.map((m) => m.row))
  }));

  const investorLabels = plot
    .append("g")
    .attr("class", "investors")
    .selectAll("g")
    .data(shown)
    .join("g")
    .attr("class", (s) => (s.companies.length >= 2 ? "investor shared" : "investor"))
    .attr("data-investor", (s) => s.investor)
    .attr("transform", (s) => `translate(0,${investorY.get(s.investor)})`);
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
    lines: [`Backed ${plural(s.companies.length, "company", "companies")}: ${orderCompanyIds(s.companies, companies).map((id) => labelOf(index, id)).join(", ")}`],
    sources: unionSources(links.filter((l) => l.investor === s.investor).flatMap((l) => l.mentions.map((m) => m.row)))
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
  companyNodes.append("circle").attr("r", 5).attr("fill", (id) => companyColor(id)).attr("stroke", "currentColor").attr("stroke-width", 0.75);
  companyNodes
    .append("text")
    .attr("x", 9)
    .attr("y", 4)
    .attr("fill", "currentColor")
    .attr("font-weight", 600)
    .text((id) => truncateText(compLabel(id), compWidth - 10));
  return frame.figure;
}
