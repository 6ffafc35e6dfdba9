/**
 * The dataset's release history as a compact table: one row per release, newest first, with the rows added,
 * changed and removed since the release before it, per curated table; each table's counts open to the row ids.
 * The first release is the baseline, with no changes of its own.
 */
import {captionedTable, elementMaker} from "./htmlElements.js";
import {bilingual, formatDateText, type Lang} from "./i18n.js";

/** The table's words; the ids, versions and table names are data and stay as they are. */
const TEXT = bilingual({
  en: {
    caption: "Releases of the dataset, newest first",
    headers: ["Version", "Date", "Added", "Changed", "Removed", "Tables"],
    baseline: "first release: the baseline later releases are compared with",
    unchanged: "no row changed",
    kind: {added: "added", changed: "changed", removed: "removed"},
    ids: (kind: string, ids: readonly string[]) => `${kind}: ${ids.join(", ")}`
  },
  zh: {
    caption: "数据集的各次发布（新的在前）",
    headers: ["版本", "日期", "新增", "修改", "删除", "涉及的表"],
    baseline: "首次发布：之后各版本都以它为比较基准",
    unchanged: "没有行变动",
    kind: {added: "新增", changed: "修改", removed: "删除"},
    ids: (kind: string, ids: readonly string[]) => `${kind}：${ids.join("、")}`
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

export function changelogTable(entries: readonly ChangelogEntry[], {history = [], caption, lang = "en"}: ChangelogTableOptions = {}, doc: Document = globalThis.document): HTMLDivElement {
  const words = TEXT(lang);
  const el = elementMaker(doc);
  const {wrapper, tbody} = captionedTable(el, {caption: caption ?? words.caption, headers: words.headers, className: "atlas-changelog"});
  const byVersion = new Map(entries.map((e) => [e.version, e]));
  const releases = [...new Map([...history, ...entries].map((r) => [r.version, {version: r.version, date: r.date}])).values()];
  releases.sort((a, b) => compareVersions(b.version, a.version));
  for (const release of releases) {
    const entry = byVersion.get(release.version);
    const tr = el("tr");
    tr.dataset.version = release.version;
    const tables = Object.entries(entry?.tables ?? {});
    const total = (k: "added" | "changed" | "removed") => tables.reduce((sum, [, t]) => sum + t[k].length, 0);
    tr.append(el("td", undefined, release.version), el("td", undefined, formatDateText(release.date, lang)));
    if (!entry) {
      const td = el("td", undefined, words.baseline);
      td.colSpan = 4;
      tr.append(td);
    } else {
      for (const k of ["added", "changed", "removed"] as const) tr.append(el("td", "numeric", String(total(k))));
      const cell = el("td");
      for (const [name, t] of tables) {
        const details = el("details");
        details.append(el("summary", undefined, `${name}: +${t.added.length} ~${t.changed.length} −${t.removed.length}`));
        for (const [k, ids] of [["added", t.added], ["changed", t.changed], ["removed", t.removed]] as const) {
          if (ids.length) details.append(el("p", undefined, words.ids(words.kind[k], ids)));
        }
        cell.append(details);
      }
      if (!tables.length) cell.textContent = words.unchanged;
      tr.append(cell);
    }
    tbody.append(tr);
  }
  return wrapper;
}

/** Semantic-version order of MAJOR.MINOR.PATCH strings (anything after them is ignored). */
function compareVersions(a: string, b: string): number {
  const parts = (v: string) => v.split(/[-+]/)[0].split(".").map(Number);
  const [pa, pb] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}
