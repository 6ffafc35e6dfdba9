/**
 * The dataset's release history as a compact table: one row per release, newest first, with the rows added,
 * changed and removed since the release before it, per curated table; each table's counts open to the row ids.
 * The first release is the baseline, with no changes of its own.
 */
import {captionedTable, elementMaker} from "./htmlElements.js";

export interface ChangelogEntry {
  version: string;
  date: string;
  tables: Record<string, {added: string[]; changed: string[]; removed: string[]}>;
}

export interface ChangelogTableOptions {
  /** Every release, in any order (datapackage.json `release.history`); those without an entry are baselines. */
  history?: {version: string; date: string}[];
  caption?: string;
}

export function changelogTable(entries: readonly ChangelogEntry[], {history = [], caption = "Releases of the dataset, newest first"}: ChangelogTableOptions = {}, doc: Document = globalThis.document): HTMLDivElement {
  const el = elementMaker(doc);
  const {wrapper, tbody} = captionedTable(el, {caption, headers: ["Version", "Date", "Added", "Changed", "Removed", "Tables"], className: "atlas-changelog"});
  const byVersion = new Map(entries.map((e) => [e.version, e]));
  const releases = [...new Map([...history, ...entries].map((r) => [r.version, {version: r.version, date: r.date}])).values()];
  releases.sort((a, b) => compareVersions(b.version, a.version));
  for (const release of releases) {
    const entry = byVersion.get(release.version);
    const tr = el("tr");
    tr.dataset.version = release.version;
    const tables = Object.entries(entry?.tables ?? {});
    const total = (k: "added" | "changed" | "removed") => tables.reduce((sum, [, t]) => sum + t[k].length, 0);
    tr.append(el("td", undefined, release.version), el("td", undefined, release.date));
    if (!entry) {
      const td = el("td", undefined, "first release: the baseline later releases are compared with");
      td.colSpan = 4;
      tr.append(td);
    } else {
      for (const k of ["added", "changed", "removed"] as const) tr.append(el("td", "numeric", String(total(k))));
      const cell = el("td");
      for (const [name, t] of tables) {
        const details = el("details");
        details.append(el("summary", undefined, `${name}: +${t.added.length} ~${t.changed.length} −${t.removed.length}`));
        for (const [k, ids] of [["added", t.added], ["changed", t.changed], ["removed", t.removed]] as const) {
          if (ids.length) details.append(el("p", undefined, `${k}: ${ids.join(", ")}`));
        }
        cell.append(details);
      }
      if (!tables.length) cell.textContent = "no row changed";
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
