// The pooled OLS of a panel, as plm(model = "pooling"): OLS on the untransformed data with σ² = SSR/(n − K);
// the individual index only groups rows for the robust covariances.
import type { ModelFrame } from '../frame.js';
import type { ModelResult } from '../../../results/modelResult.js';
import { panelGroups } from './groups.js';
import { panelInference, type PanelModelOptions } from './panelInference.js';

export function poolingEstimator(frame: ModelFrame, options: PanelModelOptions = {}): ModelResult {
  const groups = panelGroups(frame);
  const n = frame.y.length;
  const model = panelInference(frame.X.map((c) => c.values), frame.y, frame.X.map((c) => c.name), (rank) => n - rank, groups, options, 'pooling', 'plm: σ² = SSR/(n − K)');
  const dropped = frame.X.filter((_, j) => model.fit.aliased[j]).map((c) => c.name);
  return {
    estimator: 'pooling',
    dependent: frame.yName ?? 'y',
    statistic: 't',
    coefficients: model.coefficients,
    vcov: model.vcov,
    vcovType: model.vcovType,
    fit: { n, groups: groups.count, ssr: model.fit.ssr, sigma2: model.sigma2, df_residual: model.df, r2: model.r2, adj_r2: model.adjR2 },
    notes: dropped.length ? [`dropped as collinear: ${dropped.join(', ')}`] : [],
  };
}
