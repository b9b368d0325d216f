// The formula layer against R (test/oracles/econ/scripts/formula_designs.R → results/formula_designs_R.json)
// on formula_panel.csv (24 units × 2001–2008 with gaps, rows shuffled, missing numbers and text): designs as
// model.matrix with lags by unit and year, log1p, center() over the estimation sample, x*z and text dummies;
// NA accounting; interacted fixed effects; and feols / fepois without fixed effects against lm / glm(poisson)
// with sandwich (iid, HC1 = vcovHC "HC1", clustered = vcovCL(type = "HC1", cadjust = TRUE)).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Column, DataTable } from '../../../../server/src/engine/data/dataTable.ts';
import { buildDesign, parseFormula, type DesignOptions } from '../../../../server/src/engine/models/formula/index.ts';
import { fitFeols, fitFepois, summarizeFit } from '../../../../server/src/engine/models/hdfe/index.ts';
import { close, readEconCsv, readEconJson } from '../econOracles.ts';
import { expr } from './exprText.ts';

const oracle = readEconJson('formula_designs_R.json').cases;
const csv = readEconCsv('formula_panel.csv');
const TEXT = new Set(['ctry', 'sector']);
const panel: DataTable = {
  name: 'formula_panel.csv',
  rows: csv.unit.length,
  columns: new Map(
    Object.entries(csv).map(([name, values]): [string, Column] => [
      name,
      TEXT.has(name) ? { type: 'text', values: values.map((v) => v || null) } : { type: 'number', values: Float64Array.from(values, (v) => (v === '' ? NaN : Number(v))) },
    ]),
  ),
  panel: { unit: Int32Array.from(csv.unit, Number), time: Int32Array.from(csv.year, Number) },
};

const design = (c: { formula: string; where?: string }, options: Omit<DesignOptions, 'where'> = {}) =>
  buildDesign(parseFormula(expr(c.formula)), panel, { ...options, ...(c.where ? { where: expr(c.where) } : {}) });

function assertColumns(actual: { name: string; values: Float64Array }[], names: string[], values: number[][]) {
  assert.deepEqual(actual.map((c) => c.name), names);
  actual.forEach((c, k) => c.values.forEach((v, i) => close(v, values[k][i], `${c.name}[${i}]`, 1e-12, 1e-12)));
}

/** SEs from R; "NaN" where the two-way variance has a negative diagonal element. */
function assertSe(se: number[], expected: (number | string)[], what: string) {
  se.forEach((s, k) => (expected[k] === 'NaN' ? assert.ok(Number.isNaN(s), what) : close(s, expected[k] as number, `${what} ${k}`)));
}

const lagCase = oracle.lags_log1p_center;
const lagDesign = design(lagCase, { cluster: [expr('unit')] });

test('design: lags by unit and year, log1p, log with zeros, x*z, center() over the estimation sample — as model.matrix', () => {
  assert.deepEqual([...lagDesign.rows], lagCase.rows);
  assertColumns(lagDesign.frame.X, lagCase.names, lagCase.X);
  assert.deepEqual([...lagDesign.frame.y], lagCase.y);
});

test('design: subsample and NA counts as the script counts them, worded as fixest', () => {
  assert.deepEqual(lagDesign.notes, [
    `${lagCase.outside} observations outside the subsample \`ctry != "KR"\` excluded.`,
    `${lagCase.na_total} observations removed because of NA values (LHS: ${lagCase.na_lhs}, RHS: ${lagCase.na_rhs}).`,
    `\`log(pos)\` is undefined (not finite) for ${lagCase.log_undefined} observations, treated as missing.`,
  ]);
});

for (const name of ['text_dummies', 'text_interactions']) {
  test(`design: ${oracle[name].formula} — text factors coded as model.matrix, named var::level`, () => {
    const d = design(oracle[name]);
    assert.deepEqual([...d.rows], oracle[name].rows);
    assertColumns(d.frame.X, oracle[name].names, oracle[name].X);
  });
}

