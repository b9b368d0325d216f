// Case 08 (test/oracles/sna/08_random_digraph_30) measured through a spec, whatever the network's source: the
// whole-network figures R sna gives its 30-actor directed valued matrix.
import assert from 'node:assert/strict';
import type { ResultsFile } from '../../server/src/results/format.ts';
import { SNA, readJson } from '../oracles/read.ts';
import { records, result } from './harness.ts';

export const CASE08 = `${SNA}/08_random_digraph_30`;
const r = readJson(`${CASE08}/r_igraph_sna.json`);

/** Declarations `binary` and `valued` of the network `net`, which `assertCase08Whole` reads. */
export const CASE08_WHOLE_MEASURES = `measures binary = whole(net) {
  nodes, edges, density, out_centralization, in_centralization
  density: binary  centralization: binary  scale: proportion
}
measures valued = whole(net) { density  density: valued }
`;

export const close = (actual: unknown, want: number, what: string) => assert.ok(Math.abs((actual as number) - want) <= 1e-9 * Math.max(1, Math.abs(want)), `${what}: ${actual} ≠ ${want}`);

/** 30 nodes (isolates kept), 69 arcs, binary and valued density and degree centralization as R sna gives them. */
export function assertCase08Whole(results: ResultsFile): void {
  const [row] = records(result(results, 'binary'), 'indicators');
  assert.equal(row.nodes, 30);
  assert.equal(row.edges, 69);
  close(row.density, r.sna.directed.gden_binary, 'binary density');
  close(row.out_centralization, r.sna.directed.centralization_outdegree, 'out-degree centralization');
  close(row.in_centralization, r.sna.directed.centralization_indegree, 'in-degree centralization');
  close(records(result(results, 'valued'), 'indicators')[0].density, r.sna.directed.gden_valued, 'valued density');
}
