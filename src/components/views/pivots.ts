/**
 * /pivots' charts, as views (src/components/views.ts), in the page's URL state (PivotsState): the page's cells
 * and the build's prerender draw these, and only /pivots' chart components are imported here.
 */
import {eventSwimlanes, INDUSTRY_ID} from "../eventSwimlanes.js";
import {modelScatter} from "../modelScatter.js";
import {none, pivotsDefaults, pivotsParams, view, type PivotsState} from "../views.js";

export const PIVOTS_VIEWS = {
  "event-swimlanes": view({
    tables: ["company_summary", "events"],
    defaults: pivotsDefaults,
    params: pivotsParams,
    render: (d, s: PivotsState, width) =>
      eventSwimlanes(d.events, {companies: d.company_summary, width, companyIds: [...s.companies, INDUSTRY_ID], sources: d.sourceIndex, lang: d.lang})
  }),
  "model-scatter": view({
    tables: ["company_summary", "models"],
    defaults: pivotsDefaults,
    params: pivotsParams,
    render: (d, s: PivotsState, width) =>
      modelScatter(d.models, {companies: d.company_summary, width, companyIds: s.companies, deployment: s.deployment, sources: d.sourceIndex, lang: d.lang})
  }),
  "minicpm-scatter": view({
    tables: ["company_summary", "models"],
    defaults: none,
    render: (d, _s, width) => modelScatter(d.models, {companies: d.company_summary, width, companyIds: ["modelbest"], deployment: "all", sources: d.sourceIndex, lang: d.lang})
  })
};
