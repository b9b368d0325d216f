// Modularity (Gephi's formula) and seeded best-of-N Louvain and Leiden against cases 01 and 05 (copied to
// test/oracles) and case 13: exact optima from python-igraph's GLPK solver (scripts/golden_optimal_modularity.py).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bestCommunities, defaultIterations, modularity, type CommunityOptions } from '../../server/src/engine/networks/communities.ts';
import { adjacencyOf, type Adjacency } from '../../server/src/engine/networks/adjacency.ts';
import type { Matrix } from '../../server/src/engine/networks/measures.ts';
import { Rng } from '../../server/src/engine/prng.ts';
import { SNA, case01LedMatrix as case01, readJson, readRecords as records } from '../oracles/read.ts';

function karate(): Matrix {
  const nodes = Array.from({ length: 34 }, (_, i) => String(i));
  const w = nodes.map(() => nodes.map(() => 0));
  for (const e of records(`${SNA}/05_louvain_karate/karate_edges.csv`)) w[Number(e.source)][Number(e.target)] = w[Number(e.target)][Number(e.source)] = 1;
  return { nodes, w, directed: false };
}
const membershipOf = (m: Matrix, partition: (string | number)[][]) => m.nodes.map((n) => partition.findIndex((block) => block.map(String).includes(n)));
/** Labels renumbered in order of first appearance, so that two partitions compare up to relabelling. */
const canonical = (labels: readonly number[]) => { const seen = new Map<number, number>(); return labels.map((c) => seen.get(c) ?? (seen.set(c, seen.size), seen.size - 1)); };

const case01Expected = readJson(`${SNA}/01_directed_valued_12/expected.json`).whole_network_directed_led_inter;
const karateExpected = readJson(`${SNA}/05_louvain_karate/expected.json`);

interface OptimumCase { directed: boolean; nodes: string[]; edges: [string, string, number][]; optimal_modularity: number; optimal_membership: number[] }
const optima: Record<string, OptimumCase> = readJson(`${SNA}/13_optimal_modularity/expected.json`).networks;

/** A case-13 network as the engine's matrix: arcs as given when directed (the engine sums w_ij + w_ji), else both ways. */
function matrixOf(c: OptimumCase): Matrix {
  const w = c.nodes.map(() => c.nodes.map(() => 0));
  for (const [s, t, x] of c.edges) {
    w[c.nodes.indexOf(s)][c.nodes.indexOf(t)] += x;
    if (!c.directed) w[c.nodes.indexOf(t)][c.nodes.indexOf(s)] += x;
  }
  return { nodes: c.nodes, w, directed: c.directed };
}

const defaults = (algorithm: CommunityOptions['algorithm']): CommunityOptions => ({ algorithm, runs: 100, seed: 1, resolution: 1, weighted: true });

test('modularity of the optimal partitions (case 01 weighted and unweighted, karate, case 13)', () => {
  const led = case01();
  const optimal = membershipOf(led, case01Expected.optimal_partition);
  assert.ok(Math.abs(modularity(led, optimal) - case01Expected.modularity_optimal_weighted_undirected) < 1e-12);
  const k = karate();
  assert.ok(Math.abs(modularity(k, membershipOf(k, karateExpected.optimal_partition), 1, false) - karateExpected.optimal_modularity_unweighted) < 1e-12);
  for (const [name, c] of Object.entries(optima)) assert.ok(Math.abs(modularity(matrixOf(c), c.optimal_membership) - c.optimal_modularity) < 1e-12, name);
});

test('seeded best-of-10 Louvain and Leiden reach case 01\'s optimum and repeat exactly', () => {
  for (const algorithm of ['louvain', 'leiden'] as const) {
    const options = { ...defaults(algorithm), runs: 10, seed: 42 };
    const a = bestCommunities(case01(), options);
    assert.ok(Math.abs(a.modularity - case01Expected.modularity_optimal_weighted_undirected) < 1e-12, `${algorithm} ${a.modularity}`);
    assert.deepEqual(bestCommunities(case01(), options), a);
  }
});

// Single runs of this Louvain reach the optimum about as often as igraph's multilevel (the golden file keeps
// igraph's and networkx's counts per 200 seeds): karate 49/200 (igraph 51), Davis 28 (27), planted_38 1 (0).
// Leiden reaches it far more often (karate 200/200, planted_38 78/200).
for (const [name, c] of Object.entries(optima)) {
  test(`best of 100 Leiden${name === 'planted_38' ? '' : ' and Louvain'} reach the exact optimum of ${name} (GLPK), the optimal partition up to relabelling`, () => {
    for (const algorithm of name === 'planted_38' ? ['leiden' as const] : ['leiden' as const, 'louvain' as const]) {
      const found = bestCommunities(matrixOf(c), defaults(algorithm));
      assert.ok(Math.abs(found.modularity - c.optimal_modularity) <= 1e-6 * Math.abs(c.optimal_modularity), `${algorithm}: ${found.modularity} vs ${c.optimal_modularity}`);
      assert.deepEqual(canonical(found.membership), canonical(c.optimal_membership), algorithm);
      assert.equal(found.count, Math.max(...c.optimal_membership) + 1);
      assert.ok(found.runsAtBest >= 1 && found.runsAtBest <= 100);
    }
  });
}

