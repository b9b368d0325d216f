// The semantic model: what each declared name is, what columns and variables each declaration can see,
// and which spans refer to which declaration. Built from the syntax tree plus the data files' headers.
import type { Decl, Expr, Ident, Span, StringLit, StudyFile } from '../syntax/ast.js';
import { NameIndex } from '../../util/suggest.js';
import { DECLARATIONS, declSpec, isFileKind } from '../schema/declarations.js';
import type { DeclKind, ResultTableSpec, SourceSpec, ValueType } from '../schema/types.js';
import { derivedColumns, headerType, splits, valueTypeOf } from './derived.js';
import { nodeAttributeScope } from './nodeAttributes.js';

export interface Symbol {
  name: string;
  kind: DeclKind;
  decl: Decl;
  nameSpan: Span;
}

/** What the language server knows about a data file; the language layer never reads files itself. */
export type TableInfo =
  /** `ranges`: whole-number columns' smallest and largest values in the file's first rows (`tableSchema.ts`). */
  | { status: 'ok'; path: string; columns: string[]; types: string[]; rowCount?: number; ranges?: ({ min: number; max: number } | undefined)[] }
  | { status: 'missing'; path: string }
  | { status: 'error'; path: string; message: string }
  | { status: 'pending'; path: string };

/** How a file is to be read, as its declaration states it (unset fields are detected). */
export interface Dialect {
  format?: 'csv' | 'tsv' | 'parquet'; delimiter?: string; encoding?: 'utf8' | 'utf16' | 'latin1'; header?: boolean;
  /** Set for a geometry declaration: its file is TopoJSON, the features read from `object` (default: the first). */
  geometry?: { object?: string };
  /** Set for a network read by `file("…")`: its stated `format` (else detected from the name) and `weight` attribute. */
  network?: { format?: string; weight?: string };
}

export type TableProvider = (relativePath: string, dialect: Dialect) => TableInfo;

export type Reference =
  | { kind: 'decl'; span: Span; target: Symbol }
  | { kind: 'column'; span: Span; dataset: Symbol; column: string }
  | { kind: 'variable'; span: Span; panel: Symbol; name: string; definition: Span };

/** Variables visible to a formula, filter or panel expression. */
export interface Scope {
  /** Where the names come from, for messages: "the columns of data/x.csv", "panel dyads". */
  description: string;
  names: Map<string, ScopeEntry>;
  /** False while a data file's header is not yet known: unknown names are then not reported. */
  complete: boolean;
}
export interface ScopeEntry { name: string; doc: string; ref?: Reference }

/**
 * The scopes of one declaration: its dataset's columns, the names its `where:` conditions may use (a
 * network's also those of the patents its holders join), and the variables its terms may use; `rows` is the
 * dataset those columns belong to, whose rows the declaration's conditions filter; `nodeAttributes`, a
 * measures declaration's network's node attributes (what `groups:` may name).
 */
export interface Scopes { columns?: Scope; conditions?: Scope; variables?: Scope; rows?: Symbol; nodeAttributes?: Scope }

/**
 * A table of a declaration's result as the spec tells it: its name, the columns known before a run and,
 * where its rows have them, the columns that name a row within its window (see `ResultTableSpec.keys`).
 */
export interface ResultTable { name: string; columns: Scope; keys?: string[] }

/** What a figure draws: the declaration named, the table named after the dot, and that table when known. */
export interface FigureData { target: Symbol; name?: Ident; table?: ResultTable }

/**
 * How a document's new version differs from the version `previous` modelled: the declarations its parser
 * replaced, in file order (the others are the same objects, moved).
 */
export interface ModelEdit { previous: SemanticModel; removed: readonly Decl[]; added: readonly Decl[] }

