// A network's `geometry:`, the map its regions are drawn on. A run records the file, match key and aliases
// (the panels and the report read the shapes themselves) and lists the regions that no feature matches, so
// that none is left off a map silently.
import { resolve } from 'node:path';
import type { Decl } from '../../language/syntax/ast.js';
import { deadAliases, matchRegions, type GeometryFeature, type RegionAliases } from '../../engine/data/regionMatch.js';
import { readTopology, topologyFeatures } from '../../engine/data/topology.js';
import type { RunContext } from '../context.js';
import { lookupRelation } from './datasets.js';
import { SpecError } from '../errors.js';
import type { NetworkGeometry } from '../../results/format.js';

/** The geometry a network declares, matched against the regions of all its windows; undefined without `geometry:`. */
export async function networkGeometry(ctx: RunContext, network: Decl, regions: Iterable<string>): Promise<{ geometry: NetworkGeometry; notes: string[] } | undefined> {
  const option = ctx.model.option(network, 'geometry')?.values[0];
  if (!option) return undefined;
  const { decl, name } = ctx.symbol(option, 'a geometry declaration');
  const file = decl.from!;
  const path = resolve(ctx.analysis.baseDir, file.value);
  const key = ctx.word(decl, 'key', 'name');
  const object = ctx.model.dialect(decl).geometry?.object;
  let features;
  try {
    features = topologyFeatures(readTopology(path), object);
  } catch (err) {
    throw new SpecError(`Cannot read the geometry ${file.value}: ${(err as Error).message}.`, file.span);
  }
  const aliases = await aliasesOf(ctx, decl);
  const { unmatched } = matchRegions(new Set(regions), features, key, aliases);
  const one = unmatched.length === 1;
  const notes = [
    ...aliasNotes(aliases, features, key, file.value),
    ...(unmatched.length ? [`${unmatched.length} region${one ? ' has' : 's have'} no feature in ${file.value} by \`${key}\` and stay${one ? 's' : ''} off its map: ${unmatched.join(', ')}.`] : []),
  ];
  return { geometry: { name, file: file.value, path, key, ...(object ? { object } : {}), ...(aliases ? { aliases } : {}), unmatched }, notes };
}

/** The pairs of the geometry's `aliases:` lookup, read once per run. */
async function aliasesOf(ctx: RunContext, geometry: Decl): Promise<RegionAliases | undefined> {
  const option = ctx.model.option(geometry, 'aliases')?.values[0];
  if (!option) return undefined;
  const { table } = await lookupRelation(ctx, ctx.symbol(option, 'a lookup'));
  const rows = (await ctx.db.runAndReadAll(`SELECT k, CAST(v AS VARCHAR) FROM ${table} ORDER BY k`)).getRows();
  return Object.fromEntries(rows.map(([k, v]) => [String(k), String(v ?? '')]));
}

function aliasNotes(aliases: RegionAliases | undefined, features: readonly GeometryFeature[], key: string, file: string): string[] {
  const dead = aliases ? deadAliases(aliases, features, key) : [];
  if (!dead.length) return [];
  const one = dead.length === 1;
  return [`${dead.length} alias${one ? '' : 'es'} name${one ? 's' : ''} no feature of ${file} by \`${key}\`: ${dead.map(([region, value]) => `${region} → ${value}`).join(', ')}.`];
}
