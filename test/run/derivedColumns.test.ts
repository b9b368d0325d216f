// Derived columns and splits through the runner and DuckDB: years from YYYYMMDD dates feed the `year` role
// and the windows, a region code built from two columns is a network's level, a derived column filters; the
// SQL of each function and of a split is run on a small CSV; a date that is none stops the run on its column.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { parseStudy } from '../../server/src/language/syntax/parse.ts';
import { derivedRelation } from '../../server/src/run/derivedSql.ts';
import { sqlString } from '../../server/src/engine/data/duckdb.ts';
import type { ValueType } from '../../server/src/language/schema/types.ts';
import { result, runSpec } from './harness.ts';

const SPEC = fileURLToPath(new URL('./fixtures/derived.study', import.meta.url));
const PATENTS = fileURLToPath(new URL('./fixtures/derived/patents.csv', import.meta.url));

const ties = async (name: string, spec = SPEC, text?: string) => result(await runSpec(spec, text), name).network!.windows
  .map((w) => [w.label, w.ties.map((t) => `${t.source}|${t.target}`).sort()]);

test('years derived from YYYYMMDD dates place each patent in its window; the region joins state and country', async () => {
  assert.deepEqual(await ties('invco'), [['2003–2005', ['DE|US-CA', 'US-CA|US-NY']], ['2006–2008', ['DE|FR']]]);
});

test('a derived column of the patents filters a network of their inventors', async () => {
  assert.deepEqual(await ties('batteries'), [['2003–2005', ['US-CA|US-NY']], ['2006–2008', []]]);
});

test('a date that cannot be read stops the run on the derived column, naming the value', async () => {
  const text = readFileSync(SPEC, 'utf8').replace('ipc4       = left(ipc, 4)', 'ipc4       = year(ipc)');
  const r = result(await runSpec(SPEC, text), 'batteries');
  assert.equal(r.status, 'error');
  assert.match(r.error!.message, /`ipc4` cannot be computed on derived\/patents\.csv: .*Could not parse string "(A01B 1\/00; C07D 7\/02|H01M 10\/05|G06F 17\/30;G06N 3\/08;)"/);
});

test('declared shares count as weights beside full and fractional counting, in measures and panels', async () => {
  const results = await runSpec(SPEC);
  const counts = result(results, 'counts').tables.nodes.rows.map(([, region, full, fractional, share]) => [region, full, fractional, Math.round(Number(share) * 1e12) / 1e12]);
  // P1: US-CA 0.75, DE 0.25; P2: US-NY 0.6, US-CA 0.4 (inv_pct / 100, a derived column).
  assert.deepEqual(counts, [['DE', 1, 0.5, 0.25], ['US-CA', 2, 1, 1.15], ['US-NY', 1, 0.5, 0.6]]);
  const shares = result(results, 'regions').tables.variables.rows.find((r) => r[0] === 'Shares')!;
  // Every patent's shares add up to 1: three patents in the two periods over 4 regions × 2 periods.
  assert.equal(Math.round(Number(shares[5]) * 1e12) / 1e12, 3 / 8);
});

test('counting by shares without a share column stops with a message', async () => {
  const text = readFileSync(SPEC, 'utf8').replace('  share:  share\n', '');
  const r = result(await runSpec(SPEC, text), 'counts');
  assert.equal(r.status, 'error');
  assert.match(r.error!.message, /inventors declares no `share` column/);
});

/** The rows a dataset block gives on the fixture's patents, as DuckDB computes its SQL. */
async function rows(block: string, types: Record<string, ValueType>): Promise<unknown[][]> {
  const decl = parseStudy(`dataset p from "patents.csv" {\n${block}\n}\n`).decls[0];
  const relation = derivedRelation(`read_csv(${sqlString(PATENTS)}, all_varchar = true)`, decl, (c) => types[c]);
  const db = await (await DuckDBInstance.create(':memory:')).connect();
  const names = decl.block!.entries.flatMap((e) => (e.type === 'assign' ? [e.name.name] : []));
  const reader = await db.runAndReadAll(`SELECT patent, ${names.map((n) => `"${n}"`).join(', ')} FROM ${relation} ORDER BY ALL`);
  return reader.getRows().map((r) => r.map((v) => (typeof v === 'bigint' ? Number(v) : v === null ? null : String(v))));
}

