// Runs every check over a parsed study and returns the semantic model, diagnostics and references.
import { performance } from 'node:perf_hooks';
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
  return new StudyCheck(new SemanticModel(file, tables)).result;
}

/**
 * The checks of one analysis, run when first needed: at once when the result is read, or a slice at a
 * time (`inSlices`) so that a language server answers requests between slices while it re-checks a
 * large spec.
 */
export class StudyCheck {
  private readonly steps: Generator<void, CheckResult>;
  private done?: CheckResult;
  private abandoned = false;

  constructor(readonly model: SemanticModel) {
    this.steps = checkSteps(model);
  }

  /** The diagnostics and references, finishing the checks now if they are not done. */
  get result(): CheckResult {
    while (!this.done) this.step(Infinity);
    return this.done;
  }

  /**
   * Finishes the checks in slices of about `sliceMs`, letting other work run between them. The slices are
   * short because the LSP connection handles one message per turn of the event loop: with 8 ms slices,
   * completion requests sent every 10 ms queued up behind them (0.8 s waits at 65,536 declarations).
   */
  async inSlices(sliceMs = 2): Promise<CheckResult | undefined> {
    while (!this.done && !this.abandoned) {
      this.step(performance.now() + sliceMs);
      if (!this.done) await new Promise((resolve) => setImmediate(resolve));
    }
    return this.abandoned ? undefined : this.done;
  }

  /** A newer version replaced this one: stop between slices (`inSlices` then answers undefined). */
  abandon(): void {
    this.abandoned = true;
  }

  private step(deadline: number): void {
    for (;;) {
      const next = this.steps.next();
      if (next.done) { this.done = next.value; return; }
      if (performance.now() >= deadline) return;
    }
  }
}

/** The checks, pausing after each declaration. */
function* checkSteps(model: SemanticModel): Generator<void, CheckResult> {
  const { file } = model;
  const ctx = new CheckContext(model);
  for (const e of file.errors) ctx.error('syntax', e.span, e.message);
  for (const dup of model.duplicates) {
    const first = model.symbols.get(dup.name)!;
    ctx.error('duplicate-name', dup.nameSpan, `\`${dup.name}\` is already declared (as ${first.kind === dup.kind ? 'another' : 'a'} ${first.kind}); names must be unique: rename one of them`);
  }
  const studies = file.decls.filter((d) => d.keyword.name === 'study');
  for (const extra of studies.slice(1)) ctx.error('duplicate-study', extra.keyword.span, 'A spec has one `study` declaration');
  for (const decl of file.decls) {
    ctx.beginDeclaration();
    try {
      checkDeclaration(ctx, decl);
    } catch (err) {
      // A check bug must not silence the other declarations' diagnostics.
      ctx.error('internal', decl.keyword.span, `Internal error while checking this declaration: ${(err as Error).message}`);
    }
    ctx.endDeclaration(decl.keyword.span);
    yield;
  }
  return { model, diagnostics: ctx.diagnostics, references: ctx.references };
}

export type { Diagnostic };
