/**
 * Rules about what rows claim, checked across files once every row has been read: a confidence the sources can
 * carry, one citation per article, one event per announcement, results that report something. Each broken rule
 * is an issue at the cell that breaks it, collected with the others so one run lists them all.
 */
import type {Issue} from "./issues.js";
import type {SourceName} from "./schemas.js";
import {CITING_FILES} from "./schemas.js";
import {cellIssue, type Located} from "./validate.js";

type Source = {source_id: string; kind: string; via: string | null; copy_of: string | null};
type Cited = Located<{source_ids: string[]; confidence?: string}>;
type Tables = {[N in SourceName]: Located<Record<string, unknown>>[]};

/**
 * A source an original outlet, filer, author or repository published and that was read there: not an
 * aggregator, not read on a repost or mirror (`via`), not a copy of another registered source.
 */
export function isOriginal(source: Source): boolean {
  return source.kind !== "aggregator" && !source.via && !source.copy_of;
}

/** The source kinds a claim's status needs: what "published" and "stated" promise the reader. */
const CLAIM_STATUS_SOURCES: Record<string, {kinds: string[]; means: string}> = {
  published: {kinds: ["paper", "filing"], means: "a paper or filing states it"},
  stated: {kinds: ["company", "repository"], means: "the claimant's own channel (its repository, site or blog) says it"}
};

export function checkRules(tables: Tables, issues: Issue[]): void {
  const sources = new Map((tables.sources as unknown as Located<Source>[]).map((s) => [s.source_id, s]));
  checkCopies(sources, issues);
  for (const name of CITING_FILES) {
    for (const row of tables[name] as unknown as Cited[]) {
      // A cell that failed its own rule is undefined here; it is reported already, and checked no further.
      if (!Array.isArray(row.source_ids)) continue;
      const cited = row.source_ids.map((id) => sources.get(id)).filter((s): s is Located<Source> => s !== undefined);
      if (cited.length < row.source_ids.length) continue; // an unknown source is reported on its own
      for (const s of cited) {
        if (s.copy_of && row.source_ids.includes(s.copy_of)) {
          issues.push(cellIssue(row.__file, row.__row, "source_ids", `source_ids: ${s.source_id} is a copy of ${s.copy_of}; one article is one source, so cite ${s.copy_of} only`));
        }
      }
      if (row.confidence === "high" && !cited.some(isOriginal)) {
        issues.push(
          cellIssue(row.__file, row.__row, "confidence", `confidence: "high" needs a source read at the original outlet, filing, paper or repository; ${row.source_ids.join(", ")} ${row.source_ids.length > 1 ? "are" : "is"} a repost, mirror, copy or aggregator: rate it medium or cite the original`)
        );
      }
    }
  }
  const known = (row: Located<Record<string, unknown>>) => Array.isArray(row.source_ids) && (row.source_ids as string[]).every((id) => sources.has(id));
  for (const row of tables.claims) {
    const rule = CLAIM_STATUS_SOURCES[row.status as string];
    if (!rule || !known(row)) continue;
    const kinds = (row.source_ids as string[]).map((id) => sources.get(id)?.kind);
    if (!kinds.some((k) => k !== undefined && rule.kinds.includes(k))) {
      issues.push(cellIssue(row.__file, row.__row, "status", `status: "${row.status}" means ${rule.means}, and none of ${(row.source_ids as string[]).join(", ")} is one; use "reported"`));
    }
  }
  checkEvents(tables.events, issues);
  for (const row of tables.financials) {
    if (row.revenue_m === null && row.net_loss_m === null && row.adjusted_net_loss_m === null) {
      // undefined (a cell that failed) is not null: that row's problem is reported already.
      issues.push(cellIssue(row.__file, row.__row, "revenue_m", "revenue_m: a results row reports at least one of revenue_m, net_loss_m, adjusted_net_loss_m"));
    }
  }
}

function checkCopies(sources: Map<string, Located<Source>>, issues: Issue[]): void {
  for (const s of sources.values()) {
    if (!s.copy_of) continue;
    const original = sources.get(s.copy_of);
    if (!original) issues.push(cellIssue(s.__file, s.__row, "copy_of", `copy_of: ${JSON.stringify(s.copy_of)} is not in sources.csv`));
    else if (original.source_id === s.source_id) issues.push(cellIssue(s.__file, s.__row, "copy_of", "copy_of: a source cannot be a copy of itself"));
    else if (original.copy_of) issues.push(cellIssue(s.__file, s.__row, "copy_of", `copy_of: ${original.source_id} is itself a copy of ${original.copy_of}; point to the original`));
  }
}

/**
 * One announcement is one event with its partners listed, and one partnership is one event however many
 * reports name it: two rows of a company on the same day and of the same type, or two partnership rows of the
 * same type that share a partner, count one thing twice.
 */
function checkEvents(rows: Located<Record<string, unknown>>[], issues: Issue[]): void {
  const seen = new Map<string, Located<Record<string, unknown>>>();
  const partners = new Map<string, Located<Record<string, unknown>>>();
  for (const row of rows) {
    const date = (row.date as {raw: string} | null | undefined)?.raw;
    if (date && !row.conflict_key && (row.date as {precision: string}).precision === "day") {
      const key = `${row.company_id}|${date}|${row.event_type}`;
      const first = seen.get(key);
      if (first && ((row.partners as string[]) ?? []).length && ((first.partners as string[]) ?? []).length) {
        issues.push(cellIssue(row.__file, row.__row, "id", `id: ${first.id} (line ${first.__row.line}) is a ${row.event_type} of ${row.company_id} on the same day; one announcement is one event: list every partner in its partners`));
      }
      seen.set(key, row);
    }
    if (!String(row.event_type).startsWith("partnership_") || row.conflict_key) continue;
    for (const partner of (row.partners as string[] | undefined) ?? []) {
      const key = `${row.company_id}|${row.event_type}|${partner.toLowerCase()}`;
      const first = partners.get(key);
      if (first) {
        issues.push(cellIssue(row.__file, row.__row, "partners", `partners: ${partner} already has a ${row.event_type} event with ${row.company_id} (${first.id}, line ${first.__row.line}); a second report of one partnership is a source of that event, not a new event`));
      }
      partners.set(key, row);
    }
  }
}
