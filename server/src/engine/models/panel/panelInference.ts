// What the within, random-effects and pooling models share once their data are transformed: OLS of y* on X*,
// the covariance (classical σ²(X*'X*)⁻¹, or plm::vcovHC's sandwich), coefficient rows with p-values on
// t(df.residual) as lmtest::coeftest gives them, and summary.plm's R² = cor(y*, ŷ*)² of the transformed
// regression with adjusted R² = 1 − (1 − R²)(n − 1)/df.residual.
import { coefficientTable } from '../coefficientTable.js';
import { ModelInputError } from '../describe/frame.js';
import { squaredCorrelation } from '../fitStatistics.js';
import type { Coefficient, ModelResult, VcovSummary } from '../../../results/modelResult.js';
import type { PanelGroups } from './groups.js';
import { classicalInference, leastSquares, type LeastSquaresFit } from './leastSquares.js';
import { describePanelVcov, panelRobustCovariance, type PanelVcov } from './robustCovariance.js';

export interface PanelModelOptions {
  /** Confidence level of the intervals (default 0.95). */
  level?: number;
  /** A robust covariance (plm::vcovHC); the classical one when left out. */
  vcov?: PanelVcov;
}

export interface PanelInference {
  fit: LeastSquaresFit;
  df: number;
  /** SSR/df: the classical σ², whatever the covariance. */
  sigma2: number;
  coefficients: Coefficient[];
  vcov: number[][];
  vcovType: VcovSummary;
  r2: number;
  adjR2: number;
}

/**
 * `columns` and `y` already transformed, `model` names the model in errors; `dfOf(rank)` is the residual df (n − K, and minus the individuals for
 * within); `classical` names the classical σ²'s convention.
 */
export function panelInference(
  columns: readonly Float64Array[], y: Float64Array, names: readonly string[], dfOf: (rank: number) => number, groups: PanelGroups, options: PanelModelOptions, model: string, classical: string,
): PanelInference {
  const { level = 0.95, vcov: robust } = options;
  const fit = leastSquares(columns, y);
  const df = dfOf(fit.rank);
  if (fit.rank === 0) throw new ModelInputError(`the ${model} model has no regressor${model === 'within' ? ' that varies within individuals' : ''}`);
  if (df <= 0) throw new ModelInputError(`the ${model} model has no residual degrees of freedom (n = ${y.length}, ${groups.count} individuals, ${fit.rank} regressors)`);
  const { sigma2, vcov: classicalVcov, coefficients: classicalRows } = classicalInference(fit, names, df, level);
  let coefficients = classicalRows;
  let vcov = classicalVcov;
  if (robust) {
    const kept = names.map((_, j) => j).filter((j) => !fit.aliased[j]);
    const residuals = y.map((v, i) => v - fit.fitted[i]);
    vcov = panelRobustCovariance(kept.map((j) => columns[j]), fit.unscaledCovariance, residuals, groups, robust);
    coefficients = coefficientTable(kept.map((j) => names[j]), kept.map((j) => fit.coefficients[j]), vcov, df, level);
  }
  // plm's default R² (type "cor"): cor(y, fitted)², 1 − SSR/TSS whenever the transformed design spans a constant.
  const r2 = squaredCorrelation(y, fit.fitted);
  return {
    fit, df, sigma2, coefficients, vcov,
    vcovType: robust
      ? { type: robust.method, convention: `${describePanelVcov(robust, groups.name)}; t on ${df} df (lmtest::coeftest)`, ...(robust.method === 'arellano' ? { clusters: [{ name: groups.name, count: groups.count }] } : {}) }
      : { type: 'iid', convention: classical },
    r2,
    adjR2: 1 - ((1 - r2) * (y.length - 1)) / df,
  };
}

/** A least-squares panel model's result (within, pooling): its inference with plm's fit figures. */
export function panelModelResult(
  estimator: 'within' | 'pooling', dependent: string | undefined, model: PanelInference, groups: PanelGroups, extra: Pick<ModelResult, 'fixedEffects' | 'notes'>,
): ModelResult {
  return {
    estimator,
    dependent: dependent ?? 'y',
    statistic: 't',
    coefficients: model.coefficients,
    vcov: model.vcov,
    vcovType: model.vcovType,
    fit: { n: model.fit.fitted.length, groups: groups.count, ssr: model.fit.ssr, sigma2: model.sigma2, df_residual: model.df, r2: model.r2, adj_r2: model.adjR2 },
    ...extra,
  };
}
