// An adjacency matrix from a delimited file, as a spreadsheet or R's write.csv(as.matrix(g)) writes it: the
// first row names the columns (its first cell is ignored), each further row a label then one value per column.
// Rows may come in another order than the columns, but must name the same actors. An empty cell is 0.
import { fileNumber, NetworkFileError, type FileTie, type NetworkFile } from './networkFile.js';

/** `rows`: the file's cells as text, row k on line k + 1. */
export function parseAdjacencyMatrix(rows: readonly (readonly (string | null)[])[]): NetworkFile {
  const [header, ...body] = rows;
  if (!header) throw new NetworkFileError('the file is empty', 1);
  const columns = header.slice(1).map((c) => (c ?? '').trim());
  const n = columns.length;
  const column = new Map<string, number>();
  columns.forEach((label, j) => {
    if (!label) throw new NetworkFileError(`column ${j + 2} of the first row has no label`, 1);
    if (column.has(label)) throw new NetworkFileError(`${JSON.stringify(label)} labels two columns`, 1);
    column.set(label, j);
  });
  if (body.length !== n) throw new NetworkFileError(`the first row labels ${n} column${n === 1 ? '' : 's'}, but ${body.length} row${body.length === 1 ? ' follows' : 's follow'}: an adjacency matrix is square`, Math.min(body.length, n) + 1);
  const ties: FileTie[] = [];
  const seen = new Set<string>();
  let empty = 0;
  body.forEach((row, i) => {
    const line = i + 2;
    const label = (row[0] ?? '').trim();
    if (!column.has(label)) throw new NetworkFileError(`row ${JSON.stringify(label)} is not one of the column labels`, line);
    if (seen.has(label)) throw new NetworkFileError(`${JSON.stringify(label)} labels two rows`, line);
    seen.add(label);
    if (row.length - 1 !== n) throw new NetworkFileError(`the row has ${row.length - 1} value${row.length === 2 ? '' : 's'} for ${n} columns`, line);
    row.slice(1).forEach((cell, j) => {
      const text = (cell ?? '').trim();
      if (!text) { empty++; return; }
      const weight = fileNumber(text, line, `the cell ${label} → ${columns[j]}`);
      if (weight !== 0) ties.push({ source: label, target: columns[j], weight, line });
    });
  });
  const notes = ['Nodes are named by the matrix\'s row and column labels.'];
  if (empty) notes.push(`${empty} empty cell${empty === 1 ? '' : 's'} read as 0.`);
  return { nodes: columns, ties, direction: 'cells', notes };
}
