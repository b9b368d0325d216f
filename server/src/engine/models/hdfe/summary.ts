// From a fitted HDFE model to the shared ModelResult: the variance chosen at summary time (as fixest's
// `summary(m, vcov = …, ssc = …)`), so one fit serves every standard-error variant.
import type { FixedEffectValues, ModelResult } from '../../../results/modelResult.js';
import { coefficientTable } from '../coefficientTable.js';
import type { DenseFactor } from './factors.js';
import { denseCodes } from './factors.js';
import type { FactorColumn } from '../frame.js';
import { computeVcov, FIXEST_SSC, type ScoreModel, type SmallSample, type VcovKind } from './vcov.js';

export interface HdfeFit {
  estimator: 'feols' | 'fepois';
  dependent: string;
  statistic: 't' | 'z';
  /** Regressors kept (collinear ones are dropped and noted). */
  terms: string[];
  beta: Float64Array;
  /** The estimation sample as row indices of the input frame. */
  rows: Int32Array;
  fixedEffects: { name: string; factor: DenseFactor; removedLevels: number }[];
  scores: ScoreModel;
  /** Fit statistics that do not depend on the variance: n, r2 … or loglik, deviance … */
  fit: Record<string, number>;
  notes: string[];
  /** The frame's clustering factors (over all its rows). */
  cluster?: FactorColumn[];
  /** Every fixed-effect level's value, when asked for. */
  fixef?: FixedEffectValues[];
}

export interface InferenceOptions {
  /** Default: `cluster` when clustering factors are given, else `iid` (fixest ≥ 0.13). */
  vcov?: VcovKind;
  /** Clustering factors over the input frame's rows; default: the frame's `cluster`. */
  cluster?: FactorColumn[];
  /** Small-sample conventions; default fixest's (`FIXEST_SSC`). */
  ssc?: Partial<SmallSample>;
  /** Confidence level of the intervals; default 0.95. */
  level?: number;
}

export function summarizeFit(fit: HdfeFit, options: InferenceOptions = {}): ModelResult {
  const clusterColumns = options.cluster ?? fit.cluster ?? [];
  const kind = options.vcov ?? (clusterColumns.length > 0 ? 'cluster' : 'iid');
  const clusters = kind === 'cluster' ? clusterColumns.map((c) => ({ name: c.name, factor: denseCodes(c.codes, fit.rows, `cluster "${c.name}"`) })) : [];
  const v = computeVcov(fit.scores, kind, clusters, { ...FIXEST_SSC, ...options.ssc });
  const df = fit.statistic === 'z' ? Infinity : v.df;
  const vcov = v.V.to2DArray();
  const coefficients = coefficientTable(fit.terms, fit.beta, vcov, df, options.level ?? 0.95);
  return {
    estimator: fit.estimator,
    dependent: fit.dependent,
    statistic: fit.statistic,
    coefficients,
    vcov,
    vcovType: v.summary,
    fit: { ...fit.fit, df_K: v.K, ...(Number.isFinite(df) ? { df_t: df } : {}) },
    fixedEffects: fit.fixedEffects.map((f) => ({ name: f.name, levels: f.factor.levels, ...(f.removedLevels > 0 ? { removed: f.removedLevels } : {}) })),
    ...(fit.fixef ? { fixef: fit.fixef } : {}),
    notes: fit.notes,
  };
}
