// A result table as a sortable HTML table: click a column head to sort (again to reverse); numbers sort as
// numbers and undefined cells (null) always last. Each number column has fixed decimals (decimals.ts), which
// a select under its head changes.
import type { Cell, Table } from '../../../server/src/results/format.js';
import { columnDecimals, fixedCell, MAX_DECIMALS } from './decimals.js';
import { h, select } from './dom.js';

function compare(a: Cell, b: Cell): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true });
}

/**
 * `decimals` (default: chosen from each column's values) is the caller's: a select changes it in place, so a
 * table rebuilt from it (another window's rows) keeps the user's choice.
 */
export function dataTable(table: Table, decimals = tableDecimals(table), caption?: string): HTMLTableElement {
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
  const choices = Array.from({ length: MAX_DECIMALS + 1 }, (_, d) => [String(d), String(d)] as const);
  const decimalRow = h('tr', { class: 'decimals' }, ...table.columns.map((name, k) => h('td', {}, decimals[k] === undefined ? null
    : select(choices, String(decimals[k]), (d) => { decimals[k] = Number(d); fill(); }, `Decimals of ${name}`))));
  const fill = () => {
    const rows = sort ? [...table.rows].sort((a, b) => {
      const byColumn = compare(a[sort!.column], b[sort!.column]);
      return sort!.descending && a[sort!.column] !== null && b[sort!.column] !== null ? -byColumn : byColumn;
    }) : table.rows;
    body.replaceChildren(...rows.map((row) => h('tr', {}, ...row.map((cell, k) => {
      const td = h('td', { class: typeof cell === 'number' ? 'number' : cell === null ? 'missing' : undefined, title: cell === null ? 'not defined' : String(cell) }, fixedCell(cell, decimals[k]));
      return td;
    }))));
  };
  fill();
  element.append(...(caption ? [h('caption', {}, caption)] : []), h('thead', {}, h('tr', {}, ...heads), decimalRow), body);
  return element;
}

/** Each column's decimals: `digits` (a table's `digits:`) for every column with fractions, when given. */
export function tableDecimals(table: Table, digits?: number): (number | undefined)[] {
  return table.columns.map((_, k) => {
    const decimals = columnDecimals(table.rows.map((row) => row[k]));
    return digits !== undefined && decimals ? digits : decimals;
  });
}
