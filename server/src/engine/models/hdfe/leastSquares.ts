// Weighted least squares on FE-partialled columns: cross products in one pass over the data, collinear
// columns found by an incremental Cholesky (as fixest does, with a relative tolerance), the small p×p
// algebra through ml-matrix.
import { CholeskyDecomposition, Matrix } from 'ml-matrix';

/** X'WX for columns `X` (W = diag(w), identity when w is null). */
export function crossProducts(X: Float64Array[], w: Float64Array | null): Matrix {
  const p = X.length;
  const G = new Matrix(p, p);
  for (let a = 0; a < p; a++) {
    for (let b = 0; b <= a; b++) {
      const v = weightedDot(X[a], X[b], w);
      G.set(a, b, v);
      G.set(b, a, v);
    }
  }
  return G;
}

export function weightedDot(u: Float64Array, v: Float64Array, w: Float64Array | null): number {
  let s = 0;
  if (w) for (let i = 0; i < u.length; i++) s += w[i] * u[i] * v[i];
  else for (let i = 0; i < u.length; i++) s += u[i] * v[i];
  return s;
}

/**
 * Indices of a maximal set of linearly independent columns, in order: column k is dropped when the part of it
 * not explained by the kept earlier columns has a squared norm ≤ tol × `scale[k]` (its variation before the
 * fixed effects were removed, so a variable absorbed by the fixed effects is dropped too).
 */
export function independentColumns(G: Matrix, scale: number[], tol: number): number[] {
  const kept: number[] = [];
  const L: number[][] = []; // rows of the Cholesky factor of G restricted to `kept`
  for (let k = 0; k < G.rows; k++) {
    const row: number[] = [];
    for (let j = 0; j < kept.length; j++) {
      let v = G.get(k, kept[j]);
      for (let m = 0; m < j; m++) v -= row[m] * L[j][m];
      row.push(v / L[j][j]);
    }
    const residual = G.get(k, k) - row.reduce((s, v) => s + v * v, 0);
    if (residual > tol * scale[k] && residual > 0) {
      row.push(Math.sqrt(residual));
      L.push(row);
      kept.push(k);
    }
  }
  return kept;
}

/** (X'WX)⁻¹ and the coefficients (X'WX)⁻¹ X'Wy. */
export function solveNormalEquations(X: Float64Array[], y: Float64Array, w: Float64Array | null, G = crossProducts(X, w)) {
  const chol = new CholeskyDecomposition(G);
  const bread = chol.solve(Matrix.eye(X.length));
  const Xty = Matrix.columnVector(X.map((x) => weightedDot(x, y, w)));
  const beta = Float64Array.from(chol.solve(Xty).getColumn(0));
  return { beta, bread };
}

/** y − Xβ. */
export function residuals(y: Float64Array, X: Float64Array[], beta: Float64Array): Float64Array {
  const e = Float64Array.from(y);
  X.forEach((x, k) => {
    const b = beta[k];
    for (let i = 0; i < e.length; i++) e[i] -= b * x[i];
  });
  return e;
}
