// A panel's `Name = expression` variables. Each expression is evaluated on the grid of its own level — a
// region side (i or j) by period, or the panel's rows — and broadcast to rows at the end, so that
// `top_share(cumulative(count(inventors, j)), 0.2)` ranks partner regions, not pairs.
import type { Decl, Expr } from '../../language/syntax/ast.js';
import type { Symbol } from '../../language/semantic/model.js';
import type { Column } from '../../engine/data/dataTable.js';
import { nodeIndicators } from '../../engine/networks/indicators.js';
import type { Network } from '../../engine/networks/network.js';
import { patentCounts, type Counting } from '../../engine/networks/patentCounts.js';
import { quantile } from '../../engine/stats/quantile.js';
import type { Window } from '../../engine/windows/windows.js';
import type { RunContext } from '../context.js';
import { SpecError } from '../errors.js';
import { indicatorOptions } from '../networks/measured.js';
import { fromPatents, holdersAt, holderTable, networkInWindow, ownColumn, noShare, type HolderTable } from '../networks/build.js';
import { loadDataset } from '../data/datasets.js';
import { clusterMembers, type NetworkRun } from '../values.js';

export interface PanelLayout {
  kind: 'dyadic' | 'node';
  periods: Window[];
  /** Regions of side i (node panels: the units — regions, or holder ids in a panel over a dataset). */
  units: string[];
  /** Regions of side j (node panels: the same as `units`). */
  partners: string[];
  /** Dyadic panels: the pair's positions in `units` and `partners`, one entry per pair. */
  pairI: Int32Array;
  pairJ: Int32Array;
  rows: number;
  networks: Map<string, NetworkRun>;
  fill: 'zero' | 'missing';
  directed: boolean;
  /** The column the panel's unit codes come from: its first network's level, or a node panel's dataset `level`. */
  level?: { dataset: Symbol; column: string };
  notes: string[];
}

type Level = 'const' | 'i' | 'j' | 'row';
/** Values of one level: side grids are indexed `region · T + period`, row grids like the panel. */
interface Grid { level: Level; values: Float64Array }

const NODE_MEASURES = ['degree', 'closeness', 'betweenness'];
const ELEMENTWISE: Record<string, (x: number) => number> = { log: (x) => (x > 0 ? Math.log(x) : NaN), log1p: Math.log1p, exp: Math.exp, sqrt: Math.sqrt };

export async function evaluatePanelVariables(ctx: RunContext, decl: Decl, layout: PanelLayout, columns: Map<string, Column>): Promise<Map<string, Float64Array>> {
  const evaluator = new PanelEvaluator(ctx, decl, layout, columns);
  const out = new Map<string, Float64Array>();
  for (const entry of decl.block?.entries ?? []) {
    ctx.checkpoint();
    if (entry.type !== 'assign' || !entry.value) continue;
    const grid = await evaluator.evaluate(entry.value);
    evaluator.define(entry.name.name, grid);
    out.set(entry.name.name, evaluator.toRows(grid));
  }
  return out;
}

class PanelEvaluator {
  private readonly defined = new Map<string, Grid>();
  /** While set, `i` means `j` and `j` means `i` (see `otherSide`). */
  private swapped = false;
  private readonly T: number;

  constructor(private readonly ctx: RunContext, private readonly decl: Decl, private readonly layout: PanelLayout, private readonly columns: Map<string, Column>) {
    this.T = layout.periods.length;
  }

  define(name: string, grid: Grid): void { this.defined.set(name, grid); }

  async evaluate(e: Expr): Promise<Grid> {
    this.ctx.checkpoint();
    switch (e.type) {
      case 'number': return { level: 'const', values: Float64Array.of(e.value) };
      case 'ident': return this.variable(e.name, e);
      case 'member': return this.memberValues(e);
      case 'unary': {
        if (e.op !== '-' || !e.operand) throw new SpecError('Only `-x` is allowed here.', e.span);
        const x = await this.evaluate(e.operand);
        return { level: x.level, values: x.values.map((v) => -v) };
      }
      case 'binary': return this.arithmetic(e);
      case 'call': return this.call(e);
      case 'tuple': if (e.items.length === 1) return this.evaluate(e.items[0]);
      // falls through
      default: throw new SpecError('Expected a panel variable expression such as `invco.weight` or `count(inventors, i)`.', e.span);
    }
  }

