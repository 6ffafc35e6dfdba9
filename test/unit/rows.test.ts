/**
 * src/components/rows.ts declares the columns the browser reads until components can take the generated
 * row types (src/lib/rows.ts) directly; this checks, at compile time, that every column declared there is a
 * column of the published table, so the two cannot drift apart.
 */
import {expect, test} from "vitest";
import type * as Declared from "../../src/components/rows.js";
import type * as Generated from "../../src/lib/rows.js";

/** The declared columns that the generated row type lacks (never when there are none). */
type Unknown<D, G> = Exclude<keyof D, keyof G>;
type None<T> = [T] extends [never] ? true : {unknownColumns: T};

const checks: Record<string, true> = {
  company_summary: true satisfies None<Unknown<Declared.CompanySummaryRow, Generated.CompanySummaryRow>>,
  companies: true satisfies None<Unknown<Declared.CompaniesRow, Generated.CompaniesRow>>,
  funding_rounds: true satisfies None<Unknown<Declared.FundingRoundsRow, Generated.FundingRoundsRow>>,
  funding_steps: true satisfies None<Unknown<Declared.FundingStepsRow, Generated.FundingStepsRow>>,
  investor_links: true satisfies None<Unknown<Declared.InvestorLinksRow, Generated.InvestorLinksRow>>,
  events: true satisfies None<Unknown<Declared.EventsRow, Generated.EventsRow>>,
  financials: true satisfies None<Unknown<Declared.FinancialsRow, Generated.FinancialsRow>>,
  models: true satisfies None<Unknown<Declared.ModelsRow, Generated.ModelsRow>>,
  model_counts: true satisfies None<Unknown<Declared.ModelCountsRow, Generated.ModelCountsRow>>,
  claims: true satisfies None<Unknown<Declared.ClaimsRow, Generated.ClaimsRow>>,
  sources: true satisfies None<Unknown<Declared.SourcesRow, Generated.SourcesRow>>,
  density_points: true satisfies None<Unknown<Declared.DensityPointsRow, Generated.DensityPointsRow>>,
  density_fit: true satisfies None<Unknown<Declared.DensityFitRow, Generated.DensityFitRow>>,
  price_points: true satisfies None<Unknown<Declared.PricePointsRow, Generated.PricePointsRow>>
};

test("every column src/components/rows.ts declares is a column of its published table (checked by tsc)", () => {
  expect(Object.values(checks).every(Boolean)).toBe(true);
});
