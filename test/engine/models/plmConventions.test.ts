// plm's conventions for the within, random-effects and pooling models against plm_conventions_R.json
// (test/oracles/econ/scripts/plm_conventions.R): every plm::vcovHC method (arellano, white1, white2) and type
// (HC0, sss, HC1–HC4) through lmtest::coeftest (SEs, t, p on df.residual), summary.plm's R² and adjusted R²,
// ercomp's Swamy–Arora components on Grunfeld (balanced) and EmplUK (unbalanced: within and pooling), and
// phtest's regression-based form with robust covariances. All to 1e-6 relative.
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
const empluk = frame('EmplUK.csv', 'emp', ['wage', 'capital', 'output'], Math.log, 'log(emp)', ['log(wage)', 'log(capital)', 'log(output)']);

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

for (const [dataset, data, models] of [['grunfeld', grunfeld, ['within', 'random', 'pooling']], ['empluk', empluk, ['within', 'pooling']]] as const) {
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

test('grunfeld random effects: Swamy–Arora σ²_idios, σ²_id and θ as ercomp', () => {
  const expected = R.grunfeld.random_components;
  const fit = randomEffectsEstimator(grunfeld).fit;
  close(fit.sigma2_idios, expected.sigma2_idios, 'σ²_idios');
  close(fit.sigma2_id, expected.sigma2_id, 'σ²_id');
  close(fit.theta, expected.theta, 'θ');
});

test('phtest both ways: classic, regression-based, and regression-based with robust covariances', () => {
  const expected = R.grunfeld;
  const check = (got: ReturnType<typeof hausmanTest>, want: { stat: number; df: number; p: number }, label: string) => {
    close(got.statistic, want.stat, `${label} χ²`);
    assert.equal(got.df, want.df, `${label} df`);
    close(got.p, want.p, `${label} p`);
  };
  check(hausmanTest(grunfeld), expected.phtest_chisq, 'classic');
  check(hausmanTest(grunfeld, { method: 'aux' }), expected.phtest_aux, 'aux');
  for (const [key, want] of Object.entries(expected.phtest_aux_robust) as [string, { stat: number; df: number; p: number }][]) {
    const [method, type] = key.split('_') as [PanelVcovMethod, PanelVcovType];
    const got = hausmanTest(grunfeld, { method: 'aux', auxVcov: { method, type } });
    check(got, want, `aux ${key}`);
    assert.match(got.method, new RegExp(`^regression-based Hausman test, vcov: plm::vcovHC\\(method = "${method}", type = "${type}"\\)`));
  }
  assert.throws(() => hausmanTest(grunfeld, { auxVcov: { method: 'arellano', type: 'HC0' } }), /regression-based Hausman test only \(method aux\)/);
});
