// Moving a document's piece of tree to its new offset after an edit above it (see `reparse.ts`).
import type { Comment, Decl, Expr, Span, SyntaxError } from './ast.js';

/**
 * Moves a piece of tree that one document owns by `delta`, in place: no copy, so an edit near the top of a
 * large spec costs a walk of the trees below it, not their allocation. Written for the tree's shapes (a
 * generic walk costs three times as much), and relies on no two nodes sharing a span object (the parser
 * gives each its own).
 */
export function moveInPlace(piece: { decl?: Decl; comments: Comment[]; errors: SyntaxError[]; start: number }, delta: number): void {
  piece.start += delta;
  for (let i = 0; i < piece.comments.length; i++) move(piece.comments[i].span, delta);
  for (let i = 0; i < piece.errors.length; i++) move(piece.errors[i].span, delta);
  const decl = piece.decl;
  if (!decl) return;
  move(decl.span, delta); move(decl.keyword.span, delta);
  if (decl.name) move(decl.name.span, delta);
  if (decl.title) move(decl.title.span, delta);
  if (decl.from) move(decl.from.span, delta);
  const exprs = pending;
  for (let i = 0; i < decl.values.length; i++) exprs.push(decl.values[i]);
  const block = decl.block;
  if (block) {
    move(block.span, delta); move(block.open, delta);
    if (block.close) move(block.close, delta);
    for (let i = 0; i < block.entries.length; i++) {
      const e = block.entries[i];
      move(e.span, delta);
      if (e.type === 'option') {
        move(e.key.span, delta);
        for (let j = 0; j < e.values.length; j++) exprs.push(e.values[j]);
      } else if (e.type === 'assign') {
        move(e.name.span, delta);
        if (e.value) exprs.push(e.value);
      } else exprs.push(e.value);
    }
  }
  while (exprs.length) {
    const e = exprs.pop()!;
    move(e.span, delta);
    switch (e.type) {
      case 'call':
        move(e.callee.span, delta); move(e.open, delta);
        if (e.close) move(e.close, delta);
        for (let i = 0; i < e.args.length; i++) {
          const a = e.args[i];
          move(a.span, delta);
          if (a.name) move(a.name.span, delta);
          if (a.value) exprs.push(a.value);
        }
        break;
      case 'binary': move(e.opSpan, delta); exprs.push(e.left); if (e.right) exprs.push(e.right); break;
      case 'unary': if (e.operand) exprs.push(e.operand); break;
      case 'member': if (e.property) move(e.property.span, delta); exprs.push(e.object); break;
      case 'tuple': for (let i = 0; i < e.items.length; i++) exprs.push(e.items[i]); break;
    }
  }
}

/** The expressions `moveInPlace` has yet to move: one stack for every call (it is empty between calls). */
const pending: Expr[] = [];

function move(span: Span, delta: number): void {
  span.start += delta;
  span.end += delta;
}
