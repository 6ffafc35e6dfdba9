/**
 * Reported results: revenue and losses per company and fiscal period, in the reporting currency and in USD at
 * the average rate of the period, with the one row per period that charts use (`preferred`).
 */
import type {Dataset} from "../dataset.js";
import {parseFuzzyDate} from "../dates.js";
import {preferredResults} from "../derive/financials.js";
import {provenance, PROVENANCE_COLUMNS, usdColumn, type PublishedTable} from "./common.js";

/** First and last month of a period written `2025`, `2025-H1`, `2025-9M`, `2025-Q3`. */
export function periodMonths(period: string): {start: string; end: string; months: number} {
  const [year, part] = period.split("-");
  const [first, last] = part === undefined ? [1, 12] : part === "H1" ? [1, 6] : part === "H2" ? [7, 12] : part === "9M" ? [1, 9] : [3 * Number(part.slice(1)) - 2, 3 * Number(part.slice(1))];
  const pad = (m: number) => String(m).padStart(2, "0");
  return {start: `${year}-${pad(first)}`, end: `${year}-${pad(last)}`, months: last - first + 1};
}

/** The average rate of the period: the annual average for a year, the mean of the monthly averages otherwise. */
function periodRate(dataset: Dataset, currency: "CNY" | "USD" | "HKD", period: string) {
  const {start, months} = periodMonths(period);
  if (currency === "USD") return {rate: 1, rateId: "usd", basis: "identity"};
  if (months === 12) {
    const choice = dataset.fx.rateFor(currency, parseFuzzyDate(start.slice(0, 4))!);
    return {rate: choice.rate, rateId: choice.rateId, basis: choice.basis};
  }
  const [year, first] = start.split("-").map(Number);
  const choices = Array.from({length: months}, (_, i) => dataset.fx.rateFor(currency, parseFuzzyDate(`${year}-${String(first + i).padStart(2, "0")}`)!));
  if (choices.every((c) => c.basis === "monthly_avg")) {
    return {rate: choices.reduce((sum, c) => sum + c.rate, 0) / months, rateId: `${choices[0].rateId}…${choices.at(-1)!.rateId}`, basis: "mean_of_monthly"};
  }
  const choice = dataset.fx.rateFor(currency, parseFuzzyDate(start.slice(0, 4))!);
  return {rate: choice.rate, rateId: choice.rateId, basis: choice.basis};
}

