// `clusters(lq, network: …)`: potential clusters (LQ > 1, above the percentile threshold) that also have
// the required intra- and inter-regional ties in the collaboration network over the whole period.
import type { Symbol } from '../../language/semantic/model.js';
import { identifyClusters, locationQuotients, type TieRequirement } from '../../engine/measures/locationQuotient.js';
import { ALL_YEARS } from '../../engine/windows/windows.js';
import type { RunContext } from '../context.js';
import { SpecError } from '../errors.js';
import { regionCounts, scanTable, sensitivityOf, thresholdOf } from './locationQuotients.js';
import type { Computed } from '../values.js';
import { networkInWindow } from './build.js';
import { plural, shortNumber } from '../../util/text.js';

export async function runClusters(ctx: RunContext, symbol: Symbol): Promise<Computed> {
  const { decl } = symbol;
  const call = ctx.model.source(decl)?.call;
  const lqSymbol = ctx.symbol(call?.args[0]?.value, 'a location_quotient measures declaration');
  const threshold = thresholdOf(ctx, lqSymbol.decl);
  if (!threshold) throw new SpecError(`${lqSymbol.name} needs a \`threshold:\` such as \`percentile(80, type: 7)\`.`, call?.args[0]?.span ?? symbol.nameSpan);
  const require = requirements(ctx, symbol);
  const counts = (await regionCounts(ctx, lqSymbol)).map((c) => ({ ...c }));
  const notes: string[] = [];
  const networkExpr = call?.args.find((a) => a.name?.name === 'network')?.value ?? call?.args[1]?.value ?? ctx.model.option(decl, 'network')?.values[0];
  if (require.length) {
    if (!networkExpr) throw new SpecError('Tie requirements need the collaboration network: add `network: …`.', decl.values[0]?.span ?? symbol.nameSpan);
    const { network } = await networkInWindow(ctx, ctx.symbol(networkExpr, 'a network'), ALL_YEARS);
    const inter = new Map<string, number>();
    for (const t of network.ties) for (const r of [t.source, t.target]) inter.set(r, (inter.get(r) ?? 0) + t.weight);
    for (const c of counts) { c.intra = network.intra.get(c.region) ?? 0; c.inter = inter.get(c.region) ?? 0; }
    notes.push('Intra and inter ties are counted over the network\'s whole period.');
  }
  const found = identifyClusters(counts, { ...threshold, require });
  const lq = locationQuotients(counts);
  const clusterSet = new Set(found.clusters);
  const potentialSet = new Set(found.potential);
  const tables: Computed['tables'] = {
    clusters: {
      columns: ['region', 'lq', 'industry_count', 'intra', 'inter', 'potential', 'cluster'],
      rows: counts.map((c) => [c.region, lq.get(c.region) ?? null, c.industry, c.intra, c.inter, potentialSet.has(c.region), clusterSet.has(c.region)]),
    },
  };
  const percentiles = sensitivityOf(ctx, lqSymbol.decl);
  if (percentiles.length) tables.sensitivity = scanTable(counts, percentiles, threshold.type, require);
  notes.push(`${plural(found.clusters.length, 'cluster')} of ${plural(found.potential.length, 'potential cluster')} (threshold ${shortNumber(found.threshold)}, the ${threshold.percentile}th percentile, type ${threshold.type}).`);
  return { tables, notes, conventions: { require: require.join(' and ') || 'none' } };
}

function requirements(ctx: RunContext, symbol: Symbol): TieRequirement[] {
  const value = ctx.model.option(symbol.decl, 'require')?.values[0];
  if (!value) return ['intra', 'inter'];
  const names: string[] = [];
  const visit = (e: typeof value | undefined): void => {
    if (e?.type === 'ident') names.push(e.name);
    else if (e?.type === 'binary' && e.op === 'and') { visit(e.left); visit(e.right); }
  };
  visit(value);
  return names.filter((n): n is TieRequirement => n === 'intra' || n === 'inter');
}
