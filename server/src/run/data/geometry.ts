// A network's `geometry:`, the map its regions are drawn on. A run records the file and match key (the
// panels and the report read the shapes themselves) and lists the regions that no feature matches, so
// that none is left off a map silently.
import { resolve } from 'node:path';
import type { Decl } from '../../language/syntax/ast.js';
import { matchRegions } from '../../engine/data/regionMatch.js';
import { readTopology, topologyFeatures } from '../../engine/data/topology.js';
import type { RunContext } from '../context.js';
import { SpecError } from '../errors.js';
import type { NetworkGeometry } from '../../results/format.js';

/** The geometry a network declares, matched against the regions of all its windows; undefined without `geometry:`. */
export function networkGeometry(ctx: RunContext, network: Decl, regions: Iterable<string>): { geometry: NetworkGeometry; notes: string[] } | undefined {
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
  const { unmatched } = matchRegions(new Set(regions), features, key);
  const one = unmatched.length === 1;
  const notes = unmatched.length
    ? [`${unmatched.length} region${one ? ' has' : 's have'} no feature in ${file.value} by \`${key}\` and stay${one ? 's' : ''} off its map: ${unmatched.join(', ')}.`]
    : [];
  return { geometry: { name, file: file.value, path, key, ...(object ? { object } : {}), unmatched }, notes };
}
