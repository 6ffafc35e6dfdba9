/**
 * How charts name, colour and order companies: all three are read from `company_summary` rows
 * (label, color, display_order), which the build writes once so every chart and page agrees. Nothing here
 * decides an order or a colour; a company id with no row (an "industry" lane, a fixture's stray id) gets
 * the bare id, a neutral grey and a place after the known companies, so it shows rather than crashes.
 * (`companyColor` also takes a bare id, as older notebooks pass one, and answers the grey.)
 */
import type {Lang} from "./i18n.js";
import type {CompanySummaryRow} from "./rows.js";

/** The columns a chart reads about a company; rows of `companies` (no label, colour or order) also fit. */
export type CompanyRef = Pick<CompanySummaryRow, "company_id" | "short_en" | "short_zh"> &
  Partial<Pick<CompanySummaryRow, "label" | "display_order" | "color" | "group">> & {is_primary?: boolean | null};

/** The colour of a company with no row (and of marks that belong to no company). */
export const NEUTRAL_COLOR = "#888888";

/**
 * "智谱 Zhipu": the published label, else both short names (one when they are equal), else the fallback. On a
 * Chinese page a company goes by its Chinese short name alone ("智谱", "MiniMax").
 */
export function companyLabel(company: CompanyRef | undefined | null, fallback = "", lang: Lang = "en"): string {
  if (!company) return fallback;
  if (lang === "zh") return company.short_zh || company.short_en || fallback;
  if (company.label) return company.label;
  return company.short_zh === company.short_en ? company.short_en : `${company.short_zh} ${company.short_en}`;
}

/** The published colour of a company row, or the neutral grey. */
export function companyColor(company: Pick<CompanyRef, "color"> | undefined | null): string {
  return (typeof company === "object" && company?.color) || NEUTRAL_COLOR;
}

export interface CompanyLookup {
  /** One row per company id (variant rows skipped), in display order. */
  rows: CompanyRef[];
  get(id: string): CompanyRef | undefined;
  /** "智谱 Zhipu" ("智谱" on a Chinese page), or the id. */
  label(id: string): string;
  /** "Zhipu" ("智谱" on a Chinese page), for narrow layouts, or the id. */
  short(id: string): string;
  color(id: string): string;
  /** The ids, each once, in display order; ids without a row last, alphabetically. */
  order(ids: Iterable<string>): string[];
}

export function companyLookup(companies: readonly CompanyRef[], lang: Lang = "en"): CompanyLookup {
  const byId = new Map<string, CompanyRef>();
  for (const c of companies) if (c.is_primary !== false && !byId.has(c.company_id)) byId.set(c.company_id, c);
  // Rows without display_order (the plain companies table) keep the order they were given in.
  const position = new Map([...byId.keys()].map((id, i) => [id, i]));
  const rank = (id: string) => byId.get(id)?.display_order ?? (position.has(id) ? 1e6 + position.get(id)! : Infinity);
  const order = (ids: Iterable<string>) => [...new Set(ids)].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const rows = order(byId.keys()).map((id) => byId.get(id)!);
  return {
    rows,
    get: (id) => byId.get(id),
    label: (id) => companyLabel(byId.get(id), id, lang),
    short: (id) => (lang === "zh" ? byId.get(id)?.short_zh : byId.get(id)?.short_en) || id,
    color: (id) => companyColor(byId.get(id)),
    order
  };
}
