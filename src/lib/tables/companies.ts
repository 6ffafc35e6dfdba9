/** Companies: one primary row each, plus a variant row for every conflicting report (founding dates). */
import {dateColumns, dateValues, provenance, PROVENANCE_COLUMNS, type PublishedTable} from "./common.js";

export const companies: PublishedTable = {
  name: "companies",
  title: "Companies",
  description:
    "The six tigers, ModelBest and comparators. Each company has one primary row; reports that disagree with it " +
    "(mostly founding dates) are variant rows sharing its conflict_key.",
  key: ["company_id", "id"],
  inputs: ["data/companies.csv"],
  columns: [
    {name: "id", type: "VARCHAR", description: "row id (the company id on primary rows)"},
    {name: "company_id", type: "VARCHAR", description: "company id, referenced by every other table"},
    {name: "row_type", type: "VARCHAR", description: "primary, or variant for a conflicting report"},
    {name: "is_primary", type: "BOOLEAN", description: "true on the primary row of each company"},
    {name: "name_en", type: "VARCHAR", description: "English name (from the primary row on variants)"},
    {name: "name_zh", type: "VARCHAR", description: "Chinese name (from the primary row on variants)"},
    {name: "short_en", type: "VARCHAR", description: "short English name for charts (Zhipu, 01.AI)"},
    {name: "short_zh", type: "VARCHAR", description: "short Chinese name for charts (智谱, 零一万物)"},
    ...dateColumns("founded", "founding date"),
    {name: "founders", type: "VARCHAR[]", description: "founders and leaders, English name with Chinese in parentheses"},
    {name: "hq_city", type: "VARCHAR", description: "headquarters city"},
    {name: "group", type: "VARCHAR", description: "six_tigers, edge (ModelBest) or comparator"},
    {name: "color", type: "VARCHAR", description: "the company's colour in every chart, #rrggbb (from the primary row on variants)"},
    ...PROVENANCE_COLUMNS
  ],
  build(dataset) {
    const primary = new Map(dataset.companies.filter((c) => c.row_type === "primary").map((c) => [c.company_id, c]));
    return dataset.companies.map((c) => {
      const p = primary.get(c.company_id)!;
      return {
        id: c.id,
        company_id: c.company_id,
        row_type: c.row_type,
        is_primary: c.row_type === "primary",
        name_en: c.name_en ?? p.name_en,
        name_zh: c.name_zh ?? p.name_zh,
        short_en: c.short_en ?? p.short_en,
        short_zh: c.short_zh ?? p.short_zh,
        ...dateValues("founded", c.founded),
        founders: c.founders,
        hq_city: c.hq_city ?? (c.row_type === "variant" ? p.hq_city : null),
        group: c.group ?? p.group,
        color: c.color ?? p.color,
        ...provenance(c)
      };
    });
  }
};
