// The command line's persistent run cache: a re-run reuses every unchanged declaration, an edited model is
// the only one recomputed (as R's `targets` does), a data file whose content changed recomputes what reads it
// even with its old modification time, metadata edits reuse everything, and --no-cache runs them all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const EXAMPLES = join(ROOT, 'examples');

test('a re-run recomputes only what changed: the spec text of one model, or the content of one data file', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'innograph-cache-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  // A copy of the example and its data: the test changes a data file.
  cpSync(join(EXAMPLES, 'data', 'rare_earth'), join(dir, 'data', 'rare_earth'), { recursive: true });
  cpSync(join(EXAMPLES, 'maps'), join(dir, 'maps'), { recursive: true });
  const spec = join(dir, 'rare_earth.study');
  const original = readFileSync(join(EXAMPLES, 'rare_earth.study'), 'utf8');
  writeFileSync(spec, original);
  const json = join(dir, 'results.json');
  /** Runs the spec; the names of the declarations computed (not reused from the cache), and stdout. */
  const run = (...args: string[]) => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/innograph.js'), 'run', spec, '--json', json, '--quiet', ...args], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const results = JSON.parse(readFileSync(json, 'utf8')).results as { name: string; cached?: boolean }[];
    return { computed: results.filter((x) => !x.cached).map((x) => x.name), total: results.length, stdout: r.stdout };
  };

  const first = run();
  assert.equal(first.computed.length, first.total);
  assert.ok(existsSync(join(dir, '.innograph', 'cache')), 'the cache is kept beside the spec');

  const again = run();
  assert.deepEqual(again.computed, []);
  assert.match(again.stdout, new RegExp(`: ${again.total} of ${again.total} declarations reused from the cache in .*\\.innograph/cache \\(--no-cache runs them all\\)$`, 'm'));

  writeFileSync(spec, original.replace('discretize: jenks(5)', 'discretize: quantiles(4)'));
  assert.deepEqual(run().computed, ['drivers']);

  // Back to jenks(5), whose result is still cached; the licence is metadata, which changes no result.
  writeFileSync(spec, original.replace('licence:      "MIT"', 'licence:      "CC-BY-4.0"'));
  assert.deepEqual(run().computed, []);

  // One province's GDP changed, the file's modification time put back: its content is what the key reads.
  const provinces = join(dir, 'data', 'rare_earth', 'provinces_2020.csv');
  const before = statSync(provinces);
  const [header, firstRow, ...rest] = readFileSync(provinces, 'utf8').split('\n');
  const cells = firstRow.split(',');
  cells[1] = String(Number(cells[1]) + 1000);
  writeFileSync(provinces, [header, cells.join(','), ...rest].join('\n'));
  utimesSync(provinces, before.atime, before.mtime);
  assert.deepEqual(run().computed, ['drivers']);

  assert.equal(run('--no-cache').computed.length, first.total);
});

test('--no-cache and --cache-dir exclude each other; --cache-dir keeps the cache where it says', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'innograph-cache-dir-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const cli = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin/innograph.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
  const both = cli('run', 'examples/rare_earth.study', '--no-cache', '--cache-dir', dir);
  assert.equal(both.status, 2);
  assert.match(both.stderr, /--no-cache and --cache-dir exclude each other/);
  const r = cli('run', 'examples/rare_earth.study', '--only', 'rein', '--cache-dir', dir, '--quiet');
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.equal(readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.json')).length, 1);
  const again = cli('run', 'examples/rare_earth.study', '--only', 'rein', '--cache-dir', dir, '--quiet');
  assert.match(again.stdout, new RegExp(`1 of 1 declaration reused from the cache in ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
});
