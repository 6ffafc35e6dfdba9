/**
 * The shared in-browser database: DuckDB-WASM, loaded from node_modules (never a CDN), opened once per page
 * and only when something asks for it, with the published Parquet tables registered under their names.
 *
 * DuckDB-WASM's own Parquet reader is an extension it would fetch from extensions.duckdb.org, so the
 * Parquet files are decoded with hyparquet, in a worker (parquetToIpc.ts), and handed to DuckDB as Arrow IPC,
 * which it ingests natively.
 * Column types survive the trip: DATE stays DATE, DOUBLE stays DOUBLE, lists stay lists.
 */
// Types only: the engine (≈450 kB of JavaScript besides its wasm) and Arrow load on the first getDatabase()
// call, so pages whose charts never touch SQL do not download or parse them before drawing.
import type * as duckdb from "@duckdb/duckdb-wasm";
import type * as Arrow from "apache-arrow";
import type {DataType, Table} from "apache-arrow";
import {reportEngineProgress} from "./engineProgress.js";
import {bilingual, documentLang, type Lang} from "./i18n.js";
import {lazyRows} from "./lazyRows.js";
import {fetchBytes, fileName, LoadError} from "./fetchBytes.js";
import {ipcConverter, UnreadableParquet, type IpcConverter} from "./parquetToIpc.js";

/**
 * What the reader may see when the database fails, in the page's language. DuckDB's own messages (a syntax
 * error, say) are its own English text; a DatabaseError says so with `engine`.
 */
const TEXT = bilingual({
  en: {
    cancelled: "The query was cancelled.",
    noStart: (why: string) => `DuckDB-WASM could not start: ${why}`,
    noTable: (name: string, why: string) => `table ${name} could not be loaded: ${why}`,
    tableFailed: (why: string) => `A table could not be loaded: ${why}.`,
    workerFailed: "the DuckDB worker failed",
    noAnswer: (seconds: number) => `no answer after ${seconds} s`,
    unreachable: (why: string) => `its engine file is unreachable (${why})`,
    unavailable: (status: number, url: string) => `its engine file is unavailable (HTTP ${status} for ${url})`,
    notWasm: (url: string) => `its engine file is not WebAssembly (${url}); check the host's upload`,
    sandboxed:
      "SQL here reads only the atlas's own tables: files, web addresses, other databases, exports, extensions and settings are switched off.",
    notRestored: (why: string) => `The published tables could not be restored after the last query (${why}). Reload the page to start again.`
  },
  zh: {
    cancelled: "查询已取消。",
    noStart: (why: string) => `DuckDB-WASM 无法启动：${why}`,
    noTable: (name: string, why: string) => `无法载入表 ${name}：${why}`,
    tableFailed: (why: string) => `有一个数据表未能载入：${why}。`,
    workerFailed: "DuckDB 工作线程出错",
    noAnswer: (seconds: number) => `${seconds} 秒内没有响应`,
    unreachable: (why: string) => `无法访问引擎文件（${why}）`,
    unavailable: (status: number, url: string) => `引擎文件不可用（${url} 返回 HTTP ${status}）`,
    notWasm: (url: string) => `引擎文件不是 WebAssembly（${url}），请检查网站上传的文件`,
    sandboxed: "这里的 SQL 只能读取本站自己的数据表；读文件、访问网址、连接其他数据库、导出、加载扩展和修改设置都已关闭。",
    notRestored: (why: string) => `上一条查询改动了数据表，未能恢复（${why}）。请刷新页面重新开始。`
  }
});

export type TableUrls = Record<string, string | URL>;

export interface QueryResult<Row = Record<string, unknown>> {
  /** Plain objects: dates as Date, lists as arrays, bigints as numbers where safe. */
  rows: Row[];
  /** DuckDB's own Arrow result. */
  table: Table;
  /** Column names and DuckDB-side Arrow types, in result order. */
  columns: {name: string; type: string}[];
  /** Wall time of the query in milliseconds. */
  elapsed: number;
}

export interface TableInfo {
  name: string;
  rows: number;
  columns: {name: string; type: string}[];
}

