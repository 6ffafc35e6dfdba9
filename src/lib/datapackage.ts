/**
 * The Frictionless Data package descriptor (datapackage.json) for the published tables: every field with
 * its type, unit and meaning, for both the CSV and the Parquet copy of each table.
 */
import type {ColumnType} from "./parquet.js";
import type {ReleaseState} from "./release.js";
import {TABLES} from "./tables/index.js";

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
    ...(release ? versionProperties(release) : {}),
    description:
      "Cited, validated data on China's large-model start-ups: the six tigers (Zhipu, Baichuan, Moonshot, " +
      "MiniMax, 01.AI, StepFun), ModelBest and comparators; funding, models, events, claims and the densing law. " +
      "Cite it as given in `citations`: the Parquet files carry the same citation in their key-value metadata, but CSV " +
      "files cannot carry any, so this file is where a CSV's citation and version are.",
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
    "the ids of the rows each release added, changed or removed, per curated file of data/ (tables without a change are left out)."
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
        path: "sources.csv"
      }
    ]
  };
}
