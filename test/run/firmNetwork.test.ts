// Networks of firms (issue 20, item 1): `level: applicant` makes the holders the nodes; every measure runs on
// them, and node attributes (the firm's most frequent city, the columns of `attributes:` tables) name groups
// and reach the exports. Expected values: test/oracles/scripts/golden_firm_network.py (networkx on the raw rows).
// Sampled closeness is set against the engine's exact closeness of the same firms.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { networkFiles } from '../../server/src/run/output/networkFiles.ts';
import { analyseSpec, records, result, runSpec } from './harness.ts';

const SPEC = fileURLToPath(new URL('./fixtures/firm_network.study', import.meta.url));
const TEXT = readFileSync(SPEC, 'utf8');
const golden = JSON.parse(readFileSync(fileURLToPath(new URL('../oracles/networks/firm_network.json', import.meta.url)), 'utf8'));
const results = await runSpec(SPEC);

const close = (actual: unknown, expected: number, what: string) =>
  assert.ok(typeof actual === 'number' && Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), `${what}: ${actual} ≠ ${expected}`);

test('a network of firms has the firms as nodes and the measures networkx computes from the raw rows', () => {
  const network = result(results, 'firms');
  assert.equal(network.status, 'ok', network.error?.message);
  const nodes = records(result(results, 'firm_nodes'), 'nodes');
  const whole = records(result(results, 'firm_mix'), 'indicators');
  const types = records(result(results, 'type_mix'), 'indicators');
  golden.windows.forEach((w: Record<string, any>, k: number) => {
    const window = network.network!.windows[k];
    assert.equal(window.label, w.window);
    assert.deepEqual([...window.nodes].sort(), w.node_ids, `nodes of ${w.window}`);
    for (const item of ['nodes', 'edges', 'total_weight', 'density']) close(whole[k][item], w[item], `${item} in ${w.window}`);
    close(whole[k].ei, w.ei_city, `E-I by city in ${w.window}`);
    close(types[k].ei, w.ei_type, `E-I by type in ${w.window}`);
    const rows = new Map(nodes.filter((r) => r.window === w.window).map((r) => [r.region, r]));
    w.node_ids.forEach((id: string, i: number) => {
      for (const item of ['degree', 'binary_degree', 'betweenness', 'patents']) close(rows.get(id)?.[item], w[item][i], `${item} of ${id} in ${w.window}`);
    });
  });
});

test('groups: community groups the firms by the communities a node table reports with the same seed', async () => {
  const again = await runSpec(SPEC, `${TEXT}measures firm_communities = nodes(firms) { community  seed: 7 }
measures community_mix = whole(firms) { ei  groups: community  seed: 7 }
`);
  const community = new Map(records(result(again, 'firm_communities'), 'nodes').map((r) => [`${r.window}\u0000${r.region}`, r.community]));
  const mix = records(result(again, 'community_mix'), 'indicators');
  result(again, 'firms').network!.windows.forEach((w, k) => {
    const group = (node: string) => community.get(`${w.label}\u0000${node}`);
    const internal = w.ties.filter((t) => group(t.source) === group(t.target)).length;
    close(mix[k].ei, (w.ties.length - 2 * internal) / w.ties.length, `E-I by community in ${w.label}`);
  });
});

test('the technological overlap of firms: the distinct cited patents two firms\' patents share', () => {
  const overlap = result(results, 'firm_overlap');
  assert.equal(overlap.status, 'ok', overlap.error?.message);
  golden.windows.forEach((w: Record<string, any>, k: number) => {
    const ties = overlap.network!.windows[k].ties.map((t) => [t.source, t.target, t.weight]).sort();
    assert.deepEqual(ties, w.overlap_ties, `overlap ties of ${w.window}`);
  });
});

test('each firm carries its most frequent city and its attribute table\'s columns; the notes count the firms without them', () => {
  const network = result(results, 'firms');
  const attributes = network.network!.attributes!;
  assert.deepEqual(attributes.columns, ['city', 'type', 'label']);
  const nodes = Object.keys(attributes.values);
  assert.equal(nodes.length, new Set(network.network!.windows.flatMap((w) => w.nodes)).size);
  for (const node of nodes) {
    const [city, type] = attributes.values[node];
    assert.equal(city, golden.city[node], `city of ${node}`);
    assert.equal(type, golden.type[node] ?? null, `type of ${node}`);
  }
  const untyped = nodes.filter((n) => !golden.type[n]).length;
  assert.ok(network.notes.includes(`Node attributes: city, type, label (${untyped} of ${nodes.length} nodes without type; ${untyped} of ${nodes.length} nodes without label).`), network.notes.join('\n'));
  assert.ok(network.notes.includes('3 rows of applicants without an applicant left out.'), network.notes.join('\n'));
});

