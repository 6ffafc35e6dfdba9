/**
 * The data-and-methods page (src/data.md, src/zh/data.md): every published table straight from Parquet, the
 * data package and the changelog, and the tables the page shows (version, citation, releases, downloads, data
 * quality, conflicts, source registry, data dictionary, bounding rules). The prose is each edition's own, in
 * its .md file; the tables are defined once here, with their words in both languages beside them.
 */
import {BOUNDING_RULES, type BoundingRule} from "../../lib/amounts.js";
import {changelogTable, type ChangelogEntry} from "../changelogTable.js";
import {indexSources, sourceLink, sourceLinksSpan, type SourceIndex, type SourceRef} from "../chart.js";
import {copyBlock} from "../copyBlock.js";
import {dataTable} from "../dataTable.js";
import {downloadLink} from "../downloads.js";
import {bilingual, documentLang, formatDateText, type Lang} from "../i18n.js";
import {fetchJson} from "../fetchBytes.js";
import {whenLoaded, withFaults} from "../tableFaults.js";
import {loadFiles, readTable} from "./load.js";
import {CHANGELOG, CSV, DATAPACKAGE, PARQUET, TABLE_NAMES, type TableName} from "../tables.js";

type Row = Record<string, unknown>;

/**
 * dataTable's own words (sort buttons, the CSV button) follow the page once dataTable.ts takes `lang` (it is
 * translated on another branch); passed as a spread, so this compiles both before and after that change.
 */
const inLanguage = (lang: Lang) => ({lang});

const LEVELS = ["high", "medium", "low"] as const;

const TEXT = bilingual({
  en: {
    version: "Dataset version ",
    released: (date: string) => `, released ${date}.`,
    unreleased: " (unreleased).",
    differs: (from: string | null, counts: string[]) =>
      `These data differ from ${from ? `release ${from}` : "any release"} (${counts.join("; ")}); they are not a release yet.`,
    citation: "the citation",
    bibtex: "the BibTeX entry",
    changelogLink: "changelog.json (every release’s added, changed and removed row ids per table)",
    downloadsCaption: "The published tables",
    downloadsHeaders: ["Table", "Rows", "Parquet", "CSV"],
    packageLink: "datapackage.json (Frictionless Data: every field, its type, unit and meaning)",
    qualityCaption: "Rows per table, confidence mix and open conflicts",
    qualityLabels: {table: "Table", rows: "Rows", high: "High", medium: "Medium", low: "Low", conflicts: "Open conflicts"},
    conflictsCaption: "Disagreements kept side by side (rows sharing a conflict key)",
    conflictsLabels: {conflict: "Conflict", table: "Table", id: "Row", confidence: "Confidence", source_ids: "Sources"},
    /** Confidence levels as the tables write them; null: shown as the data give them. */
    level: null as Record<string, string> | null,
    searchPlaceholder: "Search publisher, title, language…",
    searchLabel: "Search the sources",
    sourcesLabels: {publisher: "Publisher", title: "Title", date_raw: "Date", language: "Language", kind: "Kind", via: "Read via", cited_by: "Rows citing it"},
    sourcesCaption: (shown: number, total: number) => `${shown} of ${total} sources`,
    dictionaryCaption: "Every field of every table",
    dictionaryLabels: {table: "Table", field: "Field", type: "Type", unit: "Unit", meaning: "Meaning"},
    rulesCaption: "Bounding rules for reported amounts",
    rulesLabels: {rule: "Rule", wording: "Wording", examples: "Examples", low: "Low", high: "High", estimate: "Point estimate"},
    none: "none",
    examples: (items: readonly string[]) => items.join(", "),
    field: (f: PackageField) => ({unit: f.unit ?? "", meaning: f.description}),
    rule: (r: BoundingRule) => ({wording: r.pattern, estimate: r.mid})
  },
  zh: {
    version: "数据集版本 ",
    released: (date: string) => `，发布于${formatDateText(date, "zh")}。`,
    unreleased: "（尚未发布）。",
    differs: (from: string | null, counts: string[]) =>
      `这些数据与${from ? ` ${from} 版` : "任何已发布版本"}不同（${counts.join("；")}），还不是正式发布的版本。`,
    citation: "引用文本",
    bibtex: " BibTeX 条目",
    changelogLink: "changelog.json（每次发布在各表中新增、修改和删除的行 id）",
    downloadsCaption: "公开发布的数据表",
    downloadsHeaders: ["表", "行数", "Parquet", "CSV"],
    packageLink: "datapackage.json（Frictionless Data 格式：每个字段的类型、单位和含义，中英文对照）",
    qualityCaption: "各表的行数、可信度构成和未决的分歧",
    qualityLabels: {table: "表", rows: "行数", high: "高", medium: "中", low: "低", conflicts: "未决分歧"},
    conflictsCaption: "并列保留的分歧（共用同一 conflict_key 的行）",
    conflictsLabels: {conflict: "分歧", table: "表", id: "行", confidence: "可信度", source_ids: "来源"},
    level: {high: "高", medium: "中", low: "低"} as Record<string, string> | null,
    searchPlaceholder: "搜索发布方、标题、语言……",
    searchLabel: "搜索来源",
    sourcesLabels: {publisher: "发布方", title: "标题", date_raw: "日期", language: "语言", kind: "类型", via: "经由", cited_by: "引用它的行数"},
    sourcesCaption: (shown: number, total: number) => `共 ${total} 个来源，显示 ${shown} 个`,
    dictionaryCaption: "所有表的所有字段",
    dictionaryLabels: {table: "表", field: "字段", type: "类型", unit: "单位", meaning: "含义"},
    rulesCaption: "报道金额的界定规则",
    rulesLabels: {rule: "规则", wording: "措辞", examples: "示例", low: "下限", high: "上限", estimate: "点估计"},
    none: "无",
    examples: (items: readonly string[]) => items.join("、"),
    field: (f: PackageField) => ({unit: f.unit_zh ?? f.unit ?? "", meaning: f.description_zh}),
    rule: (r: BoundingRule) => ({wording: r.pattern_zh, estimate: r.mid_zh})
  }
});

