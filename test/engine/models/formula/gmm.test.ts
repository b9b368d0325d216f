// gmmInput: formulas with l() and gmm:/iv: lists translated into pgmm's panel and specification. Estimated
// on EmplUK, they reproduce the plm::pgmm oracle (test/oracles/econ/results/pgmm_empluk_plm_2.6-6_cran.json)
// that gmm.test.ts reaches with a hand-built panel.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DataTable } from '../../../../server/src/engine/data/dataTable.ts';
import { gmmInput, parseFormula, FormulaError } from '../../../../server/src/engine/models/formula/index.ts';
import { pgmm, type GmmSpec } from '../../../../server/src/engine/models/gmm/index.ts';
import { close, numeric, readEconCsv, readEconJson } from '../econOracles.ts';
import { expr } from './exprText.ts';
import { table } from './table.ts';

const csv = readEconCsv('EmplUK.csv');
const emplUK: DataTable = {
  name: 'EmplUK',
  rows: csv.firm.length,
  columns: new Map(['emp', 'wage', 'capital', 'output'].map((name) => [name, { type: 'number', values: numeric(csv[name]) }])),
  panel: { unit: Int32Array.from(csv.firm, Number), time: Int32Array.from(csv.year, Number) },
};
const oracle = readEconJson('pgmm_empluk_plm_2.6-6_cran.json').models;

const F_A = 'log(emp) ~ l(log(emp), 1) + l(log(emp), 2) + log(wage) + l(log(wage), 1) + log(capital) + l(log(capital), 1) + l(log(capital), 2) + log(output) + l(log(output), 1) + l(log(output), 2)';
const F_BB = 'log(emp) ~ l(log(emp), 1) + log(wage) + l(log(wage), 1) + log(capital) + l(log(capital), 1)';
const input = (formula: string, gmm: string[], iv: string[] = []) => gmmInput(parseFormula(expr(formula)), emplUK, { gmm: gmm.map(expr), iv: iv.map(expr) });

function assertMatches(name: string, formula: string, gmm: string[], options: Partial<GmmSpec>) {
  const m = oracle[name];
  const { panel, spec } = input(formula, gmm);
  const r = pgmm(panel, { ...spec, transformation: m.transformation, model: m.model, collapse: m.collapse, effect: 'twoways', ...options });
  assert.equal(r.fit.n, m.n_obs_used);
  assert.equal(r.fit.instruments, m.n_instruments);
  // The regressors come first in plm's order; the intercept and time dummies follow (JSON objects list the
  // integer-like time-dummy keys first, so they are filtered out by name).
  const regressorValues = (x: Record<string, number>) => Object.entries(x).filter(([k]) => !/^(\d+|\(Intercept\))$/.test(k)).map(([, v]) => v);
  assert.equal(regressorValues(m.coef).length, spec.regressors.length);
  regressorValues(m.coef).forEach((b, k) => close(r.coefficients[k].estimate, b, `${name} ${r.coefficients[k].term}`));
  regressorValues(m.se_robust).forEach((se, k) => close(r.coefficients[k].se, se, `${name} SE ${r.coefficients[k].term}`));
}

test('Arellano–Bond (one step) and Blundell–Bond (system, two steps) from formulas equal plm::pgmm on EmplUK', () => {
  assertMatches('AB91_a1_onestep_diff', F_A, ['l(log(emp), 2..99)'], {});
  assertMatches('BB98_twosteps_sys', F_BB, ['l(log(emp), 2..)', 'l(log(wage), 2..)', 'l(log(capital), 2..)'], {});
});

test('level columns are the distinct expressions under the lags, named by their labels', () => {
  const { panel, spec } = input(F_BB, ['l(log(emp), 2..)'], ['log(wage)', 'l(log(capital), 1)']);
  assert.deepEqual(Object.keys(panel.columns), ['log(emp)', 'log(wage)', 'log(capital)']);
  assert.equal(spec.y, 'log(emp)');
  assert.deepEqual(spec.regressors, [
    { variable: 'log(emp)', lag: 1 },
    { variable: 'log(wage)', lag: 0 },
    { variable: 'log(wage)', lag: 1 },
    { variable: 'log(capital)', lag: 0 },
    { variable: 'log(capital)', lag: 1 },
  ]);
  assert.deepEqual(spec.iv, [{ variable: 'log(wage)', lag: 0 }, { variable: 'log(capital)', lag: 1 }]);
  assert.equal(panel.columns['log(wage)'][0], Math.log(emplUK.columns.get('wage')!.values[0] as number));
  assert.equal(panel.unit, emplUK.panel!.unit);
});

test('GMM lag ranges: 2.. → [2, ∞], 2..4 → [2, 4], 3 → [3, 3], a bare expression → [1, ∞] with a note', () => {
  const { spec, notes } = input('log(emp) ~ l(log(emp), 1)', ['l(log(emp), 2..)', 'l(log(wage), 2..4)', 'l(log(output), 3)', 'log(capital)']);
  assert.deepEqual(spec.gmm.map((g) => [g.variable, g.lags]), [['log(emp)', [2, Infinity]], ['log(wage)', [2, 4]], ['log(output)', [3, 3]], ['log(capital)', [1, Infinity]]]);
  assert.deepEqual(notes, ["GMM instruments `log(capital)`: lags 1 and beyond, xtabond2's default laglimits(1 .); write `l(log(capital), 2..)` for others."]);
  assert.equal(spec.iv, undefined); // no iv: the estimator's default
});

test('a product term is one level column; center() uses the rows where outcome and regressors are present', () => {
  const t = table({ y: [1, 2, 3, 4, 5, 6], a: [1, 2, 3, 4, 5, 100], b: [2, 2, 4, 4, 6, 6] }, { unit: [1, 1, 1, 2, 2, 2], time: [1, 2, 3, 1, 2, 3] });
  const { panel, spec } = gmmInput(parseFormula(expr('y ~ l(y, 1) + center(a):center(b)')), t, { gmm: [expr('l(y, 2..)')], iv: [] });
  assert.deepEqual(spec.regressors, [{ variable: 'y', lag: 1 }, { variable: 'center(a):center(b)', lag: 0 }]);
  // l(y, 1) is present in rows 1, 2, 4, 5: a's mean there is 27.5, b's 4.5.
  assert.deepEqual([...panel.columns['center(a):center(b)']], [1, 2, 3, 4, 5, 100].map((a, i) => (a - 27.5) * ([2, 2, 4, 4, 6, 6][i] - 4.5)));
});

test('GMM needs a panel index and takes no fixed effects', () => {
  const flat = table({ y: [1, 2], x: [3, 4] });
  assert.throws(() => gmmInput(parseFormula(expr('y ~ x')), flat, { gmm: [expr('y')], iv: [] }), (e: Error) => e instanceof FormulaError && /needs a panel/.test(e.message));
  assert.throws(() => input('log(emp) ~ log(wage) | firm', ['log(emp)']), /no fixed effects/);
});
