/** The source registry: every publication, filing, paper, repository or page a fact rests on. */
import {CITING_FILES} from "../schemas.js";
import {dateColumns, dateValues, sourceRow, type PublishedTable} from "./common.js";

export const sources: PublishedTable = {
  name: "sources",
  title: "Sources",
  title_zh: "来源",
  description: "Every publication, filing, paper, repository or page a row of the atlas cites.",
  description_zh: "本图谱任何一行所引用的每篇报道、公告文件、论文、代码库或网页。",
  key: ["source_id"],
  inputs: ["data/sources.csv"],
  columns: [
    {name: "source_id", type: "VARCHAR", description: "stable id, cited in source_ids of fact rows", description_zh: "稳定的 id，事实行的 source_ids 引用它"},
    {name: "publisher", type: "VARCHAR", description: "the original outlet, filer or author", description_zh: "原始媒体、申报方或作者"},
    {name: "title", type: "VARCHAR", description: "title of the piece (in its own language)", description_zh: "标题（保留原文语言）"},
    ...dateColumns("date", "publication date", "发表日期"),
    {name: "url", type: "VARCHAR", description: "where it was read; blank for the seed articles", description_zh: "阅读所用的地址；最初的种子文章为空"},
    {name: "language", type: "VARCHAR", description: "ISO 639-1 language of the source: zh or en", description_zh: "来源的语言（ISO 639-1）：zh 或 en"},
    {name: "kind", type: "VARCHAR", description: "news, filing, paper, repository, dataset, company, aggregator or seed", description_zh: "类型：news、filing、paper、repository、dataset、company、aggregator 或 seed"},
    {name: "via", type: "VARCHAR", description: "the repost or mirror host the copy was read on, when not the original", description_zh: "读到的副本并非原文时，其转载或镜像站点"},
    {name: "copy_of", type: "VARCHAR", description: "the source this one is a copy of (same text); rows cite the original", description_zh: "本来源是哪一来源的副本（文字相同）；各行引用的是原文"},
    {name: "notes", type: "VARCHAR", description: "curators' notes", description_zh: "整理者的备注"},
    {name: "cited_by", type: "INTEGER", description: "number of fact rows that cite this source", description_zh: "引用该来源的事实行数", unit: "rows"},
    {name: "source_row", type: "VARCHAR", description: "file and line of the curated row", description_zh: "该行在整理文件中的文件名与行号"}
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
