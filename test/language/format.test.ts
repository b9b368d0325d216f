// The formatter keeps every comment and token, is idempotent, and leaves the examples as written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatStudy } from '../../server/src/language/format.ts';
import { lexStudy } from '../../server/src/language/syntax/lexer.ts';

const EXAMPLES = resolve(import.meta.dirname, '../../examples');
const examples = readdirSync(EXAMPLES).filter((f) => f.endsWith('.study')).map((f) => readFileSync(join(EXAMPLES, f), 'utf8'));
const images = (text: string) => {
  const lexed = lexStudy(text);
  return [...lexed.tokens, ...lexed.comments, ...lexed.hashComments].sort((a, b) => a.startOffset - b.startOffset).map((t) => t.image);
};

test('the example specs are already formatted', () => {
  for (const text of examples) assert.equal(formatStudy(text, { indent: '  ' }), text);
});

test('formatting is idempotent and keeps every token, comments included', () => {
  const messy = 'study   "x"\n\n\n\nwindows w=2001..2020 by 5 # stata habit\nmodel s = m { where: c in("JP","KR") }\nmodel m = ols( y~x+l( x,1 )|i^t , data:d ){\n/* block\ncomment */ where: x>-1\n}\n';
  const once = formatStudy(messy, { indent: '  ' })!;
  assert.equal(formatStudy(once, { indent: '  ' }), once);
  assert.deepEqual(images(once), images(messy));
  assert.equal(once, 'study "x"\n\nwindows w = 2001..2020 by 5 # stata habit\nmodel s = m { where: c in ("JP", "KR") }\nmodel m = ols(y ~ x + l(x, 1) | i^t, data: d) {\n  /* block\ncomment */\n  where: x > -1\n}\n');
});

test('text that does not lex is left alone', () => {
  assert.equal(formatStudy('windows w = 2001 ! 2020', { indent: '  ' }), undefined);
});

test('entries side by side on one line keep their keys and the gap between them; an interaction stays tight', () => {
  const text = 'model m = sysgmm(y ~ l(y, 1) + a:b) {\n  data: firms  gmm: l(y, 2..3)  iv: a, b  collapse:true  title: "M"\n}\n';
  assert.equal(formatStudy(text, { indent: '  ' }), 'model m = sysgmm(y ~ l(y, 1) + a:b) {\n  data: firms  gmm: l(y, 2..3)  iv: a, b  collapse: true  title: "M"\n}\n');
});

test('a label after `:` is spaced as an option value, aligned by hand or not; interactions stay tight', () => {
  assert.equal(formatStudy('labels v {\n  l(x,1):"X"\n  a:b:   "A × B"\n}\n', { indent: '  ' }), 'labels v {\n  l(x, 1): "X"\n  a:b:   "A × B"\n}\n');
});
