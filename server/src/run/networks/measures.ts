// `measures` declarations: whole-network and node indicators per window, tie tables, tiers, and
// location quotients. Numbers come from the engine; this module picks windows, options and tables.
import type { Decl } from '../../language/syntax/ast.js';
import type { Symbol } from '../../language/semantic/model.js';
import { nodeIndicators, wholeIndicators, type Value } from '../../engine/networks/indicators.js';
import { classify, type ClassMethod } from '../../engine/stats/classify.js';
import type { Window } from '../../engine/windows/windows.js';
import type { RunContext } from '../context.js';
import { SpecError } from '../errors.js';
import { groupsOf } from './groups.js';
import { networkHolders } from './build.js';
import { patentCounts, type Counting } from '../../engine/networks/patentCounts.js';
import { conventions } from '../options.js';
import type { Cell } from '../../results/format.js';
import type { Computed } from '../values.js';
import { runLocationQuotients } from './locationQuotients.js';
import { indicatorOptions, measuredWindows } from './measured.js';

const INDICATOR_OPTIONS = ['density', 'centralization', 'scale', 'clustering', 'unreachable', 'betweenness', 'flow_sign'];

/** The declaration's items (the bare names listed in its block). */
export function itemsOf(decl: Decl): string[] {
  return (decl.block?.entries ?? []).flatMap((e) => (e.type === 'item' && e.value.type === 'ident' ? [e.value.name] : []));
}

export async function runMeasures(ctx: RunContext, symbol: Symbol): Promise<Computed> {
  const { decl } = symbol;
  const source = ctx.model.source(decl);
  if (!source) throw new SpecError('Measures come from `whole(…)`, `nodes(…)`, `ties(…)` or `location_quotient(…)`.', decl.values[0]?.span ?? symbol.nameSpan);
  if (source.spec.name === 'location_quotient') {
    return runLocationQuotients(ctx, symbol);
  }
  const network = ctx.symbol(source.call.args[0]?.value, 'a network');
  const { windows, networks, notes } = await measuredWindows(ctx, decl, network);
  const options = indicatorOptions(ctx, decl);
  const items = itemsOf(decl);
  const conv = conventions(ctx, decl, INDICATOR_OPTIONS);
  switch (source.spec.name) {
    case 'whole': {
      const groups = items.includes('ei') ? await groupsOf(ctx, decl, networks) : undefined;
      const rows = networks.map((net, i) => {
        const values = wholeIndicators(net, items, options, groups?.[i]);
        return [windows[i].label, ...items.map((item) => values[item] ?? null)];
      });
      return { tables: { indicators: { columns: ['window', ...items], rows } }, notes, conventions: conv };
    }
    case 'nodes': {
      const tiers = tiersOption(ctx, decl);
      const ranking = rankingOption(ctx, decl, items);
      const rows: Cell[][] = [];
      const counts = await countsFor(ctx, network, windows, items);
      networks.forEach((net, i) => {
        const values = { ...nodeIndicators(net, items, options), ...counts(i, net.nodes) };
        const tier = tiers ? tierColumn(tiers, values[tiers.of] ?? [], windows[i], notes) : undefined;
        const order = ranking ? ranked(ranking, net.nodes, values[ranking.by], windows[i], notes) : net.nodes.map((_, k) => k);
        for (const k of order) rows.push([windows[i].label, net.nodes[k], ...items.map((item) => values[item][k] ?? null), ...(tier ? [tier[k]] : [])]);
      });
      const columns = ['window', 'region', ...items, ...(tiers ? [`${tiers.of}_tier`] : [])];
      return { tables: { nodes: { columns, rows } }, notes, conventions: conv };
    }
    default: { // ties
      const tiers = tiersOption(ctx, decl);
      const rows: Cell[][] = [];
      networks.forEach((net, i) => {
        const tier = tiers ? tierColumn(tiers, net.ties.map((t) => t.weight), windows[i], notes) : undefined;
        net.ties.forEach((t, k) => rows.push([windows[i].label, t.source, t.target, t.weight, ...(tier ? [tier[k]] : [])]));
      });
      return { tables: { ties: { columns: ['window', 'source', 'target', 'weight', ...(tiers ? ['weight_tier'] : [])], rows } }, notes, conventions: conv };
    }
  }
}

const COUNTINGS: Record<string, Counting> = { patents: 'full', patents_fractional: 'fractional' };

/** Patent counts of the listed counting items, per window, aligned with the nodes asked for. */
async function countsFor(ctx: RunContext, network: Symbol, windows: Window[], items: string[]): Promise<(window: number, nodes: string[]) => Record<string, Value[]>> {
  const wanted = items.filter((i) => i in COUNTINGS);
  if (!wanted.length) return () => ({});
  const holders = await networkHolders(ctx, network);
  const maps = await Promise.all(wanted.map((item) => patentCounts(ctx.db, holders, windows, COUNTINGS[item])));
  return (window, nodes) => Object.fromEntries(wanted.map((item, k) => [item, nodes.map((r) => maps[k][window].get(r) ?? 0)]));
}

/** `jenks(4) of degree`: `name` as written, `method` the classifier's. */
interface TierSpec { name: string; method: ClassMethod; k: number; of: string }

const TIER_METHODS: Record<string, ClassMethod> = { jenks: 'jenks', quantiles: 'quantile', equal: 'equal' };

function tiersOption(ctx: RunContext, decl: Decl): TierSpec | undefined {
  const value = ctx.model.option(decl, 'tiers')?.values[0];
  if (!value) return undefined;
  const call = value.type === 'binary' && value.op === 'of' ? value.left : value;
  const of = value.type === 'binary' && value.op === 'of' && value.right?.type === 'ident' ? value.right.name : 'weight';
  const k = call.type === 'call' && call.args[0]?.value?.type === 'number' ? call.args[0].value.value : NaN;
  if (call.type !== 'call' || !Number.isInteger(k) || k < 1) throw new SpecError('Expected tiers such as `jenks(4) of degree`.', value.span);
  if (of !== 'weight' && !itemsOf(decl).includes(of)) throw new SpecError(`List \`${of}\` among the measures to class it into tiers.`, value.span);
  return { name: call.callee.name, method: TIER_METHODS[call.callee.name], k, of };
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
  if (key(order[top - 1]) === key(order[top])) notes.push(`Window ${window.label}: rows tied at ${ranking.by} = ${values[order[top]] ?? 'missing'} across the top ${top}, kept by region name.`);
  return order.slice(0, top);
}

/** Tiers of one window's values (1 = lowest); a window with fewer distinct values than tiers gets none. */
function tierColumn(spec: TierSpec, values: readonly Value[], window: Window, notes: string[]): (number | null)[] {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (new Set(present).size < spec.k) {
    if (present.length) notes.push(`Window ${window.label}: fewer than ${spec.k} distinct values of ${spec.of}, so no ${spec.name} tiers.`);
    return values.map(() => null);
  }
  const { codes, breaks } = classify(present, spec.method, spec.k);
  notes.push(`Window ${window.label}: ${spec.name}(${spec.k}) breaks of ${spec.of} (upper bounds, right-closed): ${breaks.slice(1).map((b) => +b.toPrecision(6)).join(', ')}.`);
  let next = 0;
  return values.map((v) => (v !== null && Number.isFinite(v) ? codes[next++] : null));
}
