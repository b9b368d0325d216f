// `innograph run` as a user runs it: the built CLI in a child process, on the seed examples and on
// specs that cannot run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const cli = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin/innograph.js'), ...args], { cwd: ROOT, encoding: 'utf8' });

test('the rare-earth example runs end to end: summary, JSON results and CSV tables', () => {
  const out = mkdtempSync(join(tmpdir(), 'innograph-out-'));
  const json = join(out, 'results.json');
  const r = cli('run', 'examples/rare_earth.study', '--json', json, '--out', join(out, 'tables'));
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^network rein: ok in \d+\.\d\d s \(summary 4 rows\)$/m);
  assert.match(r.stdout, /^blocks rein_groups: ok/m);
  assert.match(r.stderr, /\[1\/\d+\] network rein/);
  const results = JSON.parse(readFileSync(json, 'utf8'));
  assert.equal(results.format, 'innograph-results');
  const overall = results.results.find((x: { name: string }) => x.name === 'rein_overall');
  assert.deepEqual(overall.tables.indicators.columns, ['window', 'nodes', 'edges', 'density', 'modularity', 'clustering', 'path_length', 'out_centralization', 'in_centralization']);
  assert.deepEqual(overall.tables.indicators.rows.map((row: unknown[]) => row[0]), ['2001–2005', '2006–2010', '2011–2015', '2016–2020']);
  const csv = readFileSync(join(out, 'tables', 'rein_overall.indicators.csv'), 'utf8').split('\r\n');
  assert.equal(csv[0], 'window,nodes,edges,density,modularity,clustering,path_length,out_centralization,in_centralization');
  assert.equal(csv.length, 6); // header, four windows, final line end
  assert.ok(existsSync(join(out, 'tables', 'results.json')));
  // Each network's exports: a dynamic GEXF over the four periods, Pajek and GraphML per period, edge CSV.
  const rein = results.results.find((x: { name: string }) => x.name === 'rein');
  const latest = rein.network.windows[3];
  assert.match(readFileSync(join(out, 'tables', 'rein.gexf'), 'utf8'), /mode="dynamic"/);
  const pajek = readFileSync(join(out, 'tables', 'rein.2016–2020.net'), 'utf8');
  assert.match(pajek, new RegExp(`^\\*Vertices ${latest.nodes.length}\\r?$`, 'm'));
  assert.match(pajek, /^\*Arcs\r?$/m);
  assert.match(readFileSync(join(out, 'tables', 'rein.2016–2020.graphml'), 'utf8'), /edgedefault="directed"/);
  const edges = readFileSync(join(out, 'tables', 'rein.edges.csv'), 'utf8').trim().split('\r\n');
  assert.equal(edges.length - 1, rein.network.windows.reduce((s: number, w: { ties: unknown[] }) => s + w.ties.length, 0));
});

test('--only runs the named declarations and what they need', () => {
  const r = cli('run', 'examples/rare_earth.study', '--only', 'rein_nodes', '--quiet');
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.deepEqual(r.stdout.split('\n').filter((l) => /^\w+ \w+:/.test(l)).map((l) => l.split(':')[0]), ['measures rein_nodes']);
  assert.equal(r.stderr, '');
});

test('a spec with errors is not run; a failing declaration makes exit code 1 and names its place', () => {
  const dir = mkdtempSync(join(tmpdir(), 'innograph-'));
  writeFileSync(join(dir, 'bad.study'), 'dataset a from "missing.csv" { patent: p }\n');
  const bad = cli('run', join(dir, 'bad.study'));
  assert.equal(bad.status, 1);
  assert.match(bad.stdout, /bad\.study:1:16: error: .*missing\.csv/);
  assert.match(bad.stdout, /nothing was run/);

  writeFileSync(join(dir, 'a.csv'), 'p,r\nP1,X\nP1,Y\n');
  writeFileSync(join(dir, 'led.study'), 'dataset a from "a.csv" { patent: p, region: r }\nnetwork n = coapplication(a) { ties: first_led }\n');
  const failing = cli('run', join(dir, 'led.study'), '--quiet');
  assert.equal(failing.status, 1);
  assert.match(failing.stdout, /led\.study:2:38: error: `first_led` needs the applicants' order/);
  assert.equal(cli('run').status, 2);
  assert.equal(cli('run', 'x.study', '--bogus').status, 2);
});
