// Directed ties are drawn as arcs bent to the left of their direction, so A→B and B→A are two arcs: the
// network panel's WebGL program and the SVG (svg.ts) place the same quadratic Bézier.

/** The control point's distance from the chord's middle, as a share of the chord. */
export const CURVATURE = 0.15;

/** The Bézier control point of a tie (graph coordinates, y up). */
export function controlPoint(source: { x: number; y: number }, target: { x: number; y: number }): { x: number; y: number } {
  return { x: (source.x + target.x) / 2 - (target.y - source.y) * CURVATURE, y: (source.y + target.y) / 2 + (target.x - source.x) * CURVATURE };
}
