/**
 * The pivots page (src/pivots.md): its tables, its filter bar (companies and deployment, kept in the URL),
 * its charts as defined in views.ts, ModelBest's partners, the findings its prose quotes and the
 * models-per-year table DuckDB answers from model_counts (one release per model, as the build counts them).
 */
import * as d3 from "../d3.js";
import {checkboxGroup, radioGroup} from "../controls.js";
import {dataTable} from "../dataTable.js";
import {EVENT_TYPE_LABELS} from "../eventSwimlanes.js";
import {pivotsParams, VIEWS, type PivotsState, type StoryData} from "../views.js";
import {loadTables} from "./load.js";
import {sqlTable, urlFilterBar} from "./pageParts.js";
import {listText} from "./overview.js";

const TABLES = ["company_summary", "events", "models", "model_counts"] as const;

export type PivotsData = StoryData<(typeof TABLES)[number] | "sources">;

export function loadPivots(): Promise<PivotsData> {
  return loadTables(TABLES);
}

/** The filter bar, set from the URL and writing to it: ?companies=modelbest,zhipu&deployment=edge */
export function pivotsFilters(data: PivotsData) {
  return urlFilterBar(pivotsParams(data), (initial) => ({
    companies: checkboxGroup(
      data.company_summary.map((c) => ({value: c.company_id, label: c.label})),
      {label: "Companies", value: initial.companies, name: "companies"}
    ),
    deployment: radioGroup(
      [
        {value: "all", label: "All models"},
        {value: "cloud", label: "Cloud"},
        {value: "edge", label: "Edge (on-device)"}
      ],
      {label: "Models", value: initial.deployment, name: "deployment"}
    )
  }));
}

/** The pivots page's charts for the chosen filters. */
export const pivotsViews = {
  events: (data: PivotsData, state: PivotsState, width: number) => VIEWS["event-swimlanes"].render(data, state, width),
  models: (data: PivotsData, state: PivotsState, width: number) => VIEWS["model-scatter"].render(data, state, width),
  minicpm: (data: PivotsData, width: number) => VIEWS["minicpm-scatter"].render(data, {}, width)
};

const MODELBEST = "modelbest";

/** What the pivots page says in words. */
export function pivotsFindings(data: PivotsData) {
  const byId = new Map(data.company_summary.map((c) => [c.company_id, c]));
  const tigers = data.company_summary.filter((c) => c.group === "six_tigers");
  const course = (name: string) => listText(tigers.filter((c) => c.course === name).map((c) => c.label));
  const counts = (id: string) => data.model_counts.filter((m) => m.company_id === id);
  const modelbest = byId.get(MODELBEST);
  const partners = modelbestPartners(data);
  const busiest = [...data.company_summary].sort((a, b) => b.models_released - a.models_released)[0];
  const abandoned = data.events.filter((e) => e.event_type === "pretraining_abandoned");
  const partnershipsBy = (type: string) => data.events.filter((e) => e.event_type === type).length;
  return {
    events: data.events.length,
    abandoned: listText(lookupLabels(byId, abandoned.map((e) => e.company_id))) || "no company",
    chipDeals: partnershipsBy("partnership_chip"),
    carDeals: partnershipsBy("partnership_car"),
    pretraining: course("pretraining") || "none of them",
    apps: course("apps") || "none",
    medical: course("medical") || "none",
    listed: course("listed") || "none",
    modelbestModels: modelbest?.models_released ?? 0,
    modelbestEdge: d3.sum(counts(MODELBEST), (m) => m.edge),
    modelbestOpen: d3.sum(counts(MODELBEST), (m) => m.open_weights),
    partnerCount: partners.length,
    partnerNames: listText([...new Set(partners.flatMap((p) => p.partners ?? []))]),
    busiest: busiest ? `${busiest.label}, with ${busiest.models_released}` : ""
  };
}

/** Labels of company ids, each once, in display order. */
function lookupLabels(byId: Map<string, {label: string; display_order: number}>, ids: string[]): string[] {
  return [...new Set(ids)].map((id) => byId.get(id)).filter((c) => c !== undefined).sort((a, b) => a.display_order - b.display_order).map((c) => c.label);
}

/** ModelBest's partnership events, oldest first. */
function modelbestPartners(data: PivotsData) {
  return data.events.filter((e) => e.company_id === MODELBEST && e.event_type.startsWith("partnership"));
}

/** ModelBest's partnerships as a table. */
export function partnersTable(data: PivotsData): HTMLElement {
  return dataTable(modelbestPartners(data) as unknown as Record<string, unknown>[], {
    columns: ["date_raw", "event_type", "partners", "title", "confidence"],
    labels: {date_raw: "Date", event_type: "Kind", partners: "Partners", title: "What happened", confidence: "Confidence"},
    format: {event_type: (v) => EVENT_TYPE_LABELS[v as string] ?? String(v)},
    caption: "ModelBest partnerships",
    download: "modelbest-partnerships.csv"
  });
}

/** "Models per company and year, asked in SQL": DuckDB-WASM over model_counts, for the companies chosen. */
export function modelCountsTable(state: PivotsState): HTMLElement {
  return sqlTable({
    id: "models-sql",
    sql: `SELECT c.label AS company,
                 coalesce(sum(m.releases) FILTER (WHERE m.year <= 2023), 0)::INTEGER AS "2023 or earlier",
                 coalesce(sum(m.releases) FILTER (WHERE m.year = 2024), 0)::INTEGER AS "2024",
                 coalesce(sum(m.releases) FILTER (WHERE m.year = 2025), 0)::INTEGER AS "2025",
                 coalesce(sum(m.releases) FILTER (WHERE m.year >= 2026), 0)::INTEGER AS "2026",
                 sum(m.edge)::INTEGER AS edge,
                 sum(m.open_weights)::INTEGER AS "open weights"
          FROM model_counts m JOIN company_summary c ON c.company_id = m.company_id
          WHERE list_contains(string_split(?, ','), m.company_id)
          GROUP BY c.label, c.display_order ORDER BY c.display_order`,
    params: [state.companies.join(",")],
    table: () => ({caption: "Model releases per company and year", download: "models-per-year.csv"})
  });
}

/** Pages put the live chart in place of the build-time one (prerendered.ts). */
export {hydrate} from "../prerendered.js";
