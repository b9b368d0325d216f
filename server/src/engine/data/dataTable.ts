// The in-memory table models are estimated on: a panel, a dataset or a measures table, column by column.
// Numbers are NaN where missing; text is null where missing. Panels carry their index so that lags can find
// the row of the same unit one period earlier. Text read from DuckDB (and a panel's regions) also carries
// its dictionary: fixed effects and clusters take its integer codes instead of hashing a string per row.

export type Column =
  | { type: 'number'; values: Float64Array }
  | { type: 'text'; values: (string | null)[]; dictionary?: Dictionary };

/** A text column as codes into distinct levels: `values[r]` is `levels[codes[r]]`, or null where the code is −1. */
export interface Dictionary {
  codes: Int32Array;
  levels: readonly string[];
}

export interface PanelIndex {
  /** The unit of every row (a region, or an i–j pair), as codes ≥ 0. */
  unit: Int32Array;
  /** The period of every row as consecutive integers (a year, or a window's position): lag k of t is t − k. */
  time: Int32Array;
}

export interface DataTable {
  /** For messages: the declaration or file it came from. */
  name: string;
  rows: number;
  columns: Map<string, Column>;
  panel?: PanelIndex;
}

/** A column from cells (DuckDB or result values): numbers with NaN, or text with null, for missing. */
export function columnFrom(values: readonly unknown[], numeric: boolean): Column {
  if (numeric) return { type: 'number', values: Float64Array.from(values, (v) => (v === null || v === undefined ? NaN : Number(v))) };
  return { type: 'text', values: values.map((v) => (v === null || v === undefined ? null : String(v))) };
}

/** The column's values at `rows`, in that order; a row index of −1 gives a missing value. */
export function columnAt(column: Column, rows: ArrayLike<number>): Column {
  if (column.type === 'number') return { type: 'number', values: Float64Array.from(rows, (r) => (r >= 0 ? column.values[r] : NaN)) };
  const values = Array.from(rows, (r) => (r >= 0 ? column.values[r] : null));
  const { dictionary } = column;
  if (!dictionary) return { type: 'text', values };
  return { type: 'text', values, dictionary: { codes: Int32Array.from(rows, (r) => (r >= 0 ? dictionary.codes[r] : -1)), levels: dictionary.levels } };
}

/** A cell as text (keys, labels); null when missing. */
export function textAt(column: Column, row: number): string | null {
  if (column.type === 'text') return column.values[row];
  const v = column.values[row];
  return Number.isNaN(v) ? null : String(v);
}
