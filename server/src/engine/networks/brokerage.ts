// Gould and Fernandez's brokerage roles, R sna::brokerage raw counts: each open two-path a → v → c (a ≠ c,
// no arc a → c) on the binary network makes v a broker of the role that the groups of a, v and c name.
import { binary, nodeCount, transpose, type Adjacency } from './adjacency.js';

export const BROKERAGE_ROLES = ['coordinator', 'itinerant', 'representative', 'gatekeeper', 'liaison'] as const;
export type BrokerageRole = (typeof BROKERAGE_ROLES)[number];

/** The role of v on a → v → c, from the three groups (sna's w_I, w_O, b_IO, b_OI, b_O). */
function role(a: number, v: number, c: number): BrokerageRole {
  if (a === v) return v === c ? 'coordinator' : 'representative';
  if (v === c) return 'gatekeeper';
  return a === c ? 'itinerant' : 'liaison';
}

/** Each role's count per node; `groups` gives each node's group (aligned with the adjacency's nodes). */
export function brokerage(network: Adjacency, groups: readonly number[]): Record<BrokerageRole, number[]> {
  const arcs = binary(network);
  const into = transpose(arcs);
  const n = nodeCount(arcs);
  const counts = Object.fromEntries(BROKERAGE_ROLES.map((r) => [r, Array<number>(n).fill(0)])) as Record<BrokerageRole, number[]>;
  const reached = new Int32Array(n).fill(-1); // reached[c] === a: an arc a → c
  for (let v = 0; v < n; v++) {
    for (let p = into.offsets[v]; p < into.offsets[v + 1]; p++) {
      const a = into.targets[p];
      for (let k = arcs.offsets[a]; k < arcs.offsets[a + 1]; k++) reached[arcs.targets[k]] = a;
      for (let k = arcs.offsets[v]; k < arcs.offsets[v + 1]; k++) {
        const c = arcs.targets[k];
        if (c === a || reached[c] === a) continue;
        counts[role(groups[a], groups[v], groups[c])][v]++;
      }
    }
  }
  return counts;
}
