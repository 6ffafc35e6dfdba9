/**
 * Where a key moves the grid's active cell, as the ARIA grid pattern has it: arrows by one cell, Home/End to the
 * row's ends, Ctrl+Home/End to the grid's corners, Page Up/Down by a screenful. Row -1 is the header row.
 */

export interface GridPosition {
  row: number;
  column: number;
}

export interface GridBounds {
  rows: number;
  columns: number;
  /** Rows a Page Up/Down moves. */
  page: number;
}

/** The new position, or null when the key is not one the grid moves by (it is left to the browser). */
export function moveCell(key: string, ctrl: boolean, at: GridPosition, {rows, columns, page}: GridBounds): GridPosition | null {
  const lastRow = rows - 1;
  const lastColumn = columns - 1;
  const row = (r: number) => Math.max(-1, Math.min(lastRow, r));
  const column = (c: number) => Math.max(0, Math.min(lastColumn, c));
  switch (key) {
    case "ArrowDown":
      return {row: row(at.row + 1), column: at.column};
    case "ArrowUp":
      return {row: row(at.row - 1), column: at.column};
    case "ArrowRight":
      return {row: at.row, column: column(at.column + 1)};
    case "ArrowLeft":
      return {row: at.row, column: column(at.column - 1)};
    case "Home":
      return ctrl ? {row: rows ? 0 : -1, column: 0} : {row: at.row, column: 0};
    case "End":
      return ctrl ? {row: lastRow, column: lastColumn} : {row: at.row, column: lastColumn};
    case "PageDown":
      return {row: row(Math.max(0, at.row) + Math.max(1, page)), column: at.column};
    case "PageUp":
      return {row: at.row < 0 ? -1 : row(Math.max(0, at.row - Math.max(1, page))), column: at.column};
    default:
      return null;
  }
}
