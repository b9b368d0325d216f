// A network of 30,000 nodes from an edge list — past the n×n matrix's limit — measured from a spec: clustering,
// components, centralization, transitivity, cores and structural holes come off the sparse ties with the values
// the graph's shape fixes, and CONCOR, which still reads the matrix, is refused at its declaration, naming the
// window, the node count and the limit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MATRIX_NODE_LIMIT } from '../../server/src/engine/networks/measures.ts';
import { records, result, runSpec } from './harness.ts';

const N = 30_000;

/**
 * Two directed rings of N/2 nodes, each node's arcs to the next two along its ring. Every node has four
 * neighbours, with three arcs among them (Gephi's directed clustering 3/(4·3) = 0.25), three of the six pairs
 * of them tied in the undirected view (transitivity 0.5), out-degree 2 everywhere (centralization 0); each
 * ring is one weak and one strong component.
 */
function ringsSpec(measures: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'innograph-large-'));
  const half = N / 2;
  const lines = ['source,target'];
  for (let ring = 0; ring < 2; ring++) {
    for (let i = 0; i < half; i++) for (const step of [1, 2]) lines.push(`f${ring * half + i},f${ring * half + ((i + step) % half)}`);
  }
  writeFileSync(join(dir, 'edges.csv'), `${lines.join('\n')}\n`);
  writeFileSync(join(dir, 'spec.study'), `dataset arcs from "edges.csv"\nnetwork net = edges(arcs) { from: source  to: target  directed: true }\n${measures}`);
  return join(dir, 'spec.study');
}

test(`a ${N.toLocaleString('en-US')}-node network gets clustering, components, centralization, transitivity, cores and structural holes from a spec`, async () => {
  assert.ok(N > MATRIX_NODE_LIMIT);
  const results = await runSpec(ringsSpec(`measures m = whole(net) {
  nodes, clustering, transitivity, out_centralization, in_centralization, weak_components, strong_components, largest_weak_share, largest_strong_share
}
measures k = nodes(net) { coreness, local_clustering, eigenvector, constraint, effective_size  top: 1 }
`));
  const m = result(results, 'm');
  assert.equal(m.error, undefined);
  const [row] = records(m, 'indicators');
  assert.deepEqual({ ...row, window: undefined }, {
    window: undefined, nodes: N, clustering: 0.25, transitivity: 0.5, out_centralization: 0, in_centralization: 0,
    weak_components: 2, strong_components: 2, largest_weak_share: 0.5, largest_strong_share: 0.5,
  });
  const k = result(results, 'k');
  assert.equal(k.error, undefined);
  // Every node alike in the undirected view: four neighbours (the 4-core), three ties among them (a path
  // v−2, v−1, v+1, v+2), the same centrality; structural holes of four equal ties: constraint
  // 2·(1/4 + 1/16)² + 2·(1/4 + 2/16)² for the path's ends and middle, effective size 4 − 2·3/4 (Borgatti's n − 2t/n).
  const [node] = records(k, 'nodes');
  assert.deepEqual([node.coreness, node.local_clustering, node.eigenvector, node.effective_size], [4, 0.5, 1, 2.5]);
  assert.ok(Math.abs((node.constraint as number) - (2 * (1 / 4 + 1 / 16) ** 2 + 2 * (1 / 4 + 2 / 16) ** 2)) < 1e-12);
});

test('CONCOR on a network past the limit is refused at its declaration, naming the window, nodes and limit', async () => {
  const results = await runSpec(ringsSpec('measures m = whole(net) { nodes }\nblocks b = concor(net)\n'));
  assert.equal(result(results, 'm').error, undefined);
  const error = result(results, 'b').error!;
  assert.match(error.message, /^Window [^:]+: CONCOR correlates the rows of the node × node matrix, and this network has 30,000 nodes, past the limit of 10,000 \(the matrix alone would take 7\.2 GB\)\./);
  assert.match(error.message, /Communities partition networks of any size/);
  assert.equal(error.spec?.line, 4); // `blocks b = concor(net)`, below the dataset, the network and the measures
});
