/**
 * The overview's charts (src/index.md, src/zh/index.md), as views (src/components/views.ts): the page's cells
 * and the build's prerender draw these. Only the overview's chart components are imported here, so the
 * overview's module graph holds no other page's charts.
 */
import {courseGrid} from "../courseGrid.js";
import {fundingValuationScatter} from "../fundingValuationScatter.js";
import {revenueFunding} from "../revenueFunding.js";
import {timelineStrip} from "../timelineStrip.js";
import {none, view} from "../views.js";

export const OVERVIEW_VIEWS = {
  "funding-valuation": view({
    tables: ["company_summary"],
    defaults: none,
    render: (d, _s, width) => fundingValuationScatter(d.company_summary, {width, sources: d.sourceIndex, lang: d.lang})
  }),
  "revenue-funding": view({
    tables: ["company_summary", "financials"],
    defaults: none,
    render: (d, _s, width) => revenueFunding(d.company_summary, {width, sources: d.sourceIndex, lang: d.lang, financials: d.financials})
  }),
  "course-grid": view({
    tables: ["company_summary"],
    defaults: none,
    render: (d) => courseGrid(d.company_summary, {sources: d.sourceIndex, lang: d.lang})
  }),
  "timeline-strip": view({
    tables: ["company_summary", "companies", "funding_rounds", "events"],
    defaults: none,
    render: (d, _s, width) => timelineStrip(d.company_summary, {rounds: d.funding_rounds, events: d.events, variants: d.companies, width, sources: d.sourceIndex, lang: d.lang})
  })
};
