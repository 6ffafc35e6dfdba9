/**
 * Which rows of a long result the grid draws for a scroll position, and how much empty height goes above and
 * below them so the scroll bar tells the truth. Rows have one fixed height. Past MAX_HEIGHT px of rows (browsers
 * stop laying out boxes some 17–33 million px tall) the scroll range is compressed: a pixel of scrolling then
 * moves more than a pixel of rows, and the first and last rows are still reached exactly.
 */

export const MAX_HEIGHT = 8_000_000;

export interface WindowInput {
  /** Rows in the result. */
  count: number;
  /** Height of one row, px. */
  rowHeight: number;
  /** How far the rows have scrolled under the header, px (0 at the top). */
  scrollTop: number;
  /** Height of the box the rows show in, px. */
  viewport: number;
  /** Rows drawn beyond each edge, so a quick scroll does not show blank space. */
  overscan?: number;
  maxHeight?: number;
}

export interface RowWindow {
  /** First row drawn (index into the result's current order). */
  first: number;
  /** One past the last row drawn. */
  end: number;
  /** Empty height above the first row drawn, px. */
  top: number;
  /** Empty height below the last row drawn, px. */
  bottom: number;
  /** Height of all rows as laid out, px (compressed past maxHeight). */
  total: number;
}

/** The heights the compressed scroll maps between: laid out (`total`) and uncompressed (`natural`). */
function scale({count, rowHeight, viewport, maxHeight = MAX_HEIGHT}: Omit<WindowInput, "scrollTop" | "overscan">) {
  const natural = count * rowHeight;
  const total = Math.min(natural, maxHeight);
  const view = Math.max(rowHeight, viewport);
  return {natural, total, view, range: Math.max(0, total - view), naturalRange: Math.max(0, natural - view)};
}

/** Where the top of the view falls in the uncompressed rows, px: the same fraction of the way down as the scroll. */
export function naturalTopAt(input: Omit<WindowInput, "overscan">): number {
  const {natural, total, range, naturalRange} = scale(input);
  const scroll = Math.min(Math.max(0, input.scrollTop), range);
  return total === natural ? scroll : range > 0 ? (scroll / range) * naturalRange : 0;
}

/** The scroll position that puts `naturalTop` px of the uncompressed rows at the top of the view (naturalTopAt's inverse). */
export function scrollTopFor(input: Omit<WindowInput, "scrollTop" | "overscan">, naturalTop: number): number {
  const {natural, total, range, naturalRange} = scale(input);
  return total === natural ? naturalTop : naturalRange > 0 ? (naturalTop / naturalRange) * range : 0;
}

export function rowWindow(input: WindowInput): RowWindow {
  const {count, rowHeight, scrollTop, overscan = 6} = input;
  if (count === 0) return {first: 0, end: 0, top: 0, bottom: 0, total: 0};
  const {total, view, range} = scale(input);
  const scroll = Math.min(Math.max(0, scrollTop), range);
  const naturalTop = naturalTopAt(input);
  const atTop = Math.floor(naturalTop / rowHeight);
  const shown = Math.ceil(view / rowHeight) + 1;
  const first = Math.max(0, atTop - overscan);
  const end = Math.min(count, atTop + shown + overscan);
  // The drawn block sits so that the row at the top of the view is where the view is.
  const top = Math.max(0, Math.min(scroll - (naturalTop - first * rowHeight), total - (end - first) * rowHeight));
  const bottom = Math.max(0, total - top - (end - first) * rowHeight);
  return {first, end, top, bottom, total};
}
