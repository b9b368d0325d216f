// Edge and node tables as RFC 4180 CSV (CRLF line ends, a field quoted when it holds a comma, quote or
// line break, quotes doubled; text a spreadsheet would run as a formula prefixed with `'`). Several
// snapshots stack into one file with a trailing `window` column.
import type { Table } from '../../results/format.js';
import { attributeColumns, exportNodes, formatValue, type AttributeValue, type Snapshot } from './table.js';

// A spreadsheet takes a cell starting with one of these for a formula (OWASP, "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;
// Numbers as this project prints them ("-0.123", "1,234", "-1e-7", "-2.50**") stay numbers: a spreadsheet computes nothing from them.
const NUMBER = /^-?(\d[\d,]*(\.\d*)?|\.\d+)(e[-+]?\d+)?\**$/i;

/** Text a spreadsheet shows as text: a would-be formula gets a leading `'`, as OWASP recommends. */
function spreadsheetText(text: string): string {
  return FORMULA_START.test(text) && !NUMBER.test(text) ? `'${text}` : text;
}

function csvField(value: AttributeValue): string {
  const text = typeof value === 'string' ? spreadsheetText(value) : formatValue(value) ?? '';
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvTable(header: readonly string[], rows: readonly (readonly AttributeValue[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',') + '\r\n').join('');
}

/** A result table, booleans as true/false: what `innograph run --out` writes and the tables panel saves. */
export function tableCsv(table: Table): string {
  return csvTable(table.columns, table.rows.map((row) => row.map((cell) => (typeof cell === 'boolean' ? String(cell) : cell))));
}

const list = (snapshots: Snapshot | readonly Snapshot[]): readonly Snapshot[] => ('network' in snapshots ? [snapshots] : snapshots);
const windowed = (snapshots: readonly Snapshot[]) => snapshots.some((s) => s.window !== undefined);

/** `source,target,weight[,window]`: one row per tie (an undirected tie once). */
export function edgeCsv(snapshots: Snapshot | readonly Snapshot[]): string {
  const all = list(snapshots);
  const withWindow = windowed(all);
  const rows = all.flatMap((s) => s.network.ties.map((t) => [t.source, t.target, t.weight, ...(withWindow ? [s.window ?? null] : [])]));
  return csvTable(['source', 'target', 'weight', ...(withWindow ? ['window'] : [])], rows);
}

/** `id,label,<attributes…>[,window]`: one row per node; a missing value is an empty field. */
export function nodeCsv(snapshots: Snapshot | readonly Snapshot[]): string {
  const all = list(snapshots);
  const withWindow = windowed(all);
  const nodes = all.map((s) => exportNodes(s));
  const columns = attributeColumns(nodes.flat());
  const rows = all.flatMap((s, k) => nodes[k].map((n) => [n.id, n.label, ...columns.map((c) => n.attributes[c.name] ?? null), ...(withWindow ? [s.window ?? null] : [])]));
  return csvTable(['id', 'label', ...columns.map((c) => c.name), ...(withWindow ? ['window'] : [])], rows);
}
