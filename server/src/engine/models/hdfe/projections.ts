// Alternating projections (block Gauss–Seidel over the fixed-effect dimensions) with Irons–Tuck extrapolation
// every second sweep, as fixest: fast when the fixed effects are well connected (the gravity panel converges in
// two sweeps), slow when they are not, since each sweep shrinks the error only by the graph's bottleneck.
import type { FixedEffectsLayout } from './feLayout.js';
import type { DemeanOptions, SolverRun } from './demean.js';

/**
 * Improves α (and r = x − Dα with it, both in place) until a sweep changes the FE part by at most `tol` times
 * the residual (weighted norms), for at most `maxIter` sweeps; `giveUp(sweeps, predicted)`, asked after each
 * pair of sweeps with the sweeps the current rate predicts are still needed, may stop it early.
 */
export function alternatingProjections(
  layout: FixedEffectsLayout,
  x: Float64Array,
  alpha: Float64Array,
  r: Float64Array,
  options: DemeanOptions,
  giveUp?: (sweeps: number, predicted: number) => boolean,
): SolverRun {
  const sums = new Float64Array(Math.max(0, ...layout.codes.map((_, q) => layout.levels(q))));
  sweep(layout, r, alpha, sums);
  if (layout.dimensions === 1) return { iterations: 1, converged: true };
  // α₀ → α₁ → α₂ by sweeps, convergence checked after each, then an Irons–Tuck step from the three.
  const a0 = new Float64Array(layout.nCoef);
  const a1 = new Float64Array(layout.nCoef);
  for (let iterations = 1; iterations < options.maxIter; ) {
    options.checkpoint?.();
    a0.set(alpha);
    sweep(layout, r, alpha, sums);
    iterations++;
    // The residual's size barely moves within a cycle: measured once, it serves both tests.
    const bound = options.tol * options.tol * layout.weightedSquares(r);
    const first = change(layout, a0, alpha);
    if (first <= bound) return { iterations, converged: true };
    a1.set(alpha);
    sweep(layout, r, alpha, sums);
    iterations++;
    const second = change(layout, a1, alpha);
    if (second <= bound) return { iterations, converged: true };
    // Two plain sweeps in a row: their ratio is the (squared) rate at which the change shrinks.
    if (giveUp?.(iterations, second < first ? Math.log(bound / second) / Math.log(second / first) : Infinity)) return { iterations, converged: false };
    if (extrapolate(layout, a0, a1, alpha)) layout.fillResidual(x, alpha, r);
  }
  return { iterations: options.maxIter, converged: false };
}

/**
 * One Gauss–Seidel pass: each dimension's coefficients become the weighted level means of the residual
 * with that dimension added back. Removing one dimension's new coefficients and adding back the next
 * one's share a pass over the data.
 */
function sweep(layout: FixedEffectsLayout, r: Float64Array, alpha: Float64Array, sums: Float64Array): void {
  const { codes, offsets, invWeight, weights } = layout;
  const Q = codes.length;
  for (let q = 0; q < Q; q++) {
    const off = offsets[q];
    const levels = layout.levels(q);
    sums.fill(0, 0, levels);
    if (q === 0) addBack(r, codes[q], alpha.subarray(off, off + levels), weights, sums);
    else swapIn(r, codes[q - 1], alpha.subarray(offsets[q - 1], off), codes[q], alpha.subarray(off, off + levels), weights, sums);
    for (let l = 0; l < levels; l++) alpha[off + l] = sums[l] * invWeight[off + l];
  }
  const last = codes[Q - 1];
  const a = alpha.subarray(offsets[Q - 1]);
  for (let i = 0; i < r.length; i++) r[i] -= a[last[i]];
}

/**
 * Convergence compares the weighted size of a sweep's change to the FE part, Σ_l W_l Δα_l², with tol² times
 * the weighted size of the residual, Σ w r²: levels carrying little weight cannot hold up convergence.
 */
function change(layout: FixedEffectsLayout, before: Float64Array, after: Float64Array): number {
  const invWeight = layout.invWeight;
  let size = 0;
  for (let l = 0; l < after.length; l++) size += (after[l] - before[l]) ** 2 / invWeight[l];
  return size;
}

/**
 * Irons–Tuck step from α₀, α₁ = F(α₀), α₂ = F(α₁) (α₂ is `a2`, overwritten): α₂ − (δ₁·δ₂ / δ₂·δ₂) δ₁ with
 * δ₁ = α₂ − α₁ and δ₂ = α₂ − 2α₁ + α₀, inner products weighted by the levels' weights (as the
 * convergence test), so that nearly weightless levels do not set the step. Returns false when δ₂ = 0.
 */
function extrapolate(layout: FixedEffectsLayout, a0: Float64Array, a1: Float64Array, a2: Float64Array): boolean {
  const invWeight = layout.invWeight;
  let num = 0;
  let den = 0;
  for (let l = 0; l < a2.length; l++) {
    const d1 = a2[l] - a1[l];
    const d2 = d1 - (a1[l] - a0[l]);
    num += (d1 * d2) / invWeight[l];
    den += (d2 * d2) / invWeight[l];
  }
  if (!(den > 0)) return false;
  const step = num / den;
  for (let l = 0; l < a2.length; l++) a2[l] -= step * (a2[l] - a1[l]);
  return true;
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
