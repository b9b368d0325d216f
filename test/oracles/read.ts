// Reading the oracle cases in test/oracles: CSV files as records, and case 01's led network as a matrix.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Matrix } from '../../server/src/engine/networks/measures.ts';

export const SNA = resolve(import.meta.dirname, 'sna');

export function readLines(path: string): string[] {
  return readFileSync(path, 'utf8').trim().split(/\r?\n/);
}

/** A headed CSV file (no quoting in the oracle files) as one record per row. */
export function readRecords(path: string): Record<string, string>[] {
  const [header, ...rows] = readLines(path);
  const cols = header.split(',');
  return rows.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
}

export function readJson(path: string) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Case 01's first-applicant-led network over its 12 regions, as given in edges_directed_led.csv. */
export function case01LedMatrix(): Matrix {
  const nodes = readRecords(`${SNA}/01_directed_valued_12/regions.csv`).map((r) => r.region);
  const w = nodes.map(() => nodes.map(() => 0));
  for (const e of readRecords(`${SNA}/01_directed_valued_12/edges_directed_led.csv`)) w[nodes.indexOf(e.source)][nodes.indexOf(e.target)] = Number(e.weight);
  return { nodes, w, directed: true };
}
