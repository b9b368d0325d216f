// Hover: a declared name's summary (a dataset's columns and row count), a column's type, a panel
// variable's definition, and the documentation of declaration kinds, functions, options and values.
import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { Decl } from '../language/syntax/ast.js';
import { declSpec, optionsFor } from '../language/schema/declarations.js';
import { functionSpec } from '../language/schema/functions.js';
import { inCondition } from '../language/semantic/conditions.js';
import { derivedColumns } from '../language/semantic/derived.js';
import { sourceText } from '../language/checks/values.js';
import type { Analysis } from '../workspace/analysis.js';
import { toRange } from './convert.js';
import { declAt, exprAt, referenceAt } from './locate.js';
import { itemDoc, optionDoc, symbolSummary } from './docs.js';

export function hover(a: Analysis, offset: number): Hover | null {
  const found = describe(a, offset);
  if (!found) return null;
  return { contents: { kind: MarkupKind.Markdown, value: found.value }, range: toRange(a.lines, found.span) };
}

function describe(a: Analysis, offset: number): { value: string; span: { start: number; end: number } } | undefined {
  const ref = referenceAt(a.references, offset);
  if (ref?.kind === 'decl') return { value: symbolSummary(a.model, ref.target, a.text), span: ref.span };
  if (ref?.kind === 'column') {
    const derived = derivedColumns(ref.dataset.decl).find((e) => e.name.name === ref.column);
    if (derived) {
      const type = a.model.columnType(ref.dataset, ref.column);
      return { value: `**column \`${ref.column}\`**${type ? ` — ${type}` : ''}\n\nDerived in dataset \`${ref.dataset.name}\`: \`${ref.column} = ${derived.value ? a.text.slice(derived.value.span.start, derived.value.span.end) : '…'}\``, span: ref.span };
    }
    const info = a.model.table(ref.dataset);
    const i = info?.status === 'ok' ? info.columns.indexOf(ref.column) : -1;
    const type = i >= 0 && info?.status === 'ok' ? ` — ${info.types[i]}` : '';
    return { value: `**column \`${ref.column}\`**${type}\n\nIn \`${ref.dataset.decl.from?.value}\` (dataset \`${ref.dataset.name}\`)`, span: ref.span };
  }
  if (ref?.kind === 'variable') {
    const entry = ref.panel.decl.block?.entries.find((e) => e.type === 'assign' && e.name.name === ref.name);
    const def = entry?.type === 'assign' && entry.value ? ` = ${sourceText(entry.value)}` : '';
    return { value: `**variable \`${ref.name}\`** of panel \`${ref.panel.name}\`\n\n\`${ref.name}${def}\``, span: ref.span };
  }
  const decl = declAt(a.file, offset, a.text);
  if (!decl) return undefined;
  return describeInDecl(a, decl, offset);
}

function describeInDecl(a: Analysis, decl: Decl, offset: number) {
  const spec = declSpec(decl.keyword.name);
  if (!spec) return undefined;
  const within = (s: { start: number; end: number }) => s.start <= offset && offset <= s.end;
  if (within(decl.keyword.span)) return { value: `**${spec.kind}** — ${spec.doc}\n\n\`\`\`study\n${spec.example}\n\`\`\``, span: decl.keyword.span };
  if (decl.name && within(decl.name.span)) {
    const symbol = a.model.symbols.get(decl.name.name);
    if (symbol) return { value: symbolSummary(a.model, symbol, a.text), span: decl.name.span };
  }
  const source = a.model.source(decl);
  if (source && within(source.call.callee.span)) return { value: `**${source.spec.name}**(${source.spec.params.map((p) => p.name).join(', ')})\n\n${source.spec.doc}`, span: source.call.callee.span };
  const options = optionsFor(spec, source?.spec);
  for (const e of decl.block?.entries ?? []) {
    if (e.type === 'option') {
      const opt = options.find((o) => o.name === e.key.name);
      if (within(e.key.span) && opt) return { value: optionDoc(opt), span: e.key.span };
      for (const v of e.values) {
        if (opt?.value.type === 'enum' && v.type === 'ident' && within(v.span)) {
          const choice = opt.value.values.find((c) => c.name === v.name);
          if (choice) return { value: `**${choice.name}** (${opt.name}) — ${choice.doc}`, span: v.span };
        }
      }
    }
    if (e.type === 'item' && e.value.type === 'ident' && within(e.value.span)) {
      const item = source?.spec.items?.find((i) => i.name === (e.value as { name: string }).name);
      if (item) return { value: `**${item.name}** — ${itemDoc(item)}`, span: e.value.span };
    }
  }
  for (const arg of source?.call.args ?? []) {
    if (arg.name && within(arg.name.span)) {
      const opt = options.find((o) => o.name === arg.name!.name);
      if (opt) return { value: optionDoc(opt), span: arg.name.span };
    }
  }
  const expr = exprAt(decl, offset);
  if (expr?.type === 'call' && within(expr.callee.span)) {
    const fn = functionSpec(expr.callee.name, inCondition(a.model, decl, offset));
    if (fn) return { value: `\`${fn.signature}\`\n\n${fn.doc}`, span: expr.callee.span };
  }
  // A name of the data's scope that refers to no declaration, column or panel variable: a measures'
  // indicator, a result table's column (`data: geo.cells`) — its scope's documentation.
  const entry = expr?.type === 'ident' && within(expr.span) ? a.model.scopes(decl).variables?.names.get(expr.name) : undefined;
  if (entry && expr) return { value: `**\`${entry.name}\`** — ${entry.doc}`, span: expr.span };
  return undefined;
}
