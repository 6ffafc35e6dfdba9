/**
 * The Frictionless Data package descriptor (datapackage.json) for the published tables: every field with
 * its type, unit and meaning, for both the CSV and the Parquet copy of each table.
 */
import type {ColumnType} from "./parquet.js";
import {TABLES} from "./tables/index.js";

const FRICTIONLESS_TYPES: Record<ColumnType, string> = {
  VARCHAR: "string",
  DATE: "date",
  DOUBLE: "number",
  INTEGER: "integer",
  BOOLEAN: "boolean",
  "VARCHAR[]": "array"
};

export function dataPackage({rowCounts = {}}: {rowCounts?: Record<string, number>} = {}) {
  return {
    profile: "data-package",
    name: "six-tigers-atlas",
    title: "Six Tigers Atlas",
    description:
      "Cited, validated data on China's large-model start-ups: the six tigers (Zhipu, Baichuan, Moonshot, " +
      "MiniMax, 01.AI, StepFun), ModelBest and comparators; funding, models, events, claims and the densing law.",
    licenses: [{name: "CC-BY-4.0", path: "https://creativecommons.org/licenses/by/4.0/", title: "Creative Commons Attribution 4.0"}],
    resources: Object.values(TABLES).flatMap((table) => {
      const schema = {
        fields: table.columns.map((c) => ({
          name: c.name,
          type: FRICTIONLESS_TYPES[c.type],
          ...(c.type === "VARCHAR[]" ? {arrayItem: {type: "string"}, description: `${c.description} (in CSV: items joined by ";")`} : {description: c.description}),
          ...(c.unit ? {unit: c.unit} : {})
        })),
        primaryKey: table.key.length === 1 ? table.key[0] : undefined
      };
      const common = {title: table.title, description: table.description, schema, ...(rowCounts[table.name] !== undefined ? {rows: rowCounts[table.name]} : {})};
      return [
        {name: table.name, path: `${table.name}.csv`, format: "csv", mediatype: "text/csv", encoding: "utf-8", ...common},
        {name: `${table.name}-parquet`, path: `${table.name}.parquet`, format: "parquet", mediatype: "application/vnd.apache.parquet", ...common}
      ];
    })
  };
}
