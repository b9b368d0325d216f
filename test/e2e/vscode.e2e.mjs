// Real VS Code UI smoke test: code-server 4.100.3 (VS Code 1.100.3 workbench, Node extension host) with the
// packaged innograph.vsix installed, driven by playwright-core + Debian chromium.
// Run via test/e2e/run.sh, which installs everything (setup.sh) and packages the extension first.
// env: INNOGRAPH_E2E_VSIX (default <repo>/innograph.vsix), INNOGRAPH_E2E_CODE_SERVER (code-server binary),
//      INNOGRAPH_E2E_CHROMIUM (default /usr/bin/chromium), INNOGRAPH_E2E_ARTIFACTS, INNOGRAPH_E2E_TMP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import {
  REPO, CACHE, TMP, SPEC, BROKEN_LINE, UNKNOWN_NAME, COMPLETION_LINE, EXPECTED_ITEM, artifactsDir, copyExamples, lap,
} from './lib.mjs';

const { chromium } = loadPlaywright();
const VSIX = process.env.INNOGRAPH_E2E_VSIX || path.join(REPO, 'innograph.vsix');
const CS = process.env.INNOGRAPH_E2E_CODE_SERVER || path.join(CACHE, 'code-server-4.100.3', 'node_modules', '.bin', 'code-server');
const CHROMIUM = process.env.INNOGRAPH_E2E_CHROMIUM || '/usr/bin/chromium';
const LANGUAGE_NAME = 'Innograph Study';
const EXTENSION_ID = process.env.INNOGRAPH_E2E_EXTENSION_ID || 'innograph.innograph';
const ART = artifactsDir();
const RUN = path.join(TMP, 'vscode-run');

let cs; // code-server child (own process group)
let ctx, page, ws, base;
const state = { opened: false, diagnosed: false };
const consoleLines = [];

/** playwright-core from the repo's devDependencies, else from the cache folder setup.sh installs into. */
function loadPlaywright() {
  for (const from of [path.join(REPO, 'package.json'), path.join(CACHE, 'playwright', 'package.json')]) {
    try { return createRequire(from)('playwright-core'); } catch { /* try the next place */ }
  }
  throw new Error('playwright-core not found in the repo nor in the e2e cache: run test/e2e/setup.sh');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Isolated HOME/XDG for code-server: nothing of the user's own VS Code setup leaks in or out. */
function csEnv() {
  return {
    ...process.env,
    HOME: `${RUN}/home`, XDG_CONFIG_HOME: `${RUN}/xdg`, XDG_DATA_HOME: `${RUN}/xdg-data`, XDG_CACHE_HOME: `${RUN}/xdg-cache`,
    // the marketplace points at a closed loopback port: nothing leaves the machine
    EXTENSIONS_GALLERY: '{"serviceUrl":"http://127.0.0.1:9/gallery","itemUrl":"http://127.0.0.1:9/item"}',
  };
}

function writeSettings() {
  fs.mkdirSync(`${RUN}/ud/User`, { recursive: true });
  fs.writeFileSync(`${RUN}/ud/User/settings.json`, JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'telemetry.telemetryLevel': 'off',
    'security.workspace.trust.enabled': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'chat.commandCenter.enabled': false,
    'git.enabled': false,
    'editor.minimap.enabled': false,
    'editor.stickyScroll.enabled': false,
    // deterministic typing: no popups while typing (brackets still auto-close, as for a user), and only the
    // language server's completions (no word-based fallback that would find "applicants" in the text itself)
    'editor.quickSuggestions': { other: false, comments: false, strings: false },
    'editor.suggestOnTriggerCharacters': false,
    'editor.acceptSuggestionOnEnter': 'off',
    'editor.wordBasedSuggestions': 'off',
    'editor.autoIndent': 'none',
    'files.autoSave': 'off',
  }, null, 2));
}

function installExtension() {
  const out = execFileSync(CS, ['--user-data-dir', `${RUN}/ud`, '--extensions-dir', `${RUN}/exts`, '--install-extension', VSIX],
    { env: csEnv(), encoding: 'utf8', timeout: 120_000, stdio: ['ignore', 'pipe', 'pipe'] });
  fs.writeFileSync(path.join(ART, 'vscode-install-extension.log'), out);
  const installed = fs.readdirSync(`${RUN}/exts`).filter((d) => d.toLowerCase().startsWith(`${EXTENSION_ID}-`));
  assert.ok(installed.length, `${VSIX} did not install as ${EXTENSION_ID} (extensions dir has: ${fs.readdirSync(`${RUN}/exts`).join(', ')}); output:\n${out}`);
  lap(`installed ${installed[0]}`);
}

