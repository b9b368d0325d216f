// Where result panels open, without VS Code: the first beside the spec, the others as tabs of the group the
// result panels are in (wherever the user moved them); which panel a new result replaces (never a pinned one);
// and the key a network's view is remembered under.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { networkViewKey, PanelSlots, resultColumn } from '../../client/src/panels/placement.ts';
import type { DeclarationResult } from '../../server/src/results/format.ts';

test('the first result panel opens beside the editor; later ones join the result panels group', () => {
  assert.equal(resultColumn([], undefined), 'beside');
  assert.equal(resultColumn([], 2), 'beside', 'the group was closed with its last panel');
  assert.equal(resultColumn([2], 2), 2);
  assert.equal(resultColumn([2, 2], undefined), 2);
});

test('a panel not yet shown has no column; the group last seen wins over others a panel was moved to', () => {
  assert.equal(resultColumn([undefined], undefined), 'beside');
  assert.equal(resultColumn([2, 3], 2), 2);
  assert.equal(resultColumn([2, 3], 3), 3);
  assert.equal(resultColumn([2, 3], 1), 3, 'the group last seen has no result panel: the latest panel\'s');
});

test('a network view is remembered per spec and network', () => {
  const result = (name: string, network: boolean) => ({ name, ...(network ? { network: { directed: false, windows: [] } } : {}) }) as unknown as DeclarationResult;
  const measures = result('rein_nodes', false);
  assert.equal(networkViewKey({ spec: '/s/a.study', results: [measures, result('rein', true)] }), 'innograph.networkView:/s/a.study#rein');
  assert.notEqual(networkViewKey({ spec: '/s/b.study', results: [result('rein', true)] }), networkViewKey({ spec: '/s/a.study', results: [result('rein', true)] }));
  assert.equal(networkViewKey({ results: [result('rein', true)] }), undefined, 'no spec (a results file opened without one)');
  assert.equal(networkViewKey({ spec: '/s/a.study', results: [measures] }), undefined);
});

test('a new result replaces its kind\'s panel unless that one is pinned', () => {
  const slots = new PanelSlots<string, string>();
  slots.add('regression', 'm1', false);
  slots.add('tables', 't1', false);
  assert.equal(slots.slot('regression'), 'm1');
  slots.pin('regression', 'm1', true);
  assert.equal(slots.slot('regression'), undefined, 'the next regression opens a new panel');
  slots.add('regression', 'm2', false);
  assert.equal(slots.slot('regression'), 'm2');
  assert.deepEqual(slots.all(), ['m1', 't1', 'm2']);
  slots.pin('regression', 'm1', false);
  assert.equal(slots.slot('regression'), 'm2', 'unpinned while another holds the slot: it stays a plain panel');
  slots.remove('regression', 'm2');
  assert.equal(slots.slot('regression'), undefined);
  slots.pin('regression', 'm1', false);
  assert.equal(slots.slot('regression'), 'm1', 'unpinned with the slot free: it takes it back');
  assert.deepEqual(slots.all(), ['m1', 't1']);
});

test('a panel revived pinned stays pinned', () => {
  const slots = new PanelSlots<string, string>();
  slots.add('regression', 'm1', true);
  assert.equal(slots.slot('regression'), undefined);
  assert.deepEqual(slots.all(), ['m1']);
});
