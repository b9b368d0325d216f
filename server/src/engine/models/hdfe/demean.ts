// Partialling out fixed effects: the residual of a (weighted) regression of a column on the FE dummies, by
// alternating projections (block Gauss–Seidel over the FE dimensions) with Irons–Tuck extrapolation every
// second sweep. The state is the FE coefficient vector, so a previous solution can warm-start the next
// call (Poisson IRLS re-demeans similar columns every iteration).
import type { DenseFactor } from './factors.js';
import type { Checkpoint } from '../../cancel.js';
import { EstimationError } from './errors.js';

export interface DemeanOptions {
  /** Stop when a sweep changes the FE part by at most `tol` times the residual (weighted norms). */
  tol: number;
  maxIter: number;
  /** Called every two sweeps (a few milliseconds on the largest panels): throws when the run is cancelled. */
  checkpoint?: Checkpoint;
}

export interface Demeaned {
  resid: Float64Array;
  /** FE coefficients, dimension after dimension; pass back as `warm` to restart from them. */
  alpha: Float64Array;
  /** Sweeps over the data. */
  iterations: number;
}

export class FixedEffectsDemeaner {
  private readonly codes: Int32Array[];
  private readonly offsets: number[];
  /** 1 / (sum of weights) of every level, dimension after dimension. */
  private readonly invWeight: Float64Array;
  private readonly sums: Float64Array;
  readonly nCoef: number;

  constructor(
    fe: DenseFactor[],
    private readonly weights: Float64Array | null,
  ) {
    this.codes = fe.map((f) => f.codes);
    this.offsets = [];
    let total = 0;
    for (const f of fe) {
      this.offsets.push(total);
      total += f.levels;
    }
    this.nCoef = total;
    this.invWeight = new Float64Array(total);
    fe.forEach((f, q) => {
      const off = this.offsets[q];
      for (let i = 0; i < f.codes.length; i++) this.invWeight[off + f.codes[i]] += weights ? weights[i] : 1;
    });
    for (let l = 0; l < total; l++) this.invWeight[l] = 1 / this.invWeight[l];
    this.sums = new Float64Array(Math.max(0, ...fe.map((f) => f.levels)));
  }

  demean(x: Float64Array, options: DemeanOptions, warm?: Float64Array, what = 'a variable'): Demeaned {
    const alpha = warm ? Float64Array.from(warm) : new Float64Array(this.nCoef);
    const resid = Float64Array.from(x);
    if (this.codes.length === 0) return { resid, alpha, iterations: 0 }; // no fixed effects: nothing to partial out
    if (warm) this.fillResidual(x, alpha, resid);
    this.sweep(resid, alpha);
    if (this.codes.length === 1) return { resid, alpha, iterations: 1 };
    // α₀ → α₁ → α₂ by sweeps, convergence checked after each, then an Irons–Tuck step from the three.
    const a0 = new Float64Array(this.nCoef);
    const a1 = new Float64Array(this.nCoef);
    const checkpoint = options.checkpoint;
    for (let iterations = 1; iterations < options.maxIter; ) {
      checkpoint?.();
      a0.set(alpha);
      this.sweep(resid, alpha);
      iterations++;
      // The residual's size barely moves within a cycle: measured once, it serves both tests.
      const bound = options.tol * options.tol * this.weightedSquares(resid);
      if (this.change(a0, alpha) <= bound) return { resid, alpha, iterations };
      a1.set(alpha);
      this.sweep(resid, alpha);
      iterations++;
      if (this.change(a1, alpha) <= bound) return { resid, alpha, iterations };
      if (this.extrapolate(a0, a1, alpha)) this.fillResidual(x, alpha, resid);
    }
    throw new EstimationError(
      `Partialling out the fixed effects from ${what} did not converge in ${options.maxIter} iterations; ` +
        'raise fixefMaxIter or loosen fixefTol (the fixed effects may be nearly collinear or very weakly connected).',
    );
  }

  /** r = x − Dα. */
  private fillResidual(x: Float64Array, alpha: Float64Array, r: Float64Array): void {
    r.set(x);
    for (let q = 0; q < this.codes.length; q++) {
      const codes = this.codes[q];
      const off = this.offsets[q];
      for (let i = 0; i < r.length; i++) r[i] -= alpha[off + codes[i]];
    }
  }

