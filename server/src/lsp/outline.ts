// Document symbols (the outline) and folding ranges. Both work from the syntax tree alone, so a file
// with errors still has its outline.
import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver';
import type { Decl, StudyFile } from '../language/syntax/ast.js';
import type { LineIndex } from '../language/syntax/lines.js';
import { sourceText } from '../language/checks/values.js';
import { toRange } from './convert.js';

const KIND: Record<string, SymbolKind> = {
  study: SymbolKind.File, dataset: SymbolKind.Struct, lookup: SymbolKind.Struct, regions: SymbolKind.Enum,
  windows: SymbolKind.Array, network: SymbolKind.Class, measures: SymbolKind.Object, blocks: SymbolKind.Namespace,
  clusters: SymbolKind.Enum, panel: SymbolKind.Module, model: SymbolKind.Function, table: SymbolKind.Interface,
};

export function documentSymbols(file: StudyFile, lines: LineIndex): DocumentSymbol[] {
  return file.decls.map((d) => symbolOf(d, lines));
}

function symbolOf(d: Decl, lines: LineIndex): DocumentSymbol {
  const nameNode = d.name ?? d.title ?? d.keyword;
  const name = d.name?.name ?? d.title?.value ?? d.keyword.name;
  const children: DocumentSymbol[] = [];
  for (const e of d.block?.entries ?? []) {
    if (e.type === 'assign') {
      children.push({ name: e.name.name, kind: SymbolKind.Variable, detail: e.value ? sourceText(e.value) : '', range: toRange(lines, e.span), selectionRange: toRange(lines, e.name.span) });
    } else if (e.type === 'option') {
      children.push({ name: e.key.name, kind: SymbolKind.Property, detail: e.values.map(sourceText).join(', '), range: toRange(lines, e.span), selectionRange: toRange(lines, e.key.span) });
    }
  }
  const detail = d.from ? `${d.keyword.name} from "${d.from.value}"` : `${d.keyword.name}${d.values[0] ? ` = ${sourceText(d.values[0])}` : ''}`;
  return {
    name: name || d.keyword.name, kind: KIND[d.keyword.name] ?? SymbolKind.Null, detail,
    range: toRange(lines, d.span), selectionRange: toRange(lines, nameNode.span), children,
  };
}

export function foldingRanges(file: StudyFile, lines: LineIndex): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  for (const d of file.decls) {
    const start = lines.position(d.span.start).line;
    const end = lines.position(d.span.end).line;
    if (end > start) ranges.push({ startLine: start, endLine: end });
  }
  // Runs of consecutive line comments fold together.
  let run: { start: number; end: number } | undefined;
  const flush = () => {
    if (run && run.end > run.start) ranges.push({ startLine: run.start, endLine: run.end, kind: FoldingRangeKind.Comment });
    run = undefined;
  };
  for (const c of file.comments) {
    const s = lines.position(c.span.start).line;
    const e = lines.position(c.span.end).line;
    if (run && s === run.end + 1) run.end = e;
    else { flush(); run = { start: s, end: e }; }
  }
  flush();
  return ranges;
}