/** A readable error: what failed, DuckDB's message, and the SQL when there is one. */
export class DatabaseError extends Error {
  /** True when the message is DuckDB's own (English) text, such as a syntax error, rather than the atlas's. */
  readonly engine: boolean;
  /**
   * The atlas's own explanation, in the page's language, when the sandbox refused the query (files, URLs,
   * extensions, settings); the message then ends with DuckDB's.
   */
  readonly explanation?: string;
  /** Published tables the failed query had changed, restored since. */
  restored: string[] = [];
  constructor(message: string, readonly sql?: string, options?: {cause?: unknown; engine?: boolean; explanation?: string}) {
    super(options?.explanation ? `${options.explanation} ${message}` : message, options);
    this.name = "DatabaseError";
    this.engine = options?.engine ?? false;
    this.explanation = options?.explanation;
  }

  /** The message without the atlas's explanation: DuckDB's own text when `engine` is true. */
  get detail(): string {
    return this.explanation ? this.message.slice(this.explanation.length + 1) : this.message;
  }
}

export class AtlasDatabase {
  /** The published tables' names, in the order they were registered. */
  readonly tables: string[];
  /** Set when the tables could not be restored: every later query fails with it (see `restore`). */
  private broken: DatabaseError | null = null;
  /** Each table's fingerprint as loaded (see `fingerprint`); a reader's query that changes one is undone. */
  private baseline = new Map<string, string>();

  private constructor(
    private readonly db: duckdb.AsyncDuckDB,
    private connection: duckdb.AsyncDuckDBConnection,
    private readonly arrow: typeof Arrow,
    /** Each table as Arrow IPC, kept to restore a table a query dropped or changed. */
    private readonly snapshots: Map<string, Uint8Array>,
    /** Milliseconds spent starting DuckDB and registering the tables. */
    readonly startup: {instantiate: number; register: number},
    /** The language of the atlas's own messages (the page's). */
    readonly lang: Lang = "en"
  ) {
    this.tables = [...snapshots.keys()];
  }

