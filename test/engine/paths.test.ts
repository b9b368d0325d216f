// Closeness and betweenness on worker threads against the same jobs on this thread (the same numbers to the
// last bit: tasks are fixed and summed in order), cancellation of a job on workers, and sampled betweenness
// (Brandes–Pich) and closeness (Eppstein–Wang): all n sources give the exact values, k sources an estimate whose
// stated standard error holds.
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

// Directed: sampled closeness (searches along the arcs and the reversed arcs) and exact betweenness; undirected:
// exact closeness and sampled betweenness. Between them every job kind, with and without squares.
for (const directed of [true, false]) {
  test(`worker threads give exactly the single-thread values (${directed ? 'directed' : 'undirected'}, 600 nodes)`, async () => {
    const a = generated(600, 1500, directed, 7);
    const options = { unreachable: 'average' as const, sample: directed ? { closeness: 150, seed: 3 } : { betweenness: 150, seed: 3 } };
    const here = pathCentralitiesHere(a, ITEMS, options);
    assert.deepEqual(Object.keys(here.errors).sort(), directed ? ['closeness', 'in_closeness'] : ['betweenness']);
    assert.deepEqual(await pathCentralities(a, ITEMS, options, { workers: 2 }), here);
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
  const all = pathCentralitiesHere(big, ['betweenness'], { unreachable: 'n', sample: { betweenness: 2000, seed: 5 } });
  assert.deepEqual(all.values.betweenness, exact);
  assert.ok(all.errors.betweenness!.every((e) => e === 0));
});

test('sampled betweenness from k sources is unbiased within its stated standard error (30 seeds, the 10 highest nodes)', () => {
  const seeds = Array.from({ length: 30 }, (_, i) => i + 1);
  const runs = seeds.map((seed) => pathCentralitiesHere(big, ['betweenness'], { unreachable: 'n', sample: { betweenness: 200, seed } }));
  const top = exact.map((x, v) => [x, v]).sort((p, q) => q[0] - p[0]).slice(0, 10).map(([, v]) => v);
  for (const v of top) {
    const estimates = runs.map((r) => r.values.betweenness![v]);
    const stated = runs.map((r) => r.errors.betweenness![v]);
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

const CLOSENESS = ['closeness', 'in_closeness'] as const;
const CONVENTIONS = ['max_plus_one', 'n', 'ignore', 'average'] as const;

for (const directed of [true, false]) {
  test(`sampled closeness from all n sources (or more) is the exact closeness to the last bit, with no error (${directed ? 'directed' : 'undirected'}, every \`unreachable\`)`, () => {
    const a = generated(300, directed ? 600 : 250, directed, 17); // sparse: many pairs unreachable
    for (const unreachable of CONVENTIONS) {
      const exactValues = pathCentralitiesHere(a, CLOSENESS, { unreachable }).values;
      for (const k of [300, 310]) {
        const all = pathCentralitiesHere(a, CLOSENESS, { unreachable, sample: { closeness: k, seed: 5 } });
        assert.deepEqual(all.values, exactValues, `${unreachable}, k = ${k}`);
        for (const item of CLOSENESS) assert.ok(all.errors[item]!.every((e) => e === 0), `${item} errors, ${unreachable}`);
      }
    }
  });
}

/** A connected network: a ring (directed: a cycle, so strongly connected) and m random ties. */
function connected(n: number, m: number, directed: boolean, seed: number): Adjacency {
  const rng = new Rng(seed);
  const nodes = Array.from({ length: n }, (_, i) => `r${String(i).padStart(5, '0')}`);
  const ring = nodes.map((source, i) => ({ source, target: nodes[(i + 1) % n], weight: 1 }));
  const ties = Array.from({ length: m }, () => ({ source: nodes[rng.int(0, n - 1)], target: nodes[rng.int(0, n - 1)], weight: 1 }));
  return adjacencyOf({ directed, nodes, ties: [...ring, ...ties], intra: new Map() });
}

/** 30 seeds' estimates of `item` from k sources, set against the exact values: how they fall within their stated errors. */
function closenessRuns(a: Adjacency, item: (typeof CLOSENESS)[number], unreachable: (typeof CONVENTIONS)[number], k: number) {
  const n = a.offsets.length - 1;
  const exactValues = pathCentralitiesHere(a, [item], { unreachable }).values[item]!;
  const runs = Array.from({ length: 30 }, (_, i) => pathCentralitiesHere(a, [item], { unreachable, sample: { closeness: k, seed: i + 1 } }));
  let within = 0;
  const ratios: number[] = [];
  for (let v = 0; v < n; v++) {
    const estimates = runs.map((r) => r.values[item]![v]);
    const stated = runs.map((r) => r.errors[item]![v]);
    within += estimates.filter((x, i) => Math.abs(x - exactValues[v]) <= 3 * stated[i]).length;
    const mean = estimates.reduce((s, x) => s + x, 0) / runs.length;
    const spread = Math.sqrt(estimates.reduce((s, x) => s + (x - mean) ** 2, 0) / (runs.length - 1));
    const typical = Math.sqrt(stated.reduce((s, e) => s + e * e, 0) / runs.length);
    ratios.push(spread === typical ? 1 : spread / typical); // 0 / 0: a node every sample gets right, and says so
  }
  return { within: within / (n * runs.length), ratios: ratios.sort((p, q) => p - q) };
}

for (const directed of [true, false]) {
  for (const k of [40, 150]) {
    test(`sampled closeness from ${k} of 300 sources falls within its stated standard error (${directed ? 'directed' : 'undirected'}, 30 seeds, every node)`, () => {
      const a = connected(300, 300, directed, 13);
      for (const item of CLOSENESS) {
        for (const unreachable of ['max_plus_one', 'ignore'] as const) {
          const { within, ratios } = closenessRuns(a, item, unreachable, k);
          // Nearly all estimates within three standard errors of the exact value (99.7% if they were normal).
          assert.ok(within >= 0.98, `${item}, ${unreachable}: ${within} within 3 se`);
          // Each node's spread across seeds is its stated error within a factor of two, and typically the error
          // itself (the finite-population correction matters: without it, at k = 150 the ratio would be √½).
          assert.ok(ratios[0] >= 0.5 && ratios.at(-1)! <= 2, `${item}, ${unreachable}: spread / stated from ${ratios[0]} to ${ratios.at(-1)}`);
          const median = ratios[ratios.length >> 1];
          assert.ok(median >= 0.85 && median <= 1.15, `${item}, ${unreachable}: median spread / stated ${median}`);
        }
      }
    });
  }
}

test('sampled closeness with unreachable pairs left out (`ignore`): a ratio estimate within its stated error for nearly all nodes', () => {
  const a = generated(400, 1200, true, 13); // about a tenth of the nodes outside the giant strong component
  for (const item of CLOSENESS) {
    const { within, ratios } = closenessRuns(a, item, 'ignore', 60);
    assert.ok(within >= 0.98, `${item}: ${within} within 3 se`);
    const calibrated = ratios.filter((r) => r >= 0.5 && r <= 2).length / ratios.length;
    assert.ok(calibrated >= 0.97, `${item}: ${calibrated} of the nodes' spreads within a factor two of the stated error`);
  }
});
