// Text and number columns as factors: integer codes for fixed effects and clusters, sorted levels and
// dummy columns for text regressors.
import type { Column } from '../../data/dataTable.js';
import type { FactorColumn, NumericColumn } from '../frame.js';
import { denseCodes, interactDense, type DenseFactor } from '../hdfe/factors.js';
import { takeRows } from '../hdfe/rows.js';

/**
 * Codes over `rows` (no missing values there), in order of first appearance. Text with a dictionary and
 * whole numbers in a narrow range are coded on typed arrays; other values through a Map.
 */
export function factorCodes(column: Column, rows: Int32Array): DenseFactor {
  if (column.type === 'text' && column.dictionary) return denseCodes(column.dictionary.codes, rows);
  const offsets = column.type === 'number' ? integerOffsets(column.values, rows) : undefined;
  if (offsets) return denseCodes(offsets);
  const codeOf = new Map<string | number | null, number>();
  const codes = new Int32Array(rows.length);
  for (let k = 0; k < rows.length; k++) {
    const v = column.values[rows[k]];
    let code = codeOf.get(v);
    if (code === undefined) codeOf.set(v, (code = codeOf.size));
    codes[k] = code;
  }
  return { codes, levels: codeOf.size };
}

/**
 * Each row's value minus the smallest, when all are whole numbers spanning no more than a few codes per
 * row (years, region numbers); otherwise undefined, as a lookup array that long would waste memory.
 */
function integerOffsets(values: Float64Array, rows: Int32Array): Int32Array | undefined {
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < rows.length; k++) {
    const v = values[rows[k]];
    if (!Number.isInteger(v)) return undefined;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (max - min > Math.max(8 * rows.length, 1 << 16)) return undefined;
  const offsets = new Int32Array(rows.length);
  for (let k = 0; k < rows.length; k++) offsets[k] = values[rows[k]] - min;
  return offsets;
}

/**
 * The factor `a^b^…` over `rows`, named by `name`; a level's label joins its values with `_`, as fixest.
 * `codesOf` gives a column's codes over `rows` (a caller coding several factors passes one that remembers).
 */
export function interactedFactor(name: string, columns: Column[], rows: Int32Array, codesOf = (c: Column) => factorCodes(c, rows)): FactorColumn {
  const { codes, levels } = columns.map(codesOf).reduce(interactDense);
  // Labels only name fixed-effect values, which few models report: made when first read (tens of thousands of
  // strings for a pair factor such as i^j).
  let labels: string[] | undefined;
  return { name, codes, levels, get labels() { return (labels ??= levelLabels(columns, rows, codes)); } };
}

/** Each level's label, its columns' values joined with `_`; codes are dense in order of first appearance, so a level is new exactly when its code is the next one. */
function levelLabels(columns: Column[], rows: Int32Array, codes: Int32Array): string[] {
  const labels: string[] = [];
  for (let k = 0; k < codes.length; k++) {
    if (codes[k] === labels.length) labels.push(columns.map((c) => String(c.values[rows[k]])).join('_'));
  }
  return labels;
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
