/** API prices at a fixed capability level (GPT-3.5 class) over time, from the densing-law paper's Fig. 3a. */
import {dateColumns, dateValues, sourceRow, type PublishedTable} from "./common.js";

export const pricePoints: PublishedTable = {
  name: "price_points",
  title: "Price points",
  title_zh: "价格数据点",
  description: "API price per million tokens of models at a fixed capability level over time.",
  description_zh: "达到固定能力水平的模型，其 API 每百万 token 价格随时间的变化。",
  key: ["date", "id"],
  inputs: ["data/price_points.csv"],
  columns: [
    {name: "id", type: "VARCHAR", description: "row id", description_zh: "行 id"},
    {name: "model", type: "VARCHAR", description: "model", description_zh: "模型"},
    ...dateColumns("date", "date as plotted", "图中标绘的日期"),
    {name: "price_usd_per_mtok", type: "DOUBLE", description: "API price", description_zh: "API 价格", unit: "USD per million tokens"},
    {name: "on_cheapest_line", type: "BOOLEAN", description: "on the paper's cheapest-price line", description_zh: "位于论文的最低价连线上"},
    {name: "value_status", type: "VARCHAR", description: "how the value was obtained", description_zh: "数值是怎样得到的"},
    {name: "source_ids", type: "VARCHAR[]", description: "ids of the sources", description_zh: "来源 id"},
    {name: "confidence", type: "VARCHAR", description: "high, medium or low", description_zh: "可信度：high、medium 或 low"},
    {name: "source_row", type: "VARCHAR", description: "file and line of the curated row", description_zh: "该行在整理文件中的文件名与行号"}
  ],
  build(dataset) {
    return dataset.price_points.map((p) => ({
      id: p.id,
      model: p.model,
      ...dateValues("date", p.date),
      price_usd_per_mtok: p.price_usd_per_mtok,
      on_cheapest_line: p.on_cheapest_line,
      value_status: p.value_status,
      source_ids: p.source_ids,
      confidence: p.confidence,
      source_row: sourceRow(p)
    }));
  }
};
