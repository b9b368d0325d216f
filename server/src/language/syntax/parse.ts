// Entry point of the syntax layer: text in, (tree, errors) out. Parsing never throws.
//
// The text is first cut into declarations (`split.ts`) and each piece is lexed and parsed on its own: a typo
// in one declaration yields one error there while every other declaration keeps its tree, its outline
// entry and its completions; in an open document an edit re-parses the pieces it touched (`reparse.ts`).
// The work is linear in the text: one scan to cut it, then each piece once, well-formed ones by the quick
// parser (`quickParse.ts`), the others by chevrotain's grammar with its error recovery (`parser.ts`).
import { tokenMatcher, type IToken } from 'chevrotain';
import type { Comment, Decl, Span, StudyFile, SyntaxError } from './ast.js';
import { lexStudy } from './lexer.js';
import { limitNesting } from './nesting.js';
import { tokenSpan } from './nodes.js';
import { StudyParser } from './parser.js';
import { quickParse } from './quickParse.js';
import { declarationStarts } from './split.js';
import * as T from './tokens.js';

let sharedParser: StudyParser | undefined;
function parser(): StudyParser {
  // Building a chevrotain parser runs its grammar analysis: do it once per process.
  sharedParser ??= new StudyParser();
  return sharedParser;
}

/** One piece of the text parsed: spans are offsets in the text it was parsed at, `start` being its offset. */
export interface ParsedPiece { decl?: Decl; comments: Comment[]; errors: SyntaxError[]; start: number }

/** The file whose pieces, in text order, these are. */
export function fileOf(pieces: readonly ParsedPiece[]): StudyFile {
  const decls: Decl[] = [];
  const comments: Comment[] = [];
  const errors: SyntaxError[] = [];
  for (let k = 0; k < pieces.length; k++) {
    const piece = pieces[k];
    if (piece.decl) decls.push(piece.decl);
    for (let i = 0; i < piece.comments.length; i++) comments.push(piece.comments[i]);
    for (let i = 0; i < piece.errors.length; i++) errors.push(piece.errors[i]);
  }
  return { decls, comments, errors: dedupe(errors) };
}

export function parseStudy(text: string): StudyFile {
  const parse = new StudyParse(text);
  parse.step(Infinity);
  return parse.result();
}

/**
 * The same parse, giving the event loop a turn every few milliseconds and each declaration to `parsed` as
 * soon as it has its tree: a one-shot caller starts reading a data file's header when its declaration is
 * parsed, and the read (DuckDB, on its own threads) goes on while the rest of the spec is parsed.
 */
export async function parseStudyInSlices(text: string, parsed: (decl: Decl) => void, sliceMs = 10): Promise<StudyFile> {
  const parse = new StudyParse(text, parsed);
  while (!parse.step(performance.now() + sliceMs)) await new Promise((resolve) => setImmediate(resolve));
  return parse.result();
}

/** One parse of a text, piece by piece. */
class StudyParse {
  private readonly pieces: ParsedPiece[] = [];
  private readonly starts: number[];
  private next = 0;

  constructor(private readonly text: string, private readonly parsed?: (decl: Decl) => void) {
    this.starts = declarationStarts(text);
    if (this.starts[0] !== 0) this.starts.unshift(0);
  }

  /** Parses pieces until `deadline` (a `performance.now()` time) has passed; true when all are parsed. */
  step(deadline: number): boolean {
    const { text, starts } = this;
    while (this.next < starts.length) {
      const k = this.next++;
      const start = starts[k];
      const piece = parsePiece(text.slice(start, starts[k + 1] ?? text.length), start);
      this.pieces.push(piece);
      if (piece.decl) this.parsed?.(piece.decl);
      // Reading the clock costs: look at it every 64 pieces.
      if ((k & 63) === 63 && performance.now() > deadline) break;
    }
    return this.next >= starts.length;
  }

  result(): StudyFile {
    return fileOf(this.pieces);
  }
}

