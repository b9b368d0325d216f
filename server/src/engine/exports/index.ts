// Network exports: pure functions from a network and its node table to file text (the caller writes it).
export { edgeCsv, nodeCsv } from './csv.js';
export { gexf, dynamicGexf, type TimedSnapshot } from './gexf.js';
export { graphml } from './graphml.js';
export { pajek } from './pajek.js';
export type { AttributeValue, NodeRow, Snapshot } from './table.js';
