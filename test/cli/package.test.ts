// `innograph package` and `innograph verify` as a replicator uses them: each example packaged and verified;
// a changed data file and a changed result each fail verification, naming them; the README holds every
// section of the Social Science Data Editors' template and maps each result to its declaration.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** The Social Science Data Editors' template README: its sections, in order (the data editors' checklist). */
const TEMPLATE_SECTIONS = [
  '## Overview',
  '## Data Availability and Provenance Statements',
  '### Statement about Rights',
  '### License for Data',
  '### Summary of Availability',
  '### Details on each Data Source',
  '## Dataset list',
  '## Computational requirements',
  '### Software Requirements',
  '### Controlled Randomness',
  '### Memory, Runtime, Storage Requirements',
  '## Description of programs/code',
  '### License for Code',
  '## Instructions to Replicators',
  '## List of tables and programs',
  '## References',
];
const cli = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin/innograph.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
const work = mkdtempSync(join(tmpdir(), 'innograph-package-'));
test.after(() => rmSync(work, { recursive: true, force: true }));

/** Packages an example (its own run, with a cache of the test's) into a fresh folder. */
function packaged(example: string, ...args: string[]): string {
  const out = join(work, `${basename(example, '.study')}-${readdirSync(work).length}`);
  const r = cli('package', `examples/${example}`, '--out', out, '--cache-dir', join(work, 'cache'), '--quiet', ...args);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  return out;
}

const rareEarth = packaged('rare_earth.study');

for (const example of ['rare_earth.study', 'tech_overlap.study', 'ai_clusters.study', 'uspto.study']) {
  test(`${example} is packaged and verified: every data file's hash and every number agree`, () => {
    const dir = example === 'rare_earth.study' ? rareEarth : packaged(example);
    for (const file of ['README.md', 'manifest.json', 'environment.json', `study/${example}`, 'results/results.json', 'results/report.html']) assert.ok(existsSync(join(dir, file)), file);
    const r = cli('verify', dir, '--quiet');
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /: reproduces: \d+ data files checked, \d+ numbers compared \(relative tolerance 1e-9\), no difference$/m);
  });
}

test('the manifest lists each data file once with its size, hash, rows, columns, provenance and licence; the environment its software', () => {
  const manifest = JSON.parse(readFileSync(join(rareEarth, 'manifest.json'), 'utf8'));
  assert.equal(manifest.data, 'copy');
  const provinces = manifest.files.find((f: { path: string }) => f.path === 'data/rare_earth/provinces_2020.csv');
  assert.deepEqual({ ...provinces, sha256: provinces.sha256.length }, {
    path: 'data/rare_earth/provinces_2020.csv', declarations: ['dataset provinces'], line: 32, size: 1910, sha256: 64, rows: 31,
    columns: ['province', 'gdp_pc', 'firms', 'sci_exp', 'granted', 'library_books', 'retail', 'tertiary', 'graduates'],
    provenance: readFileSync(join(ROOT, 'examples/rare_earth.study'), 'utf8').match(/provenance: "(Synthetic[^"]*)"/)![1], licence: 'MIT',
  });
  assert.equal(manifest.files.length, 6);
  for (const f of manifest.files) assert.equal(readFileSync(join(rareEarth, 'study', f.path)).length, f.size, `${f.path} is copied`);
  const env = JSON.parse(readFileSync(join(rareEarth, 'environment.json'), 'utf8'));
  assert.equal(env.node, process.version);
  assert.match(env.duckdb, /^v\d+\.\d+/);
  assert.ok(env.os.platform && env.cpu.cores > 0 && env.memoryBytes > 0);
});

