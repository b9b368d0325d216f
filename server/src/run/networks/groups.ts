// The node groups a `groups:` option names for E-I indices and brokerage roles: communities (Louvain or Leiden), a
// blocks declaration's CONCOR partition, or the members of a region set or of a clusters declaration and the rest.
import type { Decl } from '../../language/syntax/ast.js';
import type { Symbol } from '../../language/semantic/model.js';
import { communitiesOf } from '../../engine/networks/indicators.js';
import { toMatrix } from '../../engine/networks/measures.js';
import type { Network } from '../../engine/networks/network.js';
import type { RunContext } from '../context.js';
import { regionSet } from '../data/regionSets.js';
import { clusterMembers } from '../values.js';
import { SpecError } from '../errors.js';
import { indicatorOptions } from './measured.js';

/** For each window, each node's group (aligned with its nodes): communities, a CONCOR partition, or members (1) and the rest (0). */
export async function groupsOf(ctx: RunContext, decl: Decl, networks: readonly Network[]): Promise<number[][]> {
  const value = ctx.model.option(decl, 'groups')?.values[0];
  if (!value) throw new SpecError('The E-I index and brokerage roles need `groups:` — a `blocks`, `regions` or `clusters` name, or `community`.', decl.values[0]?.span ?? decl.span);
  if (value.type === 'ident' && value.name === 'community') {
    const options = indicatorOptions(ctx, decl);
    return networks.map((net) => communitiesOf(toMatrix(net), options).membership);
  }
  const symbol = ctx.symbol(value, 'a blocks, regions or clusters declaration');
  if (symbol.kind === 'regions' || symbol.kind === 'clusters') {
    const members = await memberSet(ctx, symbol);
    return networks.map((net) => net.nodes.map((r) => (members.has(r) ? 1 : 0)));
  }
  const partition = await ctx.valueOf('blocks', symbol);
  // Regions outside the partitioned window form one group of their own.
  return networks.map((net) => net.nodes.map((r) => partition.block.get(r) ?? 0));
}

/** A region set's regions, or the regions a clusters declaration identifies as clusters. */
async function memberSet(ctx: RunContext, symbol: Symbol): Promise<Set<string>> {
  if (symbol.kind === 'clusters') return new Set(clusterMembers(await ctx.resultOf(symbol)));
  const table = await regionSet(ctx, symbol);
  return new Set((await ctx.db.runAndReadAll(`SELECT region FROM ${table}`)).getRows().map((row) => String(row[0])));
}
