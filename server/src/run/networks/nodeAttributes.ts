// A network's node attributes, computed once per run: the holders' most frequent region and country of each
// node of a network built from patents (semantic/nodeAttributes.ts says which columns), and the columns of its
// `attributes:` tables, matched on the node or on the node's most frequent value of the table's key.
import type { Symbol } from '../../language/semantic/model.js';
import { attributeTables, builtInAttributes, networkLevel } from '../../language/semantic/nodeAttributes.js';
import { textAt } from '../../engine/data/dataTable.js';
import type { Cell, NodeAttributes } from '../../results/format.js';
import type { RunContext } from '../context.js';
import { datasetTable, loadDataset } from '../data/datasets.js';
import { modalValues } from '../data/modalValues.js';
import { SpecError } from '../errors.js';

/** Column name → (node → value); nodes without a value are absent. */
export type NodeAttributeMap = Map<string, Map<string, Cell>>;

/** The network's node attributes, or an empty map when it has none. */
export function nodeAttributes(ctx: RunContext, network: Symbol): Promise<NodeAttributeMap> {
  return ctx.once(`node-attributes:${network.name}`, async () => {
    const attributes: NodeAttributeMap = new Map();
    const level = networkLevel(ctx.model, network.decl);
    for (const { column, dataset } of builtInAttributes(ctx.model, network.decl)) {
      ctx.checkpoint();
      const holders = await loadDataset(ctx, dataset);
      attributes.set(column, await modalValues(ctx, holders.table, level!, column));
    }
    const holderDataset = ctx.model.columnOwner(network.decl);
    const holderColumns = new Set(holderDataset ? ctx.model.scopeOf(holderDataset)?.names.keys() ?? [] : []);
    for (const { table, at: span } of attributeTables(ctx.model, network.decl)) {
      ctx.checkpoint();
      const dataset = await loadDataset(ctx, table);
      const key = dataset.role('key');
      if (!key) throw new SpecError(`${table.name} needs a \`key\` column to be matched to the nodes of ${network.name}.`, span);
      const time = dataset.role('time');
      if (time) throw new SpecError(`A node has one value of each attribute, but ${table.name} has a row per ${time}: keep one with \`where: ${time} == …\` in ${table.name}.`, span);
      const rows = await datasetTable(ctx, table);
      const keys = rows.columns.get(key)!;
      const rowOf = new Map<string, number>();
      for (let r = 0; r < rows.rows; r++) {
        const k = String(textAt(keys, r));
        if (rowOf.has(k)) throw new SpecError(`${table.name} has more than one row for ${key} = ${k}: a node attribute table has one row per node.`, span);
        rowOf.set(k, r);
      }
      // A key that is a column of the holders (a firm network's `city`) is matched through each node's most frequent value.
      const through = holderDataset && level && key !== level && holderColumns.has(key)
        ? await modalValues(ctx, (await loadDataset(ctx, holderDataset)).table, level, key) : undefined;
      const nodes = through ? [...through.keys()] : [...rowOf.keys()];
      for (const [name, column] of rows.columns) {
        if (name === key || attributes.has(name)) continue;
        const values = new Map<string, Cell>();
        for (const node of nodes) {
          const r = rowOf.get(through ? through.get(node)! : node);
          if (r === undefined) continue;
          const value = column.type === 'number' ? (Number.isNaN(column.values[r]) ? null : column.values[r]) : column.values[r];
          if (value !== null) values.set(node, value);
        }
        attributes.set(name, values);
      }
    }
    return attributes;
  });
}

/** The attributes of the given nodes as results.json carries them; undefined without attributes. */
export function nodeAttributeTable(attributes: NodeAttributeMap, nodes: Iterable<string>): NodeAttributes | undefined {
  if (!attributes.size) return undefined;
  const columns = [...attributes.keys()];
  const values: Record<string, Cell[]> = {};
  for (const node of nodes) values[node] = columns.map((c) => attributes.get(c)!.get(node) ?? null);
  return { columns, values };
}
