/** funding_steps: the cumulative disclosed-funding line of each company (see derive/companies.ts). */
import {fundingSteps as steps} from "../derive/companies.js";
import {usdColumn as usd, type PublishedTable} from "./common.js";

export const fundingSteps: PublishedTable = {
  name: "funding_steps",
  title: "Cumulative funding steps",
  title_zh: "累计融资阶梯",
  description:
    "One row per counted, dated financing round, in date order per company, with running totals of the bounds; " +
    "an undisclosed round is a step that leaves the totals unchanged. Computed by the build from funding_rounds.",
  description_zh: "每个计入且有日期的融资轮次一行，按公司和日期排序，附上下限的累计值；未披露金额的轮次也是一级台阶，但累计值不变。由构建程序从 funding_rounds 算出。",
  key: ["company_id", "step"],
  inputs: ["data/funding_rounds.csv", "data/fx_rates.csv"],
  derived: true,
  columns: [
    {name: "company_id", type: "VARCHAR", description: "company id", description_zh: "公司 id"},
    {name: "round_id", type: "VARCHAR", description: "funding_rounds row", description_zh: "funding_rounds 行"},
    {name: "step", type: "INTEGER", description: "1 for the company's first counted round, then 2, 3 … in date order (then id)", description_zh: "公司的第一个计入轮次为 1，之后按日期（再按 id）依次为 2、3……"},
    {name: "date", type: "DATE", description: "date of the round (first day of the period)", description_zh: "轮次日期（取时段的第一天）"},
    {name: "date_raw", type: "VARCHAR", description: "date as written", description_zh: "日期的原文写法"},
    {name: "round", type: "VARCHAR", description: "round label as reported", description_zh: "报道中的轮次名称"},
    {name: "amount_reported", type: "VARCHAR", description: "the amount exactly as reported", description_zh: "金额的原始报道，一字不改"},
    {name: "disclosed", type: "BOOLEAN", description: "true when the amount was disclosed", description_zh: "金额已披露时为 true"},
    usd("amount_usd_low", "the round's amount, lower bound; blank when undisclosed", "本轮金额的下限；未披露时为空"),
    usd("amount_usd_mid", "the round's amount, point estimate", "本轮金额的点估计"),
    usd("amount_usd_high", "the round's amount, upper bound", "本轮金额的上限"),
    usd("cum_usd_low", "running total after this round, lower bound", "本轮之后的累计值，下限"),
    usd("cum_usd_mid", "running total after this round, point estimate", "本轮之后的累计值，点估计"),
    usd("cum_usd_high", "running total after this round, upper bound", "本轮之后的累计值，上限"),
    {name: "conflict_key", type: "VARCHAR", description: "conflict_key of the round, when its report is disputed", description_zh: "该轮次的报道有争议时，它的 conflict_key"},
    {name: "source_ids", type: "VARCHAR[]", description: "sources of the round", description_zh: "该轮次的来源"}
  ],
  build(_dataset, tables) {
    return steps(tables("funding_rounds"));
  }
};
