// Semantic tokens: declaration kinds, declared names and their uses, option keys, enum values,
// functions, columns and variables, so that the theme tells them apart where TextMate cannot.
// Linear in the tokens (after one native sort of their offsets): a spec can have hundreds of thousands.
import type { SemanticTokensLegend } from 'vscode-languageserver';
import { walkExpr, declExprs, type Span } from '../language/syntax/ast.js';
import { declSpec, optionsFor } from '../language/schema/declarations.js';
import type { Analysis } from '../workspace/analysis.js';

const TYPES = ['keyword', 'class', 'property', 'enumMember', 'function', 'variable', 'parameter', 'comment'] as const;
const MODIFIERS = ['declaration', 'readonly', 'defaultLibrary'] as const;
export const LEGEND: SemanticTokensLegend = { tokenTypes: [...TYPES], tokenModifiers: [...MODIFIERS] };

type TokenType = (typeof TYPES)[number];
type Modifier = (typeof MODIFIERS)[number];

const typeIndex = (type: TokenType) => TYPES.indexOf(type);
const bit = (modifier: Modifier) => 1 << MODIFIERS.indexOf(modifier);
const DECLARATION = bit('declaration');
const READONLY = bit('readonly');
const LIBRARY = bit('defaultLibrary');

export function semanticTokens(a: Analysis): number[] {
  // Columns of the tokens found, in the order found.
  const spans: Span[] = [];
  const types: number[] = [];
  const modifierSets: number[] = [];
  const add = (span: Span, type: TokenType, modifiers = 0) => { spans.push(span); types.push(typeIndex(type)); modifierSets.push(modifiers); };
  for (const d of a.file.decls) {
    const spec = declSpec(d.keyword.name);
    if (spec) add(d.keyword.span, 'keyword');
    if (d.name) add(d.name.span, 'class', DECLARATION);
    const source = a.model.source(d);
    const options = spec ? optionsFor(spec, source?.spec) : [];
    if (source) add(source.call.callee.span, 'function', LIBRARY);
    for (const e of d.block?.entries ?? []) {
      if (e.type === 'option') {
        add(e.key.span, 'property');
        const opt = options.find((o) => o.name === e.key.name);
        if (opt?.value.type === 'enum') for (const v of e.values) if (v.type === 'ident') add(v.span, 'enumMember');
      } else if (e.type === 'assign') add(e.name.span, 'variable', DECLARATION);
      else if (e.value.type === 'ident' && source?.spec.items?.some((i) => i.name === (e.value as { name: string }).name)) add(e.value.span, 'enumMember', READONLY);
    }
    for (const e of declExprs(d)) {
      walkExpr(e, (x) => {
        if (x.type === 'call' && x !== source?.call) add(x.callee.span, 'function', LIBRARY);
      });
    }
    for (const arg of source?.call.args ?? []) if (arg.name) add(arg.name.span, 'parameter');
  }
  for (const r of a.references) {
    if (r.kind === 'decl') add(r.span, 'class');
    else if (r.kind === 'column') add(r.span, 'property', READONLY);
    else add(r.span, 'variable');
  }
  // Sorted by offset, then order found (packed in one number, so the sort is native); at a position the
  // last found, more specific, wins. LSP's encoding: each token's line and start relative to the previous.
  const keys = new Float64Array(spans.length);
  for (let i = 0; i < spans.length; i++) keys[i] = spans[i].start * ORDER + i;
  keys.sort();
  const data = new Uint32Array(keys.length * 5);
  let n = 0;
  let line = 0;
  let character = 0;
  for (let k = 0; k < keys.length; k++) {
    const i = keys[k] % ORDER;
    const { start, end } = spans[i];
    if (k + 1 < keys.length && Math.floor(keys[k + 1] / ORDER) === start) continue;
    const newline = a.text.indexOf('\n', start);
    if (end <= start || (newline >= 0 && newline < end)) continue;
    const p = a.lines.position(start);
    data[n++] = p.line - line;
    data[n++] = p.line === line ? p.character - character : p.character;
    data[n++] = end - start;
    data[n++] = types[i];
    data[n++] = modifierSets[i];
    line = p.line;
    character = p.character;
  }
  // A plain array for the JSON answer (`Array.from` on a typed array goes through its iterator: slow).
  const out: number[] = new Array(n);
  for (let k = 0; k < n; k++) out[k] = data[k];
  return out;
}

/** Room for the order of 2^21 tokens below each offset in a packed sort key (offsets stay below 2^32). */
const ORDER = 2 ** 21;
