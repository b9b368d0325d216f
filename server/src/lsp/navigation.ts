// Go to definition, find references, document highlights and rename, from the references the checks
// resolved. Declared names, panel variables and derived columns can be renamed; a file's columns belong to
// the file.
import type { Location, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { Span } from '../language/syntax/ast.js';
import type { Reference } from '../language/semantic/model.js';
import type { Analysis } from '../workspace/analysis.js';
import { toRange } from './convert.js';
import { referenceAt } from './locate.js';
import { declSpec } from '../language/schema/declarations.js';
import { derivedColumns } from '../language/semantic/derived.js';

/** What the cursor is on: a reference, or the defining occurrence itself. */
interface Target { key: string; definition: Span; renamable: boolean }

function targetAt(a: Analysis, offset: number): Target | undefined {
  const ref = referenceAt(a.references, offset);
  if (ref) return targetOf(ref);
  for (const s of a.model.symbols.values()) {
    if (s.nameSpan.start <= offset && offset <= s.nameSpan.end) return { key: `decl:${s.name}`, definition: s.nameSpan, renamable: true };
  }
  for (const d of a.file.decls) {
    const assignments = declSpec(d.keyword.name)?.assignments;
    if (!assignments || !d.name) continue;
    for (const e of d.block?.entries ?? []) {
      if (e.type === 'assign' && e.name.span.start <= offset && offset <= e.name.span.end) {
        return { key: `${assignments === 'columns' ? 'col' : 'var'}:${d.name.name}:${e.name.name}`, definition: e.name.span, renamable: true };
      }
    }
  }
  return undefined;
}

function targetOf(ref: Reference): Target {
  switch (ref.kind) {
    case 'decl': return { key: `decl:${ref.target.name}`, definition: ref.target.nameSpan, renamable: true };
    case 'variable': return { key: `var:${ref.panel.name}:${ref.name}`, definition: ref.definition, renamable: true };
    case 'column': {
      const derived = derivedColumns(ref.dataset.decl).find((e) => e.name.name === ref.column);
      return { key: `col:${ref.dataset.name}:${ref.column}`, definition: derived?.name.span ?? ref.dataset.decl.from?.span ?? ref.dataset.nameSpan, renamable: derived !== undefined };
    }
  }
}

/** Every span referring to the target, the definition first. */
function occurrences(a: Analysis, target: Target): Span[] {
  const spans = a.references.filter((r) => targetOf(r).key === target.key).map((r) => r.span);
  // A file's column is defined in the file; a derived column where it is derived.
  const inFile = target.key.startsWith('col:') && !target.renamable;
  const all = inFile ? spans : [target.definition, ...spans];
  const seen = new Set<string>();
  return all.filter((s) => {
    const k = `${s.start}:${s.end}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function definition(a: Analysis, uri: string, offset: number): Location | null {
  const target = targetAt(a, offset);
  return target ? { uri, range: toRange(a.lines, target.definition) } : null;
}

export function references(a: Analysis, uri: string, offset: number, includeDeclaration: boolean): Location[] {
  const target = targetAt(a, offset);
  if (!target) return [];
  return occurrences(a, target)
    .filter((s) => includeDeclaration || s.start !== target.definition.start)
    .map((s) => ({ uri, range: toRange(a.lines, s) }));
}

export function highlights(a: Analysis, offset: number): { range: Range }[] {
  const target = targetAt(a, offset);
  return target ? occurrences(a, target).map((s) => ({ range: toRange(a.lines, s) })) : [];
}

export function prepareRename(a: Analysis, offset: number): { range: Range; placeholder: string } | null {
  const target = targetAt(a, offset);
  if (!target?.renamable) return null;
  const span = occurrences(a, target).find((s) => s.start <= offset && offset <= s.end) ?? target.definition;
  return { range: toRange(a.lines, span), placeholder: a.text.slice(span.start, span.end) };
}

export const VALID_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function rename(a: Analysis, uri: string, offset: number, newName: string): WorkspaceEdit | null {
  const target = targetAt(a, offset);
  if (!target?.renamable) return null;
  if (!VALID_NAME.test(newName)) throw new Error(`\`${newName}\` is not a valid name: use letters, digits and _, starting with a letter`);
  if (target.key.startsWith('decl:') && a.model.symbols.has(newName)) throw new Error(`\`${newName}\` is already declared`);
  const edits: TextEdit[] = occurrences(a, target).map((s) => ({ range: toRange(a.lines, s), newText: newName }));
  return { changes: { [uri]: edits } };
}
