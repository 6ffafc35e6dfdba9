/** Strategic events: pivots, pre-training abandoned, partnerships, IPO steps. */
import {dateColumns, dateValues, provenance, PROVENANCE_COLUMNS, type PublishedTable} from "./common.js";

export const events: PublishedTable = {
  name: "events",
  title: "Events",
  title_zh: "事件",
  description: "Strategic events per company (or the whole field, company_id = 'industry').",
  description_zh: "各公司的战略事件（关乎整个行业的事件，company_id 为 'industry'）。",
  key: ["company_id", "date", "id"],
  inputs: ["data/events.csv"],
  columns: [
    {name: "id", type: "VARCHAR", description: "row id", description_zh: "行 id"},
    {name: "company_id", type: "VARCHAR", description: "company id, or industry", description_zh: "公司 id，或 industry"},
    ...dateColumns("date", "date of the event", "事件日期"),
    {name: "event_type", type: "VARCHAR", description: "pretraining_abandoned, pivot, partnership_chip, partnership_car, partnership_other, ipo_process, ipo_listing, funding, talent, legal, regulatory, product, strategy or other", description_zh: "事件类型：pretraining_abandoned、pivot、partnership_chip、partnership_car、partnership_other、ipo_process、ipo_listing、funding、talent、legal、regulatory、product、strategy 或 other"},
    {name: "course", type: "VARCHAR", description: "the course the event sets: pretraining, apps, medical, edge or listed; blank when none", description_zh: "事件所确定的路线：pretraining、apps、medical、edge 或 listed；没有时为空"},
    {name: "title", type: "VARCHAR", description: "one-line summary in the atlas's words", description_zh: "一句话摘要，由本图谱用自己的话写成"},
    {name: "partners", type: "VARCHAR[]", description: "partner companies named in the announcement (one event per announcement)", description_zh: "公告中点名的合作公司（一次公告记为一个事件）"},
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
