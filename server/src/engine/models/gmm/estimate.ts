// One- and two-step linear GMM on the stacked system (Roodman 2009, eqs. 13–18), with pgmm's scaling:
// A1 = N·(Σ Z_i′HZ_i)⁻¹, A2 = (Σ Z_i′û_iû_i′Z_i)⁻¹ from one-step residuals, β = (X′Z A Z′X)⁻¹ X′Z A Z′y.
import { Matrix } from 'ml-matrix';
import type { GmmDesign, UnitDesign } from './design.ts';
import { firstStepMatrix } from './firstStepMatrix.ts';
import { invertRegular, invertWeight, sumOf } from './linearAlgebra.ts';
import type { ResolvedGmmSpec } from './spec.ts';

export interface GmmStep {
  coefficients: Matrix;
  residuals: Matrix[];
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
  /** Σ Z_i′X_i. */
  zx: Matrix;
  /** Robust covariance of the reported step: Arellano–Bond one-step, or Windmeijer-corrected two-step. */
  robustVcov: Matrix;
  notes: string[];
}

function residualsOf(units: UnitDesign[], coefficients: Matrix): Matrix[] {
  return units.map((d) => Matrix.sub(d.y, d.X.mmul(coefficients)));
}

function step(units: UnitDesign[], zx: Matrix, zy: Matrix, weight: Matrix, what: string): GmmStep {
  const xzA = zx.transpose().mmul(weight);
  const bread = invertRegular(xzA.mmul(zx), `${what} (X′Z A Z′X; are the regressors collinear or under-identified?)`);
  const coefficients = bread.mmul(xzA).mmul(zy);
  return { coefficients, residuals: residualsOf(units, coefficients), bread, weight };
}

/**
 * Windmeijer's (2005, eq. 3.3) finite-sample correction: V = B2 + D B2 + B2 D′ + D V1 D′, where column k of D is
 * the derivative of the two-step estimate with respect to β_k through the weighting matrix. With
 * F_i = Z_i′X_i, g_i = Z_i′û_i (one step) and c = A2 Σ Z_i′ê_i (two steps) that derivative is
 * B2 X′Z A2 Σ_i (F_i,k g_i′c + g_i F_i,k′c).
 */
function windmeijer(units: UnitDesign[], zx: Matrix, oneStep: GmmStep, twoSteps: GmmStep, oneStepRobust: Matrix): Matrix {
  const c = twoSteps.weight.mmul(sumOf(units.map((d, i) => ({ d, e: twoSteps.residuals[i] })), ({ d, e }) => d.Z.transpose().mmul(e)));
  const derivative = sumOf(units.map((d, i) => ({ d, u: oneStep.residuals[i] })), ({ d, u }) => {
    const f = d.Z.transpose().mmul(d.X);
    const g = d.Z.transpose().mmul(u);
    const gc = g.dot(c);
    return Matrix.mul(f, gc).add(g.mmul(c.transpose().mmul(f)));
  });
  const D = twoSteps.bread.mmul(zx.transpose()).mmul(twoSteps.weight).mmul(derivative);
  const DB = D.mmul(twoSteps.bread);
  return Matrix.add(twoSteps.bread, DB).add(DB.transpose()).add(D.mmul(oneStepRobust).mmul(D.transpose()));
}

export function estimate(design: GmmDesign, spec: ResolvedGmmSpec): GmmEstimate {
  const { units } = design;
  const notes: string[] = [];
  const zx = sumOf(units, (d) => d.Z.transpose().mmul(d.X));
  const zy = sumOf(units, (d) => d.Z.transpose().mmul(d.y));

  const h = firstStepMatrix(spec.fsm, design.layout);
  const first = invertWeight(sumOf(units, (d) => d.Z.transpose().mmul(h).mmul(d.Z)));
  if (first.generalized) notes.push('the first-step weighting matrix is singular; a generalized inverse is used');
  const oneStep = step(units, zx, zy, Matrix.mul(first.inverse, units.length), 'the one-step estimator');

  // Σ Z_i′û_iû_i′Z_i: the moments' covariance at the one-step residuals, inverted for the second step.
  const moments = sumOf(units.map((d, i) => d.Z.transpose().mmul(oneStep.residuals[i])), (g) => g.mmul(g.transpose()));
  const second = invertWeight(moments);
  if (second.generalized) notes.push('the second-step weighting matrix is singular; a generalized inverse is used');

  // pgmm re-inverts A2 here rather than reusing Σ Z′ûû′Z; the two differ only when A2 is a generalized inverse.
  const meat = invertWeight(second.inverse).inverse;
  const xzA1 = zx.transpose().mmul(oneStep.weight);
  const oneStepRobust = oneStep.bread.mmul(xzA1).mmul(meat).mmul(xzA1.transpose()).mmul(oneStep.bread);

  const needTwoSteps = spec.model === 'twosteps' || spec.hansenAfterOneStep === 'twosteps';
  const twoSteps = needTwoSteps ? step(units, zx, zy, second.inverse, 'the two-step estimator') : undefined;
  const common = { oneStep, twoSteps, secondStepWeight: second.inverse, zx, notes };
  if (spec.model === 'onestep' || !twoSteps) return { ...common, model: oneStep, robustVcov: oneStepRobust };
  return { ...common, model: twoSteps, robustVcov: windmeijer(units, zx, oneStep, twoSteps, oneStepRobust) };
}
