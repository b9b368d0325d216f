// The entries of a `labels` block as (term, label) pairs, for the checks and the runner alike. The block is
// written `term: "Label"`, which the parser reads in three shapes: a name before `:` is an option key
// (`Overlap: "…"`, `a:b: "…"` whose value is `b: "…"`), anything else an item `l(x, 3): "…"`; a comma after a
// value continues the option's list, so `{ a: "A", l(b, 1): "B" }` gives `a` two values.
import type { Binary, Decl, Expr, Span, StringLit } from '../syntax/ast.js';
import type { Scope, ScopeEntry, SemanticModel } from './model.js';

export interface LabelEntry {
  term: Expr;
  /** Absent when the entry has no string after its `:`. */
  label?: StringLit;
  span: Span;
}

/** `term: "Label"` as an expression: the term and the string, or the whole expression without a label. */
function splitPair(expr: Expr): { term: Expr; label?: StringLit } {
  if (expr.type === 'binary' && expr.op === ':' && expr.right?.type === 'string') return { term: expr.left, label: expr.right };
  return { term: expr };
}

/** `key` joined to the term its option value begins with: `a` and `b: "…"` are the term `a:b`. */
function joined(key: Expr, rest: Expr): Binary {
  return { type: 'binary', op: ':', opSpan: { start: key.span.end, end: rest.span.start }, left: key, right: rest, span: { start: key.span.start, end: rest.span.end } };
}

/**
 * What a label's names may be: the variables of every model's data (complete once every header is read).
 * Computed once per semantic model (which never changes), however many `labels` declarations ask.
 */
export function labelScope(model: SemanticModel): Scope {
  let scope = labelScopes.get(model);
  if (scope) return scope;
  const scopes = model.symbolsOfKind(['model']).flatMap((m) => model.modelScope(m) ?? []);
  const names = new Map<string, ScopeEntry>();
  for (const s of scopes) for (const [name, entry] of s.names) if (!names.has(name)) names.set(name, entry);
  scope = { description: 'the variables of the models\' data', names, complete: scopes.every((s) => s.complete) };
  labelScopes.set(model, scope);
  return scope;
}
const labelScopes = new WeakMap<SemanticModel, Scope>();

export function labelEntries(decl: Decl): LabelEntry[] {
  const out: LabelEntry[] = [];
  for (const entry of decl.block?.entries ?? []) {
    if (entry.type === 'item') out.push({ ...splitPair(entry.value), span: entry.span });
    if (entry.type !== 'option') continue;
    const [first, ...rest] = entry.values;
    if (first?.type === 'string') out.push({ term: entry.key, label: first, span: { start: entry.key.span.start, end: first.span.end } });
    else if (first) {
      const pair = splitPair(first);
      out.push({ term: joined(entry.key, pair.term), label: pair.label, span: { start: entry.key.span.start, end: first.span.end } });
    } else out.push({ term: entry.key, span: entry.span });
    for (const value of rest) out.push({ ...splitPair(value), span: value.span });
  }
  return out;
}