export const financials: PublishedTable = {
  name: "financials",
  title: "Financial results",
  title_zh: "财务业绩",
  description:
    "Revenue, net loss and adjusted net loss per company and fiscal period, as prospectuses, results announcements " +
    "or the press report them, in the reporting currency and in USD at the period's average rate.",
  description_zh: "各公司各财务期间的营收、净亏损和经调整净亏损，来自招股书、业绩公告或媒体报道；以报告币种列出，并按该期间平均汇率折成美元。",
  key: ["company_id", "period_start", "period_months", "id"],
  inputs: ["data/financials.csv", "data/fx_rates.csv"],
  columns: [
    {name: "id", type: "VARCHAR", description: "row id", description_zh: "行 id"},
    {name: "company_id", type: "VARCHAR", description: "company id (table companies)", description_zh: "公司 id（见 companies 表）"},
    {name: "period", type: "VARCHAR", description: "fiscal period as written: 2024 (a year), 2025-H1, 2025-9M (first nine months), 2025-Q3", description_zh: "财务期间的原文写法：2024（全年）、2025-H1、2025-9M（前九个月）、2025-Q3"},
    {name: "period_start", type: "DATE", description: "first day of the period", description_zh: "期间的第一天"},
    {name: "period_end", type: "DATE", description: "last day of the period", description_zh: "期间的最后一天"},
    {name: "period_months", type: "INTEGER", description: "length of the period", description_zh: "期间长度", unit: "months"},
    {name: "basis", type: "VARCHAR", description: "prospectus, annual_results, interim_results, or press (relayed, not a filing)", description_zh: "依据：prospectus（招股书）、annual_results（年报）、interim_results（中期报告）或 press（媒体转述，并非公告文件）"},
    {name: "currency", type: "VARCHAR", description: "reporting currency: CNY, USD or HKD", description_zh: "报告币种：CNY、USD 或 HKD"},
    {name: "revenue_m", type: "DOUBLE", description: "revenue in the reporting currency", description_zh: "以报告币种计的营收", unit: "millions of reporting currency"},
    {name: "net_loss_m", type: "DOUBLE", description: "net loss (a loss is positive)", description_zh: "净亏损（亏损记为正数）", unit: "millions of reporting currency"},
    {name: "adjusted_net_loss_m", type: "DOUBLE", description: "adjusted net loss as the company defines it (a non-IFRS measure); blank when not reported", description_zh: "公司自行定义的经调整净亏损（非国际财务报告准则指标）；未报告时为空", unit: "millions of reporting currency"},
    {name: "fx_rate", type: "DOUBLE", description: "units of the reporting currency per USD: the period's average", description_zh: "每 1 美元兑报告币种的数额：取该期间的平均值", unit: "currency per USD"},
    {name: "fx_rate_id", type: "VARCHAR", description: "fx_rates row(s) used: one id, or first…last for a mean of monthly rates", description_zh: "所用的 fx_rates 行：一个 id，或取月度平均时写作“首…末”"},
    {name: "fx_basis", type: "VARCHAR", description: "annual_avg, mean_of_monthly, nearest_monthly or identity (USD)", description_zh: "汇率依据：annual_avg、mean_of_monthly、nearest_monthly 或 identity（美元）"},
    usdColumn("revenue_usd_m", "revenue in USD at fx_rate", "按 fx_rate 折成美元的营收"),
    usdColumn("net_loss_usd_m", "net loss in USD at fx_rate", "按 fx_rate 折成美元的净亏损"),
    usdColumn("adjusted_net_loss_usd_m", "adjusted net loss in USD at fx_rate", "按 fx_rate 折成美元的经调整净亏损"),
    {name: "figures_reported", type: "VARCHAR", description: "the figures as the source gives them", description_zh: "来源给出的原始数字"},
    {name: "preferred", type: "BOOLEAN", description: "true for the one row per company and period that charts use: a filing over the press, then higher confidence, then the later report", description_zh: "每家公司每个期间供图表使用的那一行为 true：公告文件优先于媒体报道，其次看可信度，再次取较晚的报道"},
    ...PROVENANCE_COLUMNS
  ],
  build(dataset) {
    const rows = dataset.financials.map((f) => {
      const {start, end, months} = periodMonths(f.period);
      const fx = periodRate(dataset, f.currency, f.period);
      const usd = (v: number | null) => (v === null ? null : v / fx.rate);
      const lastDay = new Date(Date.UTC(Number(end.slice(0, 4)), Number(end.slice(5, 7)), 0)).getUTCDate();
      return {
        id: f.id,
        company_id: f.company_id,
        period: f.period,
        period_start: `${start}-01`,
        period_end: `${end}-${String(lastDay).padStart(2, "0")}`,
        period_months: months,
        basis: f.basis,
        currency: f.currency,
        revenue_m: f.revenue_m,
        net_loss_m: f.net_loss_m,
        adjusted_net_loss_m: f.adjusted_net_loss_m,
        fx_rate: fx.rate,
        fx_rate_id: fx.rateId,
        fx_basis: fx.basis,
        revenue_usd_m: usd(f.revenue_m),
        net_loss_usd_m: usd(f.net_loss_m),
        adjusted_net_loss_usd_m: usd(f.adjusted_net_loss_m),
        figures_reported: f.figures_reported,
        ...provenance(f)
      };
    });
    const preferred = preferredResults(rows);
    return rows.map(({conflict_key, notes, source_ids, confidence, source_row, ...rest}) => ({...rest, preferred: preferred.has(rest.id), conflict_key, notes, source_ids, confidence, source_row}));
  }
};
