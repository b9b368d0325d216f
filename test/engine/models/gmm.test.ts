// Dynamic panel GMM against plm::pgmm on EmplUK: the team's eight oracle specifications (Arellano–Bond 1991
// a1/a2/b, Blundell–Bond 1998, collapsed; test/oracles/econ/results/pgmm_empluk_plm_2.6-6_cran.json) and our
// own golden cases (scripts/pgmm_extra.R → results/pgmm_extra_plm_2.6-6.json), every figure to 1e-6 relative.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ECON } from './econOracles.ts';
import { GmmError, pgmm, type GmmPanel, type GmmSpec, type LaggedVariable } from '../../../server/src/engine/models/gmm/index.ts';
import type { ModelResult, TestResult } from '../../../server/src/results/modelResult.ts';
import { readJson, readLines } from '../../oracles/read.ts';

const TOL = 1e-6;

/** A test's statistic or p may be null (undefined on the data): then it is not close. */
function close(actual: number | null, expected: number, what: string) {
  assert.ok(actual !== null && Math.abs(actual - expected) <= TOL * Math.abs(expected), `${what}: ${actual} ≠ ${expected}`);
}

/** EmplUK with n, w, k, ys = log(emp, wage, capital, output); `keep` filters (firm, year) rows. */
function emplUK(keep: (firm: number, year: number) => boolean = () => true): GmmPanel {
  const [header, ...lines] = readLines(`${ECON}/EmplUK.csv`);
  const cols = header.replaceAll('"', '').split(',');
  const rows = lines.map((l) => l.split(',').map(Number)).filter((r) => keep(r[cols.indexOf('firm')], r[cols.indexOf('year')]));
  const col = (name: string) => Float64Array.from(rows, (r) => r[cols.indexOf(name)]);
  const log = (name: string) => col(name).map(Math.log);
  return {
    unit: Int32Array.from(col('firm')),
    time: Int32Array.from(col('year')),
    columns: { n: log('emp'), w: log('wage'), k: log('capital'), ys: log('output') },
  };
}
const panels: Record<string, GmmPanel> = {
  EmplUK: emplUK(),
  gaps: emplUK((firm, year) => !((firm <= 30 && year === 1980) || (firm > 30 && firm <= 40 && year === 1979))),
  few: emplUK((firm) => firm <= 40),
};

interface OracleModel {
  model: 'onestep' | 'twosteps';
  transformation: 'd' | 'ld';
  collapse: boolean;
  effect: 'individual' | 'twoways';
  data?: string;
  spec?: GmmSpec;
  n_groups: number;
  n_obs_used: number;
  n_instruments: number;
  coef: Record<string, number> | number[];
  se_nonrobust: Record<string, number> | number[];
  se_robust: Record<string, number> | number[];
  sargan_weights_twosteps: { stat: number; df: number; p: number };
  sargan_weights_onestep: { stat: number; df: number; p: number };
  mtest1_default: { z: number; p: number };
  mtest2_default: { z: number; p: number };
  mtest1_robust: { z: number; p: number };
  mtest2_robust: { z: number; p: number };
  wald_coef_robust: number | { stat: number; df: number; p: number };
  wald_td_robust: number | { stat: number; df: number; p: number } | null;
}

const L = (variable: string, ...lags: number[]): LaggedVariable[] => lags.map((lag) => ({ variable, lag }));
const regressorsA = [...L('n', 1, 2), ...L('w', 0, 1), ...L('k', 0, 1, 2), ...L('ys', 0, 1, 2)];
const regressorsB = [...L('n', 1, 2), ...L('w', 0, 1), ...L('k', 0), ...L('ys', 0, 1)];
const regressorsBB = [...L('n', 1), ...L('w', 0, 1), ...L('k', 0, 1)];
const gmmN = [{ variable: 'n', lags: [2, 99] as [number, number] }];
const gmmBB = ['n', 'w', 'k'].map((variable) => ({ variable, lags: [2, Infinity] as [number, number] }));

