// Node labels on sigma's label canvas (above the ties), each on a halo of the background colour so a tie
// crossing it does not hide it, and placed left of its node where it would run past the right border. A
// hovered or highlighted node gets a ring and the same label (sigma's default puts it on a white box, which
// a dark theme's light text cannot be read on).
import type { NodeHoverDrawingFunction, NodeLabelDrawingFunction } from 'sigma/rendering';
import type { EdgeAttributes, NodeAttributes } from '../../../server/src/engine/networkPicture/graph.js';

type Draw = NodeLabelDrawingFunction<NodeAttributes, EdgeAttributes>;

export function labelDrawer(background: string): {
  draw: Draw;
  hover: NodeHoverDrawingFunction<NodeAttributes, EdgeAttributes>;
  /** The labels drawn (not hovered) since the last call. */
  drawn: () => string[];
} {
  let drawn: string[] = [];
  const text: Draw = (context, data, settings) => {
    if (!data.label) return;
    context.font = `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
    const width = context.measureText(data.label).width;
    const gap = data.size + 3;
    // the canvas is scaled by the pixel ratio: label positions are in its CSS pixels
    const room = context.canvas.width / (window.devicePixelRatio || 1);
    const x = data.x + gap + width > room ? data.x - gap - width : data.x + gap;
    const y = data.y + settings.labelSize / 3;
    context.lineJoin = 'round';
    context.lineWidth = 3;
    context.strokeStyle = background;
    context.strokeText(data.label, x, y);
    context.fillStyle = settings.labelColor.color ?? '#333333';
    context.fillText(data.label, x, y);
  };
  return {
    draw(context, data, settings) {
      text(context, data, settings);
      if (data.label) drawn.push(data.label);
    },
    hover(context, data, settings) {
      context.beginPath();
      context.arc(data.x, data.y, data.size + 2, 0, 2 * Math.PI);
      context.lineWidth = 2;
      context.strokeStyle = settings.labelColor.color ?? '#333333';
      context.stroke();
      text(context, data, settings);
    },
    drawn() {
      const labels = drawn;
      drawn = [];
      return labels;
    },
  };
}
