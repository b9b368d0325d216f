// Entry point of the syntax layer: text in, (tree, errors) out. Parsing never throws.
//
// The file is first cut into declarations at lines that start a new one (a declaration kind followed by a
// name or a string, or any such `word name` at column 1), and each piece is parsed on its own: a typo in one declaration yields one
// error there while every other declaration keeps its tree, its outline entry and its completions.
import { tokenMatcher, type IToken } from 'chevrotain';
import { DECLARATIONS } from '../schema/declarations.js';
import type { Comment, Decl, StudyFile, SyntaxError } from './ast.js';
import { StudyParser, tokenSpan } from './parser.js';
import * as T from './tokens.js';

/** The declaration kinds start declarations; the parser accepts any word so a misspelt kind can be reported. */
const DECLARATION_KEYWORDS: ReadonlySet<string> = new Set(DECLARATIONS.map((d) => d.kind));

let sharedParser: StudyParser | undefined;
function parser(): StudyParser {
  // Building a chevrotain parser runs its grammar analysis: do it once per process.
  sharedParser ??= new StudyParser();
  return sharedParser;
}

export function parseStudy(text: string): StudyFile {
  const errors: SyntaxError[] = [];
  const decls: Decl[] = [];
  let comments: Comment[] = [];
  try {
    const lexed = T.studyLexer.tokenize(text);
    for (const e of lexed.errors) {
      const char = text.slice(e.offset, e.offset + e.length);
      errors.push({ message: `Unexpected character \`${char}\``, span: { start: e.offset, end: e.offset + Math.max(1, e.length) } });
    }
    comments = (lexed.groups.comments ?? []).map((t) => ({ text: t.image, span: tokenSpan(t)! }));
    for (const t of lexed.groups.hashComments ?? []) {
      errors.push({ message: 'Comments start with `//` in a study spec, not `#`', span: { start: t.startOffset, end: t.startOffset + 1 } });
    }
    for (const chunk of splitDeclarations(lexed.tokens)) {
      const start = chunk[0].startOffset;
      const source = text.slice(start, endOfChunk(chunk).end);
      // An edit changes one declaration: the others come from the cache, moved to their new offset.
      let parsed = chunkCache.get(source);
      if (!parsed) {
        parsed = { ...parseChunk(chunk), start };
        remember(source, parsed);
      }
      const shifted = shiftSpans(parsed, start - parsed.start);
      if (shifted.decl) decls.push(shifted.decl);
      errors.push(...shifted.errors);
    }
  } catch (err) {
    // A parser bug must not take the language server down: report it where it can be seen.
    errors.push({ message: `Internal parser error: ${(err as Error).message}`, span: { start: 0, end: 0 } });
  }
  return { decls, comments, errors: dedupe(errors) };
}

interface ParsedChunk { decl?: Decl; errors: SyntaxError[]; start: number }

const chunkCache = new Map<string, ParsedChunk>();
const CHUNK_CACHE_LIMIT = 20000;

function remember(source: string, parsed: ParsedChunk): void {
  if (chunkCache.size >= CHUNK_CACHE_LIMIT) chunkCache.clear();
  chunkCache.set(source, parsed);
}

function parseChunk(chunk: IToken[]): { decl?: Decl; errors: SyntaxError[] } {
  const errors: SyntaxError[] = [];
  const p = parser();
  p.hooks = { report: (message, span) => errors.push({ message, span }) };
  p.input = chunk;
  const decl = p.declaration();
  for (const e of p.errors) errors.push({ message: e.message, span: tokenSpan(e.token) ?? endOfChunk(chunk) });
  return { decl: decl?.keyword ? decl : fallbackDecl(chunk), errors };
}

/** A copy of a parsed chunk with every span moved by `delta` (the tree is plain data). */
function shiftSpans<T>(value: T, delta: number): T {
  if (delta === 0) return value;
  const shift = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(shift);
    if (v === null || typeof v !== 'object') return v;
    const o = v as Record<string, unknown>;
    if (typeof o.start === 'number' && typeof o.end === 'number' && Object.keys(o).length === 2) {
      return { start: o.start + delta, end: o.end + delta };
    }
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(o)) out[k] = k === 'start' && typeof o.start === 'number' ? o.start + delta : shift(o[k]);
    return out;
  };
  return shift(value) as T;
}

function endOfChunk(chunk: IToken[]) {
  const last = chunk.at(-1);
  const end = last ? (last.endOffset ?? last.startOffset) + 1 : 0;
  return { start: Math.max(0, end - 1), end };
}

/**
 * When a declaration is too broken for the grammar to return anything, keep its keyword, name and
 * extent, so the outline, completion and signature help still know where the cursor is.
 */
function fallbackDecl(chunk: IToken[]): Decl | undefined {
  const [kw, name] = chunk;
  if (!kw || !tokenMatcher(kw, T.Identifier)) return undefined;
  const ident = (t: IToken) => ({ type: 'ident' as const, name: t.image, span: tokenSpan(t)! });
  const named = name && tokenMatcher(name, T.Identifier) ? ident(name) : undefined;
  const last = chunk.at(-1)!;
  return { type: 'decl', keyword: ident(kw), name: named, values: [], span: { start: kw.startOffset, end: (last.endOffset ?? last.startOffset) + 1 } };
}

/** Splits the token stream where a new declaration starts (see the file comment). */
export function splitDeclarations(tokens: IToken[]): IToken[][] {
  const chunks: IToken[][] = [];
  let current: IToken[] = [];
  tokens.forEach((tok, i) => {
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    const firstOnLine = !prev || (prev.endLine ?? prev.startLine ?? 0) < (tok.startLine ?? 0);
    const startsDecl = firstOnLine
      && tokenMatcher(tok, T.Identifier)
      && next !== undefined && (tokenMatcher(next, T.Identifier) || tokenMatcher(next, T.StringLiteral) || tokenMatcher(next, T.UnterminatedString))
      && (DECLARATION_KEYWORDS.has(tok.image) || tok.startColumn === 1);
    if (startsDecl && current.length) { chunks.push(current); current = []; }
    current.push(tok);
  });
  if (current.length) chunks.push(current);
  return chunks;
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
