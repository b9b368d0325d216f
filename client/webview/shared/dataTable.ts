// A result table as a sortable HTML table: click a column head to sort (again to reverse); numbers sort as
// numbers and undefined cells (null) always last.
import type { Cell, Table } from '../../../server/src/results/format.js';
import { h } from './dom.js';
import { displayCell } from './format.js';

function compare(a: Cell, b: Cell): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true });
}

/** `digits`: decimals of non-whole numbers (the sort uses the full values). */
export function dataTable(table: Table, caption?: string, digits?: number): HTMLTableElement {
  const element = h('table', { class: 'data' });
  const body = h('tbody');
  let sort: { column: number; descending: boolean } | undefined;
  const heads = table.columns.map((name, k) => {
    const th = h('th', { title: `Sort by ${name}` }, name);
    th.setAttribute('aria-sort', 'none');
    th.addEventListener('click', () => {
      sort = { column: k, descending: sort?.column === k ? !sort.descending : false };
      heads.forEach((other, i) => other.setAttribute('aria-sort', i === k ? (sort!.descending ? 'descending' : 'ascending') : 'none'));
      fill();
    });
    return th;
  });
  const fill = () => {
    const rows = sort ? [...table.rows].sort((a, b) => {
      const byColumn = compare(a[sort!.column], b[sort!.column]);
      return sort!.descending && a[sort!.column] !== null && b[sort!.column] !== null ? -byColumn : byColumn;
    }) : table.rows;
    body.replaceChildren(...rows.map((row) => h('tr', {}, ...row.map((cell) => {
      const td = h('td', { class: typeof cell === 'number' ? 'number' : cell === null ? 'missing' : undefined, title: cell === null ? 'not defined' : String(cell) }, displayCell(cell, digits));
      return td;
    }))));
  };
  fill();
  element.append(...(caption ? [h('caption', {}, caption)] : []), h('thead', {}, h('tr', {}, ...heads)), body);
  return element;
}
