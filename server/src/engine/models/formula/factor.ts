// Text and number columns as factors: integer codes for fixed effects and clusters, sorted levels and
// dummy columns for text regressors.
import type { Column } from '../../data/dataTable.js';
import type { FactorColumn, NumericColumn } from '../frame.js';
import { interactCodes } from '../hdfe/factors.js';
import { takeRows } from '../hdfe/sample.js';

export function isMissing(column: Column, i: number): boolean {
  const v = column.values[i];
  return v === null || (typeof v === 'number' && Number.isNaN(v));
}

/** Codes over `rows` (no missing values there), in order of first appearance. */
export function factorCodes(column: Column, rows: Int32Array): Int32Array {
  const codeOf = new Map<string | number | null, number>();
  return Int32Array.from(rows, (r) => {
    const v = column.values[r];
    let code = codeOf.get(v);
    if (code === undefined) codeOf.set(v, (code = codeOf.size));
    return code;
  });
}

/** The factor `a^b^…` over `rows`, named by `name`; a level's label joins its values with `_`, as fixest. */
export function interactedFactor(name: string, columns: Column[], rows: Int32Array): FactorColumn {
  const codes = columns.map((c) => factorCodes(c, rows)).reduce((a, b) => interactCodes(a, b).codes);
  const labels: string[] = [];
  codes.forEach((code, k) => {
    if (labels[code] === undefined) labels[code] = columns.map((c) => String(c.values[rows[k]])).join('_');
  });
  return { name, codes, labels };
}

/**
 * A number column as itself, a text column as one dummy per level (levels sorted by code point, over
 * `rows`), the first left out when `reference` is set; named `name::level` as fixest's i().
 */
export function regressorColumns(name: string, column: Column, rows: Int32Array, reference: boolean): NumericColumn[] {
  if (column.type === 'number') return [{ name, values: takeRows(column.values, rows) }];
  const values = Array.from(rows, (r) => column.values[r] as string);
  const levels = [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return levels.slice(reference ? 1 : 0).map((level) => ({ name: `${name}::${level}`, values: Float64Array.from(values, (v) => (v === level ? 1 : 0)) }));
}