/** The formulas of scripts/pgmm_empluk.R (f_a, f_b, f_bb) as engine specifications. */
function sharedSpec(name: string, m: OracleModel): GmmSpec {
  const base = name.startsWith('AB91_a') ? { regressors: regressorsA, gmm: gmmN } : name.startsWith('AB91_b') ? { regressors: regressorsB, gmm: gmmN } : { regressors: regressorsBB, gmm: gmmBB };
  return { y: 'n', ...base, effect: m.effect, model: m.model, transformation: m.transformation, collapse: m.collapse };
}

/**
 * Coefficient values in plm's order. JSON objects lose it for integer-like keys (time dummies "1979", or the
 * index names of plm 2.6-6's robust SEs), which JavaScript lists first; plm puts them last, ascending.
 */
function values(x: Record<string, number> | number[]): number[] {
  if (Array.isArray(x)) return x;
  const keys = Object.keys(x);
  const integerLike = (k: string) => /^(0|[1-9]\d*)$/.test(k);
  return [...keys.filter((k) => !integerLike(k)), ...keys.filter(integerLike)].map((k) => x[k]);
}
const testOf = (r: ModelResult, key: string): TestResult => {
  assert.ok(r.tests?.[key], `test ${key} missing`);
  return r.tests[key];
};
function closeTest(got: TestResult, want: { stat?: number; z?: number; df?: number; p: number }, what: string) {
  close(got.statistic, (want.stat ?? want.z)!, `${what} statistic`);
  close(got.p, want.p, `${what} p`);
  if (want.df !== undefined) assert.equal(got.df, want.df, `${what} df`);
}

function checkModel(name: string, m: OracleModel, panel: GmmPanel, spec: GmmSpec) {
  const plain = pgmm(panel, { ...spec, robust: false });
  const robust = pgmm(panel, { ...spec, robust: true });
  for (const r of [plain, robust]) {
    assert.equal(r.fit.groups, m.n_groups, `${name} groups`);
    assert.equal(r.fit.n, m.n_obs_used, `${name} n`);
    assert.equal(r.fit.instruments, m.n_instruments, `${name} instruments`);
    assert.equal(r.coefficients.length, values(m.coef).length, `${name} coefficients`);
    values(m.coef).forEach((b, k) => close(r.coefficients[k].estimate, b, `${name} coef ${r.coefficients[k].term}`));
  }
  values(m.se_nonrobust).forEach((se, k) => close(plain.coefficients[k].se, se, `${name} SE ${plain.coefficients[k].term}`));
  values(m.se_robust).forEach((se, k) => close(robust.coefficients[k].se, se, `${name} robust SE ${robust.coefficients[k].term}`));
  for (const r of [plain, robust]) {
    closeTest(testOf(r, 'hansen'), m.sargan_weights_twosteps, `${name} sargan(twosteps)`);
    closeTest(testOf(r, 'sargan'), m.sargan_weights_onestep, `${name} sargan(onestep)`);
  }
  closeTest(testOf(plain, 'ar1'), m.mtest1_default, `${name} mtest(1)`);
  closeTest(testOf(plain, 'ar2'), m.mtest2_default, `${name} mtest(2)`);
  closeTest(testOf(robust, 'ar1'), m.mtest1_robust, `${name} mtest(1, vcovHC)`);
  closeTest(testOf(robust, 'ar2'), m.mtest2_robust, `${name} mtest(2, vcovHC)`);
  const wald = (x: number | { stat: number }) => (typeof x === 'number' ? x : x.stat);
  close(testOf(robust, 'wald').statistic, wald(m.wald_coef_robust), `${name} Wald coef`);
  if (m.wald_td_robust !== null) close(testOf(robust, 'waldTime').statistic, wald(m.wald_td_robust), `${name} Wald time`);
  else assert.equal(robust.tests?.waldTime, undefined);
}

const shared = readJson(`${ECON}/results/pgmm_empluk_plm_2.6-6_cran.json`).models as Record<string, OracleModel>;
const extra = readJson(`${ECON}/results/pgmm_extra_plm_2.6-6.json`).models as Record<string, OracleModel>;
const fullPanel = panels.EmplUK;

