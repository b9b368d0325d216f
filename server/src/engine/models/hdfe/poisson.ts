// Poisson pseudo-maximum likelihood with high-dimensional fixed effects (fixest::fepois, ppmlhdfe): IRLS in
// which every weighted least-squares step partials the fixed effects out of the working outcome and the
// regressors, warm-started from the previous step's FE coefficients.
import gammaln from '@stdlib/math-base-special-gammaln';
import type { ModelResult } from '../../../results/modelResult.js';
import type { Checkpoint } from '../../cancel.js';
import { FixedEffectsDemeaner, type DemeanOptions } from './demean.js';
import { modelFixedEffectParameters } from './dof.js';
import { EstimationError } from './errors.js';
import type { HdfeFrame } from './frame.js';
import { residuals, solveNormalEquations } from './leastSquares.js';
import { OLS_DEFAULTS, type HdfeFitOptions } from './ols.js';
import { partialRegressors, prepareData, type EstimationData } from './prepare.js';
import type { SampleRules } from './sample.js';
import { DENSE_RELU_COLUMNS, reluSeparation, RELU_DEFAULTS } from './separation.js';
import { summarizeFit, type HdfeFit, type InferenceOptions } from './summary.js';
import { countFit } from '../fitStatistics.js';
import { fixedEffectValues, labelledFactors, sumOfFixedEffects, withNote } from '../fixedEffectValues.js';

export interface PoissonFitOptions extends HdfeFitOptions {
  /** IRLS stops when |Δdeviance| / (0.1 + deviance) < glmTol (fixest's glm.tol); default 1e-8. */
  glmTol?: number;
  /** IRLS iterations allowed (fixest's glm.iter); default 25. A fit that reaches it is kept with a note. */
  glmMaxIter?: number;
  /** Remove fixed-effect groups whose outcome is all zero, repeatedly (ppmlhdfe's `fe`, fixest's default); default true. */
  dropAllZeroGroups?: boolean;
  /** Remove observations separated by the regressors and fixed effects (ppmlhdfe's `relu`); default true. */
  dropReluSeparated?: boolean;
  /** 0-based data rows of the frame's rows, to name the separated observations in the notes (1-based). */
  rowNumbers?: Int32Array | null;
}

export const POISSON_DEFAULTS: Required<PoissonFitOptions> = {
  ...OLS_DEFAULTS,
  glmTol: 1e-8,
  glmMaxIter: 25,
  dropAllZeroGroups: true,
  dropReluSeparated: true,
  rowNumbers: null,
};

/** Estimates and summarises in one call: `summarizeFit(fitFepois(frame, options), options)`. */
/** Why Poisson runs conjugate gradients under `auto`, for the model's note. */
const POISSON_CG_REASON = 'as `solver: auto` chooses for Poisson with two or more fixed effects: each IRLS step partials the working outcome and every regressor out again under new weights, which conjugate gradients do in far fewer passes over the data';

export function fepois(frame: HdfeFrame, options: PoissonFitOptions & InferenceOptions = {}): ModelResult {
  const fit = fitFepois(frame, options);
  options.checkpoint?.();
  return summarizeFit(fit, options);
}

export function fitFepois(frame: HdfeFrame, options: PoissonFitOptions = {}): HdfeFit {
  const opts = { ...POISSON_DEFAULTS, ...options };
  const dependent = frame.yName ?? 'y';
  checkCounts(frame.y, dependent);
  const rules = { singletons: opts.dropSingletons, allZeroGroups: opts.dropAllZeroGroups };
  const data = prepareData(frame, rules);
  return irls(opts.dropReluSeparated ? withoutSeparated(frame, data, rules, opts) : data, dependent, opts, frame);
}

/**
 * The estimation data without the observations the ReLU check finds separated; the sample rules are applied
 * again after each removal (it can leave a fixed-effect group all zero or a singleton), and the check repeated.
 */
