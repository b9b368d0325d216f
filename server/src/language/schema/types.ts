// The vocabulary of the study language as plain data. Checks, completion, hover and signature help all
// read it, so an option documented here is checked, completed and explained in one place.

export type DeclKind =
  | 'study' | 'dataset' | 'lookup' | 'geometry' | 'regions' | 'windows' | 'network' | 'measures' | 'blocks'
  | 'clusters' | 'panel' | 'model' | 'labels' | 'table' | 'figure';

/** A word with its meaning; `needs` names an option an item cannot be computed without (`ei` needs `groups`). */
export interface Choice { name: string; doc: string; needs?: string }

export type ValueSpec =
  /** One of a fixed set of words; with `conjunction`, several joined by `and` (`intra and inter`). */
  | { type: 'enum'; values: Choice[]; conjunction?: boolean }
  /** A column of the declaration's own data: its data file's, or a figure's table's. */
  | { type: 'column' }
  /** A computed result's table: `measures.table`, or a declaration's name for its first table. */
  | { type: 'resultTable' }
  /**
   * A declared name of one of these kinds, or one of `words` (e.g. `community`); with `tables`, also
   * `name.table`, a table of its result whose rows have `keys` (a model's `data: geo.cells`); with
   * `nodeAttributes`, also a node attribute of the declaration's network (`groups: region`).
   */
  | { type: 'ref'; kinds: DeclKind[]; words?: Choice[]; tables?: boolean; nodeAttributes?: boolean }
  | { type: 'number'; integer?: boolean; min?: number; max?: number }
  | { type: 'string' }
  | { type: 'bool' }
  /** `2016..2020` */
  | { type: 'range' }
  /** A year, a range of years, or a `windows` name. */
  | { type: 'window' }
  /**
   * A condition over the data's columns: `kind != "individual" and year >= 2001`. With `rows`, a condition
   * over the rows of the dataset passed as that parameter of the same call (`count(inventors, i, where: …)`).
   */
  | { type: 'filter'; rows?: string }
  /** Formula terms over the model's data: `l(log1p(TI), 2..), log1p(IP)`. */
  | { type: 'terms' }
  /** `y ~ x + l(x, 1) | fe1^fe2` */
  | { type: 'formula' }
  /** A call of one of the named helper functions; with `of`, followed by what it applies to: `jenks(4) of degree`. */
  | { type: 'call'; functions: string[]; of?: boolean }
  /** `china × foreign`: two `regions` names. */
  | { type: 'regionPair' }
  /** A panel's units: a `regions` set or an attribute dataset (its `key` values), or two of them joined by `×`. */
  | { type: 'units' }
  /** `ipc by ";"`: a column whose values hold several, and the separator between them. */
  | { type: 'split' }
  /** A level of a factor: a quoted string or a number (`"US"`, `2004`, `-1`), or a list of them in parentheses. */
  | { type: 'level' }
  /** Any expression; checked by the declaration's own rule. */
  | { type: 'expr' };

/** What a derived column's expression gives per row, as far as the header's types tell. */
export type ValueType = 'text' | 'number' | 'date' | 'bool';

export interface OptionSpec {
  name: string;
  doc: string;
  value: ValueSpec;
  /** Accepts a comma-separated list of values. */
  list?: boolean;
  /** The reference tool's default, shown in hovers and completion. */
  default?: string;
  required?: boolean;
  /** Only for these source functions (e.g. `weight` only for `cocitation`). */
  only?: string[];
  /** Describes the study for its replication package and changes no result, so no cache key includes it. */
  describes?: boolean;
}

export interface ParamSpec {
  name: string; doc: string; value: ValueSpec; optional?: boolean;
  /** In a derived column's functions: the value types the argument may have (checked where known). */
  accepts?: ValueType[];
}

/** A function on the right of `=`: `coapplication(applicants)`, `ols(y ~ x, data: d)`. */
export interface SourceSpec {
  name: string;
  doc: string;
  params: ParamSpec[];
  /** The last parameter may repeat: `dyadic(invco, overlap)`. */
  variadic?: boolean;
  /** Bare words allowed as items in the block (measure names). */
  items?: Choice[];
  /** Options specific to this source, in addition to the declaration's. */
  options?: OptionSpec[];
  /** The tables its result holds, first the one a figure reads by default; unset when they are not known before a run. */
  tables?: ResultTableSpec[];
}

/** A table of a declaration's result, as far as the spec tells its columns. */
export interface ResultTableSpec {
  name: string;
  /** Its columns known from the spec alone, in order. */
  columns: string[];
  /** The indicators listed in the block are columns too, after `columns`: all of them, or those of this list. */
  items?: boolean | string[];
  /** `tiers: jenks(4) of x` adds the column `x_tier`. */
  tiers?: boolean;
  /** It has columns named after the data (a block matrix's `B1`, `B2` …): other names are not reported. */
  open?: boolean;
  /** Present when the `report:` option is unset or lists the table. */
  report?: boolean;
  /**
   * The columns that name a row within its window (a cell's region and technology): a model may read the
   * table as its data, a panel of these units over the windows in order.
   */
  keys?: string[];
}

export interface DeclSpec {
  kind: DeclKind;
  doc: string;
  /** How the declaration is written; `block`: a name and a block only (`labels`). */
  form: 'title' | 'from' | 'value' | 'block';
  example: string;
  sources?: SourceSpec[];
  options: OptionSpec[];
  /** The block may define `Name = expression`: a panel's variables, or a file's derived columns. */
  assignments?: 'variables' | 'columns';
}

/** A helper function used inside expressions (formulas, panel variables, option values). */
export interface FunctionSpec {
  name: string;
  signature: string;
  doc: string;
  params: ParamSpec[];
  /** Where it may appear; `column`: in a derived column of a dataset (`year = year(app_date)`). */
  context: 'formula' | 'panel' | 'option' | 'filter' | 'column';
  /** A derived column's function: the type of its value; `value` for the type of its value arguments (`if`, `coalesce`). */
  returns?: ValueType | 'value';
  /** Variadic tail: the last parameter repeats. */
  variadic?: boolean;
  /** Looks at the rows of another dataset that share the row's patent (`any`, `all`, `count` in conditions). */
  holders?: boolean;
  /** How many leading arguments the checks require (default 1). */
  required?: number;
}
