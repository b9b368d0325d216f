// The parser is recursive descent: each bracket or prefix operator costs stack frames. Past a fixed depth
// the nested part is cut out before parsing, with one located error, so that no input can overflow the
// stack (in the main thread or a worker) and the declaration's other parts still parse.
import type { IToken } from 'chevrotain';
import type { Span } from './ast.js';
import { tokenSpan } from './nodes.js';
import * as T from './tokens.js';

/** Far below the ~300 levels that overflow the stack, far beyond any real formula. */
export const MAX_NESTING = 64;

const OPENERS = [T.LParen, T.LBracket, T.LBrace];
const CLOSERS = [T.RParen, T.RBracket, T.RBrace];
const PREFIX = [T.Minus, T.Not];
// These are concrete token types (no categories), so a token is one of them exactly when its type is.
const isAny = (t: IToken, types: typeof OPENERS) => types.includes(t.tokenType);

/**
 * The tokens with every bracket group that opens deeper than MAX_NESTING reduced to its two brackets (an
 * empty group where the deep part was), and runs of prefix operators (`- - - x`) cut at MAX_NESTING.
 */
export function limitNesting(tokens: IToken[], report: (message: string, span: Span) => void): IToken[] {
  if (withinLimit(tokens)) return tokens;
  const kept: IToken[] = [];
  let depth = 0;
  let prefixRun = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (isAny(t, PREFIX)) {
      if (++prefixRun + depth > MAX_NESTING) {
        if (prefixRun + depth === MAX_NESTING + 1) report(`Operators nest deeper than ${MAX_NESTING} levels: simplify this expression`, tokenSpan(t)!);
        continue;
      }
    } else {
      prefixRun = 0;
    }
    if (isAny(t, OPENERS) && ++depth > MAX_NESTING) {
      report(`Expressions nest deeper than ${MAX_NESTING} levels: simplify this expression`, tokenSpan(t)!);
      const close = matchingClose(tokens, i);
      kept.push(t);
      if (close === undefined) return kept;
      kept.push(tokens[close]);
      i = close;
      depth--;
      continue;
    }
    if (isAny(t, CLOSERS)) depth = Math.max(0, depth - 1);
    kept.push(t);
  }
  return kept;
}

/** The common case, checked without copying: no bracket or prefix run goes past the limit. */
function withinLimit(tokens: IToken[]): boolean {
  let depth = 0;
  let prefixRun = 0;
  for (const t of tokens) {
    prefixRun = isAny(t, PREFIX) ? prefixRun + 1 : 0;
    if (isAny(t, OPENERS)) depth++;
    else if (isAny(t, CLOSERS)) depth = Math.max(0, depth - 1);
    if (depth + prefixRun > MAX_NESTING) return false;
  }
  return true;
}

function matchingClose(tokens: IToken[], open: number): number | undefined {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (isAny(tokens[i], OPENERS)) depth++;
    else if (isAny(tokens[i], CLOSERS) && --depth === 0) return i;
  }
  return undefined;
}
