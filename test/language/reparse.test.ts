// A document re-parsed after each edit (DocumentParser) must give exactly the tree a fresh parse of the
// same text gives: random edits, including ones that join, split and comment out declarations, on the
// examples and a generated spec.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Rng } from '../../server/src/engine/prng.ts';
import { parseStudy } from '../../server/src/language/syntax/parse.ts';
import { DocumentParser } from '../../server/src/language/syntax/reparse.ts';
import { analyze, reanalyze, type Analysis } from '../../server/src/workspace/analysis.ts';
import { TableCache } from '../../server/src/workspace/tableCache.ts';

const ROOT = join(import.meta.dirname, '../..');
const examples = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.study')).map((f) => readFileSync(join(ROOT, 'examples', f), 'utf8'));
const generated = Array.from({ length: 60 }, (_, i) => `model m${i} = ols(y ~ x${i % 3}, data: d) { cluster: i }\n`).join('');

/** What edits insert: fragments that change how the text splits into declarations, and ordinary ones. */
const FRAGMENTS = ['\n', '\n\n', 'model ', 'model m = ', ' x', '"', '/*', '*/', '//', '{', '}', '(', ')', ', ', 'dataset d from "d.csv"\n', '  fe: i\n', '#', 'l(', '\t'];

function edit(text: string, rng: Rng): string {
  const at = rng.int(0, text.length);
  switch (rng.int(0, 3)) {
    case 0: return text.slice(0, at) + text.slice(at + rng.int(1, 40));
    case 1: { // move a slice of the text elsewhere (a cut and paste)
      const len = rng.int(1, 200);
      const cut = text.slice(at, at + len);
      const rest = text.slice(0, at) + text.slice(at + len);
      const to = rng.int(0, rest.length);
      return rest.slice(0, to) + cut + rest.slice(to);
    }
    default: return text.slice(0, at) + FRAGMENTS[rng.int(0, FRAGMENTS.length - 1)] + text.slice(at);
  }
}

for (const [name, start] of [...examples.map((t, i) => [`example ${i + 1}`, t] as const), ['generated', generated] as const]) {
  test(`re-parsing after random edits gives the fresh parse's tree: ${name}`, () => {
    const rng = new Rng(name.length * 7919);
    const parser = new DocumentParser();
    let text = start;
    assert.deepEqual(parser.parse(text), parseStudy(text));
    for (let k = 0; k < 150; k++) {
      text = edit(text, rng);
      assert.deepEqual(parser.parse(text), parseStudy(text), `after edit ${k + 1}`);
    }
  });
}

test('an edit moves the declarations below it and keeps those above as they were', () => {
  const parser = new DocumentParser();
  const before = parser.parse(generated);
  const [top, , , fourth] = before.decls;
  const third = generated.indexOf('model m2 ');
  const after = parser.parse(`${generated.slice(0, third)}// a note\n${generated.slice(third)}`);
  assert.equal(after.decls[0], top, 'the declaration above the edit is the same object');
  assert.equal(after.decls[3], fourth, 'below the edit: the same object, moved');
  assert.equal(fourth.span.start, generated.indexOf('model m3 ') + '// a note\n'.length);
});

test('a re-analysed version has the symbols and diagnostics of a fresh analysis', () => {
  const tables = new TableCache({ rowCounts: () => false });
  const spec = join(ROOT, 'examples', 'edited.study');
  const parser = new DocumentParser();
  const rng = new Rng(2026);
  let text = examples[0] + generated;
  let previous: Analysis | undefined;
  const summary = (a: Analysis) => ({
    symbols: [...a.model.symbols.values()].map((s) => [s.name, s.kind, s.decl.span.start, s.nameSpan.start]).sort(),
    duplicates: a.model.duplicates.map((s) => [s.name, s.decl.span.start]),
    diagnostics: a.diagnostics.map((d) => [d.span.start, d.span.end, d.message]),
  });
  for (let k = 0; k < 120; k++) {
    // Half the edits type inside a declaration (the symbol table is taken over), half anywhere.
    const inside = text.indexOf('data: d', rng.int(0, text.length));
    text = k % 2 && inside >= 0 ? `${text.slice(0, inside)}x${text.slice(inside)}` : edit(text, rng);
    previous = reanalyze(text, spec, tables, parser, previous);
    assert.deepEqual(summary(previous), summary(analyze(text, spec, tables)), `after edit ${k + 1}`);
  }
});
