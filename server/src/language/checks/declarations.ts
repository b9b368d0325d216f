// Per-declaration checks: the declaration's kind and shape, its source function, block entries and
// options, and the kind-specific rules (windows, regions, tables, model forms, data files).
import type { Decl, Entry, Expr } from '../syntax/ast.js';
import { DECLARATIONS, declSpec, optionsFor } from '../schema/declarations.js';
import type { DeclSpec, OptionSpec, SourceSpec } from '../schema/types.js';
import { declFile, type Symbol, type TableInfo } from '../semantic/model.js';
import { isRegionPair } from '../semantic/regionPair.js';
import { listNames, type CheckContext } from './context.js';
import { checkDerivedColumn } from './derivedColumns.js';
import { checkExpr } from './expressions.js';
import { checkLabels } from './labels.js';
import { checkRange, checkRef, checkValue, type ValueContext } from './values.js';
import { article } from '../../util/text.js';

export function checkDeclaration(ctx: CheckContext, decl: Decl): void {
  const spec = declSpec(decl.keyword.name);
  if (!spec) {
    ctx.unknown('unknown-kind', decl.keyword.span, decl.keyword.name, `Unknown declaration kind \`${decl.keyword.name}\`: declarations are ${listNames(DECLARATIONS.map((d) => d.kind))}`, DECLARATIONS.map((d) => d.kind));
    return;
  }
  if (!checkShape(ctx, decl, spec)) return;
  if (spec.form === 'block') return checkLabels(ctx, decl);
  const symbol = decl.name ? ctx.model.symbols.get(decl.name.name) : undefined;
  const source = checkSource(ctx, decl, spec);
  const v = valueContext(ctx, decl);
  checkKindRules(ctx, decl, spec, v);
  checkSourceArgs(ctx, decl, spec, source, v);
  checkBlock(ctx, decl, spec, source ?? ctx.model.inheritedSource(decl), v, symbol);
}

/** `kind name from "file"`, `kind name = value` or `study "title"`, as the kind requires. */
function checkShape(ctx: CheckContext, decl: Decl, spec: DeclSpec): boolean {
  const kw = decl.keyword;
  if (spec.form === 'title') {
    if (!decl.title) ctx.error('missing-title', kw.span, `Give the study a title: \`study "Title of the study"\``);
    return true;
  }
  if (!decl.name) {
    ctx.error('missing-name', decl.title?.span ?? kw.span, `A ${spec.kind} needs a name: \`${spec.example.split('\n')[0]}\``);
    return false;
  }
  if (spec.form === 'from' && !decl.from) {
    ctx.error('missing-file', decl.name.span, `A ${spec.kind} is read from a file: \`${spec.kind} ${decl.name.name} from "path/to/file.csv"\``);
  }
  if (spec.form === 'value') {
    if (decl.from) ctx.error('unexpected-from', decl.from.span, `A ${spec.kind} is not read from a file; write \`${spec.kind} ${decl.name.name} = …\``);
    if (!decl.values.length) ctx.error('missing-value', decl.name.span, `Say what \`${decl.name.name}\` is: \`${spec.example.split('\n')[0]}\``);
  }
  if (spec.form === 'block') {
    if (decl.from) ctx.error('unexpected-from', decl.from.span, `A ${spec.kind} declaration is a block: \`${spec.kind} ${decl.name.name} { … }\``);
    if (decl.values.length) ctx.error('unexpected-value', decl.values[0].span, `A ${spec.kind} declaration is a block, not defined with \`=\`: \`${spec.kind} ${decl.name.name} { … }\``);
    return true;
  }
  if (spec.form === 'from' && decl.values.length) ctx.error('unexpected-value', decl.values[0].span, `A ${spec.kind} is read from a file, not defined with \`=\``);
  if (spec.kind !== 'table' && decl.values.length > 1) {
    ctx.error('unexpected-value', decl.values[1].span, `A ${spec.kind} has one definition; remove everything after the comma`);
  }
  return true;
}

/** The `fn(...)` on the right of `=` for kinds defined by a source function. */
function checkSource(ctx: CheckContext, decl: Decl, spec: DeclSpec): SourceSpec | undefined {
  const value = decl.values[0];
  if (!spec.sources || !value) return undefined;
  if (spec.kind === 'model' && value.type !== 'call') return undefined; // `m1 + x`, `m1 by g`: checked in kind rules
  const names = spec.sources.map((s) => s.name);
  if (value.type !== 'call') {
    ctx.error('missing-source', value.span, `A ${spec.kind} is defined by ${listNames(names.map((n) => `${n}(…)`))}`);
    return undefined;
  }
  const source = spec.sources.find((s) => s.name === value.callee.name);
  if (!source) ctx.unknown('unknown-source', value.callee.span, value.callee.name, `Unknown ${spec.kind} function \`${value.callee.name}\`: use ${listNames(names)}`, names);
  return source;
}

