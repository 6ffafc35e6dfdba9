/** investor_links: every investor named in a funding row, resolved through data/investor_aliases.csv. */
import {investorLinks as links} from "../derive/investors.js";
import type {PublishedTable} from "./common.js";

export const investorLinks: PublishedTable = {
  name: "investor_links",
  title: "Investor links",
  description:
    "One row per investor named in a funding row, with the name as reported and the investor it resolves to " +
    "(data/investor_aliases.csv), so one backer has one id in every chart and query. Generic mentions " +
    "(\"other investors\") are kept with a blank investor_id.",
  key: ["round_id", "position"],
  inputs: ["data/funding_rounds.csv", "data/investor_aliases.csv"],
  derived: true,
  columns: [
    {name: "investor_id", type: "VARCHAR", description: "the investor; blank for a generic mention that names no backer"},
    {name: "investor", type: "VARCHAR", description: "canonical name (English where known)"},
    {name: "investor_zh", type: "VARCHAR", description: "Chinese name, where known"},
    {name: "name_as_reported", type: "VARCHAR", description: "the name exactly as the funding row gives it"},
    {name: "alias_matched", type: "VARCHAR", description: "the alias of data/investor_aliases.csv that resolved the name; blank when none did"},
    {name: "company_id", type: "VARCHAR", description: "the company backed"},
    {name: "round_id", type: "VARCHAR", description: "funding_rounds row naming the investor"},
    {name: "round", type: "VARCHAR", description: "the round's label as reported (Series B, angel …)"},
    {name: "round_kind", type: "VARCHAR", description: "kind of that row"},
    {name: "is_deal", type: "BOOLEAN", description: "true when the row is a deal (round, ipo, disclosure); false for a reported total or a round in progress, which name backers without a deal"},
    {name: "date", type: "DATE", description: "date of the row"},
    {name: "date_raw", type: "VARCHAR", description: "date as written"},
    {name: "is_lead", type: "BOOLEAN", description: "true when named as a lead investor"},
    {name: "position", type: "INTEGER", description: "position of the name in the row (leads first)"},
    {name: "source_ids", type: "VARCHAR[]", description: "sources of the funding row"}
  ],
  build(dataset, tables) {
    const {rows, unusedAliases} = links(tables("funding_rounds"), dataset.investor_aliases);
    // Fail on unmapped categories, warn on unused mappings: a stale alias is harmless but worth a look.
    if (unusedAliases.length) console.warn(`data/investor_aliases.csv: ${unusedAliases.length} alias(es) match no funding row yet (e.g. ${unusedAliases.slice(0, 5).join(", ")})`);
    return rows;
  }
};
