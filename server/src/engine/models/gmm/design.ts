// The stacked system: y, X and the instruments Z, unit after unit. A row with a missing dependent
// variable or regressor is zeroed in all three, which drops it from every moment (plm's treatment of
// unbalanced panels); rows keep their place so that lags in the AR test stay aligned with periods.
import { Matrix } from 'ml-matrix';
import type { Checkpoint } from '../../cancel.js';
import { instrumentColumns } from './instruments.js';
import { panelGrid } from './panelGrid.js';
import { rowLayout, transformed, type Column, type RowLayout } from './rows.js';
import { GmmError, type GmmPanel, type ResolvedGmmSpec } from './spec.js';
import { laggedSeries, regressorTerms, timeEffects } from './terms.js';

/**
 * The system stacked over units: unit i owns rows i·rowsPerUnit … (i+1)·rowsPerUnit − 1 of y, X and Z, so a
 * sum over units of Z_i′X_i is the single product Z′X, and per-unit quantities come from `perUnit`.
 */
export interface GmmDesign {
  y: Matrix;
  X: Matrix;
  Z: Matrix;
  unitCount: number;
  rowsPerUnit: number;
  terms: string[];
  /** How many of the trailing terms are time effects (intercept included). */
  timeTerms: number;
  /** Whether the first time effect is system GMM's intercept. */
  intercept: boolean;
  layout: RowLayout;
  /** Rows used in each equation, summed over units. */
  used: { diff: number; level: number };
  /** Units with at least one row used. */
  groupsUsed: number;
}

export function buildDesign(panel: GmmPanel, spec: ResolvedGmmSpec, checkpoint?: Checkpoint): GmmDesign {
  const variables = new Set([spec.y, ...spec.regressors.map((r) => r.variable), ...spec.gmm.map((g) => g.variable), ...spec.iv.map((r) => r.variable)]);
  const grid = panelGrid(panel, variables);
  const layout = rowLayout(spec, grid.periods.length);
  const effects = timeEffects(spec, grid, layout);
  const regressors = [...regressorTerms(spec, grid), ...effects];
  const instruments = instrumentColumns(spec, grid, layout, effects);
  const dependent = transformed(laggedSeries(grid, { variable: spec.y, lag: 0 }));

  const rowsPerUnit = layout.rows.length;
  const unitCount = grid.units.length;
  const y = new Matrix(unitCount * rowsPerUnit, 1);
  const X = new Matrix(unitCount * rowsPerUnit, regressors.length);
  const Z = new Matrix(unitCount * rowsPerUnit, instruments.length);
  const used = { diff: 0, level: 0 };
  let groupsUsed = 0;
  for (let u = 0; u < unitCount; u++) {
    if ((u & 63) === 0) checkpoint?.();
    let rowsUsed = 0;
    layout.rows.forEach((row, j) => {
      const xs = regressors.map((t) => t.column(u, row));
      const yi = dependent(u, row);
      if (Number.isNaN(yi) || xs.some(Number.isNaN)) return;
      const i = u * rowsPerUnit + j;
      y.set(i, 0, yi);
      xs.forEach((x, k) => X.set(i, k, x));
      instruments.forEach((z: Column, k) => {
        const v = z(u, row);
        if (!Number.isNaN(v)) Z.set(i, k, v);
      });
      used[row.equation]++;
      rowsUsed++;
    });
    if (rowsUsed > 0) groupsUsed++;
  }
  if (used.diff + used.level === 0) throw new GmmError('no observations: every row misses the dependent variable, a regressor or one of their lags');
  return { y, X, Z, unitCount, rowsPerUnit, terms: regressors.map((t) => t.name), timeTerms: effects.length, intercept: effects.some((e) => e.intercept), layout, used, groupsUsed };
}
