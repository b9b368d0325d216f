// Networks read from an edge list (`edges(ties, nodes)`): case 08's arcs and node list measured as R igraph and
// sna measure the 30-actor matrix; bad weights are named with their file line; the checker asks for the ends.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readJson } from '../oracles/read.ts';
import { analyseSpec, records, result, runSpec } from './harness.ts';
import { CASE08, CASE08_WHOLE_MEASURES, assertCase08Whole, close } from './case08.ts';

const CASE = CASE08;
const r = readJson(`${CASE}/r_igraph_sna.json`);
const py = readJson(`${CASE}/py_networkx_igraph.json`);

function workspace(spec: string, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'innograph-edges-'));
  copyFileSync(join(CASE, 'edges.csv'), join(dir, 'edges.csv'));
  copyFileSync(join(CASE, 'nodes.csv'), join(dir, 'nodes.csv'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  writeFileSync(join(dir, 'spec.study'), spec);
  return join(dir, 'spec.study');
}

const HEAD = `dataset arcs from "edges.csv"
dataset actors from "nodes.csv" { region: region }
`;

test('a directed valued edge list with its node list: binary and valued density, degree centralization as sna gives them', async () => {
  assertCase08Whole(await runSpec(workspace(`${HEAD}network net = edges(arcs, actors) { from: source  to: target  weight: weight  directed: true  nodes: all }
${CASE08_WHOLE_MEASURES}`)));
});

test('undirected, the arcs of a pair are one edge: the undirected view\'s density and centralization', async () => {
  const results = await runSpec(workspace(`${HEAD}network net = edges(arcs, actors) { from: source  to: target  nodes: all }
measures m = whole(net) { nodes, density, centralization  density: binary  centralization: binary  scale: proportion }
`));
  const [row] = records(result(results, 'm'), 'indicators');
  assert.equal(row.nodes, 30);
  close(row.density, py.igraph.undirected.density, 'undirected density');
  close(row.centralization, r.sna.undirected.centralization_degree, 'degree centralization');
  assert.ok(result(results, 'net').notes.some((n: string) => /summed into one tie/.test(n)));
});

test('a weight that is not a number is reported with its file line; the checker asks for both ends', async () => {
  const bad = workspace('dataset arcs from "bad.csv"\nnetwork net = edges(arcs) { from: a  to: b  weight: w }\n', { 'bad.csv': 'a,b,w\nX,Y,1\nY,Z,two\n' });
  const net = result(await runSpec(bad), 'net');
  assert.match(net.error!.message, /Column w \(the weight\) must hold numbers, but has "two"/);
  assert.equal(net.error!.data?.line, 3);

  const missing = workspace('dataset arcs from "bad.csv"\nnetwork net = edges(arcs) { from: a  weigth: w }\n', { 'bad.csv': 'a,b,w\nX,Y,1\n' });
  const messages = (await analyseSpec(missing)).diagnostics.map((d) => d.message);
  assert.ok(messages.some((m) => /`to`/.test(m)), messages.join('\n'));
  assert.ok(messages.some((m) => /weigth.*Did you mean `weight`/.test(m)), messages.join('\n'));
});
