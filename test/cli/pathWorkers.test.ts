// The engine's worker threads through the built CLI: the bundle's worker entries (dist/server/pathWorker.mjs,
// overlapWorker.mjs) are found from the run worker, and closeness, betweenness and the overlap networks equal
// those computed on one thread. INNOGRAPH_WORKERS forces the workers on the examples' small networks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** The tables of one declaration of an example, run with `workers` engine threads. */
function run(example: string, name: string, workers: string): { tables: Record<string, { columns: string[]; rows: unknown[][] }>; network?: unknown } {
  const json = join(mkdtempSync(join(tmpdir(), 'innograph-workers-')), 'results.json');
  const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli.cjs'), 'run', example, '--only', name, '--no-cache', '--json', json], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, INNOGRAPH_WORKERS: workers },
  });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  return JSON.parse(readFileSync(json, 'utf8')).results.find((x: { name: string }) => x.name === name);
}

test('innograph run gives the same closeness and betweenness on two path workers as on one thread', () => {
  const onWorkers = run('examples/rare_earth.study', 'rein_nodes', '2').tables.nodes;
  assert.ok(onWorkers.columns.includes('betweenness') && onWorkers.rows.length > 10);
  assert.deepEqual(onWorkers, run('examples/rare_earth.study', 'rein_nodes', '0').tables.nodes);
});

test('innograph run gives the same overlap networks with the windows on two workers as on one thread', () => {
  const onWorkers = run('examples/tech_overlap.study', 'overlap2', '2');
  const windows = (onWorkers.network as { windows: Array<{ ties: unknown[] }> }).windows;
  assert.ok(windows.length > 5 && windows.every((w) => w.ties.length > 0));
  const oneThread = run('examples/tech_overlap.study', 'overlap2', '0');
  assert.deepEqual([onWorkers.tables, onWorkers.network], [oneThread.tables, oneThread.network]);
});
