// The tests pgmm reports: Arellano–Bond AR(m) in the differenced residuals (plm's mtest, as fixed in plm
// 2.6-5), Sargan/Hansen overidentification tests (plm's sargan) and Wald tests of joint significance.
import { Matrix } from 'ml-matrix';
import type { TestResult } from '../result.ts';
import { chiSquareP, normalP } from '../../stats/distributions.ts';
import type { GmmDesign } from './design.ts';
import type { GmmEstimate, GmmStep } from './estimate.ts';
import { invertRegular, quadraticForm, sumOf } from './linearAlgebra.ts';

/**
 * Arellano–Bond m-statistic of order m (AB 1991, eq. 8) on the difference-equation residuals; in system GMM
 * the level rows are left out of the residuals but not of X and Z. `vcov` is the coefficient covariance the
 * test is to use (non-robust or robust). Lags are taken by row position, so zeroed rows give zero products.
 */
export function arTest(design: GmmDesign, fit: GmmEstimate, order: number, vcov: Matrix): TestResult | undefined {
  const { diffRows } = design.layout;
  if (order >= diffRows) return undefined;
  const model = fit.model;
  const parts = design.units.map((d, i) => {
    const all = model.residuals[i];
    const e = Matrix.zeros(all.rows, 1);
    const lagged = Matrix.zeros(all.rows, 1);
    for (let j = 0; j < diffRows; j++) {
      e.set(j, 0, all.get(j, 0));
      if (j >= order) lagged.set(j, 0, all.get(j - order, 0));
    }
    return { d, e, lagged, product: e.dot(lagged) };
  });
  const numerator = parts.reduce((s, p) => s + p.product, 0);
  const eve = parts.reduce((s, p) => s + p.product * p.product, 0);
  const ex = sumOf(parts, (p) => p.lagged.transpose().mmul(p.d.X));
  const zve = sumOf(parts, (p) => Matrix.mul(p.d.Z.transpose().mmul(p.e), p.product));
  const cross = ex.mmul(model.bread).mmul(fit.zx.transpose()).mmul(model.weight).mmul(zve).get(0, 0);
  const variance = eve - 2 * cross + quadraticForm(ex.transpose(), vcov);
  const statistic = numerator / Math.sqrt(variance);
  return { statistic, p: normalP(statistic) };
}

/** J = (Σ Z_i′e_i)′ A (Σ Z_i′e_i) on a step's residuals, χ² with instruments − coefficients degrees of freedom. */
export function overidentificationTest(design: GmmDesign, step: GmmStep, weight: Matrix): TestResult {
  const moments = sumOf(design.units.map((d, i) => ({ d, e: step.residuals[i] })), ({ d, e }) => d.Z.transpose().mmul(e));
  const statistic = quadraticForm(moments, weight);
  const df = moments.rows - step.coefficients.rows;
  return { statistic, df, p: chiSquareP(statistic, df) };
}

/** Wald χ² that the coefficients at `indices` are jointly zero. */
export function waldTest(coefficients: Matrix, vcov: Matrix, indices: number[]): TestResult {
  const b = new Matrix(indices.map((i) => [coefficients.get(i, 0)]));
  const v = new Matrix(indices.map((i) => indices.map((j) => vcov.get(i, j))));
  const statistic = quadraticForm(b, invertRegular(v, 'the covariance of the tested coefficients'));
  return { statistic, df: indices.length, p: chiSquareP(statistic, indices.length) };
}
