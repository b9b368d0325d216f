// Closeness and betweenness on worker threads against the same jobs on this thread (the same numbers to the
// last bit: tasks are fixed and summed in order), cancellation of a job on workers, and sampled betweenness
// (Brandes–Pich): all n sources give the exact values, k sources an estimate whose stated standard error holds.
import { test } from 'node:test';
import { existsSync, readdirSync } from 'node:fs';
import assert from 'node:assert/strict';
import { adjacencyOf, type Adjacency } from '../../server/src/engine/networks/adjacency.ts';
import { pathCentralities, pathCentralitiesHere } from '../../server/src/engine/networks/paths/centralities.ts';
import { Cancelled } from '../../server/src/engine/cancel.ts';
import { Rng } from '../../server/src/engine/prng.ts';

/** A seeded random network: n nodes, m ties (repeats summed, self-ties dropped as the engine drops them). */
function generated(n: number, m: number, directed: boolean, seed: number): Adjacency {
  const rng = new Rng(seed);
  const nodes = Array.from({ length: n }, (_, i) => `r${String(i).padStart(5, '0')}`);
  const ties = Array.from({ length: m }, () => ({ source: nodes[rng.int(0, n - 1)], target: nodes[rng.int(0, n - 1)], weight: rng.int(1, 3) }));
  return adjacencyOf({ directed, nodes, ties, intra: new Map() });
}

const ITEMS = ['closeness', 'in_closeness', 'betweenness'];

for (const directed of [true, false]) {
  test(`worker threads give exactly the single-thread values (${directed ? 'directed' : 'undirected'}, 600 nodes)`, async () => {
    const a = generated(600, 1500, directed, 7);
    const options = { unreachable: 'average' as const, sample: directed ? undefined : { sources: 150, seed: 3 } };
    assert.deepEqual(await pathCentralities(a, ITEMS, options, { workers: 2 }), pathCentralitiesHere(a, ITEMS, options));
  });
}

/** The process's threads (Linux); elsewhere undefined, and the check is left out. */
const threads = () => (existsSync('/proc/self/task') ? readdirSync('/proc/self/task').length : undefined);

test('a job on worker threads stops at the run\'s checkpoint and leaves no thread behind', async () => {
  const a = generated(600, 1500, false, 7);
  const before = threads();
  let calls = 0;
  const checkpoint = () => { if (++calls === 2) throw new Cancelled(); }; // the first task's answer cancels
  await assert.rejects(pathCentralities(a, ['betweenness'], { unreachable: 'n' }, { workers: 2, checkpoint }), Cancelled);
  assert.equal(threads(), before);
});

const big = generated(2000, 3000, false, 11);
const exact = pathCentralitiesHere(big, ['betweenness'], { unreachable: 'n' }).values.betweenness!;

test('sampled betweenness from all n sources is the exact betweenness, with no error', () => {
  const all = pathCentralitiesHere(big, ['betweenness'], { unreachable: 'n', sample: { sources: 2000, seed: 5 } });
  assert.deepEqual(all.values.betweenness, exact);
  assert.ok(all.betweennessError!.every((e) => e === 0));
});

test('sampled betweenness from k sources is unbiased within its stated standard error (30 seeds, the 10 highest nodes)', () => {
  const seeds = Array.from({ length: 30 }, (_, i) => i + 1);
  const runs = seeds.map((seed) => pathCentralitiesHere(big, ['betweenness'], { unreachable: 'n', sample: { sources: 200, seed } }));
  const top = exact.map((x, v) => [x, v]).sort((p, q) => q[0] - p[0]).slice(0, 10).map(([, v]) => v);
  for (const v of top) {
    const estimates = runs.map((r) => r.values.betweenness![v]);
    const stated = runs.map((r) => r.betweennessError![v]);
    const mean = estimates.reduce((s, x) => s + x, 0) / runs.length;
    // The mean of R independent estimates has standard error √(Σ se²)/R: within three of them of the exact value.
    const seOfMean = Math.sqrt(stated.reduce((s, e) => s + e * e, 0)) / runs.length;
    assert.ok(Math.abs(mean - exact[v]) <= 3 * seOfMean, `node ${v}: mean ${mean} vs exact ${exact[v]} (se of the mean ${seOfMean})`);
    // The stated error is the spread the estimates show across seeds (within a factor of two).
    const spread = Math.sqrt(estimates.reduce((s, x) => s + (x - mean) ** 2, 0) / (runs.length - 1));
    const typical = Math.sqrt(stated.reduce((s, e) => s + e * e, 0) / runs.length);
    assert.ok(spread <= 2 * typical && spread >= typical / 2, `node ${v}: spread ${spread} vs stated ${typical}`);
  }
});
