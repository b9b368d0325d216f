// A run's errors land on the text as it is when they arrive: the spec edited while the run was in flight
// moves them with their declaration, and an edit of the failing declaration itself drops them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ResultsFile } from '../../server/src/results/format.ts';
import { EXAMPLES, LspClient } from './harness.ts';

const RARE_EARTH = readFileSync(resolve(EXAMPLES, 'rare_earth.study'), 'utf8');
const BROKEN = RARE_EARTH.replace('data:       provinces', 'data:       cities');
let client: LspClient;
before(async () => { client = await LspClient.start(); });
after(async () => { await client.stop(); });

function runDrivers(uri: string): Promise<ResultsFile> {
  return client.connection.sendRequest<ResultsFile>('innograph/run', { uri, only: ['drivers'] });
}

test('lines added above a failing declaration during its run move its error with it', async () => {
  const { uri } = await client.open('rare_earth.study', BROKEN);
  const run = runDrivers(uri);
  const edited = `// notes\n// added while the run was going\n${BROKEN}`;
  const version = await client.change(uri, edited);
  const results = await run;
  assert.equal(results.results[0].status, 'error');
  const errors = (await client.checkedDiagnostics(uri, version)).filter((d) => d.code === 'run-error');
  assert.equal(errors.length, 1);
  const at = results.results[0].error!.spec!;
  assert.deepEqual(errors[0].range, {
    start: { line: at.line - 1 + 2, character: at.column - 1 }, end: { line: at.endLine - 1 + 2, character: at.endColumn - 1 },
  }, 'two lines further down than in the text the run saw');
});

test('an edit of the failing declaration during its run drops the error; edits elsewhere keep it', async () => {
  const { uri } = await client.open('rare_earth.study', BROKEN);
  const run = runDrivers(uri);
  const fixed = BROKEN.replace('data:       cities', 'data:       provinces');
  const version = await client.change(uri, fixed);
  assert.equal((await run).results[0].status, 'error');
  assert.deepEqual((await client.checkedDiagnostics(uri, version)).filter((d) => d.code === 'run-error'), []);

  const { uri: again } = await client.open('rare_earth.study', BROKEN);
  await runDrivers(again);
  const elsewhere = `${BROKEN}\n// a comment at the end\n`;
  const later = await client.change(again, elsewhere);
  assert.equal((await client.checkedDiagnostics(again, later)).filter((d) => d.code === 'run-error').length, 1);
});
