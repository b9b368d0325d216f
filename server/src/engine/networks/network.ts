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

/**
 * Networks from (window index, source, target, weight) rows, one per window; a row with source =
 * target is intra-region volume (kept only when `keepIntra`).
 */
export function assembleNetworks(rows: readonly (readonly unknown[])[], windowCount: number, directed: boolean, keepIntra: boolean): Network[] {
  const networks: Network[] = Array.from({ length: windowCount }, () => ({ directed, nodes: [], ties: [], intra: new Map() }));
  const nodeSets = networks.map(() => new Set<string>());
  for (const [wi, s, t, w] of rows) {
    const index = Number(wi);
    const source = String(s);
    const target = String(t);
    if (source === target) {
      if (!keepIntra) continue;
      networks[index].intra.set(source, Number(w));
    } else networks[index].ties.push({ source, target, weight: Number(w) });
    nodeSets[index].add(source).add(target);
  }
  networks.forEach((net, i) => { net.nodes = [...nodeSets[i]].sort(); });
  return networks;
}