test('the README has every section of the template, in order, and maps each result to its declaration', () => {
  const readme = readFileSync(join(rareEarth, 'README.md'), 'utf8');
  const headings = readme.split('\n').filter((l) => /^##+ /.test(l));
  assert.deepEqual(headings.filter((h) => TEMPLATE_SECTIONS.includes(h)), TEMPLATE_SECTIONS);
  // The template's checklist: statements filled from the spec, data listed with hashes, software with versions.
  assert.match(readme, /### Summary of Availability\n\nAll data are synthetic/);
  assert.match(readme, /### License for Data\n\nThe package is distributed under MIT/);
  assert.match(readme, /^- Hu, Shi, Wei, Qiu, Hu, Zhou & Guo\. China's rare-earth/m);
  assert.match(readme, /^\| `data\/rare_earth\/applicants\.csv` \| Synthetic, Innograph's generator[^|]* \| 5521 \| 6 \| 412621 \| `[0-9a-f]{64}` \| Yes \|$/m);
  assert.match(readme, /^- Innograph \S+ .*\n- DuckDB v\d/m);
  assert.match(readme, /`seed: 42` \(study\)/);
  assert.match(readme, /The whole study ran in \d+\.\d seconds, with a peak resident memory of \d+\.\d MB/);
  assert.doesNotMatch(readme, /Not declared in the spec/);
  // One row per declaration run: the comment above it names it as the paper does; line, files, runtime, memory.
  const results = JSON.parse(readFileSync(join(rareEarth, 'results', 'results.json'), 'utf8')).results;
  const rows = readme.split('## List of tables and programs')[1].split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Result'));
  assert.equal(rows.length, results.length);
  assert.match(readme, /^\| Table 1: whole-network indicators per period, at both levels\. \| `measures table1_province` \| \[\d+\]\(study\/rare_earth\.study\) \| `table1_province\.indicators\.csv`, `table1_province\.indicators\.tex`, `table1_province\.indicators\.md` \| \d+\.\d\d \| \d+\.\d \| +\|$/m);
  assert.match(readme, /^\| Table 1's density by period as a figure[^|]*\| `figure fig_density` \| [^|]+ \| `fig_density\.svg`/m);
});

test('a spec without metadata is packaged with the places to fill marked, and each noted; referenced data stay where they are', () => {
  // tech_overlap.study declares no metadata; its run comes from the test's cache, filled when it was packaged above.
  const dir = join(work, 'tech_overlap-reference');
  const r = cli('package', 'examples/tech_overlap.study', '--out', dir, '--data', 'reference', '--cache-dir', join(work, 'cache'), '--quiet');
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^examples\/tech_overlap\.study: note: the study declares no `availability:` for the README$/m);
  assert.match(r.stdout, /^examples\/tech_overlap\.study: note: dataset \w+ declares no `provenance:` or `licence:` for data\/regpat\/\w+\.csv$/m);
  const readme = readFileSync(join(dir, 'README.md'), 'utf8');
  assert.match(readme, /### Summary of Availability\n\n\*Not declared in the spec: add `availability:` to the `study` declaration\.\*/);
  assert.match(readme, /The data are \*\*not\*\* provided/);
  assert.deepEqual(readdirSync(join(dir, 'study')), ['tech_overlap.study']);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  assert.equal(manifest.dataRoot, join(ROOT, 'examples'));
});

test('a package that references its data verifies against the files where they are, or under --data-root', () => {
  const dir = join(work, 'rare_earth-reference');
  assert.equal(cli('package', 'examples/rare_earth.study', '--out', dir, '--data', 'reference', '--cache-dir', join(work, 'cache'), '--quiet').status, 0);
  const r = cli('verify', dir, '--quiet');
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const elsewhere = cli('verify', dir, '--data-root', join(rareEarth, 'study'), '--quiet');
  assert.equal(elsewhere.status, 0, elsewhere.stdout + elsewhere.stderr);
  const missing = cli('verify', dir, '--data-root', work, '--quiet');
  assert.equal(missing.status, 1);
  assert.match(missing.stdout, /^data file data\/rare_earth\/patents\.csv: missing \(looked for .*\)$/m);
});

test('a changed data file fails verification, naming the file', () => {
  const dir = join(work, 'tampered-data');
  cpSync(rareEarth, dir, { recursive: true });
  const provinces = join(dir, 'study', 'data', 'rare_earth', 'provinces_2020.csv');
  const [header, first, ...rest] = readFileSync(provinces, 'utf8').split('\n');
  const cells = first.split(',');
  cells[1] = String(Number(cells[1]) * 2);
  writeFileSync(provinces, [header, cells.join(','), ...rest].join('\n'));
  const r = cli('verify', dir, '--quiet');
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.match(r.stdout, /^data file data\/rare_earth\/provinces_2020\.csv: its SHA-256 differs from the manifest's \(packaged [0-9a-f]{16}…, now [0-9a-f]{16}…\): the file changed$/m);
  assert.match(r.stdout, /^drivers\.\S.*: packaged .*, now /m, 'the model on that file no longer reproduces');
  assert.match(r.stdout, /: does NOT reproduce: \d+ differences; 6 data files checked/);
});

test('a changed result fails verification, naming the declaration, table, row and column', () => {
  const dir = join(work, 'tampered-result');
  cpSync(rareEarth, dir, { recursive: true });
  const path = join(dir, 'results', 'results.json');
  const results = JSON.parse(readFileSync(path, 'utf8'));
  const table = results.results.find((r: { name: string }) => r.name === 'table1_province').tables.indicators;
  const density = table.columns.indexOf('density');
  const packagedDensity = table.rows[3][density];
  table.rows[3][density] = packagedDensity + 0.01;
  writeFileSync(path, JSON.stringify(results));
  const r = cli('verify', dir, '--quiet');
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.equal(r.stdout.split('\n').filter((l) => l.includes(': packaged ')).join('\n'),
    `table1_province.tables.indicators, row 4 (2016–2020), density: packaged ${packagedDensity + 0.01}, now ${packagedDensity}`);
  assert.match(r.stdout, /: does NOT reproduce: 1 difference; 6 data files checked, \d+ numbers compared/);
});

test('bad arguments and folders that are not packages are refused with a message', () => {
  assert.match(cli('package', 'examples/rare_earth.study').stderr, /package needs --out DIR/);
  assert.match(cli('package', 'examples/rare_earth.study', '--out', join(work, 'x'), '--data', 'link').stderr, /--data is copy or reference, not "link"/);
  assert.match(cli('verify', work, '--tolerance', '-1').stderr, /--tolerance is a number ≥ 0/);
  const full = cli('package', 'examples/rare_earth.study', '--out', rareEarth);
  assert.equal(full.status, 2);
  assert.match(full.stdout, /not empty; a replication package is written into a new or empty folder/);
  const notPackage = cli('verify', join(ROOT, 'examples'));
  assert.equal(notPackage.status, 2);
  assert.match(notPackage.stdout, /not a replication package \(.*manifest\.json is missing\)/);
  // Copying data keeps each file at its path: a file outside the spec's folder is named, with its line.
  const outside = mkdtempSync(join(work, 'outside-'));
  writeFileSync(join(work, 'shared.csv'), 'k,v\n1,2\n');
  writeFileSync(join(outside, 'spec.study'), 'study "Outside" {}\n\ndataset d from "../shared.csv" { key: k }\n');
  const copied = cli('package', join(outside, 'spec.study'), '--out', join(work, 'y'));
  assert.equal(copied.status, 2, copied.stdout + copied.stderr);
  assert.match(copied.stdout, /spec\.study:3: "\.\.\/shared\.csv" is outside the spec's folder: --data copy keeps each file at the path the spec names; use --data reference/);
  assert.ok(!existsSync(join(work, 'y')), 'nothing is written');
});
