/** investor_links: every investor named in a funding row, resolved through data/investor_aliases.csv. */
import {investorLinks as links} from "../derive/investors.js";
import type {PublishedTable} from "./common.js";

export const investorLinks: PublishedTable = {
  name: "investor_links",
  title: "Investor links",
  title_zh: "投资方关联",
  description:
    "One row per investor named in a funding row, with the name as reported and the investor it resolves to " +
    "(data/investor_aliases.csv), so one backer has one id in every chart and query. Generic mentions " +
    "(\"other investors\") are kept with a blank investor_id.",
  description_zh: "融资行中点名的每个投资方一行，附报道原名及其归并到的投资方（依据 data/investor_aliases.csv），使同一出资人在所有图表和查询中只有一个 id。泛指的说法（“其他投资方”）也保留，investor_id 为空。",
  key: ["round_id", "position"],
  inputs: ["data/funding_rounds.csv", "data/investor_aliases.csv"],
  derived: true,
  columns: [
    {name: "investor_id", type: "VARCHAR", description: "the investor; blank for a generic mention that names no backer", description_zh: "投资方；泛指而未点名具体出资人时为空"},
    {name: "investor", type: "VARCHAR", description: "canonical name (English where known)", description_zh: "规范名称（有英文名时用英文名）"},
    {name: "investor_zh", type: "VARCHAR", description: "Chinese name, where known", description_zh: "中文名（如有）"},
    {name: "name_as_reported", type: "VARCHAR", description: "the name exactly as the funding row gives it", description_zh: "融资行中的原名，一字不改"},
    {name: "alias_matched", type: "VARCHAR", description: "the alias of data/investor_aliases.csv that resolved the name; blank when none did", description_zh: "data/investor_aliases.csv 中用来归并该名称的别名；没有匹配时为空"},
    {name: "company_id", type: "VARCHAR", description: "the company backed", description_zh: "获投的公司"},
    {name: "round_id", type: "VARCHAR", description: "funding_rounds row naming the investor", description_zh: "点名该投资方的 funding_rounds 行"},
    {name: "round", type: "VARCHAR", description: "the round's label as reported (Series B, angel …)", description_zh: "报道中的轮次名称（B 轮、天使轮等）"},
    {name: "round_kind", type: "VARCHAR", description: "kind of that row", description_zh: "该行的类型"},
    {name: "is_deal", type: "BOOLEAN", description: "true when the row is a deal (round, ipo, disclosure); false for a reported total or a round in progress, which name backers without a deal", description_zh: "该行是一笔交易（round、ipo、disclosure）时为 true；报道的累计总额或进行中的轮次只点名出资人而没有交易，为 false"},
    {name: "date", type: "DATE", description: "date of the row", description_zh: "该行的日期"},
    {name: "date_raw", type: "VARCHAR", description: "date as written", description_zh: "日期的原文写法"},
    {name: "is_lead", type: "BOOLEAN", description: "true when named as a lead investor", description_zh: "被列为领投方时为 true"},
    {name: "position", type: "INTEGER", description: "position of the name in the row (leads first)", description_zh: "该名称在行中的位置（领投方在前）"},
    {name: "source_ids", type: "VARCHAR[]", description: "sources of the funding row", description_zh: "该融资行的来源"}
  ],
  build(dataset, tables) {
    const {rows, unusedAliases} = links(tables("funding_rounds"), dataset.investor_aliases);
    // Fail on unmapped categories, warn on unused mappings: a stale alias is harmless but worth a look.
    if (unusedAliases.length) console.warn(`data/investor_aliases.csv: ${unusedAliases.length} alias(es) match no funding row yet (e.g. ${unusedAliases.slice(0, 5).join(", ")})`);
    return rows;
  }
};
