// The syntax tree's nodes built from tokens: one builder per node kind, shared by the chevrotain grammar
// (which may hand them tokens it invented during recovery, or leave parts out) and by the quick parser of
// well-formed declarations, so that both give one declaration the same tree.
import { tokenMatcher, type IToken } from 'chevrotain';
import type { Arg, Block, Decl, Entry, Expr, Ident, Span, StringLit } from './ast.js';
import * as T from './tokens.js';

/** Tokens that can begin an expression: the gate for optional operands and values. */
const EXPRESSION_STARTS = [
  T.Identifier, T.NumberLiteral, T.StringLiteral, T.UnterminatedString, T.True, T.False,
  T.Not, T.Minus, T.LParen, T.LBracket,
];
/** `not x` binds looser than comparisons but tighter than `and`. */
export const NOT_MIN_PRECEDENCE = 5;

export function startsExpression(token: IToken): boolean {
  return EXPRESSION_STARTS.some((t) => tokenMatcher(token, t));
}
/** An option or argument key: a name, or a keyword (`where:`, `by:`). */
export function isKey(token: IToken): boolean {
  return tokenMatcher(token, T.Identifier) || tokenMatcher(token, T.Keyword);
}

/** Chevrotain marks tokens it invented during recovery with NaN offsets. */
export function tokenSpan(token: IToken): Span | undefined {
  if (token.isInsertedInRecovery || Number.isNaN(token.startOffset)) return undefined;
  return { start: token.startOffset, end: (token.endOffset ?? token.startOffset) + 1 };
}

/**
 * Where the declaration being parsed starts: the position of a node that recovery left without one, so that
 * a declaration parses to the same tree wherever it is parsed and then moved.
 */
let origin = 0;
export function startDeclaration(tokens: readonly IToken[]): void {
  origin = tokens[0]?.startOffset ?? 0;
}
export function nowhere(): Span {
  return { start: origin, end: origin };
}
/**
 * A span of its own for a node that borrows another's position: no two nodes share a span object, so that a
 * document's tree can be moved in place after an edit (`moveInPlace`).
 */
function copySpan(span: Span | undefined): Span {
  return span ? { start: span.start, end: span.end } : nowhere();
}
function join(a: Span | undefined, b: Span | undefined): Span {
  const first = a ?? b ?? nowhere();
  const last = b ?? a ?? first;
  return { start: Math.min(first.start, last.start), end: Math.max(first.end, last.end) };
}

export function ident(token: IToken): Ident {
  return { type: 'ident', name: token.image, span: tokenSpan(token) ?? nowhere() };
}
function unquote(image: string): string {
  const body = image.endsWith('"') && image.length > 1 ? image.slice(1, -1) : image.slice(1);
  return body.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
}
export function stringLit(token: IToken): StringLit {
  return { type: 'string', value: unquote(token.image), span: tokenSpan(token) ?? nowhere() };
}
export function numberLit(token: IToken): Expr {
  return { type: 'number', value: Number(token.image), text: token.image, span: tokenSpan(token) ?? nowhere() };
}
export function boolLit(token: IToken, value: boolean): Expr {
  return { type: 'bool', value, span: tokenSpan(token)! };
}

/** Recovery can leave holes in lists of parts: they are dropped. */
function present<X>(parts: X[]): X[] {
  return parts.filter(Boolean);
}

export function declNode(keyword: IToken, name: IToken | undefined, title: IToken | undefined, from: IToken | undefined, values: Expr[], block: Block | undefined): Decl {
  const kw = ident(keyword);
  const kept = present(values);
  const last = block?.span ?? kept.at(-1)?.span ?? (from && tokenSpan(from)) ?? (title && tokenSpan(title)) ?? (name && tokenSpan(name));
  return {
    type: 'decl', keyword: kw,
    name: name && tokenSpan(name) ? ident(name) : undefined,
    title: title && tokenSpan(title) ? stringLit(title) : undefined,
    from: from && tokenSpan(from) ? stringLit(from) : undefined,
    values: kept, block, span: join(kw.span, last),
  };
}

export function blockNode(open: IToken, entries: Entry[], close: IToken): Block {
  const openSpan = tokenSpan(open) ?? nowhere();
  const closeSpan = tokenSpan(close);
  const kept = present(entries);
  return { type: 'block', entries: kept, open: openSpan, close: closeSpan, span: join(openSpan, closeSpan ?? kept.at(-1)?.span) };
}

export function optionNode(key: IToken, values: Expr[]): Entry {
  const k = ident(key);
  const kept = present(values);
  return { type: 'option', key: k, values: kept, span: join(k.span, kept.at(-1)?.span ?? { start: k.span.end, end: k.span.end + 1 }) };
}

export function assignNode(name: Ident, value: Expr | undefined): Entry {
  return { type: 'assign', name, value, span: join(name.span, value?.span) };
}

export function itemNode(value: Expr): Entry {
  return { type: 'item', value, span: copySpan(value.span) };
}

/** An operator's span; one recovery invented lies at its left operand. */
export function operatorSpan(op: IToken, left: Expr | undefined): Span {
  return tokenSpan(op) ?? copySpan(left?.span);
}

export function binaryNode(op: IToken, left: Expr, right: Expr | undefined): Expr {
  const opSpan = operatorSpan(op, left);
  return { type: 'binary', op: op.image, opSpan, left, right, span: join(left.span, right?.span ?? opSpan) };
}

export function unaryNode(op: '-' | 'not', token: IToken, operand: Expr | undefined): Expr {
  return { type: 'unary', op, operand, span: join(tokenSpan(token), operand?.span) };
}

export function memberNode(object: Expr, dot: IToken, property: Ident | undefined): Expr {
  return { type: 'member', object, property, span: join(object?.span, property?.span ?? tokenSpan(dot)) };
}

/** A name, or a call when `open` was found. */
export function nameOrCallNode(name: IToken, open: IToken | undefined, args: Arg[], close: IToken | undefined): Expr {
  const callee = ident(name);
  if (!open) return callee;
  const openSpan = tokenSpan(open) ?? copySpan(callee.span);
  const closeSpan = close && tokenSpan(close);
  const kept = present(args);
  return { type: 'call', callee, args: kept, open: openSpan, close: closeSpan, span: join(callee.span, closeSpan ?? kept.at(-1)?.span ?? openSpan) };
}

export function argNode(name: Ident | undefined, value: Expr | undefined): Arg {
  return { name, value, span: join(name?.span, value?.span ?? name?.span) };
}

export function tupleNode(bracket: '(' | '[', open: IToken, items: Expr[], close: IToken): Expr {
  const kept = present(items);
  return { type: 'tuple', bracket, items: kept, span: join(tokenSpan(open), tokenSpan(close) ?? kept.at(-1)?.span) };
}
