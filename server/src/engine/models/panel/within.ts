// The within (fixed-effects) estimator of a one-way individual panel, as plm(model = "within"): OLS on
// individually demeaned data, σ² = SSR/(n − N − K), t statistics on n − N − K df. Regressors constant within
// every individual (the intercept among them) are wiped out by demeaning and dropped.
import { isInterceptColumn, ModelInputError } from '../describe/frame.js';
import type { ModelFrame } from '../frame.js';
import type { ModelResult } from '../../../results/modelResult.js';
import { panelGroups, quasiDemean } from './groups.js';
import { classicalInference, leastSquares } from './leastSquares.js';

export function withinEstimator(frame: ModelFrame, level = 0.95): ModelResult {
  const groups = panelGroups(frame);
  const n = frame.y.length;
  const fit = leastSquares(frame.X.map((c) => quasiDemean(c.values, groups, 1)), quasiDemean(frame.y, groups, 1));
  const df = n - groups.count - fit.rank;
  if (fit.rank === 0) throw new ModelInputError('the within model has no regressor that varies within individuals');
  if (df <= 0) throw new ModelInputError(`the within model has no residual degrees of freedom (n = ${n}, ${groups.count} individuals, ${fit.rank} regressors)`);
  const { sigma2, vcov, coefficients } = classicalInference(fit, frame.X.map((c) => c.name), df, level);
  const dropped = frame.X.filter((c, j) => fit.aliased[j] && !isInterceptColumn(c)).map((c) => c.name);
  return {
    estimator: 'within',
    dependent: frame.yName ?? 'y',
    statistic: 't',
    coefficients,
    vcov,
    vcovType: { type: 'iid', convention: 'plm: σ² = SSR/(n − N − K)' },
    fit: { n, groups: groups.count, ssr: fit.ssr, sigma2, df_residual: df },
    fixedEffects: [{ name: groups.name, levels: groups.count }],
    notes: dropped.length ? [`dropped (no variation within ${groups.name}, or collinear): ${dropped.join(', ')}`] : [],
  };
}