export class SemanticModel {
  readonly symbols: Map<string, Symbol>;
  readonly duplicates: Symbol[];
  // The model is immutable once built: tables and scopes are computed once per analysis.
  private readonly tableInfo = new Map<string, TableInfo>();
  private readonly scopeCache = new Map<Symbol, Scope | undefined>();
  private readonly modelScopes = new Map<Decl, Scope | undefined>();
  private readonly holderScopes = new Map<Symbol, Scope>();
  private readonly derivedTypes = new Map<Symbol, Map<string, ValueType | undefined>>();
  private readonly inheritedSources = new Map<Decl, SourceSpec | undefined>();
  private readonly resultTableCache = new Map<Symbol, ResultTable[] | undefined>();
  private readonly byKinds = new Map<string, Symbol[]>();
  private readonly nameIndexes = new Map<string, NameIndex>();

  /** `edit`: the symbol table is taken over from the previous version where the edit allows (see `takeOver`). */
  constructor(readonly file: StudyFile, readonly tables: TableProvider, edit?: ModelEdit) {
    const taken = edit && takeOver(edit);
    this.symbols = taken?.symbols ?? new Map();
    this.duplicates = taken?.duplicates ?? [];
    if (taken) return;
    for (const decl of file.decls) {
      const symbol = symbolOf(decl);
      if (!symbol) continue;
      if (this.symbols.has(symbol.name)) this.duplicates.push(symbol);
      else this.symbols.set(symbol.name, symbol);
    }
  }

  /** Declared symbols of the given kinds, in file order; computed once per set of kinds (checks ask per unknown name). */
  symbolsOfKind(kinds: readonly DeclKind[]): Symbol[] {
    const key = kinds.join(' ');
    let found = this.byKinds.get(key);
    if (!found) this.byKinds.set(key, (found = [...this.symbols.values()].filter((s) => kinds.includes(s.kind))));
    return found;
  }

  /** The names of `symbolsOfKind(kinds)` as an index for did-you-mean, built once per set of kinds. */
  namesOfKind(kinds: readonly DeclKind[]): NameIndex {
    const key = kinds.join(' ');
    let index = this.nameIndexes.get(key);
    if (!index) this.nameIndexes.set(key, (index = new NameIndex(this.symbolsOfKind(kinds).map((s) => s.name))));
    return index;
  }

  /** Every declared name as an index for did-you-mean. */
  get allNames(): NameIndex {
    return this.namesOfKind(DECLARATIONS.map((d) => d.kind));
  }

  /** The source function of a `kind name = fn(...)` declaration, when it is a known one. */
  source(decl: Decl): { spec: SourceSpec; call: Extract<Expr, { type: 'call' }> } | undefined {
    const spec = declSpec(decl.keyword.name);
    const call = decl.values[0];
    if (!spec?.sources || call?.type !== 'call') return undefined;
    const source = spec.sources.find((s) => s.name === call.callee.name);
    return source ? { spec: source, call } : undefined;
  }

  /** See `declOption`. */
  option(decl: Decl, name: string): { key: Ident; values: Expr[] } | undefined {
    return declOption(decl, name);
  }

  /** The declaration a name expression refers to, if it is a plain identifier naming one. */
  resolve(expr: Expr | undefined): Symbol | undefined {
    return expr?.type === 'ident' ? this.symbols.get(expr.name) : undefined;
  }

  table(dataset: Symbol): TableInfo | undefined {
    const from = declFile(dataset.decl)?.value;
    if (from === undefined) return undefined;
    // One file read with two dialects (delimiter, header …) has two headers.
    const dialect = this.dialect(dataset.decl);
    const key = `${from}\u0000${JSON.stringify(dialect)}`;
    let info = this.tableInfo.get(key);
    if (!info) this.tableInfo.set(key, (info = this.tables(from, dialect)));
    return info;
  }

  /** See `declDialect`. */
  dialect(decl: Decl): Dialect {
    return declDialect(decl);
  }

