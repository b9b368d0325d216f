// Which rows each unit contributes. Difference GMM stacks the equation in first differences; system GMM
// adds the equation in levels below it. Periods lost at the start follow plm: TL1 = max(largest regressor
// lag + 1, smallest GMM lag) in differences and TL2 = TL1 − 1 in levels.
import { GmmError, type ResolvedGmmSpec } from './spec.js';

export type Equation = 'diff' | 'level';

/** One row of a unit's stacked system: its equation and its period index on the grid. */
export interface Row {
  equation: Equation;
  p: number;
}

/** A column of the design, evaluated for unit u at one row; NaN marks a missing value. */
export type Column = (u: number, row: Row) => number;

/** A series in levels, unit u at period index p. */
export type LevelSeries = (u: number, p: number) => number;

/** A regressor-like column: the first difference in the difference equation, the level in the level equation. */
export function transformed(level: LevelSeries): Column {
  return (u, row) => (row.equation === 'diff' ? level(u, row.p) - level(u, row.p - 1) : level(u, row.p));
}

export interface RowLayout {
  rows: Row[];
  diffRows: number;
  levelRows: number;
  /** Periods lost at the start of the difference equation (plm's TL1). */
  lostInDifferences: number;
}

export function rowLayout(spec: ResolvedGmmSpec, periodCount: number): RowLayout {
  const largestLag = Math.max(0, ...spec.regressors.map((r) => r.lag));
  const smallestGmmLag = Math.min(...spec.gmm.map((g) => g.lags[0]));
  const lost = Math.max(largestLag + 1, smallestGmmLag);
  const diffRows = periodCount - lost;
  if (diffRows < 1) {
    throw new GmmError(`too few time periods: the lags need at least ${lost + 1} periods, the panel has ${periodCount}`);
  }
  const periodsFrom = (first: number, equation: Equation): Row[] => Array.from({ length: periodCount - first }, (_, i) => ({ equation, p: first + i }));
  const rows = [...periodsFrom(lost, 'diff'), ...(spec.transformation === 'ld' ? periodsFrom(lost - 1, 'level') : [])];
  return { rows, diffRows, levelRows: rows.length - diffRows, lostInDifferences: lost };
}
