// The node groups a `groups:` option names for E-I indices and brokerage roles: Louvain communities, a
// blocks declaration's CONCOR partition, or a region set's members and the rest.
import type { Decl } from '../../language/syntax/ast.js';
import { louvainCommunities } from '../../engine/networks/communities.js';
import { toMatrix } from '../../engine/networks/measures.js';
import type { Network } from '../../engine/networks/network.js';
import type { RunContext } from '../context.js';
import { regionSet } from '../data/regionSets.js';
import { SpecError } from '../errors.js';
import { indicatorOptions } from './measured.js';

/** For each window, each node's group (aligned with its nodes): Louvain communities, a CONCOR partition or a region set. */
export async function groupsOf(ctx: RunContext, decl: Decl, networks: readonly Network[]): Promise<number[][]> {
  const value = ctx.model.option(decl, 'groups')?.values[0];
  if (!value) throw new SpecError('The E-I index and brokerage roles need `groups:` — a `blocks` name, a `regions` name or `community`.', decl.values[0]?.span ?? decl.span);
  if (value.type === 'ident' && value.name === 'community') {
    const options = indicatorOptions(ctx, decl);
    return networks.map((net) => louvainCommunities(toMatrix(net), { ...options.louvain, weighted: true, checkpoint: ctx.checkpoint }).membership);
  }
  const symbol = ctx.symbol(value, 'a blocks or regions declaration');
  if (symbol.kind === 'regions') {
    const table = await regionSet(ctx, symbol);
    const members = new Set((await ctx.db.runAndReadAll(`SELECT region FROM ${table}`)).getRows().map((row) => String(row[0])));
    return networks.map((net) => net.nodes.map((r) => (members.has(r) ? 1 : 0)));
  }
  const partition = await ctx.valueOf('blocks', symbol);
  // Regions outside the partitioned window form one group of their own.
  return networks.map((net) => net.nodes.map((r) => partition.block.get(r) ?? 0));
}
