// H, the first-step weighting's model of the error covariance within a unit (up to σ²). For iid errors,
// differenced errors are MA(1): 2 on the diagonal and −1 beside it (G). Between the differenced error at t
// and the level errors, the covariance is +1 with period t and −1 with period t − 1 ('full').
import { Matrix } from 'ml-matrix';
import type { FirstStepMatrix } from './spec.js';
import type { RowLayout } from './rows.js';

function differencedIid(n: number): Matrix {
  const g = Matrix.zeros(n, n);
  for (let i = 0; i < n; i++) {
    g.set(i, i, 2);
    if (i + 1 < n) {
      g.set(i, i + 1, -1);
      g.set(i + 1, i, -1);
    }
  }
  return g;
}

export function firstStepMatrix(fsm: FirstStepMatrix, layout: RowLayout): Matrix {
  const { diffRows, levelRows } = layout;
  const h = Matrix.eye(diffRows + levelRows);
  if (fsm === 'I') return h;
  h.setSubMatrix(differencedIid(diffRows), 0, 0);
  if (fsm === 'full') {
    // Difference row i is period first+1+i; level row j is period first+j (levels start one period earlier).
    for (let i = 0; i < diffRows; i++) {
      for (const [j, v] of [[i, -1], [i + 1, 1]]) {
        h.set(i, diffRows + j, v);
        h.set(diffRows + j, i, v);
      }
    }
  }
  return h;
}
