// GraphML for Gephi, yEd, igraph and networkx: typed keys for the label, the node attributes and the
// edge weight. Gephi reads the keys named "label" and "weight" as a node's label and an edge's weight.
import { attributeColumns, exportNodes, formatValue, type Column, type Snapshot } from './table.js';
import { element, xmlDocument } from './xml.js';

const GRAPHML_NAMESPACE = 'http://graphml.graphdrawing.org/xmlns';
// GraphML spells the column types int/double/string.
const GRAPHML_TYPE: Record<Column['type'], string> = { integer: 'int', double: 'double', string: 'string' };

export function graphml(snapshot: Snapshot): string {
  const nodes = exportNodes(snapshot);
  const columns = attributeColumns(nodes);
  const keys = [
    element('key', { id: 'label', for: 'node', 'attr.name': 'label', 'attr.type': 'string' }),
    ...columns.map((c, i) => element('key', { id: `d${i}`, for: 'node', 'attr.name': c.name, 'attr.type': GRAPHML_TYPE[c.type] })),
    element('key', { id: 'weight', for: 'edge', 'attr.name': 'weight', 'attr.type': 'double' }),
  ];
  const nodeElements = nodes.map((n) => element('node', { id: n.id }, [
    element('data', { key: 'label' }, n.label),
    ...columns.flatMap((c, i) => {
      const text = formatValue(n.attributes[c.name]);
      return text === null ? [] : [element('data', { key: `d${i}` }, text)];
    }),
  ]));
  const edgeElements = snapshot.network.ties.map((t) => element('edge', { source: t.source, target: t.target }, [element('data', { key: 'weight' }, String(t.weight))]));
  return xmlDocument(element('graphml', {
    xmlns: GRAPHML_NAMESPACE,
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    'xsi:schemaLocation': `${GRAPHML_NAMESPACE} ${GRAPHML_NAMESPACE}/1.0/graphml.xsd`,
  }, [...keys, element('graph', { id: 'G', edgedefault: snapshot.network.directed ? 'directed' : 'undirected' }, [...nodeElements, ...edgeElements])]));
}
