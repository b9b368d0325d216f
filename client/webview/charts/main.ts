// Charts panel: Vega-Lite charts of a result, rendered as SVG under the webview's CSP: Vega's expression
// interpreter (`ast: true`) instead of code generation, and no style sheets injected by vega-embed or its tooltip.
import '../shared/base.css';
import './charts.css';
import embed, { type Result } from 'vega-embed';
import { expressionInterpreter } from 'vega-interpreter';
import { chartKinds, type ChartKind } from '../../../server/src/engine/exports/charts.js';
import { chartSpec, type ChartColors } from '../../../server/src/engine/exports/chartSpecs.js';
import { button, h } from '../shared/dom.js';
import { savePng, saveText, themeColor } from '../shared/files.js';
import { focusOf, renderFrame } from '../shared/frame.js';
import { startPanel } from '../shared/host.js';

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

startPanel({
  show(content) {
    for (const v of views) v.finalize();
    views = [];
    const focus = focusOf(content);
    const kinds = chartKinds(focus);
    const sections = kinds.map((kind, i) => {
      const holder = h('div', { class: 'vega' });
      return { kind, holder, section: chartSection(focus.name, kind, holder, () => views[i]) };
    });
    renderFrame(content, [], h('div', { class: 'charts' }, ...sections.map((s) => s.section)));
    document.body.dataset.charts = 'pending';
    void Promise.all(sections.map(({ kind, holder }) => embed(holder, chartSpec(kind, focus, colors()), {
      renderer: 'svg',
      actions: false,
      ast: true,
      expr: expressionInterpreter,
      defaultStyle: false,
      tooltip: { disableDefaultStyle: true },
    }))).then((results) => {
      views = results;
      document.body.dataset.charts = 'rendered';
    }, (e: unknown) => {
      document.body.dataset.charts = 'error';
      document.getElementById('root')!.append(h('p', { class: 'panel-error' }, `The chart could not be drawn: ${e instanceof Error ? e.message : String(e)}`));
    });
  },
});
