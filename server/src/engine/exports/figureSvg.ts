// A Vega-Lite spec rendered to SVG text in Node: compiled to Vega and drawn by Vega's headless SVG string
// renderer (no canvas, no DOM; text widths estimated). Vega escapes every text and attribute it writes.
import { compile, type TopLevelSpec } from 'vega-lite';
import { parse, View } from 'vega';

export async function figureSvg(spec: TopLevelSpec): Promise<string> {
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
