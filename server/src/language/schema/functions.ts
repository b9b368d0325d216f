// Functions that appear inside expressions: formula transforms, panel variables and option helpers.
import type { FunctionSpec, ParamSpec } from './types.js';

const x: ParamSpec = { name: 'x', doc: 'A variable or expression.', value: { type: 'expr' } };
const k = (doc: string): ParamSpec => ({ name: 'k', doc, value: { type: 'number', integer: true, min: 1 } });
const holders: ParamSpec = { name: 'dataset', doc: 'The holders: a dataset whose rows belong to patents (a `patent` column), e.g. the applicants or the inventors.', value: { type: 'ref', kinds: ['dataset'] } };
const holderCondition: ParamSpec = { name: 'condition', doc: 'A condition over the columns of that dataset, e.g. `kind != "individual"`.', value: { type: 'filter', rows: 'dataset' } };
const date = (doc: string): ParamSpec => ({ name: 'date', doc, value: { type: 'expr' }, accepts: ['date', 'number', 'text'] });
const text = (doc: string): ParamSpec => ({ name: 'text', doc, value: { type: 'expr' }, accepts: ['text', 'number'] });
const count = (doc: string): ParamSpec => ({ name: 'n', doc, value: { type: 'number', integer: true, min: 0 } });
const literal = (name: string, doc: string): ParamSpec => ({ name, doc, value: { type: 'string' } });
const condition: ParamSpec = { name: 'condition', doc: 'A condition over the row: `country == "US"`.', value: { type: 'expr' }, accepts: ['bool'] };
const value = (name: string, doc: string): ParamSpec => ({ name, doc, value: { type: 'expr' } });
const factorRef: ParamSpec = { name: 'ref', doc: 'The reference level(s) left out: `"US"`, `2004`, or a list `("US", "JP")`.', value: { type: 'level' } };
const net: ParamSpec = { name: 'network', doc: 'A network.', value: { type: 'ref', kinds: ['network'] } };

