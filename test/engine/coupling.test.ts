// The coupling product's two accumulators — the sparse row-by-row product and the dense triangle — against a
// plain sum over each column's pairs, on random matrices, with and without `between` and `touching`, for the
// three weights: the same ties, in the same order, with the same weights.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { couplingTies, type Columns, type CouplingRule } from '../../server/src/engine/networks/coupling.ts';
import { rngFor, type Rng } from '../../server/src/engine/prng.ts';

const WEIGHTS = { count: () => 1, product: (a: number, b: number) => a * b, min: (a: number, b: number) => Math.min(a, b) };

/** A random matrix: each column a few distinct regions, ascending, each with a count of 1–3. */
function randomColumns(rng: Rng, regions: number, columns: number): Columns {
  const start = [0];
  const cells: number[] = [];
  for (let c = 0; c < columns; c++) {
    const size = rng.int(0, Math.min(regions, 6));
    const chosen = new Set<number>();
    while (chosen.size < size) chosen.add(rng.int(0, regions - 1));
    for (const r of [...chosen].sort((a, b) => a - b)) cells.push(r, rng.int(1, 3));
    start.push(cells.length / 2);
  }
  return { start: Int32Array.from(start), cells: Int32Array.from(cells) };
}

/** The ties by definition: every ordered pair the rule allows, summed over the columns both regions are in. */
function expectedTies(a: Columns, rule: CouplingRule): Array<[number, number, number]> {
  const sums = new Map<string, number>();
  for (let c = 0; c + 1 < a.start.length; c++) {
    for (let e = a.start[c]; e < a.start[c + 1]; e++) {
      for (let f = a.start[c]; f < a.start[c + 1]; f++) {
        const [i, j] = [a.cells[2 * e], a.cells[2 * f]];
        const allowed = rule.between ? i !== j && rule.between.left[i] && rule.between.right[j] : i < j;
        if (!allowed || !(rule.touching[i] || rule.touching[j])) continue;
        const key = `${i},${j}`;
        sums.set(key, (sums.get(key) ?? 0) + rule.weigh(a.cells[2 * e + 1], a.cells[2 * f + 1]));
      }
    }
  }
  return [...sums].map(([key, w]) => [...key.split(',').map(Number), w] as [number, number, number])
    .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}

function ties(a: Columns, regions: number, rule: CouplingRule, accumulator: 'dense' | 'sparse'): Array<[number, number, number]> {
  const out: Array<[number, number, number]> = [];
  couplingTies(a, regions, rule, (i, j, w) => out.push([i, j, w]), accumulator);
  return out;
}

test('dense and sparse accumulators give the ties of the definition, in order (random matrices, every rule and weight)', () => {
  const rng = rngFor(20, 'coupling.test');
  let tied = 0;
  for (let trial = 0; trial < 120; trial++) {
    const regions = rng.int(1, 25);
    const a = randomColumns(rng, regions, rng.int(0, 80));
    const flags = (p: number) => Uint8Array.from({ length: regions }, () => (rng.next() < p ? 1 : 0));
    const touching = trial % 3 === 0 ? flags(0.3) : flags(1);
    const between = trial % 2 === 0 ? { left: flags(0.5), right: flags(0.6) } : undefined;
    for (const [name, weigh] of Object.entries(WEIGHTS)) {
      const rule: CouplingRule = { touching, weigh, ...(between ? { between } : {}) };
      const want = expectedTies(a, rule);
      assert.deepEqual(ties(a, regions, rule, 'sparse'), want, `trial ${trial}, ${name}, sparse`);
      assert.deepEqual(ties(a, regions, rule, 'dense'), want, `trial ${trial}, ${name}, dense`);
      tied += want.length;
    }
  }
  assert.ok(tied > 1000, `only ${tied} ties in all trials`);
});
