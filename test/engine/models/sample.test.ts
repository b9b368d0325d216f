// The estimation sample (hdfe/sample.ts) against its definition written plainly: rounds in which every fixed
// effect is judged on the same sample, all of every round's flagged rows removed, until a round flags nothing;
// then each fixed effect recoded densely over the rows left, in order of first appearance.
import assert from 'node:assert/strict';
import test from 'node:test';
import { Rng } from '../../../server/src/engine/prng.ts';
import { restrictSample, type SampleRules } from '../../../server/src/engine/models/hdfe/sample.ts';
import type { FactorColumn } from '../../../server/src/engine/models/frame.ts';

function referenceSample(fe: Int32Array[], y: Float64Array, rules: SampleRules, keep?: Uint8Array) {
  const n = y.length;
  const kept = Array.from({ length: n }, (_, i) => (keep ? keep[i] === 1 : true));
  const removedLevels = fe.map(() => 0);
  let removedSingletons = 0;
  let removedAllZero = 0;
  for (let changed = rules.singletons || rules.allZeroGroups; changed; ) {
    changed = false;
    const why = new Array<number>(n).fill(0);
    fe.forEach((codes, q) => {
      const rowsOf = new Map<number, number[]>();
      for (let i = 0; i < n; i++) if (kept[i]) rowsOf.set(codes[i], [...(rowsOf.get(codes[i]) ?? []), i]);
      for (const rows of rowsOf.values()) {
        const allZero = rules.allZeroGroups && rows.every((i) => y[i] === 0);
        const single = rules.singletons && rows.length === 1;
        if (!allZero && !single) continue;
        removedLevels[q]++;
        for (const i of rows) if (!why[i]) why[i] = allZero ? 1 : 2;
      }
    });
    for (let i = 0; i < n; i++) {
      if (!why[i]) continue;
      kept[i] = false;
      changed = true;
      if (why[i] === 1) removedAllZero++;
      else removedSingletons++;
    }
  }
  const rows = kept.flatMap((k, i) => (k ? [i] : []));
  const recoded = fe.map((codes) => {
    const code = new Map<number, number>();
    return rows.map((i) => {
      if (!code.has(codes[i])) code.set(codes[i], code.size);
      return code.get(codes[i])!;
    });
  });
  return { rows, recoded, removedLevels, removedSingletons, removedAllZero };
}

test('the estimation sample equals its plain definition: cascades of singletons and all-zero groups, excluded rows, dense or raw codes', () => {
  const rng = new Rng(16);
  for (let trial = 0; trial < 300; trial++) {
    const n = rng.int(1, 60);
    const dims = rng.int(1, 3);
    // Few levels per dimension, so that removing a row often leaves another level with one row or only zeros.
    const fe = Array.from({ length: dims }, () => {
      const levels = rng.int(1, Math.max(1, Math.floor(n / 2)));
      return Int32Array.from({ length: n }, () => 3 * rng.int(0, levels - 1) + 7); // raw codes: neither dense nor from 0
    });
    const y = Float64Array.from({ length: n }, () => (rng.chance(0.5) ? 0 : rng.int(1, 5)));
    const keep = rng.chance(0.3) ? Uint8Array.from({ length: n }, () => (rng.chance(0.8) ? 1 : 0)) : undefined;
    const rules = { singletons: rng.chance(0.7), allZeroGroups: rng.chance(0.6) };
    const expected = referenceSample(fe, y, rules, keep);
    const raw: FactorColumn[] = fe.map((codes, q) => ({ name: `f${q}`, codes }));
    // The same factors already dense (as a formula's are), their level counts given.
    const dense: FactorColumn[] = raw.map((f) => {
      const code = new Map<number, number>();
      const codes = Int32Array.from(f.codes, (c) => (code.has(c) ? code.get(c)! : (code.set(c, code.size), code.size - 1)));
      return { name: f.name, codes, levels: code.size };
    });
    for (const factors of [raw, dense]) {
      const got = restrictSample(factors, y, rules, keep);
      assert.deepEqual(Array.from(got.rows), expected.rows, `trial ${trial}: rows`);
      assert.deepEqual(got.fe.map((f) => Array.from(f.codes)), expected.recoded, `trial ${trial}: codes`);
      assert.deepEqual(got.fe.map((f) => f.levels), expected.recoded.map((codes) => new Set(codes).size), `trial ${trial}: levels`);
      assert.deepEqual(
        [got.removedLevels, got.removedSingletons, got.removedAllZero],
        [expected.removedLevels, expected.removedSingletons, expected.removedAllZero],
        `trial ${trial}: counts`,
      );
    }
  }
});
