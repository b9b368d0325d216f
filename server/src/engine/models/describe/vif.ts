// Variance inflation factors as car::vif for a model without factor terms: VIF_j = 1/(1 − R²_j), R²_j from
// regressing x_j on the other regressors with an intercept, i.e. the diagonal of the inverse of the regressors'
// correlation matrix. car::vif only means this when the model has an intercept, so one is required.
import { crossProductInverse } from '../panel/leastSquares.js';
import { isInterceptColumn, ModelInputError } from './frame.js';
import type { NumericColumn } from '../frame.js';

export interface VarianceInflation {
  name: string;
  vif: number;
}

export function varianceInflationFactors(X: readonly NumericColumn[]): VarianceInflation[] {
  if (!X.some(isInterceptColumn)) throw new ModelInputError('VIF needs a model with an intercept column (car::vif values are not meaningful without one)');
  for (const c of X) if (c.values.some((v) => !Number.isFinite(v))) throw new ModelInputError(`${c.name} has missing or infinite values; drop incomplete rows first`);
  const regressors = X.filter((c) => !isInterceptColumn(c));
  if (regressors.length < 2) throw new ModelInputError(`VIF needs at least 2 regressors besides the intercept, not ${regressors.length}`);
  const centred = regressors.map(({ values }) => {
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    return values.map((v) => v - mean);
  });
  const { inverse, aliased } = crossProductInverse(centred);
  if (aliased.some(Boolean)) {
    const names = regressors.filter((_, j) => aliased[j]).map((c) => c.name);
    throw new ModelInputError(`perfect collinearity: ${names.join(', ')} ${names.length > 1 ? 'are linear combinations' : 'is a linear combination'} of the other regressors (and the intercept), so VIF is infinite`);
  }
  // With centred columns, [(X'X)⁻¹]_jj · x_j'x_j = 1/(1 − R²_j).
  return regressors.map((c, j) => ({ name: c.name, vif: inverse[j][j] * centred[j].reduce((s, v) => s + v * v, 0) }));
}
