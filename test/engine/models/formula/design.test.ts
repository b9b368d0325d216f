// buildDesign on a hand-made table: subsample and NA accounting, text dummies, the intercept, interacted
// fixed effects and clusters, and center() over the estimation sample. (Against R: designOracle.test.ts.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDesign, FormulaError, parseFormula } from '../../../../server/src/engine/models/formula/index.ts';
import { EstimationError, fitFeols } from '../../../../server/src/engine/models/hdfe/index.ts';
import { expr } from './exprText.ts';
import { table } from './table.ts';

const t = table({
  y: [1, 2, NaN, 4, 5, 6, 7, 8],
  x: [1, NaN, 3, 4, 0, 6, 7, 8],
  sector: ['b', 'a', 'a', 'c', 'b', 'a', 'c', null],
  i: [1, 1, 1, 2, 2, 2, 3, 3],
  t: ['u', 'v', 'u', 'v', 'u', 'v', 'u', 'v'],
  g7: [1, 1, 1, 1, 1, 1, 0, 1],
});
const design = (formula: string, options: { where?: string; cluster?: string[] } = {}) =>
  buildDesign(parseFormula(expr(formula)), t, { where: options.where ? expr(options.where) : undefined, cluster: options.cluster?.map(expr) });

test('rows missing a part are dropped and counted per part, as fixest; rows outside `where` are noted', () => {
  const d = design('y ~ log(x) + sector', { where: 'g7 == 1' });
  assert.deepEqual([...d.rows], [0, 3, 5]);
  assert.deepEqual(d.notes, [
    '1 observation outside the subsample `g7 == 1` excluded.',
    '4 observations removed because of NA values (LHS: 1, RHS: 3).',
    '`log(x)` is undefined (not finite) for 1 observation, treated as missing.',
  ]);
});

test('no fixed effects: an (Intercept) column; text regressors as dummies named var::level, first level the reference', () => {
  const d = design('y ~ x + sector');
  assert.deepEqual(d.frame.X.map((c) => c.name), ['(Intercept)', 'x', 'sector::b', 'sector::c']);
  assert.deepEqual([...d.rows], [0, 3, 4, 5, 6]);
  assert.deepEqual([...d.frame.X[2].values], [1, 0, 1, 0, 0]);
  assert.deepEqual([...d.frame.y], [1, 4, 5, 6, 7]);
  assert.equal(d.frame.yName, 'y');
  assert.deepEqual(design('y ~ x - 1').frame.X.map((c) => c.name), ['x']);
  // As model.matrix: without the main effect of sector, x:sector has a slope for every level.
  assert.deepEqual(design('y ~ x:sector').frame.X.map((c) => c.name), ['(Intercept)', 'x:sector::a', 'x:sector::b', 'x:sector::c']);
  assert.deepEqual(design('y ~ sector - 1').frame.X.map((c) => c.name), ['sector::a', 'sector::b', 'sector::c']);
});

test('fixed effects and clusters from number or text columns, `^` interacted; no intercept column with FE', () => {
  const d = design('y ~ x | i^t + sector', { cluster: ['i', 'sector^t'] });
  assert.deepEqual(d.frame.X.map((c) => c.name), ['x']);
  assert.deepEqual(d.frame.fe.map((f) => f.name), ['i^t', 'sector']);
  assert.deepEqual(d.frame.cluster!.map((f) => f.name), ['i', 'sector^t']);
  assert.deepEqual([...d.rows], [0, 3, 4, 5, 6]); // row 7 has no sector: an NA in the fixed effects
  assert.deepEqual([...d.frame.fe[0].codes], [0, 1, 2, 1, 3]); // (1,u) (2,v) (2,u) (2,v) (3,u)
  assert.ok(d.notes[0].includes('(LHS: 1, RHS: 1, Fixed-effects: 1, Cluster: 1)'));
});

test('center() uses the mean over the estimation sample', () => {
  const d = design('y ~ center(x) | i');
  const kept = [1, 4, 0, 6, 7, 8];
  const mean = kept.reduce((s, v) => s + v, 0) / kept.length;
  assert.deepEqual([...d.frame.X[0].values], kept.map((v) => v - mean));
});

test('an empty sample is a FormulaError', () => {
  assert.throws(() => design('y ~ x', { where: 'g7 == 2' }), (e: Error) => e instanceof FormulaError && /No observation is left/.test(e.message));
});

test('without fixed effects, feols drops a regressor collinear with the intercept and needs at least one regressor', () => {
  const d = buildDesign(parseFormula(expr('y ~ x + g7')), t, { where: expr('g7 == 1') });
  const fit = fitFeols(d.frame);
  assert.deepEqual(fit.terms, ['(Intercept)', 'x']);
  assert.deepEqual(fit.notes, ['Removed because of collinearity with other regressors: "g7".']);
  assert.throws(() => fitFeols(design('y ~ 0').frame), (e: Error) => e instanceof EstimationError && e.message === 'The model has no regressors.');
});

test('i() and factor(): which level each leaves out, fixest\'s and model.matrix\'s names, ref: checked against the sample', () => {
  const names = (formula: string) => design(formula).frame.X.map((c) => c.name);
  // i(x) alone drops its first level (sorted numerically for numbers) or the ref: levels; with a slope it keeps all.
  assert.deepEqual(names('y ~ i(i)'), ['(Intercept)', 'i::2', 'i::3']);
  assert.deepEqual(names('y ~ i(sector, ref: "b")'), ['(Intercept)', 'sector::a', 'sector::c']);
  assert.deepEqual(names('y ~ i(i, ref: (1, 3)) | t'), ['i::2']);
  assert.deepEqual(names('y ~ i(sector, x)'), ['(Intercept)', 'sector::a:x', 'sector::b:x', 'sector::c:x']);
  assert.deepEqual([...design('y ~ i(sector, x)').frame.X[1].values], [0, 0, 0, 6, 0]);
  // Without intercept and fixed effects the first i() is coded in full, a second one is not.
  assert.deepEqual(names('y ~ i(sector) + i(t) - 1'), ['sector::a', 'sector::b', 'sector::c', 't::v']);
  // factor(): R's treatment coding and names, ref: as relevel().
  assert.deepEqual(names('y ~ x + factor(sector, ref: "c")'), ['(Intercept)', 'x', 'factor(sector)a', 'factor(sector)b']);
  assert.deepEqual(names('y ~ factor(i) - 1'), ['factor(i)1', 'factor(i)2', 'factor(i)3']);
  assert.throws(() => design('y ~ i(sector, ref: "z")'), (e: FormulaError) => e instanceof FormulaError && /`ref: "z"` is not a level of `sector` in the estimation sample \(its levels: a, b, c\)/.test(e.message));
  assert.throws(() => design('y ~ i(i, t)'), /`t` is text: i\(x, var\) interacts the factor x with a numeric variable/);
  assert.throws(() => design('y ~ x', { where: 'i(sector) == 1' }), /makes dummy regressors: it can only be a regressor term of a model's formula/);
});