  /** A grid at row level: side values copied to every pair (or period) they belong to. */
  toRows(g: Grid): Float64Array {
    if (g.level === 'row') return g.values;
    const out = new Float64Array(this.layout.rows);
    for (let r = 0; r < out.length; r++) out[r] = g.values[this.index(g.level, r)];
    return out;
  }

  private index(level: Level, row: number): number {
    if (level === 'const') return 0;
    if (level === 'row' || this.layout.kind === 'node') return row;
    const pair = Math.floor(row / this.T);
    const t = row % this.T;
    return (level === 'i' ? this.layout.pairI[pair] : this.layout.pairJ[pair]) * this.T + t;
  }

  private variable(name: string, e: Expr): Grid {
    const grid = this.defined.get(name);
    if (grid) return grid;
    const column = this.columns.get(name);
    if (column?.type === 'number') return { level: 'row', values: column.values };
    if (column) throw new SpecError(`\`${name}\` holds text; panel variables are numbers.`, e.span);
    throw new SpecError(`\`${name}\` is not a variable of this panel (define it above, or join it with \`attributes:\`).`, e.span);
  }

  private async arithmetic(e: Extract<Expr, { type: 'binary' }>): Promise<Grid> {
    const op = { '+': (a: number, b: number) => a + b, '-': (a: number, b: number) => a - b, '*': (a: number, b: number) => a * b, '/': (a: number, b: number) => a / b }[e.op];
    if (!op || !e.right) throw new SpecError(`\`${e.op}\` cannot combine panel variables; use + - * /.`, e.opSpan);
    const a = await this.evaluate(e.left);
    const b = await this.evaluate(e.right);
    const level = combinedLevel(a.level, b.level, this.layout.kind);
    const size = level === 'const' ? 1 : level === 'row' || this.layout.kind === 'node' ? this.layout.rows : this.sideSize(level);
    const values = new Float64Array(size);
    if (level === 'row' || level === 'const') {
      for (let r = 0; r < size; r++) values[r] = op(a.values[this.index(a.level, r)], b.values[this.index(b.level, r)]);
    } else {
      for (let k = 0; k < size; k++) values[k] = op(a.values[a.level === 'const' ? 0 : k], b.values[b.level === 'const' ? 0 : k]);
    }
    return { level, values };
  }

  private sideSize(level: Level): number {
    return (level === 'j' ? this.layout.partners.length : this.layout.units.length) * this.T;
  }

  private async call(e: Extract<Expr, { type: 'call' }>): Promise<Grid> {
    const name = e.callee.name;
    const arg = (k: number) => e.args.filter((a) => !a.name)[k]?.value;
    if (name in ELEMENTWISE) {
      const x = await this.evaluate(required(arg(0), e));
      return { level: x.level, values: x.values.map(ELEMENTWISE[name]) };
    }
    switch (name) {
      case 'count': return this.count(e, this.layout.periods);
      case 'member': return this.membership(this.ctx.symbol(arg(0), 'a clusters declaration'), this.side(arg(1), e, 'i'));
      case 'cumulative': {
        const x = required(arg(0), e);
        // A count is cumulated by year: each patent once, however the windows overlap (rolling windows).
        if (x.type === 'call' && x.callee.name === 'count') return this.count(x, this.sinceFirstYear());
        return this.cumulative(await this.evaluate(x));
      }
      case 'top_share': {
        const p = arg(1);
        if (p?.type !== 'number' || !(p.value > 0 && p.value < 1)) throw new SpecError('Expected a share between 0 and 1, e.g. `0.2`.', p?.span ?? e.span);
        const xExpr = required(arg(0), e);
        const x = await this.evaluate(xExpr);
        const among = e.args.find((a) => a.name?.name === 'among')?.value;
        if (among && !(among.type === 'ident' && (among.name === 'side' || among.name === 'both'))) throw new SpecError('Expected `among: side` or `among: both`.', among.span);
        return this.topShare(x, p.value, among?.type === 'ident' && among.name === 'both' ? await this.otherSide(xExpr, x, among) : undefined);
      }
      default:
        if (NODE_MEASURES.includes(name)) return this.nodeMeasure(name, this.ctx.symbol(arg(0), 'a network'), this.side(arg(1), e));
        throw new SpecError(`\`${name}\` is not a panel function: use count, degree, closeness, betweenness, member, cumulative, top_share, log, log1p, exp or sqrt.`, e.callee.span);
    }
  }

