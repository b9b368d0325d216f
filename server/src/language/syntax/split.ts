// Cutting a spec's text into declarations before lexing, so that each declaration is lexed, parsed and
// cached on its own: an edit re-lexes one declaration, not the file.
//
// A declaration starts at the first word of a line (outside a block comment) that is followed by a name or
// a string, when that word is a declaration kind or stands at column 1 — the rule the outline has always
// followed, now applied to the text in one linear scan.
import { DECLARATIONS } from '../schema/declarations.js';

const DECLARATION_KEYWORDS: ReadonlySet<string> = new Set(DECLARATIONS.map((d) => d.kind));
/** Words the lexer reads as keywords, never as names. */
const KEYWORDS: ReadonlySet<string> = new Set(['from', 'true', 'false', 'not', 'where', 'by', 'rolling', 'of', 'and', 'or', 'in']);

const WORD = /[A-Za-z_][A-Za-z0-9_]*/y;
const BLANK = /[ \t\r\f\v\u00a0\ufeff]*/y;
/** What can open a string or comment, and the line end that bounds the search (so a line costs its length). */
const SPECIAL = /["#/\n]/g;

/** Offsets where declarations start; the text before the first one (comments, stray tokens) is its own piece. */
export function declarationStarts(text: string): number[] {
  return declarationStartsFrom(text, 0, () => false);
}

/**
 * The declaration starts from `lineStart` (the start of a line outside any block comment) on, up to and
 * including the first one for which `stop(start, itsLineStart)` holds: a re-split after an edit stops where
 * the old split resumes.
 */
export function declarationStartsFrom(text: string, lineStart: number, stop: (start: number, lineStart: number) => boolean): number[] {
  const starts: number[] = [];
  /** Where the block comment open at a line start ends (lines starting before it are inside it). */
  let commentEnd = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    if (lineStart >= commentEnd) {
      const at = firstTokenOnLine(text, lineStart, lineEnd);
      const word = wordAt(text, at);
      if (word && !KEYWORDS.has(word) && (DECLARATION_KEYWORDS.has(word) || at === lineStart)
        && startsNameOrString(text, skipTrivia(text, at + word.length))) {
        starts.push(at);
        if (stop(at, lineStart)) return starts;
      }
    }
    commentEnd = blockCommentEnd(text, Math.max(lineStart, commentEnd), lineEnd, commentEnd);
    lineStart = lineEnd + 1;
  }
  return starts;
}

/** Where the line's first token starts: after blanks and block comments that close on the line. */
function firstTokenOnLine(text: string, at: number, lineEnd: number): number {
  for (;;) {
    BLANK.lastIndex = at;
    BLANK.test(text);
    at = BLANK.lastIndex;
    const close = text.startsWith('/*', at) ? text.indexOf('*/', at + 2) : -1;
    if (close < 0 || close + 2 > lineEnd) return at;
    at = close + 2;
  }
}

function wordAt(text: string, at: number): string | undefined {
  WORD.lastIndex = at;
  return WORD.exec(text)?.[0];
}

function startsNameOrString(text: string, at: number): boolean {
  if (text[at] === '"') return true;
  const word = wordAt(text, at);
  return word !== undefined && !KEYWORDS.has(word);
}

/** The offset of the next token after whitespace and comments, across lines. */
function skipTrivia(text: string, at: number): number {
  for (;;) {
    while (at < text.length && /\s/.test(text[at])) at++;
    if (text.startsWith('//', at) || text[at] === '#') {
      const eol = text.indexOf('\n', at);
      if (eol < 0) return text.length;
      at = eol;
    } else if (text.startsWith('/*', at) && text.indexOf('*/', at + 2) >= 0) {
      at = text.indexOf('*/', at + 2) + 2;
    } else {
      return at;
    }
  }
}

/**
 * The end of a block comment that opens on this line and runs past it, else `previous`. Strings and line
 * comments end at the line, so only they can hide a `/*`.
 */
function blockCommentEnd(text: string, from: number, lineEnd: number, previous: number): number {
  // Jump between the only characters that matter (most lines have none of them).
  SPECIAL.lastIndex = from;
  for (let m = SPECIAL.exec(text); m && m.index < lineEnd; m = SPECIAL.exec(text)) {
    const i = m.index;
    if (text[i] === '"') {
      SPECIAL.lastIndex = stringEnd(text, i + 1, lineEnd);
    } else if (text[i] === '#' || text[i + 1] === '/') {
      return previous;
    } else if (text[i + 1] === '*') {
      // An unclosed `/*` is not a comment for the lexer either: it stays two operators.
      const close = text.indexOf('*/', i + 2);
      if (close < 0) SPECIAL.lastIndex = i + 2;
      else if (close + 2 > lineEnd) return close + 2;
      else SPECIAL.lastIndex = close + 2;
    }
  }
  return previous;
}

function stringEnd(text: string, i: number, lineEnd: number): number {
  while (i < lineEnd) {
    if (text[i] === '\\') i += 2;
    else if (text[i++] === '"') return i;
  }
  return lineEnd;
}
