/**
 * Reads a Parquet table in the browser with hyparquet (pure JavaScript, no wasm), so story charts can paint
 * from the published tables before DuckDB-WASM has started. Column types come from the file's schema: DATE
 * columns arrive as Date objects, DOUBLE and INTEGER as numbers, lists as arrays.
 */
import {decompress} from "fzstd";
import {parquetMetadata, parquetReadObjects, parquetSchema} from "hyparquet";
import {documentLang} from "./i18n.js";
import {fetchBytes, fileName, LoadError, type FetchOptions} from "./fetchBytes.js";

/**
 * The build writes ZSTD (src/lib/parquet.ts): about a quarter smaller than hyparquet's built-in Snappy, which pays
 * for this 4 kB decoder on any page that reads more than one table.
 */
const compressors = {ZSTD: (input: Uint8Array, outputLength: number) => decompress(input, new Uint8Array(outputLength))};

export type ColumnKind = "string" | "date" | "timestamp" | "double" | "integer" | "bigint" | "boolean" | "list";

export interface ParquetColumn {
  name: string;
  kind: ColumnKind;
  /** For `list` columns: the kind of the items. */
  itemKind?: ColumnKind;
}

export interface ParquetTable<Row = Record<string, unknown>> {
  rows: Row[];
  columns: ParquetColumn[];
  /** Parquet key-value metadata written by the loader (provenance). */
  metadata: Record<string, string>;
}

/**
 * Fetches and decodes a Parquet file. Throws a LoadError (fetchBytes.ts) that names the file and says what
 * happened: a failed request, a download that stalls, or bytes that are not a whole Parquet file.
 */
export async function readParquet<Row = Record<string, unknown>>(url: string | URL, options: FetchOptions = {}): Promise<ParquetTable<Row>> {
  const bytes = await fetchBytes(url, options);
  try {
    return await decodeParquet<Row>(bytes, String(url));
  } catch (error) {
    // A host's error page served as 200, or a file cut short with a Content-Length to match.
    throw new LoadError(fileName(url), "damaged", {lang: options.lang ?? documentLang(), cause: error});
  }
}

/** Decodes Parquet bytes: an ArrayBuffer, or a view of one such as a Node Buffer (build steps, tests). */
export async function decodeParquet<Row = Record<string, unknown>>(
  bytes: ArrayBuffer | Uint8Array,
  label = "parquet"
): Promise<ParquetTable<Row>> {
  // hyparquet reads a whole ArrayBuffer; a view (a Node Buffer lives in a shared pool) is copied out exactly.
  const buffer = bytes instanceof ArrayBuffer ? bytes : (bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  let metadata;
  try {
    metadata = parquetMetadata(buffer);
  } catch (error) {
    throw new Error(`${label} is not a readable Parquet file: ${(error as Error).message}`);
  }
  const rows = (await parquetReadObjects({file: buffer, metadata, compressors})) as Row[];
  return {
    rows: rows.map((row) => normalizeRow(row as Record<string, unknown>)) as Row[],
    columns: describeColumns(metadata),
    metadata: Object.fromEntries((metadata.key_value_metadata ?? []).map(({key, value}) => [key, value ?? ""]))
  };
}

type SchemaNode = ReturnType<typeof parquetSchema>;

function describeColumns(metadata: Parameters<typeof parquetSchema>[0]): ParquetColumn[] {
  return parquetSchema(metadata).children.map((node) => {
    const kind = kindOf(node);
    if (kind !== "list") return {name: node.element.name, kind};
    return {name: node.element.name, kind, itemKind: kindOf(node.children[0].children[0])};
  });
}

function kindOf(node: SchemaNode): ColumnKind {
  const {type, converted_type, logical_type} = node.element;
  if (converted_type === "LIST" || logical_type?.type === "LIST") return "list";
  if (converted_type === "UTF8" || logical_type?.type === "STRING") return "string";
  if (converted_type === "DATE" || logical_type?.type === "DATE") return "date";
  if (logical_type?.type === "TIMESTAMP" || converted_type === "TIMESTAMP_MILLIS" || converted_type === "TIMESTAMP_MICROS")
    return "timestamp";
  if (type === "BOOLEAN") return "boolean";
  if (type === "DOUBLE" || type === "FLOAT") return "double";
  if (type === "INT32") return "integer";
  if (type === "INT64") return "bigint";
  if (type === "BYTE_ARRAY") return "string";
  throw new Error(`unsupported Parquet column ${node.element.name} (${String(type)})`);
}

// Counts written as BIGINT would surface as bigint; pages and charts want numbers, and our counts are small.
function normalizeRow(row: Record<string, unknown>): Record<string, unknown> {
  for (const key in row) {
    const value = row[key];
    if (typeof value === "bigint" && value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= -BigInt(Number.MAX_SAFE_INTEGER))
      row[key] = Number(value);
  }
  return row;
}
