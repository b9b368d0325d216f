// Context-aware completion: declaration kinds at the start of a line, source functions after `=`,
// options and indicators in blocks, each option's valid values, declared names of the right kind,
// columns, panel variables and functions inside formulas, and data files after `from`.
import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import {
  CompletionItemKind, InsertTextFormat, MarkupKind,
  type CompletionItem,
} from 'vscode-languageserver';
import type { Decl } from '../language/syntax/ast.js';
import { DECLARATIONS, TABLE_KINDS, declSpec, optionsFor } from '../language/schema/declarations.js';
import { functionSpec } from '../language/schema/functions.js';
import { inCondition } from '../language/semantic/conditions.js';
import { labelScope } from '../language/semantic/labels.js';
import type { DeclKind, DeclSpec, OptionSpec, SourceSpec, ValueSpec } from '../language/schema/types.js';
import type { Scope, Scopes, SemanticModel } from '../language/semantic/model.js';
import { functionsFor, type ExprMode } from '../language/checks/expressions.js';
import { listNames } from '../language/checks/context.js';
import type { Analysis } from '../workspace/analysis.js';
import { declAt, enclosingCall, type CallContext } from './locate.js';
import { declarationSnippet, itemDoc, optionDoc } from './docs.js';

/**
 * How far back on the line completion looks for the context of the word being typed. Patterns anchored
 * at the cursor cost the square of what they are run on, and a pasted line can be 100,000 characters.
 */
const CONTEXT_CHARS = 512;

