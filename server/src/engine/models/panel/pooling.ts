// The pooled OLS of a panel, as plm(model = "pooling"): OLS on the untransformed data with σ² = SSR/(n − K);
// the individual index only groups rows for the robust covariances.
import type { ModelFrame } from '../frame.js';
import type { ModelResult } from '../../../results/modelResult.js';
import { panelGroups } from './groups.js';
import { panelInference, panelModelResult, type PanelModelOptions } from './panelInference.js';

export function poolingEstimator(frame: ModelFrame, options: PanelModelOptions = {}): ModelResult {
  const groups = panelGroups(frame);
  const n = frame.y.length;
  const model = panelInference(frame.X.map((c) => c.values), frame.y, frame.X.map((c) => c.name), (rank) => n - rank, groups, options, 'pooling', 'plm: σ² = SSR/(n − K)');
  const dropped = frame.X.filter((_, j) => model.fit.aliased[j]).map((c) => c.name);
  return panelModelResult('pooling', frame.yName, model, groups, { notes: dropped.length ? [`dropped as collinear: ${dropped.join(', ')}`] : [] });
}
