// roundR against R 4.2.2's round() on halves and near-halves (printed by R: round(x, 2) and round(x, 0)).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { roundR } from '../../server/src/engine/stats/round.ts';

const x = [0.125, 0.135, 2.675, 1.005, 0.5, 1.5, 2.5, -0.125, 0.285, 1.115];

test('two digits as R rounds them', () => {
  assert.deepEqual(x.map((v) => roundR(v, 2)), [0.12, 0.14, 2.67, 1, 0.5, 1.5, 2.5, -0.12, 0.28, 1.11]);
});

test('whole numbers: halves to the even neighbour', () => {
  assert.deepEqual(x.map((v) => roundR(v, 0) + 0), [0, 0, 3, 1, 0, 2, 2, 0, 0, 1]);
});
