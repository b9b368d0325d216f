// `nodes: all` keeps every region of a network's data as a node, isolates included, as UCINET keeps every actor
// of a matrix: case 08 (a 30-region digraph with two isolates, measured by R igraph and sna) built from patent rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SNA, readJson, readRecords } from '../oracles/read.ts';
import { records, result, runSpec } from './harness.ts';

const CASE = `${SNA}/08_random_digraph_30`;
const r = readJson(`${CASE}/r_igraph_sna.json`);

/** Patents whose first-led ties are exactly case 08's arcs (an arc of weight w: w patents, s first, t second); each region without arcs files a patent alone. */
function applicantRows(): string {
  const lines = ['patent,seq,region'];
  let patent = 0;
  for (const arc of readRecords(`${CASE}/edges.csv`)) {
    for (let k = 0; k < Number(arc.weight); k++) {
      patent++;
      lines.push(`P${patent},1,${arc.source}`, `P${patent},2,${arc.target}`);
    }
  }
  const tied = new Set(lines.slice(1).map((l) => l.split(',')[2]));
  for (const { region } of readRecords(`${CASE}/nodes.csv`)) if (!tied.has(region)) lines.push(`P${++patent},1,${region}`);
  return `${lines.join('\n')}\n`;
}

async function indicators(nodes: string) {
  const dir = mkdtempSync(join(tmpdir(), 'innograph-nodes-'));
  writeFileSync(join(dir, 'applicants.csv'), applicantRows());
  writeFileSync(join(dir, 'spec.study'), `dataset applicants from "applicants.csv" { patent: patent, order: seq, region: region }
network net = coapplication(applicants) { ties: first_led${nodes} }
measures overall = whole(net) {
  nodes, edges, density, out_centralization, in_centralization
  density: binary  centralization: binary  scale: proportion
}
`);
  const results = await runSpec(join(dir, 'spec.study'));
  return { net: result(results, 'net'), row: records(result(results, 'overall'), 'indicators')[0] };
}

test('nodes: all counts the isolates as igraph and sna do on the 30-actor matrix; the notes say so', async () => {
  const { net, row } = await indicators('  nodes: all');
  assert.equal(row.nodes, 30);
  const close = (actual: unknown, want: number, what: string) => assert.ok(Math.abs((actual as number) - want) <= 1e-9 * Math.abs(want), `${what}: ${actual} ≠ ${want}`);
  close(row.density, r.sna.directed.gden_binary, 'binary density');
  close(row.out_centralization, r.sna.directed.centralization_outdegree, 'out-degree centralization');
  close(row.in_centralization, r.igraph.directed.centr_degree_in, 'in-degree centralization');
  assert.ok(net.notes.some((n: string) => /Nodes: all 30 regions/.test(n)), net.notes.join('\n'));
});

test('nodes: active (the default) leaves the isolates out, as a network read from its edge list does', async () => {
  const { row } = await indicators('');
  assert.equal(row.nodes, 28);
  assert.ok(Math.abs((row.density as number) - (r.sna.directed.gden_binary * 30 * 29) / (28 * 27)) < 1e-12);
});