function withoutSeparated(frame: HdfeFrame, data: EstimationData, rules: SampleRules, opts: Required<PoissonFitOptions>): EstimationData {
  const removed: number[] = [];
  const keep = new Uint8Array(frame.y.length).fill(1);
  // Each round removes rows, so the loop ends.
  for (;;) {
    const fe = data.fixedEffects.map((f) => f.factor);
    const relu = reluSeparation(data.y, data.X, fe, { ...RELU_DEFAULTS, checkpoint: opts.checkpoint });
    if (!relu.converged) {
      data.notes.push(`The separation check by regressors and fixed effects (ReLU) was not completed (${relu.iterations === 0 ? `more than ${DENSE_RELU_COLUMNS} regressors and fixed-effect levels` : `no certificate in ${relu.iterations} iterations`}): no observation was removed by it, so a coefficient may still run off to infinity.`);
    }
    if (relu.separated.length === 0) break;
    for (const k of relu.separated) {
      keep[data.rows[k]] = 0;
      removed.push(data.rows[k]);
    }
    data = prepareData(frame, rules, keep);
  }
  if (removed.length > 0) {
    const names = removed.sort((a, b) => a - b).map((r) => (opts.rowNumbers ? opts.rowNumbers[r] : r) + 1);
    const shown = names.length > 20 ? `${names.slice(0, 20).join(', ')} … (${names.length - 20} more)` : names.join(', ');
    data.notes.push(`${removed.length} observation${removed.length === 1 ? '' : 's'} with a zero outcome removed as separated by the regressors and fixed effects (ppmlhdfe's ReLU check; their coefficients would run to infinity): data rows ${shown}.`);
  }
  return data;
}

function checkCounts(y: Float64Array, dependent: string): void {
  let positive = false;
  for (let i = 0; i < y.length; i++) {
    if (y[i] < 0) throw new EstimationError(`Poisson regression needs a non-negative outcome; "${dependent}" is ${y[i]} at row ${i}.`);
    if (y[i] > 0) positive = true;
  }
  if (!positive) throw new EstimationError(`"${dependent}" is zero everywhere: a Poisson model cannot be estimated.`);
}

function irls(data: EstimationData, dependent: string, opts: Required<PoissonFitOptions>, frame: HdfeFrame): HdfeFit {
  const { y, w: prior } = data;
  const notes = [...data.notes];
  const n = y.length;
  const fe = data.fixedEffects.map((f) => f.factor);
  const demeanOptions = { tol: opts.fixefTol, maxIter: opts.fixefMaxIter, collinearityTol: opts.collinearityTol, checkpoint: opts.checkpoint };
  const yMean = weightedMean(y, prior);
  const mu = Float64Array.from(y, (v) => (v + yMean) / 2);
  const eta = mu.map(Math.log);
  const z = new Float64Array(n);
  const w = new Float64Array(n);
  let deviance = Infinity;
  let warmZ: Float64Array | undefined;
  let kept: number[] | null = null;
  let warmX: Float64Array[] = [];
  let beta = new Float64Array(0);
  // Under `auto` IRLS runs conjugate gradients from the start: every step partials the working outcome and each
  // regressor out again under new weights, where projections need many sweeps even on a well-connected graph
  // (gravity panel, three FE: 1.5 s of CPU by projections, 0.24 s by CG; docs/models/hdfe.md "Solvers").
  let solver = opts.solver === 'auto' && fe.length >= 2 ? 'cg' : opts.solver;
  const reason = opts.solver === 'auto' ? POISSON_CG_REASON : undefined;
  for (let iteration = 1; ; iteration++) {
    opts.checkpoint();
    for (let i = 0; i < n; i++) {
      w[i] = (prior ? prior[i] : 1) * mu[i];
      z[i] = eta[i] + (y[i] - mu[i]) / mu[i];
    }
    const demeaner = new FixedEffectsDemeaner(fe, w, solver, reason);
    const zd = demeaner.demean(z, demeanOptions, warmZ, 'the working outcome');
    warmZ = zd.alpha;
    if (iteration === 1) {
      solver = demeaner.solver;
      const note = demeaner.note();
      if (note) notes.push(note);
    }
    let Xd: Float64Array[];
    if (kept === null) {
      const rx = partialRegressors(data.X, w, demeaner, demeanOptions, notes);
      kept = rx.kept;
      Xd = rx.Xd;
      warmX = rx.alpha;
    } else {
      ({ Xd, warm: warmX } = partialWarm(demeaner, kept.map((k) => data.X[k].values), warmX, demeanOptions));
    }
    beta = solveNormalEquations(Xd, zd.resid, w).beta;
    const e = residuals(zd.resid, Xd, beta);
    // The new linear predictor is z minus the working residual; halve the step while the deviance is not finite or rises.
    const etaOld = Float64Array.from(eta);
    for (let i = 0; i < n; i++) eta[i] = z[i] - e[i];
    let newDeviance = poissonDeviance(y, eta, prior);
    // As fixest: no halving once the change is within glm.tol, and no stop right after a halving (the estimate
    // must come from a full weighted least-squares step).
    const settled = (d: number) => Number.isFinite(d) && Math.abs(d - deviance) / (0.1 + Math.abs(d)) < opts.glmTol;
    let halvings = 0;
    for (; !settled(newDeviance) && !(newDeviance <= deviance) && halvings < 30; halvings++) {
      for (let i = 0; i < n; i++) eta[i] = (eta[i] + etaOld[i]) / 2;
      newDeviance = poissonDeviance(y, eta, prior);
    }
    if (!Number.isFinite(newDeviance)) throw new EstimationError('The Poisson fit diverged (the deviance is not finite); check the regressors for extreme values or separation.');
    for (let i = 0; i < n; i++) mu[i] = Math.exp(eta[i]);
    const change = halvings > 0 ? Infinity : Math.abs(newDeviance - deviance) / (0.1 + Math.abs(newDeviance));
    deviance = newDeviance;
    // As fixest, a fit that reaches the iteration cap is kept, and said to be unconverged.
    if (iteration >= opts.glmMaxIter && !(change < opts.glmTol)) {
      notes.push(`The IRLS iterations did not converge in ${opts.glmMaxIter} iterations (relative deviance change ${change.toExponential(2)} against a tolerance of ${opts.glmTol}): the estimates are those of the last iteration; allow more iterations.`);
    }
    if (change < opts.glmTol || iteration >= opts.glmMaxIter) return summaryInputs(data, dependent, frame, kept, beta, mu, eta, deviance, iteration, Xd, w, notes, opts.fixef, opts.checkpoint);
  }
}

