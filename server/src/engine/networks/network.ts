// A region-to-region network of one window: plain data shared by construction, measures and exports.

export interface Tie { source: string; target: string; weight: number }

export interface Network {
  directed: boolean;
  /** Regions with at least one tie or intra-region collaboration in the window, sorted. */
  nodes: string[];
  /** Inter-region ties, sorted; for undirected networks source < target, or source ∈ the first set of `between`. */
  ties: Tie[];
  /** Same-region collaborations, counted apart (never edges). */
  intra: Map<string, number>;
}
