// A network drawn on declared geometry: the checks read a TopoJSON file's match keys as they read a data
// file's columns, and a run records the map and lists the regions no feature matches. Measures and blocks
// name the network they were computed on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyseSpec, result, runSpec } from './harness.ts';

const feature = (id: string, name: string) => ({ type: 'Polygon', id, properties: { name, rank: 1 }, arcs: [] });
const TOPOLOGY = JSON.stringify({
  type: 'Topology', arcs: [],
  objects: { cities: { type: 'GeometryCollection', geometries: [feature('WH', 'Wuhan'), feature('BJ', ' beijing ')] } },
});
const SPEC_HEAD = `dataset patents from "patents.csv" { id: patent_id, year: app_year }
dataset applicants from "applicants.csv" { patent: patent_id, region: city, joins: patents }
`;

function workspace(spec: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'innograph-geometry-'));
  writeFileSync(join(dir, 'patents.csv'), 'patent_id,app_year\nP1,2001\nP2,2001\nP3,2002\n');
  writeFileSync(join(dir, 'applicants.csv'), 'patent_id,city\nP1,Wuhan\nP1,Beijing\nP2,Beijing\nP2,Xian\nP3,Wuhan\nP3,Xian\n');
  writeFileSync(join(dir, 'cities.topo.json'), TOPOLOGY);
  writeFileSync(join(dir, 'not-a-map.json'), '{"type": "FeatureCollection", "features": []}');
  writeFileSync(join(dir, 'spec.study'), SPEC_HEAD + spec);
  return join(dir, 'spec.study');
}

const diagnostics = async (spec: string) => (await analyseSpec(workspace(spec))).diagnostics.map((d) => [d.code, d.message, d.fixes?.map((f) => f.title)]);

test('a geometry\'s key is checked against the features\' id and properties, with a suggestion', async () => {
  assert.deepEqual(await diagnostics('geometry map from "cities.topo.json" { key: id }\n'), []);
  const [[code, message]] = await diagnostics('geometry map from "cities.topo.json" { key: nmae }\n');
  assert.equal(code, 'unknown-column');
  assert.match(message as string, /`nmae` .*\(columns: `id`, `name`, `rank`\)\. Did you mean `name`\?/);
});

test('a file that is not TopoJSON, a missing object and a network naming a non-geometry are errors', async () => {
  const [[code, message]] = await diagnostics('geometry map from "not-a-map.json" { key: name }\n');
  assert.equal(code, 'unreadable-data-file');
  assert.match(message as string, /not a TopoJSON topology/);
  const [[, missing]] = await diagnostics('geometry map from "cities.topo.json" { key: name, object: "provinces" }\n');
  assert.match(missing as string, /no object "provinces" \(it has "cities"\)/);
  const wrong = await diagnostics('network net = coapplication(applicants) { geometry: patents }\n');
  assert.equal(wrong.length, 1);
  assert.match(wrong[0][1] as string, /geometry/);
});

test('a run records the network\'s map and lists the regions no feature matches; measures name their network', async () => {
  const results = await runSpec(workspace(`geometry map from "cities.topo.json" { key: name }
network net = coapplication(applicants) { geometry: map }
measures deg = nodes(net) { degree }
`));
  const net = result(results, 'net');
  assert.equal(net.status, 'ok', net.error?.message);
  const geometry = net.network!.geometry!;
  assert.deepEqual({ ...geometry, path: undefined }, { name: 'map', file: 'cities.topo.json', path: undefined, key: 'name', unmatched: ['Xian'] });
  assert.ok(geometry.path.endsWith('/cities.topo.json'));
  assert.ok(net.notes.includes('1 region has no feature in cities.topo.json by `name` and stays off its map: Xian.'), net.notes.join('\n'));
  assert.equal(result(results, 'deg').of, 'net');
  assert.equal(net.of, undefined);
});

test('aliases match regions the map spells otherwise; an alias to no feature is reported and its region stays unmatched', async () => {
  const spec = workspace(`lookup spellings from "aliases.csv" { key: city, value: map_name }
geometry map from "cities.topo.json" { key: name, aliases: spellings }
network net = coapplication(applicants) { geometry: map }
`);
  writeFileSync(join(spec, '../aliases.csv'), 'city,map_name\nXian,Wuhan\n');
  const matched = result(await runSpec(spec), 'net');
  assert.equal(matched.status, 'ok', matched.error?.message);
  assert.deepEqual(matched.network!.geometry!.aliases, { Xian: 'Wuhan' });
  assert.deepEqual(matched.network!.geometry!.unmatched, []);
  assert.deepEqual(matched.notes, []);

  writeFileSync(join(spec, '../aliases.csv'), 'city,map_name\nXian,Xi\'an\nBeijing,Peking\n');
  const dead = result(await runSpec(spec), 'net');
  assert.deepEqual(dead.network!.geometry!.unmatched, ['Beijing', 'Xian'], 'an alias wins over the region\'s own name');
  assert.deepEqual(dead.notes, [
    '2 aliases name no feature of cities.topo.json by `name`: Beijing → Peking, Xian → Xi\'an.',
    '2 regions have no feature in cities.topo.json by `name` and stay off its map: Beijing, Xian.',
  ]);
  assert.deepEqual(await diagnostics('geometry map from "cities.topo.json" { key: name, aliases: patents }\n').then((d) => d.map(([code]) => code)), ['wrong-kind']);
});
