// A `labels` block: every entry is `term: "Label"`, and the names in its terms are variables some model can
// use (the union of the models' data scopes). An unknown name is a warning, not an error: a label that
// matches no coefficient changes no number, and a spec may keep labels for models it no longer declares.
import type { Decl, Expr } from '../syntax/ast.js';
import { walkExpr } from '../syntax/ast.js';
import { labelEntries, labelScope } from '../semantic/labels.js';
import { NameIndex } from '../../util/suggest.js';
import type { CheckContext } from './context.js';
import { sourceText } from './values.js';

export function checkLabels(ctx: CheckContext, decl: Decl): void {
  for (const entry of decl.block?.entries ?? []) {
    if (entry.type === 'assign') ctx.error('unexpected-assignment', entry.name.span, `A label is written \`${entry.name.name}: "Label"\``);
  }
  const { names, complete } = labelScope(ctx.model);
  let index: NameIndex | undefined;
  const seen = new Set<string>();
  for (const { term, label, span } of labelEntries(decl)) {
    const text = sourceText(term);
    if (!label) ctx.error('missing-value', span, `Give \`${text}\` its label as a string: \`${text}: "Label"\``);
    const key = termKey(term);
    if (seen.has(key)) ctx.warning('duplicate-label', term.span, `\`${text}\` is labelled twice; the last label wins`);
    seen.add(key);
    walkExpr(term, (e) => {
      if (e.type !== 'ident') return;
      const known = names.get(e.name);
      if (known?.ref) ctx.refer({ ...known.ref, span: e.span });
      if (known || !complete) return;
      ctx.unknown('unknown-label', e.span, e.name, `\`${e.name}\` is not a variable of any model's data, so this label prints nowhere`, (index ??= NameIndex.of(names)), 'warning');
    });
  }
}

/** What a term says, spans aside (walked, not recursed: `a:b:…` chains can be long). */
function termKey(term: Expr): string {
  const parts: string[] = [];
  walkExpr(term, (e) => {
    if (e.type === 'call') parts.push(`${e.callee.name}(${e.args.length}`);
    else if (e.type === 'binary' || e.type === 'unary') parts.push(e.op);
    else if (e.type === 'ident') parts.push(e.name);
    else if (e.type === 'number' || e.type === 'string' || e.type === 'bool') parts.push(String(e.value));
    else parts.push(e.type);
  });
  return parts.join(' ');
}
