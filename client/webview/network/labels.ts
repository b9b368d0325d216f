// Node labels on sigma's label canvas (above the ties), each on a halo of the background colour so a tie
// crossing it does not hide it. A label goes right of its node, or else left, above or below, whichever first
// covers no label already drawn in the frame and stays inside the canvas; sigma's label grid spaces labels by
// cells, which long names outgrow, so a label with no free place is left out (shown on hover or zoomed in),
// except the largest nodes', which are always drawn. A hovered or highlighted node gets a ring and its label
// where the frame put it (sigma's default puts it on a white box, which a dark theme's light text cannot be
// read on).
import type { NodeHoverDrawingFunction, NodeLabelDrawingFunction } from 'sigma/rendering';
import type { EdgeAttributes, NodeAttributes } from '../../../server/src/engine/networkPicture/graph.js';

type Draw = NodeLabelDrawingFunction<NodeAttributes, EdgeAttributes>;

/** A label's extent on the canvas, in CSS pixels. */
export interface LabelBox { left: number; top: number; right: number; bottom: number }

/** Where a label's text starts (x) and its baseline (y), and the box it covers. */
export interface LabelPlace { x: number; y: number; box: LabelBox }

/**
 * The place of a `width` × `size` label of the node at (x, y) with radius `radius`: the first of right, left,
 * above and below that stays within the `room` and covers none of `taken`. None when every such place is taken,
 * unless the label must be drawn (`force`): then the first within the room, else the first within its width (a
 * node in a corner), else right.
 */
export function placeLabel(node: { x: number; y: number; radius: number }, width: number, size: number, room: { width: number; height: number }, taken: readonly LabelBox[], force: boolean): LabelPlace | undefined {
  const gap = node.radius + 3;
  // A baseline sits a third of the font size below the middle of the text's height.
  const at = (x: number, y: number): LabelPlace => ({ x, y, box: { left: x, top: y - size, right: x + width, bottom: y + size / 3 } });
  // Above and below clear the node and the band a label beside it takes (2/3 of the size either side of its middle).
  const places = [
    at(node.x + gap, node.y + size / 3),
    at(node.x - gap - width, node.y + size / 3),
    at(node.x - width / 2, node.y - Math.max(gap, (2 * size) / 3) - size / 3),
    at(node.x - width / 2, node.y + Math.max(gap, (2 * size) / 3) + size),
  ];
  const across = ({ box }: LabelPlace) => box.left >= 0 && box.right <= room.width;
  const inside = (p: LabelPlace) => across(p) && p.box.top >= 0 && p.box.bottom <= room.height;
  const free = ({ box }: LabelPlace) => !taken.some((t) => box.left < t.right && t.left < box.right && box.top < t.bottom && t.top < box.bottom);
  const found = places.find((p) => inside(p) && free(p));
  if (found || !force) return found;
  return places.find(inside) ?? places.find(across) ?? places[0];
}

export function labelDrawer(background: string): {
  draw: Draw;
  hover: NodeHoverDrawingFunction<NodeAttributes, EdgeAttributes>;
  /** The labels the frame drew (not hovered) and their boxes; the next frame starts afresh. */
  frameDone: () => { labels: string[]; boxes: LabelBox[] };
} {
  // The frame being drawn (each label's place, and their boxes in drawing order), and the last one finished
  // (where a hovered node's label is between frames). Labels name nodes, one each.
  let frame = new Map<string, LabelPlace>();
  let boxes: LabelBox[] = [];
  let finished = new Map<string, LabelPlace>();
  const text = (context: CanvasRenderingContext2D, data: Parameters<Draw>[1], settings: Parameters<Draw>[2], place: (width: number) => LabelPlace | undefined) => {
    if (!data.label) return;
    context.font = `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
    const at = place(context.measureText(data.label).width);
    if (!at) return;
    context.lineJoin = 'round';
    context.lineWidth = 3;
    context.strokeStyle = background;
    context.strokeText(data.label, at.x, at.y);
    context.fillStyle = settings.labelColor.color ?? '#333333';
    context.fillText(data.label, at.x, at.y);
  };
  // the canvas is scaled by the pixel ratio: label positions are in its CSS pixels
  const room = (context: CanvasRenderingContext2D) => ({ width: context.canvas.width / (window.devicePixelRatio || 1), height: context.canvas.height / (window.devicePixelRatio || 1) });
  const node = (data: Parameters<Draw>[1]) => ({ x: data.x, y: data.y, radius: data.size });
  return {
    draw(context, data, settings) {
      text(context, data, settings, (width) => {
        // A label sigma's grid chose is left out where it would cover another; the largest nodes' never are.
        const place = placeLabel(node(data), width, settings.labelSize, room(context), boxes, data.forceLabel === true || data.highlighted === true);
        if (!place) return undefined;
        frame.set(data.label!, place);
        boxes.push(place.box);
        return place;
      });
    },
    hover(context, data, settings) {
      context.beginPath();
      context.arc(data.x, data.y, data.size + 2, 0, 2 * Math.PI);
      context.lineWidth = 2;
      context.strokeStyle = settings.labelColor.color ?? '#333333';
      context.stroke();
      text(context, data, settings, (width) => frame.get(data.label!) ?? finished.get(data.label!) ?? placeLabel(node(data), width, settings.labelSize, room(context), [], true));
    },
    frameDone() {
      const drawn = { labels: [...frame.keys()], boxes };
      finished = frame;
      frame = new Map();
      boxes = [];
      return drawn;
    },
  };
}
