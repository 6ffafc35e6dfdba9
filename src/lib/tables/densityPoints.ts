/**
 * The densing-law points (capability density against release date), with t in days since the Llama-1
 * release (the paper's origin) and our own running-maximum flag next to the paper's, so a reader can see
 * they agree; and each point's prior peak, which makes the records of any release window a filter on a column.
 */
import {daysBetween} from "../dates.js";
import {priorPeaks, runningMaxRecords} from "../trend.js";
import {dateColumns, dateValues, sourceRow, type PublishedTable} from "./common.js";

/** t = 0 of the densing law: the Llama-1 release, as the paper plots it. */
export const DENSITY_ORIGIN = "2023-02-24";

export const densityPoints: PublishedTable = {
  name: "density_points",
  title: "Density points",
  title_zh: "密度数据点",
  description:
    "Open base models from 'Densing law of LLMs' (Nature Machine Intelligence, 2025, Fig. 1): capability " +
    "density (effective ÷ actual parameters, 5-benchmark average) against release date.",
  description_zh: "论文《Densing law of LLMs》（Nature Machine Intelligence，2025 年，图 1）中的开源基座模型：能力密度（有效参数量 ÷ 实际参数量，5 项基准的平均）与发布日期。",
  key: ["release_date", "id"],
  inputs: ["data/density_points.csv"],
  columns: [
    {name: "id", type: "VARCHAR", description: "row id", description_zh: "行 id"},
    {name: "model", type: "VARCHAR", description: "model as labelled in the paper", description_zh: "论文中标注的模型名"},
    ...dateColumns("release_date", "release date as plotted in the paper", "论文图中标绘的发布日期"),
    {name: "t_days", type: "INTEGER", description: `days since ${DENSITY_ORIGIN} (the Llama-1 release, the paper's origin)`, description_zh: `自 ${DENSITY_ORIGIN} 起的天数（Llama-1 发布日，即论文的时间原点）`, unit: "days"},
    {name: "params_b", type: "DOUBLE", description: "parameters as labelled in the paper", description_zh: "论文中标注的参数量", unit: "billions of parameters"},
    {name: "density", type: "DOUBLE", description: "capability density (effective parameters ÷ actual parameters)", description_zh: "能力密度（有效参数量 ÷ 实际参数量）", unit: "ratio"},
    {name: "is_record", type: "BOOLEAN", description: "on the paper's running-maximum line", description_zh: "位于论文的创新高连线上"},
    {name: "is_running_max", type: "BOOLEAN", description: "sets a new maximum density when points are taken in date order (computed here)", description_zh: "按日期先后排列时创下新的密度最高值（由本项目计算）"},
    {
      name: "prior_peak_date",
      type: "DATE",
      description:
        "release date of the last earlier model at least as dense (blank: none, the model is a running maximum); the model sets a density record in any release window that holds it and starts after this date",
      description_zh: "在它之前、密度不低于它的最近一个模型的发布日期（为空表示没有，即它本身就是累计最高值）；凡是包含该模型、且起点晚于这一日期的发布时间窗口，它都是窗口内的密度纪录"
    },
    {name: "in_arxiv_v2", type: "BOOLEAN", description: "also among the 29 models of the 2024 preprint (arXiv 2412.04315v2)", description_zh: "也在 2024 年预印本（arXiv 2412.04315v2）的 29 个模型之列"},
    {name: "company_id", type: "VARCHAR", description: "company id when the model is one of the atlas's companies", description_zh: "模型出自本图谱所涉公司时，该公司的 id"},
    {name: "value_status", type: "VARCHAR", description: "how the value was obtained (derived: read from the figure's vector geometry)", description_zh: "数值是怎样得到的（derived：从论文图的矢量几何中读出）"},
    {name: "source_ids", type: "VARCHAR[]", description: "ids of the sources (table sources)", description_zh: "来源 id（见 sources 表）"},
    {name: "confidence", type: "VARCHAR", description: "high, medium or low", description_zh: "可信度：high、medium 或 low"},
    {name: "source_row", type: "VARCHAR", description: "file and line of the curated row", description_zh: "该行在整理文件中的文件名与行号"}
  ],
  build(dataset) {
    const rows = dataset.density_points;
    const t = (p: (typeof rows)[number]) => daysBetween(DENSITY_ORIGIN, p.release_date!.date);
    const records = new Set(runningMaxRecords(rows, t, (p) => p.density!));
    // Published so that a window's records are a filter, in SQL and in the page alike (trend.ts priorPeaks).
    const peaks = priorPeaks(rows, t, (p) => p.density!);
    return rows.map((p) => ({
      id: p.id,
      model: p.model,
      ...dateValues("release_date", p.release_date),
      t_days: daysBetween(DENSITY_ORIGIN, p.release_date!.date),
      params_b: p.params_b,
      density: p.density,
      is_record: p.is_record,
      is_running_max: records.has(p),
      prior_peak_date: peaks.get(p)?.release_date!.date ?? null,
      in_arxiv_v2: p.in_arxiv_v2,
      company_id: p.company_id,
      value_status: p.value_status,
      source_ids: p.source_ids,
      confidence: p.confidence,
      source_row: sourceRow(p)
    }));
  }
};
