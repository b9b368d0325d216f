// The within (fixed-effects) estimator of a one-way individual panel, as plm(model = "within"): OLS on
// individually demeaned data, σ² = SSR/(n − N − K), t statistics on n − N − K df. Regressors constant within
// every individual (the intercept among them) are wiped out by demeaning and dropped.
import { isInterceptColumn } from '../describe/frame.js';
import type { ModelFrame } from '../frame.js';
import type { ModelResult } from '../../../results/modelResult.js';
import { panelGroups, quasiDemean } from './groups.js';
import { panelInference, panelModelResult, type PanelModelOptions } from './panelInference.js';

export function withinEstimator(frame: ModelFrame, options: PanelModelOptions = {}): ModelResult {
  const groups = panelGroups(frame);
  const n = frame.y.length;
  const columns = frame.X.map((c) => quasiDemean(c.values, groups, 1));
  const model = panelInference(columns, quasiDemean(frame.y, groups, 1), frame.X.map((c) => c.name), (rank) => n - groups.count - rank, groups, options, 'within', 'plm: σ² = SSR/(n − N − K)');
  const dropped = frame.X.filter((c, j) => model.fit.aliased[j] && !isInterceptColumn(c)).map((c) => c.name);
  return panelModelResult('within', frame.yName, model, groups, {
    fixedEffects: [{ name: groups.name, levels: groups.count }],
    notes: dropped.length ? [`dropped (no variation within ${groups.name}, or collinear): ${dropped.join(', ')}`] : [],
  });
}
