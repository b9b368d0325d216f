// fixest's fixef() normalisation (cpp_get_fe_gnl) on hand-made sums of three fixed effects in two groups of
// observations that share no level: the values must reproduce every observation's sum, and the references
// must be the levels fixest sets to 0 — the second and third FE's levels of each group's first observation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixedEffectValues, type NamedFactor } from '../../../server/src/engine/models/fixedEffectValues.ts';

const truth: Record<string, number> = { a1: 1.5, a2: -0.25, a3: 3, a4: 2, b1: 0.75, b2: -1, b3: 0.5, b4: 4, c1: 2.25, c2: 0.125, c3: -2, c4: 1 };
const groupA = [['a1', 'b1', 'c1'], ['a2', 'b1', 'c2'], ['a1', 'b2', 'c2'], ['a2', 'b2', 'c1'], ['a1', 'b1', 'c2'], ['a2', 'b2', 'c2']];

/** Each FE as a factor over `rows` ([a, b, c] labels per observation), with the sums of the true values. */
function solve(rows: string[][]) {
  const fe = ['a', 'b', 'c'].map((name, q): NamedFactor => {
    const labels: string[] = [];
    const codes = Int32Array.from(rows, (r) => {
      if (!labels.includes(r[q])) labels.push(r[q]);
      return labels.indexOf(r[q]);
    });
    return { name, codes, levels: labels.length, labels };
  });
  const sums = Float64Array.from(rows, (r) => r.reduce((s, level) => s + truth[level], 0));
  const result = fixedEffectValues(sums, fe);
  const value = new Map(result.effects.flatMap((f) => f.levels.map((level, k) => [level, f.values[k]] as const)));
  rows.forEach((r, i) => assert.ok(Math.abs(r.reduce((s, level) => s + value.get(level)!, 0) - sums[i]) < 1e-9, `row ${i} reproduced`));
  return { result, value };
}

test('three fixed effects in two unconnected groups: sums reproduced, references as fixest sets them', () => {
  const { result, value } = solve([...groupA, ['a3', 'b3', 'c3'], ['a4', 'b3', 'c3'], ['a3', 'b4', 'c3'], ['a3', 'b3', 'c4']]);
  assert.equal(result.note, undefined);
  assert.deepEqual(result.effects.map((f) => f.references), [0, 2, 2]);
  for (const reference of ['b1', 'c1', 'b3', 'c3']) assert.equal(value.get(reference), 0, reference);
  // Differences between levels of one FE within a group are identified: they must be the true ones.
  assert.ok(Math.abs(value.get('a1')! - value.get('a2')! - (truth.a1 - truth.a2)) < 1e-12);
  assert.ok(Math.abs(value.get('b4')! - value.get('b3')! - (truth.b4 - truth.b3)) < 1e-12);
  assert.deepEqual(result.effects[0].levels, ['a1', 'a2', 'a3', 'a4']);
});

test('where one reference per extra FE cannot identify the levels, the projections\' values and a note', () => {
  // A half fraction of 2×2×2: from the first observation's references no other observation has one unknown.
  const { result } = solve([...groupA, ['a3', 'b3', 'c3'], ['a4', 'b3', 'c4'], ['a3', 'b4', 'c4'], ['a4', 'b4', 'c3']]);
  assert.match(result.note ?? '', /not identified by setting one level per extra fixed effect to 0/);
  assert.deepEqual(result.effects.map((f) => f.references), [0, 0, 0]);
});

test('levels sort as fixest sorts them: numerically when every label is a whole number', () => {
  const f: NamedFactor = { name: 'year', codes: Int32Array.from([0, 1, 2]), levels: 3, labels: ['10', '9', '100'] };
  const { effects: [result] } = fixedEffectValues(Float64Array.from([1, 2, 3]), [f]);
  assert.deepEqual(result.levels, ['9', '10', '100']);
  assert.deepEqual(result.values, [2, 1, 3]);
  assert.equal(result.references, 0);
});
