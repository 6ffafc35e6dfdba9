/** Claims: who said what about density, timelines or capability, and when. */
import {claimMonths, claimVerdict, type FitInterval} from "../derive/claims.js";
import {dateColumns, dateValues, provenance, PROVENANCE_COLUMNS, type PublishedTable} from "./common.js";

export const claims: PublishedTable = {
  name: "claims",
  title: "Claims",
  description: "Statements about density doubling, device timelines and capability, with who made them and their status.",
  key: ["date", "id"],
  inputs: ["data/claims.csv", "data/density_points.csv"],
  columns: [
    {name: "id", type: "VARCHAR", description: "row id"},
    {name: "claimant", type: "VARCHAR", description: "who made the claim"},
    {name: "company_id", type: "VARCHAR", description: "company the claimant speaks for, if any"},
    ...dateColumns("date", "date of the claim"),
    {name: "topic", type: "VARCHAR", description: "density_doubling, device_timeline, capability or market"},
    {name: "metric", type: "VARCHAR", description: "what is measured (knowledge_density, capability_density …)"},
    {name: "value", type: "DOUBLE", description: "the number claimed, if any", unit: "see unit"},
    {name: "unit", type: "VARCHAR", description: "unit of value (months, days …)"},
    {name: "statement", type: "VARCHAR", description: "the claim paraphrased in the atlas's words"},
    {name: "status", type: "VARCHAR", description: "published (paper or filing), stated (the claimant's own repository, site or blog), reported (press attributes it) or unverified"},
    {name: "not_comparable", type: "VARCHAR", description: "the curators' reason why the claim cannot be scored against the fit; blank when it can"},
    {name: "claimed_months", type: "DOUBLE", description: "the claim as a doubling (or halving) time; blank when it states no rate", unit: "months"},
    {name: "verdict", type: "VARCHAR", description: "against the build's records fit: consistent, outside, different-metric, not-comparable, target-date, no-value or no-fit"},
    {name: "verdict_note", type: "VARCHAR", description: "why the verdict is what it is"},
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
