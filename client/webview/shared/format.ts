// Cells as the panels display them: null is "not defined here" (an em dash, never 0); long decimals are cut
// to four significant digits (the full value stays in the cell's tooltip and in every export).
import type { Cell, Table } from '../../../server/src/run/results.js';
import { csvTable } from '../../../server/src/engine/exports/csv.js';

export const MISSING = '—';

export function displayCell(cell: Cell): string {
  if (cell === null) return MISSING;
  if (typeof cell === 'number') return Number.isInteger(cell) || !Number.isFinite(cell) ? String(cell) : String(Number(cell.toPrecision(4)));
  return String(cell);
}

/** A result table as RFC 4180 CSV (the same as `innograph run --out` writes; booleans as true/false). */
export function tableCsv(table: Table): string {
  return csvTable(table.columns, table.rows.map((row) => row.map((cell) => (typeof cell === 'boolean' ? String(cell) : cell))));
}