/** The scopes this declaration's values are checked in. */
function valueContext(ctx: CheckContext, decl: Decl): ValueContext {
  return { ctx, ...ctx.model.scopes(decl) };
}

function checkSourceArgs(ctx: CheckContext, decl: Decl, spec: DeclSpec, source: SourceSpec | undefined, v: ValueContext): void {
  const call = decl.values[0];
  if (!source || call?.type !== 'call') return;
  const options = optionsFor(spec, source);
  let position = 0;
  for (const arg of call.args) {
    if (!arg.value) continue;
    if (arg.name) {
      const opt = options.find((o) => o.name === arg.name!.name);
      if (!opt) ctx.unknown('unknown-option', arg.name.span, arg.name.name, `\`${source.name}\` has no option \`${arg.name.name}\``, options.map((o) => o.name));
      else checkOptionValues(v, opt, [arg.value]);
      continue;
    }
    const param = source.params[position] ?? (source.variadic ? source.params.at(-1) : undefined);
    position++;
    if (!param) {
      ctx.error('too-many-arguments', arg.span, `Too many arguments: \`${source.name}\` takes ${listNames(source.params.map((p) => p.name))}; options go as \`name: value\``);
      continue;
    }
    checkValue(v, arg.value, param.value, `argument \`${param.name}\` of \`${source.name}\``);
  }
  const needed = source.params.filter((p) => !p.optional).length;
  if (position < needed && call.close) {
    ctx.error('missing-argument', call.span, `\`${source.name}\` needs ${listNames(source.params.filter((p) => !p.optional).map((p) => p.name))}`);
  }
}

function checkBlock(ctx: CheckContext, decl: Decl, spec: DeclSpec, source: SourceSpec | undefined, v: ValueContext, symbol: Symbol | undefined): void {
  const options = optionsFor(spec, source);
  const seen = new Map<string, Entry>();
  let derived = 0;
  for (const entry of decl.block?.entries ?? []) {
    if (entry.type === 'option') {
      const opt = options.find((o) => o.name === entry.key.name);
      if (!opt) {
        const inapplicable = spec.options.find((o) => o.name === entry.key.name);
        if (inapplicable?.only && !source) continue; // the unknown source function is reported already
        if (inapplicable?.only) ctx.error('inapplicable-option', entry.key.span, `\`${entry.key.name}\` applies only to ${listNames(inapplicable.only)}`);
        else ctx.unknown('unknown-option', entry.key.span, entry.key.name, `Unknown option \`${entry.key.name}\` for ${article(spec.kind)} ${source ? `\`${source.name}\` ` : ''}${spec.kind}; options are ${listNames(options.map((o) => o.name))}`, options.map((o) => o.name));
        continue;
      }
      if (seen.has(opt.name)) ctx.warning('duplicate-option', entry.key.span, `\`${opt.name}\` is given twice; the last one wins`);
      seen.set(opt.name, entry);
      if (!entry.values.length) ctx.error('missing-value', entry.span, `Give a value for \`${opt.name}\``);
      checkOptionValues(v, opt, entry.values);
    } else if (entry.type === 'assign') {
      if (spec.assignments === 'columns') {
        if (symbol?.decl === decl) checkDerivedColumn(v, symbol, entry, derived);
        derived++;
        continue;
      }
      if (!spec.assignments) {
        ctx.error('unexpected-assignment', entry.name.span, `A ${spec.kind} does not define variables; options are written \`${entry.name.name}: value\``);
        continue;
      }
      checkExpr({ ctx, scope: v.variables, mode: 'panel', checkValue: (e, s, w) => checkValue(v, e, s, w) }, entry.value);
    } else {
      checkItem(ctx, decl, source, entry.value);
    }
  }
  for (const opt of options.filter((o) => o.required)) {
    if (!seen.has(opt.name) && !ctx.model.option(decl, opt.name) && !inheritsData(ctx, decl, opt, symbol)) {
      ctx.error('missing-option', decl.name?.span ?? decl.keyword.span, `\`${decl.name?.name ?? spec.kind}\` needs \`${opt.name}:\` — ${opt.doc}`);
    }
  }
}

