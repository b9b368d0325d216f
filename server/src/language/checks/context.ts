// What every check writes to: diagnostics with optional quick fixes, and the references it resolved.
import { suggest, type NameIndex } from '../../util/suggest.js';
import type { Span } from '../syntax/ast.js';
import type { Reference, SemanticModel } from '../semantic/model.js';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A replacement the editor can offer as a quick fix. */
export interface Fix { title: string; span: Span; newText: string }

export interface Diagnostic {
  severity: Severity;
  message: string;
  span: Span;
  /** Stable identifier of the kind of problem, e.g. `unknown-name`. */
  code: string;
  fixes?: Fix[];
}

export class CheckContext {
  readonly diagnostics: Diagnostic[] = [];
  readonly references: Reference[] = [];

  constructor(readonly model: SemanticModel) {}

  report(severity: Severity, code: string, span: Span, message: string, fixes?: Fix[]): void {
    this.diagnostics.push({ severity, code, span, message, fixes });
  }
  error(code: string, span: Span, message: string, fixes?: Fix[]): void {
    this.report('error', code, span, message, fixes);
  }
  warning(code: string, span: Span, message: string, fixes?: Fix[]): void {
    this.report('warning', code, span, message, fixes);
  }
  refer(ref: Reference): void {
    this.references.push(ref);
  }

  /**
   * Reports an unknown word with a did-you-mean suggestion (message and quick fix) when a close
   * candidate exists. Large candidate sets (declared names, scopes) come as a `NameIndex` built once.
   */
  unknown(code: string, span: Span, word: string, message: string, candidates: Iterable<string> | NameIndex, severity: Severity = 'error'): void {
    const suggestion = suggest(word, candidates);
    if (suggestion) {
      this.report(severity, code, span, `${message}. Did you mean \`${suggestion}\`?`, [{ title: `Change to \`${suggestion}\``, span, newText: suggestion }]);
    } else {
      this.report(severity, code, span, message);
    }
  }
}

export function listNames(names: Iterable<string>, max = 12): string {
  const all = [...names];
  const shown = all.slice(0, max).map((n) => `\`${n}\``).join(', ');
  return all.length > max ? `${shown}, … (${all.length} in all)` : shown;
}