  /** Starts DuckDB-WASM, registers each Parquet file as a table named by its key, then closes the sandbox. */
  static async open(tables: TableUrls, lang: Lang = documentLang()): Promise<AtlasDatabase> {
    const t = TEXT(lang);
    for (const name of Object.keys(tables)) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new DatabaseError(`invalid table name: ${JSON.stringify(name)}`);
    }
    const t0 = performance.now();
    // Download and convert the tables while the 34 MB wasm compiles; neither waits for the other. The
    // conversion (Parquet → Arrow IPC) runs in a worker, off the page's thread.
    const converter = ipcConverter();
    const decoded = Object.entries(tables).map(([name, url]) => [name, fetchBytes(url, {lang}).then((bytes) => toIpc(converter, bytes, url, lang))] as const);
    // Awaited below, once the engine runs; if it never does, a download failing meanwhile is not an unhandled error.
    for (const [, promise] of decoded) promise.catch(() => {});
    let db: duckdb.AsyncDuckDB;
    let arrow: typeof Arrow;
    try {
      let engine: typeof duckdb;
      [engine, arrow] = await Promise.all([import("@duckdb/duckdb-wasm"), import("apache-arrow")]);
      db = await instantiate(engine, lang);
    } catch (error) {
      converter.close();
      throw new DatabaseError(t.noStart(messageOf(error)), undefined, {cause: error});
    }
    const t1 = performance.now();
    try {
      const snapshots = new Map<string, Uint8Array>();
      for (const [name, promise] of decoded) {
        try {
          snapshots.set(name, await promise);
        } catch (error) {
          // A LoadError names the file and says what happened already, in the page's language.
          throw new DatabaseError(error instanceof LoadError ? t.tableFailed(error.message) : t.noTable(name, messageOf(error)), undefined, {cause: error});
        }
      }
      converter.close();
      const connection = await db.connect();
      await load(connection, snapshots);
      const atlas = new AtlasDatabase(db, connection, arrow, snapshots, {instantiate: t1 - t0, register: performance.now() - t1}, lang);
      atlas.baseline = await atlas.fingerprint();
      return atlas;
    } catch (error) {
      // The engine started but the database will not be used: let its worker (and 34 MB of compiled wasm) go, or
      // every Try again would leave one more behind.
      converter.close();
      await db.terminate().catch(() => {});
      throw error;
    }
  }

  private queue: Promise<unknown> = Promise.resolve();

  /**
   * Runs `task` after every earlier one has finished. A DuckDB connection runs one statement at a time; two
   * cells querying at once (a chart and the schema listing, say) would otherwise read each other's results.
   */
  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const guarded = () => (this.broken ? Promise.reject(this.broken) : task());
    const result = this.queue.then(guarded, guarded);
    this.queue = result.catch(() => {});
    return result;
  }

  /** Runs SQL, with `?` placeholders bound to params in order. */
  query<Row = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<QueryResult<Row> & {restored: string[]}> {
    return this.exclusive(() => this.guarded(() => this.queryNow<Row>(sql, params)));
  }

  /**
   * Runs a query, then puts back any published table it dropped or changed, so the next query (and every chart)
   * sees the tables as published. What was restored is reported with the result, or with the error.
   */
  private async guarded<T extends object>(task: () => Promise<T>): Promise<T & {restored: string[]}> {
    let result: T;
    try {
      result = await task();
    } catch (error) {
      const restored = await this.restore();
      if (error instanceof DatabaseError) error.restored = restored;
      throw error;
    }
    return Object.assign(result, {restored: await this.restore()});
  }

  /**
   * A fingerprint of the published tables, one entry per table: its columns, row count and a hash of its rows
   * (or "missing"), after the database and schema that unqualified names resolve in. Tables are small (thousands
   * of rows), so it takes milliseconds.
   */
  private async fingerprint(): Promise<Map<string, string>> {
    const names = this.tables.map((n) => `'${n}'`).join(", ");
    const catalog = toRows<{scope: string; table_name: string; columns: string}>(
      await this.connection.query(
        `SELECT current_database() || '.' || current_schema() AS scope, table_name, ` +
          `string_agg(column_name || ' ' || data_type, ', ' ORDER BY column_index) AS columns FROM duckdb_columns() ` +
          `WHERE database_name = current_database() AND schema_name = 'main' AND table_name IN (${names}) GROUP BY table_name`
      )
    );
    const present = catalog.map((c) => c.table_name);
    const contents = present.length
      ? toRows<{t: string; n: string; h: string}>(
          await this.connection.query(
            present.map((name) => `SELECT '${name}' AS t, count(*)::VARCHAR AS n, bit_xor(hash(x))::VARCHAR AS h FROM main."${name}" AS x`).join(" UNION ALL ")
          )
        )
      : [];
    const scope = catalog[0]?.scope ?? "";
    return new Map(
      this.tables.map((name) => {
        const columns = catalog.find((c) => c.table_name === name)?.columns;
        const content = contents.find((c) => c.t === name);
        return [name, columns && content ? `${scope} ${columns} ${content.n} ${content.h}` : "missing"];
      })
    );
  }

  /**
   * Puts the published tables back when a query changed them: the engine is reset and every table reloaded
   * from its snapshot, then the sandbox closed again (a reset also forgets the reader's own tables and views,
   * which the message says). Returns the tables that had changed, or all of them when the catalog was unreadable.
   */
  private async restore(): Promise<string[]> {
    let now: Map<string, string> | null;
    try {
      now = await this.fingerprint();
    } catch {
      // The catalog itself is unreadable (a query detached or replaced the database): everything goes back.
      now = null;
    }
    const changed = this.tables.filter((name) => now?.get(name) !== this.baseline.get(name));
    if (!changed.length) return [];
    try {
      await this.connection.close().catch(() => {});
      await this.db.reset();
      await this.db.open({});
      this.connection = await this.db.connect();
      await load(this.connection, this.snapshots);
      const reloaded = await this.fingerprint();
      if (this.tables.some((name) => reloaded.get(name) !== this.baseline.get(name))) throw new Error("the tables differ after reloading");
    } catch (error) {
      // The engine may now be reset and unlocked: no query may run on it again.
      this.broken = new DatabaseError(TEXT(this.lang).notRestored(messageOf(error)), undefined, {cause: error});
      throw this.broken;
    }
    return changed;
  }

  private async queryNow<Row>(sql: string, params: unknown[]): Promise<QueryResult<Row>> {
    const start = performance.now();
    let table: Table;
    try {
      if (params.length === 0) {
        table = await this.connection.query(sql);
      } else {
        const statement = await this.connection.prepare(sql);
        try {
          table = await statement.query(...params.map(toParam));
        } finally {
          await statement.close();
        }
      }
    } catch (error) {
      throw engineError(error, sql, this.lang);
    }
    return toResult<Row>(table, start);
  }

  /**
   * Runs a reader's SQL as a stream, for the explorer: at most `limit` rows are kept (and `truncated` says
   * whether there were more), and aborting `signal` cancels the query in DuckDB. Parameters are not
   * supported here; use `query` for those.
   */
  run<Row = Record<string, unknown>>(
    sql: string,
    {signal, limit = Infinity}: {signal?: AbortSignal; limit?: number} = {}
  ): Promise<QueryResult<Row> & {truncated: boolean; restored: string[]}> {
    return this.exclusive(() => this.guarded(() => this.runNow<Row>(sql, {signal, limit})));
  }

  private async runNow<Row>(sql: string, {signal, limit}: {signal?: AbortSignal; limit: number}): Promise<QueryResult<Row> & {truncated: boolean}> {
    const start = performance.now();
    if (signal?.aborted) throw new DatabaseError(TEXT(this.lang).cancelled, sql);
    // In DuckDB-WASM, INSTALL succeeds without doing anything (extensions arrive at LOAD, which the sandbox
    // refuses); a "Success" would mislead, so say what the sandbox does instead. A courtesy, not the fence.
    if (/(^|;)\s*(FORCE\s+)?INSTALL\s/i.test(sql)) {
      throw new DatabaseError("INSTALL: extensions are not available here.", sql, {engine: true, explanation: TEXT(this.lang).sandboxed});
    }
    const cancel = () => void this.connection.cancelSent().catch(() => {});
    signal?.addEventListener("abort", cancel, {once: true});
    try {
      const reader = await this.connection.send(sql, true);
      const batches: Arrow.RecordBatch[] = [];
      let count = 0;
      let truncated = false;
      for await (const batch of reader) {
        batches.push(batch);
        count += batch.numRows;
        if (count > limit) {
          truncated = true;
          cancel();
          break;
        }
      }
      if (signal?.aborted) throw new Error("cancelled");
      // DuckDB has answered: what follows (Arrow to rows, the grid) is the page's time, which the browser tests time.
      performance.mark("atlas:duckdb:answered");
      const whole = batches.length ? new this.arrow.Table(batches) : new this.arrow.Table(reader.schema);
      const table = truncated ? whole.slice(0, limit) : whole;
      return {...toResult<Row>(table, start), truncated};
    } catch (error) {
      if (signal?.aborted) throw new DatabaseError(TEXT(this.lang).cancelled, sql, {cause: error});
      throw engineError(error, sql, this.lang);
    } finally {
      signal?.removeEventListener("abort", cancel);
    }
  }

  /**
   * A tagged template for Framework's ```sql``` blocks and inline use: interpolated values become bound
   * parameters, never SQL text. Returns DuckDB's Arrow table, as Framework's own `sql` does.
   */
  sql = async (strings: TemplateStringsArray, ...values: unknown[]): Promise<Table> => {
    return (await this.query(strings.join("?"), values)).table;
  };

  /** Tables, their columns with DuckDB types, and row counts. */
  describe(): Promise<TableInfo[]> {
    // One exclusive task: a reader's query may not run between its statements (and drop a table it counts).
    return this.exclusive(async () => {
      const columns = await this.queryNow<{table_name: string; column_name: string; data_type: string}>(
        "SELECT table_name, column_name, data_type FROM information_schema.columns " +
          "WHERE table_schema = 'main' ORDER BY table_name, ordinal_position",
        []
      );
      const counts = await this.queryNow<{name: string; n: number}>(
        this.tables.map((name) => `SELECT '${name}' AS name, count(*)::INTEGER AS n FROM "${name}"`).join(" UNION ALL "),
        []
      );
      return this.tables.map((name) => ({
        name,
        rows: counts.rows.find((c) => c.name === name)?.n ?? 0,
        columns: columns.rows.filter((c) => c.table_name === name).map((c) => ({name: c.column_name, type: c.data_type}))
      }));
    });
  }

  /** Cancels the running query, if any (DuckDB-WASM interrupts at the next pipeline step). */
  async cancel(): Promise<void> {
    await this.connection.cancelSent();
  }

  async close(): Promise<void> {
    await this.connection.close();
    await this.db.terminate();
  }
}

