// NB2 regression by maximum likelihood exactly as MASS::glm.nb: a Poisson fit, then alternation of IRLS for β
// with θ fixed and theta.ml for θ with μ fixed, until |ΔlogLik|/√(2·df) + |Δθ| ≤ ε. Fixed effects enter as
// dummy columns and are reported as level counts, not coefficients.
import type { Checkpoint } from '../../cancel.js';
import { checkFrame, ConvergenceError, isInterceptColumn } from '../describe/frame.js';
import type { ModelFrame } from '../frame.js';
import { coefficientTable } from '../coefficientTable.js';
import type { ModelResult } from '../../../results/modelResult.js';
import { negbinCovariance, type NegbinVcov } from './covariance.js';
import { fixedEffectDummies } from './dummies.js';
import { deviance, fitLogLinkGlm, type IrlsControl } from './irls.js';
import { Nb2Likelihood } from './likelihood.js';
import { thetaMl } from './thetaMl.js';
import { countFit } from '../fitStatistics.js';
import { fixedEffectValues, labelledFactors, sumOfFixedEffects } from '../fixedEffectValues.js';
import { denseCodes } from '../hdfe/factors.js';

export interface NegbinOptions {
  /** Covariance convention (default `glm.nb`: expected information, dispersion 1). */
  vcov?: NegbinVcov;
  /** Confidence level of the Wald intervals (default 0.95). */
  level?: number;
  /** glm.control's limits, also used for theta.ml and the alternation (defaults 25 and 1e-8). */
  maxit?: number;
  epsilon?: number;
  /** Throws when the run is cancelled; called every IRLS step, θ step and alternation. */
  checkpoint?: Checkpoint;
  /** Report every fixed-effect level's value, normalised as fixest's fixef() (default false). */
  fixef?: boolean;
}

const VCOV_NOTES: Record<NegbinVcov, string> = {
  'glm.nb': 'SEs as MASS::glm.nb: expected information with θ fixed, dispersion 1; SE(θ) from theta.ml',
  statsmodels: "SEs as statsmodels' discrete NB2 (= fixest::fenegbin without K adjustment): observed information of (β, α) jointly",
  fixest: 'SEs as fixest::fenegbin, vcov = "iid": observed information of (β, α) jointly, times (n − 1)/(n − K)',
  HC0: 'SEs as sandwich::vcovHC(type = "HC0") on the glm.nb fit, θ held fixed',
  'statsmodels-HC0': 'SEs as statsmodels GLM-NB with cov_type = "HC0": observed-information bread, θ held fixed',
};

