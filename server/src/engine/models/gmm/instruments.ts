// The instrument columns, in plm's order: GMM-style instruments for the difference equation, then (system
// GMM) those for the level equation and the time effects, then IV-style instruments. A column is zero in
// rows it does not instrument; missing instrument values count as zero (plm and xtabond2 alike).
import type { PanelGrid } from './panelGrid.js';
import { transformed, type Column, type RowLayout } from './rows.js';
import { GmmError, type ResolvedGmmSpec } from './spec.js';
import { laggedSeries, type TimeEffect } from './terms.js';

/** Levels of the variable at lags from..to in the difference equation: one column per lag and period, or per lag when collapsed. */
function differenceEquationGmm(spec: ResolvedGmmSpec, grid: PanelGrid, layout: RowLayout): Column[] {
  const periodCount = grid.periods.length;
  const columns: Column[] = [];
  for (const g of spec.gmm) {
    const [from, to] = g.lags;
    const level = (u: number, p: number, lag: number) => grid.value(g.variable, u, p, lag);
    if (g.collapse) {
      for (let lag = from; lag <= Math.min(to, periodCount - 1); lag++) {
        columns.push((u, row) => (row.equation === 'diff' ? level(u, row.p, lag) : 0));
      }
      continue;
    }
    for (let p = layout.lostInDifferences; p < periodCount; p++) {
      // Oldest lag first, as plm lays them out.
      for (let lag = Math.min(to, p); lag >= from; lag--) {
        columns.push((u, row) => (row.equation === 'diff' && row.p === p ? level(u, p, lag) : 0));
      }
    }
  }
  return columns;
}

/** One lag of the variable's first difference in the level equation: one column per period, or one when collapsed. */
function levelEquationGmm(spec: ResolvedGmmSpec, grid: PanelGrid, layout: RowLayout): Column[] {
  const columns: Column[] = [];
  for (const g of spec.gmm) {
    const lag = spec.levelInstrumentLag === 'previous' ? 1 : g.lags[0] - 1;
    if (lag < 0) throw new GmmError(`GMM instrument ${g.variable}: lags from 0 leave no lagged difference for the level equation`);
    const delta = (u: number, p: number) => grid.value(g.variable, u, p, lag) - grid.value(g.variable, u, p, lag + 1);
    if (g.collapse) {
      columns.push((u, row) => (row.equation === 'level' ? delta(u, row.p) : 0));
      continue;
    }
    const firstLevelPeriod = layout.lostInDifferences - 1;
    for (let p = Math.max(firstLevelPeriod, lag + 1); p < grid.periods.length; p++) {
      columns.push((u, row) => (row.equation === 'level' && row.p === p ? delta(u, p) : 0));
    }
  }
  return columns;
}

/** Time effects instrument themselves: in differences (difference GMM), in levels (system GMM), or both. */
function timeEffectInstruments(spec: ResolvedGmmSpec, effects: TimeEffect[]): Column[] {
  if (spec.transformation === 'd') return effects.map((e) => e.column);
  const inLevels = effects.map((e): Column => (u, row) => (row.equation === 'level' ? e.level(u, row.p) : 0));
  if (spec.timeDummyInstruments === 'level') return inLevels;
  const inDifferences = effects.filter((e) => !e.intercept).map((e): Column => (u, row) => (row.equation === 'diff' ? e.column(u, row) : 0));
  return [...inLevels, ...inDifferences];
}

/** IV-style instruments: the transformed variable, with separate columns per equation in system GMM. */
function ivInstruments(spec: ResolvedGmmSpec, grid: PanelGrid): Column[] {
  const series = spec.iv.map((r) => transformed(laggedSeries(grid, r)));
  const only = (equation: 'diff' | 'level') => series.map((c): Column => (u, row) => (row.equation === equation ? c(u, row) : 0));
  return spec.transformation === 'd' ? series : [...only('diff'), ...only('level')];
}

export function instrumentColumns(spec: ResolvedGmmSpec, grid: PanelGrid, layout: RowLayout, effects: TimeEffect[]): Column[] {
  return [
    ...differenceEquationGmm(spec, grid, layout),
    ...(spec.transformation === 'ld' ? levelEquationGmm(spec, grid, layout) : []),
    ...timeEffectInstruments(spec, effects),
    ...ivInstruments(spec, grid),
  ];
}