const opened = new Map<string, Promise<AtlasDatabase>>();

/**
 * The page's database, opened on first call; later calls with the same tables share it. Its messages are in
 * the page's language (one page, one language, so the language is not part of the key).
 */
export function getDatabase(tables: TableUrls, lang: Lang = documentLang()): Promise<AtlasDatabase> {
  const key = JSON.stringify(Object.entries(tables).map(([name, url]) => [name, String(url)]));
  let db = opened.get(key);
  if (!db) {
    db = AtlasDatabase.open(tables, lang);
    // A failed start may be retried (a flaky network, say), so it is not cached.
    db.catch(() => opened.delete(key));
    opened.set(key, db);
  }
  return db;
}

/**
 * How long DuckDB may go without a sign of progress (bytes of its engine arriving, or the compile finishing)
 * before the page says it failed. A quiet spell, not a total: on a slow connection the 7.6 MB download alone may
 * take longer than this, and must not be cut off while bytes still arrive.
 */
const STALL_TIMEOUT_MS = 30_000;

/** How long the 4-byte check of the engine file may take. */
const PROBE_TIMEOUT_MS = 15_000;

async function instantiate(engine: typeof duckdb, lang: Lang): Promise<duckdb.AsyncDuckDB> {
  const t = TEXT(lang);
  // import.meta.resolve lets Framework copy the wasm and worker out of node_modules into the build.
  const wasm = import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm");
  // DuckDB's worker, wrapped so that it compiles the wasm whatever content type the host serves it with.
  const workerUrl = import.meta.resolve("./duckdbWorker.js");
  // Framework serves the worker as an ES module; a classic worker fails on its `export`.
  const worker = new Worker(workerUrl, {type: "module"});
  const db = new engine.AsyncDuckDB(new engine.VoidLogger(), worker);
  // A wasm that fails to download or compile fails inside the worker without answering DuckDB's request,
  // which would leave the page waiting forever. So race the start against a check that the engine file is
  // there and is wasm (its first 4 bytes, in parallel, so it adds no latency), the worker's death, and a
  // deadline.
  //
  // The download is reported as it goes (engineProgress.ts): DuckDB counts the bytes its worker receives, and the
  // same probe tells the file's size, which DuckDB's own figure (the Content-Length) is not when the host
  // compresses the file.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let restartTimer = () => {};
  const progress = {loaded: 0, total: null as number | null, done: false};
  const report = () => reportEngineProgress({...progress});
  const failure = new Promise<never>((_, reject) => {
    checkWasm(wasm, lang).then((size) => {
      progress.total = size;
      report();
    }, reject);
    worker.addEventListener("error", (event) => reject(new Error(event.message || t.workerFailed)), {once: true});
    const stalled = () => reject(new Error(t.noAnswer(STALL_TIMEOUT_MS / 1000)));
    timer = setTimeout(stalled, STALL_TIMEOUT_MS);
    restartTimer = () => {
      clearTimeout(timer);
      timer = setTimeout(stalled, STALL_TIMEOUT_MS);
    };
  });
  try {
    await Promise.race([
      db.instantiate(wasm, null, (p) => {
        progress.loaded = p.bytesLoaded;
        restartTimer();
        report();
      }),
      failure
    ]);
  } catch (error) {
    worker.terminate();
    reportEngineProgress(null);
    throw error;
  } finally {
    clearTimeout(timer);
  }
  progress.done = true;
  report();
  return db;
}

