// Variance of the coefficients: iid, heteroskedasticity-robust (HC1) and one- or two-way cluster-robust
// sandwiches on the FE-partialled scores, with fixest's small-sample conventions as options
// (names follow fixest's `ssc()`; `REGHDFE_SSC` gives reghdfe's).
import { Matrix } from 'ml-matrix';
import type { VcovSummary } from '../../../results/modelResult.js';
import { countedFixedEffects, modelFixedEffectParameters, type FixefCount, type FixefK } from './dof.js';
import { EstimationError } from './errors.js';
import { interactCodes, type DenseFactor } from './factors.js';

export type VcovKind = 'iid' | 'hetero' | 'cluster';

export interface SmallSample {
  /** K.adj: multiply by (n − 1)/(n − K) (n/(n − K) for hetero). */
  adj: boolean;
  /** K.fixef: which fixed effects count in K. */
  fixefK: FixefK;
  /** How the fixed effects' parameters are counted (fixest: K.exact = FALSE). */
  fixefCount: FixefCount;
  /** G.adj: multiply by G/(G − 1). */
  clusterAdj: boolean;
  /** G.df for two-way clustering: one G_min/(G_min − 1) factor, or each term its own. */
  clusterDf: 'min' | 'conventional';
  /** t.df: G_min − 1 degrees of freedom for clustered t tests, or n − K. */
  tDf: 'min' | 'conventional';
}

/** fixest 0.14's `ssc()` defaults. */
export const FIXEST_SSC: SmallSample = { adj: true, fixefK: 'nested', fixefCount: 'fixest', clusterAdj: true, clusterDf: 'min', tDf: 'min' };

/** reghdfe's conventions: FE nested in a cluster do not count, redundancies found between the first two FE. */
export const REGHDFE_SSC: SmallSample = { ...FIXEST_SSC, fixefCount: 'pairwise' };

/** What the sandwich is built from; every array is over the estimation sample. */
export interface ScoreModel {
  n: number;
  /** (X̃'WX̃)⁻¹. */
  bread: Matrix;
  /** One column per coefficient: the observation's contribution to the estimating equation. */
  scores: Float64Array[];
  /** The iid variance is bread × iidScale × the K adjustment: SSR/(n − 1) for OLS, 1 for Poisson. */
  iidScale: number;
  fe: DenseFactor[];
}

export interface NamedFactor {
  name: string;
  factor: DenseFactor;
}

export interface VcovResult {
  V: Matrix;
  /** K used in the small-sample factor. */
  K: number;
  /** Number of clusters per clustering variable. */
  G: number[];
  /** Degrees of freedom of the t statistics. */
  df: number;
  summary: VcovSummary;
}

export function computeVcov(model: ScoreModel, kind: VcovKind, clusters: NamedFactor[], ssc: SmallSample): VcovResult {
  const { n, bread } = model;
  const p = bread.rows;
  const clusterFactors = kind === 'cluster' ? clusters.map((c) => c.factor) : [];
  const K = p + (ssc.fixefK === 'none' ? 0 : modelFixedEffectParameters(model.fe, ssc.fixefCount, countedFixedEffects(model.fe, clusterFactors, ssc.fixefK)));
  const convention = `ssc(adj = ${ssc.adj}, fixef.K = "${ssc.fixefK}", count = "${ssc.fixefCount}", cluster.adj = ${ssc.clusterAdj}, cluster.df = "${ssc.clusterDf}", t.df = "${ssc.tDf}")`;
  if (n <= K) throw new EstimationError(`There are ${n} observations for ${K} parameters: no degrees of freedom are left for the standard errors.`);
  const sandwich = (meat: Matrix) => bread.mmul(meat).mmul(bread);
  if (kind === 'iid') {
    return { V: bread.clone().mul(model.iidScale * (ssc.adj ? (n - 1) / (n - K) : 1)), K, G: [], df: n - K, summary: { type: 'iid', convention } };
  }
  if (kind === 'hetero') {
    const V = sandwich(scoreCrossProducts(model.scores, null)).mul(ssc.adj ? n / (n - K) : 1);
    return { V, K, G: [], df: n - K, summary: { type: 'hetero', convention } };
  }
  if (clusters.length === 0) throw new EstimationError('A clustered variance needs a clustering variable.');
  const G = clusters.map((c) => c.factor.levels);
  clusters.forEach((c, k) => {
    if (G[k] < 2) throw new EstimationError(`Clustering on "${c.name}" gives a single cluster; cluster-robust standard errors need at least two.`);
  });
  const gAdj = (g: number) => (ssc.clusterAdj ? g / (g - 1) : 1);
  const Gmin = Math.min(...G);
  let meat: Matrix;
  if (clusters.length === 1) {
    meat = scoreCrossProducts(model.scores, clusters[0].factor).mul(gAdj(G[0]));
  } else {
    // Cameron–Gelbach–Miller: V₁ + V₂ − V₁∩₂.
    const both = interactCodes(clusters[0].factor.codes, clusters[1].factor.codes);
    const terms: [DenseFactor, number][] = [
      [clusters[0].factor, 1],
      [clusters[1].factor, 1],
      [both, -1],
    ];
    meat = new Matrix(p, p);
    for (const [f, sign] of terms) meat.add(scoreCrossProducts(model.scores, f).mul(sign * (ssc.clusterDf === 'min' ? 1 : gAdj(f.levels))));
    if (ssc.clusterDf === 'min') meat.mul(gAdj(Gmin));
  }
  const V = sandwich(meat).mul(ssc.adj ? (n - 1) / (n - K) : 1);
  const type = clusters.length === 1 ? 'cluster' : 'twoway';
  return {
    V,
    K,
    G,
    df: ssc.tDf === 'min' ? Gmin - 1 : n - K,
    summary: { type, clusters: clusters.map((c, k) => ({ name: c.name, count: G[k] })), convention },
  };
}

/** Σ_g s_g s_g' with s_g the scores summed within cluster g (each observation its own cluster when null). */
function scoreCrossProducts(scores: Float64Array[], cluster: DenseFactor | null): Matrix {
  const p = scores.length;
  const sums = cluster ? scores.map((s) => clusterSums(s, cluster)) : scores;
  const M = new Matrix(p, p);
  for (let a = 0; a < p; a++) {
    for (let b = 0; b <= a; b++) {
      let v = 0;
      const u = sums[a];
      const w = sums[b];
      for (let g = 0; g < u.length; g++) v += u[g] * w[g];
      M.set(a, b, v);
      M.set(b, a, v);
    }
  }
  return M;
}

function clusterSums(s: Float64Array, cluster: DenseFactor): Float64Array {
  const out = new Float64Array(cluster.levels);
  for (let i = 0; i < s.length; i++) out[cluster.codes[i]] += s[i];
  return out;
}
