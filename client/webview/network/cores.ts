// The view's core numbers: every tie counted at both ends — in and out on a directed network, as networkx's
// core_number does on a DiGraph and igraph's coreness with mode "all" — by the engine's Batagelj–Zaversnik
// peeling, which the `coreness` measure shares.
import { coreNumbers as peel } from '../../../server/src/engine/networks/cores.js';
import { incidence, otherEnd, type Incidence, type TieTable } from './tieTable.js';

export function coreNumbers(table: TieTable, ties: Incidence = incidence(table)): Int32Array {
  const targets = new Int32Array(ties.ties.length);
  for (let v = 0; v < table.nodes.length; v++) for (let k = ties.offsets[v]; k < ties.offsets[v + 1]; k++) targets[k] = otherEnd(table, ties.ties[k], v);
  return peel({ offsets: ties.offsets, targets });
}
