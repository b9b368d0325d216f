// `measures` declarations: whole-network and node indicators per window, tie tables, tiers, and
// location quotients. Numbers come from the engine; this module picks windows, options and tables.
import type { Decl, Span } from '../../language/syntax/ast.js';
import type { Symbol } from '../../language/semantic/model.js';
import {
  communityEffortOf, isBrokerageRole, nodeIndicators, pathIndicators, scaleBetweenness, wholeIndicators, wholePaths, type IndicatorOptions, type Value,
} from '../../engine/networks/indicators.js';
import type { PathValues } from '../../engine/networks/paths/centralities.js';
import type { Network } from '../../engine/networks/network.js';
import { classTable, type ClassMethod } from '../../engine/stats/classify.js';
import { classOf } from '../../engine/stats/jenks.js';
import type { Window } from '../../engine/windows/windows.js';
import type { RunContext } from '../context.js';
import { SpecError } from '../errors.js';
import { groupsOf } from './groups.js';
import { networkHolders, noShare } from './build.js';
import { patentCounts, type Counting } from '../../engine/networks/patentCounts.js';
import { conventions } from '../options.js';
import { windowOption } from '../data/windows.js';
import type { Cell } from '../../results/format.js';
import type { Computed } from '../values.js';
import { runLocationQuotients } from './locationQuotients.js';
import { indicatorOptions, itemsOf, measuredWindows } from './measured.js';
import { runRegionTechnology } from './regionTechnology.js';
import { shortNumber } from '../../util/text.js';

const INDICATOR_OPTIONS = ['density', 'centralization', 'scale', 'clustering', 'unreachable', 'betweenness', 'flow_sign', 'symmetrize', 'local_clustering', 'structural_holes', 'algorithm'];

export async function runMeasures(ctx: RunContext, symbol: Symbol): Promise<Computed> {
  const { decl } = symbol;
  const source = ctx.model.source(decl);
  if (!source) throw new SpecError('Measures come from `whole(…)`, `nodes(…)`, `ties(…)`, `location_quotient(…)` or `region_technology(…)`.', decl.values[0]?.span ?? symbol.nameSpan);
  if (source.spec.name === 'location_quotient') return runLocationQuotients(ctx, symbol);
  if (source.spec.name === 'region_technology') return runRegionTechnology(ctx, symbol);
  const network = ctx.symbol(source.call.args[0]?.value, 'a network');
  const { windows, networks, notes } = await measuredWindows(ctx, decl, network);
  const options = indicatorOptions(ctx, decl);
  const items = itemsOf(decl);
  const conv = conventions(ctx, decl, INDICATOR_OPTIONS);
  if (items.some((i) => COMMUNITY_ITEMS.has(i))) notes.push(...sizedCommunityNotes(windows, networks, options));
  switch (source.spec.name) {
    case 'whole': {
      const groups = items.includes('ei') ? await groupsOf(ctx, decl, networks) : undefined;
      const rows: Cell[][] = [];
      for (const [i, net] of networks.entries()) {
        // Path lengths first, on worker threads when the window's network is large.
        const paths = await wholePaths(net, items, options);
        const values = wholeIndicators(net, items, options, groups?.[i], paths);
        rows.push([windows[i].label, ...items.map((item) => values[item] ?? null)]);
      }
      return { tables: { indicators: { columns: ['window', ...items], rows } }, notes, conventions: conv };
    }
    case 'nodes': {
      const tiers = tiersOption(ctx, decl);
      const ranking = rankingOption(ctx, decl, items);
      const rows: Cell[][] = [];
      const counts = await countsFor(ctx, decl, network, windows, items);
      const groups = items.some(isBrokerageRole) ? await groupsOf(ctx, decl, networks) : undefined;
      const values: Record<string, Value[]>[] = [];
      for (const [i, net] of networks.entries()) {
        // Closeness and betweenness first, on worker threads when the window's network is large.
        const paths = await pathIndicators(net, items, options);
        if (net.nodes.length) notes.push(...sampledNotes(windows[i], net, paths, options));
        values.push({ ...nodeIndicators(net, items, options, groups?.[i], paths), ...counts(i, net.nodes) });
      }
      const tier = tiers && tierColumns(tiers, values.map((v) => v[tiers.of] ?? []), windows, notes);
      networks.forEach((net, i) => {
        const order = ranking ? ranked(ranking, net.nodes, values[i][ranking.by], windows[i], notes) : net.nodes.map((_, k) => k);
        for (const k of order) rows.push([windows[i].label, net.nodes[k], ...items.map((item) => values[i][item][k] ?? null), ...(tier ? [tier[i][k]] : [])]);
      });
      const columns = ['window', 'region', ...items, ...(tiers ? [`${tiers.of}_tier`] : [])];
      return { tables: { nodes: { columns, rows } }, notes, conventions: conv };
    }
    default: { // ties
      const tiers = tiersOption(ctx, decl);
      const rows: Cell[][] = [];
      const tier = tiers && tierColumns(tiers, networks.map((net) => net.ties.map((t) => t.weight)), windows, notes);
      networks.forEach((net, i) => {
        net.ties.forEach((t, k) => rows.push([windows[i].label, t.source, t.target, t.weight, ...(tier ? [tier[i][k]] : [])]));
      });
      return { tables: { ties: { columns: ['window', 'source', 'target', 'weight', ...(tiers ? ['weight_tier'] : [])], rows } }, notes, conventions: conv };
    }
  }
}

