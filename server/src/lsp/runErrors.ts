// A run's failures as diagnostics that follow the text. The spec may be edited while a run is in flight
// and after it, so an error is not kept as a line number: it is anchored to the declaration it points
// into (its name and source text, when the run started) and placed on that declaration as it is now.
// Once the declaration's text changes, or it is gone, the error no longer describes it and is dropped.
import type { Diagnostic } from 'vscode-languageserver';
import type { Decl } from '../language/syntax/ast.js';
import type { ResultsFile } from '../results/format.js';
import type { Analysis } from '../workspace/analysis.js';
import { toRange } from './convert.js';

export interface RunErrorAnchor {
  /** The declaration's keyword and name, e.g. `model drivers`. */
  declaration: string;
  /** Its source text when the run started. */
  source: string;
  /** The error's span, relative to the declaration's start. */
  start: number;
  end: number;
  message: string;
}

/**
 * The text a run is made on and where its declarations are, taken when the run starts: the document's
 * tree moves with later edits (see `DocumentParser`), the run's line numbers do not.
 */
export interface RunText { text: string; lines: Analysis['lines']; decls: { key: string; start: number; end: number }[] }

export function runText(analysis: Analysis): RunText {
  return { text: analysis.text, lines: analysis.lines, decls: analysis.file.decls.map((d) => ({ key: declarationKey(d), start: d.span.start, end: d.span.end })) };
}

/** Anchors each failed declaration's error in the text the run was made on. */
export function anchorRunErrors(ranOn: RunText, results: ResultsFile): RunErrorAnchor[] {
  return results.results.flatMap((r) => {
    const at = r.status === 'error' ? r.error?.spec : undefined;
    if (!at) return [];
    const start = ranOn.lines.offset({ line: at.line - 1, character: at.column - 1 });
    const end = ranOn.lines.offset({ line: at.endLine - 1, character: at.endColumn - 1 });
    const decl = ranOn.decls.find((d) => d.start <= start && start <= d.end);
    if (!decl) return [];
    const data = r.error!.data;
    const where = data ? ` (${data.file}${data.line ? `:${data.line}` : ''}${data.column ? `, column ${data.column}` : ''})` : '';
    return [{
      declaration: decl.key, source: ranOn.text.slice(decl.start, decl.end),
      start: start - decl.start, end: end - decl.start, message: `${r.name}: ${r.error!.message}${where}`,
    }];
  });
}

/** The anchored errors whose declaration is unchanged in `now`, placed where that declaration is now. */
export function placeRunErrors(now: Analysis, anchors: readonly RunErrorAnchor[]): Diagnostic[] {
  if (!anchors.length) return [];
  const decls = new Map<string, Decl>();
  for (const d of now.file.decls) if (!decls.has(declarationKey(d))) decls.set(declarationKey(d), d);
  return anchors.flatMap((a) => {
    const decl = decls.get(a.declaration);
    if (!decl || now.text.slice(decl.span.start, decl.span.end) !== a.source) return [];
    const span = { start: decl.span.start + a.start, end: decl.span.start + a.end };
    return [{ range: toRange(now.lines, span), severity: 1, source: 'innograph run', code: 'run-error', message: a.message }];
  });
}

function declarationKey(decl: Decl): string {
  return `${decl.keyword.name} ${decl.name?.name ?? ''}`;
}

