// GEXF 1.3 for Gephi. Static: one network, weights on the edges, node attributes declared with their
// types. Dynamic: one network per window on Gephi's timeline, as Gephi itself writes dynamic graphs:
// elements carry spells, attribute values and edge weights carry the interval they hold in.
//
// Each window is a point interval [time, time] (time = e.g. its last year). Rolling windows overlap in
// calendar years, and an element whose spells overlap has no single weight or attribute value at the
// shared instants; points never overlap. A `window` attribute on parallel edges was not chosen: Gephi's
// importer merges parallel edges of one type (summing weights), so the windows would be added up.
import { attributeColumns, exportNodes, formatValue, type AttributeValue, type Column, type ExportNode, type Snapshot } from './table.js';
import { element, xmlDocument } from './xml.js';

const GEXF_NAMESPACE = 'http://gexf.net/1.3';

function gexfDocument(graphAttributes: Record<string, string>, children: string[]): string {
  return xmlDocument(element('gexf', {
    xmlns: GEXF_NAMESPACE,
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    'xsi:schemaLocation': `${GEXF_NAMESPACE} ${GEXF_NAMESPACE}/gexf.xsd`,
    version: '1.3',
  }, [element('meta', {}, [element('creator', {}, 'Innograph')]), element('graph', graphAttributes, children)]));
}

/** `<attributes>` declaring node columns by position (ids "0", "1", … never clash with Gephi's own columns). */
function nodeAttributeDeclarations(columns: readonly Column[], mode: 'static' | 'dynamic'): string[] {
  if (columns.length === 0) return [];
  return [element('attributes', { class: 'node', mode }, columns.map((c, i) => element('attribute', { id: i, title: c.name, type: c.type })))];
}

interface TimedValue { value: AttributeValue; time?: number }

function attvalues(columns: readonly Column[], valuesOf: (column: Column) => readonly TimedValue[]): string[] {
  const values = columns.flatMap((c, i) => valuesOf(c).flatMap(({ value, time }) => {
    const text = formatValue(value);
    return text === null ? [] : [element('attvalue', { for: i, value: text, start: time, end: time })];
  }));
  return values.length ? [element('attvalues', {}, values)] : [];
}

const edgeType = (directed: boolean) => (directed ? 'directed' : 'undirected');

/** A static GEXF file of one network and its node table. */
export function gexf(snapshot: Snapshot): string {
  const nodes = exportNodes(snapshot);
  const columns = attributeColumns(nodes);
  const nodeElements = nodes.map((n) => element('node', { id: n.id, label: n.label }, attvalues(columns, (c) => [{ value: n.attributes[c.name] ?? null }])));
  const edgeElements = snapshot.network.ties.map((t, i) => element('edge', { id: i, source: t.source, target: t.target, weight: t.weight }));
  return gexfDocument({ defaultedgetype: edgeType(snapshot.network.directed), mode: 'static' }, [
    ...nodeAttributeDeclarations(columns, 'static'),
    element('nodes', {}, nodeElements),
    element('edges', {}, edgeElements),
  ]);
}

/** One window of a dynamic export: `time` is its point on Gephi's timeline (distinct per window). */
export interface TimedSnapshot extends Snapshot { time: number }

/** A dynamic GEXF file: the union of the windows' nodes and ties, each present at the times it occurs. */
export function dynamicGexf(windows: readonly TimedSnapshot[]): string {
  if (windows.length === 0) throw new Error('A dynamic export needs at least one window');
  const directed = windows[0].network.directed;
  if (windows.some((w) => w.network.directed !== directed)) throw new Error('All windows of a dynamic export must be directed, or all undirected');
  const times = windows.map((w) => w.time);
  if (times.some((t) => !Number.isFinite(t)) || new Set(times).size !== times.length) throw new Error('Window times must be distinct finite numbers');

  const nodeTimes = new Map<string, { node: ExportNode; at: { node: ExportNode; time: number }[] }>();
  const edgeTimes = new Map<string, { source: string; target: string; at: { weight: number; time: number }[] }>();
  for (const w of windows) {
    for (const node of exportNodes(w)) {
      let entry = nodeTimes.get(node.id);
      if (!entry) nodeTimes.set(node.id, (entry = { node, at: [] }));
      entry.at.push({ node, time: w.time });
    }
    for (const t of w.network.ties) {
      const key = `${t.source}\u0000${t.target}`;
      let entry = edgeTimes.get(key);
      if (!entry) edgeTimes.set(key, (entry = { source: t.source, target: t.target, at: [] }));
      entry.at.push({ weight: t.weight, time: w.time });
    }
  }
  const columns = attributeColumns([...nodeTimes.values()].flatMap((e) => e.at.map((a) => a.node)));
  const spells = (at: readonly { time: number }[]) => element('spells', {}, at.map(({ time }) => element('spell', { start: time, end: time })));
  const nodeElements = [...nodeTimes.values()].map(({ node, at }) => element('node', { id: node.id, label: node.label }, [
    spells(at),
    ...attvalues(columns, (c) => at.map((a) => ({ value: a.node.attributes[c.name] ?? null, time: a.time }))),
  ]));
  // Gephi keeps a per-time weight in the edge column whose id is "weight" (its own exporter does the same).
  const edgeElements = [...edgeTimes.values()].map(({ source, target, at }, i) => element('edge', { id: i, source, target }, [
    spells(at),
    element('attvalues', {}, at.map(({ weight, time }) => element('attvalue', { for: 'weight', value: weight, start: time, end: time }))),
  ]));
  return gexfDocument({ defaultedgetype: edgeType(directed), mode: 'dynamic', timeformat: 'double', timerepresentation: 'interval' }, [
    ...nodeAttributeDeclarations(columns, 'dynamic'),
    element('attributes', { class: 'edge', mode: 'dynamic' }, [element('attribute', { id: 'weight', title: 'Weight', type: 'double' })]),
    element('nodes', {}, nodeElements),
    element('edges', {}, edgeElements),
  ]);
}