const COMMUNITY_ITEMS = new Set(['community', 'modularity', 'modularity_runs', 'communities']);

/**
 * Windows whose communities are found with fewer runs, or Leiden iterations, than on small networks: the
 * defaults by size of `runs` and `iterations` where they are unset.
 */
function sizedCommunityNotes(windows: Window[], networks: Network[], options: IndicatorOptions): string[] {
  const { runs, iterations, algorithm } = options.communities;
  return networks.flatMap((net, i) => {
    const ties = net.ties.length.toLocaleString('en-US');
    const effort = communityEffortOf(net, options);
    const fewerRuns = runs === undefined && effort.runs < 100;
    const cappedIterations = algorithm === 'leiden' && iterations === undefined && Number.isFinite(effort.iterations);
    return [
      ...(fewerRuns ? [`Window ${windows[i].label}: communities are the best of ${effort.runs} runs, the default on ${ties} ties (100 up to 10⁵ ties, then 10⁷/ties); \`runs:\` sets it.`] : []),
      ...(cappedIterations ? [`Window ${windows[i].label}: each Leiden run makes at most ${effort.iterations} iterations, the default on ${ties} ties (until Q stops rising up to 10⁵ ties); \`iterations:\` sets it.`] : []),
    ];
  });
}

/** What each sampled path measure rests on, and its standard error on the scale printed (the largest, and the top node's). */
function sampledNotes(window: Window, net: Network, paths: PathValues, options: IndicatorOptions): string[] {
  const n = net.nodes.length;
  const directed = net.directed && options.symmetrize === 'none';
  const notes: string[] = [];
  const { betweenness, closeness, in_closeness } = paths.errors;
  if (betweenness) {
    const scaled = (x: number[]) => scaleBetweenness(x, n, directed, options.betweenness);
    const sample = { item: 'betweenness', option: 'betweenness_sources', k: options.betweennessSources!, method: 'Brandes–Pich', reading: 'scaled by n/k' };
    notes.push(sampledNote(window, net, sample, scaled(paths.values.betweenness!), scaled(betweenness), options));
  }
  const fill = options.unreachable === 'max_plus_one' ? '; unreachable pairs at the largest distance the sampled searches found + 1'
    : options.unreachable === 'average' ? '; unreachable pairs at the average distance of the sampled searches' : '';
  for (const [item, errors] of [['closeness', closeness], ['in_closeness', in_closeness]] as const) {
    if (!errors) continue;
    const sample = { item, option: 'closeness_sources', k: options.closenessSources!, method: 'Eppstein–Wang', reading: `by each node's mean distance ${item === 'closeness' && directed ? 'to' : 'from'} them${fill}` };
    notes.push(sampledNote(window, net, sample, paths.values[item]!, errors, options));
  }
  return notes;
}

