// The tests pgmm reports: Arellano–Bond AR(m) in the differenced residuals (plm's mtest, as fixed in plm
// 2.6-5), Sargan/Hansen overidentification tests (plm's sargan) and Wald tests of joint significance.
import { Matrix } from 'ml-matrix';
import type { TestResult } from '../../../results/modelResult.js';
import { chiSquareP, normalP } from '../../stats/distributions.js';
import type { GmmDesign } from './design.js';
import type { GmmEstimate, GmmStep } from './estimate.js';
import { crossProduct, invertRegular, quadraticForm, scaleUnits } from './linearAlgebra.js';

/**
 * Arellano–Bond m-statistic of order m (AB 1991, eq. 8) on the difference-equation residuals; in system GMM
 * the level rows are left out of the residuals but not of X and Z. `vcov` is the coefficient covariance the
 * test is to use (non-robust or robust). Lags are taken by row position, so zeroed rows give zero products.
 */
export function arTest(design: GmmDesign, fit: GmmEstimate, order: number, vcov: Matrix): TestResult | undefined {
  const { diffRows } = design.layout;
  const { rowsPerUnit, unitCount, X, Z } = design;
  if (order >= diffRows) return undefined;
  const model = fit.model;
  const e = Matrix.zeros(X.rows, 1);
  const lagged = Matrix.zeros(X.rows, 1);
  const products: number[] = [];
  for (let u = 0; u < unitCount; u++) {
    const first = u * rowsPerUnit;
    let product = 0;
    for (let j = 0; j < diffRows; j++) {
      e.set(first + j, 0, model.residuals.get(first + j, 0));
      if (j >= order) lagged.set(first + j, 0, model.residuals.get(first + j - order, 0));
      product += e.get(first + j, 0) * lagged.get(first + j, 0);
    }
    products.push(product);
  }
  const numerator = products.reduce((s, p) => s + p, 0);
  const eve = products.reduce((s, p) => s + p * p, 0);
  const ex = lagged.transpose().mmul(X);
  const zve = crossProduct(Z, scaleUnits(e, products, rowsPerUnit));
  const cross = ex.mmul(model.bread).mmul(fit.zx.transpose()).mmul(model.weight).mmul(zve).get(0, 0);
  const variance = eve - 2 * cross + quadraticForm(ex.transpose(), vcov);
  const statistic = numerator / Math.sqrt(variance);
  return { statistic, p: normalP(statistic) };
}

/** J = (Σ Z_i′e_i)′ A (Σ Z_i′e_i) on a step's residuals, χ² with instruments − coefficients degrees of freedom. */
export function overidentificationTest(design: GmmDesign, step: GmmStep, weight: Matrix): TestResult {
  const moments = crossProduct(design.Z, step.residuals);
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