test('the eight oracle specifications match plm 2.6-6 (coefficients, SEs, Sargan/Hansen, AR, Wald, counts)', () => {
  assert.equal(Object.keys(shared).length, 8);
  for (const [name, m] of Object.entries(shared)) checkModel(name, m, fullPanel, sharedSpec(name, m));
});

test('extra golden cases match plm 2.6-6: individual effects, explicit IVs, lag ranges, fsm, collapse with IVs, gaps, generalized inverses', () => {
  assert.equal(Object.keys(extra).length, 10);
  for (const [name, m] of Object.entries(extra)) {
    const spec = { ...m.spec!, gmm: m.spec!.gmm.map((g) => ({ ...g, lags: [g.lags[0], g.lags[1]] as [number, number] })) };
    checkModel(name, m, panels[m.data!], spec);
  }
});

test('Roodman (2009, §3.4) xtabond2 system GMM one-step robust figures, as quoted in METHODS.md', () => {
  const r = pgmm(fullPanel, { y: 'n', regressors: regressorsBB, gmm: gmmBB, transformation: 'ld' });
  const want = [[0.935605, 0.026295], [-0.630976, 0.118054], [0.48262, 0.136887], [0.48393, 0.053867], [-0.424393, 0.058479]];
  want.forEach(([b, se], k) => {
    assert.ok(Math.abs(r.coefficients[k].estimate - b) < 5e-7, `${r.coefficients[k].term}`);
    assert.ok(Math.abs(r.coefficients[k].se - se) < 5e-7, `${r.coefficients[k].term} SE`);
  });
});

test('xtabond2 conventions are reachable and change what they should', () => {
  const sys = { y: 'n', regressors: regressorsBB, gmm: gmmBB, transformation: 'ld' } as const;
  const plmDefault = pgmm(fullPanel, sys);
  // A one-step model's Hansen J from the two-step estimate: xtabond2's χ²(100) = 110.70, plm's sargan() on the two-step model.
  const hansen = pgmm(fullPanel, { ...sys, hansenAfterOneStep: 'twosteps' }).tests!.hansen;
  close(hansen.statistic, shared.BB98_twosteps_sys.sargan_weights_twosteps.stat, 'Hansen after one step');
  assert.equal(hansen.df, 100);
  close(plmDefault.tests!.hansen.statistic, shared.BB98_onestep_sys.sargan_weights_twosteps.stat, 'plm Hansen after one step');
  // Time dummies instrumenting both equations add their differences as instruments.
  const both = pgmm(fullPanel, { ...sys, timeDummyInstruments: 'both' });
  assert.equal(both.fit.instruments, plmDefault.fit.instruments + 7);
  assert.notEqual(both.coefficients[0].estimate, plmDefault.coefficients[0].estimate);
  // With every GMM lag starting at 2, xtabond2's level-instrument lag (from − 1) is plm's Δx_{t−1}.
  const fromMinusOne = pgmm(fullPanel, { ...sys, levelInstrumentLag: 'fromMinusOne' });
  assert.deepEqual(fromMinusOne.coefficients.map((c) => c.estimate), plmDefault.coefficients.map((c) => c.estimate));
  const lagThree = { ...sys, gmm: gmmBB.map((g) => ({ ...g, lags: [3, Infinity] as [number, number] })) };
  assert.notEqual(pgmm(fullPanel, { ...lagThree, levelInstrumentLag: 'fromMinusOne' }).coefficients[0].estimate, pgmm(fullPanel, lagThree).coefficients[0].estimate);
  // xtabond2's h(1) for system GMM: the identity first-step matrix.
  assert.notEqual(pgmm(fullPanel, { ...sys, fsm: 'I' }).coefficients[0].estimate, plmDefault.coefficients[0].estimate);
  assert.deepEqual([plmDefault.fit.n, plmDefault.fit.n_diff, plmDefault.fit.n_level], [1642, 751, 891]);
});

