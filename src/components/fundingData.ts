/**
 * Presentation helpers the funding and overview charts share: counts in words, sources of several rows,
 * millions rounded for data tables. The rules about what counts (which rounds enter totals, the latest
 * valuation, the company order) are the build's and arrive as columns of company_summary, funding_steps and
 * funding_rounds.counted; nothing here decides them.
 */
import {asList} from "./cells.js";
import {aside, type Lang} from "./i18n.js";

/** Source ids of some rows, each once, in first-seen order. */
export function unionSources(rows: readonly {source_ids?: readonly string[] | null}[]): string[] {
  return [...new Set(rows.flatMap((r) => asList(r.source_ids)))];
}

/** "3 rounds", "1 round". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** USD millions rounded for the data-table view (the tooltips and text carry the formatted value). */
export function roundMillions(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}

/**
 * A value with its low–high bounds: "$1.2bn ($1bn–$1.5bn)" ("12亿美元（10亿美元–15亿美元）" on a Chinese page,
 * where `format` gives Chinese amounts), or the value alone when exact.
 */
export function formatUsdRange(low: number | null, mid: number | null, high: number | null, format: (v: number) => string, lang: Lang = "en"): string {
  if (mid === null) return lang === "zh" ? "无" : "n/a";
  if (low === null || high === null || (low === mid && high === mid)) return format(mid);
  return `${format(mid)}${aside(`${format(low)}–${format(high)}`, lang)}`;
}
