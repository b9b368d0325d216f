// Result tables (descriptives, correlations, measures …) as LaTeX, Markdown and HTML tables, for the command
// line's exports and report. Printed numbers are rounded; the CSV files keep every digit.
import type { Cell, Table } from '../../results/format.js';
import { escapeHtml, escapeLatex, escapeMarkdown } from './escape.js';
import { formatNumber } from './regressionTable.js';

/** How a column prints: text as is; whole numbers (years, counts) as is, without separators; decimals rounded. */
type ColumnKind = 'text' | 'whole' | 'decimal';

function columnKinds(table: Table): ColumnKind[] {
  return table.columns.map((_, j) => {
    const values = table.rows.map((row) => row[j]).filter((v) => v !== null);
    if (!values.every((v) => typeof v === 'number')) return 'text';
    return values.every((v) => Number.isInteger(v)) ? 'whole' : 'decimal';
  });
}

/** Decimals printed, as regression tables print by default. */
const DIGITS = 3;

/** The table's cells as printed (null is an empty cell), with each column's kind. */
function printed(table: Table): { kinds: ColumnKind[]; rows: string[][] } {
  const kinds = columnKinds(table);
  const text = (value: Cell, j: number) =>
    value === null ? '' : typeof value === 'number' && kinds[j] === 'decimal' ? formatNumber(value, DIGITS) : String(value);
  return { kinds, rows: table.rows.map((row) => row.map(text)) };
}

export function tableLatex(table: Table, caption?: string): string {
  const { kinds, rows } = printed(table);
  const line = (cells: string[]) => `${cells.map(escapeLatex).join(' & ')} \\\\`;
  return [
    '\\begin{table}[htbp]',
    '\\centering',
    ...(caption ? [`\\caption{${escapeLatex(caption)}}`] : []),
    `\\begin{tabular}{${kinds.map((k) => (k === 'text' ? 'l' : 'r')).join('')}}`,
    '\\toprule',
    line(table.columns),
    '\\midrule',
    ...rows.map(line),
    '\\bottomrule',
    '\\end{tabular}',
    '\\end{table}',
    '',
  ].join('\n');
}

export function tableMarkdown(table: Table, caption?: string): string {
  const { kinds, rows } = printed(table);
  const line = (cells: string[]) => `| ${cells.map(escapeMarkdown).join(' | ')} |`;
  return [
    ...(caption ? [`**${escapeMarkdown(caption)}**`, ''] : []),
    line(table.columns),
    `|${kinds.map((k) => (k === 'text' ? ':---|' : '---:|')).join('')}`,
    ...rows.map(line),
    '',
  ].join('\n');
}

/** A `<table class="data">` fragment; numeric cells carry `class="num"`. */
export function tableHtml(table: Table): string {
  const { kinds, rows } = printed(table);
  const cell = (tag: 'th' | 'td', text: string, j: number) =>
    `<${tag}${tag === 'th' ? ' scope="col"' : ''}${kinds[j] === 'text' ? '' : ' class="num"'}>${escapeHtml(text)}</${tag}>`;
  return [
    '<table class="data">',
    `<thead><tr>${table.columns.map((c, j) => cell('th', c, j)).join('')}</tr></thead>`,
    '<tbody>',
    ...rows.map((row) => `<tr>${row.map((text, j) => cell('td', text, j)).join('')}</tr>`),
    '</tbody>',
    '</table>',
    '',
  ].join('\n');
}
