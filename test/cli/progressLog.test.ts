// The command line's progress lines: declarations as they start, a long loop's time so far and time left
// every tenth of the way (on a clock the test sets), and numbers and plurals in the log's sentences.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { duration, ProgressLog } from '../../server/src/cli/progressLog.ts';
import { plural, shortNumber } from '../../server/src/util/text.ts';

test('a loop reports each tenth with the time so far and the time left at its pace', () => {
  const lines: string[] = [];
  let clock = 0;
  const log = new ProgressLog((l) => lines.push(l), () => clock);
  log.declaration('model placebo', 0, 2);
  for (let rep = 0; rep < 100; rep += 5) {
    clock = rep * 380; // 0.38 s a permutation
    log.step(`model placebo: permutation ${rep + 1} of 100`, rep, 100);
  }
  assert.deepEqual(lines.slice(0, 2), ['[1/2] model placebo', '  model placebo: permutation 1 of 100']);
  assert.equal(lines.length, 2 + 9, 'the start, then one line per tenth after the first');
  assert.equal(lines[2], '  model placebo: permutation 11 of 100: 3.8 s so far, about 34 s left');
  assert.equal(lines.at(-1), '  model placebo: permutation 91 of 100: 34 s so far, about 3.8 s left');
  // A new declaration's loop starts its own clock.
  log.declaration('model bootstrap', 1, 2);
  clock = 100_000;
  log.step('model bootstrap: resample 1 of 10', 0, 10);
  clock = 101_000;
  log.step('model bootstrap: resample 2 of 10', 1, 10);
  assert.equal(lines.at(-1), '  model bootstrap: resample 2 of 10: 1.0 s so far, about 9.0 s left');
  log.declaration('done', 2, 2);
  assert.equal(lines.length, 14, 'the end of the run prints nothing');
});

test('durations in seconds, minutes and hours', () => {
  assert.deepEqual([0.42, 9.96, 38.2, 125, 3725].map(duration), ['0.4 s', '10 s', '38 s', '2 min 05 s', '1 h 02 min']);
});

test('numbers without float noise; counts with the right plural', () => {
  assert.equal(shortNumber(18.60000000000001), '18.6');
  assert.equal(shortNumber(0.3301075268817204), '0.3301');
  assert.equal(shortNumber(12345.678), '12346');
  assert.equal(shortNumber(-0.000123456), '-0.0001235');
  assert.equal(shortNumber(42), '42');
  assert.equal(shortNumber(Number.NaN), 'NaN');
  assert.deepEqual([0, 1, 2].map((n) => plural(n, 'row')), ['0 rows', '1 row', '2 rows']);
  assert.equal(plural(1, 'potential cluster'), '1 potential cluster');
});
