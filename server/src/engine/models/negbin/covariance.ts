// The covariance conventions for NB2 coefficients and θ. MASS's glm.nb (the default) inverts the expected
// information of β with θ held fixed (dispersion 1) and takes θ's SE from theta.ml. statsmodels' discrete NB2
// (and fixest's fenegbin) invert the observed information of (β, α) jointly, α = 1/θ; fenegbin then
// scales by (n − 1)/(n − K). The HC0 sandwiches hold θ fixed: R's sandwich::vcovHC(type = "HC0") on the glm.nb
// fit has glm.nb's expected-information bread, statsmodels' GLM-NB (cov_type = "HC0") the observed one.
import { inverse, Matrix } from 'ml-matrix';
import type { Nb2Likelihood } from './likelihood.js';

export type NegbinVcov = 'glm.nb' | 'statsmodels' | 'fixest' | 'HC0' | 'statsmodels-HC0';

export interface NegbinCovariance {
  /** Over the estimated (non-aliased) columns. */
  beta: number[][];
  seTheta: number;
  seAlpha: number;
}

export interface NegbinFitState {
  /** Non-aliased columns of the design, fixed-effect dummies included. */
  X: Float64Array[];
  mu: Float64Array;
  theta: number;
  /** glm.nb's (X'WX)⁻¹ from the last IRLS solve. */
  unscaledCovariance: number[][];
  /** theta.ml's SE of θ. */
  thetaMlSe: number;
  likelihood: Nb2Likelihood;
}

export function negbinCovariance(fit: NegbinFitState, type: NegbinVcov): NegbinCovariance {
  const { theta } = fit;
  const fromTheta = (beta: number[][], seTheta: number) => ({ beta, seTheta, seAlpha: seTheta / theta ** 2 });
  switch (type) {
    case 'glm.nb':
      return fromTheta(fit.unscaledCovariance, fit.thetaMlSe);
    case 'HC0':
      return fromTheta(sandwichHC0(fit, new Matrix(fit.unscaledCovariance)), fit.thetaMlSe);
    case 'statsmodels-HC0': {
      const p = fit.X.length;
      return fromTheta(sandwichHC0(fit, inverse(observedInformation(fit).subMatrix(0, p - 1, 0, p - 1))), fit.thetaMlSe);
    }
    case 'statsmodels':
    case 'fixest': {
      const joint = inverse(observedInformation(fit)).to2DArray();
      const p = fit.X.length;
      const n = fit.mu.length;
      const scale = type === 'fixest' ? (n - 1) / (n - p) : 1;
      const beta = joint.slice(0, p).map((row) => row.slice(0, p).map((v) => v * scale));
      const seAlpha = Math.sqrt(joint[p][p] * scale);
      return { beta, seAlpha, seTheta: seAlpha * theta ** 2 };
    }
  }
}

/** −∂²ℓ over (β, α), α = 1/θ, at the estimates. */
function observedInformation({ X, mu, theta, likelihood }: NegbinFitState): Matrix {
  const p = X.length;
  const y = likelihood.y;
  const info = Matrix.zeros(p + 1, p + 1);
  // Per observation, with η = log μ: −∂²ℓ/∂η² = θμ(θ+y)/(θ+μ)², ∂²ℓ/∂η∂θ = μ(y−μ)/(θ+μ)², and dθ/dα = −θ².
  for (let i = 0; i < y.length; i++) {
    const d = (theta + mu[i]) ** 2;
    const etaEta = (theta * mu[i] * (theta + y[i])) / d;
    const etaAlpha = ((mu[i] * (y[i] - mu[i])) / d) * theta ** 2;
    for (let a = 0; a < p; a++) {
      info.set(a, p, info.get(a, p) + X[a][i] * etaAlpha);
      for (let b = a; b < p; b++) info.set(a, b, info.get(a, b) + X[a][i] * X[b][i] * etaEta);
    }
  }
  // −∂²ℓ/∂α² = −∂²ℓ/∂θ²·θ⁴ − ∂ℓ/∂θ·2θ³ (the second term vanishes at the exact maximum).
  info.set(p, p, likelihood.thetaInformation(theta, mu) * theta ** 4 - likelihood.thetaScore(theta, mu) * 2 * theta ** 3);
  for (let a = 0; a <= p; a++) for (let b = 0; b < a; b++) info.set(a, b, info.get(b, a));
  return info;
}

/** The bread around the sum of outer products of the scores ∂ℓᵢ/∂β = (y − μ)/(1 + μ/θ)·x. */
function sandwichHC0({ X, mu, theta, likelihood }: NegbinFitState, bread: Matrix): number[][] {
  const p = X.length;
  const meat = Matrix.zeros(p, p);
  likelihood.y.forEach((y, i) => {
    const score = (y - mu[i]) / (1 + mu[i] / theta);
    for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) meat.set(a, b, meat.get(a, b) + score * score * X[a][i] * X[b][i]);
  });
  return bread.mmul(meat).mmul(bread).to2DArray();
}
