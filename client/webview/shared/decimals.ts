// Fixed decimals per table column, so a column's numbers line up (0.073 above 0.131, not 0.07312 above
// 0.131): whole-number columns get none, others enough for three significant digits of their typical
// (median) magnitude, from 2 to 6. DOM-free.
import type { Cell } from '../../../server/src/results/format.js';
import { MISSING } from './format.js';

export const MAX_DECIMALS = 6;

/** The decimals a column is shown with, or undefined if it holds no numbers. */
export function columnDecimals(cells: readonly Cell[]): number | undefined {
  const numbers = cells.filter((c): c is number => typeof c === 'number' && Number.isFinite(c));
  if (numbers.length === 0) return undefined;
  if (numbers.every(Number.isInteger)) return 0;
  const magnitudes = numbers.filter((x) => x !== 0).map(Math.abs).sort((a, b) => a - b);
  const median = magnitudes[Math.floor(magnitudes.length / 2)] ?? 1;
  return Math.min(MAX_DECIMALS, Math.max(2, 2 - Math.floor(Math.log10(median))));
}

/** A cell with `decimals` fixed decimals (numbers only; other cells as the panels show them). */
export function fixedCell(cell: Cell, decimals: number | undefined): string {
  if (cell === null) return MISSING;
  if (typeof cell !== 'number' || decimals === undefined || !Number.isFinite(cell)) return String(cell);
  return cell.toFixed(decimals);
}
