// Edge and node tables as RFC 4180 CSV (CRLF line ends, a field quoted when it holds a comma, quote or
// line break, quotes doubled). Several snapshots stack into one file with a trailing `window` column.
import type { Table } from '../../results/format.js';
import { attributeColumns, exportNodes, formatValue, type AttributeValue, type Snapshot } from './table.js';

function csvField(value: AttributeValue): string {
  const text = formatValue(value) ?? '';
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
