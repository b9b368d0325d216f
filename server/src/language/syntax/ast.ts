// The syntax tree: plain data with exact source spans (offsets into the text, end exclusive).
// Nodes the parser could not complete keep the parts it found; optional fields mark what was missing.

export interface Span { start: number; end: number }

export interface Ident { type: 'ident'; name: string; span: Span }
export interface NumberLit { type: 'number'; value: number; text: string; span: Span }
export interface StringLit { type: 'string'; value: string; span: Span }
export interface BoolLit { type: 'bool'; value: boolean; span: Span }

/** `f(a, key: b)`; `close` is absent when the parenthesis was never closed. */
export interface Call { type: 'call'; callee: Ident; args: Arg[]; open: Span; close?: Span; span: Span }
export interface Arg { name?: Ident; value?: Expr; span: Span }

/** `a op b`; `right` is absent after a dangling operator, and for an open range `2..`. */
export interface Binary { type: 'binary'; op: string; opSpan: Span; left: Expr; right?: Expr; span: Span }
export interface Unary { type: 'unary'; op: '-' | 'not'; operand?: Expr; span: Span }
/** `object.property`, e.g. `invco.weight` or `rein_nodes.degree`. */
export interface Member { type: 'member'; object: Expr; property?: Ident; span: Span }
/** `(a, b)` or `[a, b]`; a single parenthesised expression is a tuple of one with `bracket: '('`. */
export interface Tuple { type: 'tuple'; bracket: '(' | '['; items: Expr[]; span: Span }

export type Expr = Ident | NumberLit | StringLit | BoolLit | Call | Binary | Unary | Member | Tuple;

/** `key: v1, v2` */
export interface OptionEntry { type: 'option'; key: Ident; values: Expr[]; span: Span }
/** `Name = expression` (panel variables) */
export interface AssignEntry { type: 'assign'; name: Ident; value?: Expr; span: Span }
/** A bare expression, e.g. a measure name in a `measures` block. */
export interface ItemEntry { type: 'item'; value: Expr; span: Span }
export type Entry = OptionEntry | AssignEntry | ItemEntry;

export interface Block { type: 'block'; entries: Entry[]; open: Span; close?: Span; span: Span }

/**
 * One top-level declaration: `kind name = values { block }`, `kind name from "file" { block }`,
 * or `study "title"`.
 */
export interface Decl {
  type: 'decl';
  keyword: Ident;
  name?: Ident;
  title?: StringLit;
  from?: StringLit;
  values: Expr[];
  block?: Block;
  span: Span;
}

export interface Comment { text: string; span: Span }

export interface SyntaxError { message: string; span: Span }

export interface StudyFile { decls: Decl[]; comments: Comment[]; errors: SyntaxError[] }


/** The operands of an expression, in source order. */
export function children(expr: Expr): (Expr | undefined)[] {
  switch (expr.type) {
    case 'call': return expr.args.map((a) => a.value);
    case 'binary': return [expr.left, expr.right];
    case 'unary': return [expr.operand];
    case 'member': return [expr.object];
    case 'tuple': return expr.items;
    default: return [];
  }
}

/**
 * Calls `visit` on every expression below `expr`, `expr` included, outermost first. Iterative: a long
 * `a + b + …` is a left-deep chain thousands of nodes deep.
 */
export function walkExpr(expr: Expr | undefined, visit: (e: Expr) => void): void {
  const stack: (Expr | undefined)[] = [expr];
  while (stack.length) {
    const e = stack.pop();
    if (!e) continue;
    visit(e);
    const below = children(e);
    for (let i = below.length - 1; i >= 0; i--) stack.push(below[i]);
  }
}

/** Every expression of a declaration: its values, block entries and their values. */
export function declExprs(decl: Decl): Expr[] {
  const out: Expr[] = [...decl.values];
  for (const e of decl.block?.entries ?? []) {
    if (e.type === 'option') out.push(...e.values);
    else if (e.type === 'assign') { if (e.value) out.push(e.value); }
    else out.push(e.value);
  }
  return out;
}

export function contains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}
