// The README's language sample is a spec that checks clean next to the examples.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyzeWithHeaders } from '../../server/src/workspace/analysis.ts';
import { TableCache } from '../../server/src/workspace/tableCache.ts';

const ROOT = resolve(import.meta.dirname, '../..');

test('the README sample checks clean', async () => {
  const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
  const sample = /```study\n([\s\S]*?)```/.exec(readme)?.[1];
  assert.ok(sample, 'no study block in the README');
  const analysis = await analyzeWithHeaders(sample, resolve(ROOT, 'examples/readme.study'), new TableCache({ rowCounts: () => false }));
  assert.deepEqual(analysis.diagnostics.map((d) => d.message), []);
});
