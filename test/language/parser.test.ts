// The syntax layer: exact spans, operator precedence, and recovery that keeps every other declaration.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseStudy } from '../../server/src/language/syntax/parse.ts';
import { sourceText } from '../../server/src/language/checks/values.ts';
import { declExprs, walkExpr, type Expr, type StudyFile } from '../../server/src/language/syntax/ast.ts';

/** Every node the tree promises is there: recovery must leave gaps out, not put `undefined` in. */
function assertWellFormed(file: StudyFile, text: string): void {
  for (const d of file.decls) {
    assert.ok(d.keyword && d.span, `declaration without keyword in ${JSON.stringify(text)}`);
    for (const e of d.block?.entries ?? []) assert.ok(e && (e.type !== 'item' || e.value), `hole in a block: ${JSON.stringify(text)}`);
    for (const root of declExprs(d)) {
      assert.ok(root, `hole in values: ${JSON.stringify(text)}`);
      walkExpr(root, (x) => {
        if (x.type === 'binary') assert.ok(x.left, `binary without left operand: ${JSON.stringify(text)}`);
        if (x.type === 'member') assert.ok(x.object, `member without object: ${JSON.stringify(text)}`);
        assert.ok(x.span.start <= x.span.end && x.span.end <= text.length, `bad span in ${JSON.stringify(text)}`);
      });
    }
  }
}

const slice = (text: string, span: { start: number; end: number }) => text.slice(span.start, span.end);

/** Fully parenthesised rendering, to check precedence. */
function tree(e: Expr | undefined): string {
  if (!e) return '∅';
  switch (e.type) {
    case 'binary': return `(${tree(e.left)} ${e.op} ${tree(e.right)})`;
    case 'unary': return `(${e.op} ${tree(e.operand)})`;
    case 'call': return `${e.callee.name}(${e.args.map((a) => `${a.name ? `${a.name.name}: ` : ''}${tree(a.value)}`).join(', ')})`;
    case 'member': return `${tree(e.object)}.${e.property?.name ?? '∅'}`;
    case 'tuple': return `${e.bracket}${e.items.map(tree).join(', ')}${e.bracket === '(' ? ')' : ']'}`;
    default: return sourceText(e);
  }
}

test('spans are exact for declarations, names, options and values', () => {
  const text = 'network rein = coapplication(applicants) {\n  ties: first_led // led\n  level: province\n}\n';
  const { decls, errors, comments } = parseStudy(text);
  assert.deepEqual(errors, []);
  const d = decls[0];
  assert.equal(slice(text, d.span), text.trimEnd());
  assert.equal(slice(text, d.name!.span), 'rein');
  const [ties, level] = d.block!.entries;
  assert.equal(ties.type === 'option' && slice(text, ties.span), 'ties: first_led');
  assert.equal(level.type === 'option' && slice(text, level.values[0].span), 'province');
  assert.equal(slice(text, comments[0].span), '// led');
});

test('formula precedence follows fixest: ~ then | then + then : then ^', () => {
  const { decls } = parseStudy('model m = ols(y ~ x + l(x, 1) + a:b | i^t + j, data: d)');
  const call = decls[0].values[0];
  assert.equal(call.type, 'call');
  assert.equal(tree(call), 'ols((y ~ (((x + l(x, 1)) + (a : b)) | ((i ^ t) + j))), data: d)');
});

test('clause operators, ranges and comparisons', () => {
  const parse = (src: string) => tree(parseStudy(src).decls[0].values[0]);
  assert.equal(parse('windows w = 2001..2020 by 5'), '((2001 .. 2020) by 5)');
  assert.equal(parse('windows w = 1998..2017 rolling 3'), '((1998 .. 2017) rolling 3)');
  assert.equal(parse('regions c = inv where country == "CN" and not year < 2000'), '(inv where ((country == "CN") and (not (year < 2000))))');
  assert.equal(parse('model s = m3 by grp in ("G7", "US")'), '(m3 by (grp in ("G7", "US")))');
  assert.equal(parse('model g = sysgmm(y ~ x, gmm: l(y, 2..))'), 'sysgmm((y ~ x), gmm: l(y, (2 .. ∅)))');
  assert.equal(parse('network n = f(a) '), 'f(a)');
});

test('keywords spelled as option keys are keys, not operators', () => {
  const { decls, errors } = parseStudy('dataset a from "a.csv" {\n  region: province, city\n  where: kind != "x"\n}');
  assert.deepEqual(errors, []);
  const entries = decls[0].block!.entries;
  assert.deepEqual(entries.map((e) => (e.type === 'option' ? `${e.key.name}:${e.values.length}` : e.type)), ['region:2', 'where:1']);
});

