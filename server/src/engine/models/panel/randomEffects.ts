// The random-effects estimator of a one-way individual panel with Swamy–Arora variance components, as
// plm(model = "random") on a balanced panel: σ²_ν from the within residuals, σ²_1 = T·σ² of the between
// regression on individual means, σ²_μ = max(0, (σ²_1 − σ²_ν)/T), θ = 1 − √(σ²_ν/σ²_1); then OLS on
// y − θȳᵢ and X − θX̄ᵢ with σ² = SSR/(n − K). Unbalanced panels use a different formula in plm and are refused.
import { ModelInputError } from '../describe/frame.js';
import type { ModelFrame } from '../frame.js';
import type { ModelResult } from '../../../results/modelResult.js';
import { groupMeans, panelGroups, quasiDemean, type PanelGroups } from './groups.js';
import { leastSquares } from './leastSquares.js';
import { panelInference, type PanelModelOptions } from './panelInference.js';
import { withinEstimator } from './within.js';

export interface VarianceComponents {
  idiosyncratic: number;
  individual: number;
  theta: number;
}

/** `within` is the frame's within fit with the classical covariance: σ²_ν is its σ². */
export function swamyArora(frame: ModelFrame, groups: PanelGroups, within: ModelResult): VarianceComponents {
  const periods = groups.sizes[0];
  if (groups.sizes.some((t) => t !== periods)) throw new ModelInputError(`the panel is unbalanced (${groups.name} has between ${Math.min(...groups.sizes)} and ${Math.max(...groups.sizes)} rows); Swamy–Arora random effects are implemented for balanced panels only`);
  const idiosyncratic = within.fit.sigma2;
  const between = leastSquares(frame.X.map((c) => groupMeans(c.values, groups)), groupMeans(frame.y, groups));
  const df = groups.count - between.rank;
  if (df <= 0) throw new ModelInputError(`too few individuals for random effects: ${groups.count} ${groups.name} for ${between.rank} between-regression coefficients`);
  const total = Math.max(idiosyncratic, (periods * between.ssr) / df);
  return { idiosyncratic, individual: (total - idiosyncratic) / periods, theta: 1 - Math.sqrt(idiosyncratic / total) };
}

/** `within` is the same frame's within fit, when the caller has it already. */
export function randomEffectsEstimator(frame: ModelFrame, options: PanelModelOptions = {}, within = withinEstimator(frame)): ModelResult {
  const groups = panelGroups(frame);
  const components = swamyArora(frame, groups, within);
  const n = frame.y.length;
  const transform = (v: Float64Array) => quasiDemean(v, groups, components.theta);
  const model = panelInference(frame.X.map((c) => transform(c.values)), transform(frame.y), frame.X.map((c) => c.name), (rank) => n - rank, groups, options, 'random-effects', 'plm: σ² = SSR/(n − K) of the quasi-demeaned regression');
  const dropped = frame.X.filter((_, j) => model.fit.aliased[j]).map((c) => c.name);
  return {
    estimator: 'random',
    dependent: frame.yName ?? 'y',
    statistic: 't',
    coefficients: model.coefficients,
    vcov: model.vcov,
    vcovType: model.vcovType,
    fit: {
      n, groups: groups.count, ssr: model.fit.ssr, sigma2: model.sigma2, df_residual: model.df, r2: model.r2, adj_r2: model.adjR2,
      sigma2_idios: components.idiosyncratic, sigma2_id: components.individual, theta: components.theta,
    },
    notes: ['random effects, Swamy–Arora variance components (plm default)', ...(dropped.length ? [`dropped as collinear: ${dropped.join(', ')}`] : [])],
  };
}
