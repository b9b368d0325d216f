// Finding what is under or before the cursor: the declaration, a reference, the enclosing call.
import { contains, walkExpr, declExprs, type Decl, type Expr, type StudyFile } from '../language/syntax/ast.js';
import type { Reference } from '../language/semantic/model.js';

/** The declaration the offset is in; while typing past a declaration's end, the one just before. */
export function declAt(file: StudyFile, offset: number, text: string): Decl | undefined {
  // The last declaration starting at or before the offset: declarations are in file order.
  const { decls } = file;
  let lo = 0;
  let hi = decls.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (decls[mid].span.start <= offset) lo = mid + 1;
    else hi = mid;
  }
  const found = decls[lo - 1];
  if (!found) return undefined;
  if (offset <= found.span.end) return found;
  // After the end: still inside when the block is unclosed or the cursor is on the declaration's last line.
  if (found.block && !found.block.close) return found;
  const between = text.slice(found.span.end, offset);
  return between.includes('\n') ? undefined : found;
}

export function referenceAt(refs: readonly Reference[], offset: number): Reference | undefined {
  return refs.find((r) => r.span.start <= offset && offset <= r.span.end);
}

/** The innermost expression node of a declaration containing the offset. */
export function exprAt(decl: Decl, offset: number): Expr | undefined {
  let best: Expr | undefined;
  for (const e of declExprs(decl)) {
    walkExpr(e, (x) => {
      if (contains(x.span, offset) && (!best || x.span.end - x.span.start <= best.span.end - best.span.start)) best = x;
    });
  }
  return best;
}

export interface CallContext {
  callee: string;
  /** Offset of the opening parenthesis. */
  open: number;
  argIndex: number;
  /** The name of a named argument being written: `data: |`. */
  argName?: string;
  /** Text of the current argument up to the cursor. */
  argText: string;
  /** The first argument when it is a name (`applicants` in `any(applicants, …)`). */
  firstName?: string;
}

/**
 * The call whose argument list the cursor is in, found by scanning the text backwards (so it works on
 * half-typed code the parser could not finish). Stops at `{`, `}` and at `limit`.
 */
export function enclosingCall(text: string, offset: number, limit: number): CallContext | undefined {
  let depth = 0;
  let commas = 0;
  let argStart = offset;
  for (let i = offset - 1; i >= limit; i--) {
    const c = text[i];
    if (c === ')' || c === ']') depth++;
    else if (c === '[') depth--;
    else if (c === '(') {
      if (depth === 0) {
        const callee = nameBefore(text, i, limit);
        if (!callee) return undefined;
        const argText = text.slice(argStart, offset);
        const named = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*:(?!.*:)/s.exec(argText);
        const firstName = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:,|$)/.exec(text.slice(i + 1, offset))?.[1];
        return { callee, open: i, argIndex: commas, argName: named?.[1], argText: named ? argText.slice(named[0].length) : argText, firstName };
      }
      depth--;
    } else if (c === ',' && depth === 0) {
      if (commas === 0) argStart = i + 1;
      commas++;
    } else if ((c === '{' || c === '}') && depth === 0) return undefined;
  }
  return undefined;
}

/**
 * The identifier that ends just before `end` (blanks between allowed), scanning back no further than
 * `limit`: a scan, as a pattern anchored at `end` would try every start in the text before it.
 */
function nameBefore(text: string, end: number, limit: number): string | undefined {
  let stop = end;
  while (stop > limit && /\s/.test(text[stop - 1])) stop--;
  let start = stop;
  while (start > limit && /[A-Za-z0-9_]/.test(text[start - 1])) start--;
  while (start < stop && /[0-9]/.test(text[start])) start++;
  return start < stop ? text.slice(start, stop) : undefined;
}
