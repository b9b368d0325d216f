// The variable lists of descriptives, correlations and VIF (`TI + IP + log1p(NC)`): one column per
// expression over every row, missing values kept (each statistic decides how to treat them).
import type { DataTable } from '../../data/dataTable.js';
import type { NumericColumn } from '../frame.js';
import { Evaluator } from './evaluate.js';
import type { Expr } from './expr.js';
import { label } from './label.js';
import { splitChain } from './parse.js';

/** `notes` (optional) receives a note per expression undefined on some rows (log of 0 …). */
export function variables(list: Expr, table: DataTable, notes?: string[]): NumericColumn[] {
  const ev = new Evaluator(table);
  const columns = splitChain(list, '+').map((e) => ({ name: label(e), values: ev.numbers(e) }));
  notes?.push(...ev.undefinedNotes());
  return columns;
}