/** `model m2 = m1 + x` takes `data` from m1. */
function inheritsData(ctx: CheckContext, decl: Decl, opt: OptionSpec, symbol: Symbol | undefined): boolean {
  return opt.name === 'data' && symbol?.kind === 'model' && ctx.model.baseModel(decl) !== undefined;
}

function checkOptionValues(v: ValueContext, opt: OptionSpec, values: Expr[]): void {
  if (values.length > 1 && !opt.list) {
    v.ctx.error('too-many-values', values[1].span, `\`${opt.name}\` takes one value`);
  }
  for (const value of values) checkValue(v, value, opt.value, `\`${opt.name}\``);
}

function checkItem(ctx: CheckContext, decl: Decl, source: SourceSpec | undefined, value: Expr): void {
  if (!source?.items) {
    ctx.error('unexpected-item', value.span, `Expected an option \`key: value\` here`);
    return;
  }
  const names = source.items.map((i) => i.name);
  const item = value.type === 'ident' ? source.items.find((i) => i.name === value.name) : undefined;
  if (!item) {
    const word = value.type === 'ident' ? value.name : '';
    ctx.unknown('unknown-item', value.span, word, `\`${word || 'this'}\` is not ${article(source.name)} \`${source.name}\` indicator; use ${listNames(names)}`, names);
    return;
  }
  if (item.needs && !ctx.model.option(decl, item.needs)) {
    ctx.error('missing-option', value.span, `\`${item.name}\` needs \`${item.needs}:\` — ${optionDoc(decl, item.needs)}`);
  }
}

/** What an option of the declaration's kind is for, to say why an item needs it. */
function optionDoc(decl: Decl, name: string): string {
  return declSpec(decl.keyword.name)?.options.find((o) => o.name === name)?.doc ?? '';
}

// ---------------------------------------------------------------- kind-specific rules

function checkKindRules(ctx: CheckContext, decl: Decl, spec: DeclSpec, v: ValueContext): void {
  switch (spec.kind) {
    case 'dataset': case 'lookup': case 'geometry': return checkDataFile(ctx, decl);
    case 'windows': return checkWindows(ctx, decl);
    case 'regions': return checkRegions(ctx, decl, v);
    case 'table':
      for (const value of decl.values) checkRef(ctx, value, ['model'], 'each column of a table');
      return;
    case 'model': return checkModelForm(ctx, decl, v);
    case 'clusters': return checkClusterSource(ctx, decl);
    case 'network': return checkDataFile(ctx, decl);
    default: return;
  }
}

/** The file a declaration reads (`from "…"`, a network's `file("…")`) exists and reads. */
function checkDataFile(ctx: CheckContext, decl: Decl): void {
  const file = declFile(decl);
  if (!file || !decl.name) return;
  const symbol = ctx.model.symbols.get(decl.name.name);
  const info = symbol?.decl === decl ? ctx.model.table(symbol) : undefined;
  if (!info) return;
  if (info.status === 'missing') ctx.error('missing-data-file', file.span, `Data file not found: ${file.value} (looked for ${info.path}). Paths are relative to the spec's folder`);
  if (info.status === 'error') ctx.error('unreadable-data-file', file.span, `Cannot read ${file.value}: ${info.message}`);
  if (info.status === 'ok') checkYearValues(ctx, decl, info);
}

/** Plausible years; a `year` column outside them holds something else, most often `YYYYMMDD` dates. */
const YEARS = { min: 1800, max: 2100 };

/** A `year` role naming a column whose first rows are not years (`20030109`): a warning suggesting `year(…)`. */
function checkYearValues(ctx: CheckContext, decl: Decl, info: Extract<TableInfo, { status: 'ok' }>): void {
  const year = ctx.model.option(decl, 'year')?.values[0];
  if (year?.type !== 'ident') return;
  const range = info.ranges?.[info.columns.indexOf(year.name)];
  if (!range || (range.min >= YEARS.min && range.max <= YEARS.max)) return;
  // `app_date` → `app_year`, unless the file has that column; else `app_date_year`.
  const renamed = year.name.replace('date', 'year');
  const name = renamed !== year.name && !info.columns.includes(renamed) ? renamed : `${year.name}_year`;
  ctx.warning('not-years', year.span, `\`${year.name}\` holds ${range.min}–${range.max} in the file's first rows, not years (${YEARS.min}–${YEARS.max}); if these are dates such as 20030109, derive the year: \`${name} = year(${year.name})\` and \`year: ${name}\``);
}