  /** Columns of a file declaration (a geometry's match keys), and the columns it derives, as a scope. */
  private columnScope(dataset: Symbol): Scope {
    const info = this.table(dataset);
    const names = new Map<string, ScopeEntry>();
    if (info?.status === 'ok') {
      info.columns.forEach((c, i) => names.set(c, {
        name: c, doc: `Column of ${info.path} (${info.types[i] ?? 'unknown type'})`,
        ref: { kind: 'column', span: { start: 0, end: 0 }, dataset, column: c },
      }));
    }
    if (declSpec(dataset.kind)?.assignments === 'columns') {
      for (const e of derivedColumns(dataset.decl)) {
        if (names.has(e.name.name)) continue; // reported: a derived column cannot replace the file's
        names.set(e.name.name, { name: e.name.name, doc: `Column derived in \`${dataset.name}\``, ref: { kind: 'column', span: e.name.span, dataset, column: e.name.name } });
      }
    }
    return { description: `the columns of ${dataset.decl.from?.value ?? dataset.name}`, names, complete: info?.status === 'ok' };
  }

  /**
   * What a column of a file declaration holds: text, a number, a date or a condition, from the header's
   * type; a split column is text, a derived column what its expression gives. Undefined where not known.
   */
  columnType(dataset: Symbol, column: string): ValueType | undefined {
    return this.fileColumnType(dataset, column) ?? this.derivedTypesOf(dataset).get(column);
  }

  /** The derived columns' types, each from the file's columns and the derived columns above it. */
  private derivedTypesOf(dataset: Symbol): Map<string, ValueType | undefined> {
    let types = this.derivedTypes.get(dataset);
    if (types) return types;
    types = new Map();
    this.derivedTypes.set(dataset, types);
    if (declSpec(dataset.kind)?.assignments === 'columns') {
      const known = types;
      for (const e of derivedColumns(dataset.decl)) {
        if (!known.has(e.name.name)) known.set(e.name.name, valueTypeOf(e.value, (c) => (known.has(c) ? known.get(c) : this.fileColumnType(dataset, c))));
      }
    }
    return types;
  }

  private fileColumnType(dataset: Symbol, column: string): ValueType | undefined {
    const info = this.table(dataset);
    const i = info?.status === 'ok' ? info.columns.indexOf(column) : -1;
    if (i < 0 || info?.status !== 'ok') return undefined;
    return splits(dataset.decl).some((s) => s.column.name === column) ? 'text' : headerType(info.types[i]);
  }

  /** Variables of a panel: its index variables, defined variables and attribute columns. */
  private panelScope(panel: Symbol): Scope {
    const names = new Map<string, ScopeEntry>();
    const src = this.source(panel.decl);
    const dyadic = src?.spec.name === 'dyadic';
    names.set('i', { name: 'i', doc: dyadic ? 'Panel index: the first region of the pair.' : 'Panel index: the region.' });
    if (dyadic) names.set('j', { name: 'j', doc: 'Panel index: the second region of the pair.' });
    names.set('t', { name: 't', doc: 'Panel index: the time period (year or window).' });
    let complete = true;
    for (const e of panel.decl.block?.entries ?? []) {
      if (e.type === 'assign') {
        names.set(e.name.name, {
          name: e.name.name, doc: `Variable of panel \`${panel.name}\``,
          ref: { kind: 'variable', span: e.name.span, panel, name: e.name.name, definition: e.name.span },
        });
      }
    }
    for (const attr of this.option(panel.decl, 'attributes')?.values ?? []) {
      const ds = this.resolve(attr);
      const cols = ds?.kind === 'dataset' ? this.scopeOf(ds)! : ds?.kind === 'measures' ? this.nodeColumns(ds) : undefined;
      if (!cols) continue;
      complete &&= cols.complete;
      // Dyadic panels join attributes to both sides of the pair: `gdp` becomes `gdp_i` and `gdp_j`.
      const sides = dyadic ? ['_i', '_j'] : [''];
      for (const [n, entry] of cols.names) {
        for (const side of sides) if (!names.has(n + side)) names.set(n + side, { ...entry, name: n + side });
      }
    }
    return { description: `the variables of panel \`${panel.name}\``, names, complete };
  }