test('design: fixed effects unit + ctry^year and clusters, NA counted per part; feols coefficients equal lm with dummies', () => {
  const c = oracle.fixed_effects;
  const d = design(c, { cluster: [expr('ctry^year')] });
  assert.deepEqual([...d.rows], c.rows);
  assert.deepEqual([...d.frame.fe[0].codes], c.fe_unit);
  assert.deepEqual([...d.frame.fe[1].codes], c.fe_ctry_year);
  assert.deepEqual([...d.frame.cluster![0].codes], c.fe_ctry_year);
  assert.deepEqual(d.frame.fe.map((f) => f.name), ['unit', 'ctry^year']);
  assert.deepEqual(d.notes, [`${c.na_total} observations removed because of NA values (LHS: ${c.na_lhs}, RHS: ${c.na_rhs}, Fixed-effects: ${c.na_fe}, Cluster: ${c.na_fe}).`]);
  const fit = fitFeols(d.frame, { fixefTol: 1e-10 });
  fit.beta.forEach((b, k) => close(b, c.coef[k], `coef ${k}`, 1e-8));
  const weighted = fitFeols(design(c, { weights: expr('w') }).frame, { fixefTol: 1e-10 });
  weighted.beta.forEach((b, k) => close(b, c.coef_weighted[k], `weighted coef ${k}`, 1e-8));
});

test('feols without fixed effects equals lm: coefficients, R², iid / HC1 / clustered / two-way SEs', () => {
  const { lm, lm_weighted: lmw } = lagCase;
  const fit = fitFeols(lagDesign.frame);
  assert.deepEqual(fit.terms, lagCase.names);
  fit.beta.forEach((b, k) => close(b, lm.coef[k], `coef ${k}`, 1e-9));
  close(fit.fit.r2, lm.r2, 'r2', 1e-9);
  close(fit.fit.adj_r2, lm.adj_r2, 'adjusted r2', 1e-9);
  assert.equal(fit.fit.within_r2, undefined);
  const se = (options: Parameters<typeof summarizeFit>[1]) => summarizeFit(fit, options).coefficients.map((c) => c.se);
  const clusters = (...names: string[]) => design(lagCase, { cluster: names.map(expr) }).frame.cluster;
  assertSe(se({ vcov: 'iid' }), lm.se.iid, 'iid');
  assertSe(se({ vcov: 'hetero' }), lm.se.HC1, 'HC1');
  assertSe(se({}), lm.se.cluster_unit, 'cluster unit'); // the design's cluster is the default
  assertSe(se({ cluster: clusters('ctry^year') }), lm.se.cluster_ctry_year, 'cluster ctry^year');
  // sandwich's two-way vcovCL adjusts each term by its own G/(G − 1): fixest's ssc(cluster.df = "conventional").
  assertSe(se({ cluster: clusters('unit', 'year'), ssc: { clusterDf: 'conventional' } }), lm.se.twoway_unit_year, 'two-way');
  const weighted = fitFeols(design(lagCase, { weights: expr('w'), cluster: [expr('unit')] }).frame);
  weighted.beta.forEach((b, k) => close(b, lmw.coef[k], `weighted coef ${k}`, 1e-9));
  const wse = (options: Parameters<typeof summarizeFit>[1]) => summarizeFit(weighted, options).coefficients.map((c) => c.se);
  assertSe(wse({ vcov: 'iid' }), lmw.se.iid, 'weighted iid');
  assertSe(wse({ vcov: 'hetero' }), lmw.se.HC1, 'weighted HC1');
  assertSe(wse({}), lmw.se.cluster_unit, 'weighted cluster');
});

test('fepois without fixed effects equals glm(poisson): coefficients, deviance, HC1 and clustered SEs; iid as glm without the K adjustment', () => {
  const c = oracle.poisson;
  const d = design(c, { cluster: [expr('unit')] });
  assert.deepEqual([...d.rows], c.rows);
  const fit = fitFepois(d.frame, { glmTol: 1e-12 });
  fit.beta.forEach((b, k) => close(b, c.coef[k], `coef ${k}`, 1e-8));
  close(fit.fit.deviance, c.deviance, 'deviance', 1e-10);
  close(fit.fit.loglik, c.loglik, 'loglik', 1e-10);
  const se = (options: Parameters<typeof summarizeFit>[1]) => summarizeFit(fit, options).coefficients.map((s) => s.se);
  assertSe(se({ vcov: 'hetero' }), c.se.HC1, 'HC1');
  assertSe(se({}), c.se.cluster_unit, 'cluster unit');
  assertSe(se({ vcov: 'iid', ssc: { adj: false } }), c.se.iid, 'iid');
  // fixest's default multiplies the iid variance by (n − 1)/(n − K) as every other.
  const n = c.rows.length;
  const K = c.coef.length;
  assertSe(se({ vcov: 'iid' }), c.se.iid.map((s: number) => s * Math.sqrt((n - 1) / (n - K))), 'iid, fixest adj');
});
