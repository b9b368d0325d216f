// GraphML and GEXF, read as networkx and igraph read them: node ids, labels (GraphML: the node key named
// "label", as Gephi and our exports write it; GEXF: the `label` attribute), edge direction from the graph's
// default, weights from an edge attribute. Nodes are named by their labels when every node has a distinct one.
// A dynamic GEXF's ties are placed at the years of their spells, each with that time's weight.
import { fileNumber, NetworkFileError, nodeNames, type FileTie, type NetworkFile } from './networkFile.js';
import { childrenNamed, parseXml, type XmlElement } from './xmlTree.js';

/** `weight`: the edge attribute holding tie strengths; unset, `weight` (and 1 per edge where there is none). */
export interface GraphXmlOptions { weight?: string }

function oneGraph(root: XmlElement, format: string): XmlElement {
  const graphs = childrenNamed(root, 'graph');
  if (!graphs.length) throw new NetworkFileError(`no <graph> in the ${format} file`, root.line);
  if (graphs.length > 1) throw new NetworkFileError(`a second <graph>: a network reads one graph of the file`, graphs[1].line);
  return graphs[0];
}

function direction(value: string | undefined, element: XmlElement, attribute: string): 'directed' | 'undirected' {
  if (value === 'directed' || value === 'undirected') return value;
  throw new NetworkFileError(`${attribute}="${value ?? ''}": expected "directed" or "undirected"`, element.line);
}

/** Ties by node id, renamed to the nodes' names; an edge to an undeclared node is an error. */
function named(ids: string[], labels: (string | undefined)[], ties: FileTie[], format: string): { nodes: string[]; ties: FileTie[]; note: string } {
  const { names, note } = nodeNames(ids, labels, format);
  const nameOf = new Map(ids.map((id, k) => [id, names[k]]));
  const rename = (id: string, line: number) => {
    const name = nameOf.get(id);
    if (name === undefined) throw new NetworkFileError(`an edge refers to node ${JSON.stringify(id)}, which the file does not declare`, line);
    return name;
  };
  return { nodes: names, ties: ties.map((t) => ({ ...t, source: rename(t.source, t.line), target: rename(t.target, t.line) })), note };
}

function distinctIds(nodes: XmlElement[]): string[] {
  const seen = new Set<string>();
  return nodes.map((node) => {
    const id = node.attributes.id;
    if (id === undefined) throw new NetworkFileError('a node without an id', node.line);
    if (seen.has(id)) throw new NetworkFileError(`node ${JSON.stringify(id)} is declared twice`, node.line);
    seen.add(id);
    return id;
  });
}

export function parseGraphml(text: string, options: GraphXmlOptions = {}): NetworkFile {
  const root = parseXml(text);
  if (root.name !== 'graphml') throw new NetworkFileError(`not a GraphML file: its root is <${root.name}>`, root.line);
  const graph = oneGraph(root, 'GraphML');
  const keys = childrenNamed(root, 'key');
  const keyFor = (on: 'node' | 'edge', name: string) => keys.find((k) => k.attributes['attr.name'] === name && (k.attributes.for === on || k.attributes.for === 'all'));
  const fileDirection = direction(graph.attributes.edgedefault, graph, 'edgedefault');
  for (const hyper of childrenNamed(graph, 'hyperedge')) throw new NetworkFileError('a hyperedge cannot be read as a tie', hyper.line);
  const nodes = childrenNamed(graph, 'node');
  for (const node of nodes) if (childrenNamed(node, 'graph').length) throw new NetworkFileError('a nested graph cannot be read as a region network', node.line);
  const dataOf = (element: XmlElement, key: XmlElement | undefined) => {
    if (!key) return undefined;
    const data = element.children.find((c) => c.name === 'data' && c.attributes.key === key.attributes.id);
    return data ? data.text : childrenNamed(key, 'default')[0]?.text;
  };
  const labelKey = keyFor('node', 'label');
  const weightName = options.weight ?? 'weight';
  const weightKey = keyFor('edge', weightName);
  if (options.weight !== undefined && !weightKey) throw new NetworkFileError(`the file declares no edge key named ${JSON.stringify(weightName)} (attr.name)`, root.line);
  const ties = childrenNamed(graph, 'edge').map((edge): FileTie => {
    const { source, target } = edge.attributes;
    if (source === undefined || target === undefined) throw new NetworkFileError('an edge without source or target', edge.line);
    const own = edge.attributes.directed;
    if (own !== undefined && (own === 'true') !== (fileDirection === 'directed')) throw new NetworkFileError(`an edge with directed="${own}" in a graph whose edgedefault is ${fileDirection}: mixed graphs are not read`, edge.line);
    const value = dataOf(edge, weightKey);
    return { source, target, weight: value === undefined ? 1 : fileNumber(value.trim(), edge.line, `the edge's ${weightName}`), line: edge.line };
  });
  const result = named(distinctIds(nodes), nodes.map((n) => dataOf(n, labelKey)), ties, 'GraphML');
  const notes = [result.note, weightKey ? `Weights from the edge key ${JSON.stringify(weightName)}.` : 'The file has no edge weights: each edge weighs 1.'];
  return { nodes: result.nodes, ties: result.ties, direction: fileDirection, notes };
}

