// Semantic tokens: declaration kinds, declared names and their uses, option keys, enum values,
// functions, columns and variables, so that the theme tells them apart where TextMate cannot.
import { SemanticTokensBuilder, type SemanticTokensLegend } from 'vscode-languageserver';
import { walkExpr, declExprs, type Span } from '../language/syntax/ast.js';
import { declSpec, optionsFor } from '../language/schema/declarations.js';
import type { Analysis } from '../workspace/analysis.js';

const TYPES = ['keyword', 'class', 'property', 'enumMember', 'function', 'variable', 'parameter', 'comment'] as const;
const MODIFIERS = ['declaration', 'readonly', 'defaultLibrary'] as const;
export const LEGEND: SemanticTokensLegend = { tokenTypes: [...TYPES], tokenModifiers: [...MODIFIERS] };

type TokenType = (typeof TYPES)[number];
type Modifier = (typeof MODIFIERS)[number];
interface Token { span: Span; type: TokenType; modifiers: Modifier[] }

export function semanticTokens(a: Analysis): number[] {
  const tokens: Token[] = [];
  const add = (span: Span, type: TokenType, ...modifiers: Modifier[]) => tokens.push({ span, type, modifiers });
  for (const d of a.file.decls) {
    const spec = declSpec(d.keyword.name);
    if (spec) add(d.keyword.span, 'keyword');
    if (d.name) add(d.name.span, 'class', 'declaration');
    const source = a.model.source(d);
    const options = spec ? optionsFor(spec, source?.spec) : [];
    if (source) add(source.call.callee.span, 'function', 'defaultLibrary');
    for (const e of d.block?.entries ?? []) {
      if (e.type === 'option') {
        add(e.key.span, 'property');
        const opt = options.find((o) => o.name === e.key.name);
        if (opt?.value.type === 'enum') for (const v of e.values) if (v.type === 'ident') add(v.span, 'enumMember');
      } else if (e.type === 'assign') add(e.name.span, 'variable', 'declaration');
      else if (e.value.type === 'ident' && source?.spec.items?.some((i) => i.name === (e.value as { name: string }).name)) add(e.value.span, 'enumMember', 'readonly');
    }
    for (const e of declExprs(d)) {
      walkExpr(e, (x) => {
        if (x.type === 'call' && x !== source?.call) add(x.callee.span, 'function', 'defaultLibrary');
      });
    }
    for (const arg of source?.call.args ?? []) if (arg.name) add(arg.name.span, 'parameter');
  }
  for (const r of a.references) {
    if (r.kind === 'decl') add(r.span, 'class');
    else if (r.kind === 'column') add(r.span, 'property', 'readonly');
    else add(r.span, 'variable');
  }
  // One token per position; later, more specific kinds win.
  const bySpan = new Map<number, Token>();
  for (const t of tokens) bySpan.set(t.span.start, t);
  const builder = new SemanticTokensBuilder();
  for (const t of [...bySpan.values()].sort((x, y) => x.span.start - y.span.start)) {
    const p = a.lines.position(t.span.start);
    const length = t.span.end - t.span.start;
    if (length <= 0 || a.text.slice(t.span.start, t.span.end).includes('\n')) continue;
    const mods = t.modifiers.reduce((m, x) => m | (1 << MODIFIERS.indexOf(x)), 0);
    builder.push(p.line, p.character, length, TYPES.indexOf(t.type), mods);
  }
  return builder.build().data;
}
