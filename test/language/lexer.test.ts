// The hand-written scanner against the language's definition: chevrotain's Lexer run on the token patterns
// of tokens.ts must give the same tokens, comment groups and error runs, on the examples and on random text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Lexer, type IToken } from 'chevrotain';
import { lexStudy } from '../../server/src/language/syntax/lexer.ts';
import { allTokens } from '../../server/src/language/syntax/tokens.ts';

const reference = new Lexer(allTokens, { positionTracking: 'onlyOffset' });
const shown = (tokens: IToken[]) => tokens.map((t) => `${t.tokenType.name}@${t.startOffset}:${t.image}`);

function assertSameAsReference(text: string): void {
  const expected = reference.tokenize(text);
  const actual = lexStudy(text);
  const context = `for ${JSON.stringify(text)}`;
  assert.deepEqual(shown(actual.tokens), shown(expected.tokens), context);
  assert.deepEqual(shown(actual.comments), shown(expected.groups.comments ?? []), context);
  assert.deepEqual(shown(actual.hashComments), shown(expected.groups.hashComments ?? []), context);
  assert.deepEqual(actual.errors, expected.errors.map((e) => ({ offset: e.offset, length: e.length })), context);
  for (const t of actual.tokens) assert.equal(t.endOffset, t.startOffset + t.image.length - 1);
}

/** A seeded generator (mulberry32), so a failure names a case that can be re-run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Pieces that meet at token edges: keywords inside words, numbers next to dots, escapes, unclosed comments.
const PIECES = [
  'from', 'fromage', 'in', 'in2', 'rolling', 'not', '_x', 'x_1', 'é', '×', '1', '1.5', '1..3', '2e5', '3E+', '.', '..',
  '"a"', '"a\\"b"', '"open', '"\\', '\\', '"x\\\u2028"', '//c', '/*', '*/', '/* c */', '#h', '=', '==', '!', '!=', '<', '<=',
  '>', '>=', '~', '|', '^', ':', ',', '+', '-', '*', '/', '(', ')', '{', '}', '[', ']', ' ', '\t', '\n', '\r\n', '\u00a0',
  '\ufeff', '\u2028', '@', '$', '?', ';', '`', "'",
];

test('the scanner lexes the examples as chevrotain does on the token patterns', () => {
  const examples = resolve(import.meta.dirname, '../../examples');
  for (const f of readdirSync(examples).filter((name) => name.endsWith('.study'))) assertSameAsReference(readFileSync(join(examples, f), 'utf8'));
});

test('the scanner lexes random text as chevrotain does on the token patterns', () => {
  const next = random(20261206);
  for (let n = 0; n < 3000; n++) {
    let text = '';
    const length = Math.floor(next() * 24);
    for (let k = 0; k < length; k++) text += PIECES[Math.floor(next() * PIECES.length)];
    assertSameAsReference(text);
  }
});