/** `2001..2020 by 5`, `1998..2017 rolling 3` or `2011..2020`. */
function checkWindows(ctx: CheckContext, decl: Decl): void {
  const value = decl.values[0];
  if (!value) return;
  let range: Expr = value;
  let size: Expr | undefined;
  let mode: 'by' | 'rolling' | undefined;
  if (value.type === 'binary' && (value.op === 'by' || value.op === 'rolling')) {
    range = value.left;
    size = value.right;
    mode = value.op;
  }
  const bounds = checkRange(ctx, range, 'a windows definition');
  if (mode && !size) return;
  if (!mode) return;
  if (size?.type !== 'number' || !Number.isInteger(size.value)) {
    ctx.error('bad-window', size?.span ?? value.span, `The window length after \`${mode}\` must be a whole number of years`);
    return;
  }
  if (size.value < 1) {
    ctx.error('empty-window', size.span, `Windows of ${size.value} years are empty: use a length of at least 1`);
    return;
  }
  if (!bounds) return;
  const span = bounds[1] - bounds[0] + 1;
  if (size.value > span) {
    ctx.error('empty-window', size.span, `A ${size.value}-year window does not fit in ${bounds[0]}..${bounds[1]} (${span} years): no window would be formed`);
  } else if (mode === 'by' && span % size.value !== 0 && !isTrue(ctx, decl, 'partial')) {
    const last = bounds[0] + Math.floor(span / size.value) * size.value;
    ctx.warning('partial-window', size.span, `${span} years do not split into ${size.value}-year periods: ${last}..${bounds[1]} would be shorter and is left out (set \`partial: true\` to keep it)`);
  }
}

function isTrue(ctx: CheckContext, decl: Decl, option: string): boolean {
  const v = ctx.model.option(decl, option)?.values[0];
  return v?.type === 'bool' && v.value;
}

/** `regions china = inventors where country == "CN"`, or `regions hubs = members(ai)`. */
function checkRegions(ctx: CheckContext, decl: Decl, v: ValueContext): void {
  const value = decl.values[0];
  if (!value) return;
  if (value.type === 'call') return checkMembers(ctx, decl, value);
  if (value.type !== 'binary' || value.op !== 'where') {
    ctx.error('bad-regions', value.span, 'Pick regions from a dataset with a condition, `regions china = inventors where country == "CN"`, or take a clusters declaration\'s clusters, `regions hubs = members(ai)`');
    return;
  }
  checkRef(ctx, value.left, ['dataset'], 'the source of a regions set');
  if (value.right) checkValue(v, value.right, { type: 'filter' }, 'the condition');
}

/** `regions hubs = members(ai)`: the clusters a `clusters` declaration identifies. */
function checkMembers(ctx: CheckContext, decl: Decl, call: Extract<Expr, { type: 'call' }>): void {
  if (call.callee.name !== 'members') {
    ctx.unknown('bad-regions', call.callee.span, call.callee.name, `A region set is \`dataset where condition\` or \`members(clusters)\`, not \`${call.callee.name}(…)\``, ['members']);
    return;
  }
  const [first, ...rest] = call.args;
  if (!first?.value) {
    if (call.close) ctx.error('missing-argument', call.span, '`members(clusters)` needs the clusters declaration whose clusters make the set');
    return;
  }
  if (rest.length) ctx.error('too-many-arguments', rest[0].span, 'Too many arguments: `members(clusters)`');
  checkRef(ctx, first.value, ['clusters'], 'the argument of `members`');
  const level = ctx.model.option(decl, 'level');
  if (level) ctx.error('inapplicable-option', level.key.span, '`level` applies only to a region set picked from a dataset; `members(…)` is the clusters\' own regions');
  const cycle = decl.name && regionsCycle(ctx, decl.name.name);
  if (cycle) ctx.error('cyclic-definition', first.value.span, `\`${decl.name!.name}\` depends on itself: ${cycle.join(' → ')}`);
}

/**
 * The declarations a region set from `members(…)` depends on through, back to itself, or undefined: the
 * clusters' quotients and network, a measures declaration's network, a network's region sets (`between`,
 * `exclude`, `touching`) and those sets' clusters. Only these can lead back to a region set.
 */
