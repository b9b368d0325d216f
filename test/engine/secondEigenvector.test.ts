// The second eigenvector by modulus of matrices built from known eigenpairs A = V·diag(λ)·V⁻¹: found by
// deflated power iteration when λ₂ stands clear of λ₃, by the full decomposition when they are too close.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Matrix, inverse } from 'ml-matrix';
import { secondEigenvector } from '../../server/src/engine/measures/regionTechnology/eigen.ts';

const V = new Matrix([[1, 0.3, -0.2, 0.5], [1, -0.7, 0.4, 0.1], [1, 0.2, 0.9, -0.6], [1, 0.5, -0.3, -0.8]]);

function withEigenvalues(values: number[]): number[][] {
  return V.mmul(Matrix.diag(values)).mmul(inverse(V)).to2DArray();
}

function assertParallel(actual: number[], wanted: number[]): void {
  const scale = actual[0] / wanted[0];
  actual.forEach((x, i) => assert.ok(Math.abs(x - scale * wanted[i]) <= 1e-9 * Math.abs(scale), `component ${i}: ${x} vs ${scale * wanted[i]}`));
}

test('λ₂ clear of λ₃: power iteration after deflation', () => {
  assertParallel(secondEigenvector(withEigenvalues([1, 0.5, 0.2, 0.05])), V.getColumn(1));
});

test('λ₂ next to λ₃: the full decomposition', () => {
  assertParallel(secondEigenvector(withEigenvalues([1, 0.5, 0.49995, -0.1])), V.getColumn(1));
});

test('the modulus ranks: a negative λ₂', () => {
  assertParallel(secondEigenvector(withEigenvalues([1, -0.6, 0.3, 0.1])), V.getColumn(1));
});
