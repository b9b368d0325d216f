// Reading network files: each text format's parser by name; matrices come as rows (DuckDB reads delimited files).
import { readFileSync } from 'node:fs';
import { DECODER_LABELS, detectEncoding } from '../../data/source.js';
import { parseGexf, parseGraphml, type GraphXmlOptions } from './graphXml.js';
import type { NetworkFile, NetworkFormat } from './networkFile.js';
import { parsePajek } from './pajekNet.js';
import { parseUcinetDl } from './ucinetDl.js';

export { parseAdjacencyMatrix } from './adjacencyMatrix.js';
export { fileTies, NETWORK_FORMATS, NetworkFileError, networkFormatOf, type FileTie, type NetworkFile, type NetworkFormat } from './networkFile.js';

/** A network file's text in one of the text formats (every format but `matrix`). */
export function parseNetworkText(text: string, format: Exclude<NetworkFormat, 'matrix'>, options: GraphXmlOptions = {}): NetworkFile {
  switch (format) {
    case 'ucinet': return parseUcinetDl(text);
    case 'pajek': return parsePajek(text);
    case 'graphml': return parseGraphml(text, options);
    case 'gexf': return parseGexf(text, options);
  }
}

/** A network file in a text format, read in its detected encoding (UTF-8, UTF-16 by its mark, else Latin-1) and parsed. */
export function readNetworkText(path: string, format: Exclude<NetworkFormat, 'matrix'>, options: GraphXmlOptions = {}): NetworkFile {
  return parseNetworkText(new TextDecoder(DECODER_LABELS[detectEncoding(path)]).decode(readFileSync(path)), format, options);
}
