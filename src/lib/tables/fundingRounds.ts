/**
 * Funding rounds with amounts parsed into bounds (original currency and USD) and the rate used, so every
 * converted number traces back to one row of fx_rates. `kind` separates financings from IPOs, reported
 * totals and rounds still in progress: `counted` says which rows enter totals (see derive/rounds.ts).
 */
import type {ParsedAmount} from "../amounts.js";
import type {Dataset} from "../dataset.js";
import type {FuzzyDate} from "../dates.js";
import {countedRounds, foundingNote, type Founding} from "../derive/rounds.js";
import {toUsd, type FxChoice} from "../fx.js";
import {dateColumns, dateValues, provenance, PROVENANCE_COLUMNS, type PublishedColumn, type PublishedTable} from "./common.js";

function moneyColumns(prefix: "amount" | "valuation", what: string, what_zh: string): PublishedColumn[] {
  return [
    {name: `${prefix}_kind`, type: "VARCHAR", description: `how the ${what} was reported: exact, approx, lower_bound, upper_bound, vague, undisclosed or blank`, description_zh: `${what_zh}的报道方式：exact（确数）、approx（约数）、lower_bound（下限）、upper_bound（上限）、vague（模糊）、undisclosed（未披露）或空`},
    {name: `${prefix}_rule`, type: "VARCHAR", description: `the bounding rule applied to the reported ${what} (see the methods)`, description_zh: `对报道的${what_zh}所用的界定规则（见方法说明）`},
    {name: `${prefix}_is_estimate`, type: "BOOLEAN", description: `true when ${prefix}_mid is a point estimate from a bound or a vague report, not a reported figure`, description_zh: `${prefix}_mid 是由上下限或模糊报道推出的点估计、而非报道的数字时为 true`},
    {name: `${prefix}_low`, type: "DOUBLE", description: `lower bound of the ${what} in the original currency`, description_zh: `以原币种计的${what_zh}下限`, unit: "millions of original currency"},
    {name: `${prefix}_high`, type: "DOUBLE", description: `upper bound of the ${what} in the original currency`, description_zh: `以原币种计的${what_zh}上限`, unit: "millions of original currency"},
    {name: `${prefix}_mid`, type: "DOUBLE", description: `point estimate of the ${what} in the original currency`, description_zh: `以原币种计的${what_zh}点估计`, unit: "millions of original currency"},
    {name: `${prefix}_fx_rate`, type: "DOUBLE", description: `units of the original currency per USD used for the ${what}`, description_zh: `折算${what_zh}所用的汇率：每 1 美元兑原币种的数额`, unit: "currency per USD"},
    {name: `${prefix}_fx_rate_id`, type: "VARCHAR", description: `id of the fx_rates row used (usd for amounts already in USD)`, description_zh: "所用 fx_rates 行的 id（本来就以美元计的金额为 usd）"},
    {name: `${prefix}_fx_basis`, type: "VARCHAR", description: "monthly_avg, annual_avg, nearest_monthly (latest earlier month) or identity (USD)", description_zh: "汇率依据：monthly_avg、annual_avg、nearest_monthly（此前最近一个月）或 identity（美元）"},
    {name: `${prefix}_usd_low`, type: "DOUBLE", description: `lower bound of the ${what} in USD`, description_zh: `以美元计的${what_zh}下限`, unit: "USD millions"},
    {name: `${prefix}_usd_high`, type: "DOUBLE", description: `upper bound of the ${what} in USD`, description_zh: `以美元计的${what_zh}上限`, unit: "USD millions"},
    {name: `${prefix}_usd_mid`, type: "DOUBLE", description: `point estimate of the ${what} in USD`, description_zh: `以美元计的${what_zh}点估计`, unit: "USD millions"}
  ];
}

function moneyValues(prefix: "amount" | "valuation", amount: ParsedAmount, date: FuzzyDate, dataset: Dataset) {
  let fx: FxChoice | null = null;
  if (amount.currency && amount.low !== null) fx = dataset.fx.rateFor(amount.currency, date);
  const usd = fx ? toUsd(amount, fx.rate) : {low: null, high: null, mid: null};
  return {
    [`${prefix}_kind`]: amount.kind,
    [`${prefix}_rule`]: amount.rule || null,
    [`${prefix}_is_estimate`]: amount.mid === null ? null : amount.kind !== "exact",
    [`${prefix}_low`]: amount.low,
    [`${prefix}_high`]: amount.high,
    [`${prefix}_mid`]: amount.mid,
    [`${prefix}_fx_rate`]: fx?.rate ?? null,
    [`${prefix}_fx_rate_id`]: fx?.rateId ?? null,
    [`${prefix}_fx_basis`]: fx?.basis ?? null,
    [`${prefix}_usd_low`]: usd.low,
    [`${prefix}_usd_high`]: usd.high,
    [`${prefix}_usd_mid`]: usd.mid
  };
}

