// The right-hand side: the regressors and, with effect 'twoways', plm's time effects. Difference GMM gets
// one dummy per period of the difference equation but the first (their differences span the same space as
// a full set); system GMM gets an intercept and one dummy per level-equation period but the first.
import type { PanelGrid } from './panelGrid.js';
import { transformed, type Column, type LevelSeries, type RowLayout } from './rows.js';
import type { LaggedVariable, ResolvedGmmSpec } from './spec.js';

export interface Term {
  name: string;
  column: Column;
}

export interface TimeEffect extends Term {
  /** The same indicator in levels; system GMM instruments the level equation with it. */
  level: LevelSeries;
  intercept: boolean;
}

export function termName(r: LaggedVariable): string {
  return r.lag === 0 ? r.variable : `l(${r.variable}, ${r.lag})`; // as the formula writes it
}

export function laggedSeries(grid: PanelGrid, r: LaggedVariable): LevelSeries {
  return (u, p) => grid.value(r.variable, u, p, r.lag);
}

export function regressorTerms(spec: ResolvedGmmSpec, grid: PanelGrid): Term[] {
  return spec.regressors.map((r) => ({ name: termName(r), column: transformed(laggedSeries(grid, r)) }));
}

export function timeEffects(spec: ResolvedGmmSpec, grid: PanelGrid, layout: RowLayout): TimeEffect[] {
  if (spec.effect !== 'twoways') return [];
  const effect = (name: string, level: LevelSeries, intercept = false): TimeEffect => ({ name, level, intercept, column: transformed(level) });
  // Both transformations start the dummies at the first difference-equation period (the second level one).
  const dummies: TimeEffect[] = [];
  for (let s = layout.lostInDifferences; s < grid.periods.length; s++) dummies.push(effect(String(grid.periods[s]), (_u, p) => (p === s ? 1 : 0)));
  return layout.levelRows > 0 ? [effect('(Intercept)', () => 1, true), ...dummies] : dummies;
}