function regionsCycle(ctx: CheckContext, start: string): string[] | undefined {
  const { model } = ctx;
  const dependencies = (symbol: Symbol): Expr[] => {
    const source = model.source(symbol.decl);
    const args = source?.call.args.map((a) => a.value).filter((e) => e !== undefined) ?? [];
    switch (symbol.kind) {
      case 'regions': {
        const value = symbol.decl.values[0];
        return value?.type === 'call' ? value.args.flatMap((a) => (a.value ? [a.value] : [])) : [];
      }
      case 'clusters': return [...args, ...(model.option(symbol.decl, 'network')?.values ?? [])];
      case 'measures': return args;
      case 'network': return ['between', 'exclude', 'touching'].flatMap((o) => model.option(symbol.decl, o)?.values ?? []).flatMap(regionNames);
      default: return [];
    }
  };
  // Depth-first along these edges with an explicit stack; each declaration is entered once.
  const seen = new Set<string>();
  const path: string[] = [];
  const stack: { symbol: Symbol; next: Expr[] }[] = [];
  const enter = (symbol: Symbol) => { seen.add(symbol.name); path.push(symbol.name); stack.push({ symbol, next: dependencies(symbol) }); };
  enter(model.symbols.get(start)!);
  while (stack.length) {
    const top = stack[stack.length - 1];
    const expr = top.next.pop();
    if (!expr) { stack.pop(); path.pop(); continue; }
    const target = model.resolve(expr);
    if (!target) continue;
    if (target.name === start) return [...path, start];
    if (!seen.has(target.name)) enter(target);
  }
  return undefined;
}

/** The names in a region-set option value: `a × b`, `joint(a, b)` or `a`. */
function regionNames(e: Expr): Expr[] {
  if (isRegionPair(e)) return e.right ? [e.left, e.right] : [e.left];
  if (e.type === 'call') return e.args.flatMap((a) => (a.value ? [a.value] : []));
  return [e];
}

/** Models defined by extension (`m1 + x`), split (`m1 by g in (…)`) or an estimator call. */
function checkModelForm(ctx: CheckContext, decl: Decl, v: ValueContext): void {
  const value = decl.values[0];
  if (value?.type === 'call') return checkFixefWanted(ctx, decl);
  if (!value) return;
  if (value.type === 'binary' && value.op === 'by') {
    checkModelBase(ctx, value.left);
    if (value.right?.type === 'binary' && value.right.op === 'in') {
      checkValue(v, value.right.left, { type: 'terms' }, 'the grouping variable');
    } else if (value.right) {
      checkValue(v, value.right, { type: 'terms' }, 'the grouping variable');
    }
    return;
  }
  if (value.type === 'binary' && value.op === '+') {
    let base: Expr = value;
    const added: Expr[] = [];
    while (base.type === 'binary' && base.op === '+') {
      if (base.right) added.push(base.right);
      base = base.left;
    }
    checkModelBase(ctx, base);
    for (const term of added) checkValue(v, term, { type: 'terms' }, 'an added term');
    return;
  }
  if (value.type === 'ident') {
    checkModelBase(ctx, value);
    return;
  }
  ctx.error('bad-model', value.span, 'A model is an estimator call `ols(y ~ x, data: d)`, an extension `m1 + x`, or a split `m1 by g`');
}

/** `fixef: true` on an estimator call whose formula has no `| fixed effects` has nothing to report. */
function checkFixefWanted(ctx: CheckContext, decl: Decl): void {
  const fixef = ctx.model.option(decl, 'fixef')?.values[0];
  const formula = ctx.model.source(decl)?.call.args.find((a) => !a.name)?.value;
  if (fixef?.type !== 'bool' || !fixef.value || formula?.type !== 'binary' || formula.op !== '~') return;
  if (formula.right?.type === 'binary' && formula.right.op === '|') return;
  ctx.error('no-fixed-effects', fixef.span, '`fixef: true` reports the values of fixed effects, but the formula has none; add them after `|` (`y ~ x | region + year`)');
}

/** Clusters are identified from location quotients, not from any measures. */
function checkClusterSource(ctx: CheckContext, decl: Decl): void {
  const arg = ctx.model.source(decl)?.call.args.find((a) => !a.name)?.value;
  const target = ctx.model.resolve(arg);
  if (!arg || target?.kind !== 'measures') return; // unknown or wrong-kind names are reported already
  const source = ctx.model.source(target.decl)?.spec.name;
  if (source && source !== 'location_quotient') {
    ctx.error('wrong-kind', arg.span, `\`${target.name}\` holds \`${source}\` measures; clusters are identified from \`location_quotient(…)\` measures`);
  }
}

function checkModelBase(ctx: CheckContext, expr: Expr): void {
  if (expr.type === 'ident' && !ctx.model.symbols.has(expr.name)) {
    const spec = declSpec('model')!;
    const estimators = spec.sources!.map((s) => s.name);
    if (estimators.includes(expr.name)) {
      ctx.error('bad-model', expr.span, `\`${expr.name}\` is an estimator: call it with a formula, \`${expr.name}(y ~ x, data: d)\``);
      return;
    }
  }
  checkRef(ctx, expr, ['model'], 'the model this one builds on');
}
