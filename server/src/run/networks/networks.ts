// `network` declarations: the windows' networks (built by build.ts), and the result that summarises each
// window and carries its ties for panels and exports.
import type { Symbol } from '../../language/semantic/model.js';
import type { Network } from '../../engine/networks/network.js';
import type { TiePatents } from '../../engine/networks/tiePatents.js';
import { ALL_YEARS, type Window } from '../../engine/windows/windows.js';
import type { DeclarationResult, NodeAttributes } from '../../results/format.js';
import type { RunContext } from '../context.js';
import { networkGeometry } from '../data/geometry.js';
import { windowsOf } from '../data/windows.js';
import type { Computed, NetworkRun } from '../values.js';
import { buildNetworks, networkTiePatents, TIE_PATENTS_LISTED } from './build.js';
import { holderLevel } from '../../language/semantic/nodeAttributes.js';
import { emptyWindowNote } from './emptyWindows.js';
import { nodeAttributeTable, nodeAttributes } from './nodeAttributes.js';

/** The network of every declared window (one unbounded window without `windows:`). */
export async function runNetwork(ctx: RunContext, symbol: Symbol): Promise<NetworkRun> {
  const windowsRef = ctx.model.option(symbol.decl, 'windows')?.values[0];
  const windows = windowsRef ? windowsOf(ctx, ctx.symbol(windowsRef, 'windows')) : [ALL_YEARS];
  const built = await buildNetworks(ctx, symbol, windows);
  for (const [i, net] of built.networks.entries()) if (!net.nodes.length) built.notes.push(emptyWindowNote(windows[i], built.years));
  return { name: symbol.name, windows, ...built };
}

/** A network declaration's result: a summary per window and the windows' ties for panels and exports. */
export async function networkResult(run: NetworkRun, ctx: RunContext, symbol: Symbol): Promise<Computed & Pick<DeclarationResult, 'network'>> {
  const tiePatents = await networkTiePatents(ctx, symbol, run.windows);
  const windows = run.windows.map((w, i) => serialiseWindow(w, run.networks[i], tiePatents?.[i]));
  const rows = run.networks.map((net, i) => [run.windows[i].label, net.nodes.length, net.ties.length, net.ties.reduce((s, t) => s + t.weight, 0), [...net.intra.values()].reduce((s, x) => s + x, 0)]);
  const map = await networkGeometry(ctx, symbol.decl, windows.flatMap((w) => w.nodes));
  const attributes = nodeAttributeTable(await nodeAttributes(ctx, symbol), new Set(windows.flatMap((w) => w.nodes)));
  return {
    tables: { summary: { columns: ['window', 'nodes', 'ties', 'total_weight', 'intra'], rows } },
    notes: [...run.notes, ...cutListsNote(tiePatents), ...(map?.notes ?? []), ...(attributes ? [attributesNote(attributes)] : [])],
    network: { directed: run.directed, windows, ...(map ? { geometry: map.geometry } : {}), ...(attributes ? { attributes } : {}), ...holderNode(ctx, symbol) },
  };
}

function serialiseWindow(w: Window, net: Network, tiePatents: TiePatents[] | undefined) {
  return {
    label: w.label, from: Number.isFinite(w.from) ? w.from : null, to: Number.isFinite(w.to) ? w.to : null,
    nodes: net.nodes, ties: net.ties, intra: Object.fromEntries(net.intra), ...(tiePatents ? { tiePatents } : {}),
  };
}

/** A network of holders names its holder column as what a node is (the view then says "applicants", not "regions"). */
function holderNode(ctx: RunContext, symbol: Symbol): { node?: string } {
  const node = holderLevel(ctx.model, symbol.decl);
  return node ? { node } : {};
}

/** Which node attributes the nodes have, and how many lack each. */
function attributesNote({ columns, values }: NodeAttributes): string {
  const rows = Object.values(values);
  const lacking = columns.map((c, i) => ({ c, n: rows.filter((r) => r[i] === null).length })).filter((x) => x.n);
  return `Node attributes: ${columns.join(', ')}${lacking.length ? ` (${lacking.map((x) => `${x.n} of ${rows.length} nodes without ${x.c}`).join('; ')})` : ''}.`;
}

/** Says which ties list only some of their patents. */
function cutListsNote(tiePatents: TiePatents[][] | undefined): string[] {
  const cut = (tiePatents ?? []).flat().filter((t) => t.count > t.patents.length).length;
  if (!cut) return [];
  return [`Tie patents: ${cut} ${cut === 1 ? 'tie is' : 'ties are'} made by more than ${TIE_PATENTS_LISTED} patents; the results list the first ${TIE_PATENTS_LISTED} of each (earliest first) with the full count.`];
}
