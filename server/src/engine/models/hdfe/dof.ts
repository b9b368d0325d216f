// How many parameters the fixed effects count for in small-sample corrections. fixest does not look for
// redundancies (one per extra dimension only); reghdfe finds them exactly between the first two dimensions
// (connected components of their bipartite graph); `exact` is the rank of the dummy matrix for any number of
// dimensions (components for two, a numerical rank beyond).
import type { DenseFactor } from './factors.js';
import { pivotedCholesky } from './cholesky.js';
import { EstimationError } from './errors.js';
import { isNestedIn } from './factors.js';

/** `fixest`: 1 + Σ(levels − 1); `pairwise`: reghdfe's; `exact`: the rank of [D₁ … D_q]. */
export type FixefCount = 'fixest' | 'pairwise' | 'exact';

/** The numerical rank beyond two fixed effects works on a dense matrix of the other dimensions' levels. */
export const EXACT_RANK_LEVEL_LIMIT = 2500;

/** Which fixed effects enter K: all, those not nested in a cluster (fixest's default), or none (K = regressors). */
export type FixefK = 'full' | 'nested' | 'none';

/** Parameters spanned by the intercept and the dummies of `fe` (1 when `fe` is empty). */
export function fixedEffectParameters(fe: DenseFactor[], count: FixefCount): number {
  const naive = 1 + fe.reduce((s, f) => s + f.levels - 1, 0);
  if (count === 'fixest' || fe.length < 2) return naive;
  if (count === 'pairwise' || fe.length === 2) return naive - (connectedComponents(fe[0], fe[1]) - 1);
  return dummyRank(fe);
}

/**
 * rank [D₁ … D_q] = L_a + rank(M_a D_rest), with a the dimension of most levels and M_a its within-group
 * centring: the Gram matrix of the centred dummies of the other dimensions, then a pivoted Cholesky rank.
 */
function dummyRank(fe: DenseFactor[]): number {
  const a = fe.reduce((best, f) => (f.levels > best.levels ? f : best));
  const rest = fe.filter((f) => f !== a);
  const offsets = rest.map((_, q) => rest.slice(0, q).reduce((s, f) => s + f.levels, 0));
  const m = rest.reduce((s, f) => s + f.levels, 0);
  if (m > EXACT_RANK_LEVEL_LIMIT) {
    throw new EstimationError(`Counting the fixed effects' parameters exactly needs a dense matrix of ${m} levels besides the largest fixed effect (at most ${EXACT_RANK_LEVEL_LIMIT}); count them as fixest or reghdfe do instead.`);
  }
  // Rows grouped by their level of `a`: per group, the count of each level of the other dimensions.
  const members: number[][] = Array.from({ length: a.levels }, () => []);
  for (let i = 0; i < a.codes.length; i++) members[a.codes[i]].push(i);
  const gram = new Float64Array(m * m);
  for (const rows of members) {
    const counts = new Map<number, number>();
    for (const i of rows) {
      const cols = rest.map((f, q) => offsets[q] + f.codes[i]);
      for (const c of cols) counts.set(c, (counts.get(c) ?? 0) + 1);
      for (const c of cols) for (const d of cols) gram[c * m + d] += 1;
    }
    const entries = [...counts];
    for (const [c, nc] of entries) for (const [d, nd] of entries) gram[c * m + d] -= (nc * nd) / rows.length;
  }
  return a.levels + pivotedCholesky(gram, m).rank;
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
