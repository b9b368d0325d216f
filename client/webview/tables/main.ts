// Tables panel: every table of a declaration (descriptives, correlations, block density and image, E-I,
// node measures as a top-N centrality list …), sortable, filtered by window where it has one, saved as CSV.
import '../shared/base.css';
import type { Table } from '../../../server/src/results/format.js';
import { dataTable, tableDecimals } from '../shared/dataTable.js';
import { button, h, labelled, select } from '../shared/dom.js';
import { saveText } from '../shared/files.js';
import { tableCsv } from '../../../server/src/engine/exports/csv.js';
import { focusOf, renderFrame } from '../shared/frame.js';
import { startPanel } from '../shared/host.js';
import { labelVariables } from '../../../server/src/engine/exports/termLabels.js';

const ALL = '\u0000all';

/** `shown`: the table with its variables labelled; the CSV saved is the data as the run wrote it. */
function tableSection(declaration: string, name: string, table: Table, shown: Table, digits: number | undefined): HTMLElement {
  const section = h('section', { class: 'table', 'data-table': name });
  const windowColumn = table.columns.indexOf('window');
  const windows = windowColumn < 0 ? [] : [...new Set(table.rows.map((r) => String(r[windowColumn])))];
  const holder = h('div');
  const decimals = tableDecimals(shown, digits);
  const show = (window: string) => {
    const rows = window === ALL ? shown.rows : shown.rows.filter((r) => String(r[windowColumn]) === window);
    holder.replaceChildren(dataTable({ columns: shown.columns, rows }, decimals));
  };
  const save = button('Save CSV…', () => saveText(`${declaration}.${name}.csv`, tableCsv(table)), `Save ${name} as CSV`);
  const filter = windows.length > 1 ? labelled('Window', select([[ALL, 'all windows'], ...windows.map((w) => [w, w] as const)], ALL, show)) : null;
  section.append(h('h2', {}, name, h('span', { class: 'count' }, ` ${table.rows.length} rows`)), h('div', { class: 'toolbar' }, save, filter), holder);
  show(ALL);
  return section;
}

startPanel({
  show(content) {
    const focus = focusOf(content);
    const labels = new Map(Object.entries(content.labels ?? {}));
    const tables = Object.entries(focus.tables);
    const body = h('div', { class: 'tables' }, ...(tables.length ? tables.map(([name, table]) => tableSection(focus.name, name, table, labelVariables(table, labels), focus.regression?.digits)) : [h('p', {}, focus.status === 'ok' ? 'This result has no tables.' : `Status: ${focus.status}.`)]));
    renderFrame(content, [], body);
  },
});