export const fundingRounds: PublishedTable = {
  name: "funding_rounds",
  title: "Funding rounds",
  title_zh: "融资轮次",
  description:
    "Financings, IPOs, reported totals and rounds in progress, with the amount and valuation as reported and " +
    "parsed into bounds in the original currency and in USD.",
  description_zh: "融资、IPO、报道中的累计总额和进行中的轮次；金额和估值保留原始报道，并解析为原币种和美元的上下限。",
  key: ["company_id", "date", "id"],
  inputs: ["data/funding_rounds.csv", "data/fx_rates.csv"],
  columns: [
    {name: "id", type: "VARCHAR", description: "row id", description_zh: "行 id"},
    {name: "company_id", type: "VARCHAR", description: "company id (table companies)", description_zh: "公司 id（见 companies 表）"},
    ...dateColumns("date", "date of the round or its announcement", "轮次或其公告的日期"),
    {name: "kind", type: "VARCHAR", description: "round, ipo, cumulative (a reported total), in_progress or disclosure", description_zh: "类型：round（融资轮）、ipo、cumulative（报道的累计总额）、in_progress（进行中）或 disclosure（披露）"},
    {name: "round", type: "VARCHAR", description: "round label as reported (angel, Series B, Pre-B++ …)", description_zh: "报道中的轮次名称（天使轮、B 轮、Pre-B++ 等）"},
    {name: "amount_reported", type: "VARCHAR", description: "the amount exactly as reported", description_zh: "金额的原始报道，一字不改"},
    {name: "currency", type: "VARCHAR", description: "currency of the amount: CNY, USD or HKD", description_zh: "金额的币种：CNY、USD 或 HKD"},
    ...moneyColumns("amount", "amount raised", "融资金额"),
    {name: "lead_investors", type: "VARCHAR[]", description: "lead investors", description_zh: "领投方"},
    {name: "investors", type: "VARCHAR[]", description: "other named investors", description_zh: "其他点名的投资方"},
    {name: "valuation_reported", type: "VARCHAR", description: "the valuation exactly as reported", description_zh: "估值的原始报道，一字不改"},
    {name: "valuation_currency", type: "VARCHAR", description: "currency of the valuation", description_zh: "估值的币种"},
    {name: "valuation_basis", type: "VARCHAR", description: "pre, post or unspecified (money)", description_zh: "pre（投前）、post（投后）或 unspecified（未说明）"},
    ...moneyColumns("valuation", "valuation", "估值"),
    {name: "cap_note", type: "VARCHAR", description: "why the context caps a vague amount or valuation below what the bounding rule gives; blank when no cap", description_zh: "说明为何结合上下文，把模糊的金额或估值上限压到界定规则给出的值以下；没有上限时为空"},
    {name: "date_note", type: "VARCHAR", description: "set when the round is dated before the company's founding date; says which reported founding dates would fit", description_zh: "轮次日期早于公司成立日期时填写，说明哪些报道中的成立日期与之相符"},
    {name: "counted", type: "BOOLEAN", description: "true when the row enters funding totals: a financing round, and the preferred report where several report the same round", description_zh: "该行计入融资总额时为 true：必须是一轮融资，且同一轮次有多条报道时取首选的那条"},
    {name: "counted_note", type: "VARCHAR", description: "why the row is left out of funding totals; blank when counted", description_zh: "该行不计入融资总额的原因；计入时为空"},
    ...PROVENANCE_COLUMNS
  ],
  build(dataset) {
    const founding = new Map<string, Founding>();
    for (const c of dataset.companies) {
      const f = founding.get(c.company_id) ?? {primary: null, variants: []};
      if (c.row_type === "primary") f.primary = c.founded;
      else if (c.founded) f.variants.push(c.founded);
      founding.set(c.company_id, f);
    }
    const rows = dataset.funding_rounds.map((r) => {
      const {amount, valuation} = dataset.amounts.get(r.id)!;
      return {
        id: r.id,
        company_id: r.company_id,
        ...dateValues("date", r.date),
        kind: r.kind,
        round: r.round,
        amount_reported: r.amount_reported,
        currency: amount.currency ?? r.currency,
        ...moneyValues("amount", amount, r.date!, dataset),
        lead_investors: r.lead_investors,
        investors: r.investors,
        valuation_reported: r.valuation_reported,
        valuation_currency: valuation.currency ?? r.valuation_currency,
        valuation_basis: r.valuation_basis,
        ...moneyValues("valuation", valuation, r.date!, dataset),
        cap_note: r.cap_note,
        date_note: foundingNote(r.date, founding.get(r.company_id)),
        ...provenance(r)
      };
    });
    const marks = countedRounds(rows);
    // Keep the declared column order: the mark goes before the provenance columns.
    return rows.map(({conflict_key, notes, source_ids, confidence, source_row, ...rest}) => ({...rest, ...marks.get(rest.id)!, conflict_key, notes, source_ids, confidence, source_row}));
  }
};
