// fixest's small-sample corrections (ssc(): adj, fixef.K, K.exact, cluster.adj, cluster.df, t.df) and the exact
// count of fixed-effect parameters on a small unbalanced panel with three fixed effects, against
// test/oracles/econ/results/ssc_exact_3fe_R.json (fixest's formulas computed in R with lm and explicit dummies;
// see the script's header), to 1e-6.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitFeols, summarizeFit, type HdfeFrame, type SmallSample, type VcovKind } from '../../../server/src/engine/models/hdfe/index.ts';
import { fixedEffectParameters } from '../../../server/src/engine/models/hdfe/dof.ts';
import { denseCodes } from '../../../server/src/engine/models/hdfe/factors.ts';
import { readJson, readRecords } from '../../oracles/read.ts';
import { ECON, close } from './econOracles.ts';

const ref = readJson(`${ECON}/results/ssc_exact_3fe_R.json`);
const records = readRecords(`${ECON}/ssc_panel.csv`);
const numbers = (name: string) => Float64Array.from(records, (r) => Number(r[name]));
const factor = (name: string) => ({ name, codes: Int32Array.from(records, (r) => Number(r[name])) });
const frame: HdfeFrame = {
  y: numbers('y'),
  X: [{ name: 'x1', values: numbers('x1') }, { name: 'x2', values: numbers('x2') }],
  fe: [factor('firm'), factor('year'), factor('sector')],
};
const fit = fitFeols(frame, { fixefTol: 1e-12 });

test('the fixed effects count 17 parameters naively and 14 exactly (two firm–year components, sector nested in firm)', () => {
  const fe = frame.fe.map((f) => denseCodes(f.codes));
  assert.equal(fixedEffectParameters(fe, 'fixest'), ref.fe_parameters.naive);
  assert.equal(fixedEffectParameters(fe, 'exact'), ref.fe_parameters.exact);
  // reghdfe's count sees only the firm–year redundancy.
  assert.equal(fixedEffectParameters(fe, 'pairwise'), ref.fe_parameters.naive - 1);
  // Exactly, in any order of the dimensions.
  assert.equal(fixedEffectParameters([fe[2], fe[0], fe[1]], 'exact'), ref.fe_parameters.exact);
});

test('the coefficients as lm with dummies', () => {
  assert.equal(fit.rows.length, ref.nobs);
  fit.terms.forEach((t, k) => close(fit.beta[k], ref.coef[t], t, 1e-9));
});

for (const [name, v] of Object.entries(ref.variants as Record<string, Record<string, unknown>>)) {
  test(`ssc variant ${name}: K, t degrees of freedom and SEs as fixest's formulas`, () => {
    const ssc: SmallSample = {
      adj: v.adj as boolean,
      fixefK: v.fixef_k as SmallSample['fixefK'],
      fixefCount: v.exact ? 'exact' : 'fixest',
      clusterAdj: v.cluster_adj as boolean,
      clusterDf: v.cluster_df as SmallSample['clusterDf'],
      tDf: v.t_df as SmallSample['tDf'],
    };
    const clusters = ([] as string[]).concat(v.clusters as string[]).map(factor);
    const r = summarizeFit(fit, { vcov: v.kind as VcovKind, cluster: clusters, ssc });
    assert.equal(r.fit.df_K, v.K);
    assert.equal(r.fit.df_t, v.df);
    for (const c of r.coefficients) close(c.se, (v.se as Record<string, number>)[c.term], `se(${c.term})`, 1e-6);
  });
}

test('an exact count beyond the dense limit is refused with a message that names the alternatives', () => {
  const n = 6000;
  const fe = [
    { codes: Int32Array.from({ length: n }, (_, i) => i % 3000), levels: 3000 },
    { codes: Int32Array.from({ length: n }, (_, i) => i % 1300), levels: 1300 },
    { codes: Int32Array.from({ length: n }, (_, i) => (i * 7) % 1300), levels: 1300 },
  ];
  assert.throws(() => fixedEffectParameters(fe, 'exact'), /dense matrix of 2600 levels besides the largest fixed effect \(at most 2500\); count them as fixest or reghdfe do instead/);
});