test('GEXF, GraphML and the node CSV carry the node attributes; an attribute named label labels the node', () => {
  const files = new Map(networkFiles(result(results, 'firms')).map((f) => [f.name, f.text]));
  const csv = files.get('firms.nodes.csv')!.split(/\r?\n/);
  assert.equal(csv[0], 'id,label,intra,city,type,window');
  const labelled = Object.entries(result(results, 'firms').network!.attributes!.values).find(([, v]) => v[2] !== null)!;
  assert.ok(csv.includes(`${labelled[0]},${labelled[1][2]},0,${labelled[1][0]},${labelled[1][1]},2014–2017`) || csv.includes(`${labelled[0]},${labelled[1][2]},0,${labelled[1][0]},${labelled[1][1]},2018–2021`));
  const graphml = files.get('firms.2014–2017.graphml')!;
  assert.match(graphml, /attr\.name="city" attr\.type="string"/);
  assert.match(graphml, /attr\.name="type" attr\.type="string"/);
  assert.match(files.get('firms.gexf')!, /title="city"/);
});

test('any id column of the holders can be the node, declared as a role or not', async () => {
  const text = `${TEXT}
dataset holders from "firm_network/applicants.csv" { patent: patent_id  order: seq  region: city  joins: patents }
network by_column = coapplication(holders) { level: applicant  windows: periods }
`;
  const again = await runSpec(SPEC, text);
  const ties = (name: string) => result(again, name).network!.windows.map((w) => w.ties);
  assert.equal(result(again, 'by_column').status, 'ok', result(again, 'by_column').error?.message);
  assert.deepEqual(ties('by_column'), ties('firms'));
  // Without an applicant role the firm's city is still its most frequent one.
  assert.deepEqual(result(again, 'by_column').network!.attributes!.columns, ['city']);
});

test('groups: names a node attribute, checked with did-you-mean; attribute tables must have one row per node', async () => {
  const analysis = await analyseSpec(SPEC, `${TEXT}measures bad = whole(firms) { ei  groups: tpye }\n`);
  const messages = analysis.diagnostics.map((d) => d.message);
  assert.ok(messages.some((m) => m.startsWith('Unknown name `tpye`') && m.includes('a node attribute of the network (`city`, `type`, `label`)') && m.includes('Did you mean `type`?')), messages.join('\n'));
  const yearly = `${TEXT}dataset firm_years from "firms/firm_years.csv" { key: applicant, time: year }\n`;
  const timed = await runSpec(SPEC, yearly.replace('attributes: firm_types', 'attributes: firm_types, firm_years'));
  assert.match(result(timed, 'firms').error?.message ?? '', /A node has one value of each attribute, but firm_years has a row per year: keep one with `where: year == …` in firm_years/);
  const repeated = await runSpec(SPEC, `${TEXT}dataset firm_years from "firms/firm_years.csv" { key: applicant }\n`.replace('attributes: firm_types', 'attributes: firm_types, firm_years'));
  assert.match(result(repeated, 'firms').error?.message ?? '', /firm_years has more than one row for applicant = \w+: a node attribute table has one row per node/);
});

test('`closeness_sources` estimates the firms\' closeness from seeded sources, within the standard errors its notes state', async () => {
  const again = await runSpec(SPEC, `${TEXT}measures exact_closeness = nodes(firms) { closeness }
measures sampled_closeness = nodes(firms) { closeness, closeness_sources: 20, seed: 3 }
measures all_closeness = nodes(firms) { closeness, closeness_sources: 1000 }
`);
  const exact = new Map(records(result(again, 'exact_closeness'), 'nodes').map((r) => [`${r.window} ${r.region}`, r.closeness as number]));
  const sampled = result(again, 'sampled_closeness');
  assert.equal(sampled.status, 'ok', sampled.error?.message);
  const windows = result(again, 'firms').network!.windows;
  windows.forEach((w) => {
    const note = sampled.notes.find((n) => n.startsWith(`Window ${w.label}: closeness`)) ?? '';
    const stated = new RegExp(`^Window ${w.label}: closeness estimated from 20 of ${w.nodes.length} nodes as sources \\(Eppstein–Wang, seed 3\\), by each node's mean distance from them; unreachable pairs at the largest distance the sampled searches found \\+ 1; standard error up to ([\\d.]+); the highest, (\\w+), ([\\d.]+) ± ([\\d.]+)\\.$`).exec(note);
    assert.ok(stated, sampled.notes.join('\n'));
    const [largest, top, topValue, topError] = [Number(stated[1]), stated[2], Number(stated[3]), Number(stated[4])];
    assert.ok(Math.abs(topValue - exact.get(`${w.label} ${top}`)!) <= 3 * topError, `${top}: ${topValue} ± ${topError} vs exact ${exact.get(`${w.label} ${top}`)}`);
    const rows = records(sampled, 'nodes').filter((r) => r.window === w.label);
    assert.equal(rows.length, w.nodes.length);
    for (const r of rows) assert.ok(Math.abs((r.closeness as number) - exact.get(`${w.label} ${r.region}`)!) <= 3 * largest, `${r.region} in ${w.label}`);
    assert.ok(rows.some((r) => r.closeness !== exact.get(`${w.label} ${r.region}`)), 'an estimate, not the exact values');
  });
  // k ≥ n: every node a source, the exact values, and the note says so.
  assert.deepEqual(records(result(again, 'all_closeness'), 'nodes'), records(result(again, 'exact_closeness'), 'nodes'));
  assert.deepEqual(result(again, 'all_closeness').notes.filter((n) => n.includes('closeness')), windows.map((w) => `Window ${w.label}: closeness from all ${w.nodes.length} nodes as sources (\`closeness_sources\` ≥ n): exact.`));
});