test('the result counts the runs that reached its modularity', () => {
  assert.equal(bestCommunities(karate(), { ...defaults('leiden'), weighted: false }).runsAtBest, 100);
  const louvain = bestCommunities(karate(), { ...defaults('louvain'), weighted: false });
  assert.ok(Math.abs(louvain.modularity - karateExpected.optimal_modularity_unweighted) < 1e-12);
  assert.equal(louvain.runsAtBest, 20); // this seed's count: near igraph's rate of 244 in 1000 seeds (case 05)
  // Its modularity is the Q of the partition it returns.
  assert.ok(Math.abs(modularity(karate(), louvain.membership, 1, false) - louvain.modularity) < 1e-12);
});

test('with no ties every node is its own community, Q = 0', () => {
  const empty: Matrix = { nodes: ['a', 'b', 'c'], w: [[0, 0, 0], [0, 0, 0], [0, 0, 0]], directed: false };
  assert.deepEqual(bestCommunities(empty, defaults('leiden')), { membership: [0, 1, 2], modularity: 0, count: 3, runsAtBest: 100 });
});

test('a higher resolution γ (Gephi\'s form weighs the inside term) never gives more communities on karate', () => {
  const k = karate();
  const counts = [0.5, 1, 2].map((resolution) => bestCommunities(k, { ...defaults('leiden'), weighted: false, resolution, runs: 20 }).count);
  assert.ok(counts[0] >= counts[1] && counts[1] >= counts[2], `${counts}`);
});

/** A seeded random graph with ten planted groups and integer weights. */
function randomGraph(seed: number, n: number): Matrix {
  const rng = new Rng(seed);
  const nodes = Array.from({ length: n }, (_, i) => `r${i}`);
  const w = nodes.map(() => nodes.map(() => 0));
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (rng.chance(i % 10 === j % 10 ? 0.5 : 0.06)) w[i][j] = w[j][i] = rng.int(1, 4);
  return { nodes, w, directed: false };
}

test('Leiden\'s communities are connected, and no single node move raises its Q', () => {
  // Louvain promises neither: after aggregation an original node no longer moves on its own.
  for (let seed = 1; seed <= 12; seed++) {
    const m = randomGraph(seed, 20 + 5 * seed);
    const { membership, modularity: q } = bestCommunities(m, { ...defaults('leiden'), runs: 3, seed });
    for (const c of new Set(membership)) {
      const members = membership.flatMap((x, i) => (x === c ? [i] : []));
      const reached = new Set([members[0]]);
      for (const stack = [members[0]]; stack.length; ) {
        const v = stack.pop()!;
        for (const u of members) if (m.w[v][u] > 0 && !reached.has(u)) { reached.add(u); stack.push(u); }
      }
      assert.equal(reached.size, members.length, `seed ${seed}: community ${c} is disconnected`);
    }
    for (let v = 0; v < m.nodes.length; v++) {
      for (const c of [...new Set(membership), Math.max(...membership) + 1]) {
        const moved = membership.map((x, i) => (i === v ? c : x));
        assert.ok(modularity(m, moved) <= q + 1e-12, `seed ${seed}: moving ${v} to ${c} raises Q`);
      }
    }
  }
});

/** A seeded graph of 3,000 nodes in groups of 30, 60% of 15,000 draws within a group: Leiden's later iterations still raise Q on it. */
function plantedGraph(): Adjacency {
  const rng = new Rng(5);
  const ties = new Map<string, number>();
  for (let e = 0; e < 15_000; e++) {
    const a = rng.int(0, 2999);
    const b = rng.next() < 0.6 ? Math.floor(a / 30) * 30 + rng.int(0, 29) : rng.int(0, 2999);
    if (a === b) continue;
    const key = a < b ? `${a},${b}` : `${b},${a}`;
    ties.set(key, (ties.get(key) ?? 0) + 1);
  }
  const names = Array.from({ length: 3000 }, (_, i) => `n${String(i).padStart(4, '0')}`);
  const pairs = [...ties].map(([key, weight]) => { const [a, b] = key.split(',').map(Number); return { source: names[a], target: names[b], weight }; });
  return adjacencyOf({ directed: false, nodes: names, ties: pairs, intra: new Map() });
}

test('Leiden\'s `iterations` caps the iterations of a run: Q rises with each allowed one; unset, it iterates until Q stops rising up to 10⁵ ties, twice above', () => {
  const g = plantedGraph();
  const q = (iterations?: number) => bestCommunities(g, { ...defaults('leiden'), runs: 1, ...(iterations ? { iterations } : {}) }).modularity;
  const [one, two, three, unset] = [q(1), q(2), q(3), q()];
  assert.ok(one < two && two < three && three <= unset, `${one} ${two} ${three} ${unset}`);
  assert.equal(q(1000), unset);
  assert.equal(defaultIterations(1e5), Infinity);
  assert.equal(defaultIterations(1e5 + 1), 2);
});
