// Markdown documentation rendered from the schema, shared by hover and completion.
import type { Decl } from '../language/syntax/ast.js';
import type { Choice, DeclSpec, OptionSpec, ValueSpec } from '../language/schema/types.js';
import type { SemanticModel, Symbol } from '../language/semantic/model.js';
import { sourceText } from '../language/checks/values.js';
import { isFileKind } from '../language/schema/declarations.js';

export function optionDoc(o: OptionSpec): string {
  const lines = [`**${o.name}** — ${o.doc}`];
  const values = valuesDoc(o.value);
  if (values) lines.push('', values);
  if (o.default) lines.push('', `Default: \`${o.default}\``);
  return lines.join('\n');
}

/** An indicator item's doc, and the option it cannot be computed without. */
export function itemDoc(item: Choice): string {
  return item.needs ? `${item.doc} Needs \`${item.needs}:\`.` : item.doc;
}

function valuesDoc(v: ValueSpec): string {
  switch (v.type) {
    case 'enum': return v.values.map((c) => `- \`${c.name}\` — ${c.doc}`).join('\n');
    case 'ref': return `A name of ${v.kinds.map((k) => `a \`${k}\``).join(' or ')} declaration.`;
    case 'column': return 'A column of the data file (of a figure: of the table it draws).';
    case 'number': return `A number${v.min !== undefined ? ` ≥ ${v.min}` : ''}${v.max !== undefined ? ` ≤ ${v.max}` : ''}${v.integer ? ' (whole)' : ''}.`;
    default: return '';
  }
}

/** A snippet that writes the declaration's example with tab stops on its name. */
export function declarationSnippet(d: DeclSpec): string {
  const escaped = d.example.replace(/[$}\\]/g, '\\$&');
  const lines = escaped.split('\n');
  lines[0] = lines[0].replace(new RegExp(`^${d.kind} ([A-Za-z_][A-Za-z0-9_]*)`), `${d.kind} \${1:$1}`);
  return lines.join('\n');
}

/** A summary of a declared name: what it is and, for data, its columns and row count. */
export function symbolSummary(model: SemanticModel, s: Symbol, text: string): string {
  const decl = s.decl;
  const header = `**${s.kind} \`${s.name}\`**`;
  const lines = [header];
  if (isFileKind(s.kind)) {
    const info = model.table(s);
    lines.push('', `File: \`${decl.from?.value ?? '?'}\``);
    if (info?.status === 'ok') {
      if (info.rowCount !== undefined) lines.push(`Rows: ${info.rowCount.toLocaleString('en-US')}`);
      lines.push('', '| column | type | role |', '|---|---|---|');
      const roles = roleMap(decl);
      info.columns.forEach((c, i) => lines.push(`| ${c} | ${info.types[i]} | ${roles.get(c) ?? ''} |`));
    } else if (info?.status === 'missing') lines.push('', `File not found: ${info.path}`);
    else if (info?.status === 'error') lines.push('', `Cannot read: ${info.message}`);
    else lines.push('', '_Reading the header…_');
    return lines.join('\n');
  }
  const first = decl.values[0];
  const last = decl.values.at(-1);
  if (first && last) lines.push('', '```study', `${s.kind} ${s.name} = ${clip(text.slice(first.span.start, last.span.end))}`, '```');
  const options = (decl.block?.entries ?? []).flatMap((e) => (e.type === 'option' ? [`- ${e.key.name}: \`${e.values.map(sourceText).join(', ')}\``] : []));
  const items = (decl.block?.entries ?? []).flatMap((e) => (e.type === 'item' ? [sourceText(e.value)] : []));
  const vars = (decl.block?.entries ?? []).flatMap((e) => (e.type === 'assign' ? [`- \`${e.name.name}\` = \`${e.value ? sourceText(e.value) : ''}\``] : []));
  if (items.length) lines.push('', `Indicators: ${items.map((i) => `\`${i}\``).join(', ')}`);
  if (vars.length) lines.push('', 'Variables:', ...vars);
  if (options.length) lines.push('', ...options);
  if (s.kind === 'model') {
    const scope = model.modelScope(s);
    if (scope) lines.push('', `Data: ${scope.description}`);
  }
  return lines.join('\n');
}

function clip(source: string, max = 300): string {
  const oneLine = source.replace(/\s*\n\s*/g, ' ');
  return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
}

/** Column → the role option naming it (`id`, `region`, …). */
function roleMap(decl: Decl): Map<string, string> {
  const roles = new Map<string, string>();
  for (const e of decl.block?.entries ?? []) {
    if (e.type !== 'option') continue;
    for (const v of e.values) if (v.type === 'ident') roles.set(v.name, e.key.name);
  }
  return roles;
}
