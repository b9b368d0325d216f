// A network's node attributes as the spec tells them: the columns its `attributes:` tables give each node, and
// the built-in ones of a network built from patents — its holders' coarser region columns and country (a
// firm network's `city`, `province`, `country`; a city network's `province`). Checks (`groups: region`),
// completion and the runner read this one answer.
import type { Decl, Span } from '../syntax/ast.js';
import { PATENT_NETWORKS } from '../schema/declarations.js';
import type { Scope, ScopeEntry, SemanticModel, Symbol } from './model.js';

/** A built-in attribute: a column of the holder dataset, each node's most frequent value of it. */
export interface BuiltInAttribute { column: string; dataset: Symbol }

/** The level a patent network's nodes are at (its `level:`, else the holders' first `region` column). */
export function networkLevel(model: SemanticModel, network: Decl): string | undefined {
  const level = model.option(network, 'level')?.values[0];
  if (level?.type === 'ident') return level.name;
  return identsOf(model, model.columnOwner(network)?.decl, 'region')[0];
}

/** Whether a dataset's column is one of its `region` columns (a node or unit is then a region, not a holder). */
export function isRegionColumn(model: SemanticModel, dataset: Symbol, column: string): boolean {
  return identsOf(model, dataset.decl, 'region').includes(column);
}

/** The column a network of holders (firms, inventors) is built at; undefined for a network of regions or from a file. */
export function holderLevel(model: SemanticModel, network: Decl): string | undefined {
  const dataset = model.columnOwner(network);
  const level = networkLevel(model, network);
  if (!PATENT_NETWORKS.includes(model.source(network)?.spec.name ?? '') || dataset?.kind !== 'dataset' || !level) return undefined;
  return isRegionColumn(model, dataset, level) ? undefined : level;
}

/**
 * The holder dataset's columns every node of a patent network gets: for a region level the coarser `region`
 * columns, for a holder level (an applicant, inventor or other id) every `region` column; and `country`.
 */
export function builtInAttributes(model: SemanticModel, network: Decl): BuiltInAttribute[] {
  // A `map:` lookup renames the nodes, so the holders' columns no longer say anything of them.
  if (!PATENT_NETWORKS.includes(model.source(network)?.spec.name ?? '') || model.option(network, 'map')) return [];
  const dataset = model.columnOwner(network);
  if (dataset?.kind !== 'dataset') return [];
  const level = networkLevel(model, network);
  const regions = identsOf(model, dataset.decl, 'region');
  const at = level === undefined ? -1 : regions.indexOf(level);
  const columns = [...(at >= 0 ? regions.slice(0, at) : regions), ...identsOf(model, dataset.decl, 'country')];
  return columns.filter((c) => c !== level).map((column) => ({ column, dataset }));
}

/** The `attributes:` tables of a network that are datasets, each with where the spec names it. */
export function attributeTables(model: SemanticModel, network: Decl): { table: Symbol; at: Span }[] {
  return (model.option(network, 'attributes')?.values ?? []).flatMap((v) => {
    const s = model.resolve(v);
    return s?.kind === 'dataset' ? [{ table: s, at: v.span }] : [];
  });
}

/** Every node attribute of a network, as the names `groups:` may use; incomplete while a header is unknown. */
export function nodeAttributeScope(model: SemanticModel, network: Symbol): Scope {
  const names = new Map<string, ScopeEntry>();
  let complete = true;
  for (const { column, dataset } of builtInAttributes(model, network.decl)) {
    names.set(column, { name: column, doc: `Node attribute of \`${network.name}\`: each node's most frequent \`${column}\` in ${dataset.name}.` });
  }
  for (const { table } of attributeTables(model, network.decl)) {
    const scope = model.scopeOf(table);
    if (!scope?.complete) complete = false;
    const keys = new Set([...identsOf(model, table.decl, 'key'), ...identsOf(model, table.decl, 'time')]);
    for (const [name, entry] of scope?.names ?? []) {
      if (!keys.has(name) && !names.has(name)) names.set(name, { ...entry, doc: `Node attribute of \`${network.name}\` from ${table.name}. ${entry.doc}` });
    }
  }
  return { description: `the node attributes of \`${network.name}\``, names, complete };
}

function identsOf(model: SemanticModel, decl: Decl | undefined, option: string): string[] {
  return (decl ? model.option(decl, option)?.values ?? [] : []).flatMap((v) => (v.type === 'ident' ? [v.name] : []));
}
