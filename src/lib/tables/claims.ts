/** Claims: who said what about density, timelines or capability, and when. */
import {claimMonths, claimVerdict, type FitInterval} from "../derive/claims.js";
import {dateColumns, dateValues, provenance, PROVENANCE_COLUMNS, type PublishedTable} from "./common.js";

export const claims: PublishedTable = {
  name: "claims",
  title: "Claims",
  title_zh: "论断",
  description: "Statements about density doubling, device timelines and capability, with who made them and their status.",
  description_zh: "关于密度翻倍、端侧落地时间表和模型能力的论断：谁说的，依据到了哪一步。",
  key: ["date", "id"],
  inputs: ["data/claims.csv", "data/density_points.csv"],
  columns: [
    {name: "id", type: "VARCHAR", description: "row id", description_zh: "行 id"},
    {name: "claimant", type: "VARCHAR", description: "who made the claim", description_zh: "提出论断的人或机构"},
    {name: "company_id", type: "VARCHAR", description: "company the claimant speaks for, if any", description_zh: "论断者所代表的公司（如有）"},
    ...dateColumns("date", "date of the claim", "论断日期"),
    {name: "topic", type: "VARCHAR", description: "density_doubling, device_timeline, capability or market", description_zh: "话题：density_doubling（密度翻倍）、device_timeline（端侧时间表）、capability（能力）或 market（市场）"},
    {name: "metric", type: "VARCHAR", description: "what is measured (knowledge_density, capability_density …)", description_zh: "所度量的指标（knowledge_density、capability_density 等）"},
    {name: "value", type: "DOUBLE", description: "the number claimed, if any", description_zh: "论断中给出的数值（如有）", unit: "see unit"},
    {name: "unit", type: "VARCHAR", description: "unit of value (months, days …)", description_zh: "value 的单位（months、days 等）"},
    {name: "statement", type: "VARCHAR", description: "the claim paraphrased in the atlas's words", description_zh: "论断内容，由本图谱用自己的话转述"},
    {name: "status", type: "VARCHAR", description: "published (paper or filing), stated (the claimant's own repository, site or blog), reported (press attributes it) or unverified", description_zh: "依据状态：published（论文或公告文件）、stated（论断者自己的代码库、网站或博客）、reported（媒体转述）或 unverified（未经核实）"},
    {name: "not_comparable", type: "VARCHAR", description: "the curators' reason why the claim cannot be scored against the fit; blank when it can", description_zh: "整理者说明该论断为何无法与拟合结果对照；可以对照时为空"},
    {name: "claimed_months", type: "DOUBLE", description: "the claim as a doubling (or halving) time; blank when it states no rate", description_zh: "论断折算成的翻倍（或减半）时间；未给出速率时为空", unit: "months"},
    {name: "verdict", type: "VARCHAR", description: "against the build's records fit: consistent, outside, different-metric, not-comparable, target-date, no-value or no-fit", description_zh: "与构建时 records 拟合结果对照的结论：consistent、outside、different-metric、not-comparable、target-date、no-value 或 no-fit"},
    {name: "verdict_note", type: "VARCHAR", description: "why the verdict is what it is", description_zh: "得出这一结论的理由"},
    ...PROVENANCE_COLUMNS
  ],
  build(dataset, tables) {
    const fit = (tables("density_fit").find((f) => f.fit_id === "records") as FitInterval | undefined) ?? null;
    return dataset.claims.map((c) => ({
      id: c.id,
      claimant: c.claimant,
      company_id: c.company_id,
      ...dateValues("date", c.date),
      topic: c.topic,
      metric: c.metric,
      value: c.value,
      unit: c.unit,
      statement: c.statement,
      status: c.status,
      not_comparable: c.not_comparable,
      claimed_months: claimMonths(c),
      ...verdictValues(c, fit),
      ...provenance(c)
    }));
  }
};

function verdictValues(claim: Record<string, unknown>, fit: FitInterval | null) {
  const {verdict, note} = claimVerdict(claim, fit);
  return {verdict, verdict_note: note};
}