/** A measure estimated from `k` sampled sources (its `option`), by `method`, its estimate read as `reading` says. */
interface SampledMeasure { item: string; option: string; k: number; method: string; reading: string }

/** One sampled measure's note: k sources of n (or all of them: exact), the method and seed, and its standard errors. */
function sampledNote(window: Window, net: Network, sample: SampledMeasure, estimate: number[], error: number[], options: IndicatorOptions): string {
  const n = net.nodes.length;
  const k = Math.min(n, sample.k);
  if (k === n) return `Window ${window.label}: ${sample.item} from all ${n} nodes as sources (\`${sample.option}\` ≥ n): exact.`;
  const top = estimate.reduce((best, x, v) => (x > estimate[best] ? v : best), 0);
  const largest = error.reduce((m, x) => Math.max(m, x), 0);
  return `Window ${window.label}: ${sample.item} estimated from ${k.toLocaleString('en-US')} of ${n.toLocaleString('en-US')} nodes as sources (${sample.method}, seed ${options.communities.seed}), ${sample.reading}; `
    + `standard error up to ${shortNumber(largest)}; the highest, ${net.nodes[top]}, ${shortNumber(estimate[top])} ± ${shortNumber(error[top])}.`;
}

const COUNTINGS: Record<string, Counting> = { patents: 'full', patents_fractional: 'fractional', patents_share: 'share' };

/** Patent counts of the listed counting items, per window, aligned with the nodes asked for. */
async function countsFor(ctx: RunContext, decl: Decl, network: Symbol, windows: Window[], items: string[]): Promise<(window: number, nodes: string[]) => Record<string, Value[]>> {
  const wanted = items.filter((i) => i in COUNTINGS);
  if (!wanted.length) return () => ({});
  const item = decl.block?.entries.find((e) => e.type === 'item' && e.value.type === 'ident' && e.value.name === wanted[0]);
  const holders = await networkHolders(ctx, network, { what: `\`${wanted[0]}\``, span: item?.span ?? decl.span });
  if (wanted.includes('patents_share') && !holders.hasShare) throw new SpecError(noShare(holders.dataset.name), network.decl.values[0]?.span ?? network.nameSpan);
  const maps = await Promise.all(wanted.map((item) => patentCounts(ctx.db, holders.table, windows, COUNTINGS[item])));
  return (window, nodes) => Object.fromEntries(wanted.map((item, k) => [item, nodes.map((r) => maps[k][window].get(r) ?? 0)]));
}

/**
 * `jenks(4) of degree`: `name` as written, `method` the classifier's; `window` the label of the window
 * whose breaks class every window (`tier_window:`), where it is set.
 */
interface TierSpec { name: string; method: ClassMethod; k: number; of: string; window?: { label: string; span: Span } }

const TIER_METHODS: Record<string, ClassMethod> = { jenks: 'jenks', quantiles: 'quantile', equal: 'equal' };

function tiersOption(ctx: RunContext, decl: Decl): TierSpec | undefined {
  const value = ctx.model.option(decl, 'tiers')?.values[0];
  if (!value) return undefined;
  const call = value.type === 'binary' && value.op === 'of' ? value.left : value;
  const of = value.type === 'binary' && value.op === 'of' && value.right?.type === 'ident' ? value.right.name : 'weight';
  const k = call.type === 'call' && call.args[0]?.value?.type === 'number' ? call.args[0].value.value : NaN;
  if (call.type !== 'call' || !Number.isInteger(k) || k < 1) throw new SpecError('Expected tiers such as `jenks(4) of degree`.', value.span);
  if (of !== 'weight' && !itemsOf(decl).includes(of)) throw new SpecError(`List \`${of}\` among the measures to class it into tiers.`, value.span);
  const windowValue = ctx.model.option(decl, 'tier_window')?.values[0];
  const window = windowValue && { label: windowOption(windowValue).label, span: windowValue.span };
  return { name: call.callee.name, method: TIER_METHODS[call.callee.name], k, of, window };
}

