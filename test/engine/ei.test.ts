// Case 07 (../shared/oracles/sna/07_seed_paper_ei_check, copied to test/oracles): the seed paper's E-I
// tables, provincial and municipal. Each group row's E-I follows from its internal/external counts through
// the engine's E-I formula and rounds to the printed value; the last row is the whole network, whose counts
// are the sums of the group rows (UCINET's cell counting, METHODS A(d)).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SNA, readJson } from '../oracles/read.ts';
import { eiIndex } from '../../server/src/engine/networks/blocks.ts';

interface Row { internal: number; external: number; reported: number; computed: number }
const expected: Record<string, { rows: Row[]; sum_group_internal: number; sum_group_external: number }> = readJson(`${SNA}/07_seed_paper_ei_check/expected.json`);

for (const [level, table] of Object.entries(expected)) {
  test(`seed paper E-I table, ${level} level: every row and the totals (case 07)`, () => {
    for (const row of table.rows) {
      const { ei } = eiIndex(row.internal, row.external);
      assert.ok(ei !== null && Math.abs(ei - row.computed) <= 1e-12, `${row.internal}/${row.external}: ${ei} ≠ ${row.computed}`);
      assert.equal(Number(ei.toFixed(3)), row.reported, `${row.internal}/${row.external} rounds to the printed ${row.reported}`);
    }
    const groups = table.rows.slice(0, -1);
    const total = table.rows[table.rows.length - 1];
    const internal = groups.reduce((s, r) => s + r.internal, 0);
    const external = groups.reduce((s, r) => s + r.external, 0);
    assert.deepEqual([internal, external], [total.internal, total.external]);
    assert.deepEqual([internal, external], [table.sum_group_internal, table.sum_group_external]);
    assert.equal(Number(eiIndex(internal, external).ei!.toFixed(3)), total.reported);
  });
}

test('E-I of a group without ties is undefined (null), not 0', () => {
  assert.equal(eiIndex(0, 0).ei, null);
  assert.equal(eiIndex(0, 5).ei, 1);
  assert.equal(eiIndex(5, 0).ei, -1);
});
