// Large and deep specs: nesting beyond the parser's limit gives one located error and leaves the other
// declarations intact; long operator chains, tens of thousands of declarations and did-you-mean over
// tens of thousands of names are checked correctly. (Speed is measured by `npm run bench`, not here.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { distance, closest } from 'fastest-levenshtein';
import { parseStudy } from '../../server/src/language/syntax/parse.ts';
import { MAX_NESTING } from '../../server/src/language/syntax/nesting.ts';
import { checkStudy } from '../../server/src/language/checks/index.ts';
import { MAX_SAME_CODE } from '../../server/src/language/checks/context.ts';
import { sourceText } from '../../server/src/language/checks/values.ts';
import { walkExpr } from '../../server/src/language/syntax/ast.ts';
import type { TableInfo } from '../../server/src/language/semantic/model.ts';
import { NameIndex } from '../../server/src/util/suggest.ts';

const tables = (path: string): TableInfo => ({ status: 'ok', path, columns: ['y', 'x', 'z'], types: ['BIGINT', 'BIGINT', 'BIGINT'] });
const HEAD = 'dataset d from "d.csv"\n';
const AFTER = '\nmodel after = ols(y ~ x, data: d)\n';

/** The offset of the opening bracket that crosses the nesting limit (brackets of every kind count). */
const deepOpener = (text: string) => {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if ('([{'.includes(text[i]) && ++depth > MAX_NESTING) return i;
    if (')]}'.includes(text[i])) depth--;
  }
  return -1;
};

for (const n of [300, 10_000, 100_000]) {
  const nested: [string, string][] = [
    ['parentheses', `${HEAD}model m = ols(y ~ ${'('.repeat(n)}x${')'.repeat(n)}, data: d)${AFTER}`],
    ['brackets', `${HEAD}model m = ols(y ~ x, data: d, fe: ${'['.repeat(n)}x${']'.repeat(n)})${AFTER}`],
    ['braces', `${HEAD}model m = ols(y ~ x, data: d) ${'{'.repeat(n)}${'}'.repeat(n)}${AFTER}`],
  ];
  for (const [what, text] of nested) {
    test(`${n} nested ${what}: one error at the bracket past the limit, and the next declaration parses`, () => {
      const { decls, errors } = parseStudy(text);
      const deep = errors.filter((e) => e.message.startsWith('Expressions nest deeper'));
      assert.equal(deep.length, 1, errors.map((e) => e.message).join('\n'));
      assert.equal(deep[0].message, `Expressions nest deeper than ${MAX_NESTING} levels: simplify this expression`);
      assert.equal(deep[0].span.start, deepOpener(text));
      assert.ok(!errors.some((e) => e.message.startsWith('Internal')));
      assert.deepEqual(decls.map((d) => d.name?.name), ['d', 'm', 'after']);
      const { diagnostics } = checkStudy(parseStudy(text), tables);
      assert.ok(!diagnostics.some((d) => d.code === 'internal'), diagnostics.map((d) => d.message).join('\n'));
    });
  }
}

test('100,000 prefix operators: one error where the run crosses the limit, and the next declaration parses', () => {
  const text = `${HEAD}model m = ols(y ~ ${'-'.repeat(100_000)}x, data: d)${AFTER}`;
  const { decls, errors } = parseStudy(text);
  assert.deepEqual(errors.map((e) => e.message), [`Operators nest deeper than ${MAX_NESTING} levels: simplify this expression`]);
  // Inside `ols(`, one level down already: the run crosses the limit at its 64th operator.
  assert.equal(errors[0].span.start, text.indexOf('-') + MAX_NESTING - 1);
  assert.deepEqual(decls.map((d) => d.name?.name), ['d', 'm', 'after']);
});

test('3,300 unclosed `l(` stay within the declaration: the next one parses', () => {
  const text = `${HEAD}model m = ols(y ~ ${'l('.repeat(3300)}x, data: d)${AFTER}`;
  const { decls, errors } = parseStudy(text);
  assert.ok(errors.length >= 1);
  assert.ok(!errors.some((e) => e.message.startsWith('Internal')));
  assert.deepEqual(decls.map((d) => d.name?.name), ['d', 'm', 'after']);
  assert.equal(decls[2].values[0].type, 'call');
});

