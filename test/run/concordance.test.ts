// IPC codes to technology fields through the WIPO concordance (`lookup … { match: prefix }` and
// `lookup(fields, ipc)` in conditions) through the runner, against the golden file of
// test/oracles/scripts/golden_ipc_concordance.py: the longest prefix wins, spaces and case are ignored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SNA, readJson } from '../oracles/read.ts';
import { records, result, runSpec } from './harness.ts';

const SPEC = fileURLToPath(new URL('./fixtures/concordance.study', import.meta.url));
const expected = readJson(`${SNA}/10_ipc_concordance/expected.json`) as Record<string, { ipc: string; field: number | null; nested: string | null }>;
const fields = [...new Set(Object.values(expected).map((e) => e.field).filter((f) => f !== null))].sort((a, b) => a! - b!);
const levels = [...new Set(Object.values(expected).map((e) => e.nested).filter((l) => l !== null))].sort();
// One location quotient per field and per nested level the sample reaches: a sample's industry count is 1 in
// its own.
const text = readFileSync(SPEC, 'utf8')
  + fields.map((f) => `measures field_${f} = location_quotient(samples, industry: lookup(fields, ipc) == ${f}, region: sample)\n`).join('')
  + levels.map((l, i) => `measures level_${i} = location_quotient(samples, industry: lookup(levels, ipc) == ${JSON.stringify(l)}, region: sample)\n`).join('');
const run = runSpec(SPEC, text);

/** The samples the golden file puts in a group. */
const golden = (pick: (e: (typeof expected)[string]) => boolean) => Object.entries(expected).filter(([, e]) => pick(e)).map(([s]) => s).sort();

/** The samples a location quotient counts in its industry. */
async function members(name: string): Promise<string[]> {
  return records(result(await run, name), 'quotients').filter((r) => r.industry_count === 1).map((r) => String(r.region)).sort();
}

test('every declaration runs', async () => {
  const results = await run;
  assert.deepEqual(results.results.filter((r) => r.status !== 'ok').map((r) => [r.name, r.error?.message]), []);
});

test('each sample gets the field of its longest matching prefix, as the golden says', async () => {
  for (const f of fields) assert.deepEqual(await members(`field_${f}`), golden((e) => e.field === f), `field ${f}`);
});

test('of nested keys the longest one a code begins with wins, whatever the spaces of key and code', async () => {
  for (const [i, level] of levels.entries()) assert.deepEqual(await members(`level_${i}`), golden((e) => e.nested === level), level!);
});

test('codes no prefix begins with match no field', async () => {
  assert.deepEqual(await members('matched'), golden((e) => e.field !== null));
});
