// A run's DuckDB reads the spec's own data files and nothing else: not another file, not a URL, and a
// `where` condition cannot smuggle SQL that would. Header reads are confined the same way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunContext } from '../../server/src/run/context.ts';
import { EXECUTORS } from '../../server/src/run/executors.ts';
import { datasetTable } from '../../server/src/run/data/datasets.ts';
import { analyseSpec } from './harness.ts';

async function runContext(spec: string) {
  const dir = mkdtempSync(join(tmpdir(), 'innograph-confine-'));
  writeFileSync(join(dir, 'cy.csv'), 'city,year\nWuhan,2001\nXian,2002\n');
  writeFileSync(join(dir, 'other.csv'), 'secret\n42\n');
  writeFileSync(join(dir, 'spec.study'), spec);
  const analysis = await analyseSpec(join(dir, 'spec.study'));
  assert.deepEqual(analysis.diagnostics.filter((d) => d.severity === 'error'), []);
  return { dir, analysis, ctx: await RunContext.open(analysis, EXECUTORS) };
}

test("within a run's connection the spec's files load; other files and URLs are refused", async () => {
  const { dir, analysis, ctx } = await runContext('dataset cy from "cy.csv" { region: city, year: year }\n');
  const table = await datasetTable(ctx, analysis.model.symbols.get('cy')!);
  assert.equal(table.rows, 2);
  for (const path of ['/etc/hostname', join(dir, 'other.csv'), 'http://127.0.0.1:9/x.csv', 'https://example.com/x.parquet']) {
    await assert.rejects(ctx.db.run(`SELECT * FROM read_csv('${path}')`), /Permission Error/, path);
  }
  await assert.rejects(ctx.db.run(`COPY (SELECT 1) TO '${join(dir, 'out.csv')}'`), /Permission Error/);
  await assert.rejects(ctx.db.run('SET enable_external_access = true'), /locked/);
  await assert.rejects(ctx.db.run(`SET allowed_paths = ['/etc/hostname']`), /locked/);
});

test('a where condition is data, not SQL: a quote in a string cannot open another file', async () => {
  const injection = `x') UNION ALL SELECT * FROM read_csv('/etc/hostname') --`;
  const { analysis, ctx } = await runContext(`dataset cy from "cy.csv" { region: city, year: year, where: city == ${JSON.stringify(injection)} }\n`);
  const table = await datasetTable(ctx, analysis.model.symbols.get('cy')!);
  assert.equal(table.rows, 0);
});