export function negativeBinomial(frame: ModelFrame, options: NegbinOptions = {}): ModelResult {
  const { vcov = 'glm.nb', level = 0.95, maxit = 25, epsilon = 1e-8, checkpoint } = options;
  checkFrame(frame);
  const control: IrlsControl = { maxit, epsilon, checkpoint };
  const { y } = frame;
  const n = y.length;
  const likelihood = new Nb2Likelihood(y);
  const hasIntercept = frame.X.some(isInterceptColumn);
  const dummies = fixedEffectDummies(frame.fe ?? [], hasIntercept);
  const design = [...frame.X, ...dummies.columns];
  const columns = design.map((c) => c.values);

  let fit = fitLogLinkGlm(columns, y, Infinity, control);
  let mu = fit.mu;
  let thetaOfFit = Infinity;
  let estimate = thetaMl(likelihood, mu, maxit, checkpoint);
  const d1 = Math.sqrt(2 * Math.max(1, n - fit.solve.rank));
  let thetaChange = 1;
  let logLik = likelihood.logLikelihood(estimate.theta, mu);
  let previousLogLik = logLik + 2 * d1;
  let alternations = 0;
  while (Math.abs(previousLogLik - logLik) / d1 + Math.abs(thetaChange) > epsilon) {
    if (++alternations > maxit) throw new ConvergenceError(`θ and β did not converge in ${maxit} alternations (θ = ${estimate.theta})`);
    fit = fitLogLinkGlm(columns, y, estimate.theta, control, mu.map(Math.log));
    thetaOfFit = estimate.theta;
    // As glm.nb: θ is re-estimated at the means the IRLS started from, then the means are updated.
    estimate = thetaMl(likelihood, mu, maxit, checkpoint);
    mu = fit.mu;
    thetaChange = thetaOfFit - estimate.theta;
    previousLogLik = logLik;
    logLik = likelihood.logLikelihood(estimate.theta, mu);
  }

  const { solve } = fit;
  const kept = design.map((_, j) => j).filter((j) => !solve.aliased[j]);
  const covariance = negbinCovariance(
    { X: kept.map((j) => columns[j]), mu, theta: estimate.theta, unscaledCovariance: solve.unscaledCovariance, thetaMlSe: estimate.se, likelihood },
    vcov,
  );
  // Report the frame's own regressors; fixed-effect dummies come last in the design, so they are the tail.
  const reported = kept.map((j, k) => ({ j, k })).filter(({ j }) => j < frame.X.length);
  const vcovReported = reported.map((a) => reported.map((b) => covariance.beta[a.k][b.k]));
  // As glm: the null model is the intercept (which fixed effects include) or, without one, η = 0.
  const nullMean = hasIntercept || dummies.summaries.length > 0 ? y.reduce((s, v) => s + v, 0) / n : 1;
  const llNull = nullLogLikelihood(likelihood, maxit, checkpoint);
  const fixef = options.fixef && frame.fe?.length ? negbinFixef(frame, mu, reported.map(({ j }) => ({ x: columns[j], beta: solve.coefficients[j] })), checkpoint) : undefined;
  const dropped = frame.X.filter((_, j) => solve.aliased[j]).map((c) => c.name);
  const droppedDummies = dummies.columns.filter((_, j) => solve.aliased[frame.X.length + j]).length;
  return {
    estimator: 'negbin',
    dependent: frame.yName ?? 'y',
    statistic: 'z',
    coefficients: coefficientTable(reported.map(({ j }) => design[j].name), reported.map(({ j }) => solve.coefficients[j]), vcovReported, Infinity, level),
    vcov: vcovReported,
    vcovType: { type: vcov.endsWith('HC0') ? 'hetero' : 'iid', convention: VCOV_NOTES[vcov] },
    fit: {
      n,
      // K: the coefficients (FE dummies included) and θ, as fixest's fenegbin and glm.nb's AIC count them.
      ...countFit(y, mu, logLik, llNull, solve.rank + 1),
      deviance: fit.deviance,
      null_deviance: deviance(y, new Float64Array(n).fill(nullMean), thetaOfFit),
      theta: estimate.theta,
      se_theta: covariance.seTheta,
      alpha: 1 / estimate.theta,
      se_alpha: covariance.seAlpha,
      rank: solve.rank,
      df_residual: n - solve.rank,
      iterations: fit.iterations,
      alternations,
    },
    ...(dummies.summaries.length ? { fixedEffects: dummies.summaries } : {}),
    ...(fixef ? { fixef: fixef.effects } : {}),
    notes: [
      'NB2 (Var y = μ + μ²/θ, α = 1/θ) by maximum likelihood as MASS::glm.nb; Wald z intervals',
      VCOV_NOTES[vcov],
      ...(likelihood.fractional ? [`${likelihood.fractional} of ${n} outcomes are not whole numbers: the likelihood is evaluated at non-integer y through lgamma, digamma and trigamma, as MASS::glm.nb and fixest::fenegbin do (a quasi-likelihood for fractional counts)`] : []),
      ...(dropped.length ? [`dropped as collinear: ${dropped.join(', ')}`] : []),
      ...(droppedDummies ? [`${droppedDummies} fixed-effect dummies dropped as collinear`] : []),
      ...(fixef?.note ? [fixef.note] : []),
      ...(llNull === undefined ? ['No pseudo R²: the intercept-only NB2 model has no finite θ (the outcome is not overdispersed around its mean).'] : []),
    ],
  };
}

/**
 * The log-likelihood of the intercept-only NB2 model, fixest's null model for pseudo R²: μ = ȳ (its maximum
 * likelihood estimate whatever θ) and θ at its maximum given that μ; undefined when that θ does not exist.
 */
function nullLogLikelihood(likelihood: Nb2Likelihood, maxit: number, checkpoint?: Checkpoint): number | undefined {
  const y = likelihood.y;
  const mu = new Float64Array(y.length).fill(y.reduce((s, v) => s + v, 0) / y.length);
  try {
    return likelihood.logLikelihood(thetaMl(likelihood, mu, maxit, checkpoint).theta, mu);
  } catch (err) {
    if (err instanceof ConvergenceError) return undefined;
    throw err;
  }
}

/** The dummies' coefficients recast in fixest's normalisation: from η − Xβ, the frame's own regressors. */
function negbinFixef(frame: ModelFrame, mu: Float64Array, regressors: { x: Float64Array; beta: number }[], checkpoint?: Checkpoint): ReturnType<typeof fixedEffectValues> {
  const fe = frame.fe ?? [];
  const eta = mu.map(Math.log);
  const sumFE = sumOfFixedEffects(eta, regressors.map((r) => r.x), regressors.map((r) => r.beta));
  return fixedEffectValues(sumFE, labelledFactors(fe, fe.map((f) => denseCodes(f.codes)), null), checkpoint);
}
