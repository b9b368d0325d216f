// The formatter: canonical spacing and indentation, token by token, keeping comments, line breaks and
// the alignment people put after `key:`, before `=`, `from` and trailing comments. Works on files that do not parse;
// returns undefined when the text does not even lex, so nothing is ever lost.
import { tokenMatcher, type IToken } from 'chevrotain';
import { lexStudy } from './syntax/lexer.js';
import { LineIndex } from './syntax/lines.js';
import * as T from './syntax/tokens.js';

export interface FormatOptions { indent: string }

const OPENERS = [T.LBrace, T.LParen, T.LBracket];
const CLOSERS = [T.RBrace, T.RParen, T.RBracket];
const is = (t: IToken | undefined, ...types: typeof OPENERS) => !!t && types.some((x) => tokenMatcher(t, x));
const isComment = (t: IToken | undefined) => is(t, T.LineComment, T.BlockComment);
const isWord = (t: IToken | undefined) => is(t, T.Identifier, T.Keyword);

export function formatStudy(text: string, options: FormatOptions): string | undefined {
  const lexed = lexStudy(text);
  if (lexed.errors.length) return undefined;
  // Comments (`#` ones too) go back out: the formatter must never drop text.
  const tokens = [...lexed.tokens, ...lexed.comments, ...lexed.hashComments].sort((a, b) => a.startOffset - b.startOffset);
  const index = new LineIndex(text);
  const lineOf = (offset: number) => index.position(offset).line;
  const lines: string[] = [];
  let depth = 0;
  let lastLine = 0;
  let blankRun = 0;
  let i = 0;
  while (i < tokens.length) {
    const line = lineOf(tokens[i].startOffset);
    // Blank lines between token lines: at most one, none at the start.
    const gap = line - lastLine - 1;
    if (lines.length && gap > 0 && blankRun === 0) { lines.push(''); blankRun = 1; }
    const onLine: IToken[] = [];
    while (i < tokens.length && lineOf(tokens[i].startOffset) === line) onLine.push(tokens[i++]);
    const leadingClosers = onLine.findIndex((t) => !is(t, ...CLOSERS));
    const dedent = leadingClosers === -1 ? onLine.length : leadingClosers;
    const indent = options.indent.repeat(Math.max(0, depth - (dedent > 0 ? 1 : 0)));
    lines.push(indent + renderLine(onLine, text));
    blankRun = 0;
    for (const t of onLine) {
      if (is(t, ...OPENERS)) depth++;
      else if (is(t, ...CLOSERS)) depth = Math.max(0, depth - 1);
    }
    const last = onLine.at(-1)!;
    lastLine = lineOf(last.startOffset + last.image.length);
  }
  return lines.length ? `${lines.map(trimEndSpaces).join('\n')}\n` : '';
}

/** A line without its trailing spaces and tabs, by a scan (a regex backtracks quadratically on a long indent). */
function trimEndSpaces(line: string): string {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  return line.slice(0, end);
}

function renderLine(tokens: IToken[], text: string): string {
  let out = '';
  tokens.forEach((t, k) => {
    if (k > 0) out += spaceBetween(tokens, k, text);
    out += t.image;
  });
  return out;
}

/** The whitespace the source had between tokens k−1 and k, when it is plain spaces. */
function originalGap(tokens: IToken[], k: number, text: string): string {
  const gap = text.slice(tokens[k - 1].startOffset + tokens[k - 1].image.length, tokens[k].startOffset);
  return /^ +$/.test(gap) ? gap : ' ';
}

/**
 * `key:` rather than the interaction operator `a:b`: the word before starts an entry or argument — after
 * `{`, `,` or `(`, or right after a value, as entries on one line need no comma (`data: d  cluster: i`).
 */
function isKeyColon(tokens: IToken[], k: number): boolean {
  if (!is(tokens[k], T.Colon) || !isWord(tokens[k - 1]) || startsLabelledInteraction(tokens, k)) return false;
  const before = tokens[k - 2];
  return k - 1 === 0 || is(before, T.LBrace, T.Comma, T.LParen) || endsValue(before);
}

/** `a:b: "A × B"` in `labels`: the first `:` joins an interaction whose label follows (a short, bounded look ahead). */
function startsLabelledInteraction(tokens: IToken[], k: number): boolean {
  for (let j = k + 1; j < k + 16 && isWord(tokens[j]) && is(tokens[j + 1], T.Colon); j += 2) {
    if (is(tokens[j + 2], T.StringLiteral)) return true;
  }
  return false;
}

/** A token that can end a value: two values side by side are two entries. */
function endsValue(t: IToken | undefined): boolean {
  return is(t, T.NumberLiteral, T.StringLiteral, T.RParen, T.RBracket, T.True, T.False) || (is(t, T.Identifier) && !is(t, T.Keyword));
}

function isUnaryMinus(tokens: IToken[], k: number): boolean {
  if (!is(tokens[k], T.Minus)) return false;
  const prev = tokens[k - 1];
  return !prev || is(prev, T.LParen, T.LBracket, T.LBrace, T.Comma, T.Equals, T.BinaryOperator, T.Colon);
}

function spaceBetween(tokens: IToken[], k: number, text: string): string {
  const prev = tokens[k - 1];
  const cur = tokens[k];
  // Column alignment people keep by hand: before trailing comments, `=` and `from`, after `key:`, and
  // between entries on one line (`data: d  cluster: i`).
  if (isComment(cur) || is(cur, T.Equals, T.From)) return originalGap(tokens, k, text);
  if (endsValue(prev) && isKeyColon(tokens, k + 1)) return originalGap(tokens, k, text);
  if (is(cur, T.Colon)) return '';
  // A string after `:` is a label (`l(x, 3):  "Lagged x"` in `labels`), never an interaction's factor.
  if (is(prev, T.Colon)) return isKeyColon(tokens, k - 1) || is(cur, T.StringLiteral) ? originalGap(tokens, k, text) : '';
  if (is(prev, T.LParen, T.LBracket) || is(cur, T.RParen, T.RBracket, T.Comma)) return '';
  if (is(cur, T.LParen) && is(prev, T.Identifier)) return ''; // a call, not `in (…)`
  if (is(prev, T.Dot, T.DotDot, T.Caret) || is(cur, T.Dot, T.DotDot, T.Caret)) return '';
  if (k >= 1 && isUnaryMinus(tokens, k - 1)) return '';
  return ' ';
}
