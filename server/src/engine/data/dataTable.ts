// The in-memory table models are estimated on: a panel, a dataset or a measures table, column by column.
// Numbers are NaN where missing; text is null where missing. Panels carry their index so that lags can find
// the row of the same unit one period earlier.

export type Column =
  | { type: 'number'; values: Float64Array }
  | { type: 'text'; values: (string | null)[] };

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
