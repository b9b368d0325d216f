// The quick parser of well-formed declarations against chevrotain's grammar: wherever it gives a tree,
// chevrotain must parse the same tokens without an error to the same tree; and it must give a tree for
// every declaration of the examples and of the language guide, or it would be no quicker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Rng } from '../../server/src/engine/prng.ts';
import { lexStudy } from '../../server/src/language/syntax/lexer.ts';
import { startDeclaration } from '../../server/src/language/syntax/nodes.ts';
import { StudyParser } from '../../server/src/language/syntax/parser.ts';
import { quickParse } from '../../server/src/language/syntax/quickParse.ts';
import { declarationStarts } from '../../server/src/language/syntax/split.ts';

const ROOT = join(import.meta.dirname, '../..');
const examples = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.study')).map((f) => readFileSync(join(ROOT, 'examples', f), 'utf8'));
const guide = [...readFileSync(join(ROOT, 'docs/LANGUAGE.md'), 'utf8').matchAll(/```study\n([\s\S]*?)```/g)].map((m) => m[1]);
const chevrotain = new StudyParser();

function pieces(text: string): string[] {
  const starts = declarationStarts(text);
  return starts.map((s, i) => text.slice(s, starts[i + 1] ?? text.length));
}

/** Both parsers on one piece: the quick tree (if any), chevrotain's tree and whether it reported errors. */
function both(source: string) {
  const { tokens } = lexStudy(source);
  const quick = quickParse(tokens);
  startDeclaration(tokens);
  chevrotain.hooks = { report: () => { reported = true; } };
  let reported = false;
  const decl = chevrotain.parse(tokens);
  return { quick, decl, clean: !reported && chevrotain.errors.length === 0 };
}

test('the quick parser gives a tree for every declaration of the examples and the language guide', () => {
  let n = 0;
  for (const text of [...examples, ...guide]) {
    for (const source of pieces(text)) {
      const { quick, decl, clean } = both(source);
      if (!clean) continue; // the guide shows some errors on purpose
      n++;
      assert.ok(quick, `not parsed quickly: ${source}`);
      assert.deepEqual(quick, decl, source);
    }
  }
  assert.ok(n > 150, `only ${n} declarations`);
});

/** Edits that make declarations malformed in every way the grammar can be broken, and ordinary ones. */
const FRAGMENTS = ['(', ')', '[', ']', '{', '}', ',', ':', '=', '..', '.', '-', 'not ', '+', '"', 'x', ' and ', ' where: ', ' by ', 'f(', 'k: ', ', k: 1', '\n  o: 2', ' == ', '1e3', '×'];

test('the quick parser gives a tree exactly where chevrotain reports no error, and the same tree', () => {
  const rng = new Rng(11);
  const sources = [...examples, ...guide].flatMap(pieces);
  let accepted = 0;
  let rejected = 0;
  for (let k = 0; k < 8_000; k++) {
    let source = sources[rng.int(0, sources.length - 1)];
    for (let e = rng.int(1, 3); e > 0; e--) {
      const at = rng.int(0, source.length);
      source = rng.int(0, 2) ? source.slice(0, at) + FRAGMENTS[rng.int(0, FRAGMENTS.length - 1)] + source.slice(at) : source.slice(0, at) + source.slice(at + rng.int(1, 6));
    }
    const { quick, decl, clean } = both(source);
    if (!quick) {
      rejected++;
      assert.ok(!clean, `chevrotain parses what the quick parser gave up on: ${JSON.stringify(source)}`);
      continue;
    }
    accepted++;
    assert.ok(clean, `chevrotain reports an error in what the quick parser accepted: ${JSON.stringify(source)}`);
    assert.deepEqual(quick, decl, JSON.stringify(source));
  }
  assert.ok(accepted > 1000 && rejected > 1000, `accepted ${accepted}, rejected ${rejected}`);
});
