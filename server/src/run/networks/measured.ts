// What a measures or blocks declaration is computed on and with: the windows of its network it covers, the
// indicator conventions its options choose and the items it lists.
import type { Decl } from '../../language/syntax/ast.js';
import type { Symbol } from '../../language/semantic/model.js';
import type { IndicatorOptions } from '../../engine/networks/indicators.js';
import type { Algorithm } from '../../engine/networks/multilevel.js';
import type { Network } from '../../engine/networks/network.js';
import type { Window } from '../../engine/windows/windows.js';
import type { RunContext } from '../context.js';
import { windowOption } from '../data/windows.js';
import { seedOf } from '../options.js';
import { networkInWindow } from './build.js';
import { emptyWindowNote } from './emptyWindows.js';

/** The declaration's items (the bare names listed in its block). */
export function itemsOf(decl: Decl): string[] {
  return (decl.block?.entries ?? []).flatMap((e) => (e.type === 'item' && e.value.type === 'ident' ? [e.value.name] : []));
}

export function indicatorOptions(ctx: RunContext, decl: Decl): IndicatorOptions {
  return {
    density: ctx.word(decl, 'density', 'binary') as IndicatorOptions['density'],
    centralization: ctx.word(decl, 'centralization', 'valued') as IndicatorOptions['centralization'],
    scale: ctx.word(decl, 'scale', 'percent') as IndicatorOptions['scale'],
    clustering: ctx.word(decl, 'clustering', 'gephi') as IndicatorOptions['clustering'],
    unreachable: ctx.word(decl, 'unreachable', 'max_plus_one') as IndicatorOptions['unreachable'],
    betweenness: ctx.word(decl, 'betweenness', 'raw') as IndicatorOptions['betweenness'],
    flowSign: ctx.word(decl, 'flow_sign', 'leader_positive') as IndicatorOptions['flowSign'],
    symmetrize: ctx.word(decl, 'symmetrize', 'none') as IndicatorOptions['symmetrize'],
    structuralHoles: ctx.word(decl, 'structural_holes', 'valued') as IndicatorOptions['structuralHoles'],
    localClustering: ctx.word(decl, 'local_clustering', 'missing') as IndicatorOptions['localClustering'],
    communities: {
      algorithm: ctx.word(decl, 'algorithm', 'louvain') as Algorithm,
      runs: ctx.model.option(decl, 'runs') ? ctx.number(decl, 'runs', 100) : undefined, // unset: by the network's size (defaultRuns)
      iterations: ctx.model.option(decl, 'iterations') ? ctx.number(decl, 'iterations', 1) : undefined, // unset: by size (defaultIterations)
      seed: seedOf(ctx, decl),
      resolution: ctx.number(decl, 'resolution', 1),
    },
    betweennessSources: ctx.model.option(decl, 'betweenness_sources') ? ctx.number(decl, 'betweenness_sources', 2) : undefined,
    closenessSources: ctx.model.option(decl, 'closeness_sources') ? ctx.number(decl, 'closeness_sources', 3) : undefined,
    checkpoint: ctx.checkpoint,
  };
}

/** The windows a measure covers: its `window:` option, else every window of the network. */
export async function measuredWindows(ctx: RunContext, decl: Decl, network: Symbol): Promise<{ windows: Window[]; networks: Network[]; notes: string[] }> {
  const option = ctx.model.option(decl, 'window')?.values[0];
  if (option) {
    const window = windowOption(option);
    const { network: net, notes, years } = await networkInWindow(ctx, network, window);
    if (!net.nodes.length) notes.push(emptyWindowNote(window, years));
    return { windows: [window], networks: [net], notes };
  }
  const run = await ctx.valueOf('network', network);
  return { windows: run.windows, networks: run.networks, notes: [...run.notes] };
}