export function parsePiece(source: string, start: number): ParsedPiece {
  const errors: SyntaxError[] = [];
  let comments: Comment[] = [];
  let tokens: IToken[] = [];
  try {
    const lexed = lexStudy(source);
    tokens = moved(lexed.tokens, start);
    for (const e of lexed.errors) {
      const char = source.slice(e.offset, e.offset + e.length);
      errors.push({ message: `Unexpected character \`${char}\``, span: { start: start + e.offset, end: start + e.offset + Math.max(1, e.length) } });
    }
    comments = moved(lexed.comments, start).map((t) => ({ text: t.image, span: tokenSpan(t)! }));
    for (const t of moved(lexed.hashComments, start)) {
      errors.push({ message: 'Comments start with `//` in a study spec, not `#`', span: { start: t.startOffset, end: t.startOffset + 1 } });
    }
    if (!tokens.length) return { comments: orNone(comments), errors: orNone(errors), start };
    const { decl, errors: parseErrors } = parseDeclaration(tokens);
    errors.push(...parseErrors);
    return { decl, comments: orNone(comments), errors: orNone(errors), start };
  } catch (err) {
    // A parser bug must not take the language server down, nor hide the other declarations: report it here.
    const at = tokens[0] ? tokenSpan(tokens[0])! : { start, end: start };
    errors.push({ message: `Internal parser error: ${(err as Error).message}`, span: at });
    return { decl: tokens.length ? fallbackDecl(tokens) : undefined, comments, errors, start };
  }
}

/**
 * Most pieces have no comment and no error: they share one frozen empty array rather than hold two each (an
 * open document keeps its every piece, and what it holds is what the garbage collector walks).
 */
const NONE = Object.freeze([]) as readonly never[] as never[];
function orNone<T>(list: T[]): T[] {
  return list.length ? list : NONE;
}

/** Tokens of a piece lexed on its own, at their offsets in the whole text. */
function moved(tokens: IToken[], start: number): IToken[] {
  for (const t of tokens) {
    t.startOffset += start;
    t.endOffset = t.startOffset + t.image.length - 1;
  }
  return tokens;
}

function parseDeclaration(tokens: IToken[]): { decl?: Decl; errors: SyntaxError[] } {
  const errors: SyntaxError[] = [];
  // Errors get spans of their own: the nodes they point at keep theirs (see `copySpan` in parser.ts).
  const report = (message: string, span: Span) => errors.push({ message, span: { start: span.start, end: span.end } });
  const limited = limitNesting(tokens, report);
  const quick = errors.length ? undefined : quickParse(limited);
  if (quick) return { decl: quick, errors };
  const p = parser();
  p.hooks = { report };
  const decl = p.parse(limited);
  for (const e of p.errors) errors.push({ message: e.message, span: tokenSpan(e.token) ?? endOf(tokens) });
  return { decl: decl?.keyword ? decl : fallbackDecl(tokens), errors };
}

function endOf(tokens: IToken[]): Span {
  const last = tokens.at(-1);
  const end = last ? (last.endOffset ?? last.startOffset) + 1 : 0;
  return { start: Math.max(0, end - 1), end };
}

/**
 * When a declaration is too broken for the grammar to return anything, keep its keyword, name and
 * extent, so the outline, completion and signature help still know where the cursor is.
 */
function fallbackDecl(tokens: IToken[]): Decl | undefined {
  const [kw, name] = tokens;
  if (!kw || !tokenMatcher(kw, T.Identifier)) return undefined;
  const ident = (t: IToken) => ({ type: 'ident' as const, name: t.image, span: tokenSpan(t)! });
  const named = name && tokenMatcher(name, T.Identifier) ? ident(name) : undefined;
  return { type: 'decl', keyword: ident(kw), name: named, values: [], span: { start: kw.startOffset, end: endOf(tokens).end } };
}

/** One message per place: recovery can report the same gap twice. */
function dedupe(errors: SyntaxError[]): SyntaxError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.span.start}:${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
