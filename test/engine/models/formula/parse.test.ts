// parseFormula / addTerms / label: R's terms() expansion and ordering, fixest's coefficient names, and the
// messages for what a formula cannot hold.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addTerms, FormulaError, label, parseFormula } from '../../../../server/src/engine/models/formula/index.ts';
import { expr } from './exprText.ts';

const terms = (text: string) => parseFormula(expr(text)).terms.map((t) => t.label);

test('labels deparse as fixest prints coefficient names', () => {
  assert.deepEqual(terms('InvCo ~ l(Overlap, 3) + log1p(IP) + center(log1p(IP)):center(NC)'), ['l(Overlap, 3)', 'log1p(IP)', 'center(log1p(IP)):center(NC)']);
  assert.equal(label(expr('log(x + 1)/2 * 3^2 - (a - b)')), 'log(x + 1)/2 * 3^2 - (a - b)'); // R: deparse(quote(...))
  assert.equal(label(expr('ctry in ("JP", "KR") and g7 == 1')), 'ctry in ("JP", "KR") and g7 == 1');
  assert.equal(label(expr('i(year, treat, ref: -1)')), 'i(year, treat, ref = -1)'); // named arguments as R deparses them
});

test('x*z expands to x, z, x:z; (a + b):c to a:c, b:c; terms by degree, then as written', () => {
  assert.deepEqual(terms('y ~ x*z + w'), ['x', 'z', 'w', 'x:z']);
  assert.deepEqual(terms('y ~ (a + b):c + c'), ['c', 'a:c', 'b:c']);
  assert.deepEqual(terms('y ~ a*b*c'), ['a', 'b', 'c', 'a:b', 'a:c', 'b:c', 'a:b:c']);
  // R orders a term's factors by their first appearance in the formula: terms(y ~ a + b:a) has "a:b".
  assert.deepEqual(terms('y ~ a + b:a'), ['a', 'a:b']);
  assert.deepEqual(terms('y ~ b:a + a'), ['a', 'b:a']);
});

test('duplicates count once; `- x` removes a term; `- 1` and `+ 0` drop the intercept', () => {
  assert.deepEqual(terms('y ~ x + x + x:z + z:x'), ['x', 'x:z']);
  assert.deepEqual(terms('y ~ x*z - z'), ['x', 'x:z']);
  assert.equal(parseFormula(expr('y ~ x - 1')).intercept, false);
  assert.equal(parseFormula(expr('y ~ 0 + x')).intercept, false);
  assert.equal(parseFormula(expr('y ~ x + 1')).intercept, true);
  assert.equal(parseFormula(expr('y ~ x')).intercept, true);
});

test('fixed effects: `+` separates terms, `^` interacts', () => {
  const f = parseFormula(expr('y ~ x | i^t + j^t + i^j'));
  assert.deepEqual(f.fixedEffects.map((fe) => fe.map(label).join('^')), ['i^t', 'j^t', 'i^j']);
  assert.deepEqual(f.terms.map((t) => t.label), ['x']);
  assert.equal(label(f.lhs), 'y');
});

test('addTerms: model m5 = m3 + l(Overlap, 3):Techadv_j keeps the fixed effects and puts interactions last', () => {
  const m3 = parseFormula(expr('InvCo ~ l(Overlap, 3) + l(InvCo, 3) | i^t + j^t + i^j'));
  const m5 = addTerms(m3, expr('NC + l(Overlap, 3):Techadv_j'));
  assert.deepEqual(m5.terms.map((t) => t.label), ['l(Overlap, 3)', 'l(InvCo, 3)', 'NC', 'l(Overlap, 3):Techadv_j']);
  assert.equal(m5.fixedEffects.length, 3);
  assert.deepEqual(addTerms(m3, expr('l(InvCo, 3) - l(Overlap, 3)')).terms.map((t) => t.label), ['l(InvCo, 3)']);
});

test('what a formula cannot hold is a FormulaError at its place', () => {
  const at = { start: 4, end: 9 };
  assert.throws(() => parseFormula({ type: 'binary', op: '+', left: expr('y'), right: expr('x'), at }), (e: FormulaError) => e instanceof FormulaError && /y ~ x1/.test(e.message) && e.at === at);
  assert.throws(() => parseFormula(expr('y ~ a^b')), /belongs after `\|`/);
  assert.throws(() => parseFormula(expr('y ~ x + 2')), /only be 1 .* or 0/);
  assert.throws(() => parseFormula(expr('y ~ x/1000')), /inside a function such as `log\(x\/1000\)`/);
  assert.throws(() => parseFormula(expr('y ~ x | a:b')), /not a fixed effect/);
});
