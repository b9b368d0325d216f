// "New Study": a spec proposed for a folder of data files — by `innograph new` and by the language server's
// request — gives each file's columns the roles their names suggest, derives years from dates, lists regions
// coarse to fine, and checks clean as proposed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../lsp/harness.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const cli = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin/innograph.js'), ...args], { cwd: ROOT, encoding: 'utf8' });

/** A copy of one of the examples' data folders, so that the proposed spec can be written beside the data. */
function copyOf(folder: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'innograph-new-'));
  cpSync(join(ROOT, 'examples/data', folder), dir, { recursive: true });
  return dir;
}

function proposeAndCheck(dir: string): string {
  const before = readdirSync(dir).sort();
  const proposed = cli('new', dir);
  assert.equal(proposed.status, 0, proposed.stderr);
  assert.deepEqual(readdirSync(dir).sort(), before, 'nothing is written into the data folder');
  writeFileSync(join(dir, 'study.study'), proposed.stdout);
  const checked = cli('check', join(dir, 'study.study'));
  assert.equal(checked.status, 0, checked.stdout + checked.stderr + proposed.stdout);
  assert.match(checked.stdout, /0 errors, 0 warnings/);
  return proposed.stdout;
}

test('REGPAT-like tables: patents, applicants and inventors by appln_id, regions coarse to fine, citations, a country table', () => {
  const spec = proposeAndCheck(copyOf('regpat'));
  assert.match(spec, /dataset patents from "patents\.csv" \{\n {2}id: {3}appln_id\n {2}year: prio_year\n/);
  assert.match(spec, /dataset inventors from "inventors\.csv" \{\n {2}patent: appln_id\n {2}order: {2}inv_seq\n {2}region: ctry_code, reg_code\n {2}joins: {2}patents\n\}/);
  assert.match(spec, /citing: citing_id\n {2}cited: {2}cited_id/);
  assert.match(spec, /dataset countries from "countries\.csv" \{\n {2}key: ctry_code\n\}/);
  assert.match(spec, /\/\/ network inventors_network = coinvention\(inventors\)/);
});

test('raw USPTO files: the application year derived from its date, regions country → state → city', () => {
  const spec = proposeAndCheck(copyOf('uspto/raw'));
  assert.match(spec, /app_year = year\(app_date\)\n {2}id: {7}patent_number\n {2}year: {5}app_year/);
  assert.match(spec, /region: country, state, city/);
});

test('the language server answers innograph/newStudy with the same proposal, which checks clean unsaved beside the data', async () => {
  const dir = copyOf('rare_earth');
  const lsp = await LspClient.start();
  try {
    const { text } = await lsp.connection.sendRequest<{ text: string }>('innograph/newStudy', { folder: dir });
    assert.equal(text, cli('new', dir).stdout);
    assert.match(text, /region: {4}province, city/);
    // The editor opens it unsaved at its future path: its data files are found beside it.
    const { diagnostics } = await lsp.open(`untitled:${pathToFileURL(join(dir, 'study.study')).pathname}`, text);
    assert.deepEqual(diagnostics.map((d) => d.message), []);
  } finally {
    await lsp.stop();
  }
});

test('innograph new without a folder, or with a file, says so', () => {
  assert.equal(cli('new').status, 2);
  const r = cli('new', join(ROOT, 'README.md'));
  assert.equal(r.status, 2);
  assert.match(r.stderr, /is not a folder/);
});
