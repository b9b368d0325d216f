// Charts panel: Vega-Lite charts of a result, rendered as SVG under the webview's CSP: Vega's expression
// interpreter (`ast: true`) instead of code generation, and no style sheets injected by vega-embed or its tooltip.
// Charts are fitted to the panel's width (fit.ts) and drawn again when it changes.
import '../shared/base.css';
import './charts.css';
import embed, { type EmbedOptions, type Result } from 'vega-embed';
import { expressionInterpreter } from 'vega-interpreter';
import { chartKinds, type ChartKind } from '../../../server/src/engine/exports/charts.js';
import type { DeclarationResult } from '../../../server/src/results/format.js';
import { chartSpec, type ChartColors } from '../../../server/src/engine/exports/chartSpecs.js';
import { button, h } from '../shared/dom.js';
import { savePng, saveText, themeColor } from '../shared/files.js';
import { focusOf, renderFrame } from '../shared/frame.js';
import { startPanel } from '../shared/host.js';
import { fitted } from './fit.js';

const OPTIONS: EmbedOptions = {
  renderer: 'svg',
  actions: false,
  ast: true,
  expr: expressionInterpreter,
  defaultStyle: false,
  tooltip: { disableDefaultStyle: true },
};

function colors(): ChartColors {
  return {
    foreground: themeColor('--vscode-editor-foreground', '#333333'),
    muted: themeColor('--vscode-descriptionForeground', '#777777'),
    grid: themeColor('--vscode-panel-border', '#80808040'),
    accent: themeColor('--vscode-charts-blue', '#3794ff'),
    font: themeColor('--vscode-font-family', 'sans-serif'),
  };
}

let views: Result[] = [];
let resizing: ResizeObserver | undefined;

function chartSection(declaration: string, kind: ChartKind, holder: HTMLElement, view: () => Result | undefined): HTMLElement {
  const svg = async () => view()!.view.toSVG();
  return h('section', { class: 'chart', 'data-chart': kind },
    h('div', { class: 'toolbar' },
      button('Save SVG…', async () => saveText(`${declaration}.${kind}.svg`, await svg())),
      button('Save PNG…', async () => {
        const text = await svg();
        const { width, height } = holder.querySelector('svg')!.getBoundingClientRect();
        await savePng(`${declaration}.${kind}.png`, text, width, height);
      })),
    holder);
}

interface Section { kind: ChartKind; holder: HTMLElement }

/** Draws every chart at the charts' current width; a later call (a resize) waits for this one. */
let drawing: Promise<void> = Promise.resolve();
function draw(focus: DeclarationResult, sections: readonly Section[], width: number): void {
  document.body.dataset.charts = 'pending';
  drawing = drawing.then(async () => {
    for (const v of views) v.finalize();
    views = [];
    try {
      views = await Promise.all(sections.map(({ kind, holder }) => embed(holder, fitted(chartSpec(kind, focus, colors()), width), OPTIONS)));
      document.body.dataset.chartWidth = String(width);
      document.body.dataset.charts = 'rendered';
    } catch (e) {
      document.body.dataset.charts = 'error';
      document.getElementById('root')!.append(h('p', { class: 'panel-error' }, `The chart could not be drawn: ${e instanceof Error ? e.message : String(e)}`));
    }
  });
}

startPanel({
  show(content) {
    resizing?.disconnect();
    const focus = focusOf(content);
    const sections = chartKinds(focus).map((kind, i) => {
      const holder = h('div', { class: 'vega' });
      return { kind, holder, section: chartSection(focus.name, kind, holder, () => views[i]) };
    });
    const charts = h('div', { class: 'charts' }, ...sections.map((s) => s.section));
    renderFrame(content, [], charts);
    let width = charts.clientWidth;
    draw(focus, sections, width);
    resizing = new ResizeObserver(() => {
      if (charts.clientWidth === width) return;
      width = charts.clientWidth;
      draw(focus, sections, width);
    });
    resizing.observe(charts);
  },
});