test('bad input raises GmmError with a clear message', () => {
  const spec: GmmSpec = { y: 'n', regressors: regressorsB, gmm: gmmN };
  const throwsGmm = (f: () => unknown, message: RegExp) => assert.throws(f, (e: unknown) => e instanceof GmmError && message.test((e as Error).message));
  throwsGmm(() => pgmm(fullPanel, { ...spec, regressors: [...regressorsB, ...L('n', 8)] }), /too few time periods: the lags need at least 10 periods, the panel has 9/);
  throwsGmm(() => pgmm({ unit: new Int32Array(), time: new Int32Array(), columns: {} }, spec), /no observations/);
  const nan = { ...fullPanel, columns: { ...fullPanel.columns, n: fullPanel.columns.n.map(() => NaN) } };
  throwsGmm(() => pgmm(nan, spec), /no observations: every row misses/);
  throwsGmm(() => pgmm(fullPanel, { ...spec, y: 'emp' }), /unknown variable emp/);
  throwsGmm(() => pgmm(fullPanel, { ...spec, fsm: 'full' }), /fsm 'full' applies to system GMM/);
  throwsGmm(() => pgmm(fullPanel, { ...spec, transformation: 'ld', fsm: 'G' }), /fsm 'G' applies to difference GMM/);
  throwsGmm(() => pgmm(fullPanel, { ...spec, transformation: 'ld', gmm: [{ variable: 'n', lags: [0, 3] }], levelInstrumentLag: 'fromMinusOne' }), /lags from 0 leave no lagged difference/);
  throwsGmm(() => pgmm(fullPanel, { ...spec, gmm: [{ variable: 'n', lags: [3, 2] }] }), /lags must be integers with 0 ≤ from ≤ to/);
  throwsGmm(() => pgmm(fullPanel, { ...spec, gmm: [...gmmN, ...gmmN] }), /listed twice/);
  const duplicateRow = { ...fullPanel, unit: Int32Array.from(fullPanel.unit, (u, i) => (i === 1 ? fullPanel.unit[0] : u)), time: Int32Array.from(fullPanel.time, (t, i) => (i === 1 ? fullPanel.time[0] : t)) };
  throwsGmm(() => pgmm(duplicateRow, spec), /unit 1 has more than one row in period 1977/);
  const gap = emplUK((_firm, year) => year !== 1980);
  throwsGmm(() => pgmm(gap, spec), /no observations in period 1980/);
  // Collinear regressors: the same variable twice.
  throwsGmm(() => pgmm(fullPanel, { ...spec, regressors: [...regressorsB, ...L('k', 0)] }), /one-step estimator .* is singular/);
  throwsGmm(() => pgmm(fullPanel, { ...spec, gmm: [{ variable: 'n', lags: [2, 2] }], iv: [], effect: 'individual' }), /under-identified: 6 instruments for 7 coefficients/);
});

test('more instruments than groups is estimated with a note, as plm does', () => {
  const r = pgmm(panels.few, { y: 'n', regressors: regressorsBB, gmm: gmmBB, transformation: 'ld' });
  assert.equal(r.fit.groups, 40);
  assert.ok(r.notes.some((n) => /113 instruments for 40 groups/.test(n)), r.notes.join('\n'));
  assert.ok(r.notes.some((n) => /generalized inverse/.test(n)), r.notes.join('\n'));
});

test('an infinite value (log of 0) counts as missing', () => {
  const spec: GmmSpec = { y: 'n', regressors: regressorsB, gmm: gmmN, model: 'twosteps' };
  const withValue = (v: number) => ({ ...fullPanel, columns: { ...fullPanel.columns, n: fullPanel.columns.n.map((x, i) => (i === 3 ? v : x)) } });
  const missing = pgmm(withValue(NaN), spec);
  const infinite = pgmm(withValue(-Infinity), spec);
  assert.deepEqual(infinite.coefficients, missing.coefficients);
  assert.ok(missing.fit.n < pgmm(fullPanel, spec).fit.n);
});
