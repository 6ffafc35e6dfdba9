/**
 * An array of rows where each row is made the first time it is read, then kept. A million-row query result
 * held as a million objects costs the page most of a second to make and collect before the first row can be
 * drawn; the grid reads only the rows in view, the quick chart the first few thousand. Everything else an
 * array does (length, indexing, iteration, map, filter, slice, sort, JSON) works as on a plain array, and
 * reads the rows it visits. It is a Proxy, so (unlike a plain array) it cannot be structured-cloned: copy it
 * with `Array.from(rows)` first. Each index read through a Proxy costs some 150 ns (the index becomes a string
 * and back), so code that walks a million rows reads them through `rowReader` instead, and code that wants one
 * column of them (the grid's sort) through `columnReader`, which, given `cellOf`, makes no rows at all.
 */
export function lazyRows<Row>(count: number, make: (index: number) => Row, cellOf?: (column: string) => ((index: number) => unknown) | undefined): Row[] {
  const made: Row[] = new Array(count);
  const index = (key: string | symbol): number => {
    if (typeof key !== "string") return -1;
    const first = key.charCodeAt(0);
    // Only canonical indices ("0", "17", not "017", "1e3" or "-0") within the rows are rows.
    if (!(first >= 48 && first <= 57) || !CANONICAL_INDEX.test(key)) return -1;
    const i = Number(key);
    // Rows past the made ones (pushed, or a length set longer) are the array's own, as on any array.
    return i < count && i < made.length ? i : -1;
  };
  const row = (target: Row[], i: number): Row => (i in target ? target[i] : (target[i] = make(i)));
  const read = (i: number): Row => (i < count && i < made.length ? row(made, i) : made[i]);
  const column = (name: string): ((i: number) => unknown) | undefined => {
    const cell = cellOf?.(name);
    // A row already made (or written, by a sort in place) is the row at i: its value, not the source's.
    return cell && ((i: number) => (i in made || i >= count ? (made[i] as Record<string, unknown> | undefined)?.[name] : cell(i)));
  };
  return new Proxy(made, {
    get(target, key, receiver) {
      if (key === READ) return read;
      if (key === COLUMN) return column;
      const i = index(key);
      return i >= 0 ? row(target, i) : Reflect.get(target, key, receiver);
    },
    // Written straight to the array: a row about to be replaced is not made first.
    set(target, key, value) {
      return Reflect.set(target, key, value);
    },
    // Array methods (map, filter, slice…) skip the indices an array does not have: every row is had.
    has(target, key) {
      return index(key) >= 0 || Reflect.has(target, key);
    },
    getOwnPropertyDescriptor(target, key) {
      const i = index(key);
      if (i < 0) return Reflect.getOwnPropertyDescriptor(target, key);
      row(target, i);
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
    ownKeys(target) {
      const keys: (string | symbol)[] = [];
      for (let i = 0; i < target.length; i++) keys.push(String(i));
      for (const key of Reflect.ownKeys(target)) if (index(key) < 0) keys.push(key);
      return keys;
    }
  });
}

/**
 * Row i of any array of rows, as a function: for lazyRows the Proxy's own reader (a plain call, no string
 * index), for a plain array its element.
 */
export function rowReader<Row>(rows: readonly Row[]): (index: number) => Row {
  return (rows as {[READ]?: (index: number) => Row})[READ] ?? ((i: number) => rows[i]);
}

/** Column `column` of any array of rows, as a function of the row's index; lazyRows' without making its rows. */
export function columnReader<Row>(rows: readonly Row[], column: string): (index: number) => unknown {
  const lazy = (rows as {[COLUMN]?: (column: string) => ((index: number) => unknown) | undefined})[COLUMN]?.(column);
  if (lazy) return lazy;
  const rowOf = rowReader(rows);
  return (i) => (rowOf(i) as Record<string, unknown> | undefined)?.[column];
}

const READ = Symbol("lazyRows.read");
const COLUMN = Symbol("lazyRows.column");
const CANONICAL_INDEX = /^(?:0|[1-9]\d*)$/;
