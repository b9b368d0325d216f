// Gould and Fernandez's brokerage roles, R sna::brokerage raw counts: each open two-path a → v → c (a ≠ c,
// no arc a → c) on the binary network makes v a broker of the role that the groups of a, v and c name.
import type { Matrix } from './measures.js';

export const BROKERAGE_ROLES = ['coordinator', 'itinerant', 'representative', 'gatekeeper', 'liaison'] as const;
export type BrokerageRole = (typeof BROKERAGE_ROLES)[number];

/** The role of v on a → v → c, from the three groups (sna's w_I, w_O, b_IO, b_OI, b_O). */
function role(a: number, v: number, c: number): BrokerageRole {
  if (a === v) return v === c ? 'coordinator' : 'representative';
  if (v === c) return 'gatekeeper';
  return a === c ? 'itinerant' : 'liaison';
}

/** Each role's count per node; `groups` gives each node's group (aligned with the matrix's nodes). */
export function brokerage(m: Matrix, groups: readonly number[]): Record<BrokerageRole, number[]> {
  const n = m.nodes.length;
  const arc = (i: number, j: number) => i !== j && m.w[i][j] > 0;
  const counts = Object.fromEntries(BROKERAGE_ROLES.map((r) => [r, Array<number>(n).fill(0)])) as Record<BrokerageRole, number[]>;
  for (let v = 0; v < n; v++) {
    for (let a = 0; a < n; a++) {
      if (!arc(a, v)) continue;
      for (let c = 0; c < n; c++) {
        if (c === a || !arc(v, c) || arc(a, c)) continue;
        counts[role(groups[a], groups[v], groups[c])][v]++;
      }
    }
  }
  return counts;
}
