// Modularity (Gephi's formula) and seeded best-of-N Louvain against cases 01 and 05 (copied to test/oracles).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { louvainCommunities, modularity } from '../../server/src/engine/networks/communities.ts';
import type { Matrix } from '../../server/src/engine/networks/measures.ts';
import { SNA, case01LedMatrix as case01, readJson, readRecords as records } from '../oracles/read.ts';
function karate(): Matrix {
  const nodes = Array.from({ length: 34 }, (_, i) => String(i));
  const w = nodes.map(() => nodes.map(() => 0));
  for (const e of records(`${SNA}/05_louvain_karate/karate_edges.csv`)) w[Number(e.source)][Number(e.target)] = w[Number(e.target)][Number(e.source)] = 1;
  return { nodes, w, directed: false };
}
const membershipOf = (m: Matrix, partition: (string | number)[][]) => m.nodes.map((n) => partition.findIndex((block) => block.map(String).includes(n)));

const case01Expected = readJson(`${SNA}/01_directed_valued_12/expected.json`).whole_network_directed_led_inter;
const karateExpected = readJson(`${SNA}/05_louvain_karate/expected.json`);
const graphologyRuns = readJson(`${SNA}/05_louvain_karate/npm_graphology_louvain.json`);

test('modularity of the optimal partitions (case 01 weighted and unweighted, karate)', () => {
  const led = case01();
  const optimal = membershipOf(led, case01Expected.optimal_partition);
  assert.ok(Math.abs(modularity(led, optimal) - case01Expected.modularity_optimal_weighted_undirected) < 1e-12);
  const k = karate();
  assert.ok(Math.abs(modularity(k, membershipOf(k, karateExpected.optimal_partition), 1, false) - karateExpected.optimal_modularity_unweighted) < 1e-12);
});

test('seeded best-of-10 Louvain reaches case 01\'s optimum and repeats exactly', () => {
  const options = { runs: 10, seed: 42, resolution: 1, weighted: true };
  const a = louvainCommunities(case01(), options);
  assert.ok(Math.abs(a.modularity - case01Expected.modularity_optimal_weighted_undirected) < 1e-12, `${a.modularity}`);
  assert.deepEqual(louvainCommunities(case01(), options), a);
});

test('on karate, the best run is the exact optimum or a local optimum graphology is known to reach', () => {
  const best = louvainCommunities(karate(), { runs: 20, seed: 7, resolution: 1, weighted: false });
  const optimum = karateExpected.optimal_modularity_unweighted;
  const known = [optimum, ...Object.keys(graphologyRuns.karate_graphology_louvain_1000_seeds).map(Number)];
  assert.ok(known.some((q) => Math.abs(q - best.modularity) < 1e-9), `${best.modularity}`);
  assert.ok(best.modularity <= optimum + 1e-12);
  // Its modularity is the Q of the partition it returns.
  assert.ok(Math.abs(modularity(karate(), best.membership, 1, false) - best.modularity) < 1e-12);
});