test('the functions of derived columns as SQL: dates, text, conditions, case and coalesce', async () => {
  const text = { patent: 'text', app_date: 'text', filed: 'text', ipc: 'text' } as const;
  assert.deepEqual(await rows(`
  y = year(app_date)
  m = month(date(filed, "%d/%m/%Y"))
  s = substr(ipc, 6, 2) + "|" + right(upper(trim(ipc)), 3)
  r = regexp_extract(ipc, "^([A-H])[0-9]+", 1)
  k = case(y < 2000, "old", y in (2003, 2004), "early", "late")
  c = coalesce(ipc, "none")
  g = replace(left(ipc, 4), "0", "o") + "-" + if(y >= 2004, "x", "y")`, text), [
    ['P1', 2003, 1, '1/|/02', 'A', 'early', 'A01B 1/00; C07D 7/02', 'Ao1B-y'],
    ['P2', 2004, 3, '10|/05', 'H', 'early', 'H01M 10/05', 'Ho1M-x'],
    ['P3', 2008, 1, null, null, 'late', 'none', null],
    ['P4', 1999, 12, '17|08;', 'G', 'old', 'G06F 17/30;G06N 3/08;', 'Go6F-y'],
  ]);
});

test('a YYYYMMDD number and ISO text are dates too', async () => {
  assert.deepEqual((await rows('y = year(20030109 + 0)\nd = day("2003-01-09")', { patent: 'text' })).map((r) => r.slice(1)), [[2003, 9], [2003, 9], [2003, 9], [2003, 9]]);
});

test('a split gives one row per trimmed value, drops empty values and keeps a row without any once', async () => {
  assert.deepEqual(await rows('split: ipc by ";"\nipc4 = left(ipc, 4)', { ipc: 'text' }), [
    ['P1', 'A01B'], ['P1', 'C07D'], ['P2', 'H01M'], ['P3', null], ['P4', 'G06F'], ['P4', 'G06N'],
  ]);
});

test('strings are quoted for SQL: a quote inside a string is text, not SQL', async () => {
  const found = await rows(`q = "it's '" + left(ipc, 1) + "'; DROP TABLE x; --"`, { ipc: 'text' });
  assert.deepEqual(found.map((r) => r[1]), ["it's 'A'; DROP TABLE x; --", "it's 'H'; DROP TABLE x; --", null, "it's 'G'; DROP TABLE x; --"]);
});

test('a derived column looks a row\'s place up in another file: networks between the places the lookup gives', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'innograph-lookup-'));
  writeFileSync(join(dir, 'patents.csv'), 'patent,app_date\nP1,20030109\nP2,20040302\nP3,20040701\n');
  writeFileSync(join(dir, 'inventors.csv'), 'patent,location_id\nP1,L1\nP1,L2\nP2,L2\nP2,L3\nP2,L9\nP3,L1\nP3,L4\n');
  writeFileSync(join(dir, 'locations.csv'), 'location_id,state\nL1,CA\nL2,NY\nL3,CA\nL4,CA\n');
  writeFileSync(join(dir, 'spec.study'), `lookup states from "locations.csv" { key: location_id, value: state }
dataset patents from "patents.csv" { app_year = year(app_date)  id: patent  year: app_year }
dataset inventors from "inventors.csv" {
  state = coalesce(lookup(states, location_id), "unknown")
  patent: patent
  region: state
  joins:  patents
}
network invco = coinvention(inventors) { count: per_patent }
`);
  const net = result(await runSpec(join(dir, 'spec.study')), 'invco').network!.windows[0];
  // P1: CA–NY; P2: NY, CA and an unknown place; P3: CA twice (intra).
  assert.deepEqual(net.ties.map((t) => [t.source, t.target, t.weight]), [['CA', 'NY', 2], ['CA', 'unknown', 1], ['NY', 'unknown', 1]]);
  assert.deepEqual(net.intra, { CA: 1 });
});

test('a lookup\'s own derived column that looks up stops on the call, as the checker reports it', () => {
  const decl = parseStudy('lookup l from "patents.csv" {\n  k = lookup(other, ipc)\n  key: k, value: patent\n}\n').decls[0];
  assert.throws(() => derivedRelation('scan', decl, () => 'text'), /`lookup` cannot be used in a derived column of a lookup/);
});
