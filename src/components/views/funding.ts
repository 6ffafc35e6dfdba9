/**
 * /funding's charts, as views (src/components/views.ts), in the page's URL state (FundingState): the page's
 * cells and the build's prerender draw these, and only /funding's chart components are imported here.
 */
import {cumulativeFunding} from "../cumulativeFunding.js";
import {investorNetwork} from "../investorNetwork.js";
import {valuationChart} from "../valuationChart.js";
import {fundingDefaults, fundingParams, view, type FundingState} from "../views.js";

export const FUNDING_VIEWS = {
  "cumulative-funding": view({
    tables: ["company_summary", "funding_rounds", "funding_steps"],
    defaults: fundingDefaults,
    params: fundingParams,
    render: (d, s: FundingState, width) =>
      cumulativeFunding(d.funding_steps, {companies: d.company_summary, width, scale: s.scale, companyIds: s.companies, sources: d.sourceIndex, lang: d.lang})
  }),
  "valuation-chart": view({
    tables: ["company_summary", "funding_rounds"],
    defaults: fundingDefaults,
    params: fundingParams,
    render: (d, s: FundingState, width) => valuationChart(d.funding_rounds, {companies: d.company_summary, width, companyIds: s.companies, sources: d.sourceIndex, lang: d.lang})
  }),
  "investor-network": view({
    tables: ["company_summary", "funding_rounds", "investor_links"],
    defaults: fundingDefaults,
    params: fundingParams,
    render: (d, s: FundingState, width) =>
      investorNetwork(
        d.investor_links.filter((l) => s.companies.includes(l.company_id)),
        {companies: d.company_summary, width, sources: d.sourceIndex, lang: d.lang}
      )
  })
};