async function startCodeServer() {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const log = fs.openSync(`${RUN}/cs.log`, 'w');
  cs = spawn(CS, ['--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override',
    '--user-data-dir', `${RUN}/ud`, '--extensions-dir', `${RUN}/exts`],
  { env: csEnv(), detached: true, stdio: ['ignore', log, log] }); // detached => own process group (pgid = pid)
  fs.closeSync(log);
  fs.writeFileSync(path.join(TMP, 'code-server.pgid'), String(cs.pid)); // run.sh's exit trap kills it if we cannot
  let exited = null;
  cs.once('exit', (code, sig) => { exited = code ?? sig; });
  for (let i = 0; i < 240; i++) {
    if (exited !== null) break;
    try { if ((await fetch(`${base}/healthz`)).ok) { lap(`code-server up on ${base} (pid ${cs.pid})`); return; } } catch { /* not yet */ }
    await sleep(500);
  }
  throw new Error(`code-server did not come up (${exited !== null ? `exited with ${exited}` : 'timeout 120s'}):\n${fs.readFileSync(`${RUN}/cs.log`, 'utf8').slice(-3000)}`);
}

async function stopCodeServer() {
  if (!cs?.pid) return;
  const alive = () => { try { process.kill(-cs.pid, 0); return true; } catch { return false; } };
  try { process.kill(-cs.pid, 'SIGTERM'); } catch { /* gone */ }
  for (let i = 0; i < 40 && alive(); i++) await sleep(250);
  try { process.kill(-cs.pid, 'SIGKILL'); } catch { /* gone */ }
  fs.rmSync(path.join(TMP, 'code-server.pgid'), { force: true });
  cs = undefined;
}
process.on('exit', () => { if (cs?.pid) try { process.kill(-cs.pid, 'SIGKILL'); } catch { /* gone */ } });

const shot = async (name) => {
  const file = path.join(ART, `vscode-${name}.png`);
  await page?.screenshot({ path: file }).catch(() => {});
  return path.relative(REPO, file);
};

/** Run a step; on failure save a screenshot and put its path into the error message. */
async function step(name, fn) {
  try {
    return await fn();
  } catch (e) {
    const file = await shot(`FAILED-${name}`);
    e.message = `[${name}] ${e.message}\n(screenshot: ${file}; logs: test/e2e/artifacts/vscode-logs/)`;
    throw e;
  }
}

const editor = () => page.locator('.editor-instance .monaco-editor').first();
/** Text of the cursor's line (the view line under the current-line highlight). */
async function currentLineText() {
  return page.evaluate(() => {
    const ed = document.querySelector('.editor-instance .monaco-editor');
    const hl = ed?.querySelector('.view-overlays .current-line');
    if (!hl) return null;
    const top = hl.parentElement.style.top;
    const line = [...ed.querySelectorAll('.view-lines .view-line')].find((l) => l.style.top === top);
    return line ? line.textContent.replace(/\u00a0/g, ' ') : null;
  }).catch(() => null);
}
const problemsStatus = () => page.locator('[id="status.problems"]');
async function problemsLabel() {
  const el = problemsStatus();
  return `${await el.getAttribute('aria-label').catch(() => null)} | ${(await el.innerText().catch(() => '')).replace(/\s+/g, ' ')}`;
}
async function problemRows() {
  const rows = page.locator('.markers-panel .monaco-list-row');
  const n = await rows.count();
  const out = [];
  for (let i = 0; i < n; i++) out.push(await rows.nth(i).getAttribute('aria-label'));
  return out;
}
async function openProblemsPanel() {
  if (!(await page.locator('.markers-panel').isVisible().catch(() => false))) await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel').waitFor({ state: 'visible', timeout: 15_000 });
}
/** Click into the editor text and put the cursor on an empty last line (a new one unless the file ends in one). */
async function newLastLine() {
  // focus the editor through its tab (a click into the text can land on an overlay widget)
  await page.locator(`.tabs-container .tab.active[aria-label*="${SPEC}"]`).click();
  try {
    await page.locator('.editor-instance .monaco-editor.focused').waitFor({ timeout: 5_000 });
  } catch {
    const box = await editor().locator('.view-lines').boundingBox();
    await editor().locator('.view-lines').click({ force: true, position: { x: Math.max(5, box.width - 40), y: Math.max(5, box.height - 20) } });
    await page.locator('.editor-instance .monaco-editor.focused').waitFor({ timeout: 5_000 });
  }
  await page.keyboard.press('Control+End');
  await page.keyboard.press('End');
  await sleep(200);
  // status bar "Ln 12, Col 1" after End => the last line is empty already
  const pos = await page.locator('[id="status.editor.selection"]').innerText().catch(() => '');
  if (!/Col 1\b/.test(pos)) await page.keyboard.press('Enter');
}

