// A formula over a DataTable → the estimators' HdfeFrame (also a ModelFrame for negbin): the subsample
// condition first, then listwise deletion of rows missing the outcome, a regressor, a fixed effect, a
// cluster or the weight (counted as fixest's note does), then the columns over the rows left. center() and
// standardize() are evaluated a second time with their moments over those rows.
import type { Column, DataTable } from '../../data/dataTable.js';
import type { FactorColumn, NumericColumn } from '../frame.js';
import type { HdfeFrame } from '../hdfe/frame.js';
import { takeRows } from '../hdfe/rows.js';
import type { DenseFactor } from '../hdfe/factors.js';
import { Evaluator } from './evaluate.js';
import { FormulaError, type Expr } from './expr.js';
import { factorCodes, interactedFactor, regressorColumns } from './factor.js';
import { label } from './label.js';
import { factorColumns, factorInputs, factorTerm, type FactorTerm } from './factorTerms.js';
import { splitChain, type Formula } from './parse.js';

export interface DesignOptions {
  /** One or two clustering terms, each variables joined by `^` (`i^j`). */
  cluster?: Expr[];
  /** Subsample condition: only rows where it is true are used (unknown counts as false). */
  where?: Expr;
  /** Analytic weights. */
  weights?: Expr;
  /** Throws when the run is cancelled; called between the design's steps and terms. */
  checkpoint?: () => void;
}

export interface Design {
  frame: HdfeFrame;
  /** The table rows the frame holds, ascending. */
  rows: Int32Array;
  notes: string[];
}

export function buildDesign(formula: Formula, table: DataTable, options: DesignOptions = {}): Design {
  const first = new Evaluator(table);
  const notes: string[] = [];
  const inside = subsample(first, options.where, notes);
  const clusters = (options.cluster ?? []).map((c) => splitChain(c, '^'));
  // A factor term's inputs are its variable and slope: their values decide which rows are complete.
  const regressors = formula.terms.flatMap((t) => t.factors).flatMap((f) => {
    const factor = factorTerm(f);
    return factor ? factorInputs(factor) : [f];
  });
  first.numbers(formula.lhs); // the outcome must be numeric
  if (options.weights) first.numbers(options.weights);
  const parts: [string, Expr[]][] = [
    ['LHS', [formula.lhs]],
    ['RHS', regressors],
    ['Fixed-effects', formula.fixedEffects.flat()],
    ['Cluster', clusters.flat()],
    ['Weights', options.weights ? [options.weights] : []],
  ];
  const { checkpoint } = options;
  checkpoint?.();
  const rows = completeRows(first, inside, parts, notes);
  checkpoint?.();
  notes.push(...first.undefinedNotes(inside));
  if (rows.length === 0) throw new FormulaError(`No observation is left to estimate on. ${notes.join(' ')}`);

  const ev = [formula.lhs, ...regressors, ...(options.weights ? [options.weights] : [])].some(usesSampleMoments) ? new Evaluator(table, rows) : first;
  const X: NumericColumn[] = [];
  if (formula.intercept && formula.fixedEffects.length === 0) X.push({ name: '(Intercept)', values: new Float64Array(rows.length).fill(1) });
  const coding = new TextCoding(formula, ev);
  for (const term of formula.terms) {
    checkpoint?.();
    const columns = termColumns(term.factors, ev, rows, coding);
    if (columns.length === 0) notes.push(`\`${term.label}\` has a single level in the sample and adds no regressor.`);
    X.push(...columns);
  }
  // A factor named twice (`i^j` as a fixed effect and the cluster) is coded once, and so is a variable in
  // several (`i` in `i^t` and `i^j`); codes are never written to.
  const factors = new Map<string, FactorColumn>();
  const variables = new Map<Column, DenseFactor>();
  const codesOf = (column: Column) => {
    let codes = variables.get(column);
    if (!codes) variables.set(column, (codes = factorCodes(column, rows)));
    return codes;
  };
  const factor = (parts: Expr[]) => {
    checkpoint?.();
    const name = parts.map(label).join('^');
    let column = factors.get(name);
    if (!column) factors.set(name, (column = interactedFactor(name, parts.map((f) => first.evaluate(f)), rows, codesOf)));
    return column;
  };
  const frame: HdfeFrame = {
    y: takeRows(ev.numbers(formula.lhs), rows),
    yName: label(formula.lhs),
    X,
    fe: formula.fixedEffects.map(factor),
    ...(clusters.length > 0 ? { cluster: clusters.map(factor) } : {}),
    ...(options.weights ? { weights: takeRows(ev.numbers(options.weights), rows) } : {}),
  };
  return { frame, rows, notes };
}

/** The rows where `where` is true (every row without a condition); excluded rows are noted. */
function subsample(ev: Evaluator, where: Expr | undefined, notes: string[]): Uint8Array {
  const inside = new Uint8Array(ev.table.rows).fill(1);
  if (!where) return inside;
  const condition = ev.numbers(where);
  let outside = 0;
  for (let i = 0; i < inside.length; i++) {
    if (condition[i] === 1) continue;
    inside[i] = 0;
    outside++;
  }
  if (outside > 0) notes.push(`${plural(outside)} outside the subsample \`${label(where)}\` excluded.`);
  return inside;
}

