// Neovim as a second LSP client: headless Neovim (Debian's 0.7) talks to `node dist/cli.js lsp --stdio`
// on a copy of examples/, gets an error diagnostic for an unknown name and a completion item.
// Run via test/e2e/run.sh (or: node --test test/e2e/nvim.e2e.mjs after `npm run build`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  HERE, REPO, SPEC, TMP, BROKEN_LINE, UNKNOWN_NAME, COMPLETION_LINE, EXPECTED_ITEM, artifactsDir, copyExamples, lap,
} from './lib.mjs';

// the bundled CLI (`innograph lsp --stdio`); esbuild writes dist/cli.cjs (older builds: dist/cli.js)
const CLI = ['cli.cjs', 'cli.js'].map((f) => path.join(REPO, 'dist', f)).find((f) => fs.existsSync(f)) ?? path.join(REPO, 'dist', 'cli.cjs');
const SERVER_CMD = process.env.INNOGRAPH_E2E_SERVER_CMD
  ? JSON.parse(process.env.INNOGRAPH_E2E_SERVER_CMD)
  : ['node', CLI, 'lsp', '--stdio'];

test('neovim (2nd LSP client): unknown-name diagnostic and dataset completion over stdio', { timeout: 120_000 }, () => {
  if (SERVER_CMD[0] === 'node') assert.ok(fs.existsSync(SERVER_CMD[1]), `language server not built: ${SERVER_CMD[1]} (run npm run build)`);
  const ws = copyExamples('nvim-ws');
  const home = fs.mkdtempSync(path.join(TMP, 'nvim-home-'));
  lap(`nvim on ${path.join(ws, SPEC)} with server: ${SERVER_CMD.join(' ')}`);
  const r = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(HERE, 'lsp_nvim.lua')}`, SPEC], {
    cwd: ws,
    encoding: 'utf8',
    timeout: 90_000,
    killSignal: 'SIGKILL',
    // keep nvim's lsp.log / shada / swap out of $HOME
    env: {
      ...process.env, XDG_CACHE_HOME: home, XDG_STATE_HOME: home, XDG_DATA_HOME: home, XDG_CONFIG_HOME: home,
      E2E_SERVER_CMD: JSON.stringify(SERVER_CMD), E2E_BROKEN_LINE: BROKEN_LINE, E2E_UNKNOWN_NAME: UNKNOWN_NAME,
      E2E_COMPLETION_LINE: COMPLETION_LINE, E2E_EXPECTED_ITEM: EXPECTED_ITEM,
    },
  });
  for (const line of (r.stdout || '').split('\n').filter(Boolean)) console.log(`nvim: ${line}`);
  // nvim writes lsp.log (server stderr, rpc errors) under XDG_CACHE_HOME (0.7) or XDG_STATE_HOME (0.8+)
  const logs = ['nvim/lsp.log', 'lsp.log'].map((p) => path.join(home, p)).filter((p) => fs.existsSync(p));
  if (logs.length) fs.copyFileSync(logs[0], path.join(artifactsDir(), 'nvim-lsp.log'));
  const results = (r.stdout || '').split('\n').filter((l) => l.startsWith('{')).map((l) => { try { return JSON.parse(l); } catch { return {}; } });
  const failure = results.find((o) => o.ok === false);
  const why = failure?.error
    ?? (r.error ? `nvim failed to run: ${r.error.message}` : `nvim exited with ${r.status ?? r.signal}; stderr: ${(r.stderr || '').slice(-2000)}`);
  assert.equal(r.status, 0, `${why}${logs.length ? ` (lsp.log: test/e2e/artifacts/nvim-lsp.log)` : ''}`);
  assert.ok(results.some((o) => o.ok === true), 'nvim exited 0 without reporting success');
  const diag = results.find((o) => o.kind === 'diagnostic');
  assert.match(diag.message, new RegExp(UNKNOWN_NAME));
  assert.ok(results.find((o) => o.kind === 'completion').labels.includes(EXPECTED_ITEM));
  lap('nvim checks passed');
});
