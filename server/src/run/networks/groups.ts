// The node groups a `groups:` option names for E-I indices and brokerage roles: communities (Louvain or Leiden), a
// blocks declaration's CONCOR partition, the members of a region set or of a clusters declaration and the rest,
// or the values of a node attribute (a firm's region).
import type { Decl } from '../../language/syntax/ast.js';
import type { Symbol } from '../../language/semantic/model.js';
import { communitiesOf } from '../../engine/networks/indicators.js';
import { adjacencyOf } from '../../engine/networks/adjacency.js';
import type { Network } from '../../engine/networks/network.js';
import type { RunContext } from '../context.js';
import { regionSet } from '../data/regionSets.js';
import { clusterMembers } from '../values.js';
import { SpecError } from '../errors.js';
import { indicatorOptions } from './measured.js';
import { nodeAttributes } from './nodeAttributes.js';

/** For each window, each node's group (aligned with its nodes): communities, a CONCOR partition, or members (1) and the rest (0). */
export async function groupsOf(ctx: RunContext, decl: Decl, networks: readonly Network[]): Promise<number[][]> {
  const value = ctx.model.option(decl, 'groups')?.values[0];
  if (!value) throw new SpecError('The E-I index and brokerage roles need `groups:` — a `blocks`, `regions` or `clusters` name, `community`, or a node attribute of the network.', decl.values[0]?.span ?? decl.span);
  if (value.type === 'ident' && value.name === 'community') {
    const options = indicatorOptions(ctx, decl);
    return networks.map((net) => communitiesOf(adjacencyOf(net), options).membership);
  }
  if (value.type === 'ident' && !ctx.model.symbols.has(value.name)) return attributeGroups(ctx, decl, value.name, networks);
  const symbol = ctx.symbol(value, 'a blocks, regions or clusters declaration');
  if (symbol.kind === 'regions' || symbol.kind === 'clusters') {
    const members = await memberSet(ctx, symbol);
    return networks.map((net) => net.nodes.map((r) => (members.has(r) ? 1 : 0)));
  }
  const partition = await ctx.valueOf('blocks', symbol);
  // Regions outside the partitioned window form one group of their own.
  return networks.map((net) => net.nodes.map((r) => partition.block.get(r) ?? 0));
}

/**
 * `groups: region`: one group per value of the network's node attribute (numbered in the values' order), the
 * nodes without a value one group more.
 */
async function attributeGroups(ctx: RunContext, decl: Decl, name: string, networks: readonly Network[]): Promise<number[][]> {
  const network = ctx.symbol(ctx.model.source(decl)?.call.args[0]?.value, 'a network');
  const values = (await nodeAttributes(ctx, network)).get(name);
  if (!values) throw new SpecError(`${network.name} has no node attribute \`${name}\`.`, ctx.model.option(decl, 'groups')!.values[0].span);
  const levels = [...new Set(values.values())].map(String).sort();
  const group = new Map(levels.map((v, i) => [v, i]));
  return networks.map((net) => net.nodes.map((node) => {
    const v = values.get(node);
    return v === undefined || v === null ? levels.length : group.get(String(v))!;
  }));
}

/** A region set's regions, or the regions a clusters declaration identifies as clusters. */
async function memberSet(ctx: RunContext, symbol: Symbol): Promise<Set<string>> {
  if (symbol.kind === 'clusters') return new Set(clusterMembers(await ctx.resultOf(symbol)));
  const table = await regionSet(ctx, symbol);
  return new Set((await ctx.db.runAndReadAll(`SELECT region FROM ${table}`)).getRows().map((row) => String(row[0])));
}
