// "Run" above each declaration that produces results, and "Run all" above the first declaration.
import type { CodeLens } from 'vscode-languageserver';
import { RUNNABLE_KINDS } from '../language/schema/declarations.js';
import type { Analysis } from '../workspace/analysis.js';
import { toRange } from './convert.js';

export function codeLenses(a: Analysis, uri: string): CodeLens[] {
  const lenses: CodeLens[] = [];
  const first = a.file.decls[0];
  if (first && a.file.decls.some((d) => RUNNABLE_KINDS.has(d.keyword.name))) {
    lenses.push({ range: toRange(a.lines, first.keyword.span), command: { title: '▶ Run all', command: 'innograph.runStudy', arguments: [uri] } });
  }
  for (const d of a.file.decls) {
    if (!RUNNABLE_KINDS.has(d.keyword.name) || !d.name) continue;
    lenses.push({ range: toRange(a.lines, d.keyword.span), command: { title: '▶ Run', command: 'innograph.runDeclaration', arguments: [uri, d.name.name] } });
  }
  return lenses;
}