/**
 * Tiers of each window's values: by the window's own breaks, or all by the breaks of `spec.window`
 * (values beyond its extremes fall in the first or last tier, as R's findInterval with all.inside does).
 */
function tierColumns(spec: TierSpec, values: readonly (readonly Value[])[], windows: readonly Window[], notes: string[]): (number | null)[][] {
  if (!spec.window) return values.map((v, i) => tierColumn(spec, v, windows[i], notes));
  const { label, span } = spec.window;
  const reference = windows.findIndex((w) => w.label === label);
  if (reference < 0) throw new SpecError(`\`tier_window\` ${label} is not among the windows measured (${windows.map((w) => w.label).join(', ')}).`, span);
  const breaks = tierBreaks(spec, values[reference], windows[reference], notes);
  if (breaks) notes.push(`Every window is classed by the breaks of window ${label}.`);
  return values.map((v) => v.map((x) => (breaks && x !== null && Number.isFinite(x) ? classOf(x, breaks) : null)));
}

/** `sort: degree` and `top: 10`: the indicator each window's rows are ordered by, and how many are kept. */
interface Ranking { by: string; top?: number }

function rankingOption(ctx: RunContext, decl: Decl, items: string[]): Ranking | undefined {
  const sort = ctx.model.option(decl, 'sort')?.values[0];
  const top = ctx.model.option(decl, 'top')?.values[0];
  if (!sort && !top) return undefined;
  if (sort && sort.type !== 'ident') throw new SpecError('Sort by one listed indicator, e.g. `sort: degree`.', sort.span);
  const by = sort?.type === 'ident' ? sort.name : items[0];
  if (!by || !items.includes(by)) throw new SpecError(by ? `List \`${by}\` among the measures to sort by it.` : 'List an indicator to keep the top rows by.', (sort ?? top)!.span);
  return { by, top: top ? ctx.number(decl, 'top', Infinity) : undefined };
}

/**
 * One window's rows by `by`, highest first, missing values last, ties by region; the first `top` of them. A tie
 * across the cut is broken by region name, and a note says so.
 */
function ranked(ranking: Ranking, nodes: string[], values: readonly Value[], window: Window, notes: string[]): number[] {
  const key = (k: number) => (values[k] !== null && Number.isFinite(values[k]) ? (values[k] as number) : -Infinity);
  const order = nodes.map((_, k) => k).sort((a, b) => key(b) - key(a) || (nodes[a] < nodes[b] ? -1 : nodes[a] > nodes[b] ? 1 : 0));
  const { top } = ranking;
  if (top === undefined || top >= order.length) return order;
  if (key(order[top - 1]) === key(order[top])) notes.push(`Window ${window.label}: rows tied at ${ranking.by} = ${typeof values[order[top]] === 'number' ? shortNumber(values[order[top]] as number) : 'missing'} across the top ${top}, kept by region name.`);
  return order.slice(0, top);
}

/** Tiers of one window's values (1 = lowest) by its own breaks. */
function tierColumn(spec: TierSpec, values: readonly Value[], window: Window, notes: string[]): (number | null)[] {
  const breaks = tierBreaks(spec, values, window, notes);
  return values.map((v) => (breaks && v !== null && Number.isFinite(v) ? classOf(v, breaks) : null));
}

/** A window's breaks, noted; none when it has fewer distinct values than tiers. */
function tierBreaks(spec: TierSpec, values: readonly Value[], window: Window, notes: string[]): number[] | undefined {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (new Set(present).size < spec.k) {
    if (present.length) notes.push(`Window ${window.label}: fewer than ${spec.k} distinct values of ${spec.of}, so no ${spec.name} tiers.`);
    return undefined;
  }
  const { breaks, gvf } = classTable(present, spec.method, spec.k);
  notes.push(`Window ${window.label}: ${spec.name}(${spec.k}) breaks of ${spec.of} (upper bounds, right-closed; GVF ${+gvf.toPrecision(4)}): ${breaks.slice(1).map((b) => +b.toPrecision(6)).join(', ')}.`);
  return breaks;
}
