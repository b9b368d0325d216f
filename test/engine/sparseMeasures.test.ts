// The measures computed on the sparse adjacency (clustering.ts, cohesion.ts, measures.ts, paths/) against their
// n×n matrix definitions (reference/denseMeasures.ts), to the last bit, on seeded random networks: directed and
// undirected, valued (some ties negative, some pairs summing to zero), with isolates and several components, in
// every undirected view a spec's `symmetrize:` can ask for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adjacencyOf, binary, symmetrized, type Adjacency } from '../../server/src/engine/networks/adjacency.ts';
import { averageClustering, fagioloClustering, localClustering, transitivity } from '../../server/src/engine/networks/clustering.ts';
import { brokerage } from '../../server/src/engine/networks/brokerage.ts';
import { coreness, strongComponents, weakComponents } from '../../server/src/engine/networks/cohesion.ts';
import { constraint, effectiveSize } from '../../server/src/engine/networks/structuralHoles.ts';
import { nodeIndicators, wholeIndicators, wholePaths, type IndicatorOptions } from '../../server/src/engine/networks/indicators.ts';
import { degreeCentralization, flowRate, toMatrix, type Matrix, type Symmetrize } from '../../server/src/engine/networks/measures.ts';
import type { Network } from '../../server/src/engine/networks/network.ts';
import { pathLengthsHere } from '../../server/src/engine/networks/paths/centralities.ts';
import { Rng } from '../../server/src/engine/prng.ts';
import * as dense from './reference/denseMeasures.ts';

/**
 * A seeded network of `blocks` groups of nodes tied only within their group (so several components), the
 * last few nodes isolates; values 1–3, one tie in ten negative; repeated ties summed as the engine sums them.
 */
function generated(seed: number, directed: boolean, n = 60, blocks = 3, isolates = 4): Network {
  const rng = new Rng(seed);
  const nodes = Array.from({ length: n }, (_, i) => `n${i}`);
  const tied = n - isolates;
  const ties = Array.from({ length: Math.round(2.5 * tied) }, () => {
    const block = rng.int(0, blocks - 1);
    const pick = () => block + blocks * rng.int(0, Math.floor((tied - 1 - block) / blocks));
    return { source: nodes[pick()], target: nodes[pick()], weight: rng.int(1, 3) * (rng.next() < 0.1 ? -1 : 1) };
  });
  return { directed, nodes, ties, intra: new Map() };
}

/** Three groups, each across the components (which are the node indices modulo 3). */
const GROUPS = Array.from({ length: 60 }, (_, v) => Math.floor(v / 3) % 3);

const VIEWS: Symmetrize[] = ['max', 'min', 'sum', 'both'];
const cases = [1, 2, 3, 4].flatMap((seed) => [true, false].map((directed) => ({ seed, directed, net: generated(seed, directed) })));

/** Each case's matrix and adjacency, and the undirected views of both. */
function views(net: Network): [Matrix, Adjacency][] {
  const m = toMatrix(net);
  const a = adjacencyOf(net);
  return [[m, a], ...VIEWS.map((how): [Matrix, Adjacency] => [dense.symmetrize(m, how), symmetrized(a, how)])];
}

for (const { seed, directed, net } of cases) {
  const name = `${directed ? 'directed' : 'undirected'} network ${seed}`;

  test(`clustering, transitivity and cores of the ${name} equal the matrix definitions`, () => {
    assert.ok(dense.weakComponents(toMatrix(net)).includes(2), 'the case has several components');
    assert.ok((dense.transitivity(dense.symmetrize(toMatrix(net))) ?? 0) > 0, 'the case has triangles');
    for (const [m, a] of views(net)) {
      assert.deepEqual(averageClustering(a), dense.averageClustering(m));
      if (m.directed) assert.deepEqual(fagioloClustering(a), dense.fagioloClustering(m));
      if (m.directed) continue; // the rest read an undirected view
      for (const below of ['missing', 'zero'] as const) assert.deepEqual(localClustering(a, below), dense.localClustering(m, below));
      assert.equal(transitivity(a), dense.transitivity(m));
      assert.deepEqual(coreness(a), dense.coreness(m));
    }
  });

  test(`components, path lengths, centralization, flow rate, brokerage and structural holes of the ${name} equal the matrix definitions`, async () => {
    for (const [m, a] of views(net)) {
      assert.deepEqual(weakComponents(a), dense.weakComponents(m));
      assert.deepEqual(strongComponents(a), dense.strongComponents(m));
      assert.deepEqual(pathLengthsHere(a), dense.pathLength(m));
      for (const direction of ['out', 'in'] as const) {
        for (const kind of ['valued', 'binary'] as const) assert.equal(degreeCentralization(a, direction, kind), dense.degreeCentralization(m, direction, kind));
      }
      for (const sign of ['leader_positive', 'paper'] as const) assert.deepEqual(flowRate(a, sign), dense.flowRate(m, sign));
      assert.deepEqual(brokerage(a, GROUPS), dense.brokerage(m, GROUPS));
      for (const [cells, arcs] of [[m, a], [dense.dichotomize(m), binary(a)]] as const) {
        assert.deepEqual(constraint(arcs), dense.constraint(cells));
        assert.deepEqual(effectiveSize(arcs), dense.effectiveSize(cells));
      }
    }
    const roles = Object.values(dense.brokerage(toMatrix(net), GROUPS));
    assert.ok(roles.every((counts) => counts.some((c) => c > 0)), 'every brokerage role occurs');
    // On worker threads, as a run computes them for a large network: the same sums.
    const options = { ...OPTIONS, symmetrize: 'none' as const };
    assert.deepEqual(await wholePaths(net, ['diameter'], options, { workers: 2 }), dense.pathLength(toMatrix(net)));
  });

  test(`normalised degree of the ${name} equals the matrix definition`, () => {
    const m = toMatrix(net);
    for (const centralization of ['valued', 'binary'] as const) {
      const got = nodeIndicators(net, ['normalized_degree', 'normalized_in_degree'], { ...OPTIONS, centralization });
      assert.deepEqual(got.normalized_degree, dense.normalizedDegree(m, 'out', centralization));
      assert.deepEqual(got.normalized_in_degree, dense.normalizedDegree(m, 'in', centralization));
    }
  });
}

const OPTIONS: IndicatorOptions = {
  density: 'binary', centralization: 'valued', scale: 'proportion', clustering: 'gephi', unreachable: 'max_plus_one',
  betweenness: 'raw', flowSign: 'leader_positive', symmetrize: 'none', localClustering: 'missing', structuralHoles: 'valued',
  communities: { algorithm: 'louvain', runs: 1, seed: 1, resolution: 1 },
};

test('components of a path of 200,000 arcs need no recursion: one strong component per node, one weak component', () => {
  const n = 200_000;
  const nodes = Array.from({ length: n }, (_, i) => `n${i}`);
  const net: Network = { directed: true, nodes, ties: nodes.slice(1).map((target, i) => ({ source: nodes[i], target, weight: 1 })), intra: new Map() };
  const row = wholeIndicators(net, ['weak_components', 'strong_components', 'largest_strong_share'], OPTIONS);
  assert.deepEqual(row, { weak_components: 1, strong_components: n, largest_strong_share: 1 / n });
  // Closed into a cycle, it is one strong component.
  net.ties.push({ source: nodes[n - 1], target: nodes[0], weight: 1 });
  assert.equal(wholeIndicators(net, ['strong_components'], OPTIONS).strong_components, 1);
});
