// plm's conventions for the within, random-effects and pooling models against plm_conventions_R.json
// (test/oracles/econ/scripts/plm_conventions.R): every plm::vcovHC method (arellano, white1, white2) and type
// (HC0, sss, HC1–HC4) through lmtest::coeftest (SEs, t, p on df.residual), summary.plm's R² and adjusted R²,
// ercomp's Swamy–Arora components on Grunfeld (balanced) and EmplUK (unbalanced: one θ per firm), and
// phtest classic and regression-based, with robust covariances. All to 1e-6 relative.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ModelFrame } from '../../../server/src/engine/models/frame.ts';
import { hausmanTest } from '../../../server/src/engine/models/panel/hausman.ts';
import { poolingEstimator } from '../../../server/src/engine/models/panel/pooling.ts';
import { randomEffectsEstimator } from '../../../server/src/engine/models/panel/randomEffects.ts';
import type { PanelVcov, PanelVcovMethod, PanelVcovType } from '../../../server/src/engine/models/panel/robustCovariance.ts';
import { withinEstimator } from '../../../server/src/engine/models/panel/within.ts';
import type { PanelModelOptions } from '../../../server/src/engine/models/panel/panelInference.ts';
import type { ModelResult } from '../../../server/src/results/modelResult.ts';
import { close, column, intercept, numeric, readEconCsv, readEconJson } from './econOracles.ts';

const R = readEconJson('plm_conventions_R.json');

function frame(file: string, y: string, regressors: string[], transform: (v: number) => number, yName: string, names: string[]): ModelFrame {
  const t = readEconCsv(file);
  const n = t[y].length;
  const values = (v: string) => Float64Array.from(numeric(t[v]), transform);
  return { y: values(y), yName, X: [intercept(n), ...regressors.map((v, k) => column(names[k], values(v)))], fe: [{ name: 'firm', codes: Int32Array.from(t.firm, Number) }] };
}

const grunfeld = frame('Grunfeld.csv', 'inv', ['value', 'capital'], (v) => v, 'inv', ['value', 'capital']);
const empluk = frame('EmplUK.csv', 'emp', ['wage', 'capital', 'output'], Math.log, 'lemp', ['lwage', 'lcapital', 'loutput']);

type Estimator = (frame: ModelFrame, options?: PanelModelOptions) => ModelResult;
const ESTIMATORS: Record<string, Estimator> = { within: withinEstimator, random: (f, o) => randomEffectsEstimator(f, o), pooling: poolingEstimator };
const METHODS: PanelVcovMethod[] = ['arellano', 'white1', 'white2'];
const TYPES: PanelVcovType[] = ['HC0', 'sss', 'HC1', 'HC2', 'HC3', 'HC4'];

function rowsMatch(result: ModelResult, expected: { se: Record<string, number>; t: Record<string, number>; p: Record<string, number> }, label: string) {
  assert.deepEqual(result.coefficients.map((c) => c.term), Object.keys(expected.se), label);
  for (const c of result.coefficients) {
    close(c.se, expected.se[c.term], `${label} se ${c.term}`);
    close(c.stat, expected.t[c.term], `${label} t ${c.term}`);
    close(c.p, expected.p[c.term], `${label} p ${c.term}`);
  }
}

for (const [dataset, data, models] of [['grunfeld', grunfeld, ['within', 'random', 'pooling']], ['empluk', empluk, ['within', 'random', 'pooling']]] as const) {
  for (const model of models) {
    test(`${dataset} ${model}: coefficients, classical and every vcovHC method × type, R² and adjusted R² as plm`, () => {
      const expected = R[dataset][model];
      const classical = ESTIMATORS[model](data);
      for (const c of classical.coefficients) close(c.estimate, expected.coef[c.term], `${model} coef ${c.term}`);
      rowsMatch(classical, expected.classical, `${model} classical`);
      assert.equal(classical.fit.df_residual, expected.df_residual);
      assert.equal(classical.fit.n, expected.n);
      close(classical.fit.r2, expected.r2, 'R²');
      close(classical.fit.adj_r2, expected.adj_r2, 'adjusted R²');
      for (const method of METHODS) {
        for (const type of TYPES) {
          const vcov: PanelVcov = { method, type };
          const robust = ESTIMATORS[model](data, { vcov });
          rowsMatch(robust, expected.robust[`${method}_${type}`], `${model} ${method} ${type}`);
          assert.equal(robust.vcovType!.type, method);
          assert.match(robust.vcovType!.convention!, new RegExp(`method = "${method}", type = "${type}"`));
        }
      }
    });
  }
}

test('random effects: Swamy–Arora σ²_idios, σ²_id and θ as ercomp, balanced (one θ) and unbalanced (one per firm)', () => {
  const balanced = randomEffectsEstimator(grunfeld).fit;
  for (const k of ['sigma2_idios', 'sigma2_id', 'theta']) close(balanced[k], R.grunfeld.random_components[k], `Grunfeld ${k}`);
  const unbalanced = randomEffectsEstimator(empluk);
  for (const k of ['sigma2_idios', 'sigma2_id', 'theta_min', 'theta_mean', 'theta_max']) close(unbalanced.fit[k], R.empluk.random_components[k], `EmplUK ${k}`);
  assert.equal(unbalanced.fit.theta, undefined);
  assert.match(unbalanced.notes[0], /unbalanced panel: one θ per individual/);
});

test('phtest both ways on Grunfeld and unbalanced EmplUK: classic, regression-based, and regression-based with robust covariances', () => {
  const check = (got: ReturnType<typeof hausmanTest>, want: { stat: number; df: number; p: number }, label: string) => {
    close(got.statistic, want.stat, `${label} χ²`);
    assert.equal(got.df, want.df, `${label} df`);
    close(got.p, want.p, `${label} p`);
  };
  for (const [dataset, data] of [['grunfeld', grunfeld], ['empluk', empluk]] as const) {
    const expected = R[dataset];
    check(hausmanTest(data), expected.phtest_chisq, `${dataset} classic`);
    check(hausmanTest(data, { method: 'aux' }), expected.phtest_aux, `${dataset} aux`);
    for (const [key, want] of Object.entries(expected.phtest_aux_robust) as [string, { stat: number; df: number; p: number }][]) {
      const [method, type] = key.split('_') as [PanelVcovMethod, PanelVcovType];
      const got = hausmanTest(data, { method: 'aux', auxVcov: { method, type } });
      check(got, want, `${dataset} aux ${key}`);
      assert.match(got.method, new RegExp(`^regression-based Hausman test, vcov: plm::vcovHC\\(method = "${method}", type = "${type}"\\)`));
    }
  }
  assert.throws(() => hausmanTest(grunfeld, { auxVcov: { method: 'arellano', type: 'HC0' } }), /regression-based Hausman test only \(method aux\)/);
});
