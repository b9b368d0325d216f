// Data files that are not the table they claim to be: a ragged row, an empty file, a header without rows,
// a quote never closed. The checks (unreadable-data-file) and the runner's dataset loading both say which,
// at the file's line, instead of a column that "is not in" the file or a complaint about types.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { RunContext } from '../../server/src/run/context.ts';
import { EXECUTORS } from '../../server/src/run/executors.ts';
import { loadDataset } from '../../server/src/run/data/datasets.ts';
import { DataError } from '../../server/src/run/errors.ts';
import { analyseSpec } from './harness.ts';

const SPEC = 'dataset cy from "cy.csv" { region: city, year: year }\nwindows w = 2001..2003\n';

async function check(data: string | Buffer, file = 'cy.csv') {
  const dir = mkdtempSync(join(tmpdir(), 'innograph-shape-'));
  writeFileSync(join(dir, file), data);
  writeFileSync(join(dir, 'spec.study'), SPEC.replace('cy.csv', file));
  const analysis = await analyseSpec(join(dir, 'spec.study'));
  const ctx = await RunContext.open(analysis, EXECUTORS);
  const loaded = await loadDataset(ctx, analysis.model.symbols.get('cy')!).then(() => undefined, (err: unknown) => err);
  return { diagnostics: analysis.diagnostics.map((d) => `${d.code}: ${d.message}`), loaded };
}

function assertDataError(err: unknown, message: string, line?: number): void {
  assert.ok(err instanceof DataError, String(err));
  assert.equal(err.message, message);
  assert.equal(err.row, line);
  assert.match(err.file, /cy\.csv(\.gz)?$/);
}

test('a ragged row is named by its line, in the checks and in the run', async () => {
  const { diagnostics, loaded } = await check('city,year,n\nWuhan,2001,3\nXian,2002\nBeijing,2003,4\n');
  const message = 'Cannot read cy.csv: line 3 has 2 fields, but the header has 3 (city, year, n).';
  assert.deepEqual(diagnostics, [`unreadable-data-file: ${message}`]);
  assertDataError(loaded, message, 3);
});

test('a row with too many fields, after a quoted line break, is named by the line it starts on', async () => {
  const { diagnostics } = await check('city,year,n\n"Wu\nhan",2001,3\nXian,2002,5,9\n');
  assert.deepEqual(diagnostics, ["unreadable-data-file: Cannot read cy.csv: line 4 has 4 fields, but the header has 3 (city, year, n)."]);
});

test('an empty file says it is empty, not that it has a column0', async () => {
  for (const data of ['', '\n\n']) {
    const { diagnostics, loaded } = await check(data);
    const message = 'Cannot read cy.csv: the file is empty (no header, no rows).';
    assert.deepEqual(diagnostics, [`unreadable-data-file: ${message}`]);
    assertDataError(loaded, message);
  }
});

test('a header without rows says so, gzipped too', async () => {
  const message = (f: string) => `Cannot read ${f}: the file has a header (city, year) but no rows.`;
  const plain = await check('city,year\n');
  assert.deepEqual(plain.diagnostics, [`unreadable-data-file: ${message('cy.csv')}`]);
  assertDataError(plain.loaded, message('cy.csv'));
  const zipped = await check(gzipSync('city,year\n'), 'cy.csv.gz');
  assert.deepEqual(zipped.diagnostics, [`unreadable-data-file: ${message('cy.csv.gz')}`]);
});

test('a quote that is never closed is named by the line it opens on', async () => {
  const { diagnostics, loaded } = await check('city,year\nWuhan,2001\n"Xian,2002\nBeijing,2003\n');
  const message = 'Cannot read cy.csv: the quoted value starting on line 3 is never closed.';
  assert.deepEqual(diagnostics, [`unreadable-data-file: ${message}`]);
  assertDataError(loaded, message, 3);
});

test('a well-formed file passes: quoted delimiters, CRLF, a final line without a line break', async () => {
  const { diagnostics, loaded } = await check('city,year\r\n"Wuhan, Hubei",2001\r\n"Xi""an",2002\r\nBeijing,2003');
  assert.deepEqual(diagnostics, []);
  assert.equal(loaded, undefined);
});
