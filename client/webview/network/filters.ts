// A large network's filtered view: past what WebGL draws smoothly the panel shows a subgraph — the top N nodes
// by a measure, a k-core, or one of the run's communities — and says how much of the window that is. All on
// the window's typed arrays (tieTable.ts): degrees, core numbers and each measure's ranking are computed once
// per window and kept, so changing N or k only picks nodes and ties again. On the main thread: at a million
// ties this work is about 0.15 s of CPU per window, and 0.26 s more for core numbers on the first switch to a
// k-core (Node, same V8); the larger costs of such a window — Chromium's copy of the message (0.6 s) and the
// node measures' index (0.5 s), both once — are the page's receiving its data, which a worker would not remove.
import type { NetworkFilter } from '../../src/panels/messages.js';
import { coreNumbers } from './cores.js';
import { degrees, incidence, type Incidence, type TieTable } from './tieTable.js';

/**
 * Past either count a window is shown filtered. test/bench/panels.ts measured the whole-window view before this
 * filter existed (headless Chromium, SwiftShader WebGL, 2 cores under a load of about 13, so the figures compare
 * sizes rather than promise times): from 5,000 nodes / 50,000 ties to 10,000 / 100,000 the first paint went from
 * 17 to 37 s and a threshold change's from 3.2 to 7.0 s (its handler from 0.24 to 0.92 s); at 20,000 / 200,000
 * the first paint took 64 s, a window switch blocked the page for 22 s and the layout's frames were 1 s apart
 * (p50). 5,000 / 50,000 is what the view was made smooth for — a 3 s layout with frames under 100 ms on a quiet
 * machine — and every cost at least doubles past it.
 */
export const FULL_VIEW_LIMIT = { nodes: 5_000, ties: 50_000 };
/** The filtered view's default node count. */
export const DEFAULT_COUNT = 2_000;

export const isLarge = (table: TieTable) => table.nodes.length > FULL_VIEW_LIMIT.nodes || table.source.length > FULL_VIEW_LIMIT.ties;

/**
 * What a filter keeps: node indices (in the window's order) and tie indices. A k-core or a community can be
 * larger than the view draws smoothly: then the FULL_VIEW_LIMIT nodes of highest degree in it are drawn, and
 * the heaviest FULL_VIEW_LIMIT ties among those; `nodesIn` and `tiesAmong` are the counts before those cuts.
 */
export interface Subgraph { nodes: Int32Array; ties: Int32Array; nodesIn: number; tiesAmong: number }

/** A node measure by node index, NaN where the node has none. */
export type MeasureOf = (key: string) => Float64Array;

/** A window's filters, with what they need computed on first use. */
export class WindowFilters {
  private computed: { degree: Float64Array; weight: Float64Array } | undefined;
  private ties: Incidence | undefined;
  private cores: Int32Array | undefined;

  constructor(readonly table: TieTable, private readonly measureOf: MeasureOf) {}

  /** `degree` and `weight` are computed here; any other key is a node measure of the run. */
  values(measure: string): Float64Array {
    if (measure !== 'degree' && measure !== 'weight') return this.measureOf(measure);
    this.computed ??= degrees(this.table);
    return this.computed[measure];
  }

  incidence(): Incidence {
    return (this.ties ??= incidence(this.table));
  }

  coreNumbers(): Int32Array {
    return (this.cores ??= coreNumbers(this.table, this.incidence()));
  }

  /** The smallest k whose core has at most `count` nodes (the degeneracy's core when none is that small). */
  coreOfAtMost(count: number): number {
    const cores = this.coreNumbers();
    const atLeast = new Int32Array(cores.reduce((m, c) => Math.max(m, c), 0) + 2);
    for (const c of cores) atLeast[c]++;
    for (let k = atLeast.length - 2; k >= 0; k--) atLeast[k] += atLeast[k + 1];
    let k = 0;
    while (k < atLeast.length - 2 && atLeast[k] > count) k++;
    return k;
  }

