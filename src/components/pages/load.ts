/**
 * How a story page reads its tables in the browser: straight from the published Parquet with hyparquet, so
 * charts paint without waiting for DuckDB. The build reads the same tables from dist/ (scripts/prerender.ts);
 * both hand them to the views of src/components/views/ (the page only its own), with the page's language (its <html lang>).
 */
import {documentLang} from "../i18n.js";
import {readParquet} from "../parquet.js";
import {PARQUET} from "../tables.js";
import {loadStoryData, type StoryData, type TableKey} from "../views.js";

export function loadTables<K extends TableKey>(names: readonly K[]): Promise<StoryData<K | "sources">> {
  return loadStoryData(names, async (name) => {
    const url = (PARQUET as Record<string, string>)[name];
    if (!url) throw new Error(`no published table "${name}" in src/components/tables.ts`);
    return (await readParquet(url)).rows;
  }, documentLang());
}
