// The seeded shuffles of placebo tests: within groups each group keeps its multiset of values, the draws are
// those of a plain Fisher–Yates shuffle when there is one group, and values do move.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng, rngFor } from '../../server/src/engine/prng.ts';

const sorted = (values: Iterable<number>) => [...values].sort((a, b) => a - b);

/** The values of each group, sorted: the group's multiset. */
function multisets(values: Float64Array, groups: Int32Array): Map<number, number[]> {
  const out = new Map<number, number[]>();
  groups.forEach((g, r) => out.set(g, [...(out.get(g) ?? []), values[r]]));
  return new Map([...out].map(([g, v]) => [g, sorted(v)]));
}

test('within groups, every group keeps its multiset of values (200 random tables), and values change rows', () => {
  const make = rngFor(7, 'prng.test');
  let moved = 0;
  for (let trial = 0; trial < 200; trial++) {
    const rows = make.int(1, 60);
    const groupCount = make.int(1, 6);
    const groups = Int32Array.from({ length: rows }, () => make.int(0, groupCount - 1));
    const values = Float64Array.from({ length: rows }, () => make.int(0, 9));
    const shuffled = new Rng(trial).shuffled(values, groups);
    assert.deepEqual(multisets(shuffled, groups), multisets(values, groups), `trial ${trial}`);
    if (shuffled.some((v, r) => v !== values[r])) moved++;
  }
  assert.ok(moved > 150, `values moved in only ${moved} of 200 tables`);
});

test('across all rows, values leave their group: a group\'s multiset changes', () => {
  const groups = Int32Array.from({ length: 40 }, (_, r) => r % 4);
  const values = Float64Array.from({ length: 40 }, (_, r) => r % 4);
  const shuffled = new Rng(3).shuffled(values);
  assert.deepEqual(sorted(shuffled), sorted(values));
  assert.notDeepEqual(multisets(shuffled, groups), multisets(values, groups));
});

test('one group draws what no groups draws, a Fisher–Yates shuffle of the whole column', () => {
  const values = Float64Array.from({ length: 25 }, (_, r) => r * 1.5);
  const expected = Float64Array.from(values);
  const rng = new Rng(11);
  for (let i = expected.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [expected[i], expected[j]] = [expected[j], expected[i]];
  }
  assert.deepEqual(new Rng(11).shuffled(values), expected);
  assert.deepEqual(new Rng(11).shuffled(values, new Int32Array(25).fill(3)), expected);
});