  /** `limit`: what is drawn at most (FULL_VIEW_LIMIT; smaller in tests). */
  apply(filter: NetworkFilter, communityOf: (key: string) => (string | null)[], limit = FULL_VIEW_LIMIT): Subgraph {
    const n = this.table.nodes.length;
    const keep = new Uint8Array(n);
    if (filter.kind === 'top') markTop(this.values(filter.measure), filter.count, keep);
    else if (filter.kind === 'core') this.coreNumbers().forEach((c, v) => { keep[v] = c >= filter.k ? 1 : 0; });
    else communityOf(filter.measure).forEach((c, v) => { keep[v] = c === filter.community ? 1 : 0; });
    const nodesIn = keep.reduce((sum, k) => sum + k, 0);
    if (nodesIn > limit.nodes) {
      const degree = this.values('degree').map((d, v) => keep[v] ? d : NaN);
      keep.fill(0);
      markTop(degree, limit.nodes, keep);
    }
    return { ...subgraph(this.table, keep, limit.ties), nodesIn };
  }
}

/** Marks the `count` largest values (ties at the cut broken by node order); NaN never. */
function markTop(values: Float64Array, count: number, keep: Uint8Array): void {
  const present = values.filter((v) => !Number.isNaN(v)).sort();
  if (present.length === 0 || count <= 0) return;
  const cut = present[Math.max(0, present.length - count)];
  let left = Math.min(count, present.length);
  values.forEach((v, i) => { if (v > cut) { keep[i] = 1; left--; } });
  for (let i = 0; i < values.length && left > 0; i++) if (values[i] === cut) { keep[i] = 1; left--; }
}

/** The kept nodes and the ties among them — the heaviest `limit` where there are more (ties broken by tie order). */
function subgraph(table: TieTable, keep: Uint8Array, limit: number): Omit<Subgraph, 'nodesIn'> {
  const nodes: number[] = [];
  keep.forEach((k, v) => { if (k) nodes.push(v); });
  const among: number[] = [];
  for (let i = 0; i < table.source.length; i++) if (keep[table.source[i]] && keep[table.target[i]]) among.push(i);
  const ties = among.length <= limit ? Int32Array.from(among)
    : Int32Array.from(among).sort((a, b) => table.weight[b] - table.weight[a] || a - b).subarray(0, limit).sort();
  return { nodes: Int32Array.from(nodes), ties, tiesAmong: among.length };
}

const count = (n: number) => n.toLocaleString('en-US');

/** "Showing 2,000 of 184,322 nodes and 9,812 of 1,203,554 ties (top 2,000 by degree)", and the cuts made. */
export function countsLine(table: TieTable, filter: NetworkFilter, sub: Subgraph, measureLabel: (key: string) => string): string {
  const described = filter.kind === 'top' ? `top ${count(filter.count)} by ${measureLabel(filter.measure)}`
    : filter.kind === 'core' ? `the ${filter.k}-core` : `community ${filter.community} of ${filter.measure}`;
  const nodesCut = sub.nodes.length < sub.nodesIn ? `: ${count(sub.nodesIn)} nodes, the ${count(sub.nodes.length)} of highest degree drawn` : '';
  const tiesCut = sub.ties.length < sub.tiesAmong ? `; the ${count(sub.ties.length)} heaviest of the ${count(sub.tiesAmong)} ties among them` : '';
  return `Showing ${count(sub.nodes.length)} of ${count(table.nodes.length)} nodes and ${count(sub.ties.length)} of ${count(table.source.length)} ties (${described}${nodesCut}${tiesCut})`;
}

/** The key a filtered view's layout is saved under (the whole window's is its label). */
export function filterKey(window: string, filter: NetworkFilter): string {
  const parts = filter.kind === 'top' ? [filter.measure, filter.count] : filter.kind === 'core' ? [filter.k] : [filter.measure, filter.community];
  return [window, filter.kind, ...parts].join('\u0000');
}
