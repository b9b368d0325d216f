// Closeness and betweenness on the path worker threads through the built CLI: the bundle's worker entry
// (dist/server/pathWorker.mjs) is found from the run worker, and the node measures equal those computed on
// one thread. INNOGRAPH_PATH_WORKERS forces the workers on the example's small network.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

function nodeMeasures(workers: string): unknown {
  const json = join(mkdtempSync(join(tmpdir(), 'innograph-paths-')), 'results.json');
  const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli.cjs'), 'run', 'examples/rare_earth.study', '--only', 'rein_nodes', '--no-cache', '--json', json], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, INNOGRAPH_PATH_WORKERS: workers },
  });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  return JSON.parse(readFileSync(json, 'utf8')).results.find((x: { name: string }) => x.name === 'rein_nodes').tables.nodes;
}

test('innograph run gives the same closeness and betweenness on two path workers as on one thread', () => {
  const onWorkers = nodeMeasures('2') as { columns: string[]; rows: unknown[][] };
  assert.ok(onWorkers.columns.includes('betweenness') && onWorkers.rows.length > 10);
  assert.deepEqual(onWorkers, nodeMeasures('0'));
});
