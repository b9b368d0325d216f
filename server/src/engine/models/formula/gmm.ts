// A formula and its `gmm:` / `iv:` lists → the dynamic panel GMM estimator's input (gmm/spec.ts). The
// estimator differences and lags levels itself, so every distinct expression under the lags becomes one
// level column of the GmmPanel, named by its label (`log1p(TI)`); `l(e, k)` on the right is e at lag k,
// and a product term (`center(a):center(b)`) is one computed level column.
import type { DataTable } from '../../data/dataTable.js';
import type { GmmInstrument, GmmPanel, GmmSpec, LaggedVariable } from '../gmm/spec.js';
import { Evaluator, lagOrder } from './evaluate.js';
import { FormulaError, type Expr } from './expr.js';
import { label } from './label.js';
import type { Formula } from './parse.js';
import { usesSampleMoments } from './design.js';

export interface GmmInputOptions {
  /** GMM-style instruments: `l(e, 2..)`, `l(e, 2..4)`, `l(e, 2)` or a bare `e` (lags 1 and beyond). */
  gmm: Expr[];
  /** IV-style instruments: `e` (lag 0) or `l(e, k)`; none: the estimator's default (plm's). */
  iv: Expr[];
}

export interface GmmInput {
  panel: GmmPanel;
  spec: Pick<GmmSpec, 'y' | 'regressors' | 'gmm' | 'iv'>;
  notes: string[];
}

export function gmmInput(formula: Formula, table: DataTable, options: GmmInputOptions): GmmInput {
  const index = table.panel;
  if (!index) throw new FormulaError(`Dynamic panel GMM needs a panel; ${table.name} has no unit and period index.`, formula.lhs.at);
  const firstFe = formula.fixedEffects[0]?.[0];
  if (firstFe) throw new FormulaError("Dynamic panel GMM takes no fixed effects after `|`: differencing removes the units' effects, and time dummies are an option.", firstFe.at);
  const notes: string[] = [];
  /** Level columns by name: the factors whose product they are. */
  const levels = new Map<string, Expr[]>();
  const level = (factors: Expr[]): string => {
    const name = factors.map(label).join(':');
    if (!levels.has(name)) levels.set(name, factors);
    return name;
  };
  const lagged = (e: Expr): LaggedVariable =>
    e.type === 'call' && e.fn === 'l' ? { variable: level([e.args[0]]), lag: e.args[1] ? lagOrder(e.args[1]) : 1 } : { variable: level([e]), lag: 0 };

  const y = level([formula.lhs]);
  const regressors = formula.terms.map((t) => (t.factors.length === 1 ? lagged(t.factors[0]) : { variable: level(t.factors), lag: 0 }));
  const gmm = options.gmm.map((e) => gmmInstrument(e, level, notes));
  const iv = options.iv.map(lagged);

  const ev = sampleEvaluator(formula, table);
  const columns: Record<string, Float64Array> = {};
  for (const [name, factors] of levels) {
    columns[name] = factors.map((f) => ev.numbers(f)).reduce((a, b) => a.map((v, i) => v * b[i]));
  }
  notes.push(...ev.undefinedNotes());
  // No `iv:` leaves the estimator's default (plm's): every regressor without GMM instruments.
  return { panel: { unit: index.unit, time: index.time, columns }, spec: { y, regressors, gmm, ...(iv.length > 0 ? { iv } : {}) }, notes };
}

/** `l(e, 2..)` → lags [2, ∞], `l(e, 2..4)` → [2, 4], `l(e, 3)` → [3, 3], a bare `e` → [1, ∞] (noted). */
function gmmInstrument(e: Expr, level: (factors: Expr[]) => string, notes: string[]): GmmInstrument {
  if (!(e.type === 'call' && e.fn === 'l')) {
    notes.push(`GMM instruments \`${label(e)}\`: lags 1 and beyond, xtabond2's default laglimits(1 .); write \`l(${label(e)}, 2..)\` for others.`);
    return { variable: level([e]), lags: [1, Infinity] };
  }
  const variable = level([e.args[0]]);
  const k = e.args[1];
  if (k?.type === 'binary' && k.op === '..') return { variable, lags: [lagOrder(k.left), k.right ? lagOrder(k.right) : Infinity] };
  const lag = k ? lagOrder(k) : 1;
  return { variable, lags: [lag, lag] };
}

/**
 * center() and standardize() take their moments over the rows where the outcome and every regressor (at
 * its lag) are present — the level equation's sample; the estimator's own sample, after differencing and
 * instrumenting, is not known before estimation.
 */
function sampleEvaluator(formula: Formula, table: DataTable): Evaluator {
  const ev = new Evaluator(table);
  const parts = [formula.lhs, ...formula.terms.flatMap((t) => t.factors)];
  if (!parts.some(usesSampleMoments)) return ev;
  const values = parts.map((e) => ev.numbers(e));
  const rows: number[] = [];
  for (let i = 0; i < table.rows; i++) if (values.every((v) => !Number.isNaN(v[i]))) rows.push(i);
  return new Evaluator(table, Int32Array.from(rows));
}
