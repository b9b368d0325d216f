// DuckDB tables read column by column (engine/data/columnar.ts) and the factor codes taken from them
// (formula/factor.ts): the same values, order and codes as reading rows one by one and hashing each value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeDuckdb, duckdb } from '../../server/src/engine/data/duckdb.ts';
import { readTable } from '../../server/src/engine/data/columnar.ts';
import type { Column } from '../../server/src/engine/data/dataTable.ts';
import { factorCodes } from '../../server/src/engine/models/formula/factor.ts';

// Several chunks (DuckDB's are 2,048 rows), NULLs in every kind of column, text out of sorted order, dates as
// text and an INTERVAL, which the type pattern takes for a number: missing throughout, as it always read.
const ROWS = 5000;
const SQL = `CREATE TEMP TABLE t AS SELECT
  CASE WHEN k % 7 = 0 THEN NULL ELSE (k * 37) % 101 END::BIGINT AS n,
  CASE WHEN k % 11 = 0 THEN NULL ELSE k / 4 END::DOUBLE AS x,
  CASE WHEN k % 13 = 0 THEN NULL ELSE chr((122 - (k * 7) % 26)::INTEGER) || (k % 3) END AS s,
  DATE '2020-01-01' + (k % 5)::INTEGER AS d,
  to_days((k % 3)::INTEGER) AS iv
  FROM range(${ROWS}) r(k) ORDER BY (k * 7919) % ${ROWS}`;

/** The reference: every row as JS values, as the runner read tables before. */
function rowByRow(rows: unknown[][], c: number, numeric: boolean): Column {
  const values = rows.map((r) => r[c]);
  if (numeric) return { type: 'number', values: Float64Array.from(values, (v) => (v === null ? NaN : Number(v))) };
  return { type: 'text', values: values.map((v) => (v === null ? null : String(v))) };
}

/** Codes by a Map over values, in order of first appearance. */
function mapCodes(column: Column, rows: Int32Array): Int32Array {
  const seen = new Map<unknown, number>();
  return Int32Array.from(rows, (r) => {
    const v = column.values[r];
    if (!seen.has(v)) seen.set(v, seen.size);
    return seen.get(v)!;
  });
}

test('columns come from the chunks in the table\'s order: numbers with NaN, text with its dictionary', async () => {
  const db = await duckdb();
  try {
    await db.run(SQL);
    const rows = (await db.runAndReadAll('SELECT * FROM t')).getRows();
    const table = await readTable(db, 't');
    assert.equal(table.rows, ROWS);
    assert.deepEqual([...table.columns.keys()], ['n', 'x', 's', 'd', 'iv']);
    ['n', 'x', 's', 'd', 'iv'].forEach((name, c) => {
      const column = table.columns.get(name)!;
      const expected = rowByRow(rows, c, name !== 's' && name !== 'd');
      assert.equal(column.type, expected.type, name);
      assert.deepEqual(Array.from(column.values as ArrayLike<unknown>), Array.from(expected.values as ArrayLike<unknown>), name);
      if (column.type !== 'text') return;
      const { codes, levels } = column.dictionary!;
      assert.deepEqual(Array.from(codes, (k) => (k < 0 ? null : levels[k])), column.values, `${name} codes`);
      assert.equal(new Set(levels).size, levels.length, `${name} levels distinct`);
    });
  } finally {
    closeDuckdb(db);
  }
});

test('factor codes from dictionaries and whole numbers equal those of a Map, in order of first appearance', async () => {
  const db = await duckdb();
  try {
    await db.run(SQL);
    const table = await readTable(db, 't');
    for (const column of table.columns.values()) {
      const present = Int32Array.from({ length: ROWS }, (_, r) => r).filter((r) => column.values[r] !== null && !Number.isNaN(column.values[r]));
      const sample = present.filter((r) => r % 3 !== 1); // a subsample, as after listwise deletion
      const factor = factorCodes(column, sample);
      assert.deepEqual(factor.codes, mapCodes(column, sample));
      assert.equal(factor.levels, new Set(factor.codes).size);
    }
    const fractions: Column = { type: 'number', values: Float64Array.from([0.5, 2, 0.5, -1, 2]) };
    const wide: Column = { type: 'number', values: Float64Array.from([1e12, 3, 1e12, -0, 0]) };
    const all = Int32Array.from([0, 1, 2, 3, 4]);
    assert.deepEqual(Array.from(factorCodes(fractions, all).codes), [0, 1, 0, 2, 1]);
    assert.deepEqual(Array.from(factorCodes(wide, all).codes), [0, 1, 0, 2, 2]);
  } finally {
    closeDuckdb(db);
  }
});
