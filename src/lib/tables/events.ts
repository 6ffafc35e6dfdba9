/** Strategic events: pivots, pre-training abandoned, partnerships, IPO steps. */
import {dateColumns, dateValues, provenance, PROVENANCE_COLUMNS, type PublishedTable} from "./common.js";

export const events: PublishedTable = {
  name: "events",
  title: "Events",
  description: "Strategic events per company (or the whole field, company_id = 'industry').",
  key: ["company_id", "date", "id"],
  inputs: ["data/events.csv"],
  columns: [
    {name: "id", type: "VARCHAR", description: "row id"},
    {name: "company_id", type: "VARCHAR", description: "company id, or industry"},
    ...dateColumns("date", "date of the event"),
    {name: "event_type", type: "VARCHAR", description: "pretraining_abandoned, pivot, partnership_chip, partnership_car, partnership_other, ipo_process, ipo_listing, funding, talent, legal, regulatory, product, strategy or other"},
    {name: "course", type: "VARCHAR", description: "the course the event sets: pretraining, apps, medical, edge or listed; blank when none"},
    {name: "title", type: "VARCHAR", description: "one-line summary in the atlas's words"},
    {name: "partners", type: "VARCHAR[]", description: "partner companies named in the announcement (one event per announcement)"},
    ...PROVENANCE_COLUMNS
  ],
  build(dataset) {
    return dataset.events.map((e) => ({
      id: e.id,
      company_id: e.company_id,
      ...dateValues("date", e.date),
      event_type: e.event_type,
      course: e.course,
      title: e.title,
      partners: e.partners,
      ...provenance(e)
    }));
  }
};
