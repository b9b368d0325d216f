// `innograph check` as a user runs it: the built CLI in a child process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const cli = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin/innograph.js'), ...args], { cwd: ROOT, encoding: 'utf8' });

test('the example specs check clean and print their outline', () => {
  const specs = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.study')).map((f) => `examples/${f}`);
  assert.equal(specs.length, 4); // the three seed studies and uspto.study
  const r = cli('check', '--outline', ...specs);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /4 specs checked: 0 errors, 0 warnings/);
  assert.match(r.stdout, /network\s+rein\b/);
  assert.match(r.stdout, /model\s+model2\b/);
  assert.match(r.stdout, /panel\s+dyads\b/);
});

test('errors print as file:line:col and the exit code is 1', () => {
  const dir = mkdtempSync(join(tmpdir(), 'innograph-'));
  const spec = join(dir, 'bad.study');
  writeFileSync(spec, 'windows w = 2020..2001\nnetwork n = coapplication(nothing)\n');
  const r = cli('check', spec);
  assert.equal(r.status, 1);
  const lines = r.stdout.trim().split('\n');
  assert.match(lines[0], /bad\.study:1:13: error: The range 2020\.\.2001 is inverted.*\[inverted-range\]$/);
  assert.match(lines[1], /bad\.study:2:27: error: Unknown name `nothing`.*\[unknown-name\]$/);
  assert.equal(lines.at(-1), '1 spec checked: 2 errors, 0 warnings');
});

test('--json gives machine-readable diagnostics', () => {
  const dir = mkdtempSync(join(tmpdir(), 'innograph-'));
  const spec = join(dir, 'w.study');
  writeFileSync(spec, 'windows w = 2001..2020 by 3\n');
  const r = cli('check', '--json', spec);
  assert.equal(r.status, 0); // a warning is not an error
  const [report] = JSON.parse(r.stdout);
  assert.deepEqual(report.diagnostics.map((d: { line: number; column: number; code: string }) => [d.line, d.column, d.code]), [[1, 27, 'partial-window']]);
});

test('usage errors exit with 2 and a missing spec with 1', () => {
  assert.equal(cli('check').status, 2);
  assert.equal(cli('frobnicate').status, 2);
  const r = cli('check', 'no/such.study');
  assert.equal(r.status, 1);
  assert.match(r.stdout, /no\/such\.study: error: cannot read the spec: ENOENT/);
});
