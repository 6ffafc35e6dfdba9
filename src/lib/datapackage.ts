/**
 * The Frictionless Data package descriptor (datapackage.json) for the published tables: every field with
 * its type, unit and meaning, for both the CSV and the Parquet copy of each table.
 *
 * Meanings are given in English (`title`, `description`, and the `unit` this package adds) and in Chinese
 * beside them (`title_zh`, `description_zh`, `unit_zh`). These are custom properties, which Frictionless
 * allows, so the package stays valid for readers that know only the standard ones. Names stay as they are:
 * they are the SQL names.
 */
import type {ColumnType} from "./parquet.js";
import type {ReleaseState} from "./release.js";
import {TABLES} from "./tables/index.js";
import {UNITS_ZH} from "./tables/common.js";

const FRICTIONLESS_TYPES: Record<ColumnType, string> = {
  VARCHAR: "string",
  DATE: "date",
  DOUBLE: "number",
  INTEGER: "integer",
  BOOLEAN: "boolean",
  "VARCHAR[]": "array"
};

/** The dataset's version and how to cite it, as the compile works them out (src/lib/release.ts, citation.ts). */
export interface PackageRelease {
  state: ReleaseState;
  /** ISO day of this version (the release's, or the data's as-of day when unreleased). */
  date: string;
  homepage: string;
  citation: {text: string; bibtex: string};
}

export function dataPackage({rowCounts = {}, release}: {rowCounts?: Record<string, number>; release?: PackageRelease} = {}) {
  return {
    profile: "data-package",
    name: "six-tigers-atlas",
    title: "Six Tigers Atlas",
    title_zh: "六小虎图谱",
    ...(release ? versionProperties(release) : {}),
    description:
      "Cited, validated data on China's large-model start-ups: the six tigers (Zhipu, Baichuan, Moonshot, " +
      "MiniMax, 01.AI, StepFun), ModelBest and comparators; funding, models, events, claims and the densing law. " +
      "Cite it as given in `citations`: the Parquet files carry the same citation in their key-value metadata, but CSV " +
      "files cannot carry any, so this file is where a CSV's citation and version are.",
    description_zh:
      "关于中国大模型创业公司的数据，每一行都有出处、经过校验：六小虎（智谱、百川、月之暗面、MiniMax、零一万物、阶跃星辰）、" +
      "面壁智能和几家对照公司；涵盖融资、模型、事件、论断和密度法则。引用时请按 `citations` 所给的格式：Parquet 文件的键值元数据中" +
      "带有同样的引用信息，CSV 文件却无法携带元数据，所以 CSV 的引用和版本以本文件为准。",
    licenses: [{name: "CC-BY-4.0", path: "https://creativecommons.org/licenses/by/4.0/", title: "Creative Commons Attribution 4.0"}],
    resources: Object.values(TABLES).flatMap((table) => {
      const schema = {
        fields: table.columns.map((c) => ({
          name: c.name,
          type: FRICTIONLESS_TYPES[c.type],
          ...(c.type === "VARCHAR[]"
            ? {arrayItem: {type: "string"}, description: `${c.description} (in CSV: items joined by ";")`, description_zh: `${c.description_zh}（CSV 中各项以“;”连接）`}
            : {description: c.description, description_zh: c.description_zh}),
          ...(c.unit ? {unit: c.unit, unit_zh: UNITS_ZH[c.unit] ?? c.unit} : {})
        })),
        primaryKey: table.key.length === 1 ? table.key[0] : undefined
      };
      const common = {title: table.title, title_zh: table.title_zh, description: table.description, description_zh: table.description_zh, schema, ...(rowCounts[table.name] !== undefined ? {rows: rowCounts[table.name]} : {})};
      return [
        {name: table.name, path: `${table.name}.csv`, format: "csv", mediatype: "text/csv", encoding: "utf-8", ...common},
        {name: `${table.name}-parquet`, path: `${table.name}.parquet`, format: "parquet", mediatype: "application/vnd.apache.parquet", ...common}
      ];
    }),
    ...(release ? {changelog: CHANGELOG_RESOURCE} : {})
  };
}

/** changelog.json, listed apart from `resources` (which are the tables): it is a list of releases, not a table. */
export const CHANGELOG_RESOURCE = {
  path: "changelog.json",
  format: "json",
  mediatype: "application/json",
  description:
    "Every release after the first, newest first: [{version, date, tables: {<curated table>: {added, changed, removed}}}], " +
    "the ids of the rows each release added, changed or removed, per curated file of data/ (tables without a change are left out).",
  description_zh:
    "首个版本之后的每次发布，新的在前：[{version, date, tables: {<整理表>: {added, changed, removed}}}]，" +
    "按 data/ 中的每个整理文件列出该次发布新增、修改和删除的行 id（没有变动的表不列）。"
};

function versionProperties({state, date, homepage, citation}: PackageRelease) {
  return {
    version: state.version,
    homepage,
    // Custom properties (Frictionless allows them): the version's date, whether data/ matches a release, and the
    // release history, oldest first; the per-release changes are in changelog.json.
    release: {
      date,
      released: state.released,
      latest: state.latest,
      history: state.history,
      unreleased_changes: Object.fromEntries(
        Object.entries(state.pending).map(([name, d]) => [name, {added: d.added, changed: d.changed.map((c) => c.id), removed: d.removed}])
      )
    },
    // CSV files carry no metadata: cite a CSV download as given here (Parquet files also carry it as key-value metadata).
    citations: [
      {format: "text", text: citation.text},
      {format: "bibtex", text: citation.bibtex}
    ],
    sources: [
      {
        title: "The sources table of this package (sources.csv, sources.parquet): every publication a row cites, by source_id",
        title_zh: "本数据包的 sources 表（sources.csv、sources.parquet）：任何一行所引用的每份出版物，以 source_id 标识",
        path: "sources.csv"
      }
    ]
  };
}
