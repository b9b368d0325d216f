// Comparing a ModelResult with one standard-error variant of the fixest oracles, and the options that
// reproduce each variant.
import assert from 'node:assert/strict';
import { close } from './econOracles.ts';
import type { FactorColumn, InferenceOptions } from '../../../server/src/engine/models/hdfe/index.ts';
import type { ModelResult } from '../../../server/src/results/modelResult.ts';

/** The options reproducing each `se_variants` entry of the fixest oracle JSON (fixest's `vcov`/`ssc` calls in scripts/fixest_gravity.R). */
export function VARIANTS(i: FactorColumn, j: FactorColumn): Record<string, InferenceOptions> {
  return {
    cluster_ij_default: {},
    cluster_ij_Kfixef_full: { ssc: { fixefK: 'full' } },
    cluster_ij_Kfixef_none: { ssc: { fixefK: 'none' } },
    cluster_ij_noadj: { ssc: { adj: false, clusterAdj: false } },
    twoway_i_j_default: { cluster: [i, j] },
    twoway_i_j_Gdf_conventional: { cluster: [i, j], ssc: { clusterDf: 'conventional' } },
    iid_default: { vcov: 'iid' },
    hetero_default: { vcov: 'hetero' },
  };
}

interface Variant {
  se: Record<string, number>;
  t: Record<string, number>;
  p: Record<string, number>;
  df_K: number;
  G: number | Record<string, never>;
  vcov: number[][];
}

/** se, t and vcov to `rel`; p to `pRel` (p-values amplify the last digits of t); K and G exactly. */
export function assertMatchesVariant(r: ModelResult, expected: Variant, tol: { rel: number; pRel: number }): void {
  r.coefficients.forEach((c, k) => {
    close(c.se, expected.se[c.term], `se ${c.term}`, tol.rel);
    close(c.stat, expected.t[c.term], `t ${c.term}`, tol.rel);
    close(c.p, expected.p[c.term], `p ${c.term}`, tol.pRel);
    // Covariances on the scale of the variances (relative to √(V_kk V_ll)), so small ones are not over-read.
    r.vcov![k].forEach((v, l) => {
      const scale = Math.sqrt(expected.vcov[k][k] * expected.vcov[l][l]);
      assert.ok(Math.abs(v - expected.vcov[k][l]) <= tol.rel * scale, `vcov[${k}][${l}]: ${v} ≠ ${expected.vcov[k][l]}`);
    });
  });
  assert.equal(r.fit.df_K, expected.df_K);
  // fixest reports G only when it enters the adjustment (the smallest G for two-way clustering).
  if (typeof expected.G === 'number') assert.equal(Math.min(...r.vcovType!.clusters!.map((c) => c.count)), expected.G);
}