/**
 * Checks that the engine file is there and is wasm, from its first 4 bytes, and returns its size when the host
 * tells it: the total of a byte range's Content-Range, or the Content-Length of an uncompressed whole file.
 */
async function checkWasm(url: string, lang: Lang): Promise<number | null> {
  const t = TEXT(lang);
  let response: Response;
  try {
    // Past the HTTP cache: a partial answer stored beside a compressed whole copy (hosts that gzip .wasm) makes
    // the browser drop that copy, and the next visit would download the engine again.
    response = await fetch(url, {headers: {Range: "bytes=0-3"}, cache: "no-store", signal: AbortSignal.timeout(PROBE_TIMEOUT_MS)});
  } catch (error) {
    throw new Error(t.unreachable(messageOf(error)));
  }
  if (!response.ok) throw new Error(t.unavailable(response.status, url));
  let head: Uint8Array;
  if (response.status === 206) {
    head = new Uint8Array(await response.arrayBuffer());
  } else {
    // A host without Range support sends the whole file; read only the first chunk, then let it go.
    const reader = response.body!.getReader();
    head = (await reader.read()).value ?? new Uint8Array();
    reader.cancel().catch(() => {});
  }
  const magic = Array.from(head.slice(0, 4));
  if (magic.join() !== "0,97,115,109") throw new Error(t.notWasm(url));
  const range = /\/(\d+)\s*$/.exec(response.headers.get("content-range") ?? "");
  if (response.status === 206) return range ? Number(range[1]) : null;
  const encoding = response.headers.get("content-encoding");
  const length = Number(response.headers.get("content-length"));
  return (!encoding || encoding === "identity") && length > 0 ? length : null;
}