export function parseGexf(text: string, options: GraphXmlOptions = {}): NetworkFile {
  const root = parseXml(text);
  if (root.name !== 'gexf') throw new NetworkFileError(`not a GEXF file: its root is <${root.name}>`, root.line);
  const graph = oneGraph(root, 'GEXF');
  const dynamic = graph.attributes.mode === 'dynamic';
  // GEXF's default edge type is undirected.
  const fileDirection = direction(graph.attributes.defaultedgetype ?? 'undirected', graph, 'defaultedgetype');
  const section = (name: string) => childrenNamed(graph, name).flatMap((s) => s.children.filter((c) => c.name === name.slice(0, -1)));
  const nodes = section('nodes');
  // A named weight other than GEXF's own `weight` is an edge attribute, declared by title (or id); a dynamic file
  // keeps its weights per time in the edge attribute whose id is "weight", as Gephi writes it.
  const edgeAttributes = childrenNamed(graph, 'attributes').filter((a) => a.attributes.class === 'edge').flatMap((a) => childrenNamed(a, 'attribute'));
  const weightName = options.weight ?? 'weight';
  const stated = options.weight !== undefined && options.weight !== 'weight';
  const declared = stated
    ? edgeAttributes.find((a) => a.attributes.title === weightName) ?? edgeAttributes.find((a) => a.attributes.id === weightName)
    : dynamic ? edgeAttributes.find((a) => a.attributes.id === 'weight') : undefined;
  if (stated && !declared) throw new NetworkFileError(`the file declares no edge attribute ${JSON.stringify(weightName)}`, graph.line);
  const yearOf = timeReader(graph.attributes.timeformat);
  const ties = section('edges').flatMap((edge): FileTie[] => {
    const { source, target, type } = edge.attributes;
    if (source === undefined || target === undefined) throw new NetworkFileError('an edge without source or target', edge.line);
    if (type !== undefined && type !== fileDirection) throw new NetworkFileError(`an edge of type "${type}" in a graph whose defaultedgetype is ${fileDirection}: mixed graphs are not read`, edge.line);
    const values = edge.children.filter((c) => c.name === 'attvalues').flatMap((v) => childrenNamed(v, 'attvalue')).filter((v) => declared && v.attributes.for === declared.attributes.id);
    const weightAt = (year: number | undefined) => {
      const value = values.find((v) => year === undefined || v.attributes.start === undefined || yearOf(v.attributes.start, v) === year)?.attributes.value
        ?? (declared && childrenNamed(declared, 'default')[0]?.text) ?? (stated ? undefined : edge.attributes.weight);
      return value === undefined ? 1 : fileNumber(value.trim(), edge.line, `the edge's ${weightName}`);
    };
    if (!dynamic) return [{ source, target, weight: weightAt(undefined), line: edge.line }];
    return edgeYears(edge, yearOf).map((year) => ({ source, target, weight: weightAt(year), year, line: edge.line }));
  });
  const result = named(distinctIds(nodes), nodes.map((n) => n.attributes.label), ties, 'GEXF');
  const notes = [result.note, ...(stated ? [`Weights from the edge attribute ${JSON.stringify(weightName)}.`] : [])];
  if (dynamic) {
    const years = [...new Set(ties.map((t) => t.year!))].sort((a, b) => a - b);
    notes.push(`A dynamic GEXF: each tie is placed in the year of its time${years.length ? ` (${years[0]}–${years.at(-1)})` : ''}, and \`windows:\` groups the years.`);
  }
  return { nodes: result.nodes, ties: result.ties, direction: fileDirection, notes };
}

type YearReader = (value: string, element: XmlElement) => number;

/** Times as years: numbers (`double`, `integer`) must be whole, dates give their year. */
function timeReader(timeformat: string | undefined): YearReader {
  const date = timeformat === 'date' || timeformat === 'dateTime';
  return (value, element) => {
    const year = date ? Number(/^\d{4}/.exec(value)?.[0]) : Number(value);
    if (!Number.isInteger(year)) throw new NetworkFileError(`the time ${JSON.stringify(value)} is not a year`, element.line);
    return year;
  };
}

/**
 * A dynamic edge's years: the points of its spells (`<spell start="2005" end="2005"/>`, or `start`/`end` on the
 * edge), as Innograph writes windows and Gephi timestamps. A spell over several years has no single year.
 */
function edgeYears(edge: XmlElement, yearOf: YearReader): number[] {
  const spells = [...(edge.attributes.start !== undefined || edge.attributes.end !== undefined ? [edge] : []), ...edge.children.filter((c) => c.name === 'spells').flatMap((s) => childrenNamed(s, 'spell'))];
  if (!spells.length) throw new NetworkFileError('an edge of a dynamic GEXF without a time (spells or start and end)', edge.line);
  return spells.map((spell) => {
    const { start, end } = spell.attributes;
    if (start === undefined || end === undefined || yearOf(start, spell) !== yearOf(end, spell)) {
      throw new NetworkFileError(`a spell from ${start ?? 'the beginning'} to ${end ?? 'the end'}: a dynamic GEXF is read at points in time (start = end), one year each`, spell.line);
    }
    return yearOf(start, spell);
  });
}