/**
 * The sandwich pieces from the last IRLS step (as glm and fixest): regressors partialled with its weights w,
 * scores (y − μ) x̃ at the estimate.
 */
function summaryInputs(
  data: EstimationData,
  dependent: string,
  frame: HdfeFrame,
  kept: number[],
  beta: Float64Array,
  mu: Float64Array,
  eta: Float64Array,
  deviance: number,
  iterations: number,
  Xd: Float64Array[],
  w: Float64Array,
  notes: string[],
  fixef: boolean,
  checkpoint: Checkpoint,
): HdfeFit {
  const { y, w: prior } = data;
  const n = y.length;
  const fe = data.fixedEffects.map((f) => f.factor);
  const { bread } = solveNormalEquations(Xd, y, w);
  const scores = Xd.map((x) => Float64Array.from(x, (v, i) => (prior ? prior[i] : 1) * (y[i] - mu[i]) * v));
  const yMean = weightedMean(y, prior);
  let loglik = 0;
  let llNull = 0;
  for (let i = 0; i < n; i++) {
    const pw = prior ? prior[i] : 1;
    const lf = gammaln(y[i] + 1);
    loglik += pw * (y[i] * eta[i] - mu[i] - lf);
    llNull += pw * (y[i] * Math.log(yMean) - yMean - lf);
  }
  const parameters = kept.length + modelFixedEffectParameters(fe, 'fixest');
  return {
    estimator: 'fepois',
    dependent,
    statistic: 'z',
    terms: kept.map((k) => data.X[k].name),
    beta,
    rows: data.rows,
    fixedEffects: data.fixedEffects,
    scores: { n, bread, scores, iidScale: 1, fe },
    fit: { n, n_original: data.nOriginal, parameters, deviance, null_deviance: poissonDeviance(y, new Float64Array(n).fill(Math.log(yMean)), prior), ...countFit(y, mu, loglik, llNull, parameters), iterations },
    notes,
    cluster: frame.cluster,
    ...(fixef && fe.length > 0 ? { fixef: withNote(fixedEffectValues(sumOfFixedEffects(eta, kept.map((k) => data.X[k].values), beta), labelledFactors(frame.fe, fe, data.rows), checkpoint), notes) } : {}),
  };
}

function partialWarm(demeaner: FixedEffectsDemeaner, X: Float64Array[], warm: Float64Array[], options: DemeanOptions) {
  const parts = X.map((x, k) => demeaner.demean(x, options, warm[k], 'a regressor'));
  return { Xd: parts.map((p) => p.resid), warm: parts.map((p) => p.alpha) };
}

/** 2 Σ w [y log(y/μ) − (y − μ)], with μ = exp(η). */
export function poissonDeviance(y: Float64Array, eta: Float64Array, prior: Float64Array | null): number {
  let d = 0;
  for (let i = 0; i < y.length; i++) {
    const mu = Math.exp(eta[i]);
    const term = y[i] > 0 ? y[i] * (Math.log(y[i]) - eta[i]) - (y[i] - mu) : mu;
    d += (prior ? prior[i] : 1) * term;
  }
  return 2 * d;
}

function weightedMean(y: Float64Array, w: Float64Array | null): number {
  let s = 0;
  let sw = 0;
  for (let i = 0; i < y.length; i++) {
    const wi = w ? w[i] : 1;
    s += wi * y[i];
    sw += wi;
  }
  return s / sw;
}
