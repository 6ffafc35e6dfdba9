/**
 * A company page's timeline, as a view (src/components/views.ts): the build's prerender draws it into the
 * slot, whose data-company says which company. Only the timeline component is imported here.
 */
import {companyTimeline} from "../companyTimeline.js";
import {none, view} from "../views.js";

export const COMPANY_VIEWS = {
  "company-timeline": view({
    tables: ["company_summary", "funding_rounds", "models", "events"],
    defaults: none,
    render: (d, _s, width, slot) => {
      const id = slot?.getAttribute("data-company");
      const company = d.company_summary.find((c) => c.company_id === id);
      if (!company) throw new Error(`company-timeline: unknown data-company ${JSON.stringify(id)}`);
      const mine = <R extends {company_id: string}>(rows: R[]) => rows.filter((r) => r.company_id === id);
      return companyTimeline({
        company,
        rounds: mine(d.funding_rounds) as never,
        models: mine(d.models) as never,
        events: mine(d.events) as never,
        width,
        sources: d.sourceIndex, lang: d.lang
      });
    }
  })
};
