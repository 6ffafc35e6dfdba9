/** The source registry: every publication, filing, paper, repository or page a fact rests on. */
import {CITING_FILES} from "../schemas.js";
import {dateColumns, dateValues, sourceRow, type PublishedTable} from "./common.js";

export const sources: PublishedTable = {
  name: "sources",
  title: "Sources",
  description: "Every publication, filing, paper, repository or page a row of the atlas cites.",
  key: ["source_id"],
  inputs: ["data/sources.csv"],
  columns: [
    {name: "source_id", type: "VARCHAR", description: "stable id, cited in source_ids of fact rows"},
    {name: "publisher", type: "VARCHAR", description: "the original outlet, filer or author"},
    {name: "title", type: "VARCHAR", description: "title of the piece (in its own language)"},
    ...dateColumns("date", "publication date"),
    {name: "url", type: "VARCHAR", description: "where it was read; blank for the seed articles"},
    {name: "language", type: "VARCHAR", description: "ISO 639-1 language of the source: zh or en"},
    {name: "kind", type: "VARCHAR", description: "news, filing, paper, repository, dataset, company, aggregator or seed"},
    {name: "via", type: "VARCHAR", description: "the repost or mirror host the copy was read on, when not the original"},
    {name: "copy_of", type: "VARCHAR", description: "the source this one is a copy of (same text); rows cite the original"},
    {name: "notes", type: "VARCHAR", description: "curators' notes"},
    {name: "cited_by", type: "INTEGER", description: "number of fact rows that cite this source", unit: "rows"},
    {name: "source_row", type: "VARCHAR", description: "file and line of the curated row"}
  ],
  build(dataset) {
    const citations = new Map<string, number>();
    for (const name of CITING_FILES) {
      for (const row of dataset[name] as {source_ids: string[]}[]) {
        for (const id of row.source_ids) citations.set(id, (citations.get(id) ?? 0) + 1);
      }
    }
    return dataset.sources.map((s) => ({
      source_id: s.source_id,
      publisher: s.publisher,
      title: s.title,
      ...dateValues("date", s.date),
      url: s.url,
      language: s.language,
      kind: s.kind,
      via: s.via,
      copy_of: s.copy_of,
      notes: s.notes,
      cited_by: citations.get(s.source_id) ?? 0,
      source_row: sourceRow(s)
    }));
  }
};