  /** The indicators of a measures declaration's `nodes` table (its columns but `window` and `region`), as attributes join them. */
  private nodeColumns(measures: Symbol): Scope | undefined {
    const nodes = this.resultTables(measures)?.find((t) => t.name === 'nodes')?.columns;
    if (!nodes) return undefined;
    const names = new Map([...nodes.names].filter(([n]) => n !== 'window' && n !== 'region'));
    return { ...nodes, names };
  }

  /**
   * Indicators of a `measures` declaration: its items plus `i` (the region) and `t` — those of its `nodes`
   * table where the source says which are (a region × technology toolkit's technology indicators are not).
   */
  private measureScope(measures: Symbol): Scope {
    const names = new Map<string, ScopeEntry>();
    names.set('i', { name: 'i', doc: 'The region.' });
    names.set('t', { name: 't', doc: 'The window.' });
    const src = this.source(measures.decl);
    const perRegion = src?.spec.tables?.find((t) => t.name === 'nodes')?.items;
    for (const e of measures.decl.block?.entries ?? []) {
      if (e.type === 'item' && e.value.type === 'ident') {
        const item = src?.spec.items?.find((x) => x.name === (e.value as Ident).name);
        if (item && (!Array.isArray(perRegion) || perRegion.includes(item.name))) names.set(item.name, { name: item.name, doc: item.doc });
      }
    }
    for (const item of src?.spec.items ?? []) {
      // A location quotient always has its three columns.
      if (src?.spec.name === 'location_quotient' && !names.has(item.name)) names.set(item.name, { name: item.name, doc: item.doc });
    }
    if (this.option(measures.decl, 'tiers')) names.set('tier', { name: 'tier', doc: 'The tier (class 1..k) of the classified measure.' });
    return { description: `the indicators of \`${measures.name}\``, names, complete: true };
  }

  /** The scope a model's formula is checked in: its `data` (inherited through `m2 = m1 + x` and `m by g`). */
  modelScope(model: Symbol): Scope | undefined {
    return this.alongBaseModels(model.decl, this.modelScopes, (decl) => {
      const data = this.option(decl, 'data')?.values[0];
      if (data?.type === 'member') return { found: this.dataTable(data)?.scope };
      const target = this.resolve(data);
      return target ? { found: this.scopeOf(target) } : undefined;
    });
  }

  /**
   * `data: geo.cells`: a table of a declaration's result that a model can read, one whose rows have keys,
   * with its scope — the table's columns and `t`, the window (the panel's time).
   */
  dataTable(data: Expr): { target: Symbol; table: ResultTable; scope: Scope } | undefined {
    const target = data.type === 'member' ? this.resolve(data.object) : undefined;
    const name = data.type === 'member' ? data.property?.name : undefined;
    const table = target && this.resultTables(target)?.find((t) => t.name === name && t.keys);
    if (!target || !table) return undefined;
    const names = new Map(table.columns.names);
    names.set('t', { name: 't', doc: `The window of the row: the panel's time, the windows in order (lags \`l(x, k)\` go back k windows along each ${table.keys!.join(' × ')}).` });
    return { target, table, scope: { ...table.columns, names } };
  }

  /** A derived model's estimator (`model g7 = m3 { … }` takes m3's options): the source it builds on. */
  inheritedSource(decl: Decl): SourceSpec | undefined {
    return this.alongBaseModels(decl, this.inheritedSources, (d) => {
      const own = this.source(d)?.spec;
      return own || d.keyword.name !== 'model' ? { found: own } : undefined;
    });
  }