/**
 * Closes the sandbox (see `SANDBOX`), then loads the snapshots as tables. Locked first, so an engine that fails
 * halfway through loading is never left open; inserting Arrow from the page needs none of what the lock forbids.
 */
async function load(connection: duckdb.AsyncDuckDBConnection, snapshots: Map<string, Uint8Array>): Promise<void> {
  for (const statement of SANDBOX) await connection.query(statement);
  // The worker takes the buffer (it is transferred), so it gets a copy and the snapshot stays.
  for (const [name, ipc] of snapshots) await connection.insertArrowFromIPCStream(ipc.slice(), {name, create: true});
}

/**
 * A shared link is untrusted input, so nothing a reader's SQL says may reach the network or the engine's settings.
 * Before any table is loaded or any query runs: no files or URLs (read_csv('https://…'), FROM 'https://…', ATTACH, COPY … TO),
 * no extensions installed or loaded (INSTALL, LOAD, and DuckDB's own autoloading from its extension host), and
 * the configuration locked so no query can SET any of it back.
 */
const SANDBOX = [
  "SET enable_external_access = false",
  "SET autoinstall_known_extensions = false",
  "SET autoload_known_extensions = false",
  "SET allow_community_extensions = false",
  "SET lock_configuration = true"
];

/** DuckDB's error, with the atlas's explanation in front when the sandbox refused the query. */
function engineError(error: unknown, sql: string, lang: Lang): DatabaseError {
  const message = messageOf(error);
  // A file name or URL in FROM is looked up as a table once file access is off: the same refusal, in other words.
  const fileAsTable = /Table with name \S*(:\/\/|\.(csv|tsv|parquet|json|ndjson|jsonl|txt|db|duckdb|sqlite|xlsx?)\b)/i;
  // DuckDB also suggests installing the extension a function lives in; here that is refused too, so say so first.
  const inExtension = /exists in the \w+ extension/i;
  if (/Permission Error|disabled (by|through) configuration|configuration has been locked/i.test(message) || fileAsTable.test(message) || inExtension.test(message)) {
    return new DatabaseError(message, sql, {cause: error, engine: true, explanation: TEXT(lang).sandboxed});
  }
  return new DatabaseError(message, sql, {cause: error, engine: true});
}

