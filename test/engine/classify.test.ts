// Classification of any numeric column against R classInt 0.4.9 (scripts/golden_classify.R): Jenks (breaks
// at the classes' upper data values, GVF), Fisher's same partition, quantiles of types 7 and 6, equal
// intervals; class counts under right-closed classes (cut, ArcGIS) and under classInt's own closure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { classTable, type ClassMethod } from '../../server/src/engine/stats/classify.ts';
import type { QuantileType } from '../../server/src/engine/stats/quantile.ts';
import { readJson } from '../oracles/read.ts';

interface Case {
  sample: string; style: string; k: number; type: number | null; breaks: number[];
  classint_counts: number[]; classint_closure: 'right' | 'left'; right_counts: number[]; right_min: number[]; right_max: number[];
  gvf_right: number; classint_gvf: number | null;
}
const golden: { samples: Record<string, (number | null)[]>; cases: Case[] } = readJson(resolve(import.meta.dirname, '../oracles/stats/classify.json'));
const sample = (name: string) => golden.samples[name].filter((x): x is number => x !== null);
const METHOD: Record<string, ClassMethod> = { jenks: 'jenks', fisher: 'jenks', quantile: 'quantile', equal: 'equal' };

const close = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);

for (const c of golden.cases) {
  const what = `${c.sample} ${c.style}(${c.k})${c.type ? ` type ${c.type}` : ''}`;
  test(`${what}: counts, class extremes and GVF as R; breaks as classInt's`, () => {
    const options = { quantileType: (c.type ?? 7) as QuantileType };
    const right = classTable(sample(c.sample), METHOD[c.style], c.k, { ...options, closure: 'right' });
    assert.deepEqual(right.classes.map((k) => k.count), c.right_counts);
    right.classes.forEach((k, i) => { close(k.min!, c.right_min[i], `${what} min ${i + 1}`); close(k.max!, c.right_max[i], `${what} max ${i + 1}`); });
    close(right.gvf, c.gvf_right, `${what} GVF`);
    if (c.classint_gvf !== null) close(right.gvf, c.classint_gvf, `${what} classInt GVF`);
    // Fisher prints midpoints between classes; Jenks (ArcGIS) the upper data value of each, i.e. the class maxima.
    if (c.style === 'fisher') right.classes.slice(0, -1).forEach((k, i) => close((k.max! + right.classes[i + 1].min!) / 2, c.breaks[i + 1], `${what} midpoint ${i + 1}`));
    else right.breaks.forEach((b, i) => close(b, c.breaks[i], `${what} break ${i}`));
    if (c.style === 'fisher') return;
    const own = classTable(sample(c.sample), METHOD[c.style], c.k, { ...options, closure: c.classint_closure });
    assert.deepEqual(own.classes.map((k) => k.count), c.classint_counts, `${what} with classInt's ${c.classint_closure} closure`);
  });
}

test('coinciding quantile breaks merge into fewer classes; GVF is 1 when every value is equal', () => {
  const t = classTable([1, 1, 1, 1, 1, 1, 2, 3], 'quantile', 4);
  assert.deepEqual(t.breaks, [1, 1.25, 3]);
  assert.deepEqual(t.classes.map((k) => k.count), [6, 2]);
  assert.equal(classTable([5, 5, 5], 'equal', 2).gvf, 1);
});