test('a 100,000-term formula is walked, checked and shown without recursion', () => {
  const terms = Array.from({ length: 100_000 }, (_, i) => `x${i % 3 ? '' : 'q'}`);
  const text = `${HEAD}model m = ols(y ~ ${terms.join(' + ')}, data: d)\n`;
  const file = parseStudy(text);
  const formula = file.decls[1].values[0];
  let names = 0;
  walkExpr(formula, (e) => { if (e.type === 'ident') names++; });
  assert.equal(names, 1 + 100_000 + 1); // `y`, the terms and `d` (a callee is not a name node)
  const { diagnostics } = checkStudy(file, tables);
  // Every unknown term is checked; the first MAX_SAME_CODE are shown and the rest counted in one more diagnostic.
  const unknown = diagnostics.filter((d) => d.code === 'unknown-variable');
  assert.equal(unknown.length, MAX_SAME_CODE + 1);
  assert.equal(unknown.at(-1)!.message, `${(terms.filter((t) => t === 'xq').length - MAX_SAME_CODE).toLocaleString('en-US')} more \`unknown-variable\` problems in this declaration (the first ${MAX_SAME_CODE} are shown)`);
  assert.ok(!diagnostics.some((d) => d.code === 'internal'));
  const shown = formula.type === 'call' ? sourceText(formula.args[0].value!) : '';
  assert.ok(shown.startsWith('y ~ xq + x + x + xq') && shown.endsWith('…') && shown.length <= 201, shown);
});

test('65,536 declarations: every one is in the tree and checked', () => {
  const n = 65_536;
  const ok = HEAD + Array.from({ length: n }, (_, i) => `model m${i} = ols(y ~ x, data: d)`).join('\n');
  const file = parseStudy(ok);
  assert.equal(file.decls.length, n + 1);
  assert.deepEqual(checkStudy(file, tables).diagnostics, []);
  const typos = HEAD + Array.from({ length: n }, (_, i) => `model m${i} = ols(y ~ x, data: dd)`).join('\n');
  const { diagnostics } = checkStudy(parseStudy(typos), tables);
  assert.equal(diagnostics.length, n);
  assert.ok(diagnostics.every((d) => d.code === 'unknown-name' && d.message.endsWith('Did you mean `d`?')));
});

/** Did-you-mean as it was written before the index: a scan of every candidate. */
function scan(word: string, candidates: string[]): string | undefined {
  const list = candidates.filter((c) => c !== word);
  if (!list.length) return undefined;
  const caseless = list.find((c) => c.toLowerCase() === word.toLowerCase());
  if (caseless) return caseless;
  const d = distance(word, closest(word, list));
  const nearest = list.filter((c) => distance(word, c) === d);
  const letters = (w: string) => [...w.toLowerCase()].sort().join('');
  const best = nearest.find((c) => letters(c) === letters(word)) ?? nearest[0];
  return d <= Math.min(Math.max(2, Math.floor(word.length / 3)), 3) && d < word.length ? best : undefined;
}

test('did-you-mean through the index suggests exactly what a scan of every name does', () => {
  let seed = 11;
  const rand = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  const letters = 'abcdeABm_1x';
  const word = () => Array.from({ length: 1 + Math.floor(rand() * 12) }, () => letters[Math.floor(rand() * letters.length)]).join('');
  for (let t = 0; t < 3000; t++) {
    const candidates = Array.from({ length: Math.floor(rand() * 40) }, word);
    const typo = rand() < 0.4 && candidates.length ? `${candidates[0].slice(1)}${word().slice(0, 1)}` : word();
    assert.equal(new NameIndex(candidates).suggest(typo), scan(typo, candidates), JSON.stringify({ typo, candidates }));
  }
});

test('did-you-mean reaches three edits at most, however long the word', () => {
  const index = new NameIndex(['coinvention_between_regions', 'x']);
  assert.equal(index.suggest('coinvention_betwen_regoins'), 'coinvention_between_regions');
  assert.equal(index.suggest('coinvention_btwn_regons'), undefined, 'four edits away');
  assert.equal(index.suggest('y'.repeat(60)), undefined);
});

test('did-you-mean over 65,536 declared names finds the one-edit neighbour', () => {
  const names = Array.from({ length: 65_536 }, (_, i) => `m${i}`);
  const index = new NameIndex(names);
  assert.equal(index.suggest('mm1234'), 'm1234');
  assert.equal(index.suggest('m12a45'), scan('m12a45', names));
  assert.equal(index.suggest('zzzzzzzz'), undefined);
});

test('a declaration-like line inside a block comment or after a `/*` in a string does not start a declaration', () => {
  const text = 'windows w = 2001..2020 /* a comment\nmodel x = ols(y ~ x)\n*/\nwindows v = "/*" \nmodel m = ols(y ~ x, data: d)\n';
  const { decls } = parseStudy(text);
  assert.deepEqual(decls.map((d) => d.name?.name), ['w', 'v', 'm']);
  assert.deepEqual(parseStudy('windows w = 2001..2020\n  /* note */ network n = coapplication(a)\n').decls.map((d) => d.name?.name), ['w', 'n']);
});
