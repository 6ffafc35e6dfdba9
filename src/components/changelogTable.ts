/**
 * The dataset's release history as a compact table: one row per release, newest first, with the rows added,
 * changed and removed since the release before it, per curated table, and the ids of those rows.
 * The first release is the baseline, with no changes of its own.
 */
import {dataTable} from "./dataTable.js";
import {bilingual, formatDateText, type Lang} from "./i18n.js";

/** The table's words; the ids, versions and table names are data and stay as they are. */
const TEXT = bilingual({
  en: {
    caption: "Releases of the dataset, newest first",
    labels: {version: "Version", date: "Date", added: "Added", changed: "Changed", removed: "Removed", tables: "Tables", ids: "Rows"},
    baseline: "first release: the baseline later releases are compared with",
    unchanged: "no row changed",
    kind: {added: "added", changed: "changed", removed: "removed"},
    ids: (table: string, kind: string, ids: readonly string[]) => `${table} ${kind}: ${ids.join(", ")}`,
    join: "; "
  },
  zh: {
    caption: "数据集的各次发布（新的在前）",
    labels: {version: "版本", date: "日期", added: "新增", changed: "修改", removed: "删除", tables: "涉及的表", ids: "变动的行"},
    baseline: "首次发布：之后各版本都以它为比较基准",
    unchanged: "没有行变动",
    kind: {added: "新增", changed: "修改", removed: "删除"},
    ids: (table: string, kind: string, ids: readonly string[]) => `${table} ${kind}：${ids.join("、")}`,
    join: "；"
  }
});

export interface ChangelogEntry {
  version: string;
  date: string;
  tables: Record<string, {added: string[]; changed: string[]; removed: string[]}>;
}

export interface ChangelogTableOptions {
  /** Every release, in any order (datapackage.json `release.history`); those without an entry are baselines. */
  history?: {version: string; date: string}[];
  caption?: string;
  /** Language of the table's words and dates (default English: ISO days, as the data package gives them). */
  lang?: Lang;
}

/**
 * One row per release in the site's grid: the counts, each table's "+added ~changed −removed", and the ids of the
 * rows that changed (cut to a line in the table, whole in the panel of the selected release).
 */
export function changelogTable(entries: readonly ChangelogEntry[], {history = [], caption, lang = "en"}: ChangelogTableOptions = {}, doc: Document = globalThis.document): HTMLElement {
  const words = TEXT(lang);
  const byVersion = new Map(entries.map((e) => [e.version, e]));
  const releases = [...new Map([...history, ...entries].map((r) => [r.version, {version: r.version, date: r.date}])).values()];
  releases.sort((a, b) => compareVersions(b.version, a.version));
  const kinds = ["added", "changed", "removed"] as const;
  const rows = releases.map((release) => {
    const entry = byVersion.get(release.version);
    const tables = Object.entries(entry?.tables ?? {});
    const total = (k: (typeof kinds)[number]) => (entry ? tables.reduce((sum, [, t]) => sum + t[k].length, 0) : null);
    return {
      version: release.version,
      date: formatDateText(release.date, lang),
      added: total("added"),
      changed: total("changed"),
      removed: total("removed"),
      tables: !entry ? words.baseline : tables.length ? tables.map(([name, t]) => `${name}: +${t.added.length} ~${t.changed.length} −${t.removed.length}`).join(words.join) : words.unchanged,
      ids: tables.flatMap(([name, t]) => kinds.filter((k) => t[k].length).map((k) => words.ids(name, words.kind[k], t[k]))).join(words.join)
    };
  });
  const grid = dataTable(rows, {
    caption: caption ?? words.caption,
    labels: words.labels,
    nullText: "",
    rowData: (row) => ({version: String(row.version)}),
    document: doc,
    lang
  });
  grid.querySelector("table")!.classList.add("atlas-changelog");
  return grid;
}

/** Semantic-version order of MAJOR.MINOR.PATCH strings (anything after them is ignored). */
function compareVersions(a: string, b: string): number {
  const parts = (v: string) => v.split(/[-+]/)[0].split(".").map(Number);
  const [pa, pb] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}
