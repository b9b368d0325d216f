// Cells as the panels display them: null is "not defined here" (an em dash, never 0); decimals fixed, as a
// journal prints a column (3 unless a table's `digits:` says otherwise; the full value stays in the cell's
// tooltip and in every export), so that 0.073 and 0.131 line up.
import type { Cell } from '../../../server/src/results/format.js';
import { formatNumber } from '../../../server/src/engine/exports/regressionTable.js';

export const MISSING = '—';

/** esttab's b(3) / se(3). */
export const DEFAULT_DIGITS = 3;

export function displayCell(cell: Cell, digits = DEFAULT_DIGITS): string {
  if (cell === null) return MISSING;
  if (typeof cell === 'number') return Number.isInteger(cell) || !Number.isFinite(cell) ? String(cell) : formatNumber(cell, digits);
  return String(cell);
}