  /**
   * One Gauss–Seidel pass: each dimension's coefficients become the weighted level means of the residual
   * with that dimension added back. Removing one dimension's new coefficients and adding back the next
   * one's share a pass over the data.
   */
  private sweep(r: Float64Array, alpha: Float64Array): void {
    const Q = this.codes.length;
    for (let q = 0; q < Q; q++) {
      const off = this.offsets[q];
      const levels = (q + 1 < Q ? this.offsets[q + 1] : this.nCoef) - off;
      const sums = this.sums;
      sums.fill(0, 0, levels);
      if (q === 0) addBack(r, this.codes[q], alpha.subarray(off, off + levels), this.weights, sums);
      else swapIn(r, this.codes[q - 1], alpha.subarray(this.offsets[q - 1], off), this.codes[q], alpha.subarray(off, off + levels), this.weights, sums);
      for (let l = 0; l < levels; l++) alpha[off + l] = sums[l] * this.invWeight[off + l];
    }
    const last = this.codes[Q - 1];
    const a = alpha.subarray(this.offsets[Q - 1]);
    for (let i = 0; i < r.length; i++) r[i] -= a[last[i]];
  }

  /**
   * Convergence compares the weighted size of a sweep's change to the FE part, Σ_l W_l Δα_l², with tol² times
   * the weighted size of the residual, Σ w r²: levels carrying little weight cannot hold up convergence.
   */
  private change(before: Float64Array, after: Float64Array): number {
    let change = 0;
    for (let l = 0; l < after.length; l++) change += (after[l] - before[l]) ** 2 / this.invWeight[l];
    return change;
  }

  private weightedSquares(r: Float64Array): number {
    let size = 0;
    const w = this.weights;
    if (w) for (let i = 0; i < r.length; i++) size += w[i] * r[i] * r[i];
    else for (let i = 0; i < r.length; i++) size += r[i] * r[i];
    return size;
  }

  /**
   * Irons–Tuck step from α₀, α₁ = F(α₀), α₂ = F(α₁) (α₂ is `a2`, overwritten): α₂ − (δ₁·δ₂ / δ₂·δ₂) δ₁ with
   * δ₁ = α₂ − α₁ and δ₂ = α₂ − 2α₁ + α₀, inner products weighted by the levels' weights (as the
   * convergence test), so that nearly weightless levels do not set the step. Returns false when δ₂ = 0.
   */
  private extrapolate(a0: Float64Array, a1: Float64Array, a2: Float64Array): boolean {
    let num = 0;
    let den = 0;
    for (let l = 0; l < a2.length; l++) {
      const d1 = a2[l] - a1[l];
      const d2 = d1 - (a1[l] - a0[l]);
      num += (d1 * d2) / this.invWeight[l];
      den += (d2 * d2) / this.invWeight[l];
    }
    if (!(den > 0)) return false;
    const step = num / den;
    for (let l = 0; l < a2.length; l++) a2[l] -= step * (a2[l] - a1[l]);
    return true;
  }
}

// The two kernels of a sweep, kept monomorphic and branch-free in the loop body for speed.

/** r += a[codes]; sums[codes] += w·r. */
function addBack(r: Float64Array, codes: Int32Array, a: Float64Array, w: Float64Array | null, sums: Float64Array): void {
  const n = r.length;
  if (w) {
    for (let i = 0; i < n; i++) {
      const c = codes[i];
      const v = r[i] + a[c];
      r[i] = v;
      sums[c] += w[i] * v;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const c = codes[i];
      const v = r[i] + a[c];
      r[i] = v;
      sums[c] += v;
    }
  }
}

/** r += a[codes] − prev[prevCodes]; sums[codes] += w·r. */
function swapIn(r: Float64Array, prevCodes: Int32Array, prev: Float64Array, codes: Int32Array, a: Float64Array, w: Float64Array | null, sums: Float64Array): void {
  const n = r.length;
  if (w) {
    for (let i = 0; i < n; i++) {
      const c = codes[i];
      const v = r[i] + a[c] - prev[prevCodes[i]];
      r[i] = v;
      sums[c] += w[i] * v;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const c = codes[i];
      const v = r[i] + a[c] - prev[prevCodes[i]];
      r[i] = v;
      sums[c] += v;
    }
  }
}
