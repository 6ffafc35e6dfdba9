/** company_summary: one row per company with the facts every page quotes (see derive/companies.ts). */
import {companySummary as summarise} from "../derive/companies.js";
import {usdColumn as usd, type PublishedTable} from "./common.js";

export const companySummary: PublishedTable = {
  name: "company_summary",
  title: "Company summary",
  title_zh: "公司概览",
  description:
    "One row per company: disclosed funding (counted rounds only), the latest valuation, the current course, the " +
    "listing and model releases, with the order and colour every chart uses. Computed by the build from the other tables.",
  description_zh: "每家公司一行：已披露的融资（只算计入的轮次）、最新估值、当前路线、上市情况和模型发布数，以及各图表共用的排序和颜色。由构建程序从其他表算出。",
  key: ["display_order"],
  inputs: ["data/companies.csv", "data/funding_rounds.csv", "data/events.csv", "data/models.csv", "data/financials.csv", "data/fx_rates.csv"],
  derived: true,
  columns: [
    {name: "company_id", type: "VARCHAR", description: "company id (table companies)", description_zh: "公司 id（见 companies 表）"},
    {name: "name_en", type: "VARCHAR", description: "English name", description_zh: "英文名"},
    {name: "name_zh", type: "VARCHAR", description: "Chinese name", description_zh: "中文名"},
    {name: "short_en", type: "VARCHAR", description: "short English name for charts", description_zh: "图表用的英文简称"},
    {name: "short_zh", type: "VARCHAR", description: "short Chinese name for charts", description_zh: "图表用的中文简称"},
    {name: "label", type: "VARCHAR", description: "chart label: short Chinese and English name (one name when they are the same)", description_zh: "图表标签：中文简称加英文简称（两者相同时只写一个）"},
    {name: "group", type: "VARCHAR", description: "six_tigers, edge (ModelBest) or comparator", description_zh: "分组：six_tigers（六小虎）、edge（面壁智能）或 comparator（对照公司）"},
    {name: "display_order", type: "INTEGER", description: "the order of companies in every chart and table: group, then the order of data/companies.csv", description_zh: "公司在所有图表和表格中的顺序：先按分组，再按 data/companies.csv 中的先后"},
    {name: "color", type: "VARCHAR", description: "the company's colour in every chart (#rrggbb, from data/companies.csv)", description_zh: "该公司在所有图表中的颜色（#rrggbb，取自 data/companies.csv）"},
    {name: "founded", type: "DATE", description: "founding date of the primary row (first day of the period)", description_zh: "主行的成立日期（取时段的第一天）"},
    {name: "founded_raw", type: "VARCHAR", description: "founding date as written", description_zh: "成立日期的原文写法"},
    {name: "course", type: "VARCHAR", description: "current course (pretraining, apps, medical, edge, listed), set by the latest event that sets one", description_zh: "当前路线（pretraining、apps、medical、edge、listed），由最近一次设定路线的事件决定"},
    {name: "course_event_id", type: "VARCHAR", description: "id of the events row that set the course", description_zh: "设定该路线的 events 行 id"},
    {name: "course_date", type: "DATE", description: "date of that event", description_zh: "该事件的日期"},
    {name: "course_date_raw", type: "VARCHAR", description: "date of that event as written", description_zh: "该事件日期的原文写法"},
    {name: "course_title", type: "VARCHAR", description: "what happened, in one line", description_zh: "发生了什么，一句话概括"},
    {name: "course_source_ids", type: "VARCHAR[]", description: "sources of the course-setting event", description_zh: "设定路线那次事件的来源"},
    usd("funding_usd_low", "disclosed funding, lower bound: sum over counted rounds with a disclosed amount; blank when none", "已披露融资的下限：计入且披露金额的轮次之和；没有时为空"),
    usd("funding_usd_mid", "disclosed funding, point estimate", "已披露融资的点估计"),
    usd("funding_usd_high", "disclosed funding, upper bound", "已披露融资的上限"),
    {name: "rounds_counted", type: "INTEGER", description: "counted financing rounds with a disclosed amount", description_zh: "计入且披露了金额的融资轮次数", unit: "rounds"},
    {name: "rounds_undisclosed", type: "INTEGER", description: "counted financing rounds whose amount was not disclosed", description_zh: "计入但未披露金额的融资轮次数", unit: "rounds"},
    {name: "rounds_superseded", type: "INTEGER", description: "financing rows left out as another report of a round already counted", description_zh: "因是对已计入轮次的重复报道而被剔除的融资行数", unit: "rounds"},
    {name: "rounds_undated", type: "INTEGER", description: "counted rounds without a date, which funding_steps cannot place", description_zh: "计入但没有日期、因而 funding_steps 无法排定位置的轮次数", unit: "rounds"},
    {name: "funding_total_round_id", type: "VARCHAR", description: "the reported total (a cumulative funding_rounds row) the counted rounds are held against: the most confident one dated after the last counted round", description_zh: "用来核对计入轮次的报道总额（funding_rounds 中一条 cumulative 行）：取日期晚于最后一个计入轮次、可信度最高的一条"},
    {name: "funding_total_reported", type: "VARCHAR", description: "that total as reported", description_zh: "该总额的原始报道"},
    {name: "funding_total_check", type: "VARCHAR", description: "agrees when the sum of the counted rounds and the reported total overlap, disagrees otherwise; blank when there is no total to hold them against", description_zh: "计入轮次之和与报道总额的区间重叠时为 agrees，否则为 disagrees；没有可供核对的总额时为空"},
    {name: "funding_total_note", type: "VARCHAR", description: "the two ranges compared, in the total's currency when every round is in it", description_zh: "参与比较的两个区间；如果每一轮都以总额的币种计价，就用该币种表示"},
    usd("valuation_usd_low", "latest reported valuation, lower bound", "最新报道估值的下限"),
    usd("valuation_usd_mid", "latest reported valuation, point estimate", "最新报道估值的点估计"),
    usd("valuation_usd_high", "latest reported valuation, upper bound", "最新报道估值的上限"),
    {name: "valuation_round_id", type: "VARCHAR", description: "funding_rounds row the valuation comes from", description_zh: "估值所出自的 funding_rounds 行"},
    {name: "valuation_date", type: "DATE", description: "date of that row", description_zh: "该行的日期"},
    {name: "valuation_date_raw", type: "VARCHAR", description: "date of that row as written", description_zh: "该行日期的原文写法"},
    {name: "valuation_reported", type: "VARCHAR", description: "the valuation as reported", description_zh: "估值的原始报道"},
    {name: "valuation_row_kind", type: "VARCHAR", description: "kind of that row (round, ipo, disclosure, in_progress)", description_zh: "该行的类型（round、ipo、disclosure、in_progress）"},
    {name: "valuation_conflict_key", type: "VARCHAR", description: "conflict_key of that row, when its report is disputed", description_zh: "该行的报道有争议时，它的 conflict_key"},
    {name: "listing_event_id", type: "VARCHAR", description: "the ipo_listing event, when the company is listed", description_zh: "公司已上市时对应的 ipo_listing 事件"},
    {name: "listing_date", type: "DATE", description: "listing date", description_zh: "上市日期"},
    {name: "listing_date_raw", type: "VARCHAR", description: "listing date as written", description_zh: "上市日期的原文写法"},
    {name: "models_released", type: "INTEGER", description: "model releases in the models table (a model reported twice counts once)", description_zh: "models 表中的模型发布数（同一模型被报道两次只算一次）", unit: "models"},
    {name: "results_period", type: "VARCHAR", description: "the latest full fiscal year with reported revenue (table financials, preferred rows)", description_zh: "有营收报道的最近一个完整财年（见 financials 表的首选行）"},
    {name: "results_financial_id", type: "VARCHAR", description: "financials row of that year", description_zh: "该年度的 financials 行"},
    {name: "results_basis", type: "VARCHAR", description: "basis of that row: annual_results, prospectus, interim_results or press (relayed, not a filing)", description_zh: "该行的依据：annual_results（年报）、prospectus（招股书）、interim_results（中期报告）或 press（媒体转述，并非公告文件）"},
    {name: "results_confidence", type: "VARCHAR", description: "confidence of that row", description_zh: "该行的可信度"},
    usd("revenue_usd_m", "revenue in that year, in USD at the year's average rate", "该年度营收，按当年平均汇率折成美元"),
    usd("net_loss_usd_m", "net loss in that year (a loss is positive), in USD", "该年度净亏损（亏损记为正数），折成美元"),
    {name: "source_ids", type: "VARCHAR[]", description: "sources of the counted rounds, the valuation row, the reported total and the results year", description_zh: "计入轮次、估值行、报道总额和业绩年度所依据的来源"}
  ],
  build(_dataset, tables) {
    return summarise({companies: tables("companies"), rounds: tables("funding_rounds"), events: tables("events"), models: tables("models"), financials: tables("financials")});
  }
};
