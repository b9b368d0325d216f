// The random-effects estimator of a one-way individual panel with Swamy–Arora variance components, as
// plm(model = "random") (ercomp's "swar"; for unbalanced panels its dfcor = c(3, 3) form, which reduces to the
// balanced one when every individual has T rows):
//   σ²_ν = SSR_within/(n − N − K);
//   the between regression of ȳᵢ on z̄ᵢ (intercept included) weighted by Tᵢ, with SSR_b = Σ Tᵢ(ȳᵢ − z̄ᵢb)²:
//   σ²_μ = max(0, [SSR_b − (N − K − 1)σ²_ν] / [n − tr((Σ Tᵢz̄ᵢz̄ᵢ')⁻¹ Σ Tᵢ²z̄ᵢz̄ᵢ')]);
//   θᵢ = 1 − √(σ²_ν/(Tᵢσ²_μ + σ²_ν)), one per individual (one θ when the panel is balanced);
// then OLS on y − θᵢȳᵢ and X − θᵢX̄ᵢ with σ² = SSR/(n − K).
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
  /** θ of each individual. */
  theta: Float64Array;
}

/** `within` is the frame's within fit with the classical covariance: σ²_ν is its σ². */
export function swamyArora(frame: ModelFrame, groups: PanelGroups, within: ModelResult): VarianceComponents {
  const idiosyncratic = within.fit.sigma2;
  const weights = Float64Array.from(groups.sizes);
  const means = frame.X.map((c) => groupMeans(c.values, groups));
  const between = leastSquares(means, groupMeans(frame.y, groups), weights);
  const df = groups.count - between.rank;
  if (df <= 0) throw new ModelInputError(`too few individuals for random effects: ${groups.count} ${groups.name} for ${between.rank} between-regression coefficients`);
  // tr((Σ Tᵢz̄ᵢz̄ᵢ')⁻¹ Σ Tᵢ²z̄ᵢz̄ᵢ') over the between regression's kept columns.
  const kept = means.filter((_, j) => !between.aliased[j]);
  let trace = 0;
  for (let a = 0; a < kept.length; a++) {
    for (let b = 0; b < kept.length; b++) {
      let cross = 0;
      for (let g = 0; g < groups.count; g++) cross += weights[g] ** 2 * kept[a][g] * kept[b][g];
      trace += between.unscaledCovariance[a][b] * cross;
    }
  }
  const individual = Math.max(0, (between.ssr - df * idiosyncratic) / (frame.y.length - trace));
  const theta = weights.map((t) => 1 - Math.sqrt(idiosyncratic / (t * individual + idiosyncratic)));
  return { idiosyncratic, individual, theta };
}

/** θ in the fit: `theta` when one θ serves every individual, else its range and mean over the rows (as summary.plm). */
function thetaFit(theta: Float64Array, groups: PanelGroups): Record<string, number> {
  if (theta.every((t) => t === theta[0])) return { theta: theta[0] };
  let sum = 0;
  theta.forEach((t, g) => (sum += t * groups.sizes[g]));
  return { theta_min: Math.min(...theta), theta_mean: sum / groups.index.length, theta_max: Math.max(...theta) };
}

/** `within` is the same frame's within fit, when the caller has it already. */
export function randomEffectsEstimator(frame: ModelFrame, options: PanelModelOptions = {}, within = withinEstimator(frame)): ModelResult {
  return randomEffectsFit(frame, options, within).model;
}

/** The random-effects model and its variance components (the Hausman test's auxiliary regression reuses θᵢ). */
export function randomEffectsFit(frame: ModelFrame, options: PanelModelOptions, within: ModelResult): { model: ModelResult; components: VarianceComponents } {
  const groups = panelGroups(frame);
  const components = swamyArora(frame, groups, within);
  const n = frame.y.length;
  const transform = (v: Float64Array) => quasiDemean(v, groups, components.theta);
  const model = panelInference(frame.X.map((c) => transform(c.values)), transform(frame.y), frame.X.map((c) => c.name), (rank) => n - rank, groups, options, 'random-effects', 'plm: σ² = SSR/(n − K) of the quasi-demeaned regression');
  const dropped = frame.X.filter((_, j) => model.fit.aliased[j]).map((c) => c.name);
  const theta = thetaFit(components.theta, groups);
  return {
    components,
    model: {
      estimator: 'random',
      dependent: frame.yName ?? 'y',
      statistic: 't',
      coefficients: model.coefficients,
      vcov: model.vcov,
      vcovType: model.vcovType,
      fit: {
        n, groups: groups.count, ssr: model.fit.ssr, sigma2: model.sigma2, df_residual: model.df, r2: model.r2, adj_r2: model.adjR2,
        sigma2_idios: components.idiosyncratic, sigma2_id: components.individual, ...theta,
      },
      notes: [
        `random effects, Swamy–Arora variance components (plm default${theta.theta === undefined ? '; unbalanced panel: one θ per individual, its range and mean in the fit' : ''})`,
        ...(dropped.length ? [`dropped as collinear: ${dropped.join(', ')}`] : []),
      ],
    },
  };
}
