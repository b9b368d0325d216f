// Regression table panel: models side by side as esttab / etable print them, from the same formatted grid
// the LaTeX, Markdown, HTML, CSV and Word exports use (the extension writes those files). Pinned, the panel
// stays as it is and the next regression opens beside it, to compare runs.
import '../shared/base.css';
import './regression.css';
import { formatRegression, noteLines, type FormattedCell, type FormattedRow } from '../../../server/src/engine/exports/regressionTable.js';
import { regressionOf } from '../../../server/src/engine/exports/regressionTable.js';
import type { PanelContent, RegressionFormat } from '../../src/panels/messages.js';
import { button, h, labelled, select } from '../shared/dom.js';
import { focusOf, renderFrame } from '../shared/frame.js';
import { keep, post, startPanel } from '../shared/host.js';

const FORMATS: [RegressionFormat, string][] = [['tex', 'LaTeX (booktabs)'], ['md', 'Markdown'], ['csv', 'CSV'], ['html', 'HTML'], ['docx', 'Word (.docx)']];

const cell = (c: FormattedCell) => h('td', {}, c.text, c.stars ? h('sup', { class: 'stars' }, c.stars) : null);
const bodyRows = (rows: FormattedRow[], className: string) =>
  h('tbody', { class: className }, ...rows.map((r) => h('tr', {}, h('th', { scope: 'row' }, r.label), ...r.cells.map(cell))));

function pinButton(content: PanelContent): HTMLButtonElement {
  let pinned = content.pinned ?? false;
  const label = () => (pinned ? 'Unpin' : 'Pin');
  const pin = button(label(), () => {
    pinned = !pinned;
    pin.textContent = label();
    pin.setAttribute('aria-pressed', String(pinned));
    keep({ pinned });
    post({ type: 'pin', pinned });
  }, 'Keep this table: the next regression opens in a new panel beside it');
  pin.setAttribute('aria-pressed', String(pinned));
  return pin;
}

function toolbar(): HTMLElement[] {
  let format: RegressionFormat = 'tex';
  const copy = button('Copy', () => post({ type: 'exportRegression', format, to: 'clipboard' }), 'Copy the table in the chosen format');
  const formats = select(FORMATS, format, (value) => {
    format = value as RegressionFormat;
    copy.disabled = format === 'docx';
  }, 'Export format');
  return [labelled('Format', formats), button('Save…', () => post({ type: 'exportRegression', format, to: 'file' }), 'Save the table in the chosen format'), copy];
}

startPanel({
  show(content) {
    const table = regressionOf(focusOf(content), content.labels);
    if (!table) throw new Error(`${content.focus} has no regression table`);
    const f = formatRegression(table);
    const [numbers, ...head] = f.head;
    const element = h('table', { class: 'regression' },
      f.title ? h('caption', {}, f.title) : null,
      h('thead', {},
        h('tr', {}, h('th'), ...numbers.slice(1).map((n) => h('th', {}, n))),
        ...head.map(([label, ...cells]) => h('tr', {}, h('th', { scope: 'row' }, label), ...cells.map((c) => h('th', {}, c))))),
      bodyRows(f.coefficients, 'coefficients'),
      f.stats.length ? bodyRows(f.stats, 'stats') : null,
      h('tfoot', {}, h('tr', {}, h('td', { colspan: String(numbers.length) }, ...noteLines(f).flatMap((line, i) => (i ? [h('br'), line] : [line]))))));
    renderFrame(content, [...toolbar(), pinButton(content)], h('div', { class: 'regression-holder' }, element));
  },
});
