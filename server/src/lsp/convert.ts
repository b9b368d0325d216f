// Conversions between the language layer's plain data and LSP types.
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import type { Span } from '../language/syntax/ast.js';
import type { Diagnostic as StudyDiagnostic } from '../language/checks/context.js';
import type { LineIndex } from '../language/syntax/lines.js';

export function toRange(lines: LineIndex, span: Span): Range {
  return { start: lines.position(span.start), end: lines.position(Math.max(span.start, span.end)) };
}

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
} as const;

/** Quick fixes travel in `data`, so code actions need no second analysis. */
export function toDiagnostic(lines: LineIndex, d: StudyDiagnostic): Diagnostic {
  return {
    range: toRange(lines, d.span),
    severity: SEVERITY[d.severity],
    source: 'innograph',
    code: d.code,
    message: d.message,
    data: d.fixes?.map((f) => ({ title: f.title, range: toRange(lines, f.span), newText: f.newText })),
  };
}
