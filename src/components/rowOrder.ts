/**
 * Rows sorted as SQL's ORDER BY sorts them in DuckDB, so a table the page draws from published rows lists them
 * in the order its query gives: ascending, nulls last, numbers and dates by value, text by code point (DuckDB's
 * default collation compares bytes, not the reader's locale).
 */

/** Compares two cells as DuckDB's ORDER BY … ASC NULLS LAST does. */
export function sqlCompare(a: unknown, b: unknown): number {
  const aNull = a === null || a === undefined;
  const bNull = b === null || b === undefined;
  if (aNull || bNull) return aNull === bNull ? 0 : aNull ? 1 : -1;
  if (a instanceof Date && b instanceof Date) return +a - +b;
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  const [x, y] = [String(a), String(b)];
  // Code points, not UTF-16 units: the order of UTF-8 bytes.
  const xs = [...x];
  const ys = [...y];
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    const d = xs[i].codePointAt(0)! - ys[i].codePointAt(0)!;
    if (d) return d;
  }
  return xs.length - ys.length;
}

/** A comparator for Array.sort: by each key in turn, as `ORDER BY key1, key2, …` (ascending, nulls last). */
export function orderBy<T>(...keys: ((row: T) => unknown)[]): (a: T, b: T) => number {
  return (a, b) => {
    for (const key of keys) {
      const d = sqlCompare(key(a), key(b));
      if (d) return d;
    }
    return 0;
  };
}
