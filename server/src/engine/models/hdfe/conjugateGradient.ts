// The fixed-effect normal equations D'WD α = D'Wx solved by conjugate gradients on their reduced form (the
// dimension of most levels eliminated exactly, eliminatedSystem.ts), preconditioned by the reduced matrix's
// diagonal. The matrix is the weighted Laplacian-like Gram matrix of the FE graph, and CG needs about the
// square root of the iterations projections need where that graph is weakly connected (the argument behind
// reghdfe's CG/LSMR and pyfixest's `within` solver). It is singular (one free constant per extra dimension and
// component) but consistent, which CG handles: its iterates stay in the range, and r = x − Dα, the quantity
// wanted, is unique.
import type { EliminatedSystem } from './eliminatedSystem.js';
import type { DemeanOptions, SolverRun } from './demean.js';

/**
 * Improves α (and r = x − Dα with it, both in place; α's kept part is the starting point) until the residual
 * of the normal equations, Σ_l W_l·(weighted mean of r in level l)², is at most tol² Σ w r²: the size of the
 * step a sweep of projections would still take, the criterion projections use. Checked again on r itself
 * before stopping, so that rounding in the recurrences cannot end the iterations early.
 */
export function conjugateGradient(system: EliminatedSystem, x: Float64Array, alpha: Float64Array, r: Float64Array, options: DemeanOptions): SolverRun {
  const { size: m, layout, fullIndex } = system;
  const levelInv = Float64Array.from(fullIndex, (l) => layout.invWeight[l]);
  // Levels nested in an eliminated level have a zero row in S (and a zero residual): left out.
  const invDiag = Float64Array.from(system.diagonal, (d, k) => (d > 1e-12 / levelInv[k] ? 1 / d : 0));
  const aK = Float64Array.from(fullIndex, (l) => alpha[l]);
  const g = new Float64Array(m);
  const z = new Float64Array(m);
  const p = new Float64Array(m);
  const Sp = new Float64Array(m);
  const scratch = new Float64Array(system.matrix ? 0 : r.length);
  const tol2 = options.tol * options.tol;
  const converged = (squares: number) => {
    let left = 0;
    for (let k = 0; k < m; k++) left += g[k] * g[k] * levelInv[k];
    return left <= tol2 * squares;
  };
  /** α and r from aK exactly; then z, p and g·z start afresh. Returns Σ w r² and whether that is the end. */
  const restart = () => {
    fullIndex.forEach((l, k) => (alpha[l] = aK[k]));
    system.residual(x, alpha, r, g);
    const squares = layout.weightedSquares(r);
    for (let k = 0; k < m; k++) z[k] = g[k] * invDiag[k];
    p.set(z);
    return { squares, gz: dot(g, z), done: converged(squares) };
  };
  let { squares, gz, done } = restart();
  for (let iterations = 1; !done; iterations++) {
    if (iterations > options.maxIter) return { iterations: options.maxIter, converged: false };
    options.checkpoint?.();
    system.multiply(p, Sp, scratch);
    const pSp = dot(p, Sp);
    if (!(pSp > 0)) return { iterations, converged: true }; // p = 0: the residual is exactly orthogonal
    const step = gz / pSp;
    for (let k = 0; k < m; k++) {
      aK[k] += step * p[k];
      g[k] -= step * Sp[k];
      z[k] = g[k] * invDiag[k];
    }
    // Σ w r² falls by step·(g·z) along p, as the reduced objective does.
    squares -= step * gz;
    if (converged(squares)) {
      ({ squares, gz, done } = restart());
      if (done) return { iterations, converged: true };
      continue;
    }
    const gzNext = dot(g, z);
    const beta = gzNext / gz;
    for (let k = 0; k < m; k++) p[k] = z[k] + beta * p[k];
    gz = gzNext;
  }
  return { iterations: 0, converged: true };
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k] * b[k];
  return s;
}
