// Community detection on 10⁶ ties (issue 20): one Louvain run and one Leiden run (its iterations by the
// network's size: 2 above 10⁵ ties) on a seeded planted-partition graph of 200,000 nodes in groups of 50,
// 70% of the draws inside a group. Wall and CPU time per run, the communities found and their Q; figures only.
import { performance } from 'node:perf_hooks';
import { adjacencyOf } from '../../server/src/engine/networks/adjacency.ts';
import { bestCommunities } from '../../server/src/engine/networks/communities.ts';
import type { Network } from '../../server/src/engine/networks/network.ts';
import { Rng } from '../../server/src/engine/prng.ts';

const NODES = 200_000;
const DRAWS = 1_000_000;
const GROUP = 50;

/** The planted graph: draws between a node and one of its group (70%) or any node, repeated draws adding to a tie's weight. */
function plantedNetwork(): Network {
  const rng = new Rng(3);
  const weights = new Map<number, number>();
  for (let d = 0; d < DRAWS; d++) {
    const a = rng.int(0, NODES - 1);
    const b = rng.next() < 0.7 ? Math.min(NODES - 1, Math.floor(a / GROUP) * GROUP + rng.int(0, GROUP - 1)) : rng.int(0, NODES - 1);
    if (a === b) continue;
    const key = Math.min(a, b) * NODES + Math.max(a, b);
    weights.set(key, (weights.get(key) ?? 0) + 1);
  }
  const names = Array.from({ length: NODES }, (_, i) => `n${String(i).padStart(6, '0')}`);
  const ties = [...weights].map(([key, weight]) => ({ source: names[Math.floor(key / NODES)], target: names[key % NODES], weight }));
  return { directed: false, nodes: names, ties, intra: new Map() };
}

export function benchCommunities(): void {
  const net = plantedNetwork();
  const graph = adjacencyOf(net);
  console.log(`\ncommunities: planted graph, ${NODES.toLocaleString('en-US')} nodes, ${net.ties.length.toLocaleString('en-US')} ties, one run each`);
  for (const algorithm of ['louvain', 'leiden'] as const) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const found = bestCommunities(graph, { algorithm, runs: 1, seed: 1, resolution: 1, weighted: true });
    const cpu = process.cpuUsage(c0);
    console.log(`  ${algorithm.padEnd(8)} ${((performance.now() - t0) / 1000).toFixed(1)} s (CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s): ${found.count} communities, Q = ${found.modularity.toFixed(4)}`);
  }
}
