// The stdlib digamma and trigamma the NB2 likelihood uses, against R (negbin_fractional_R.json) at the
// arguments the fractional-count golden needs, and their values at 1.
import { test } from 'node:test';
import digamma from '@stdlib/math-base-special-digamma';
import trigamma from '@stdlib/math-base-special-trigamma';
import { close, readEconJson } from '../models/econOracles.ts';

const { special } = readEconJson('negbin_fractional_R.json');

test('digamma and trigamma match R at small, medium and large arguments to 1e-12', () => {
  special.x.forEach((x: number, k: number) => {
    close(digamma(x), special.digamma[k], `digamma(${x})`, 1e-12);
    close(trigamma(x), special.trigamma[k], `trigamma(${x})`, 1e-12);
  });
  close(digamma(1), -0.5772156649015329, 'digamma(1) = −γ', 1e-12);
  close(trigamma(1), Math.PI ** 2 / 6, 'trigamma(1) = π²/6', 1e-12);
});