before(async () => {
  fs.rmSync(RUN, { recursive: true, force: true });
  fs.mkdirSync(`${RUN}/exts`, { recursive: true });
  for (const d of ['home', 'xdg', 'xdg-data', 'xdg-cache']) fs.mkdirSync(`${RUN}/${d}`, { recursive: true });
  for (const f of fs.readdirSync(ART)) if (f.startsWith('vscode-')) fs.rmSync(path.join(ART, f), { recursive: true, force: true });
  assert.ok(fs.existsSync(VSIX), `${VSIX} not found: run npm run package first`);
  assert.ok(fs.existsSync(CS), `code-server not found at ${CS}: run test/e2e/setup.sh`);
  assert.ok(fs.existsSync(CHROMIUM), `${CHROMIUM} not found: run test/e2e/setup.sh`);
  ws = copyExamples('vscode-ws');
  writeSettings();
  installExtension();
  await startCodeServer();

  const udd = `${RUN}/chromium`;
  ctx = await chromium.launchPersistentContext(udd, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 900 },
    env: { ...process.env, HOME: udd, XDG_CONFIG_HOME: `${udd}/.config`, XDG_CACHE_HOME: `${udd}/.cache` },
  });
  page = ctx.pages()[0] || (await ctx.newPage());
  page.setDefaultTimeout(30_000);
  page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));
  lap('chromium launched');
  await step('0-workbench', async () => {
    await page.goto(`${base}/?folder=${encodeURIComponent(ws)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    await page.locator(`.explorer-folders-view .monaco-list-row[aria-label*="${SPEC}"]`).waitFor({ timeout: 90_000 });
  });
  lap('workbench loaded');
}, { timeout: 300_000 });

after(async () => {
  // navigate away first: the workbench shuts down cleanly and code-server disposes this window's extension
  // host and language server (a bare close would keep them alive for the reconnection grace time)
  await page?.goto('about:blank', { timeout: 15_000 }).catch(() => {});
  await ctx?.close().catch(() => {});
  await stopCodeServer();
  // keep the logs (code-server, extension host, the language server's output channel) for failure reports
  try {
    fs.cpSync(`${RUN}/ud/logs`, path.join(ART, 'vscode-logs'), { recursive: true });
    fs.copyFileSync(`${RUN}/cs.log`, path.join(ART, 'vscode-logs', 'code-server.log'));
    fs.writeFileSync(path.join(ART, 'vscode-logs', 'browser-console.log'), consoleLines.join('\n') + '\n');
  } catch { /* nothing to copy */ }
  lap('teardown done');
}, { timeout: 60_000 });

test(`opens ${SPEC} in "${LANGUAGE_NAME}" mode and it checks clean`, { timeout: 120_000 }, async () => {
  await step('1-open', async () => {
    await page.locator(`.explorer-folders-view .monaco-list-row[aria-label*="${SPEC}"]`).first().click();
    await page.locator(`.tabs-container .tab.active[aria-label*="${SPEC}"]`).waitFor();
    await editor().locator('.view-lines .view-line').first().waitFor();
    // the language mode comes from the extension's contribution: the packaged extension is installed and known
    const mode = page.locator('[id="status.editor.mode"]');
    try {
      await mode.filter({ hasText: LANGUAGE_NAME }).waitFor({ timeout: 60_000 });
    } catch {
      throw new Error(`status bar language mode is "${(await mode.innerText().catch(() => '?')).trim()}", expected "${LANGUAGE_NAME}"`);
    }
  });
  lap('language mode shown');
  state.opened = true;
  // the extension's own status bar item turns to "$(graph) Innograph" once the language server runs
  // (informational only: the diagnostics steps below prove the server works)
  const running = await page.locator('.statusbar-item:has(.codicon-graph)', { hasText: 'Innograph' })
    .waitFor({ timeout: 30_000 }).then(() => true, () => false);
  lap(`language server status item ${running ? 'shows running' : 'not seen (continuing)'}`);
  await step('1-clean', async () => {
    // the spec must stay clean while the language server starts and checks it
    const end = Date.now() + 8_000;
    while (Date.now() < end) {
      const label = await problemsLabel();
      if (!/No Problems/i.test(label)) {
        await openProblemsPanel().catch(() => {});
        throw new Error(`${SPEC} should check clean, but status.problems says "${label}"; Problems panel: ${JSON.stringify(await problemRows())}`);
      }
      await sleep(500);
    }
    console.log(`status.problems: ${await problemsLabel()}`);
  });
  await shot('1-opened-no-problems');
});

test(`a line with an unknown name gets an error diagnostic (${UNKNOWN_NAME})`, { timeout: 120_000 }, async (t) => {
  if (!state.opened) return t.skip('spec did not open');
  await step('2-diagnostic', async () => {
    await newLastLine();
    await page.keyboard.type(BROKEN_LINE, { delay: 15 });
    await editor().locator('.view-lines', { hasText: BROKEN_LINE }).waitFor({ timeout: 15_000 });
    // status bar: "No Problems" -> "Errors: 1, ..." (aria-label)
    const end = Date.now() + 45_000;
    let label = await problemsLabel();
    while (!/Error/i.test(label) || /No Problems/i.test(label)) {
      if (Date.now() > end) throw new Error(`no error in status.problems 45s after typing "${BROKEN_LINE}" (it says "${label}")`);
      await sleep(250);
      label = await problemsLabel();
    }
    console.log(`status.problems: ${label}`);
    await editor().locator('.squiggly-error').first().waitFor({ timeout: 15_000 });
    await openProblemsPanel();
    const row = page.locator(`.markers-panel .monaco-list-row[aria-label*="${UNKNOWN_NAME}"]`);
    try {
      await row.first().waitFor({ timeout: 15_000 });
    } catch {
      throw new Error(`no Problems row mentions ${UNKNOWN_NAME}; rows: ${JSON.stringify(await problemRows())}`);
    }
    console.log(`problems: ${JSON.stringify(await problemRows())}`);
  });
  state.diagnosed = true;
  lap('diagnostic shown');
  // back to the editor so the screenshot shows the squiggled line above the Problems panel
  await page.locator(`.tabs-container .tab.active[aria-label*="${SPEC}"]`).click().catch(() => {});
  await page.keyboard.press('Control+End').catch(() => {});
  await sleep(300);
  await shot('2-unknown-name-error');
});

test(`Ctrl+Space after "${COMPLETION_LINE}" offers ${EXPECTED_ITEM}`, { timeout: 120_000 }, async (t) => {
  if (!state.opened) return t.skip('spec did not open');
  await step('3-completion', async () => {
    await newLastLine();
    await page.keyboard.type(COMPLETION_LINE, { delay: 15 });
    await editor().locator('.view-lines', { hasText: COMPLETION_LINE }).waitFor({ timeout: 15_000 });
    const widget = page.locator('.editor-widget.suggest-widget.visible');
    const rows = widget.locator('.monaco-list-row');
    const wanted = rows.filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${EXPECTED_ITEM}\\s*$`) }) });
    let seen = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+Space');
      try {
        await wanted.first().waitFor({ timeout: 15_000 });
        break;
      } catch {
        seen = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
        const message = widget.locator('.message');
        const msg = (await message.isVisible().catch(() => false)) ? await message.innerText().catch(() => '') : '';
        console.log(`completion attempt ${attempt}: widget ${await widget.count() ? 'visible' : 'not visible'}, rows ${JSON.stringify(seen)}${msg ? `, message "${msg}"` : ''}`);
        if (attempt === 3) throw new Error(`suggest widget does not offer "${EXPECTED_ITEM}" after Ctrl+Space at the end of "${COMPLETION_LINE}" (line text ${JSON.stringify(await currentLineText())}; rows: ${JSON.stringify(seen)}${msg ? `, message "${msg}"` : ''})`);
      }
    }
    seen = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    console.log(`suggestions: ${JSON.stringify(seen)}`);
    console.log(`current line: ${JSON.stringify(await currentLineText())}`);
  });
  lap('completion shown');
  await shot('3-completion');
  await page.keyboard.press('Escape');
});
