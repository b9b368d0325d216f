// Where the network view puts a node's label (client/webview/network/labels.ts): right of the node, or else left,
// above or below, whichever first covers no label already drawn and stays inside the canvas.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { placeLabel, type LabelBox } from '../../client/webview/network/labels.ts';

const room = { width: 400, height: 300 };
const SIZE = 12;
const WIDTH = 60;
const overlap = (a: LabelBox, b: LabelBox) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

test('a label goes right of its node, left where it would run past the border', () => {
  const right = placeLabel({ x: 100, y: 100, radius: 5 }, WIDTH, SIZE, room, [], false)!;
  assert.deepEqual([right.x, right.y], [108, 104]);
  assert.deepEqual(right.box, { left: 108, top: 92, right: 168, bottom: 108 });
  const left = placeLabel({ x: 380, y: 100, radius: 5 }, WIDTH, SIZE, room, [], false)!;
  assert.deepEqual([left.x, left.box.right], [380 - 8 - WIDTH, 372]);
});

test('a label that would cover one already drawn goes left, then above, then below; covered on every side it is left out, or drawn right when it must be', () => {
  const node = { x: 200, y: 150, radius: 4 };
  const taken: LabelBox[] = [];
  const sides: string[] = [];
  for (let k = 0; k < 4; k++) {
    const { box } = placeLabel(node, WIDTH, SIZE, room, taken, false)!;
    sides.push(box.left > node.x ? 'right' : box.right < node.x ? 'left' : box.bottom < node.y ? 'above' : 'below');
    assert.ok(taken.every((t) => !overlap(t, box)), `place ${k} covers nothing`);
    taken.push(box);
  }
  assert.deepEqual(sides, ['right', 'left', 'above', 'below']);
  assert.equal(placeLabel(node, WIDTH, SIZE, room, taken, false), undefined);
  assert.deepEqual(placeLabel(node, WIDTH, SIZE, room, taken, true)!.box, taken[0]);
});

test('labels of a tight column of nodes, placed in turn, cover none of each other', () => {
  const taken: LabelBox[] = [];
  for (let k = 0; k < 12; k++) {
    // nodes 0.7 labels apart: every label on the same side would cover its neighbours'
    const place = placeLabel({ x: 200, y: 40 + k * 0.7 * (SIZE * 4) / 3, radius: 3 }, WIDTH, SIZE, room, taken, true)!;
    assert.ok(taken.every((t) => !overlap(t, place.box)), `label ${k}`);
    taken.push(place.box);
  }
  assert.ok(taken.some((b) => b.left > 200) && taken.some((b) => b.right < 200), 'both sides used');
});

test('a label stays inside the canvas where a place is, and inside its width in a corner', () => {
  const inside = (b: LabelBox) => b.left >= 0 && b.right <= room.width && b.top >= 0 && b.bottom <= room.height;
  for (const node of [{ x: 398, y: 150 }, { x: 200, y: 1 }, { x: 200, y: 299 }, { x: 1, y: 150 }]) {
    assert.ok(inside(placeLabel({ ...node, radius: 4 }, WIDTH, SIZE, room, [], false)!.box), JSON.stringify(node));
  }
  for (const node of [{ x: 2, y: 2 }, { x: 398, y: 2 }, { x: 2, y: 298 }, { x: 398, y: 298 }]) {
    const { box } = placeLabel({ ...node, radius: 4 }, WIDTH, SIZE, room, [], true)!;
    assert.ok(box.left >= 0 && box.right <= room.width, JSON.stringify(node));
  }
});
