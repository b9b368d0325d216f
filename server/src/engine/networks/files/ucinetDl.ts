// UCINET DL files of one square matrix: `dl n=… [nm=1] format=fullmatrix|edgelist1`, with labels in a
// `labels:` section or embedded in the data (`labels embedded`), then `data:`. Items are separated by spaces or
// commas, `=` may have spaces around it and keywords ignore case, as UCINET reads them. A matrix's non-zero
// cells are the ties (the diagonal is a node's own volume); edgelist1 lines are `i j [weight]`, weight 1 by default.
import { fileNumber, NetworkFileError, type NetworkFile } from './networkFile.js';

interface Token { text: string; line: number }

/** Items of a line: quoted labels whole, otherwise split at spaces and commas. */
function lineTokens(text: string, line: number): Token[] {
  return [...text.matchAll(/"([^"]*)"|'([^']*)'|[^\s,]+/g)].map((m) => ({ text: m[1] ?? m[2] ?? m[0], line }));
}

const FORMATS: Record<string, 'fullmatrix' | 'edgelist1'> = { fullmatrix: 'fullmatrix', fm: 'fullmatrix', edgelist1: 'edgelist1', el1: 'edgelist1' };

export function parseUcinetDl(text: string): NetworkFile {
  const header: Token[] = [];
  let labels: Token[] | undefined;
  const data: Token[][] = [];
  let part: 'header' | 'labels' | 'data' = 'header';
  for (const [i, raw] of text.split(/\r\n|\r|\n/).entries()) {
    // A section keyword may share its line with the section's first items (`data: 0 1 0`).
    let rest = part === 'header' ? raw.replace(/\s*=\s*/g, '=') : raw;
    for (;;) {
      const section = /^(.*?)\b(labels|data):(.*)$/i.exec(rest);
      if (!section || part === 'data') break;
      pushTokens(section[1], i + 1);
      part = section[2].toLowerCase() as 'labels' | 'data';
      if (part === 'labels') {
        if (labels) throw new NetworkFileError('a second labels: section', i + 1);
        labels = [];
      }
      rest = section[3];
    }
    pushTokens(rest, i + 1);
  }
  function pushTokens(text: string, line: number) {
    const tokens = lineTokens(text, line);
    if (part === 'header') header.push(...tokens);
    else if (part === 'labels') labels!.push(...tokens);
    else if (tokens.length) data.push(tokens);
  }

  if (header[0]?.text.toLowerCase() !== 'dl') throw new NetworkFileError('not a UCINET DL file: it must begin with `dl`', header[0]?.line ?? 1);
  let n: number | undefined;
  let format: 'fullmatrix' | 'edgelist1' = 'fullmatrix';
  let embedded = false;
  for (const [k, token] of header.slice(1).entries()) {
    const [key, value] = token.text.toLowerCase().split('=');
    if (key === 'labels' && header[k + 2]?.text.toLowerCase() === 'embedded') embedded = true;
    else if (key === 'embedded' && embedded) continue;
    else if (key === 'n') n = Number(value);
    else if (key === 'nm') {
      if (Number(value) !== 1) throw new NetworkFileError(`the file holds ${value} matrices (nm=${value}); a network reads one matrix: save each relation in its own file`, token.line);
    } else if (key === 'nr' || key === 'nc') throw new NetworkFileError('a two-mode (rectangular) matrix cannot be read as a region network: give `n=`', token.line);
    else if (key === 'format') {
      const known = FORMATS[value ?? ''];
      if (!known) throw new NetworkFileError(`format=${value} is not read: use fullmatrix or edgelist1`, token.line);
      format = known;
    } else throw new NetworkFileError(`${JSON.stringify(token.text)} is not read in a DL header (n=, nm=1, format=fullmatrix|edgelist1, labels embedded)`, token.line);
  }
  if (n === undefined || !Number.isInteger(n) || n < 1) throw new NetworkFileError('the header must give the number of actors, `n=…`', header[0].line);
  if (!data.length && part !== 'data') throw new NetworkFileError('no `data:` section', header.at(-1)?.line ?? 1);
  if (labels && labels.length !== n) throw new NetworkFileError(`labels: has ${labels.length} label${labels.length === 1 ? '' : 's'} for n=${n} actors`, labels.at(-1)?.line ?? header[0].line);

  const read = format === 'fullmatrix' ? fullMatrix(data.flat(), n, embedded) : edgeList1(data, n, embedded, labels?.map((l) => l.text));
  const names = labels?.map((l) => l.text) ?? read.names;
  const seen = new Map<string, number>();
  names.forEach((name, k) => {
    if (seen.has(name)) throw new NetworkFileError(`actors ${seen.get(name)! + 1} and ${k + 1} are both labelled ${JSON.stringify(name)}: a network's nodes need distinct names`, labels?.[k]?.line ?? header[0].line);
    seen.set(name, k);
  });
  const ties = read.cells.map((c) => ({ source: names[c.i], target: names[c.j], weight: c.weight, line: c.line }));
  const named = labels || embedded ? 'Nodes are named by the file\'s labels.' : 'Nodes are named by their numbers (the file has no labels).';
  return { nodes: names, ties, direction: 'cells', notes: [named, ...read.notes] };
}