  /** `i` or `j`; node panels have only i, dyadic panels must say which side. */
  private side(e: Expr | undefined, call: Expr, fallback?: 'i'): 'i' | 'j' {
    if (this.layout.kind === 'node') {
      if (e?.type === 'ident' && e.name === 'j') throw new SpecError('A node panel has no side `j`.', e.span);
      return 'i';
    }
    if (e?.type === 'ident' && (e.name === 'i' || e.name === 'j')) return this.swapped ? (e.name === 'i' ? 'j' : 'i') : e.name;
    if (fallback) return fallback;
    throw new SpecError('Say which region of the pair: `i` or `j`.', e?.span ?? call.span);
  }

  private sideRegions(side: 'i' | 'j'): string[] {
    return side === 'j' ? this.layout.partners : this.layout.units;
  }

  /** `net.weight` of one of the panel's networks, or `measures.item` of node measures. */
  private memberValues(e: Extract<Expr, { type: 'member' }>): Promise<Grid> | Grid {
    const symbol = e.object.type === 'ident' ? this.ctx.model.symbols.get(e.object.name) : undefined;
    return symbol?.kind === 'measures' ? this.nodeMeasures(symbol, e) : this.tieWeights(e);
  }

  /**
   * `toolkit.kci`: a node measures table's indicator by region and period, matched on the period's label
   * (a year, or a window such as 2016-2020); a region or period the measures lack is missing.
   */
  private async nodeMeasures(measures: Symbol, e: Extract<Expr, { type: 'member' }>): Promise<Grid> {
    const item = e.property?.name ?? '';
    const nodes = (await this.ctx.resultOf(measures)).tables?.nodes;
    if (!nodes || !nodes.columns.includes(item)) throw new SpecError(`\`${measures.name}\` has no node indicator \`${item}\`: list it among its regions' indicators.`, e.span);
    if (this.layout.kind !== 'node') throw new SpecError('Node measures are panel variables of node panels.', e.span);
    const [w, r, c] = ['window', 'region', item].map((k) => nodes.columns.indexOf(k));
    const value = new Map(nodes.rows.map((row) => [`${row[r]}\u0000${row[w]}`, row[c]]));
    const values = new Float64Array(this.layout.units.length * this.T);
    this.layout.units.forEach((unit, u) => this.layout.periods.forEach((period, t) => {
      const v = value.get(`${unit}\u0000${period.label}`);
      values[u * this.T + t] = typeof v === 'number' ? v : NaN;
    }));
    return { level: 'i', values };
  }

  /** `net.weight`: the tie's weight in each window; absent ties are 0 (or missing with `fill: missing`). */
  private tieWeights(e: Extract<Expr, { type: 'member' }>): Grid {
    const run = e.object.type === 'ident' ? this.layout.networks.get(e.object.name) : undefined;
    if (!run || e.property?.name !== 'weight') throw new SpecError('Expected the weight of one of the panel\'s networks, e.g. `invco.weight`.', e.span);
    if (this.layout.kind !== 'dyadic') throw new SpecError('Tie weights belong to dyadic panels.', e.span);
    const absent = this.layout.fill === 'zero' ? 0 : NaN;
    const values = new Float64Array(this.layout.rows).fill(absent);
    const pairs = this.layout.pairI.length;
    const pairIndex = new Map<string, number>();
    for (let p = 0; p < pairs; p++) pairIndex.set(`${this.layout.units[this.layout.pairI[p]]}\u0000${this.layout.partners[this.layout.pairJ[p]]}`, p);
    run.networks.forEach((net, t) => {
      for (const tie of net.ties) {
        let p = pairIndex.get(`${tie.source}\u0000${tie.target}`);
        if (p === undefined && !run.directed) p = pairIndex.get(`${tie.target}\u0000${tie.source}`);
        if (p !== undefined) values[p * this.T + t] = tie.weight;
      }
    });
    return { level: 'row', values };
  }

