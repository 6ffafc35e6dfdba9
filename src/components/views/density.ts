/**
 * /density's charts, as views (src/components/views.ts), in the page's URL state (DensityState): the page's
 * cells and the build's prerender draw these, and only /density's chart components are imported here.
 */
import {claimsPanel} from "../claimsPanel.js";
import {densityChart} from "../densityChart.js";
import {deviceProjection} from "../deviceProjection.js";
import {priceChart} from "../priceChart.js";
import {densityDefaults, densityParams, none, REFERENCE_MONTHS, view, windowDates, type DensityState} from "../views.js";

export const DENSITY_VIEWS = {
  density: view({
    tables: ["company_summary", "density_points"],
    defaults: densityDefaults,
    params: densityParams,
    render: (d, s: DensityState, width) =>
      densityChart(d.density_points, {
        width,
        window: windowDates(s.window),
        recordsOnly: s.fit === "records",
        referenceMonths: REFERENCE_MONTHS,
        sources: d.sourceIndex, lang: d.lang,
        companies: d.company_summary
      })
  }),
  claims: view({
    tables: ["claims", "density_fit"],
    defaults: none,
    render: (d) => claimsPanel(d.claims, {fits: d.density_fit, sources: d.sourceIndex, lang: d.lang})
  }),
  "device-projection": view({
    tables: ["company_summary", "density_points", "density_fit", "claims"],
    defaults: none,
    render: (d, _s, width) =>
      deviceProjection(d.density_points, {
        fit: d.density_fit.find((f) => f.fit_id === "records")!,
        claim: d.claims.find((c) => c.metric === "gpt4_level_on_device"),
        width,
        sources: d.sourceIndex, lang: d.lang,
        companies: d.company_summary
      })
  }),
  "price-chart": view({
    tables: ["price_points"],
    defaults: none,
    render: (d, _s, width) => priceChart(d.price_points, {width, sources: d.sourceIndex, lang: d.lang})
  })
};
