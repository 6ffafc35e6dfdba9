/** model_counts: model releases per company and year (see derive/companies.ts). */
import {modelCounts as counts} from "../derive/companies.js";
import type {PublishedTable} from "./common.js";

export const modelCounts: PublishedTable = {
  name: "model_counts",
  title: "Model releases per company and year",
  title_zh: "各公司逐年模型发布数",
  description: "Releases per company and year, one per model (a model reported twice counts once). Computed by the build from models.",
  description_zh: "每家公司每年的发布数，一个模型算一次（同一模型被报道两次只算一次）。由构建程序从 models 算出。",
  key: ["company_id", "year"],
  inputs: ["data/models.csv"],
  derived: true,
  columns: [
    {name: "company_id", type: "VARCHAR", description: "company id", description_zh: "公司 id"},
    {name: "year", type: "INTEGER", description: "release year", description_zh: "发布年份"},
    {name: "releases", type: "INTEGER", description: "models released", description_zh: "发布的模型数", unit: "models"},
    {name: "edge", type: "INTEGER", description: "of which made to run on devices", description_zh: "其中面向端侧设备运行的", unit: "models"},
    {name: "open_weights", type: "INTEGER", description: "of which with open weights", description_zh: "其中开放权重的", unit: "models"},
    {name: "moe", type: "INTEGER", description: "of which mixture-of-experts", description_zh: "其中采用混合专家（MoE）架构的", unit: "models"},
    {name: "model_ids", type: "VARCHAR[]", description: "the models rows counted", description_zh: "计入的 models 行"}
  ],
  build(_dataset, tables) {
    return counts(tables("models"));
  }
};