export const FUNCTIONS: readonly FunctionSpec[] = [
  // Formula transforms (fixest names).
  { name: 'l', signature: 'l(x, k)', context: 'formula', doc: 'Lag of x by k periods of the panel\'s time (windows for window panels). `l(x, 2..4)` or `l(x, 2..)` give lag ranges for GMM instruments.', params: [x, { name: 'k', doc: 'Lag, or a lag range `a..b` / `a..`.', value: { type: 'expr' } }] },
  { name: 'log', signature: 'log(x)', context: 'formula', doc: 'Natural logarithm; rows with x ≤ 0 are dropped and counted.', params: [x] },
  { name: 'log1p', signature: 'log1p(x)', context: 'formula', doc: 'log(1 + x), for counts with zeros.', params: [x] },
  { name: 'exp', signature: 'exp(x)', context: 'formula', doc: 'Exponential.', params: [x] },
  { name: 'sqrt', signature: 'sqrt(x)', context: 'formula', doc: 'Square root.', params: [x] },
  { name: 'center', signature: 'center(x)', context: 'formula', doc: 'x minus its sample mean (for interactions / moderation).', params: [x] },
  { name: 'standardize', signature: 'standardize(x)', context: 'formula', doc: '(x − mean) / sd.', params: [x] },
  {
    name: 'i', signature: 'i(x, var, ref: level)', context: 'formula',
    doc: 'x (numbers or text) as a factor, as fixest\'s `i()`: one dummy per level (levels sorted), named `x::level`. Alone in a term it leaves out its reference level (`ref:`, default the first level; kept in full as the first such term of a model with neither intercept nor fixed effects). `i(x, var)` with a numeric `var`: a slope of var for every level, named `x::level:var`, leaving out only the levels `ref:` names. A `ref:` level absent from the estimation sample is an error.',
    params: [x, { name: 'var', doc: 'A numeric variable to interact with every level of x (optional).', value: { type: 'expr' } }, factorRef],
  },
  {
    name: 'factor', signature: 'factor(x, ref: level)', context: 'formula',
    doc: 'x (numbers or text) as a factor with R\'s treatment coding, as `factor(x)` in lm or fixest: dummies named `factor(x)level`, the reference level left out where the intercept or a fixed effect stands for it. `ref:` names the reference level (R\'s `relevel`); default the first level in sorted order.',
    params: [x, factorRef],
  },

  // Panel variables.
  { name: 'count', signature: 'count(dataset, side, counting: records, where: condition)', context: 'panel', doc: 'Rows of a dataset in the region and period: patents of a patent table, inventor (applicant) entries of an inventor (applicant) table. In dyadic panels `side` is `i` or `j`. `counting: full` counts distinct patents, `fractional` gives a patent with k rows 1/k per row, `distinct` the distinct applicants (inventors). In a panel over applicants (`level: applicant`) `count(patents)` counts each firm\'s patents. `where:` counts only the rows meeting a condition, which may look at each row\'s patent: `count(inventors, i, where: any(inventors, ctry_code == "CN") and any(inventors, ctry_code != "CN"))`.', params: [{ name: 'dataset', doc: 'The table to count.', value: { type: 'ref', kinds: ['dataset'] } }, { name: 'side', doc: '`i` or `j` in dyadic panels.', value: { type: 'expr' } }, { name: 'counting', doc: '`records` (default), `full`, `fractional`, `distinct` or `share`.', value: { type: 'enum', values: [{ name: 'records', doc: 'Each row counts 1 (default).' }, { name: 'full', doc: 'Each patent counts 1 in every region holding it.' }, { name: 'fractional', doc: 'A patent with k rows gives 1/k to each.' }, { name: 'distinct', doc: 'Distinct applicants or inventors (the dataset\'s `applicant` or `inventor` column).' }, { name: 'share', doc: 'Each row its declared share of the patent (the dataset\'s `share` column: REGPAT `reg_share`, `inv_share`).' }] } }, { name: 'where', doc: 'Count only the rows meeting this condition over the dataset\'s columns (and its patents\' holders).', value: { type: 'filter', rows: 'dataset' } }] },
  { name: 'cumulative', signature: 'cumulative(x)', context: 'panel', doc: 'Per unit, x summed from the panel\'s first period; a `count(…)` is cumulated by year (each patent once, however the windows overlap).', params: [x] },
  { name: 'top_share', signature: 'top_share(x, p, among: side)', context: 'panel', doc: '1 when x is in the top p share of units in its period (e.g. `0.2` for a top-20% dummy), else 0. `among: both` ranks a side\'s value among the regions of both sides of a dyadic panel (a world ranking).', params: [x, { name: 'p', doc: 'Share between 0 and 1.', value: { type: 'number', min: 0, max: 1 } }, { name: 'among', doc: '`side` (default): the regions of x\'s side; `both`: the regions of both sides, each once.', value: { type: 'enum', values: [{ name: 'side', doc: 'Rank among the regions of the value\'s own side (default).' }, { name: 'both', doc: 'Rank among the regions of both sides of the pair, each once.' }] } }] },
  { name: 'degree', signature: 'degree(network, side)', context: 'panel', doc: 'Valued degree of the region in the network, per window.', params: [net, { name: 'side', doc: '`i` or `j` in dyadic panels.', value: { type: 'expr' } }] },
  { name: 'closeness', signature: 'closeness(network, side)', context: 'panel', doc: 'Closeness centrality of the region (UCINET conventions), per window.', params: [net, { name: 'side', doc: '`i` or `j` in dyadic panels.', value: { type: 'expr' } }] },
  { name: 'betweenness', signature: 'betweenness(network, side)', context: 'panel', doc: 'Betweenness centrality of the region, per window.', params: [net, { name: 'side', doc: '`i` or `j` in dyadic panels.', value: { type: 'expr' } }] },
  { name: 'member', signature: 'member(clusters)', context: 'panel', doc: '1 when the region is one of the identified clusters, else 0.', params: [{ name: 'clusters', doc: 'A clusters declaration.', value: { type: 'ref', kinds: ['clusters'] } }] },

  // Conditions over a patent's holders, in conditions over rows that belong to patents.
  { name: 'any', signature: 'any(dataset, condition)', context: 'filter', holders: true, required: 2, doc: 'True when at least one of the patent\'s rows in the dataset (its applicants, its inventors) meets the condition: `any(applicants, country == "CN")`. False for a patent without rows there.', params: [holders, holderCondition] },
  { name: 'all', signature: 'all(dataset, condition)', context: 'filter', holders: true, required: 2, doc: 'True when every one of the patent\'s rows in the dataset meets the condition (a missing value does not): `all(applicants, kind != "individual")`. True for a patent without rows there.', params: [holders, holderCondition] },
  { name: 'count', signature: 'count(dataset, condition)', context: 'filter', holders: true, doc: 'How many of the patent\'s rows in the dataset meet the condition, or how many it has without one: `count(applicants) >= 2`.', params: [holders, holderCondition] },

  // The value a lookup gives a code, in conditions over a dataset's rows.
  { name: 'lookup', signature: 'lookup(table, code)', context: 'filter', required: 2, doc: 'The value a `lookup` declaration gives the code, by its `match:` (exact, or the longest prefix): `lookup(fields, ipc) == "Environmental technology"`. Missing when no key matches, so a comparison with it fails.', params: [{ name: 'table', doc: 'A `lookup` declaration.', value: { type: 'ref', kinds: ['lookup'] } }, { name: 'code', doc: 'The code to look up: a column of the rows, e.g. `ipc`.', value: { type: 'expr' } }] },

  // Derived columns of a dataset (`year = year(app_date)`), compiled to DuckDB SQL when the file is read.
  { name: 'year', signature: 'year(date)', context: 'column', returns: 'number', doc: 'The year of a date: a DATE column, a `YYYYMMDD` number or text (`20030109`), or ISO text (`"2003-01-09"`). A value that is none of these stops the run, naming it.', params: [date('The date.')] },
  { name: 'month', signature: 'month(date)', context: 'column', returns: 'number', doc: 'The month (1–12) of a date, read as `year` reads it.', params: [date('The date.')] },
  { name: 'day', signature: 'day(date)', context: 'column', returns: 'number', doc: 'The day of the month of a date, read as `year` reads it.', params: [date('The date.')] },
  { name: 'date', signature: 'date(value, format)', context: 'column', returns: 'date', doc: 'A date from a `YYYYMMDD` number or text or ISO text; with `format` (strftime codes, `"%d/%m/%Y"`), from text in that format.', params: [date('The value to read as a date.'), { name: 'format', doc: 'strftime format, e.g. `"%Y%m%d"` or `"%d/%m/%Y"`.', value: { type: 'string' }, optional: true }] },
  { name: 'left', signature: 'left(text, n)', context: 'column', returns: 'text', doc: 'The first n characters: `left(ipc, 4)` is the IPC subclass, `left(reg_code, 4)` a NUTS-2 code.', params: [text('The text (a number is read as its digits).'), count('How many characters.')] },
  { name: 'right', signature: 'right(text, n)', context: 'column', returns: 'text', doc: 'The last n characters.', params: [text('The text (a number is read as its digits).'), count('How many characters.')] },
  { name: 'substr', signature: 'substr(text, start, length)', context: 'column', returns: 'text', doc: 'The characters from `start` (the first is 1), `length` of them, or to the end without it.', params: [text('The text.'), { ...count('Position of the first character, from 1.'), name: 'start' }, { ...count('How many characters (default: to the end).'), name: 'length', optional: true }] },
  { name: 'upper', signature: 'upper(text)', context: 'column', returns: 'text', doc: 'The text in upper case.', params: [text('The text.')] },
  { name: 'lower', signature: 'lower(text)', context: 'column', returns: 'text', doc: 'The text in lower case.', params: [text('The text.')] },
  { name: 'trim', signature: 'trim(text)', context: 'column', returns: 'text', doc: 'The text without leading and trailing spaces.', params: [text('The text.')] },
  { name: 'replace', signature: 'replace(text, from, to)', context: 'column', returns: 'text', doc: 'The text with every occurrence of `from` (literal text, not a pattern) replaced by `to`: `replace(cited_number, " ", "")`.', params: [text('The text.'), literal('from', 'The text to replace.'), literal('to', 'What replaces it.')] },
  { name: 'regexp_extract', signature: 'regexp_extract(text, pattern, group)', context: 'column', returns: 'text', doc: 'The part of the text matching a regular expression (RE2 syntax), or its numbered group; empty text when it does not match: `regexp_extract(ipc, "^[A-H][0-9]{2}[A-Z]")`.', params: [text('The text.'), literal('pattern', 'A regular expression (RE2).'), { name: 'group', doc: 'The group to return (default 0, the whole match).', value: { type: 'number', integer: true, min: 0 }, optional: true }] },
  { name: 'if', signature: 'if(condition, then, else)', context: 'column', returns: 'value', required: 3, doc: '`then` where the condition holds, else `else` (also where it is missing): `if(country == "US", "US-" + state, country)`.', params: [condition, value('then', 'The value where the condition holds.'), value('else', 'The value elsewhere.')] },
  { name: 'case', signature: 'case(condition, value, …, default)', context: 'column', returns: 'value', variadic: true, required: 2, doc: 'The value of the first condition that holds, else the last argument when their number is odd (else missing): `case(kind == "B1", "utility", kind == "S1", "design", "other")`.', params: [{ name: 'branches', doc: 'Conditions each followed by its value, then a default.', value: { type: 'expr' } }] },
  { name: 'coalesce', signature: 'coalesce(value, …)', context: 'column', returns: 'value', variadic: true, doc: 'The first of the values that is not missing: `coalesce(state, country)`.', params: [value('value', 'A value; the next one is used where it is missing.')] },

  { name: 'lookup', signature: 'lookup(table, code)', context: 'column', returns: 'text', required: 2, doc: 'The value a `lookup` declaration gives the code, as text, by its `match:`; missing when no key matches: `state = lookup(location_states, location_id)` places a row by a key of another file. In a dataset\'s derived columns, not a lookup\'s own.', params: [{ name: 'table', doc: 'A `lookup` declaration.', value: { type: 'ref', kinds: ['lookup'] } }, { name: 'code', doc: 'The code to look up, e.g. a column `location_id`.', value: { type: 'expr' } }] },
  // Option helpers.
  { name: 'jenks', signature: 'jenks(k)', context: 'option', doc: 'Jenks natural breaks into k classes (Fisher\'s exact optimum; ArcGIS-style upper-bound breaks, right-closed classes).', params: [k('Number of classes.')] },
  { name: 'quantiles', signature: 'quantiles(k)', context: 'option', doc: 'k classes with equal counts.', params: [k('Number of classes.')] },
  { name: 'equal', signature: 'equal(k)', context: 'option', doc: 'k classes of equal width.', params: [k('Number of classes.')] },
  { name: 'percentile', signature: 'percentile(p, type: 7)', context: 'option', doc: 'The p-th percentile; `type` is R\'s quantile type (7 = numpy default = Excel PERCENTILE.INC, 6 = Excel .EXC).', params: [{ name: 'p', doc: 'Percentile, 0–100.', value: { type: 'number', min: 0, max: 100 } }, { name: 'type', doc: 'Quantile type 1–9 (default 7).', value: { type: 'number', integer: true, min: 1, max: 9 } }] },
  { name: 'members', signature: 'members(clusters)', context: 'option', doc: 'The regions a clusters declaration identifies as clusters, as a region set: `regions hubs = members(ai)`.', params: [{ name: 'clusters', doc: 'A clusters declaration.', value: { type: 'ref', kinds: ['clusters'] } }] },
  { name: 'joint', signature: 'joint(a, b)', context: 'option', doc: 'Patents with inventors (or applicants) in both region sets.', params: [{ name: 'a', doc: 'A regions set.', value: { type: 'ref', kinds: ['regions'] } }, { name: 'b', doc: 'A regions set.', value: { type: 'ref', kinds: ['regions'] } }] },
];

/**
 * The function a name calls: in a condition (`inCondition`) the conditions' own functions come first, so
 * that `count(applicants) >= 2` is the holder count there and `count(inventors, i)` the panel count elsewhere.
 */
export function functionSpec(name: string, inCondition = false): FunctionSpec | undefined {
  return FUNCTIONS.find((f) => f.name === name && (f.context === 'filter') === inCondition) ?? FUNCTIONS.find((f) => f.name === name);
}
