/** Model releases: size (total and active parameters), architecture, openness, cloud or edge. */
import {countedModels} from "../derive/companies.js";
import {dateColumns, dateValues, provenance, PROVENANCE_COLUMNS, type PublishedTable} from "./common.js";

export const models: PublishedTable = {
  name: "models",
  title: "Models",
  title_zh: "模型",
  description: "Model releases by the companies, with reported sizes; blank sizes were not disclosed.",
  description_zh: "各公司发布的模型及其报道的规模；规模为空表示未披露。",
  key: ["company_id", "release_date", "id"],
  inputs: ["data/models.csv"],
  columns: [
    {name: "id", type: "VARCHAR", description: "row id", description_zh: "行 id"},
    {name: "company_id", type: "VARCHAR", description: "company id (table companies)", description_zh: "公司 id（见 companies 表）"},
    {name: "model", type: "VARCHAR", description: "model name as released", description_zh: "发布时的模型名"},
    ...dateColumns("release_date", "release date (for a model never released, the date it was announced)", "发布日期（从未发布的模型取宣布日期）"),
    {name: "status", type: "VARCHAR", description: "released, announced (not yet released) or abandoned (announced, never released)", description_zh: "released（已发布）、announced（已宣布、尚未发布）或 abandoned（宣布后放弃、从未发布）"},
    {name: "params_total_b", type: "DOUBLE", description: "total parameters; blank when undisclosed", description_zh: "总参数量；未披露时为空", unit: "billions of parameters"},
    {name: "params_active_b", type: "DOUBLE", description: "parameters active per token (equals total for dense models)", description_zh: "每个 token 激活的参数量（稠密模型等于总参数量）", unit: "billions of parameters"},
    {name: "params_reported", type: "VARCHAR", description: "size as reported", description_zh: "报道中的规模原文"},
    {name: "architecture", type: "VARCHAR", description: "dense, moe or unknown", description_zh: "架构：dense（稠密）、moe（混合专家）或 unknown（不详）"},
    {name: "open_weights", type: "BOOLEAN", description: "weights published; blank when unknown", description_zh: "是否公开权重；不详时为空"},
    {name: "deployment", type: "VARCHAR", description: "cloud, or edge (made to run on a phone, PC or car chip)", description_zh: "部署：cloud（云端），或 edge（面向手机、电脑或车载芯片运行）"},
    {name: "modality", type: "VARCHAR", description: "text, vision-language, omni, speech or other", description_zh: "模态：text、vision-language、omni、speech 或 other"},
    {name: "counted", type: "BOOLEAN", description: "true for the report that counts as the release; false for a second report of the same model (same conflict_key) and for a model not released", description_zh: "算作该次发布的那条报道为 true；同一模型的第二条报道（同一 conflict_key）和未发布的模型为 false"},
    ...PROVENANCE_COLUMNS
  ],
  build(dataset) {
    const counted = countedModels(dataset.models.filter((m) => m.status === "released").map((m) => ({id: m.id, conflict_key: m.conflict_key, confidence: m.confidence, release_date: m.release_date?.date ?? null})));
    return dataset.models.map((m) => ({
      id: m.id,
      company_id: m.company_id,
      model: m.model,
      ...dateValues("release_date", m.release_date),
      status: m.status,
      params_total_b: m.params_total_b,
      // Dense models activate every parameter; say so rather than leave the cell blank.
      params_active_b: m.params_active_b ?? (m.architecture === "dense" ? m.params_total_b : null),
      params_reported: m.params_reported,
      architecture: m.architecture,
      open_weights: m.open_weights,
      deployment: m.deployment,
      modality: m.modality,
      counted: m.status === "released" && counted.get(m.id)!,
      ...provenance(m)
    }));
  }
};
