// A generated network's results for the network panel's tests and benchmark (test/bench/panels.ts): regions
// R000000… in equal communities, ties mostly inside a community and Zipf-skewed so communities have hubs, two
// windows, and a `nodes(…)` measures result with degree, its quartile tier and the community.
import { Rng } from '../../server/src/engine/prng.ts';
import { quantile } from '../../server/src/engine/stats/quantile.ts';
import { zipfRank } from '../../server/src/engine/synth/sampling.ts';
import { RESULTS_FORMAT, RESULTS_VERSION, type Cell, type NetworkWindow, type ResultsFile } from '../../server/src/results/format.ts';

export interface NetworkSize { nodes: number; ties: number; communities: number }

export const WINDOWS = [{ label: '2011-2015', from: 2011, to: 2015 }, { label: '2016-2020', from: 2016, to: 2020 }];

/** Community of region i (numbered from 1). */
export const communityOf = (size: NetworkSize, i: number) => Math.min(size.communities - 1, Math.floor(i / Math.floor(size.nodes / size.communities))) + 1;

/** A tie joins a community's member to one of the same community (90 %), both Zipf-skewed so that hubs and deep cores form, or to any region; weights mostly 1–3. */
function syntheticWindow(rng: Rng, size: NetworkSize, window: (typeof WINDOWS)[number]): NetworkWindow {
  const nodes = Array.from({ length: size.nodes }, (_, i) => `R${String(i).padStart(6, '0')}`);
  const members = Math.floor(size.nodes / size.communities);
  const ties = new Map<number, { source: string; target: string; weight: number }>();
  while (ties.size < size.ties) {
    const community = rng.int(0, size.communities - 1);
    const a = community * members + zipfRank(rng, members, 0.9);
    const b = rng.chance(0.9) ? community * members + zipfRank(rng, members, 0.7) : rng.int(0, size.nodes - 1);
    if (a === b) continue;
    const [low, high] = a < b ? [a, b] : [b, a];
    let weight = 1;
    while (rng.chance(0.4)) weight++;
    const key = low * size.nodes + high;
    const tie = ties.get(key);
    if (tie) tie.weight += weight;
    else ties.set(key, { source: nodes[low], target: nodes[high], weight });
  }
  const intra = Object.fromEntries(nodes.filter(() => rng.chance(0.3)).map((n) => [n, rng.int(1, 20)]));
  return { ...window, nodes, ties: [...ties.values()], intra };
}

/** Results of `network net … { windows: 2011..2020 by 5 }` and `measures net_nodes = nodes(net) { degree, tiers: … of degree, community }`. */
export function syntheticResults(size: NetworkSize, seed = 42): ResultsFile {
  const rng = new Rng(seed);
  const windows = WINDOWS.map((w) => syntheticWindow(rng, size, w));
  const rows: Cell[][] = [];
  for (const w of windows) {
    const degree = new Map(w.nodes.map((n) => [n, 0]));
    for (const t of w.ties) for (const n of [t.source, t.target]) degree.set(n, degree.get(n)! + 1);
    const sorted = [...degree.values()].sort((a, b) => a - b);
    const breaks = [0.25, 0.5, 0.75].map((p) => quantile(sorted, p, 1));
    let i = 0;
    for (const [region, d] of degree) rows.push([w.label, region, d, 1 + breaks.filter((b) => d > b).length, communityOf(size, i++)]);
  }
  const base = { status: 'ok' as const, seconds: 0, notes: [] };
  return {
    format: RESULTS_FORMAT, version: RESULTS_VERSION, spec: 'synthetic.study', title: 'A generated network', engine: 'test', createdAt: new Date(0).toISOString(),
    results: [
      { ...base, name: 'net', kind: 'network', source: 'coinvention', tables: {}, network: { directed: false, windows } },
      { ...base, name: 'net_nodes', kind: 'measures', source: 'nodes', of: 'net', tables: { nodes: { columns: ['window', 'region', 'degree', 'degree_tier', 'community'], rows } } },
    ],
  };
}
