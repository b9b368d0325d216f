// Steps shared by the OLS and Poisson estimators: the estimation sample and its columns, and partialling the
// fixed effects out of the regressors with collinear ones dropped.
import type { Matrix } from 'ml-matrix';
import type { DemeanOptions, FixedEffectsDemeaner } from './demean.js';
import { EstimationError } from './errors.js';
import type { DenseFactor } from './factors.js';
import type { NumericColumn } from '../frame.js';
import { validateFrame, type HdfeFrame } from './frame.js';
import { crossProducts, independentColumns, weightedDot } from './leastSquares.js';
import { restrictSample, type SampleRules } from './sample.js';
import { takeRows } from './rows.js';

export interface EstimationData {
  nOriginal: number;
  rows: Int32Array;
  y: Float64Array;
  X: NumericColumn[];
  w: Float64Array | null;
  fixedEffects: { name: string; factor: DenseFactor; removedLevels: number }[];
  notes: string[];
}

export function prepareData(frame: HdfeFrame, rules: SampleRules, keep?: Uint8Array): EstimationData {
  const nOriginal = validateFrame(frame);
  if (frame.X.length === 0) throw new EstimationError(frame.fe.length > 0 ? 'The model has no regressors besides the fixed effects; add at least one.' : 'The model has no regressors.');
  const sample = restrictSample(frame.fe, frame.y, rules, keep);
  const { rows } = sample;
  const notes: string[] = [];
  if (sample.removedAllZero > 0) notes.push(`${sample.removedAllZero} observations removed because their fixed-effect group has only zero outcomes.`);
  if (sample.removedSingletons > 0) notes.push(`${sample.removedSingletons} singleton observations removed (alone in a fixed-effect level).`);
  if (rows.length === 0) throw new EstimationError('No observation is left once fixed-effect groups without information are removed.');
  return {
    nOriginal,
    rows,
    y: takeRows(frame.y, rows),
    X: frame.X.map((x) => ({ name: x.name, values: takeRows(x.values, rows) })),
    w: frame.weights ? takeRows(frame.weights, rows) : null,
    fixedEffects: frame.fe.map((f, q) => ({ name: f.name, factor: sample.fe[q], removedLevels: sample.removedLevels[q] })),
    notes,
  };
}

export interface PartialledRegressors {
  /** Indices into the frame's regressors of those kept. */
  kept: number[];
  /** The kept regressors with the fixed effects partialled out. */
  Xd: Float64Array[];
  /** X̃'WX̃ of the kept regressors. */
  gram: Matrix;
  /** FE coefficients of every kept regressor (warm starts for the next partialling). */
  alpha: Float64Array[];
  iterations: number;
}

/**
 * Partials the fixed effects out of every regressor and drops those collinear with the fixed effects or with
 * earlier regressors (tolerance relative to each regressor's own variation), noting each one.
 */
export function partialRegressors(
  X: NumericColumn[],
  w: Float64Array | null,
  demeaner: FixedEffectsDemeaner,
  options: DemeanOptions & { collinearityTol: number },
  notes: string[],
): PartialledRegressors {
  const parts = X.map((x) => demeaner.demean(x.values, options, undefined, `"${x.name}"`));
  const Xd = parts.map((d) => d.resid);
  // Without fixed effects the intercept is a regressor: its centred variation is 0, so judge by Σ w x².
  const scale = X.map((x) => (demeaner.nCoef > 0 ? centredSumOfSquares(x.values, w) : weightedDot(x.values, x.values, w)));
  const gram = crossProducts(Xd, w);
  const kept = independentColumns(gram, scale, options.collinearityTol);
  if (kept.length === 0) {
    throw new EstimationError(`Every regressor (${X.map((x) => x.name).join(', ')}) is collinear with the fixed effects: none varies within the fixed-effect groups.`); // only possible with fixed effects
  }
  const dropped = X.filter((_, k) => !kept.includes(k)).map((x) => `"${x.name}"`);
  const withWhat = demeaner.nCoef > 0 ? 'the fixed effects or other regressors' : 'other regressors';
  if (dropped.length > 0) notes.push(`Removed because of collinearity with ${withWhat}: ${dropped.join(', ')}.`);
  return {
    kept,
    Xd: kept.map((k) => Xd[k]),
    gram: gram.selection(kept, kept),
    alpha: kept.map((k) => parts[k].alpha),
    iterations: Math.max(...parts.map((d) => d.iterations)),
  };
}

/** Σ w (x − x̄_w)², the variation a regressor has before the fixed effects are removed. */
export function centredSumOfSquares(x: Float64Array, w: Float64Array | null): number {
  if (!w) {
    let sx = 0;
    for (let i = 0; i < x.length; i++) sx += x[i];
    const mean = sx / x.length;
    let s = 0;
    for (let i = 0; i < x.length; i++) {
      const d = x[i] - mean;
      s += d * d;
    }
    return s;
  }
  let sw = 0;
  let sx = 0;
  for (let i = 0; i < x.length; i++) {
    sw += w[i];
    sx += w[i] * x[i];
  }
  const mean = sx / sw;
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    const d = x[i] - mean;
    s += w[i] * (d * d);
  }
  return s;
}