export function complete(a: Analysis, offset: number): CompletionItem[] {
  const { text } = a;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineBefore = text.slice(lineStart, offset);
  if (insideComment(lineBefore)) return [];
  const fromPath = /\bfrom\s+"([^"]*)$/.exec(lineBefore);
  if (fromPath) return dataFiles(a.baseDir, fromPath[1]);
  if (/"[^"]*$/.test(lineBefore.replace(/"[^"]*"/g, ''))) return []; // inside another string

  const decl = declAt(a.file, offset, text);
  const atLineStart = /^\s*[A-Za-z_]*$/.test(lineBefore);
  if (!decl || (atLineStart && !inBlockOrParens(text, decl, offset) && lineStart > decl.span.start)) {
    return atLineStart ? declarationKeywords() : [];
  }
  if (decl.span.start >= lineStart && atLineStart) return declarationKeywords();
  const spec = declSpec(decl.keyword.name);
  if (!spec) return [];
  const model = a.model;
  const source = model.inheritedSource(decl) ?? spec.sources?.find((s) => s.name === sourceName(decl));
  // A `labels` block's terms name the variables of every model's data.
  const scopes = spec.form === 'block' ? { variables: labelScope(model) } : model.scopes(decl);
  const recent = lineBefore.slice(-CONTEXT_CHARS);
  const dataOf = decl.keyword.name === 'model' ? /\bdata\s*:\s*([A-Za-z_][A-Za-z0-9_]*)\.[A-Za-z_0-9]*$/.exec(recent)?.[1] : undefined;
  if (dataOf) return dataTableItems(model, dataOf);
  const memberOf = /([A-Za-z_][A-Za-z0-9_]*)\.[A-Za-z_0-9]*$/.exec(recent)?.[1];
  if (memberOf) return memberItems(model, memberOf);

  const block = decl.block;
  const inBlock = block && offset > block.open.start && (!block.close || offset <= block.close.start);
  const call = enclosingCall(text, offset, inBlock ? block.open.end : decl.span.start);

  if (call) return inCall(model, decl, spec, source, call, scopes);
  if (inBlock) return inBlockEntry(model, decl, spec, source, text.slice(block.open.end, offset), scopes);

  const afterEquals = /=\s*([A-Za-z_][A-Za-z0-9_]*)?$/.test(recent) && !/[=!<>]=\s*[A-Za-z_0-9]*$/.test(recent);
  if (afterEquals) return definitionStarts(model, decl, spec);
  if (decl.values.length && /\b(by|\+|where|and|or|in)\s+[A-Za-z_0-9]*$|[+~|:*(,]\s*[A-Za-z_0-9]*$/.test(recent)) {
    return expressionItems(model, scopes.variables ?? scopes.columns, decl.keyword.name === 'regions' ? 'filter' : 'formula');
  }
  return [];
}

function insideComment(lineBefore: string): boolean {
  return lineBefore.replace(/"[^"]*"/g, '').includes('//');
}

function inBlockOrParens(text: string, decl: Decl, offset: number): boolean {
  const slice = text.slice(decl.span.start, offset);
  const open = (slice.match(/[{(]/g) ?? []).length;
  const close = (slice.match(/[})]/g) ?? []).length;
  return open > close;
}

function sourceName(decl: Decl): string | undefined {
  const v = decl.values[0];
  return v?.type === 'call' ? v.callee.name : undefined;
}

function declarationKeywords(): CompletionItem[] {
  return DECLARATIONS.flatMap((d) => [
    { label: d.kind, kind: CompletionItemKind.Keyword, detail: 'declaration', documentation: md(d.doc), sortText: `0${d.kind}` },
    {
      label: `${d.kind} …`, kind: CompletionItemKind.Snippet, detail: `${d.kind} declaration (snippet)`,
      documentation: md(`${d.doc}\n\n\`\`\`study\n${d.example}\n\`\`\``),
      insertText: declarationSnippet(d), insertTextFormat: InsertTextFormat.Snippet, filterText: d.kind, sortText: `1${d.kind}`,
    },
  ]);
}

/** Right after `name =`: source functions, or names a model or table builds on. */
function definitionStarts(model: SemanticModel, decl: Decl, spec: DeclSpec): CompletionItem[] {
  const items: CompletionItem[] = (spec.sources ?? []).map((s) => sourceItem(s));
  if (spec.kind === 'model' || spec.kind === 'table') items.push(...declItems(model, ['model'], decl));
  if (spec.kind === 'regions') items.push(...declItems(model, ['dataset'], decl), ...valueItems(model, decl, { type: 'call', functions: ['members'] }, {}));
  return items;
}

function sourceItem(s: SourceSpec): CompletionItem {
  const first = s.params[0];
  const placeholder = first ? (first.value.type === 'formula' ? '${1:y ~ x}' : `\${1:${first.name}}`) : '$1';
  return {
    label: s.name, kind: CompletionItemKind.Function,
    detail: `${s.name}(${s.params.map((p) => p.name).join(', ')})`,
    documentation: md(s.doc), insertText: `${s.name}(${placeholder})`, insertTextFormat: InsertTextFormat.Snippet,
  };
}

function inCall(model: SemanticModel, decl: Decl, spec: DeclSpec, source: SourceSpec | undefined, call: CallContext, scopes: Scopes): CompletionItem[] {
  // A declaration too broken to parse has no source yet: the call being typed may be it.
  source ??= spec.sources?.find((s) => s.name === call.callee && call.open < (decl.block?.open.start ?? Infinity));
  const options = optionsFor(spec, source);
  if (source && call.callee === source.name) {
    if (call.argName) {
      const opt = options.find((o) => o.name === call.argName);
      return opt ? valueItems(model, decl, opt.value, scopes) : [];
    }
    const param = source.params[call.argIndex] ?? (source.variadic ? source.params.at(-1) : undefined);
    const fromParam = param ? valueItems(model, decl, param.value, scopes) : [];
    const optionNames = call.argIndex > 0 || !param ? options.map((o) => optionItem(o, ': ')) : [];
    // Once the argument has started with a name, an option name cannot follow inside it.
    return /^\s*[A-Za-z_0-9]*$/.test(call.argText) ? [...fromParam, ...optionNames] : fromParam;
  }
  const condition = inCondition(model, decl, call.open);
  const fn = functionSpec(call.callee, condition);
  if (fn) {
    const param = call.argName ? fn.params.find((p) => p.name === call.argName) : fn.params[call.argIndex];
    if (param?.value.type === 'filter' && param.value.rows) {
      // A condition over the rows of the dataset named first: `any(applicants, |`, `count(inventors, i, where: |`.
      const rows = model.symbols.get(call.firstName ?? '');
      const columns = rows?.kind === 'dataset' ? { conditions: model.scopeOf(rows), rows } : {};
      return conditionItems(model, columns, fn.context === 'filter' ? 'condition' : 'filter');
    }
    if (param && param.value.type !== 'expr') return valueItems(model, decl, param.value, scopes);
  }
  if (condition) return conditionItems(model, scopes, 'filter');
  const mode: ExprMode = decl.keyword.name === 'panel' ? 'panel' : declSpec(decl.keyword.name)?.assignments === 'columns' ? 'column' : 'formula';
  return expressionItems(model, scopes.variables ?? scopes.columns, mode);
}

/**
 * Inside a condition: the columns of the rows it filters and, over a dataset's rows (`filter`), the
 * functions that look at their patents' holders; a model's condition offers its variables.
 */
function conditionItems(model: SemanticModel, scopes: Scopes, mode: 'filter' | 'condition'): CompletionItem[] {
  if (!scopes.conditions) return scopeItems(scopes.variables, CompletionItemKind.Field);
  const columns = scopeItems(scopes.conditions, CompletionItemKind.Field);
  return scopes.rows && model.patentColumn(scopes.rows) ? [...columns, ...expressionItems(model, undefined, mode)] : columns;
}

/** Inside `{ … }`: option names and indicators at an entry's start, the option's values after `key:`. */
function inBlockEntry(model: SemanticModel, decl: Decl, spec: DeclSpec, source: SourceSpec | undefined, blockText: string, scopes: Scopes): CompletionItem[] {
  const options = optionsFor(spec, source);
  const lastLine = blockText.slice(blockText.lastIndexOf('\n') + 1).slice(-CONTEXT_CHARS);
  // A `labels` entry starts with a term of the models' variables; after its `:` comes a string, nothing to offer.
  if (spec.form === 'block') return /:\s*"/.test(lastLine) ? [] : expressionItems(model, scopes.variables, 'formula');
  const entryText = lastLine.slice(Math.max(lastLine.lastIndexOf('{'), 0));
  const keyed = /([A-Za-z_][A-Za-z0-9_]*)\s*:(?!.*\b[A-Za-z_][A-Za-z0-9_]*\s*:)(.*)$/.exec(entryText);
  const assigned = /^\s*[A-Za-z_][A-Za-z0-9_]*\s*=\s*(.*)$/.exec(lastLine);
  if (assigned && spec.assignments === 'variables') return expressionItems(model, scopes.variables, 'panel');
  if (assigned && spec.assignments === 'columns') return expressionItems(model, scopes.columns, 'column');
  if (keyed) {
    const rest = keyed[2];
    const opt = options.find((o) => o.name === keyed[1]);
    // `key: a, b` then a new `other` without colon starts a new entry only if the option takes one value.
    if (opt && (opt.list || !/,\s*[A-Za-z_0-9]*$/.test(rest))) return valueItems(model, decl, opt.value, scopes);
  }
  const given = new Set((decl.block?.entries ?? []).flatMap((e) => (e.type === 'option' ? [e.key.name] : [])));
  const items: CompletionItem[] = options.filter((o) => !given.has(o.name)).map((o) => optionItem(o, ': '));
  const listed = new Set((decl.block?.entries ?? []).flatMap((e) => (e.type === 'item' && e.value.type === 'ident' ? [e.value.name] : [])));
  for (const it of source?.items ?? []) {
    if (!listed.has(it.name)) items.push({ label: it.name, kind: CompletionItemKind.Value, detail: `${source!.name} indicator`, documentation: md(itemDoc(it)) });
  }
  return items;
}

function optionItem(o: OptionSpec, suffix: string): CompletionItem {
  return {
    label: o.name, kind: CompletionItemKind.Property, detail: o.default ? `default: ${o.default}` : o.required ? 'required' : 'option',
    documentation: md(optionDoc(o)), insertText: `${o.name}${suffix}`,
    command: { title: 'Suggest', command: 'editor.action.triggerSuggest' },
  };
}

/** Candidates for a value of the given spec. */
export function valueItems(model: SemanticModel, decl: Decl, spec: ValueSpec, scopes: Scopes): CompletionItem[] {
  switch (spec.type) {
    case 'enum': return spec.values.map((v) => ({ label: v.name, kind: CompletionItemKind.EnumMember, documentation: md(v.doc) }));
    case 'column': return scopeItems(scopes.columns, CompletionItemKind.Field);
    case 'ref': return [
      ...declItems(model, spec.kinds, decl),
      ...(spec.words ?? []).map((w) => ({ label: w.name, kind: CompletionItemKind.EnumMember, documentation: md(w.doc) })),
      ...(spec.nodeAttributes ? scopeItems(scopes.nodeAttributes, CompletionItemKind.Field) : []),
    ];
    case 'bool': return ['true', 'false'].map((b) => ({ label: b, kind: CompletionItemKind.Keyword }));
    case 'window': return declItems(model, ['windows'], decl);
    case 'filter': return conditionItems(model, scopes, 'filter');
    case 'terms': case 'formula': case 'expr': return expressionItems(model, scopes.variables ?? scopes.columns, 'formula');
    case 'call': return spec.functions.map((f) => {
      const fn = functionSpec(f)!;
      return { label: f, kind: CompletionItemKind.Function, detail: fn.signature, documentation: md(fn.doc), insertText: `${f}($1)${spec.of ? ' of $2' : ''}`, insertTextFormat: InsertTextFormat.Snippet };
    });
    case 'regionPair': return declItems(model, ['regions'], decl);
    case 'units': return declItems(model, ['regions', 'dataset'], decl);
    case 'resultTable': return declItems(model, TABLE_KINDS, decl);
    default: return [];
  }
}

function declItems(model: SemanticModel, kinds: readonly DeclKind[], self: Decl): CompletionItem[] {
  return model.symbolsOfKind(kinds).filter((s) => s.decl !== self).map((s) => ({
    label: s.name, kind: CompletionItemKind.Reference, detail: s.kind,
    documentation: md(declSpec(s.kind)?.doc ?? ''),
  }));
}

function scopeItems(scope: Scope | undefined, kind: CompletionItemKind): CompletionItem[] {
  return [...(scope?.names.values() ?? [])].map((e) => ({ label: e.name, kind, detail: scope!.description, documentation: md(e.doc) }));
}

function expressionItems(model: SemanticModel, scope: Scope | undefined, mode: ExprMode): CompletionItem[] {
  const fns = functionsFor(mode).map((f) => ({
    label: f.name, kind: CompletionItemKind.Function, detail: f.signature, documentation: md(f.doc),
    insertText: `${f.name}($1)`, insertTextFormat: InsertTextFormat.Snippet, sortText: `1${f.name}`,
  }));
  const vars = scopeItems(scope, CompletionItemKind.Variable).map((i) => ({ ...i, sortText: `0${i.label}` }));
  const decls = mode === 'filter' || mode === 'condition' || mode === 'column' ? [] : model.symbolsOfKind(['measures', 'network', 'panel', 'dataset']).map((s) => ({
    label: s.name, kind: CompletionItemKind.Module, detail: `${s.kind} — type \`.\` for its parts`, sortText: `2${s.name}`,
  }));
  return [...vars, ...fns, ...decls];
}

/** After `name.`: a network's weight, a measures' indicators, a panel's variables, a dataset's columns. */
function memberItems(model: SemanticModel, name: string): CompletionItem[] {
  const target = model.symbols.get(name);
  if (!target) return [];
  if (target.kind === 'network') return [{ label: 'weight', kind: CompletionItemKind.Field, documentation: md('Tie strength of the network, per window.') }];
  return scopeItems(model.scopeOf(target), CompletionItemKind.Field);
}

/** After `data: name.` in a model: the tables of name's result a model can read (`geo.cells`). */
function dataTableItems(model: SemanticModel, name: string): CompletionItem[] {
  const target = model.symbols.get(name);
  const tables = (target && model.resultTables(target)?.filter((t) => t.keys)) ?? [];
  return tables.map((t) => ({ label: t.name, kind: CompletionItemKind.Struct, detail: `${name}.${t.name}`, documentation: md(`A panel of ${t.keys!.join(' × ')} over the windows: ${listNames([...t.columns.names.keys()])}.`) }));
}

const DATA_FILE = /\.(csv|tsv|tab|txt|parquet|pq)(\.gz)?$/i;

function dataFiles(baseDir: string, typed: string): CompletionItem[] {
  const dir = join(baseDir, dirname(typed.endsWith('/') ? `${typed}x` : typed));
  let entries: import('node:fs').Dirent[] = [];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.filter((e) => e.isDirectory() || DATA_FILE.test(e.name)).map((e) => {
    const rel = relative(baseDir, join(dir, e.name));
    return {
      label: e.name, kind: e.isDirectory() ? CompletionItemKind.Folder : CompletionItemKind.File, detail: rel,
      insertText: e.isDirectory() ? `${e.name}/` : e.name,
      command: e.isDirectory() ? { title: 'Suggest', command: 'editor.action.triggerSuggest' } : undefined,
    };
  });
}

function md(value: string) {
  return { kind: MarkupKind.Markdown, value };
}