/** The parts of datapackage.json this page reads. */
export interface Descriptor {
  version: string;
  release: {
    date: string;
    released: boolean;
    latest: {version: string; date: string} | null;
    history: {version: string; date: string}[];
    unreleased_changes: Record<string, {added: string[]; changed: string[]; removed: string[]}>;
  };
  citations: {format: string; text: string}[];
  resources: {name: string; format: string; schema: {fields: PackageField[]}}[];
}

/** A field of datapackage.json: its meaning in both languages (src/lib/datapackage.ts). */
export interface PackageField {
  name: string;
  type: string;
  unit?: string;
  unit_zh?: string;
  description: string;
  description_zh: string;
}

export interface DataPage {
  lang: Lang;
  tables: Record<TableName, Row[]>;
  descriptor: Descriptor;
  changelog: ChangelogEntry[];
  sources: SourceIndex;
}

/**
 * Every table, straight from Parquet (they are small), the data package and the changelog, each on its own: a
 * file that does not load takes out only the parts of the page that read it (tableFaults.ts). A generator, like
 * the story pages' loaders (load.ts): the page's cell takes the files again after a retry.
 */
export function loadDataPage(lang: Lang = documentLang()): AsyncGenerator<DataPage, void> {
  const readers: Record<string, () => Promise<unknown>> = Object.fromEntries(TABLE_NAMES.map((name) => [name, () => readTable(name, lang)]));
  readers.descriptor = () => fetchJson<Descriptor>(DATAPACKAGE, {lang});
  readers.changelog = () => fetchJson<ChangelogEntry[]>(CHANGELOG, {lang});
  return loadFiles(
    readers,
    ({descriptor, changelog, ...loaded}, faults) => {
      const tables = withFaults<Record<TableName, Row[]>>(loaded, faults.filter((f) => f.table !== "descriptor" && f.table !== "changelog"));
      const files = withFaults<DataPage>({lang, tables, descriptor, changelog}, faults.filter((f) => f.table === "descriptor" || f.table === "changelog"));
      const index = loaded.sources ? indexSources(loaded.sources as SourceRef[]) : null;
      return Object.defineProperty(files, "sources", {enumerable: true, get: () => index ?? indexSources(tables.sources as unknown as SourceRef[])});
    },
    lang
  );
}

/** Draws `part` when the files it reads loaded, else an empty box where the notice of one that did not may stand. */
function guarded<A extends unknown[], R extends Node>(part: (...args: A) => R): (...args: A) => R {
  return (...args) => whenLoaded(() => part(...args)) as R;
}

/** `guarded`, for a part that is a list of nodes. */
function guardedList<A extends unknown[], R extends Node>(part: (...args: A) => R[]): (...args: A) => R[] {
  return (...args) => {
    const drawn = whenLoaded(() => part(...args));
    return (Array.isArray(drawn) ? drawn : [drawn]) as R[];
  };
}

/**
 * The version the build stamped on every download (src/lib/release.ts): a release, or unreleased data, and
 * then a warning that says how the data differ from the latest release.
 */
