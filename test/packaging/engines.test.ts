// The Node versions package.json claims are true: every package installed accepts all of them (the shipped
// DuckDB loader, the libraries bundled into dist/ — devDependencies, as the bundle holds them — and the build and
// test tools), the Node running the tests is one of them, and the README says the same.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import semver from 'semver';

const ROOT = resolve(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8'));
const lock = JSON.parse(readFileSync(resolve(ROOT, 'package-lock.json'), 'utf8'));
const claimed: string = manifest.engines.node;

test('every installed package accepts every Node version package.json claims', () => {
  const narrower = Object.entries(lock.packages as Record<string, { engines?: { node?: string } | string[] }>)
    .filter(([path, info]) => path && !Array.isArray(info.engines) && info.engines?.node)
    .map(([path, info]) => [path.replace(/^.*node_modules\//, ''), (info.engines as { node: string }).node] as const)
    .filter(([, range]) => !semver.subset(claimed, range));
  assert.deepEqual(narrower, [], `engines.node ${claimed} is wider than these dependencies accept`);
});

test('the Node running the tests is one package.json claims', () => {
  assert.ok(semver.satisfies(process.versions.node, claimed), `Node ${process.versions.node} is outside ${claimed}`);
});

test('the README states the same Node versions', () => {
  const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
  const [, minimum20, minimum22] = /^\^(20\.\d+)\.0 \|\| \^(22\.\d+)\.0 \|\| >=23$/.exec(claimed) ?? [];
  assert.ok(minimum20 && readme.includes(`Node ${minimum20}+ or ${minimum22}+`), `README must say Node ${minimum20}+ or ${minimum22}+`);
});
