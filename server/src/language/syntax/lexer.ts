// The study language's lexer: one pass over character codes, producing chevrotain tokens of the types in
// `tokens.ts`. Those token definitions (with their regular expressions) stay the language's reference, and
// a test runs chevrotain's own Lexer on them beside this one and demands identical output; this scanner
// exists because chevrotain's generic lexer costs a regular-expression match and its result array per
// token, about 5× the time of a hand-written loop, which a 65,536-declaration spec cannot afford.
import type { IToken, TokenType } from 'chevrotain';
import * as T from './tokens.js';

export interface LexError { offset: number; length: number }
export interface Lexed {
  tokens: IToken[];
  /** `//` and `/* … *\/` comments. */
  comments: IToken[];
  /** `#` comments, which the parser reports as an R/Stata habit. */
  hashComments: IToken[];
  /** Runs of characters that start no token. */
  errors: LexError[];
}

const KEYWORDS: ReadonlyMap<string, TokenType> = new Map([
  ['from', T.From], ['true', T.True], ['false', T.False], ['not', T.Not], ['where', T.Where], ['by', T.By],
  ['rolling', T.Rolling], ['of', T.Of], ['and', T.And], ['or', T.Or], ['in', T.In],
]);

/** Tokens of one character that no longer token starts with. */
const SINGLE: ReadonlyMap<number, TokenType> = new Map([
  ['~', T.Tilde], ['|', T.Pipe], ['^', T.Caret], [':', T.Colon], [',', T.Comma], ['+', T.Plus], ['-', T.Minus],
  ['*', T.Star], ['×', T.Times], ['(', T.LParen], [')', T.RParen], ['{', T.LBrace], ['}', T.RBrace],
  ['[', T.LBracket], [']', T.RBracket],
].map(([c, t]) => [(c as string).charCodeAt(0), t as TokenType]));

const NL = 10;
const CR = 13;
const QUOTE = 34;
const BACKSLASH = 92;
const SLASH = 47;
const STAR = 42;
const DOT = 46;

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0xfeff;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isWordStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}
function isWordPart(c: number): boolean {
  return isWordStart(c) || isDigit(c);
}
/** What `.` in a regular expression does not match. */
function isLineTerminator(c: number): boolean {
  return c === NL || c === CR || c === 0x2028 || c === 0x2029;
}

export function lexStudy(text: string): Lexed {
  const out: Lexed = { tokens: [], comments: [], hashComments: [], errors: [] };
  const found: Found = { type: T.WhiteSpace, end: 0 };
  const n = text.length;
  let at = 0;
  let errorStart = -1;
  while (at < n) {
    if (!scan(text, at, found)) {
      if (errorStart < 0) errorStart = at;
      at++;
      continue;
    }
    if (errorStart >= 0) {
      out.errors.push({ offset: errorStart, length: at - errorStart });
      errorStart = -1;
    }
    const { type, end } = found;
    if (type !== T.WhiteSpace) {
      const token = { image: text.slice(at, end), startOffset: at, endOffset: end - 1, tokenTypeIdx: type.tokenTypeIdx!, tokenType: type } as IToken;
      if (type === T.LineComment || type === T.BlockComment) out.comments.push(token);
      else if (type === T.HashComment) out.hashComments.push(token);
      else out.tokens.push(token);
    }
    at = end;
  }
  if (errorStart >= 0) out.errors.push({ offset: errorStart, length: n - errorStart });
  return out;
}

/** The token `scan` found: its type and where it ends. */
interface Found { type: TokenType; end: number }

function is(found: Found, type: TokenType, end: number): true {
  found.type = type;
  found.end = end;
  return true;
}

/** Finds the token starting at `at` (false when none does), trying the token types in `allTokens` order. */
function scan(text: string, at: number, found: Found): boolean {
  const c = text.charCodeAt(at);
  const next = text.charCodeAt(at + 1);
  if (isSpace(c)) {
    let i = at + 1;
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    return is(found, T.WhiteSpace, i);
  }
  if (isWordStart(c)) {
    let i = at + 1;
    while (i < text.length && isWordPart(text.charCodeAt(i))) i++;
    // No keyword is longer than `rolling`: longer words are names without a lookup.
    return is(found, (i - at <= 7 && KEYWORDS.get(text.slice(at, i))) || T.Identifier, i);
  }
  if (isDigit(c)) return is(found, T.NumberLiteral, numberEnd(text, at));
  if (c === QUOTE) return stringEnd(text, at, found);
  if (c === 35 /* # */) return is(found, T.HashComment, lineEnd(text, at));
  if (c === SLASH && next === SLASH) return is(found, T.LineComment, lineEnd(text, at));
  if (c === SLASH && next === STAR) {
    const close = text.indexOf('*/', at + 2);
    // An unclosed `/*` is not a comment: it lexes as `/` and then `*`, as the token patterns say.
    if (close >= 0) return is(found, T.BlockComment, close + 2);
  }
  if (c === DOT) return next === DOT ? is(found, T.DotDot, at + 2) : is(found, T.Dot, at + 1);
  if (c === 61 /* = */) return next === 61 ? is(found, T.EqEq, at + 2) : is(found, T.Equals, at + 1);
  if (c === 60 /* < */) return next === 61 ? is(found, T.LessEq, at + 2) : is(found, T.Less, at + 1);
  if (c === 62 /* > */) return next === 61 ? is(found, T.GreaterEq, at + 2) : is(found, T.Greater, at + 1);
  if (c === 33 /* ! */) return next === 61 && is(found, T.NotEq, at + 2);
  if (c === SLASH) return is(found, T.Slash, at + 1);
  const single = SINGLE.get(c);
  return single !== undefined && is(found, single, at + 1);
}

function lineEnd(text: string, at: number): number {
  let i = at;
  while (i < text.length && text.charCodeAt(i) !== NL && text.charCodeAt(i) !== CR) i++;
  return i;
}

/** `\d+(\.\d+)?([eE][+-]?\d+)?` */
function numberEnd(text: string, at: number): number {
  const digits = (i: number) => { while (isDigit(text.charCodeAt(i))) i++; return i; };
  let i = digits(at);
  if (text.charCodeAt(i) === DOT && isDigit(text.charCodeAt(i + 1))) i = digits(i + 1);
  const e = text.charCodeAt(i);
  if (e === 101 || e === 69) {
    const sign = text.charCodeAt(i + 1);
    const first = sign === 43 || sign === 45 ? i + 2 : i + 1;
    if (isDigit(text.charCodeAt(first))) i = digits(first);
  }
  return i;
}

/** A string from its opening quote: to its closing quote, or (unterminated) to where the line ends. */
function stringEnd(text: string, at: number, found: Found): true {
  let i = at + 1;
  found.type = T.UnterminatedString;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      found.type = T.StringLiteral;
      i++;
      break;
    }
    if (c === NL || c === CR) break;
    if (c === BACKSLASH) {
      if (i + 1 >= text.length || isLineTerminator(text.charCodeAt(i + 1))) break;
      i += 2;
      continue;
    }
    i++;
  }
  found.end = i;
  return true;
}