function drawVersionNote({descriptor, lang}: DataPage, doc: Document = globalThis.document): HTMLElement[] {
  const t = TEXT(lang);
  const release = descriptor.release;
  const version = doc.createElement("p");
  version.className = "atlas-version";
  const strong = doc.createElement("strong");
  strong.textContent = descriptor.version;
  strong.dataset.version = descriptor.version;
  version.append(t.version, strong, release.released ? t.released(release.date) : t.unreleased);
  if (release.released) return [version];
  const warning = doc.createElement("p");
  warning.className = "atlas-version-warning";
  const counts = Object.entries(release.unreleased_changes).map(([name, c]) => `${name}: +${c.added.length} ~${c.changed.length} −${c.removed.length}`);
  warning.textContent = t.differs(release.latest?.version ?? null, counts);
  return [version, warning];
}

/** The citation and its BibTeX entry, each with a copy button. The citation itself is English. */
function drawCitationBlocks({descriptor, lang}: DataPage, doc: Document = globalThis.document): HTMLElement[] {
  const t = TEXT(lang);
  const citation = Object.fromEntries(descriptor.citations.map((c) => [c.format, c.text]));
  const textLang = lang === "en" ? undefined : "en";
  return [
    copyBlock(citation.text, {label: t.citation, className: "atlas-citation-text", lang, textLang}, doc),
    copyBlock(citation.bibtex, {label: t.bibtex, className: "atlas-citation-bibtex", lang, textLang}, doc)
  ];
}

/** The release history and the link to changelog.json. */
function drawChangelogView({descriptor, changelog, lang}: DataPage, doc: Document = globalThis.document): HTMLElement[] {
  return [
    changelogTable(changelog, {history: descriptor.release.history, lang}, doc),
    downloadLink(CHANGELOG, "changelog.json", TEXT(lang).changelogLink, doc)
  ];
}

/** The published tables with their row counts and both files, then the data package. */
function drawDownloadsTable({tables, lang}: DataPage, doc: Document = globalThis.document): HTMLElement[] {
  const t = TEXT(lang);
  const [tableLabel, rowsLabel, parquetLabel, csvLabel] = t.downloadsHeaders;
  const wrapper = dataTable(
    TABLE_NAMES.map((name) => ({table: name, rows: tables[name].length, parquet: name, csv: name})),
    {
      caption: t.downloadsCaption,
      labels: {table: tableLabel, rows: rowsLabel, parquet: parquetLabel, csv: csvLabel},
      format: {
        parquet: (name) => downloadLink(PARQUET[name as TableName], `${name}.parquet`, `${name}.parquet`, doc),
        csv: (name) => downloadLink(CSV[name as TableName], `${name}.csv`, `${name}.csv`, doc)
      },
      document: doc,
      ...inLanguage(lang)
    }
  );
  wrapper.querySelector("table")!.classList.add("atlas-downloads");
  return [wrapper, downloadLink(DATAPACKAGE, "datapackage.json", t.packageLink, doc)];
}

const FACT_TABLES: TableName[] = ["companies", "funding_rounds", "models", "events", "claims", "density_points", "price_points"];
const CONFLICT_TABLES: TableName[] = ["companies", "funding_rounds", "models", "events", "claims"];

/** A confidence level in the page's words (Chinese: 高/中/低); English keeps the data's own word. */
function levelFormat(lang: Lang): Record<string, (value: unknown) => string> {
  const level = TEXT(lang).level;
  return level ? {confidence: (value: unknown) => level[String(value)] ?? String(value ?? "")} : {};
}

/** Rows per fact table, their confidence mix and the conflicts still open. */
function drawQualityTable({tables, lang}: DataPage, doc: Document = globalThis.document): HTMLElement {
  const t = TEXT(lang);
  const quality = FACT_TABLES.map((name) => {
    const rows = tables[name];
    const count = (level: (typeof LEVELS)[number]) => rows.filter((d) => d.confidence === level).length;
    const conflicts = new Set(rows.map((d) => d.conflict_key).filter(Boolean));
    return {table: name, rows: rows.length, high: count("high"), medium: count("medium"), low: count("low"), conflicts: conflicts.size};
  });
  return dataTable(quality, {caption: t.qualityCaption, labels: t.qualityLabels, download: "data-quality.csv", document: doc, ...inLanguage(lang)});
}

/** Every row that shares a conflict key with another, side by side with its sources. */
function drawConflictsTable({tables, sources, lang}: DataPage, doc: Document = globalThis.document): HTMLElement {
  const t = TEXT(lang);
  const rows = CONFLICT_TABLES.flatMap((table) =>
    tables[table].filter((d) => d.conflict_key).map((d) => ({conflict: d.conflict_key as string, table, id: d.id as string, confidence: d.confidence, source_ids: d.source_ids}))
  ).sort((a, b) => a.conflict.localeCompare(b.conflict) || a.id.localeCompare(b.id));
  return dataTable(rows, {
    caption: t.conflictsCaption,
    labels: t.conflictsLabels,
    format: {source_ids: (ids) => sourceLinksSpan(doc, ids as string[], sources), ...levelFormat(lang)},
    download: "conflicts.csv",
    document: doc,
    ...inLanguage(lang)
  });
}