function toResult<Row>(table: Table, start: number): QueryResult<Row> {
  return {
    rows: toRows<Row>(table),
    table,
    columns: table.schema.fields.map((f) => ({name: f.name, type: String(f.type)})),
    elapsed: performance.now() - start
  };
}

/**
 * An Arrow table from DuckDB as plain rows: dates as Date, lists as arrays, bigints as numbers where safe. Past
 * ten thousand rows the array makes each row when it is first read (lazyRows.ts).
 */
export function arrowRows<Row = Record<string, unknown>>(table: Table): Row[] {
  return toRows<Row>(table);
}

function toRows<Row>(table: Table): Row[] {
  const fields = table.schema.fields;
  // Each column is read whole where it can be (numbers without NULLs come as one typed array), else cell by
  // cell, and its conversion is chosen once, from its type, not per cell: a million rows convert in a fraction
  // of a second.
  const readers = fields.map((field): ColumnReader => {
    const vector = table.getChild(field.name);
    if (!vector) return {cell: () => null, column: () => () => null};
    const convert = converter(field.type);
    if (vector.nullCount === 0 && /^(Float|Int|Uint)(8|16|32|64)$/.test(String(field.type))) {
      const values = vector.toArray() as ArrayLike<number | bigint>;
      const cell = (i: number) => convert(values[i]);
      return {cell, column: () => cell};
    }
    // Cell by cell (a lookup across DuckDB's batches, and a decode for text) until the whole column is asked
    // for (a sort): then it is read once, in order, and every later read of it, rows included, is a lookup.
    let whole: unknown[] | null = null;
    const cell = (i: number) => (whole ? whole[i] : convert(vector.get(i)));
    return {
      cell,
      column: () => {
        whole ??= Array.from(vector, (value) => convert(value));
        return cell;
      }
    };
  });
  const make = (i: number): Row => {
    const row: Record<string, unknown> = {};
    for (let f = 0; f < fields.length; f++) row[fields[f].name] = readers[f].cell(i);
    return row as Row;
  };
  // Read once: Table.numRows sums its batches on every call.
  const count = table.numRows;
  // A large result's rows are made as they are read (the grid reads those in view): a million objects made
  // up front held the first rows back by a second on a busy machine. A small one stays a plain array.
  if (count > LAZY_PAST) {
    const byName = new Map(fields.map((field, f) => [field.name, readers[f]]));
    return lazyRows(count, make, (column) => byName.get(column)?.column());
  }
  return Array.from({length: count}, (_, i) => make(i));
}

/** How one column's cells are read: one at a time, or (`column`) all of them, for a sort. */
interface ColumnReader {
  cell: (index: number) => unknown;
  column: () => (index: number) => unknown;
}

/** Results up to this many rows are plain arrays, made at once (a few milliseconds). */
const LAZY_PAST = 10_000;

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** How a column's cells become plain values, chosen from its Arrow type. */
function converter(type: DataType): (value: unknown) => unknown {
  const typeId = String(type);
  // Arrow hands DATE and TIMESTAMP back as epoch milliseconds; readers expect Dates.
  if (typeId.startsWith("Date") || typeId.startsWith("Timestamp")) return (value) => (value === null || value === undefined ? null : new Date(Number(value)));
  return toValue;
}

function toValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return value <= SAFE && value >= -SAFE ? Number(value) : value;
  if (typeof value === "object" && "toArray" in value && typeof value.toArray === "function") {
    return Array.from(value.toArray() as ArrayLike<unknown>);
  }
  return value;
}

/** A table's Arrow IPC stream; bytes that are not a readable Parquet file are a damaged download, as readParquet says. */
async function toIpc(converter: IpcConverter, bytes: Uint8Array, url: string | URL, lang: Lang): Promise<Uint8Array> {
  try {
    return await converter.convert(bytes, String(url));
  } catch (error) {
    if (error instanceof UnreadableParquet) throw new LoadError(fileName(url), "damaged", {lang, cause: error});
    throw error;
  }
}

function toParam(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
