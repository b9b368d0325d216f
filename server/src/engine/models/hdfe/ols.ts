// OLS with high-dimensional fixed effects (fixest::feols, reghdfe): partial the fixed effects out of the
// outcome and the regressors (Frisch–Waugh–Lovell), then least squares on the residuals.
import { NEVER_CANCELLED, type Checkpoint } from '../../cancel.js';
import type { ModelResult } from '../../../results/modelResult.js';
import { FixedEffectsDemeaner, type FixedEffectsSolver } from './demean.js';
import { isInterceptColumn } from '../describe/frame.js';
import { modelFixedEffectParameters } from './dof.js';
import { EstimationError } from './errors.js';
import type { HdfeFrame } from './frame.js';
import { residuals, solveNormalEquations, weightedDot } from './leastSquares.js';
import { centredSumOfSquares, partialRegressors, prepareData } from './prepare.js';
import { summarizeFit, type HdfeFit, type InferenceOptions } from './summary.js';
import { gaussianFit } from '../fitStatistics.js';
import { fixedEffectValues, labelledFactors, sumOfFixedEffects, withNote } from '../fixedEffectValues.js';

export interface HdfeFitOptions {
  /** Convergence tolerance of the FE partialling (fixest's fixef.tol); default 1e-6. */
  fixefTol?: number;
  /** Sweeps allowed in the FE partialling (fixest's fixef.iter); default 10000. */
  fixefMaxIter?: number;
  /** Remove singleton observations, repeatedly (fixest ≥ 0.13 and reghdfe); default true. */
  dropSingletons?: boolean;
  /** Relative tolerance below which a regressor counts as collinear (fixest's collin.tol); default 1e-10. */
  collinearityTol?: number;
  /** Throws when the run is cancelled; called every demeaning sweep and IRLS step. */
  checkpoint?: Checkpoint;
  /** Report every fixed-effect level's value (fixest's fixef()); default false. */
  fixef?: boolean;
  /** How the fixed effects are partialled out (docs/models/hdfe.md); default 'auto'. */
  solver?: FixedEffectsSolver;
}

export const OLS_DEFAULTS: Required<HdfeFitOptions> = { fixefTol: 1e-6, fixefMaxIter: 10000, dropSingletons: true, collinearityTol: 1e-10, checkpoint: NEVER_CANCELLED, fixef: false, solver: 'auto' };

/** Estimates and summarises in one call: `summarizeFit(fitFeols(frame, options), options)`. */
export function feols(frame: HdfeFrame, options: HdfeFitOptions & InferenceOptions = {}): ModelResult {
  const fit = fitFeols(frame, options);
  options.checkpoint?.();
  return summarizeFit(fit, options);
}

export function fitFeols(frame: HdfeFrame, options: HdfeFitOptions = {}): HdfeFit {
  const opts = { ...OLS_DEFAULTS, ...options };
  const data = prepareData(frame, { singletons: opts.dropSingletons, allZeroGroups: false });
  const { y, w, notes } = data;
  const n = y.length;
  const fe = data.fixedEffects.map((f) => f.factor);
  const demeaner = new FixedEffectsDemeaner(fe, w, opts.solver);
  const demeanOptions = { tol: opts.fixefTol, maxIter: opts.fixefMaxIter, collinearityTol: opts.collinearityTol, checkpoint: opts.checkpoint };
  const dependent = frame.yName ?? 'y';
  const yd = demeaner.demean(y, demeanOptions, undefined, `"${dependent}"`);
  const hasFixedEffects = fe.length > 0;
  // As lm: a model with neither fixed effects nor an intercept measures R² against 0, not the mean.
  const centred = hasFixedEffects || data.X.some(isInterceptColumn);
  const tss = centred ? centredSumOfSquares(y, w) : weightedDot(y, y, w);
  const ssrFeOnly = weightedDot(yd.resid, yd.resid, w);
  if (hasFixedEffects && !(ssrFeOnly > 1e-12 * tss)) {
    throw new EstimationError(`"${dependent}" has no variation within the fixed-effect groups: the fixed effects explain it entirely.`);
  }
  const rx = partialRegressors(data.X, w, demeaner, demeanOptions, notes);
  const solverNote = demeaner.note();
  if (solverNote) notes.push(solverNote);
  const { beta, bread } = solveNormalEquations(rx.Xd, yd.resid, w, rx.gram);
  const e = residuals(yd.resid, rx.Xd, beta);
  const ssr = weightedDot(e, e, w);
  const p = rx.kept.length;
  const feParams = modelFixedEffectParameters(fe, 'fixest');
  const scores = rx.Xd.map((x) => {
    const s = new Float64Array(n);
    for (let i = 0; i < n; i++) s[i] = (w ? w[i] : 1) * e[i] * x[i];
    return s;
  });
  return {
    estimator: 'feols',
    dependent,
    statistic: 't',
    terms: rx.kept.map((k) => data.X[k].name),
    beta,
    rows: data.rows,
    fixedEffects: data.fixedEffects,
    scores: { n, bread, scores, iidScale: ssr / (n - 1), fe },
    fit: {
      n,
      n_original: data.nOriginal,
      r2: 1 - ssr / tss,
      adj_r2: 1 - (ssr / tss) * ((n - (centred ? 1 : 0)) / (n - p - feParams)),
      ...(hasFixedEffects
        ? {
            within_r2: 1 - ssr / ssrFeOnly,
            within_adj_r2: 1 - (ssr / ssrFeOnly) * ((n - feParams) / (n - feParams - p)),
          }
        : {}),
      ...gaussianFit(ssr, n, p + feParams),
      ssr,
      tss,
      ...(hasFixedEffects ? { ssr_fe_only: ssrFeOnly } : {}),
      parameters: p + feParams,
      iterations: Math.max(yd.iterations, rx.iterations),
    },
    notes,
    cluster: frame.cluster,
    ...(opts.fixef && hasFixedEffects ? { fixef: withNote(fixedEffectValues(sumOfFixedEffects(y, rx.kept.map((k) => data.X[k].values), beta, e), labelledFactors(frame.fe, fe, data.rows), opts.checkpoint), notes) } : {}),
  };
}