/**
 * The search box over the source registry. A link from a table's source chip (`data?source=<id>#sources`) opens
 * the page with the box holding that id, so the registry shows the source it names.
 */
export function sourceSearch(lang: Lang, doc: Document = globalThis.document): HTMLInputElement {
  const t = TEXT(lang);
  const value = new URLSearchParams(doc.defaultView?.location.search ?? "").get("source") ?? "";
  return Object.assign(doc.createElement("input"), {type: "search", value, placeholder: t.searchPlaceholder, ariaLabel: t.searchLabel, className: "atlas-search"});
}

/**
 * The sources matching the search, each title a link to the source, marked with the language it is written in
 * where that is not the page's (a Chinese headline on the English page, an English one on the Chinese page).
 */
function drawSourcesTable({tables, lang}: DataPage, query: string | null | undefined, doc: Document = globalThis.document): HTMLElement {
  const t = TEXT(lang);
  const needle = (query ?? "").trim().toLowerCase();
  const all = tables.sources;
  const matching = all.filter((s) => !needle || [s.source_id, s.publisher, s.title, s.language, s.kind, s.via, s.date_raw].some((v) => String(v ?? "").toLowerCase().includes(needle)));
  return dataTable(matching, {
    columns: ["publisher", "title", "date_raw", "language", "kind", "via", "cited_by"],
    labels: t.sourcesLabels,
    format: {
      title: (title, row) => titleLink(doc, row as unknown as SourceRef, title as string, lang),
      date_raw: (raw) => (raw ? formatDateText(String(raw), lang) : "")
    },
    caption: t.sourcesCaption(matching.length, all.length),
    download: "sources.csv",
    document: doc,
    ...inLanguage(lang)
  });
}

/**
 * The language a source's title is written in: the source's own, except for a title in parentheses, which is
 * the curators' English description of a piece whose headline the stored copy lacks ("(interview with …)").
 */
export function titleLanguage(source: Pick<SourceRef, "title" | "language">): string | null {
  if (source.title.trim().startsWith("(")) return "en";
  return source.language ?? null;
}

function titleLink(doc: Document, source: SourceRef, title: string, lang: Lang): Node {
  const node = sourceLink(doc, {...source, publisher: title, date_raw: null}, source.source_id);
  const written = titleLanguage(source);
  if (!written || written === lang) return node;
  if (node instanceof doc.defaultView!.Element) {
    (node as HTMLElement).lang = written;
    return node;
  }
  const span = doc.createElement("span");
  span.lang = written;
  span.append(node);
  return span;
}

/** Every field of every table: its type, unit and meaning, in the page's language. */
function drawDictionaryTable({descriptor, lang}: DataPage, doc: Document = globalThis.document): HTMLElement {
  const t = TEXT(lang);
  const rows = descriptor.resources
    .filter((r) => r.format === "csv")
    .flatMap((r) => r.schema.fields.map((f) => ({table: r.name, field: f.name, type: f.type, ...t.field(f)})));
  return dataTable(rows, {caption: t.dictionaryCaption, labels: t.dictionaryLabels, filter: true, download: "data-dictionary.csv", document: doc, ...inLanguage(lang)});
}

/** The bounding rules for reported amounts, as the parser applies them (src/lib/amounts.ts). */
export function boundingRulesTable(lang: Lang, doc: Document = globalThis.document): HTMLElement {
  const t = TEXT(lang);
  const bound = (value: string) => (value === "none" ? t.none : value);
  const rows = BOUNDING_RULES.map((r) => {
    const {wording, estimate} = t.rule(r);
    return {rule: r.id, wording, examples: t.examples(r.examples), low: bound(r.low), high: bound(r.high), estimate};
  });
  return dataTable(rows, {caption: t.rulesCaption, labels: t.rulesLabels, download: "bounding-rules.csv", document: doc, ...inLanguage(lang)});
}

// The page's parts, each drawn only when the files it reads loaded; a file that did not leaves the others standing.
export const versionNote = guardedList(drawVersionNote);
export const citationBlocks = guardedList(drawCitationBlocks);
export const changelogView = guardedList(drawChangelogView);
export const downloadsTable = guardedList(drawDownloadsTable);
export const qualityTable = guarded(drawQualityTable);
export const conflictsTable = guarded(drawConflictsTable);
export const sourcesTable = guarded(drawSourcesTable);
export const dictionaryTable = guarded(drawDictionaryTable);
