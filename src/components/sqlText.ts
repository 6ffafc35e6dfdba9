/**
 * SQL as a reader can copy it: the values of a query written with `?` placeholders put in as literals, so the
 * text that a story table shows, runs in place and opens in /explore is one text that runs as it is. The values
 * are quoted here, never pasted: a quote in a value is doubled, so a value cannot change the query.
 */

/** A value as a DuckDB literal: text quoted, numbers and booleans as they are, dates as DATE '…', lists as […]. */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "string") return `'${value.replaceAll("'", "''")}'`;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`invalid SQL value: ${value}`);
    return String(value);
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) {
    if (Number.isNaN(+value)) throw new Error("invalid SQL value: Invalid Date");
    return `DATE '${value.toISOString().slice(0, 10)}'`;
  }
  if (Array.isArray(value)) return `[${value.map(sqlLiteral).join(", ")}]`;
  throw new Error(`invalid SQL value: ${String(value)}`);
}

/**
 * `sql` with each `?` placeholder outside quotes and comments replaced by the next value as a literal. Throws
 * when the count of placeholders and values differ.
 */
export function inlineSql(sql: string, params: readonly unknown[]): string {
  let out = "";
  let next = 0;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i];
    if (c === "'" || c === '"') {
      // A quoted string or name runs to its closing quote; a doubled quote stays inside it.
      let j = i + 1;
      while (j < sql.length && !(sql[j] === c && sql[j + 1] !== c)) j += sql[j] === c ? 2 : 1;
      out += sql.slice(i, j + 1);
      i = j;
    } else if (c === "-" && sql[i + 1] === "-") {
      const end = sql.indexOf("\n", i);
      const j = end === -1 ? sql.length : end;
      out += sql.slice(i, j);
      i = j - 1;
    } else if (c === "?") {
      if (next >= params.length) throw new Error(`invalid SQL parameters: more placeholders than the ${params.length} values`);
      out += sqlLiteral(params[next++]);
    } else {
      out += c;
    }
  }
  if (next !== params.length) throw new Error(`invalid SQL parameters: ${params.length} values for ${next} placeholders`);
  return out;
}