  /** `count(dataset, side, counting: …, where: …)` in each of `periods` (aligned with the panel's). */
  private count(e: Extract<Expr, { type: 'call' }>, periods: readonly Window[]): Promise<Grid> {
    const positional = e.args.filter((a) => !a.name);
    const named = (key: string) => e.args.find((a) => a.name?.name === key)?.value;
    const dataset = this.ctx.symbol(positional[0]?.value, 'a dataset');
    const counting = named('counting');
    return this.counts(dataset, this.side(positional[1]?.value, e), (counting?.type === 'ident' ? counting.name : 'records') as Counting, periods, named('where'));
  }

  /** Each period widened back to the panel's first year: what a count cumulated by year covers. */
  private sinceFirstYear(): Window[] {
    const first = this.layout.periods[0]?.from ?? 0;
    return this.layout.periods.map((p) => ({ ...p, from: first }));
  }

  private async counts(dataset: Symbol, side: 'i' | 'j', counting: Counting, periods: readonly Window[], where: Expr | undefined): Promise<Grid> {
    const holders = await this.holdersFor(dataset, where);
    if (counting === 'distinct' && !holders.hasHolder) {
      throw new SpecError(`\`counting: distinct\` counts distinct applicants or inventors: ${holders.dataset.name} declares neither an \`applicant\` nor an \`inventor\` column.`, dataset.nameSpan);
    }
    if (counting === 'share' && !holders.hasShare) throw new SpecError(noShare(holders.dataset.name), dataset.nameSpan);
    const maps = await patentCounts(this.ctx.db, holders.table, periods, counting);
    const regions = this.sideRegions(side);
    const values = new Float64Array(regions.length * this.T);
    regions.forEach((region, u) => maps.forEach((map, t) => { values[u * this.T + t] = map.get(region) ?? 0; }));
    return { level: side, values };
  }

  /**
   * A network's own holder table when it is built from the dataset, else the dataset at the panel's level;
   * with `where`, only the holders meeting it. A dataset without the level's column (the patents, in a panel
   * of applicants) is counted through the level's own dataset when that dataset joins it: a firm's patents are
   * its rows there.
   */
  private async holdersFor(dataset: Symbol, where: Expr | undefined): Promise<HolderTable> {
    for (const run of this.layout.networks.values()) {
      const decl = this.ctx.model.symbols.get(run.name)!.decl;
      if (fromPatents(this.ctx, decl) && (await holderTable(this.ctx, decl)).dataset === dataset) return holderTable(this.ctx, decl, where);
    }
    const level = this.layout.level;
    const through = level && level.dataset !== dataset && this.ctx.model.joinedPatents(level.dataset) === dataset
      && !ownColumn(this.ctx, await loadDataset(this.ctx, dataset), level.column);
    return holdersAt(this.ctx, through ? level.dataset : dataset, level?.column ?? '', undefined, where);
  }

  private async membership(clusters: Symbol, side: 'i' | 'j'): Promise<Grid> {
    const members = new Set(clusterMembers(await this.ctx.resultOf(clusters)));
    const regions = this.sideRegions(side);
    const values = new Float64Array(regions.length * this.T);
    regions.forEach((r, u) => values.fill(members.has(r) ? 1 : 0, u * this.T, (u + 1) * this.T));
    return { level: side, values };
  }

