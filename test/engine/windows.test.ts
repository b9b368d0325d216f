// Windows: fixed periods (with and without a partial last period), rolling windows with a step, single
// years; lags and leads by window that never wrap around or invent zeros.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expandWindows } from '../../server/src/engine/windows/windows.ts';
import { shiftByWindows } from '../../server/src/engine/windows/lag.ts';

const labels = (plan: Parameters<typeof expandWindows>[0]) => expandWindows(plan).map((w) => w.label);

test('fixed periods, rolling windows and single years', () => {
  assert.deepEqual(labels({ kind: 'fixed', from: 2001, to: 2020, length: 5, partial: false }), ['2001–2005', '2006–2010', '2011–2015', '2016–2020']);
  assert.deepEqual(labels({ kind: 'fixed', from: 2001, to: 2018, length: 5, partial: false }), ['2001–2005', '2006–2010', '2011–2015']);
  assert.deepEqual(labels({ kind: 'fixed', from: 2001, to: 2018, length: 5, partial: true }), ['2001–2005', '2006–2010', '2011–2015', '2016–2018']);
  const rolling = expandWindows({ kind: 'rolling', from: 1998, to: 2017, length: 3, step: 1 });
  assert.equal(rolling.length, 18);
  assert.deepEqual([rolling[0], rolling[17]], [{ label: '1998–2000', from: 1998, to: 2000 }, { label: '2015–2017', from: 2015, to: 2017 }]);
  assert.deepEqual(labels({ kind: 'rolling', from: 1998, to: 2007, length: 4, step: 3 }), ['1998–2001', '2001–2004', '2004–2007']);
  assert.deepEqual(labels({ kind: 'yearly', from: 2011, to: 2013 }), ['2011', '2012', '2013']);
  assert.deepEqual(labels({ kind: 'fixed', from: 2001, to: 2003, length: 5, partial: false }), []);
});

test('lags and leads by window: null outside the sequence and where the unit has no value', () => {
  const values = new Map([['BJ', [1, 2, null, 4]], ['SH', [5, 6, 7, 8]]]);
  assert.deepEqual(shiftByWindows(values, 1), new Map([['BJ', [null, 1, 2, null]], ['SH', [null, 5, 6, 7]]]));
  assert.deepEqual(shiftByWindows(values, 3).get('SH'), [null, null, null, 5]);
  assert.deepEqual(shiftByWindows(values, -1).get('BJ'), [2, null, 4, null]);
  assert.deepEqual(shiftByWindows(values, 0), values);
  assert.throws(() => shiftByWindows(values, 1.5), /whole number of windows/);
});
