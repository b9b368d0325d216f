// What every exporter shares: the nodes of a snapshot with their label and attributes, and the typed
// attribute columns. Node attributes come from the caller (measures, region names …), never from here.
import type { Network } from '../networks/network.js';

export type AttributeValue = number | string | null;

/** One node's row of the node table. `label` defaults to the id. */
export interface NodeRow { id: string; label?: string; attributes?: Readonly<Record<string, AttributeValue>> }

/** One network with its node table; `window` names the window in the CSV exports. */
export interface Snapshot { network: Network; nodes?: readonly NodeRow[]; window?: string }

export interface ExportNode { id: string; label: string; attributes: Readonly<Record<string, AttributeValue>> }

/**
 * The nodes to write: the network's nodes in their order, then rows of the table that are not in the
 * network (regions without ties in this window stay visible as isolates).
 */
export function exportNodes(snapshot: Snapshot): ExportNode[] {
  const rows = new Map<string, NodeRow>();
  for (const row of snapshot.nodes ?? []) {
    if (rows.has(row.id)) throw new Error(`Node table lists ${JSON.stringify(row.id)} twice`);
    rows.set(row.id, row);
  }
  const ids = [...snapshot.network.nodes, ...[...rows.keys()].filter((id) => !snapshot.network.nodes.includes(id))];
  return ids.map((id) => ({ id, label: rows.get(id)?.label ?? id, attributes: rows.get(id)?.attributes ?? {} }));
}

/** Column types as the graph formats name them in common: whole numbers, other numbers, text. */
export type ColumnType = 'integer' | 'double' | 'string';
export interface Column { name: string; type: ColumnType }

// `id` and `label` are the node's own fields in every format, so an attribute may not take their name.
const RESERVED = new Set(['id', 'label']);
const INT32 = 2 ** 31 - 1; // Gephi and GraphML `int` are 32-bit

/**
 * Attribute columns in order of first appearance, typed from their non-null values: integer if all are
 * 32-bit whole numbers, double if all are numbers, string otherwise (numbers are then written as text).
 */
export function attributeColumns(nodes: readonly ExportNode[]): Column[] {
  const values = new Map<string, AttributeValue[]>();
  for (const node of nodes) {
    for (const [name, value] of Object.entries(node.attributes)) {
      if (RESERVED.has(name)) throw new Error(`A node attribute may not be called "${name}"`);
      let list = values.get(name);
      if (!list) values.set(name, (list = []));
      if (value !== null) list.push(value);
    }
  }
  return [...values].map(([name, list]) => {
    const numbers = list.length > 0 && list.every((v) => typeof v === 'number');
    const whole = numbers && list.every((v) => Number.isInteger(v) && Math.abs(v as number) <= INT32);
    return { name, type: whole ? 'integer' : numbers ? 'double' : 'string' };
  });
}

/**
 * A value as text: numbers in JavaScript's shortest round-trip form; null and non-finite numbers (no
 * format has a portable spelling for them) are missing, returned as null.
 */
export function formatValue(value: AttributeValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  return value;
}
