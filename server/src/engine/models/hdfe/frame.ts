// The estimators' input: a plain numeric frame (the formula layer builds it). Fixed effects arrive already
// interacted (`i^t` is one factor) and clusters as factors over the same rows.
import type { FactorColumn, ModelFrame } from '../frame.js';
import { EstimationError } from './errors.js';

export interface HdfeFrame extends ModelFrame {
  /** Fixed effects; none for a plain OLS or Poisson regression (put an "(Intercept)" column of ones in X). */
  fe: FactorColumn[];
  /** One or two clustering factors; used when the vcov is clustered. */
  cluster?: FactorColumn[];
  /** Analytic (frequency-like) weights, positive. */
  weights?: Float64Array;
}

/** Checks shapes and values and returns n; every message names the offending column. */
export function validateFrame(frame: HdfeFrame): number {
  const n = frame.y.length;
  if (n === 0) throw new EstimationError('The data have no observations.');
  const sameLength = (what: string, length: number) => {
    if (length !== n) throw new EstimationError(`${what} has ${length} values but the outcome has ${n}.`);
  };
  assertFinite(frame.yName ?? 'y', frame.y);
  for (const x of frame.X) {
    sameLength(`Regressor "${x.name}"`, x.values.length);
    assertFinite(x.name, x.values);
  }
  for (const f of [...frame.fe, ...(frame.cluster ?? [])]) sameLength(`Factor "${f.name}"`, f.codes.length);
  if (frame.cluster && (frame.cluster.length < 1 || frame.cluster.length > 2)) {
    throw new EstimationError(`Clustering takes one or two variables, not ${frame.cluster.length}.`);
  }
  if (frame.weights) {
    sameLength('The weights', frame.weights.length);
    for (let i = 0; i < n; i++) {
      const w = frame.weights[i];
      if (!(w > 0) || !Number.isFinite(w)) throw new EstimationError(`Weights must be positive and finite; row ${i} has ${w}.`);
    }
  }
  return n;
}

function assertFinite(name: string, v: Float64Array): void {
  for (let i = 0; i < v.length; i++) {
    if (!Number.isFinite(v[i])) throw new EstimationError(`"${name}" has a missing or non-finite value at row ${i}; remove such rows before estimating.`);
  }
}
