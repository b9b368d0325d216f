// One file read by two declarations with different dialects (delimiter, header) is two tables: the header
// cache, the checks and the run's dataset loading each keep them apart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunContext } from '../../server/src/run/context.ts';
import { EXECUTORS } from '../../server/src/run/executors.ts';
import { datasetTable } from '../../server/src/run/data/datasets.ts';
import { TableCache } from '../../server/src/workspace/tableCache.ts';
import { analyseSpec } from './harness.ts';

const SPEC = `dataset named from "d.txt" { region: patent_id, delimiter: ";" }
dataset numbered from "d.txt" { region: column0, delimiter: ";", header: false }
dataset whole_lines from "d.txt" { delimiter: "|" }
`;

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'innograph-dialects-'));
  writeFileSync(join(dir, 'd.txt'), 'patent_id;app_year\nP1;2001\nP2;2002\n');
  writeFileSync(join(dir, 'spec.study'), SPEC);
  return dir;
}

test('the header cache keeps one entry per dialect of a file', async () => {
  const dir = workspace();
  const cache = new TableCache({ rowCounts: () => true });
  const dialects = [{ delimiter: ';' }, { delimiter: ';', header: false }, { delimiter: '|' }];
  for (const d of dialects) cache.get(dir, 'd.txt', d);
  await cache.settled();
  const infos = dialects.map((d) => cache.get(dir, 'd.txt', d));
  assert.deepEqual(infos.map((i) => (i.status === 'ok' ? [i.columns, i.rowCount] : i.status)), [
    [['patent_id', 'app_year'], 2], [['column0', 'column1'], 3], [['patent_id;app_year'], 2],
  ]);
});

test('the checks read each declaration with its own dialect', async () => {
  const analysis = await analyseSpec(join(workspace(), 'spec.study'));
  assert.deepEqual(analysis.diagnostics.map((d) => d.message), []);
});

test('a run loads each declaration with its own dialect', async () => {
  const analysis = await analyseSpec(join(workspace(), 'spec.study'));
  const ctx = await RunContext.open(analysis, EXECUTORS);
  const columns = async (name: string) => {
    const table = await datasetTable(ctx, analysis.model.symbols.get(name)!);
    return [[...table.columns.keys()], table.rows];
  };
  assert.deepEqual(await columns('named'), [['patent_id', 'app_year'], 2]);
  assert.deepEqual(await columns('numbered'), [['column0', 'column1'], 3]);
  assert.deepEqual(await columns('whole_lines'), [['patent_id;app_year'], 2]);
});
