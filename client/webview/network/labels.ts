// Node labels on sigma's label canvas (above the ties), each on a halo of the background colour so a tie
// crossing it does not hide it, and placed left of its node where it would run past the right border.
import type { NodeLabelDrawingFunction } from 'sigma/rendering';
import type { EdgeAttributes, NodeAttributes } from './graph.js';

export function labelDrawer(background: string): {
  draw: NodeLabelDrawingFunction<NodeAttributes, EdgeAttributes>;
  /** The labels drawn since the last call. */
  drawn: () => string[];
} {
  let drawn: string[] = [];
  return {
    draw(context, data, settings) {
      if (!data.label) return;
      context.font = `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
      const width = context.measureText(data.label).width;
      const gap = data.size + 3;
      // the canvas is scaled by the pixel ratio: its CSS width is what label positions are in
      const room = context.canvas.width / (window.devicePixelRatio || 1);
      const x = data.x + gap + width > room ? data.x - gap - width : data.x + gap;
      const y = data.y + settings.labelSize / 3;
      context.lineJoin = 'round';
      context.lineWidth = 3;
      context.strokeStyle = background;
      context.strokeText(data.label, x, y);
      context.fillStyle = settings.labelColor.color ?? '#333333';
      context.fillText(data.label, x, y);
      drawn.push(data.label);
    },
    drawn() {
      const labels = drawn;
      drawn = [];
      return labels;
    },
  };
}
