// Pajek .net, which Pajek and UCINET (Data > Import > Pajek) read: numbered vertices with quoted names,
// then `*Arcs` (directed) or `*Edges` (undirected) as `from to weight` on vertex numbers. Lines end in
// CRLF, as Pajek writes them.
import { exportNodes, type Snapshot } from './table.js';

/**
 * A vertex name inside double quotes. Pajek has no escape: a quote would end the name and a line break
 * the line, so `"` becomes `'` and tabs and line breaks become spaces. Other characters are kept (UTF-8).
 */
export function pajekName(name: string): string {
  return `"${name.replace(/"/g, "'").replace(/[\t\r\n]/g, ' ')}"`;
}

/** Vertex names are node ids (the key that joins back to the data); labels and attributes are not carried. */
export function pajek(snapshot: Snapshot): string {
  const nodes = exportNodes(snapshot);
  const number = new Map(nodes.map((n, i) => [n.id, i + 1]));
  const lines = [
    `*Vertices ${nodes.length}`,
    ...nodes.map((n, i) => `${i + 1} ${pajekName(n.id)}`),
    snapshot.network.directed ? '*Arcs' : '*Edges',
    ...snapshot.network.ties.map((t) => `${number.get(t.source)} ${number.get(t.target)} ${t.weight}`),
  ];
  return lines.map((l) => `${l}\r\n`).join('');
}
