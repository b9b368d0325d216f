// One open document's parse, kept from version to version. An edit re-splits the text from the
// declaration before the change until the old split resumes in the unchanged text after it, parses only
// the pieces in between, and moves the pieces below by the edit's length change in place. The trees of
// unchanged declarations stay the same objects, so an edit to a 65,536-declaration spec costs the pieces
// it touches plus a walk of those below it, not a parse of the file.
//
// The document owns its pieces: a superseded version's tree is moved with them, so its analysis must not
// be read once a newer version is parsed (the language server keeps one analysis per document).
import type { Decl, StudyFile } from './ast.js';
import { fileOf, parsePiece, type ParsedPiece } from './parse.js';
import { moveInPlace } from './shift.js';
import { declarationStartsFrom } from './split.js';

export class DocumentParser {
  private text = '';
  /** Piece starts in `text`, the first always 0, and the pieces, with spans at their offsets in `text`. */
  private starts: number[] = [];
  private pieces: ParsedPiece[] = [];
  private file: StudyFile = { decls: [], comments: [], errors: [] };
  /** The declarations the last parse replaced and those it parsed in their place, in file order. */
  lastEdit: { removed: Decl[]; added: Decl[] } = { removed: [], added: [] };

  parse(text: string): StudyFile {
    if (text === this.text && this.starts.length) {
      this.lastEdit = { removed: [], added: [] };
      return this.file;
    }
    const old = this.text;
    const prefix = commonPrefix(old, text);
    const suffix = commonSuffix(old, text, Math.min(old.length, text.length) - prefix);
    const delta = text.length - old.length;
    // The piece holding the first changed character, and the one before it: the line an edit joins or
    // splits may be that piece's last.
    const first = Math.max(0, lastAtOrBefore(this.starts, prefix) - 1);
    const from = this.starts.length ? lineStart(text, this.starts[first]) : 0;
    /** Lines from here on are the old text's, moved by `delta`. */
    const unchangedFrom = text.length - suffix;
    let resumeAt = -1;
    const found = declarationStartsFrom(text, from, (start, line) => {
      if (line < unchangedFrom || start - delta <= this.starts[first]) return false;
      resumeAt = indexOf(this.starts, start - delta);
      return resumeAt >= 0;
    });
    const kept = this.starts.length ? first : 0;
    const newStarts = found.slice(0, resumeAt >= 0 ? -1 : undefined);
    if (kept === 0 && newStarts[0] !== 0) newStarts.unshift(0);
    const end = resumeAt >= 0 ? found.at(-1)! : text.length;
    const newPieces = newStarts.map((start, i) => parsePiece(text.slice(start, newStarts[i + 1] ?? end), start));
    const movedStarts = resumeAt >= 0 ? this.starts.slice(resumeAt).map((s) => s + delta) : [];
    const moved = resumeAt >= 0 ? this.pieces.slice(resumeAt) : [];
    if (delta) for (const piece of moved) moveInPlace(piece, delta);
    const declsOf = (pieces: ParsedPiece[]) => pieces.flatMap((p) => (p.decl ? [p.decl] : []));
    this.lastEdit = { removed: declsOf(this.pieces.slice(kept, resumeAt >= 0 ? resumeAt : undefined)), added: declsOf(newPieces) };
    this.starts = [...this.starts.slice(0, kept), ...newStarts, ...movedStarts];
    this.pieces = [...this.pieces.slice(0, kept), ...newPieces, ...moved];
    this.text = text;
    this.file = fileOf(this.pieces);
    return this.file;
  }
}

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** The length of the common ending of `a` and `b`, at most `max`. */
function commonSuffix(a: string, b: string, max: number): number {
  let i = 0;
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/** The index of the last of the sorted `xs` at or before `x` (0 when none is). */
function lastAtOrBefore(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (xs[mid] <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function indexOf(sorted: readonly number[], x: number): number {
  const i = lastAtOrBefore(sorted, x);
  return sorted[i] === x ? i : -1;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}