interface Cell { i: number; j: number; weight: number; line: number }

/** n×n values read in order (rows may wrap lines, as UCINET reads them); with embedded labels, a header row and a label before each row. */
function fullMatrix(tokens: Token[], n: number, embedded: boolean): { names: string[]; cells: Cell[]; notes: string[] } {
  let at = 0;
  const next = (what: string): Token => {
    const token = tokens[at++];
    if (!token) throw new NetworkFileError(`the matrix ends early: ${what} is missing (n=${n} gives ${n}×${n} values)`, tokens.at(-1)?.line ?? 1);
    return token;
  };
  const names = embedded ? Array.from({ length: n }, (_, k) => next(`column label ${k + 1}`).text) : Array.from({ length: n }, (_, k) => String(k + 1));
  const cells: Cell[] = [];
  for (let i = 0; i < n; i++) {
    if (embedded) {
      const label = next(`the label of row ${i + 1}`);
      if (label.text !== names[i]) throw new NetworkFileError(`row ${i + 1} is labelled ${JSON.stringify(label.text)}, but column ${i + 1} ${JSON.stringify(names[i])}`, label.line);
    }
    for (let j = 0; j < n; j++) {
      const token = next(`row ${i + 1}, column ${j + 1}`);
      const weight = fileNumber(token.text, token.line, `row ${i + 1}, column ${j + 1}`);
      if (weight !== 0) cells.push({ i, j, weight, line: token.line });
    }
  }
  if (at < tokens.length) throw new NetworkFileError(`more values than n=${n} gives (${n}×${n})`, tokens[at].line);
  return { names, cells, notes: [] };
}

/** `i j [weight]` per line: actor numbers 1…n, or labels when they are embedded; a pair listed twice is an error. */
function edgeList1(lines: Token[][], n: number, embedded: boolean, labels: string[] | undefined): { names: string[]; cells: Cell[]; notes: string[] } {
  const names = labels ? [...labels] : [];
  const index = new Map(names.map((name, k) => [name, k]));
  const actor = (token: Token): number => {
    if (!embedded) {
      const k = Number(token.text);
      if (!Number.isInteger(k) || k < 1 || k > n) throw new NetworkFileError(`${JSON.stringify(token.text)} is not an actor number from 1 to ${n} (write \`labels embedded\` to give labels)`, token.line);
      return k - 1;
    }
    let k = index.get(token.text);
    if (k === undefined) {
      if (labels) throw new NetworkFileError(`${JSON.stringify(token.text)} is not one of the labels`, token.line);
      if (names.length === n) throw new NetworkFileError(`${JSON.stringify(token.text)} would be actor ${n + 1}, but n=${n}`, token.line);
      index.set(token.text, (k = names.push(token.text) - 1));
    }
    return k;
  };
  const cells: Cell[] = [];
  const listed = new Map<string, number>();
  for (const tokens of lines) {
    const line = tokens[0].line;
    if (tokens.length < 2 || tokens.length > 3) throw new NetworkFileError(`an edgelist1 line is \`i j\` or \`i j weight\`, but this one has ${tokens.length} item${tokens.length === 1 ? '' : 's'}`, line);
    const [i, j] = [actor(tokens[0]), actor(tokens[1])];
    const weight = tokens[2] ? fileNumber(tokens[2].text, line, 'the weight') : 1;
    const key = `${i} ${j}`;
    if (listed.has(key)) throw new NetworkFileError(`the pair ${tokens[0].text} ${tokens[1].text} is listed twice (lines ${listed.get(key)} and ${line})`, line);
    listed.set(key, line);
    if (weight !== 0) cells.push({ i, j, weight, line });
  }
  const notes: string[] = [];
  if (!embedded && !labels) names.push(...Array.from({ length: n }, (_, k) => String(k + 1)));
  if (names.length < n) {
    notes.push(`${n - names.length} of the n=${n} actors appear in no line and have no label: named by their numbers.`);
    for (let k = names.length; k < n; k++) names.push(String(k + 1));
  }
  return { names, cells, notes };
}