  /**
   * The first answer `own` gives along a chain of base models (`m3 = m2 + x`, `m2 = m1 + y`, …), cached
   * for every model on the way: a loop, not recursion, and each model visited once however long the
   * chains. A cycle answers undefined.
   */
  private alongBaseModels<T>(decl: Decl, cache: Map<Decl, T | undefined>, own: (d: Decl) => { found: T | undefined } | undefined): T | undefined {
    if (cache.has(decl)) return cache.get(decl);
    // Most models have their own answer: no chain to walk.
    const direct = own(decl);
    if (direct) {
      cache.set(decl, direct.found);
      return direct.found;
    }
    const chain: Decl[] = [decl];
    const seen = new Set<Decl>(chain);
    let answer: T | undefined;
    for (let d = this.baseModel(decl)?.decl; d && !seen.has(d); d = this.baseModel(d)?.decl) {
      seen.add(d);
      if (cache.has(d)) { answer = cache.get(d); break; }
      chain.push(d);
      const result = own(d);
      if (result) { answer = result.found; break; }
    }
    for (const d of chain) cache.set(d, answer);
    return answer;
  }

  /**
   * The model a `m1 + x` or `m1 by g` declaration builds on, the model a `permute(m1, …)` re-estimates, or
   * the total model of `mediation_of(m1, …)`, whose data it reads.
   */
  baseModel(decl: Decl): Symbol | undefined {
    let e: Expr | undefined = decl.values[0];
    while (e?.type === 'binary' && (e.op === '+' || e.op === 'by')) e = e.left;
    if (e?.type === 'call' && (e.callee.name === 'permute' || e.callee.name === 'mediation_of')) e = e.args[0]?.value;
    const s = this.resolve(e);
    return s?.kind === 'model' && s.decl !== decl ? s : undefined;
  }

  scopeOf(target: Symbol): Scope | undefined {
    if (!this.scopeCache.has(target)) this.scopeCache.set(target, this.computeScope(target));
    return this.scopeCache.get(target);
  }

  private computeScope(target: Symbol): Scope | undefined {
    switch (target.kind) {
      case 'dataset': case 'lookup': case 'geometry': return this.columnScope(target);
      case 'panel': return this.panelScope(target);
      case 'measures': return this.measureScope(target);
      default: return undefined;
    }
  }

  /**
   * The tables a declaration's result holds, the one a figure draws by default first, as far as the spec
   * tells (its source's `tables`, those `report:` leaves out dropped); undefined when not known before a run.
   */
  resultTables(symbol: Symbol): ResultTable[] | undefined {
    if (!this.resultTableCache.has(symbol)) {
      const specs = this.source(symbol.decl)?.spec.tables;
      const report = this.listedWords(symbol.decl, 'report');
      const shown = specs?.filter((t) => !t.report || !report.length || report.includes(t.name));
      this.resultTableCache.set(symbol, shown?.map((t) => ({ name: t.name, columns: this.tableColumns(symbol, t), ...(t.keys ? { keys: t.keys } : {}) })));
    }
    return this.resultTableCache.get(symbol);
  }

  private tableColumns(symbol: Symbol, spec: ResultTableSpec): Scope {
    const listed = spec.items ? this.listedWords(symbol.decl, 'items') : [];
    const only = Array.isArray(spec.items) ? spec.items : undefined;
    const items = only ? listed.filter((i) => only.includes(i)) : listed;
    const tiers = this.option(symbol.decl, 'tiers')?.values[0];
    const tiered = spec.tiers && tiers?.type === 'binary' && tiers.op === 'of' && tiers.right?.type === 'ident' ? [`${tiers.right.name}_tier`] : [];
    const doc = `Column of table \`${spec.name}\` of \`${symbol.name}\``;
    // An indicator's column is documented by the indicator.
    const itemDocs = new Map(this.source(symbol.decl)?.spec.items?.map((i) => [i.name, i.doc]));
    const names = new Map([...spec.columns, ...items, ...tiered].map((c): [string, ScopeEntry] => [c, { name: c, doc: itemDocs.has(c) ? `${doc}: ${itemDocs.get(c)}` : doc }]));
    return { description: `the columns of \`${symbol.name}.${spec.name}\``, names, complete: !spec.open };
  }

