// (Weighted) least squares by Householder QR, the way R's lm and glm.fit solve it: a column whose part not
// explained by the earlier columns is below 1e-7 of its norm is set aside as aliased (R's NA coefficient)
// instead of making the solve fail. Shared by the panel estimators, VIF and the IRLS of the NB2 model.
import { coefficientTable } from '../coefficientTable.js';
import type { Coefficient } from '../../../results/modelResult.js';

/** R's `lm`/`glm.fit` rank tolerance (LINPACK dqrdc2). */
const ALIAS_TOLERANCE = 1e-7;

export interface LeastSquaresFit {
  /** One per column; NaN for aliased columns. */
  coefficients: Float64Array;
  aliased: boolean[];
  rank: number;
  /** X·b (unweighted). */
  fitted: Float64Array;
  /** Σ w·(y − X·b)². */
  ssr: number;
  /** (X'WX)⁻¹ over the non-aliased columns, in column order. */
  unscaledCovariance: number[][];
}

interface Reflector {
  /** First row the reflector acts on. */
  start: number;
  v: Float64Array;
  beta: number;
}

function reflect(h: Reflector, a: Float64Array): void {
  let s = 0;
  for (let i = 0; i < h.v.length; i++) s += h.v[i] * a[h.start + i];
  s *= h.beta;
  for (let i = 0; i < h.v.length; i++) a[h.start + i] -= s * h.v[i];
}

function norm(a: Float64Array, from = 0): number {
  // Scaled, so that huge or tiny columns neither overflow nor underflow.
  let scale = 0;
  for (let i = from; i < a.length; i++) scale = Math.max(scale, Math.abs(a[i]));
  if (scale === 0) return 0;
  let ss = 0;
  for (let i = from; i < a.length; i++) ss += (a[i] / scale) ** 2;
  return scale * Math.sqrt(ss);
}

interface Decomposition {
  reflectors: Reflector[];
  /** Upper-triangular R over the kept columns, column by column. */
  rColumns: Float64Array[];
  kept: number[];
  aliased: boolean[];
}

/** Householder QR of the columns (already weighted), setting aside aliased ones. */
function decompose(columns: readonly Float64Array[]): Decomposition {
  const reflectors: Reflector[] = [];
  const rColumns: Float64Array[] = [];
  const kept: number[] = [];
  const aliased = columns.map(() => false);
  columns.forEach((column, j) => {
    const a = Float64Array.from(column);
    const original = norm(a);
    for (const h of reflectors) reflect(h, a);
    const k = reflectors.length;
    const rest = norm(a, k);
    if (original === 0 || rest <= ALIAS_TOLERANCE * original || k >= a.length) {
      aliased[j] = true;
      return;
    }
    const alpha = a[k] > 0 ? -rest : rest;
    const v = a.slice(k);
    v[0] -= alpha;
    reflectors.push({ start: k, v, beta: 1 / (rest * (rest + Math.abs(a[k]))) });
    const r = a.slice(0, k + 1);
    r[k] = alpha;
    rColumns.push(r);
    kept.push(j);
  });
  return { reflectors, rColumns, kept, aliased };
}

export function leastSquares(columns: readonly Float64Array[], y: Float64Array, weights?: Float64Array): LeastSquaresFit {
  const n = y.length;
  const rootW = weights?.map(Math.sqrt);
  const weighted = (x: Float64Array) => (rootW ? x.map((v, i) => v * rootW[i]) : x);
  const { reflectors, rColumns, kept, aliased } = decompose(columns.map(weighted));
  const rank = kept.length;
  const qy = Float64Array.from(weighted(y));
  for (const h of reflectors) reflect(h, qy);
  const b = backSubstitute(rColumns, qy.subarray(0, rank));
  const coefficients = new Float64Array(columns.length).fill(NaN);
  kept.forEach((j, c) => (coefficients[j] = b[c]));
  const fitted = new Float64Array(n);
  kept.forEach((j, c) => {
    const x = columns[j];
    for (let i = 0; i < n; i++) fitted[i] += x[i] * b[c];
  });
  let ssr = 0;
  for (let i = 0; i < n; i++) ssr += (weights ? weights[i] : 1) * (y[i] - fitted[i]) ** 2;
  return { coefficients, aliased, rank, fitted, ssr, unscaledCovariance: inverseCrossProduct(rColumns) };
}

/** (X'X)⁻¹ over the non-aliased columns, and which columns are aliased. */
export function crossProductInverse(columns: readonly Float64Array[]): { inverse: number[][]; aliased: boolean[] } {
  const { rColumns, aliased } = decompose(columns);
  return { inverse: inverseCrossProduct(rColumns), aliased };
}

/** Solves R·b = c for upper-triangular R given by columns. */
function backSubstitute(rColumns: Float64Array[], c: ArrayLike<number>): Float64Array {
  const p = rColumns.length;
  const b = Float64Array.from(c);
  for (let col = p - 1; col >= 0; col--) {
    b[col] /= rColumns[col][col];
    for (let row = 0; row < col; row++) b[row] -= rColumns[col][row] * b[col];
  }
  return b;
}

/** (R'R)⁻¹ = R⁻¹R⁻ᵀ, R's `chol2inv`. */
function inverseCrossProduct(rColumns: Float64Array[]): number[][] {
  const p = rColumns.length;
  const rInverseColumns = rColumns.map((_, j) => backSubstitute(rColumns, Array.from({ length: p }, (_, i) => (i === j ? 1 : 0))));
  return Array.from({ length: p }, (_, i) =>
    Array.from({ length: p }, (_, j) => {
      let s = 0;
      for (let k = Math.max(i, j); k < p; k++) s += rInverseColumns[k][i] * rInverseColumns[k][j];
      return s;
    }),
  );
}

/**
 * Classical inference on a fit: σ² = SSR/df, its covariance, and the coefficient rows (t on df) of the
 * columns that were not aliased.
 */
export function classicalInference(fit: LeastSquaresFit, names: readonly string[], df: number, level: number): { sigma2: number; vcov: number[][]; coefficients: Coefficient[] } {
  const kept = names.map((_, j) => j).filter((j) => !fit.aliased[j]);
  const sigma2 = fit.ssr / df;
  const vcov = fit.unscaledCovariance.map((row) => row.map((v) => v * sigma2));
  return { sigma2, vcov, coefficients: coefficientTable(kept.map((j) => names[j]), kept.map((j) => fit.coefficients[j]), vcov, df, level) };
}