test('comma-separated option values stop at the next key', () => {
  const { decls } = parseStudy('blocks b = concor(n) { splits: 2, report: density, image, ei, diagonal: ignore }');
  const entries = decls[0].block!.entries;
  assert.deepEqual(entries.map((e) => (e.type === 'option' ? `${e.key.name}=${e.values.map(tree).join('|')}` : e.type)), ['splits=2', 'report=density|image|ei', 'diagonal=ignore']);
});

test('one typo gives one error and every other declaration survives', () => {
  const text = 'dataset a from "a.csv" { id: x }\nnetwork n = coapplication(a {\n  ties: all_pairs\n}\nwindows w = 2001..2020 by 5\nmodel m = ols(y ~ x, data: a)\n';
  const { decls, errors } = parseStudy(text);
  assert.equal(errors.length, 1, errors.map((e) => e.message).join('\n'));
  assert.match(errors[0].message, /Expected `\)` to close `\(`, found `\{`/);
  assert.equal(slice(text, errors[0].span), '{');
  assert.deepEqual(decls.map((d) => d.name?.name), ['a', 'n', 'w', 'm']);
});

test('an unclosed block does not swallow the declarations after it', () => {
  const { decls, errors } = parseStudy('network n = coapplication(a) {\n  ties: all_pairs\n\nmodel m = ols(y ~ x, data: a)\n');
  assert.deepEqual(decls.map((d) => d.keyword.name), ['network', 'model']);
  assert.equal(errors.length, 1);
  assert.match(errors[0].message, /Expected `\}` to close the block/);
});

test('a misspelt declaration kind still starts its own declaration', () => {
  const { decls } = parseStudy('windows w = 2001..2020\nnetwrok n = coapplication(a)\nmodel m = ols(y ~ x, data: a)\n');
  assert.deepEqual(decls.map((d) => `${d.keyword.name} ${d.name?.name}`), ['windows w', 'netwrok n', 'model m']);
});

test('empty argument lists are not syntax errors', () => {
  assert.deepEqual(parseStudy('network n = coapplication()').errors, []);
});

test('a declaration broken beyond the grammar keeps its kind, name and extent', () => {
  const text = 'network n2 = coapplication(';
  const { decls, errors } = parseStudy(text);
  assert.equal(decls[0].name?.name, 'n2');
  assert.equal(slice(text, decls[0].span), text);
  assert.ok(errors.length >= 1);
});

test('unterminated strings and `#` comments give one clear error each', () => {
  const { errors } = parseStudy('dataset a from "a.csv\nwindows w = 2001..2020 # comment\n');
  assert.deepEqual(errors.map((e) => e.message).sort(), ['Comments start with `//` in a study spec, not `#`', 'Unterminated string: add the closing `"` on the same line']);
});

test('after an edit, declarations reused from the parse cache have spans in the new text', () => {
  const before = 'windows w = 2001..2020 by 5\nnetwork n = coapplication(a) { ties: first_led }\nmodel m = ols(y ~ x, data: a)\n';
  parseStudy(before);
  const after = `// a new first line\n${before.replace('by 5', 'by 10')}`;
  const { decls } = parseStudy(after);
  for (const d of decls) {
    assert.equal(slice(after, d.name!.span), d.name!.name);
    for (const e of d.block?.entries ?? []) if (e.type === 'option') assert.equal(slice(after, e.key.span), e.key.name);
  }
  const m = decls[2].values[0];
  assert.equal(m.type === 'call' && slice(after, m.span), 'ols(y ~ x, data: a)');
});

test('parsing never throws, whatever the input', () => {
  const alphabet = ['network', 'n', '=', '(', ')', '{', '}', ':', ',', '~', '|', '..', '"x"', '"', '12', 'by', 'where', '.', '^', '\n', ' ', '-', 'not', '[', ']', '×', '/*', '*/', '//'];
  let seed = 7;
  const rand = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  for (let i = 0; i < 2000; i++) {
    const n = Math.floor(rand() * 40);
    const text = Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join(' ');
    const result = parseStudy(text);
    assertWellFormed(result, text);
    assert.ok(!result.errors.some((e) => e.message.startsWith('Internal parser error')), `internal error on: ${JSON.stringify(text)}`);
  }
});

test('a trailing comma says so', () => {
  const { errors } = parseStudy('blocks b = concor(n) { report: density, image, }');
  assert.equal(errors.length, 1);
  assert.match(errors[0].message, /^Expected a value after `,`, found `\}`: remove the trailing comma or add the value$/);
});