  /** The identifiers an option lists (`report: density, ei`), or with `items` the block's bare items. */
  private listedWords(decl: Decl, option: string): string[] {
    const values = option === 'items'
      ? (decl.block?.entries ?? []).flatMap((e) => (e.type === 'item' ? [e.value] : []))
      : this.option(decl, option)?.values ?? [];
    return values.flatMap((v) => (v.type === 'ident' ? [v.name] : []));
  }

  /** What a figure's first argument names: `decl` (its first table) or `decl.table`. */
  figureData(decl: Decl): FigureData | undefined {
    const arg = this.source(decl)?.call.args.find((a) => !a.name)?.value;
    const named = arg?.type === 'member' ? arg.property : undefined;
    const target = this.resolve(arg?.type === 'member' ? arg.object : arg);
    if (!target) return undefined;
    const tables = this.resultTables(target);
    const table = arg?.type === 'member' ? tables?.find((t) => t.name === named?.name) : tables?.[0];
    return { target, name: named, table };
  }

  /** The scopes a declaration's values are checked and completed in. */
  scopes(decl: Decl): Scopes {
    if (decl.keyword.name === 'figure') return { columns: this.figureData(decl)?.table?.columns };
    const owner = this.columnOwner(decl);
    const rows = owner && isFileKind(owner.kind) ? owner : undefined;
    const columns = rows && this.scopeOf(rows);
    const conditions = owner && decl.keyword.name === 'network' ? this.holderScope(owner) : columns;
    const symbol = decl.name ? this.symbols.get(decl.name.name) : undefined;
    if (symbol?.decl !== decl) return { columns, conditions, rows };
    const variables = symbol.kind === 'model' ? this.modelScope(symbol) : this.scopeOf(symbol);
    const network = symbol.kind === 'measures' ? this.resolve(this.source(decl)?.call.args[0]?.value) : undefined;
    const nodeAttributes = network?.kind === 'network' ? nodeAttributeScope(this, network) : undefined;
    return { columns, conditions, variables, rows, ...(nodeAttributes ? { nodeAttributes } : {}) };
  }

  /**
   * The patents dataset a holder dataset's `patent` column refers to: its `joins:`, else the one other
   * dataset declaring `id` and `year`.
   */
  joinedPatents(holders: Symbol): Symbol | undefined {
    const joins = this.option(holders.decl, 'joins')?.values[0];
    if (joins) return this.resolve(joins);
    return this.symbolsOfKind(['dataset']).find((s) => s !== holders && this.option(s.decl, 'id') && this.option(s.decl, 'year'));
  }

  /** A holder dataset's columns and, where the holders have no column of that name, its patents' columns. */
  private holderScope(holders: Symbol): Scope {
    let scope = this.holderScopes.get(holders);
    if (scope) return scope;
    const own = this.scopeOf(holders)!;
    const patents = this.joinedPatents(holders);
    if (patents?.kind !== 'dataset' || patents === holders) scope = own;
    else {
      const joined = this.scopeOf(patents)!;
      const names = new Map(own.names);
      for (const [name, entry] of joined.names) if (!names.has(name)) names.set(name, entry);
      scope = { description: `${own.description} and of ${patents.decl.from?.value ?? patents.name} (the patents they join)`, names, complete: own.complete && joined.complete };
    }
    this.holderScopes.set(holders, scope);
    return scope;
  }

  /** The column that ties a dataset's rows to their patent: its `patent` role, else its `id` (a patents table). */
  patentColumn(dataset: Symbol): string | undefined {
    for (const role of ['patent', 'id']) {
      const value = this.option(dataset.decl, role)?.values[0];
      if (value?.type === 'ident') return value.name;
    }
    return undefined;
  }

  /** The dataset whose columns a declaration's column-valued options and filters name. */
  columnOwner(decl: Decl): Symbol | undefined {
    const kind = decl.keyword.name;
    if (isFileKind(kind) && decl.name) return this.symbols.get(decl.name.name);
    if (kind === 'regions') {
      let e = decl.values[0];
      while (e?.type === 'binary' && e.op === 'where') e = e.left;
      return this.resolve(e);
    }
    const src = this.source(decl);
    if (src) {
      const first = this.resolve(src.call.args[0]?.value);
      if (first?.kind === 'dataset') return first;
    }
    return undefined;
  }
}

