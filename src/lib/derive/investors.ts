/**
 * Investor names as reported, resolved to one investor each, so that "Alibaba", "Alibaba Cloud" and "阿里巴巴"
 * are one backer in every chart and query. The aliases are data (data/investor_aliases.csv, with a note each);
 * here is only how a name is looked up. A wrong merge would invent a connection and a missed one only hides
 * it, so a name the list does not know stays as it is, apart from splitting a bilingual "中文 (English)" pair.
 */
import * as aq from "arquero";
import {aliasKey} from "../ids.js";
import type {Row} from "../tables/common.js";

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Kinds of funding row that tie a backer to a deal; reported totals and rounds in progress only name them. */
export const DEAL_KINDS = ["round", "ipo", "disclosure"];

export interface InvestorAlias {
  alias: string;
  investor_id: string | null;
  investor: string | null;
  investor_zh: string | null;
}

export interface ResolvedInvestor {
  /** null for a generic mention ("other investors"), which names no backer. */
  investor_id: string | null;
  investor: string | null;
  investor_zh: string | null;
  /** The alias that matched, if any. */
  alias: string | null;
}

/** Resolves reported names against an alias list; remembers which aliases were used. */
export function investorResolver(aliases: readonly InvestorAlias[]) {
  const index = new Map(aliases.map((a) => [aliasKey(a.alias), a]));
  const used = new Set<string>();
  const fromAlias = (a: InvestorAlias): ResolvedInvestor => {
    used.add(a.alias);
    return {investor_id: a.investor_id, investor: a.investor, investor_zh: a.investor_zh, alias: a.alias};
  };
  function resolve(reported: string): ResolvedInvestor {
    const tidy = reported.replace(/（/g, "(").replace(/）/g, ")").replace(/\s+/g, " ").trim();
    const whole = index.get(aliasKey(tidy));
    if (whole) return fromAlias(whole);
    const parts = /^(.+?)\s*\((.+)\)$/.exec(tidy);
    if (parts) {
      const [outer, inner] = [parts[1].trim(), parts[2].trim()];
      const aliased = index.get(aliasKey(outer)) ?? index.get(aliasKey(inner));
      if (aliased) return fromAlias(aliased);
      const [outerCjk, innerCjk] = [CJK.test(outer), CJK.test(inner)];
      if (outerCjk && !innerCjk) return named(inner, outer);
      if (!outerCjk && innerCjk) return named(outer, inner);
    }
    return named(tidy, CJK.test(tidy) ? tidy : null);
  }
  return {resolve, unused: () => aliases.filter((a) => !used.has(a.alias)).map((a) => a.alias)};
}

function named(investor: string, investorZh: string | null): ResolvedInvestor {
  return {investor_id: investorId(investor), investor, investor_zh: investorZh, alias: null};
}

/** "HongShan (Sequoia China)" → "hongshan-sequoia-china"; a name with no Latin letters keeps its own text. */
export function investorId(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug || name.replace(/\s+/g, "");
}

/**
 * One row per investor named on a funding row (leads first), in the order of the rounds. Rows need id,
 * company_id, kind, date, date_raw, lead_investors, investors and source_ids.
 */
export function investorLinks(rounds: readonly Row[], aliases: readonly InvestorAlias[]): {rows: Row[]; unusedAliases: string[]} {
  const resolver = investorResolver(aliases);
  const named = aq
    .from(
      rounds.map((r) => ({
        round_id: r.id,
        round: r.round,
        company_id: r.company_id,
        round_kind: r.kind,
        date: r.date,
        date_raw: r.date_raw,
        source_ids: r.source_ids,
        named: [...(r.lead_investors as string[]).map((name) => ({name, lead: true})), ...(r.investors as string[]).map((name) => ({name, lead: false}))]
      }))
    )
    .unroll("named", {index: "position"})
    .objects() as {round_id: string; round: string; company_id: string; round_kind: string; date: string | null; date_raw: string | null; source_ids: string[]; named: {name: string; lead: boolean}; position: number}[];
  const rows = named.map((r) => {
    const resolved = resolver.resolve(r.named.name);
    return {
      investor_id: resolved.investor_id,
      investor: resolved.investor,
      investor_zh: resolved.investor_zh,
      name_as_reported: r.named.name,
      alias_matched: resolved.alias,
      company_id: r.company_id,
      round_id: r.round_id,
      round: r.round,
      round_kind: r.round_kind,
      is_deal: DEAL_KINDS.includes(r.round_kind),
      date: r.date,
      date_raw: r.date_raw,
      is_lead: r.named.lead,
      position: r.position + 1,
      source_ids: r.source_ids
    };
  });
  return {rows, unusedAliases: resolver.unused()};
}
