// One- and two-step linear GMM on the stacked system (Roodman 2009, eqs. 13–18), with pgmm's scaling:
// A1 = N·(Σ Z_i′HZ_i)⁻¹, A2 = (Σ Z_i′û_iû_i′Z_i)⁻¹ from one-step residuals, β = (X′Z A Z′X)⁻¹ X′Z A Z′y.
import { Matrix } from 'ml-matrix';
import type { Checkpoint } from '../../cancel.js';
import type { GmmDesign } from './design.js';
import { firstStepMatrix } from './firstStepMatrix.js';
import { crossProduct, invertRegular, invertWeight, perUnit, scaleUnits, withinUnits } from './linearAlgebra.js';
import type { ResolvedGmmSpec } from './spec.js';

export interface GmmStep {
  coefficients: Matrix;
  /** Stacked like y; zero in unused rows. */
  residuals: Matrix;
  /** (X′Z A Z′X)⁻¹: the non-robust covariance of this step. */
  bread: Matrix;
  /** The weighting matrix A of this step. */
  weight: Matrix;
}

export interface GmmEstimate {
  oneStep: GmmStep;
  /** Present for two-step models (and when a one-step model's Hansen test asks for it). */
  twoSteps?: GmmStep;
  /** The reported step. */
  model: GmmStep;
  /** A2 = (Σ Z_i′û_iû_i′Z_i)⁻¹ from one-step residuals, computed for one-step models too (Hansen test, robust SEs). */
  secondStepWeight: Matrix;
  /** Z′X = Σ Z_i′X_i. */
  zx: Matrix;
  /** Robust covariance of the reported step: Arellano–Bond one-step, or Windmeijer-corrected two-step. */
  robustVcov: Matrix;
  notes: string[];
}

function step(design: GmmDesign, zx: Matrix, zy: Matrix, weight: Matrix, what: string): GmmStep {
  const xzA = zx.transpose().mmul(weight);
  const bread = invertRegular(xzA.mmul(zx), `${what} (X′Z A Z′X; are the regressors collinear or under-identified?)`);
  const coefficients = bread.mmul(xzA).mmul(zy);
  return { coefficients, residuals: Matrix.sub(design.y, design.X.mmul(coefficients)), bread, weight };
}

/**
 * Windmeijer's (2005, eq. 3.3) finite-sample correction: V = B2 + D B2 + B2 D′ + D V1 D′, where column k of D is
 * the derivative of the two-step estimate with respect to β_k through the weighting matrix. With
 * g_i = Z_i′û_i (one step) and c = A2 Z′ê (two steps) that derivative is
 * B2 X′Z A2 Σ_i (Z_i′X_i,k g_i′c + g_i c′Z_i′X_i,k).
 */
function windmeijer(design: GmmDesign, zx: Matrix, oneStep: GmmStep, twoSteps: GmmStep, oneStepRobust: Matrix): Matrix {
  const { X, Z, rowsPerUnit } = design;
  const c = twoSteps.weight.mmul(crossProduct(Z, twoSteps.residuals));
  const g = perUnit(Z, oneStep.residuals, rowsPerUnit);
  const gc = g.transpose().mmul(c).to1DArray();
  const derivative = crossProduct(Z, scaleUnits(X, gc, rowsPerUnit)).add(g.mmul(perUnit(X, Z.mmul(c), rowsPerUnit).transpose()));
  const D = twoSteps.bread.mmul(zx.transpose()).mmul(twoSteps.weight).mmul(derivative);
  const DB = D.mmul(twoSteps.bread);
  return Matrix.add(twoSteps.bread, DB).add(DB.transpose()).add(D.mmul(oneStepRobust).mmul(D.transpose()));
}

export function estimate(design: GmmDesign, spec: ResolvedGmmSpec, checkpoint?: Checkpoint): GmmEstimate {
  const { X, Z, y, rowsPerUnit } = design;
  const notes: string[] = [];
  const zx = crossProduct(Z, X, checkpoint);
  const zy = crossProduct(Z, y, checkpoint);

  const first = invertWeight(crossProduct(Z, withinUnits(firstStepMatrix(spec.fsm, design.layout), Z, checkpoint), checkpoint));
  checkpoint?.();
  if (first.generalized) notes.push('the first-step weighting matrix is singular; a generalized inverse is used');
  const oneStep = step(design, zx, zy, Matrix.mul(first.inverse, design.unitCount), 'the one-step estimator');

  // Σ Z_i′û_iû_i′Z_i: the moments' covariance at the one-step residuals, inverted for the second step.
  const g = perUnit(Z, oneStep.residuals, rowsPerUnit);
  checkpoint?.();
  const second = invertWeight(g.mmul(g.transpose()));
  checkpoint?.();
  if (second.generalized) notes.push('the second-step weighting matrix is singular; a generalized inverse is used');

  // pgmm re-inverts A2 here rather than reusing Σ Z′ûû′Z; the two differ only when A2 is a generalized inverse.
  const meat = invertWeight(second.inverse).inverse;
  const xzA1 = zx.transpose().mmul(oneStep.weight);
  const oneStepRobust = oneStep.bread.mmul(xzA1).mmul(meat).mmul(xzA1.transpose()).mmul(oneStep.bread);

  const needTwoSteps = spec.model === 'twosteps' || spec.hansenAfterOneStep === 'twosteps';
  checkpoint?.();
  const twoSteps = needTwoSteps ? step(design, zx, zy, second.inverse, 'the two-step estimator') : undefined;
  const common = { oneStep, twoSteps, secondStepWeight: second.inverse, zx, notes };
  if (spec.model === 'onestep' || !twoSteps) return { ...common, model: oneStep, robustVcov: oneStepRobust };
  checkpoint?.();
  return { ...common, model: twoSteps, robustVcov: windmeijer(design, zx, oneStep, twoSteps, oneStepRobust) };
}
