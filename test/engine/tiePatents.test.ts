// Tie provenance on case 01: each tie's patents are the ones its weight counts (per patent), with years and
// holders in order; the list is cut at the limit with the tie's full count kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SNA } from '../oracles/read.ts';
import { duckdb, sqlString } from '../../server/src/engine/data/duckdb.ts';
import { collaborationNetworks, type CollaborationOptions } from '../../server/src/engine/networks/collaboration.ts';
import { tiePatents } from '../../server/src/engine/networks/tiePatents.ts';
import { ALL_YEARS, type Window } from '../../server/src/engine/windows/windows.ts';

const HOLDERS = `(SELECT patent_id AS patent, applicant_order AS ord, region, applicant_id AS holder, 2000 + CAST(substr(patent_id, 2) AS INTEGER) % 3 AS year
  FROM read_csv(${sqlString(`${SNA}/01_directed_valued_12/patents.csv`)}))`;

const options = (ties: CollaborationOptions['ties']): CollaborationOptions => ({ ties, count: 'per_patent', keepIntra: false });

for (const ties of ['all_pairs', 'first_led'] as const) {
  test(`each ${ties} tie lists the patents its per-patent weight counts`, async () => {
    const db = await duckdb();
    const years: Window[] = [ALL_YEARS, { label: '2001', from: 2001, to: 2001 }];
    const networks = await collaborationNetworks(db, HOLDERS, years, options(ties));
    const provenance = await tiePatents(db, HOLDERS, years, options(ties), 1000);
    for (const [i, net] of networks.entries()) {
      assert.deepEqual(provenance[i].map((t) => [t.source, t.target, t.count]), net.ties.map((t) => [t.source, t.target, t.weight]));
      for (const tie of provenance[i]) assert.equal(tie.patents.length, tie.count);
    }
    assert.ok(provenance[1].every((t) => t.patents.every((p) => p.year === 2001)));
  });
}

test('a patent is listed with its year and its holders in order', async () => {
  const db = await duckdb();
  const [ties] = await tiePatents(db, HOLDERS, [ALL_YEARS], options('all_pairs'), 1000);
  const tie = ties.find((t) => t.source === 'JS' && t.target === 'SC');
  const p001 = tie?.patents.find((p) => p.id === 'P001');
  assert.deepEqual(p001, { id: 'P001', year: 2001, holders: ['A001_1 (SC)', 'A001_2 (JS)'] });
  // Earliest first, then by id.
  const keys = tie!.patents.map((p) => `${p.year}:${p.id}`);
  assert.deepEqual(keys, [...keys].sort());
});

test('the list is cut at the limit; the count stays the tie\'s', async () => {
  const db = await duckdb();
  const [full] = await tiePatents(db, HOLDERS, [ALL_YEARS], options('all_pairs'), 1000);
  const [cut] = await tiePatents(db, HOLDERS, [ALL_YEARS], options('all_pairs'), 1);
  assert.deepEqual(cut.map((t) => t.count), full.map((t) => t.count));
  assert.ok(cut.every((t) => t.patents.length === 1));
  assert.deepEqual(cut.map((t) => t.patents[0]), full.map((t) => t.patents[0]));
  assert.ok(full.some((t) => t.count > 1));
});

test('a bipartite restriction lists the kept ties, oriented left → right, as the network has them', async () => {
  const db = await duckdb();
  const left = "(SELECT * FROM (VALUES ('BJ'), ('SH')) AS l(region))";
  const right = `(SELECT DISTINCT region FROM ${HOLDERS} WHERE region NOT IN ('BJ', 'SH'))`;
  const options: CollaborationOptions = { ties: 'all_pairs', count: 'per_patent', keepIntra: false, between: { left, right } };
  const [net] = await collaborationNetworks(db, HOLDERS, [ALL_YEARS], options);
  const [ties] = await tiePatents(db, HOLDERS, [ALL_YEARS], options, 1000);
  assert.deepEqual(ties.map((t) => [t.source, t.target, t.count]), net.ties.map((t) => [t.source, t.target, t.weight]));
  assert.ok(ties.length > 0 && ties.every((t) => ['BJ', 'SH'].includes(t.source) && !['BJ', 'SH'].includes(t.target)));
});
