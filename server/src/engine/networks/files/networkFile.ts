// A network read from a file (UCINET DL, Pajek, GraphML, GEXF, an adjacency matrix): its nodes — isolates
// included, as UCINET keeps every actor — and its ties as the file lists them, with the line each came from.
// `fileTies` then settles direction: the file's own word, else the spec's, else a symmetric matrix is undirected.

export const NETWORK_FORMATS = ['ucinet', 'pajek', 'graphml', 'gexf', 'matrix'] as const;
export type NetworkFormat = (typeof NETWORK_FORMATS)[number];

/** A tie of the file; `year` when the file carries time (a dynamic GEXF). */
export interface FileTie { source: string; target: string; weight: number; line: number; year?: number }

export interface NetworkFile {
  /** Node names in file order (labels when the file gives distinct ones, else ids). */
  nodes: string[];
  ties: FileTie[];
  /**
   * What the file says: `directed`/`undirected` (Pajek *Arcs/*Edges, GraphML edgedefault, GEXF defaultedgetype), or
   * `cells` when it has no word for direction (UCINET DL, a matrix): the ties are a matrix's non-zero cells i→j.
   */
  direction: 'directed' | 'undirected' | 'cells';
  notes: string[];
}

/** A file that cannot be read as the format says, at a line (1-based). */
export class NetworkFileError extends Error {
  constructor(message: string, readonly line: number) {
    super(message);
  }
}

/** The format a file name implies: .dl, .net/.paj, .graphml, .gexf, .csv/.tsv (an adjacency matrix). */
export function networkFormatOf(path: string): NetworkFormat | undefined {
  const extension = /\.([a-z]+)$/i.exec(path)?.[1]?.toLowerCase();
  switch (extension) {
    case 'dl': return 'ucinet';
    case 'net': case 'paj': return 'pajek';
    case 'graphml': return 'graphml';
    case 'gexf': return 'gexf';
    case 'csv': case 'tsv': case 'txt': return 'matrix';
    default: return undefined;
  }
}

/** Names for nodes: their labels when every node has one and no two share it, else their ids (and a note why). */
export function nodeNames(ids: readonly string[], labels: readonly (string | undefined)[], what: string): { names: string[]; note: string } {
  const given = labels.filter((l): l is string => l !== undefined && l !== '');
  if (!given.length) return { names: [...ids], note: `Nodes are named by their ${what} ids (the file gives no labels).` };
  if (given.length === ids.length && new Set(given).size === given.length) {
    return { names: labels as string[], note: `Nodes are named by their labels (the file's ${what} ids are not used).` };
  }
  const why = given.length < ids.length ? `${ids.length - given.length} node${ids.length - given.length === 1 ? ' has' : 's have'} none` : 'two nodes share one';
  return { names: [...ids], note: `Nodes are named by their ${what} ids: the file's labels cannot name them (${why}).` };
}

/**
 * The ties of a network file as one network: directed or not as the file says (a contrary `directed:` is an
 * error); a matrix's cells are undirected when the matrix is symmetric (each pair once, i ≤ j) unless `directed`
 * is true, and an asymmetric matrix cannot be undirected.
 */
export function fileTies(file: NetworkFile, directed: boolean | undefined): { directed: boolean; ties: FileTie[]; note: string } {
  if (file.direction !== 'cells') {
    const fileDirected = file.direction === 'directed';
    if (directed !== undefined && directed !== fileDirected) {
      throw new Error(`the file's ties are ${file.direction}; \`directed: ${directed}\` contradicts it (leave \`directed\` out)`);
    }
    return { directed: fileDirected, ties: file.ties, note: `${fileDirected ? 'Directed' : 'Undirected'}, as the file says.` };
  }
  const cell = new Map(file.ties.map((t) => [`${t.source}\u0000${t.target}`, t]));
  const asymmetric = file.ties.find((t) => cell.get(`${t.target}\u0000${t.source}`)?.weight !== t.weight);
  if (directed === true) return { directed: true, ties: file.ties, note: 'Directed (`directed: true`): each cell i→j is a tie.' };
  if (!asymmetric) {
    const order = new Map(file.nodes.map((n, i) => [n, i]));
    const upper = file.ties.filter((t) => order.get(t.source)! <= order.get(t.target)!);
    return { directed: false, ties: upper, note: `Undirected: the matrix is symmetric${directed === false ? '' : ' (say `directed: true` to read it as arcs)'}, so each pair is one tie.` };
  }
  if (directed === false) {
    const back = cell.get(`${asymmetric.target}\u0000${asymmetric.source}`)?.weight ?? 0;
    throw new NetworkFileError(`\`directed: false\`, but the matrix is not symmetric: ${asymmetric.source}→${asymmetric.target} is ${asymmetric.weight}, ${asymmetric.target}→${asymmetric.source} is ${back}`, asymmetric.line);
  }
  return { directed: true, ties: file.ties, note: 'Directed: the matrix is not symmetric, so each cell i→j is a tie.' };
}

/** A number of the file, or an error naming it and its line. */
export function fileNumber(text: string, line: number, what: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new NetworkFileError(`${what} must be a number, but is ${JSON.stringify(text)}`, line);
  return value;
}
