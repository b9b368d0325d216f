// Network construction from ordered applicant (or inventor) rows (METHODS A(a)). Plain data in, plain
// data out: DuckDB does the loading, filtering and windowing; this module turns one window's rows into
// ties, with the paper's conventions as explicit options.

/** One applicant of one patent: its order (1 = first) and its region. */
export interface HolderRow { patent: string; order: number; region: string }

export interface Tie { source: string; target: string; weight: number }

export interface Network {
  directed: boolean;
  /** Regions that appear in the window, sorted. */
  nodes: string[];
  /** Inter-region ties; for undirected networks source < target. */
  ties: Tie[];
  /** Same-region collaborations, counted apart (never edges). */
  intra: Map<string, number>;
}

export interface ConstructOptions {
  /** `all_pairs`: every unordered pair; `first_led`: first applicant → each other applicant. */
  ties: 'all_pairs' | 'first_led';
  /** `per_pair`: each applicant pair adds 1; `per_patent`: each distinct region pair adds 1 per patent. */
  count: 'per_pair' | 'per_patent';
}

export function buildNetwork(rows: readonly HolderRow[], options: ConstructOptions): Network {
  const byPatent = new Map<string, HolderRow[]>();
  for (const r of rows) {
    let list = byPatent.get(r.patent);
    if (!list) byPatent.set(r.patent, (list = []));
    list.push(r);
  }
  const directed = options.ties === 'first_led';
  const weights = new Map<string, number>();
  const intra = new Map<string, number>();
  const nodes = new Set<string>();
  for (const applicants of byPatent.values()) {
    applicants.sort((a, b) => a.order - b.order);
    for (const a of applicants) nodes.add(a.region);
    const seen = new Set<string>(); // region pairs already counted for this patent (per_patent)
    const add = (from: string, to: string) => {
      const key = from === to ? from : directed || from < to ? `${from}\u0000${to}` : `${to}\u0000${from}`;
      if (options.count === 'per_patent') {
        if (seen.has(key)) return;
        seen.add(key);
      }
      if (from === to) intra.set(from, (intra.get(from) ?? 0) + 1);
      else weights.set(key, (weights.get(key) ?? 0) + 1);
    };
    if (directed) {
      for (let j = 1; j < applicants.length; j++) add(applicants[0].region, applicants[j].region);
    } else {
      for (let i = 0; i < applicants.length; i++) for (let j = i + 1; j < applicants.length; j++) add(applicants[i].region, applicants[j].region);
    }
  }
  const ties = [...weights].map(([key, weight]) => {
    const [source, target] = key.split('\u0000');
    return { source, target, weight };
  }).sort((a, b) => (a.source === b.source ? (a.target < b.target ? -1 : 1) : a.source < b.source ? -1 : 1));
  return { directed, nodes: [...nodes].sort(), ties, intra };
}

/** Technological overlap between regions (bibliographic coupling of the patents each region holds). */
export type OverlapWeight = 'count' | 'product' | 'min';

export function technologicalOverlap(holders: readonly HolderRow[], citations: readonly { citing: string; cited: string }[], weight: OverlapWeight): Network {
  // Regions of each patent, counted once per patent.
  const regionsOf = new Map<string, Set<string>>();
  for (const h of holders) {
    let set = regionsOf.get(h.patent);
    if (!set) regionsOf.set(h.patent, (set = new Set()));
    set.add(h.region);
  }
  // n_r(c): how many of region r's patents cite c.
  const counts = new Map<string, Map<string, number>>();
  for (const { citing, cited } of citations) {
    for (const r of regionsOf.get(citing) ?? []) {
      let m = counts.get(r);
      if (!m) counts.set(r, (m = new Map()));
      m.set(cited, (m.get(cited) ?? 0) + 1);
    }
  }
  const regions = [...regionsOf.values()].reduce((s, set) => { for (const r of set) s.add(r); return s; }, new Set<string>());
  const nodes = [...regions].sort();
  const ties: Tie[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const a = counts.get(nodes[i]);
    if (!a) continue;
    for (let j = i + 1; j < nodes.length; j++) {
      const b = counts.get(nodes[j]);
      if (!b) continue;
      let w = 0;
      const [small, large] = a.size <= b.size ? [a, b] : [b, a];
      for (const [c, n1] of small) {
        const n2 = large.get(c);
        if (n2 === undefined) continue;
        w += weight === 'count' ? 1 : weight === 'product' ? n1 * n2 : Math.min(n1, n2);
      }
      if (w > 0) ties.push({ source: nodes[i], target: nodes[j], weight: w });
    }
  }
  return { directed: false, nodes, ties, intra: new Map() };
}
