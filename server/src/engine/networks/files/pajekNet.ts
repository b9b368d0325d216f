// Pajek .net as Pajek, UCINET and networkx read it: `*Vertices n` with numbered, optionally quoted names, then
// `*Arcs` (directed) and `*Edges` (undirected) lines `from to [weight]`, or their `*Arcslist` / `*Edgeslist`
// forms `from to to …`. Keywords ignore case; `%` starts a comment line. Vertices the file does not name are
// named by their number. A file with both arcs and edges is directed, each edge read as two arcs.
import { fileNumber, NetworkFileError, type FileTie, type NetworkFile } from './networkFile.js';

type Section = 'vertices' | 'arcs' | 'edges' | 'arcslist' | 'edgeslist';

export function parsePajek(text: string): NetworkFile {
  const lines = text.split(/\r\n|\r|\n/);
  let count: number | undefined;
  const names = new Map<number, string>();
  const arcs: FileTie[] = [];
  const edges: FileTie[] = [];
  let section: Section | undefined;
  let arcSection = false;
  const named = new Map<string, number>();
  const vertex = (token: string, line: number): number => {
    const n = Number(token);
    if (!Number.isInteger(n) || n < 1 || count === undefined || n > count) throw new NetworkFileError(`${JSON.stringify(token)} is not a vertex number from 1 to ${count ?? 'n'} (of *Vertices)`, line);
    return n;
  };
  for (const [i, raw] of lines.entries()) {
    const line = i + 1;
    const trimmed = raw.trim();
    if (!trimmed || trimmed.startsWith('%')) continue;
    if (trimmed.startsWith('*')) {
      const [keyword, ...rest] = trimmed.split(/\s+/);
      const word = keyword.slice(1).toLowerCase();
      if (word === 'network') continue;
      if (word === 'vertices') {
        count = Number(rest[0]);
        if (!Number.isInteger(count) || count < 0) throw new NetworkFileError(`*Vertices needs the number of vertices, but has ${JSON.stringify(rest[0] ?? '')}`, line);
        if (rest[1] !== undefined) throw new NetworkFileError('a two-mode network (*Vertices n m) cannot be read as a region network', line);
      } else if (word === 'arcs' || word === 'edges' || word === 'arcslist' || word === 'edgeslist') {
        if (count === undefined) throw new NetworkFileError(`*${keyword.slice(1)} before *Vertices`, line);
      } else throw new NetworkFileError(`${keyword} is not read (a network file has *Vertices, then *Arcs, *Edges, *Arcslist or *Edgeslist)`, line);
      section = word as Section;
      arcSection ||= section.startsWith('arcs');
      continue;
    }
    if (section === undefined) throw new NetworkFileError('a line before *Vertices', line);
    if (section === 'vertices') {
      const m = /^(\S+)\s*(?:"([^"]*)"|(\S+))?/.exec(trimmed)!;
      const n = vertex(m[1], line);
      if (names.has(n)) throw new NetworkFileError(`vertex ${n} is listed twice`, line);
      const name = m[2] ?? m[3] ?? String(n);
      if (named.has(name)) throw new NetworkFileError(`vertices ${named.get(name)} and ${n} are both named ${JSON.stringify(name)}: a network's nodes need distinct names`, line);
      named.set(name, n);
      names.set(n, name);
      continue;
    }
    const tokens = trimmed.split(/\s+/);
    const into = section.startsWith('arcs') ? arcs : edges;
    const from = vertex(tokens[0], line);
    if (section.endsWith('list')) {
      for (const t of tokens.slice(1)) into.push({ source: String(from), target: String(vertex(t, line)), weight: 1, line });
    } else {
      if (tokens[1] === undefined) throw new NetworkFileError(`a tie needs two vertex numbers, but the line has one`, line);
      const to = vertex(tokens[1], line);
      // Further tokens (Pajek's colours, widths …) follow the weight and are ignored.
      const weight = tokens[2] === undefined ? 1 : fileNumber(tokens[2], line, 'the weight');
      into.push({ source: String(from), target: String(to), weight, line });
    }
  }
  if (count === undefined) throw new NetworkFileError('no *Vertices line: not a Pajek network file', 1);
  const numbers = Array.from({ length: count }, (_, i) => i + 1);
  const nameOf = new Map(numbers.map((n) => [String(n), names.get(n) ?? String(n)]));
  const unnamed = numbers.find((n) => !names.has(n) && named.has(String(n)));
  if (unnamed !== undefined) throw new NetworkFileError(`vertex ${unnamed} has no name and vertex ${named.get(String(unnamed))} is named ${JSON.stringify(String(unnamed))}: a network's nodes need distinct names`, 1);
  const rename = (t: FileTie): FileTie => ({ ...t, source: nameOf.get(t.source)!, target: nameOf.get(t.target)! });
  const directed = arcSection;
  const ties = [...arcs, ...edges.flatMap((e) => (directed ? [e, { ...e, source: e.target, target: e.source }] : [e]))].map(rename);
  const notes = ['Nodes are named by the vertex names of *Vertices (a vertex without one by its number).'];
  if (directed && edges.length) notes.push(`The file has both *Arcs and *Edges: read as directed, each of its ${edges.length} edges as two arcs.`);
  return { nodes: numbers.map((n) => nameOf.get(String(n))!), ties, direction: directed ? 'directed' : 'undirected', notes };
}