  /** Degree, closeness or betweenness of each region in each period's network (UCINET conventions). */
  private async nodeMeasure(measure: string, network: Symbol, side: 'i' | 'j'): Promise<Grid> {
    const networks = await this.networksByPeriod(network);
    const options = indicatorOptions(this.ctx, this.decl);
    const regions = this.sideRegions(side);
    // A region without ties in a period is isolated there: no degree or betweenness, closeness undefined.
    const absent = measure === 'closeness' ? NaN : 0;
    const values = new Float64Array(regions.length * this.T).fill(absent);
    const position = new Map(regions.map((r, u) => [r, u]));
    networks.forEach((net, t) => {
      const measured = nodeIndicators(net, [measure], options)[measure];
      net.nodes.forEach((node, k) => {
        const u = position.get(node);
        if (u !== undefined) values[u * this.T + t] = measured[k] ?? NaN;
      });
    });
    return { level: side, values };
  }

  private async networksByPeriod(network: Symbol): Promise<Network[]> {
    const out: Network[] = [];
    for (const period of this.layout.periods) out.push((await networkInWindow(this.ctx, network, period)).network);
    return out;
  }

  /** Running sum over the periods, per unit of the grid's level (for anything but a count). */
  private cumulative(x: Grid): Grid {
    if (x.level === 'const') return x;
    const values = new Float64Array(x.values.length);
    for (let start = 0; start < values.length; start += this.T) {
      let sum = 0;
      for (let t = 0; t < this.T; t++) values[start + t] = sum += x.values[start + t];
    }
    return { level: x.level, values };
  }

  /**
   * A side's value computed for the other side of the pair (`count(d, j)` as `count(d, i)`), so that
   * `top_share(…, among: both)` ranks it among the regions of both sides.
   */
  private async otherSide(expr: Expr, x: Grid, at: Expr): Promise<Grid> {
    if (this.layout.kind !== 'dyadic' || (x.level !== 'i' && x.level !== 'j')) {
      throw new SpecError('`among: both` ranks a value of one side of the pair among the regions of both sides, e.g. `top_share(cumulative(count(inventors, j)), 0.2, among: both)`.', at.span);
    }
    this.swapped = !this.swapped;
    try {
      const other = await this.evaluate(expr);
      if (other.level === x.level) throw new SpecError('`among: both` needs the side\'s expression itself (`count(…, j)`, `degree(…, j)`), not a variable defined for one side.', at.span);
      return other;
    } finally {
      this.swapped = !this.swapped;
    }
  }

  /**
   * 1 where x is in the top `share` of the units of its level in that period: x ≥ the (1 − share) quantile
   * (R's type 7) of the period's non-missing values; missing x stays missing. With `other` (the same value
   * for the other side's regions), the quantile is taken over the regions of both sides, each once.
   */
  private topShare(x: Grid, share: number, other?: Grid): Grid {
    if (x.level === 'const') return x;
    const units = x.values.length / this.T;
    const own = new Set(this.sideRegions(x.level === 'j' ? 'j' : 'i'));
    const extra = other ? this.sideRegions(other.level === 'j' ? 'j' : 'i').flatMap((r, u) => (own.has(r) ? [] : [u])) : [];
    const values = new Float64Array(x.values.length);
    for (let t = 0; t < this.T; t++) {
      const present: number[] = [];
      for (let u = 0; u < units; u++) { const v = x.values[u * this.T + t]; if (!Number.isNaN(v)) present.push(v); }
      for (const u of extra) { const v = other!.values[u * this.T + t]; if (!Number.isNaN(v)) present.push(v); }
      const cut = present.length ? quantile(present, 1 - share, 7) : NaN;
      for (let u = 0; u < units; u++) { const v = x.values[u * this.T + t]; values[u * this.T + t] = Number.isNaN(v) ? NaN : v >= cut ? 1 : 0; }
    }
    return { level: x.level, values };
  }
}

function combinedLevel(a: Level, b: Level, kind: 'dyadic' | 'node'): Level {
  if (a === b) return a;
  if (a === 'const') return b;
  if (b === 'const') return a;
  return kind === 'node' ? 'i' : 'row';
}

function required(e: Expr | undefined, call: Expr): Expr {
  if (!e) throw new SpecError('An argument is missing.', call.span);
  return e;
}
