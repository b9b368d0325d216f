// Tiers across windows: each window by its own breaks, or every window by one window's breaks
// (`tier_window:`, as seed 002 draws each period's map with the 2016–2020 natural breaks).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { classify } from '../../server/src/engine/stats/classify.ts';
import { records, result, runSpec } from './harness.ts';

const SPEC = fileURLToPath(new URL('../../examples/tiers_test.study', import.meta.url));
const spec = (tierWindow: string) => `
dataset patents from "data/rare_earth/patents.csv" { id: patent_id  year: app_year }
dataset applicants from "data/rare_earth/applicants.csv" { patent: patent_id  order: seq  region: province  joins: patents }
windows periods = 2001..2020 by 5
network rein = coapplication(applicants) { ties: first_led  windows: periods }
measures degrees = nodes(rein) {
  degree
  tiers: jenks(3) of degree
  ${tierWindow}
}
measures ties = ties(rein) {
  weight
  tiers: quantiles(4) of weight
  ${tierWindow}
}
`;

/** Each window's (value, tier) pairs of a table. */
function byWindow(rows: Record<string, unknown>[], value: string, tier: string): Map<string, [number, number][]> {
  const out = new Map<string, [number, number][]>();
  for (const r of rows) {
    const list = out.get(r.window as string) ?? [];
    list.push([r[value] as number, r[tier] as number]);
    out.set(r.window as string, list);
  }
  return out;
}

test('by default each window is classed by its own breaks', async () => {
  const rows = records(result(await runSpec(SPEC, spec('')), 'degrees'), 'nodes');
  for (const [window, pairs] of byWindow(rows, 'degree', 'degree_tier')) {
    const { codes } = classify(pairs.map(([v]) => v), 'jenks', 3);
    assert.deepEqual(pairs.map(([, t]) => t), [...codes], window);
  }
});

test('tier_window classes every window by the breaks of one window', async () => {
  const results = await runSpec(SPEC, spec('tier_window: 2016..2020'));
  for (const [name, table, value, tier, method, k] of [['degrees', 'nodes', 'degree', 'degree_tier', 'jenks', 3], ['ties', 'ties', 'weight', 'weight_tier', 'quantile', 4]] as const) {
    const r = result(results, name);
    const windows = byWindow(records(r, table), value, tier);
    const { breaks } = classify(windows.get('2016–2020')!.map(([v]) => v), method, k);
    // Right-closed classes, values beyond the extremes kept in the first or last tier.
    const tierOf = (v: number) => {
      const c = breaks.findIndex((b, i) => i > 0 && v <= b);
      return c === -1 ? breaks.length - 1 : c;
    };
    for (const [window, pairs] of windows) for (const [v, t] of pairs) assert.equal(t, tierOf(v), `${name} ${window}: ${v}`);
    // The option changes something: the first period's own breaks would class it differently.
    const first = windows.get('2001–2005')!;
    const own = classify(first.map(([v]) => v), method, k).codes;
    assert.ok(first.some(([, t], i) => t !== own[i]), `${name}: 2001–2005 classed as by its own breaks`);
    assert.ok(r.notes.some((n) => n.includes('classed by the breaks of window 2016–2020')), r.notes.join('\n'));
  }
});

test('a tier_window that is not measured is an error on the option', async () => {
  const results = await runSpec(SPEC, spec('tier_window: 1990..1995'));
  const failed = result(results, 'degrees');
  assert.match(failed.error?.message ?? '', /`tier_window` 1990–1995 is not among the windows measured \(2001–2005, 2006–2010, 2011–2015, 2016–2020\)/);
});
