/**
 * How a story page reads its tables in the browser: straight from the published Parquet with hyparquet, so
 * charts paint without waiting for DuckDB. The build reads the same tables from dist/ (scripts/prerender.ts);
 * both hand them to the views of src/components/views/ (the page only its own), with the page's language (its <html lang>).
 *
 * Each table loads on its own: one that fails (stalled, missing, damaged) is a fault on the tables the page gets
 * (tableFaults.ts), so what needs only the others still draws, and the fault's notice offers to fetch it again.
 * That is why this is a generator: the page's cell (`const data = loadFunding()`) takes each set of tables it
 * yields, the first when every table has answered and another after each retry, and Framework redraws every
 * cell that reads them in place.
 */
import {prepareNumberFormats} from "../cellText.js";
import {indexSources} from "../chart.js";
import {LoadError} from "../fetchBytes.js";
import {documentLang, type Lang} from "../i18n.js";
import {readParquet} from "../parquet.js";
import {PARQUET} from "../tables.js";
import {showFaults, withFaults, type TableFault} from "../tableFaults.js";
import type {StoryData, StoryTables, TableKey} from "../views.js";

export async function* loadTables<K extends TableKey>(names: readonly K[], lang: Lang = documentLang()): AsyncGenerator<StoryData<K | "sources">, void> {
  const all = [...new Set<TableKey>([...names, "sources"])];
  const readers = Object.fromEntries(all.map((name) => [name, () => readTable(name, lang)]));
  yield* loadFiles(
    readers,
    (loaded, faults) => {
      const data = withFaults<Partial<StoryTables>>(loaded, faults);
      const sources = loaded.sources as StoryTables["sources"] | undefined;
      // The sources' index is the sources table: reading it when that failed is reading the table.
      const sourceIndex = sources ? indexSources(sources) : null;
      Object.defineProperty(data, "sourceIndex", {enumerable: true, get: () => sourceIndex ?? data.sources});
      return Object.assign(data, {lang}) as unknown as StoryData<K | "sources">;
    },
    lang
  );
}

/** A published table's rows, read from its Parquet file. */
export async function readTable(name: string, lang: Lang): Promise<unknown[]> {
  const url = (PARQUET as Record<string, string>)[name];
  if (!url) throw new Error(`no published table "${name}" in src/components/tables.ts`);
  return (await readParquet(url, {lang})).rows;
}

/**
 * Reads each file with its reader, all at once and each on its own, and yields `make(loaded, faults)` once every
 * file has answered; then, while any failed, waits for a retry, reads that file again and yields anew.
 */
export async function* loadFiles<T>(
  readers: Record<string, () => Promise<unknown>>,
  make: (loaded: Record<string, unknown>, faults: TableFault[]) => T,
  lang: Lang
): AsyncGenerator<T, void> {
  const loaded = new Map<string, unknown>();
  const failed = new Map<string, LoadError>();
  const asked = new Set<string>();
  let wake = () => {};
  // While the files download, the grid's number formats are made in a task of their own (cellText.ts).
  setTimeout(() => prepareNumberFormats(lang), 0);
  const read = async (name: string) => {
    try {
      loaded.set(name, await readers[name]());
      failed.delete(name);
    } catch (error) {
      const fault = error instanceof LoadError ? error : new LoadError(name, "damaged", {lang, cause: error});
      // The reader sees the notice; the cause (the browser's or the decoder's words) is for whoever debugs it.
      console.warn(fault.message, fault.cause ?? "");
      failed.set(name, fault);
    }
  };
  await Promise.all(Object.keys(readers).map(read));
  for (;;) {
    const faults: TableFault[] = [...failed].map(([table, error]) => ({
      table,
      error,
      lang,
      retry: () => {
        asked.add(table);
        wake();
      }
    }));
    showFaults(faults);
    yield make(Object.fromEntries(loaded), faults);
    if (!failed.size) return;
    if (!asked.size) await new Promise<void>((resolve) => (wake = resolve));
    const again = [...asked];
    asked.clear();
    await Promise.all(again.map(read));
  }
}
