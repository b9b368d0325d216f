// The node groups a `groups:` option names for E-I indices and brokerage roles: Louvain communities, or a
// blocks declaration's CONCOR partition.
import type { Decl } from '../../language/syntax/ast.js';
import { louvainCommunities } from '../../engine/networks/communities.js';
import { toMatrix } from '../../engine/networks/measures.js';
import type { Network } from '../../engine/networks/network.js';
import type { RunContext } from '../context.js';
import { SpecError } from '../errors.js';
import { indicatorOptions } from './measured.js';

/** For each window, each node's group (aligned with its nodes): Louvain communities or a CONCOR partition. */
export async function groupsOf(ctx: RunContext, decl: Decl, networks: readonly Network[]): Promise<number[][]> {
  const value = ctx.model.option(decl, 'groups')?.values[0];
  if (!value) throw new SpecError('The E-I index and brokerage roles need `groups:` — a `blocks` name or `community`.', decl.values[0]?.span ?? decl.span);
  if (value.type === 'ident' && value.name === 'community') {
    const options = indicatorOptions(ctx, decl);
    return networks.map((net) => louvainCommunities(toMatrix(net), { ...options.louvain, weighted: true, checkpoint: ctx.checkpoint }).membership);
  }
  const partition = await ctx.valueOf('blocks', ctx.symbol(value, 'a blocks declaration'));
  // Regions outside the partitioned window form one group of their own.
  return networks.map((net) => net.nodes.map((r) => partition.block.get(r) ?? 0));
}
