/** Companies: one primary row each, plus a variant row for every conflicting report (founding dates). */
import {dateColumns, dateValues, provenance, PROVENANCE_COLUMNS, type PublishedTable} from "./common.js";

export const companies: PublishedTable = {
  name: "companies",
  title: "Companies",
  title_zh: "公司",
  description:
    "The six tigers, ModelBest and comparators. Each company has one primary row; reports that disagree with it " +
    "(mostly founding dates) are variant rows sharing its conflict_key.",
  description_zh: "六小虎、面壁智能和几家对照公司。每家公司有一条主行；与主行说法不一的报道（多是成立日期）各为一条变体行，与主行共用 conflict_key。",
  key: ["company_id", "id"],
  inputs: ["data/companies.csv"],
  columns: [
    {name: "id", type: "VARCHAR", description: "row id (the company id on primary rows)", description_zh: "行 id（主行上即公司 id）"},
    {name: "company_id", type: "VARCHAR", description: "company id, referenced by every other table", description_zh: "公司 id，其他各表都以它引用公司"},
    {name: "row_type", type: "VARCHAR", description: "primary, or variant for a conflicting report", description_zh: "primary（主行），或 variant（说法冲突的变体行）"},
    {name: "is_primary", type: "BOOLEAN", description: "true on the primary row of each company", description_zh: "每家公司的主行为 true"},
    {name: "name_en", type: "VARCHAR", description: "English name (from the primary row on variants)", description_zh: "英文名（变体行取主行的值）"},
    {name: "name_zh", type: "VARCHAR", description: "Chinese name (from the primary row on variants)", description_zh: "中文名（变体行取主行的值）"},
    {name: "short_en", type: "VARCHAR", description: "short English name for charts (Zhipu, 01.AI)", description_zh: "图表用的英文简称（Zhipu、01.AI）"},
    {name: "short_zh", type: "VARCHAR", description: "short Chinese name for charts (智谱, 零一万物)", description_zh: "图表用的中文简称（智谱、零一万物）"},
    ...dateColumns("founded", "founding date", "成立日期"),
    {name: "founders", type: "VARCHAR[]", description: "founders and leaders, English name with Chinese in parentheses", description_zh: "创始人和主要负责人：英文名，括号内为中文名"},
    {name: "hq_city", type: "VARCHAR", description: "headquarters city", description_zh: "总部所在城市"},
    {name: "group", type: "VARCHAR", description: "six_tigers, edge (ModelBest) or comparator", description_zh: "分组：six_tigers（六小虎）、edge（面壁智能）或 comparator（对照公司）"},
    {name: "color", type: "VARCHAR", description: "the company's colour in every chart, #rrggbb (from the primary row on variants)", description_zh: "该公司在所有图表中的颜色，#rrggbb（变体行取主行的值）"},
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
