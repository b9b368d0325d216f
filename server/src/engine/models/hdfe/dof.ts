// How many parameters the fixed effects count for in small-sample corrections. fixest does not look for
// redundancies (one per extra dimension only); reghdfe finds them exactly between the first two dimensions
// (connected components of their bipartite graph).
import type { DenseFactor } from './factors.js';
import { isNestedIn } from './factors.js';

/** `fixest`: 1 + Σ(levels − 1); `pairwise`: reghdfe's. */
export type FixefCount = 'fixest' | 'pairwise';

/** Which fixed effects enter K: all, those not nested in a cluster (fixest's default), or none (K = regressors). */
export type FixefK = 'full' | 'nested' | 'none';

/** Parameters spanned by the intercept and the dummies of `fe` (1 when `fe` is empty). */
export function fixedEffectParameters(fe: DenseFactor[], count: FixefCount): number {
  const naive = 1 + fe.reduce((s, f) => s + f.levels - 1, 0);
  if (count === 'fixest' || fe.length < 2) return naive;
  return naive - (connectedComponents(fe[0], fe[1]) - 1);
}

/**
 * What a model's fixed effects `fe` add to K when `counted` of them count (all, or those not nested in a
 * cluster): nothing for a model without fixed effects, whose intercept, if any, is one of the regressors.
 */
export function modelFixedEffectParameters(fe: DenseFactor[], count: FixefCount, counted = fe): number {
  return fe.length === 0 ? 0 : fixedEffectParameters(counted, count);
}

/** The fixed effects that count towards K under `fixefK` ('full' or 'nested'), given the clustering factors. */
export function countedFixedEffects(fe: DenseFactor[], clusters: DenseFactor[], fixefK: Exclude<FixefK, 'none'>): DenseFactor[] {
  if (fixefK === 'full') return fe;
  return fe.filter((f) => !clusters.some((c) => isNestedIn(f, c)));
}

/** Connected components of the bipartite graph linking the levels of `a` and `b` that share an observation. */
export function connectedComponents(a: DenseFactor, b: DenseFactor): number {
  const parent = new Int32Array(a.levels + b.levels);
  for (let k = 0; k < parent.length; k++) parent[k] = k;
  const find = (k: number): number => {
    while (parent[k] !== k) {
      parent[k] = parent[parent[k]];
      k = parent[k];
    }
    return k;
  };
  let components = parent.length;
  for (let i = 0; i < a.codes.length; i++) {
    const ra = find(a.codes[i]);
    const rb = find(a.levels + b.codes[i]);
    if (ra !== rb) {
      parent[ra] = rb;
      components--;
    }
  }
  return components;
}