/**
 * The value of an option, given in the block or as a named argument of the source call; when given
 * more than once, the last one (the block comes after the call) wins.
 */
export function declOption(decl: Decl, name: string): { key: Ident; values: Expr[] } | undefined {
  let found: { key: Ident; values: Expr[] } | undefined;
  const call = decl.values[0];
  if (call?.type === 'call') {
    for (const a of call.args) if (a.name?.name === name && a.value) found = { key: a.name, values: [a.value] };
  }
  for (const e of decl.block?.entries ?? []) if (e.type === 'option' && e.key.name === name) found = { key: e.key, values: e.values };
  return found;
}

/** The reading options a file declaration states: literal values of format, delimiter, encoding, header, object. */
export function declDialect(decl: Decl): Dialect {
  const literal = (name: string) => {
    const v = declOption(decl, name)?.values[0];
    return v?.type === 'ident' ? v.name : v?.type === 'string' || v?.type === 'bool' ? v.value : undefined;
  };
  const dialect: Dialect = {};
  const format = literal('format');
  if (format === 'csv' || format === 'tsv' || format === 'parquet') dialect.format = format;
  const delimiter = literal('delimiter');
  if (typeof delimiter === 'string') dialect.delimiter = delimiter;
  const encoding = literal('encoding');
  if (encoding === 'utf8' || encoding === 'utf16' || encoding === 'latin1') dialect.encoding = encoding;
  const header = literal('header');
  if (typeof header === 'boolean') dialect.header = header;
  const object = literal('object');
  if (decl.keyword.name === 'geometry') dialect.geometry = typeof object === 'string' ? { object } : {};
  if (decl.keyword.name === 'network') {
    const [networkFormat, weight] = [literal('format'), literal('weight')];
    dialect.network = { ...(typeof networkFormat === 'string' ? { format: networkFormat } : {}), ...(typeof weight === 'string' ? { weight } : {}) };
  }
  return dialect;
}

/** The file a declaration reads: a file declaration's `from "…"`, or the path of a network's `file("…")`. */
export function declFile(decl: Decl): StringLit | undefined {
  if (decl.from) return isFileKind(decl.keyword.name) ? decl.from : undefined;
  const call = decl.values[0];
  if (decl.keyword.name !== 'network' || call?.type !== 'call' || call.callee.name !== 'file') return undefined;
  const path = call.args[0];
  return path && !path.name && path.value?.type === 'string' ? path.value : undefined;
}

function symbolOf(decl: Decl): Symbol | undefined {
  const kind = decl.keyword.name;
  if (!decl.name || !declSpec(kind)) return undefined;
  return { name: decl.name.name, kind: kind as DeclKind, decl, nameSpan: decl.name.span };
}

/**
 * The previous version's symbol table, updated, when the edit re-declared the same kinds and names in the
 * same order (typing inside a declaration): a 65,536-declaration spec then costs a few entries per edit,
 * not a new table. The previous model gives its table up and must not be read again; any other edit
 * builds a new table.
 */
function takeOver({ previous, removed, added }: ModelEdit): { symbols: Map<string, Symbol>; duplicates: Symbol[] } | undefined {
  const before = removed.filter((d) => symbolOf(d));
  const after = added.map(symbolOf).filter((s): s is Symbol => s !== undefined);
  if (before.length !== after.length) return undefined;
  if (before.some((d, i) => d.name!.name !== after[i].name || d.keyword.name !== after[i].kind)) return undefined;
  const { symbols, duplicates } = previous;
  before.forEach((old, i) => {
    if (symbols.get(after[i].name)?.decl === old) symbols.set(after[i].name, after[i]);
    else duplicates[duplicates.findIndex((d) => d.decl === old)] = after[i];
  });
  return { symbols, duplicates };
}