/** The rows inside the subsample with every part present; the rest counted per part, as fixest's NA note. */
function completeRows(ev: Evaluator, inside: Uint8Array, parts: [string, Expr[]][], notes: string[]): Int32Array {
  const n = inside.length;
  const dropped = new Uint8Array(n);
  const counts: string[] = [];
  for (const [part, exprs] of parts) {
    const missing = new Uint8Array(n);
    for (const e of exprs) markMissing(ev.evaluate(e), missing);
    let count = 0;
    for (let i = 0; i < n; i++) {
      if (!inside[i] || !missing[i]) continue;
      dropped[i] = 1;
      count++;
    }
    if (count > 0) counts.push(`${part}: ${count}`);
  }
  let removed = 0;
  let kept = 0;
  for (let i = 0; i < n; i++) {
    removed += dropped[i];
    kept += inside[i] & (dropped[i] ^ 1);
  }
  const rows = new Int32Array(kept);
  for (let i = 0, k = 0; i < n; i++) if (inside[i] && !dropped[i]) rows[k++] = i;
  if (removed > 0) notes.push(`${plural(removed)} removed because of NA values (${counts.join(', ')}).`);
  return rows;
}

/** Flags the rows where `column` is missing (NaN or null), one loop per kind of column. */
function markMissing(column: Column, missing: Uint8Array): void {
  if (column.type === 'text') {
    const values = column.values;
    for (let i = 0; i < missing.length; i++) if (values[i] === null) missing[i] = 1;
    return;
  }
  const values = column.values;
  for (let i = 0; i < missing.length; i++) if (Number.isNaN(values[i])) missing[i] = 1;
}

/** The columns of one term: the product of its factors, the first varying fastest (as model.matrix). */
function termColumns(factors: Expr[], ev: Evaluator, rows: Int32Array, coding: TextCoding): NumericColumn[] {
  return factors
    .map((f) => {
      const factor = factorTerm(f);
      return factor ? factorColumns(factor, ev, rows, coding.dropsReference(factors, f, factor)) : regressorColumns(label(f), ev.evaluate(f), rows, coding.hasReference(factors, f));
    })
    .reduce((left, right) =>
      right.flatMap((b) => left.map((a) => ({ name: `${a.name}:${b.name}`, values: a.values.map((v, i) => v * b.values[i]) }))),
    );
}

/**
 * R's rule (model.c, TermCode) for coding a text factor f in a term (and factor(x)): by contrasts (the
 * reference level left out) when the term without f is empty — the intercept, or here a fixed effect, stands
 * for it — or lies within an earlier term; by a dummy for every level otherwise (`x:f` alone has a slope per
 * level). Without intercept and fixed effects, the first text factor of the first term that has one is coded
 * in full. fixest's rule for i() (fixest_model_matrix, i_ref): a term that is i(x) alone leaves out its
 * reference, unless it is that first factor; i() in a product or with a slope keeps every level.
 */
class TextCoding {
  private readonly fullFactor: Expr | undefined;

  constructor(
    private readonly formula: Formula,
    ev: Evaluator,
  ) {
    const hasConstant = formula.intercept || formula.fixedEffects.length > 0;
    const categorical = (f: Expr) => {
      const factor = factorTerm(f);
      return factor ? !factor.slope : ev.evaluate(f).type === 'text';
    };
    this.fullFactor = hasConstant ? undefined : formula.terms.flatMap((t) => t.factors).find(categorical);
  }

  dropsReference(factors: Expr[], f: Expr, factor: FactorTerm): boolean {
    if (factor.kind === 'factor') return this.hasReference(factors, f);
    return factors.length === 1 && !factor.slope && f !== this.fullFactor;
  }

  hasReference(factors: Expr[], f: Expr): boolean {
    if (f === this.fullFactor) return false;
    const margin = factors.filter((g) => g !== f).map(label);
    if (margin.length === 0) return true;
    const earlier = this.formula.terms.slice(0, this.formula.terms.findIndex((t) => t.factors === factors));
    return earlier.some((t) => margin.every((m) => t.factors.some((g) => label(g) === m)));
  }
}

/** Whether `e` contains center() or standardize(), whose values depend on the estimation sample. */
export function usesSampleMoments(e: Expr): boolean {
  switch (e.type) {
    case 'call':
      return e.fn === 'center' || e.fn === 'standardize' || e.args.some(usesSampleMoments);
    case 'binary':
      return usesSampleMoments(e.left) || (e.right !== undefined && usesSampleMoments(e.right));
    case 'unary':
      return usesSampleMoments(e.operand);
    default:
      return false;
  }
}

function plural(count: number): string {
  return `${count} observation${count === 1 ? '' : 's'}`;
}
