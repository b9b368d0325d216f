// Runs every check over a parsed study and returns the semantic model, diagnostics and references.
import type { StudyFile } from '../syntax/ast.js';
import { SemanticModel, type TableProvider } from '../semantic/model.js';
import { CheckContext, type Diagnostic } from './context.js';
import { checkDeclaration } from './declarations.js';

export interface CheckResult {
  model: SemanticModel;
  diagnostics: Diagnostic[];
  references: CheckContext['references'];
}

export function checkStudy(file: StudyFile, tables: TableProvider): CheckResult {
  const model = new SemanticModel(file, tables);
  const ctx = new CheckContext(model);
  for (const e of file.errors) ctx.error('syntax', e.span, e.message);
  for (const dup of model.duplicates) {
    const first = model.symbols.get(dup.name)!;
    ctx.error('duplicate-name', dup.nameSpan, `\`${dup.name}\` is already declared (as ${first.kind === dup.kind ? 'another' : 'a'} ${first.kind}); names must be unique: rename one of them`);
  }
  const studies = file.decls.filter((d) => d.keyword.name === 'study');
  for (const extra of studies.slice(1)) ctx.error('duplicate-study', extra.keyword.span, 'A spec has one `study` declaration');
  for (const decl of file.decls) {
    try {
      checkDeclaration(ctx, decl);
    } catch (err) {
      // A check bug must not silence the other declarations' diagnostics.
      ctx.error('internal', decl.keyword.span, `Internal error while checking this declaration: ${(err as Error).message}`);
    }
  }
  return { model, diagnostics: ctx.diagnostics, references: ctx.references };
}

export type { Diagnostic };
