// Quick fixes carried by the diagnostics themselves (did-you-mean replacements, swapped ranges).
import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver';

interface FixData { title: string; range: Range; newText: string }

export function quickFixes(uri: string, diagnostics: Diagnostic[]): CodeAction[] {
  return diagnostics.flatMap((d) => ((d.data as FixData[] | undefined) ?? []).map((fix, i) => ({
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    isPreferred: i === 0,
    edit: { changes: { [uri]: [{ range: fix.range, newText: fix.newText }] } },
  })));
}
