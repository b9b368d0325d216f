// Cells as the panels display them: null is "not defined here" (an em dash, never 0); long decimals are cut
// to four significant digits (the full value stays in the cell's tooltip and in every export).
import type { Cell } from '../../../server/src/results/format.js';

export const MISSING = '—';

export function displayCell(cell: Cell): string {
  if (cell === null) return MISSING;
  if (typeof cell === 'number') return Number.isInteger(cell) || !Number.isFinite(cell) ? String(cell) : String(Number(cell.toPrecision(4)));
  return String(cell);
}
