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

  /**
   * Diagnostics per code in the declaration being checked. Past MAX_SAME_CODE of one code they are counted, not
   * kept: a block of 15,000 unknown items gives 50 messages and a count, not 15,000 messages that the editor would
   * receive and redraw on every keystroke (nor 15,000 did-you-mean searches).
   */
  private perCode?: Map<string, { count: number; error: boolean }>;

  beginDeclaration(): void {
    this.perCode = new Map();
  }

  /** Says, at `at`, how many diagnostics of each code the declaration had beyond those shown. */
  endDeclaration(at: Span): void {
    const counts = this.perCode;
    this.perCode = undefined;
    for (const [code, { count, error }] of counts ?? []) {
      if (count <= MAX_SAME_CODE) continue;
      this.report(error ? 'error' : 'warning', code, at, `${(count - MAX_SAME_CODE).toLocaleString('en-US')} more \`${code}\` problems in this declaration (the first ${MAX_SAME_CODE} are shown)`);
    }
  }

  report(severity: Severity, code: string, span: Span, message: string, fixes?: Fix[]): void {
    if (this.perCode) {
      const seen = this.perCode.get(code) ?? { count: 0, error: false };
      this.perCode.set(code, { count: seen.count + 1, error: seen.error || severity === 'error' });
      if (seen.count >= MAX_SAME_CODE) return;
    }
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
    const shown = (this.perCode?.get(code)?.count ?? 0) < MAX_SAME_CODE;
    const suggestion = shown ? suggest(word, candidates) : undefined;
    if (suggestion) {
      this.report(severity, code, span, `${message}. Did you mean \`${suggestion}\`?`, [{ title: `Change to \`${suggestion}\``, span, newText: suggestion }]);
    } else {
      this.report(severity, code, span, message);
    }
  }
}

/** Diagnostics of one code shown per declaration; the rest are counted. */
export const MAX_SAME_CODE = 50;

export function listNames(names: Iterable<string>, max = 12): string {
  const all = [...names];
  const shown = all.slice(0, max).map((n) => `\`${n}\``).join(', ');
  return all.length > max ? `${shown}, … (${all.length} in all)` : shown;
}
