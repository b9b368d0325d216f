// Real VS Code UI smoke test: code-server 4.100.3 (VS Code 1.100.3 workbench, Node extension host) with the
// packaged innograph-<platform>.vsix installed, driven by playwright-core + Debian chromium.
// Run via test/e2e/run.sh, which installs everything (setup.sh) and packages the extension first.
// env: INNOGRAPH_E2E_VSIX (default <repo>/innograph-<platform>-<arch>.vsix), INNOGRAPH_E2E_CODE_SERVER (code-server binary),
//      INNOGRAPH_E2E_CHROMIUM (default /usr/bin/chromium), INNOGRAPH_E2E_ARTIFACTS, INNOGRAPH_E2E_TMP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import {
  REPO, CACHE, TMP, SPEC, BROKEN_LINE, UNKNOWN_NAME, COMPLETION_LINE, EXPECTED_ITEM, RUN_SPEC, RUN_MODEL, RUN_NETWORK, RUN_MEASURES,
  artifactsDir, cliResults, copyExamples, formatEstimate, lap,
} from './lib.mjs';

const { chromium } = loadPlaywright();
const VSIX = process.env.INNOGRAPH_E2E_VSIX || path.join(REPO, `innograph-${process.platform}-${process.arch}.vsix`);
const CS = process.env.INNOGRAPH_E2E_CODE_SERVER || path.join(CACHE, 'code-server-4.100.3', 'node_modules', '.bin', 'code-server');
const CHROMIUM = process.env.INNOGRAPH_E2E_CHROMIUM || '/usr/bin/chromium';
const LANGUAGE_NAME = 'Innograph Study';
const EXTENSION_ID = process.env.INNOGRAPH_E2E_EXTENSION_ID || 'innograph.innograph';
const ART = artifactsDir();
const RUN = path.join(TMP, 'vscode-run');

let cs; // code-server child (own process group)
let ctx, page, ws, base;
const state = { opened: false, diagnosed: false, ran: undefined, network: undefined };
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
/** Waits until the status bar's problems item says there are none. */
function untilNoProblems(what, timeout) {
  return until(what, async () => {
    const label = await problemsLabel();
    if (!/No Problems/i.test(label)) throw new Error(`status.problems says "${label}"`);
    return true;
  }, timeout);
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
/** Click into the editor text and put the cursor on a new empty line at the end (no status-bar read: no race). */
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
  await page.keyboard.press('Enter');
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
    // SwiftShader: WebGL (the network view's sigma.js) without a GPU
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--disable-quic', '--no-first-run',
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

// ---------------------------------------------------------------- running a model from its code lens

/** Waits until `probe` returns something other than null/undefined/false (throwing = not yet; the last error says why in the timeout message). */
async function until(what, probe, timeout, every = 500) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const value = await probe();
      if (value !== null && value !== undefined && value !== false) return value;
      last = value;
    } catch (e) {
      last = e.message;
    }
    if (Date.now() > end) throw new Error(`${what} (not within ${timeout / 1000}s; last: ${JSON.stringify(last)})`);
    await sleep(every);
  }
}

/**
 * The "▶ Run" code lens above the line that starts with `prefix`: code lenses are content widgets
 * (`.codelens-decoration`, one per line, its commands as `a` elements) in a view zone right above their line, so
 * the lens is the one whose box ends closest above the line's box. Returns the `a`'s id (`c<n>`), or why not.
 */
function runLensAbove(prefix) {
  return page.evaluate((prefix) => {
    const lines = [...document.querySelectorAll('.editor-instance .monaco-editor .view-lines .view-line')];
    const line = lines.find((l) => l.textContent.replace(/\u00a0/g, ' ').startsWith(prefix));
    if (!line) return { why: `no rendered line starts with "${prefix}"` };
    const top = line.getBoundingClientRect().top;
    let lens;
    let bottom = -Infinity;
    for (const el of line.closest('.monaco-editor').querySelectorAll('.codelens-decoration')) {
      const r = el.getBoundingClientRect();
      if (r.height > 0 && r.bottom <= top + 2 && r.bottom > bottom) { lens = el; bottom = r.bottom; }
    }
    if (!lens || top - bottom > 8) return { why: `no code lens right above "${prefix}"` };
    const links = [...lens.querySelectorAll('a')];
    const run = links.find((a) => /^\W*Run$/.test(a.textContent.trim()));
    return run?.id ? { id: run.id } : { why: `the lens above "${prefix}" has ${JSON.stringify(links.map((a) => a.textContent))}` };
  }, prefix);
}

/** The 1-based number of the first line of `file` that matches `pattern`, and its first 16 characters (to find it on screen). */
function declarationLine(file, pattern) {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const index = lines.findIndex((l) => pattern.test(l));
  assert.ok(index >= 0, `${path.basename(file)} has no line matching ${pattern}`);
  return { line: index + 1, prefix: lines[index].slice(0, 16) };
}

/** Shows `spec` (its tab if open, else from the Explorer) in the Innograph language mode, cursor on `line` (Go to Line). */
async function openAtLine(spec, line) {
  const tab = page.locator(`.tabs-container .tab[aria-label*="${spec}"]`).first();
  if (await tab.count()) await tab.click();
  else await page.locator(`.explorer-folders-view .monaco-list-row[aria-label*="${spec}"]`).first().click();
  await page.locator(`.tabs-container .tab.active[aria-label*="${spec}"]`).waitFor();
  await page.locator('[id="status.editor.mode"]').filter({ hasText: LANGUAGE_NAME }).waitFor({ timeout: 60_000 });
  // bring the line into view: Go to Line (the view renders only the lines on screen)
  await editor().locator('.view-lines').first().waitFor();
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 15_000 });
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
  await page.locator('[id="status.editor.selection"]', { hasText: `Ln ${line},` }).waitFor({ timeout: 15_000 });
}

/** Clicks the "▶ Run" code lens above `line` (which starts with `prefix`). */
async function clickRunLens({ line, prefix }) {
  // the lenses come from the language server once it has analysed the spec; a lens re-rendered between
  // finding and clicking it gets a new id, so find and click again
  for (let attempt = 1; ; attempt++) {
    const { id } = await until(`a "▶ Run" code lens above line ${line}`, async () => {
      const found = await runLensAbove(prefix);
      if (!found.id) throw new Error(found.why);
      return found;
    }, 90_000);
    try {
      await page.locator(`.codelens-decoration a#${id}`).click({ timeout: 5_000 });
      return;
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
}

/** The frame of the result panel of `kind` once its page has rendered (webviews are nested iframes, so every frame is asked). */
async function panelFrame(kind) {
  for (const frame of page.frames()) {
    const rendered = await frame.evaluate((kind) => document.body?.dataset.panel === kind && document.body.dataset.state === 'rendered', kind).catch(() => false);
    if (rendered) return frame;
  }
  return null;
}

/** The estimate cell of `term` in the regression panel's table. */
async function regressionCell(term) {
  const frame = await panelFrame('regression');
  if (frame) {
    const cell = await frame.evaluate((term) => {
      const table = document.querySelector('table.regression');
      if (!table) return null;
      const terms = [...table.querySelectorAll('tbody.coefficients tr th')].map((th) => th.textContent.trim()).filter(Boolean);
      const row = [...table.querySelectorAll('tbody.coefficients tr')].find((tr) => tr.querySelector('th')?.textContent.trim() === term);
      const td = row?.querySelector('td');
      return {
        terms,
        models: [...table.querySelectorAll('thead tr:nth-child(2) th')].map((th) => th.textContent.trim()).filter(Boolean),
        text: td ? [...td.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').trim() : null,
        stars: td?.querySelector('sup')?.textContent ?? '',
      };
    }, term).catch(() => null);
    if (cell) return cell;
  }
  return null;
}

const regressionTab = () => page.locator('.tabs-container .tab', { hasText: `${RUN_MODEL} — Regression` });
const runsPane = () => page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Innograph Runs' }) });

test(`"▶ Run" above model ${RUN_MODEL} in ${RUN_SPEC} shows its regression table with the command line's estimate`, { timeout: 300_000 }, async (t) => {
  if (!state.opened) return t.skip('the editor did not open a spec');
  const spec = path.join(ws, RUN_SPEC);
  const declaration = declarationLine(spec, new RegExp(`^model\\s+${RUN_MODEL}\\b`));

  const cli = cliResults(spec, RUN_MODEL);
  const model = cli.results.find((r) => r.name === RUN_MODEL);
  assert.equal(model?.status, 'ok', `the command line could not run ${RUN_MODEL}: ${JSON.stringify(model?.error)}`);
  const first = model.model.coefficients[0];
  // the panel and its exports print the label the spec's `labels` declaration gives the term
  const term = cli.labels?.[first.term] ?? first.term;
  const expected = formatEstimate(first);
  lap(`command line: ${RUN_MODEL} ${first.term} (${term}) = ${first.estimate} (p ${first.p}) -> "${expected.text}${expected.stars}"`);

  await step('4-open', () => openAtLine(RUN_SPEC, declaration.line));
  lap(`${RUN_SPEC} open at line ${declaration.line}`);

  await step('4-code-lens', () => clickRunLens(declaration));
  lap('clicked the code lens');
  await shot('4-run-started');

  await step('4-regression-panel', async () => {
    await regressionTab().first().waitFor({ timeout: 180_000 });
    lap('regression panel open');
    const cell = await until(`the regression table's ${term} row`, async () => {
      const c = await regressionCell(term);
      if (c && !c.text) throw new Error(`no cell for ${term}; the table's terms are ${JSON.stringify(c.terms)}`);
      return c;
    }, 60_000);
    console.log(`panel: models ${JSON.stringify(cell.models)}, ${term} = "${cell.text}" stars "${cell.stars}"`);
    assert.ok(cell.models.includes(RUN_MODEL), `the table's model columns are ${JSON.stringify(cell.models)}`);
    assert.equal(cell.text, expected.text, `${term}: the panel shows ${cell.text}, the command line estimates ${first.estimate}`);
    assert.equal(cell.stars, expected.stars, `${term}: stars for p = ${first.p}`);
    // the progress notification has gone once the run is over
    await page.locator('.notifications-toasts .notification-toast', { hasText: 'Innograph: running' }).waitFor({ state: 'hidden', timeout: 30_000 });
  });
  state.ran = { term, expected, line: declaration.line };
  await shot('4-regression-panel');
});

test(`the Innograph Runs view lists the run of ${RUN_MODEL}, and its declaration opens the panel again`, { timeout: 180_000 }, async (t) => {
  if (!state.ran) return t.skip(`${RUN_MODEL} did not run`);
  const label = `${RUN_SPEC} — ${RUN_MODEL} · 1 ok`;
  await step('5-runs-view', async () => {
    // the view lives in the Explorer; open that, and the view's section if it is collapsed
    if (!(await page.locator('.explorer-folders-view').isVisible().catch(() => false))) await page.keyboard.press('Control+Shift+E');
    const header = runsPane().locator('.pane-header').first();
    await header.waitFor({ timeout: 30_000 });
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    const run = runsPane().locator('.monaco-list-row', { hasText: label });
    await run.first().waitFor({ timeout: 30_000 });
    const rows = await runsPane().locator('.monaco-list-row').evaluateAll((els) => els.map((e) => e.textContent.replace(/\s+/g, ' ').trim()));
    console.log(`runs view: ${JSON.stringify(rows)}`);
    assert.match(rows[0], new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} · [\\d.]+ s`), 'the newest run comes first');
  });
  lap('runs view lists the run');
  await step('5-runs-view-declaration', async () => {
    // the newest run is expanded: its declaration row (pass icon), clicked, shows the result in its panel again
    const declaration = runsPane().locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${RUN_MODEL}\\s*$`) }) });
    await declaration.first().waitFor({ timeout: 15_000 });
    assert.equal(await declaration.first().locator('.codicon-pass').count(), 1, `${RUN_MODEL} has the pass icon`);
    await regressionTab().first().locator('.codicon-close, .action-label[aria-label^="Close"]').first().click({ force: true });
    await regressionTab().first().waitFor({ state: 'detached', timeout: 15_000 });
    await declaration.first().click();
    await regressionTab().first().waitFor({ timeout: 60_000 });
    const { term, expected } = state.ran;
    const text = await until('the reopened regression table', () => regressionCell(term).then((c) => c?.text), 60_000);
    assert.equal(text, expected.text, `${term} in the reopened panel`);
  });
  lap('runs view reopened the panel');
  await shot('5-runs-view');
});

test('the Runs view\'s actions: Reveal Declaration in Spec, Re-run, Open Results JSON, Clear Runs', { timeout: 240_000 }, async (t) => {
  if (!state.ran) return t.skip(`${RUN_MODEL} did not run`);
  const runRows = runsPane().locator('.monaco-list-row', { hasText: `${RUN_SPEC} — ${RUN_MODEL}` });
  const declarationRows = runsPane().locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${RUN_MODEL}\\s*$`) }) });
  /** Hovers the row (inline actions show on hover) and clicks its action. */
  const inline = async (row, action) => {
    await row.hover();
    await row.locator(`.actions .action-label[aria-label^="${action}"]`).click();
  };
  await step('6-reveal', async () => {
    await page.locator(`.tabs-container .tab[aria-label*="${RUN_SPEC}"]`).first().click();
    await page.keyboard.press('Control+Home');
    await page.locator('[id="status.editor.selection"]', { hasText: 'Ln 1,' }).waitFor({ timeout: 15_000 });
    await inline(declarationRows.first(), 'Reveal Declaration in Spec');
    // the declaration's name is selected: "Ln 56, Col 9 (2 selected)"
    const selection = page.locator('[id="status.editor.selection"]', { hasText: new RegExp(`\\(${RUN_MODEL.length} selected\\)`) });
    await selection.waitFor({ timeout: 30_000 });
    const text = await selection.innerText();
    assert.match(text, new RegExp(`Ln ${state.ran.line},`), `status bar: ${text}`);
  });
  lap('reveal selected the declaration');
  await step('6-rerun', async () => {
    await inline(runRows.first(), 'Re-run');
    await until('a second run in the Runs view', async () => (await runRows.count()) >= 2, 120_000);
    // nothing changed, so the language server reused the result
    const label = await runRows.first().textContent();
    assert.match(label, /1 ok \(1 cached\)/, `newest run: ${label}`);
  });
  lap('re-run listed (cached)');
  await step('6-open-json', async () => {
    const tab = page.locator('.tabs-container .tab.active', { hasText: /\.json/ });
    // the context menu (a shadow-DOM menu) can be rebuilt right after it opens: wait until it holds still, retry once
    for (let attempt = 1; ; attempt++) {
      await runRows.first().click({ button: 'right' });
      const item = page.getByRole('menuitem', { name: 'Open Results JSON' });
      await item.waitFor({ timeout: 15_000 });
      await sleep(500);
      await item.click();
      if (await tab.waitFor({ timeout: 15_000 }).then(() => true, () => false)) break;
      if (attempt === 3) throw new Error('"Open Results JSON" from the context menu opened no .json editor');
      await page.keyboard.press('Escape');
    }
    await editor().locator('.view-lines', { hasText: 'innograph-results' }).first().waitFor({ timeout: 30_000 });
    console.log(`results JSON tab: ${(await tab.getAttribute('aria-label'))}`);
  });
  await shot('6-runs-actions');
  await step('6-clear', async () => {
    await runsPane().locator('.pane-header').first().hover();
    await runsPane().locator('.pane-header .action-label[aria-label="Clear Runs"]').click();
    await runRows.first().waitFor({ state: 'detached', timeout: 15_000 });
    await runsPane().locator('.welcome-view-content', { hasText: 'No runs yet' }).waitFor({ timeout: 15_000 });
  });
  lap('runs cleared');
});

// ---------------------------------------------------------------- exports, and running a network

/** A status-bar message that may show for a few seconds only: start watching before the action that shows it. */
function statusMessage(text) {
  const seen = page.locator('.statusbar-item', { hasText: text }).first().waitFor({ timeout: 60_000 }).then(() => true, (e) => e);
  return async () => {
    const result = await seen;
    if (result !== true) throw new Error(`the status bar never said "${text}" (${result.message.split('\n')[0]})`);
  };
}

/**
 * Answers VS Code's save dialog (in code-server its own "simple" file dialog: a quick input holding a path) on
 * the path it proposes, which must be `expected`, and waits for the file the extension writes there.
 */
async function saveThroughDialog(expected) {
  assert.ok(!fs.existsSync(expected), `${expected} exists before the export`);
  const saved = statusMessage(`Innograph: saved ${path.basename(expected)}`);
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await until(`the save dialog proposing ${expected}`, async () => {
    const value = await input.inputValue({ timeout: 2_000 });
    if (value !== expected) throw new Error(`the save dialog proposes "${value}"`);
    return true;
  }, 60_000);
  await shot(`save-dialog-${path.basename(expected)}`);
  await input.press('Enter');
  await until(`${expected} written`, () => fs.existsSync(expected) && fs.statSync(expected).size > 0, 60_000);
  await saved();
  return fs.readFileSync(expected, 'utf8');
}

/** The clipboard's text as the page reads it (the context has the clipboard permissions). */
const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

/** Markdown and CSV fields as regressionTable.ts / csv.ts write them. */
const markdownText = (text) => text.replace(/[\\|*_`]/g, (ch) => `\\${ch}`);
/** A label as the LaTeX export escapes it (engine/exports/escape.ts), for the characters the examples' labels use. */
const latexText = (text) => text.replace(/[_&%$#−×]/g, (ch) => ({ '−': '$-$', '×': '$\\times$' })[ch] ?? `\\${ch}`);
const csvField = (text) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

test(`the regression panel copies ${RUN_MODEL} as Markdown and LaTeX and saves it as CSV through the save dialog`, { timeout: 240_000 }, async (t) => {
  if (!state.ran) return t.skip(`${RUN_MODEL} did not run`);
  const { term, expected } = state.ran;
  const cell = `${expected.text}${expected.stars}`;
  let frame;
  await step('7-regression-panel', async () => {
    await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    await regressionTab().first().click();
    frame = await until('the regression panel', () => panelFrame('regression'), 60_000);
  });
  const format = () => frame.locator('label.control', { hasText: 'Format' }).locator('select');
  const copyAs = async (value, label) => {
    const sentinel = `innograph-e2e-${value}-${Date.now()}`;
    await page.evaluate((text) => navigator.clipboard.writeText(text), sentinel);
    assert.equal(await clipboard(), sentinel, 'the clipboard holds what the test wrote');
    const copied = statusMessage(`Innograph: ${RUN_MODEL} copied as ${label}`);
    await format().selectOption(value);
    await frame.locator('button', { hasText: /^Copy$/ }).click();
    await copied();
    return until(`the ${label} table on the clipboard`, async () => { const text = await clipboard(); return text !== sentinel && text; }, 30_000);
  };
  await step('7-copy-markdown', async () => {
    const md = await copyAs('md', 'MD');
    const row = `| ${markdownText(term)} | ${markdownText(cell)} |`;
    assert.ok(md.split('\n').includes(row), `the Markdown on the clipboard has no row ${row}:\n${md}`);
    console.log(`clipboard (Markdown): ${row}`);
    assert.match(md, new RegExp(`^\\| .*\\| \\(1\\) \\|$`, 'm'), `the Markdown's head row:\n${md}`);
  });
  lap('copied as Markdown');
  await step('7-copy-latex', async () => {
    const tex = await copyAs('tex', 'TEX');
    // a comment naming the packages it needs, then the threeparttable
    assert.match(tex, /^% \\usepackage\{booktabs, threeparttable\}\n\\begin\{table\}/, `LaTeX on the clipboard:\n${tex}`);
    const estimate = `& ${expected.text}${expected.stars ? `$^{${expected.stars}}$` : ''} \\\\`;
    const line = tex.split('\n').find((l) => l.startsWith(latexText(term)) && l.endsWith(estimate));
    assert.ok(line, `no LaTeX row "${term} ${estimate}":\n${tex}`);
    console.log(`clipboard (LaTeX): ${line}`);
  });
  lap('copied as LaTeX');
  await step('7-save-csv', async () => {
    await format().selectOption('csv');
    await frame.locator('button', { hasText: /^Save…$/ }).click();
    const csv = await saveThroughDialog(path.join(ws, `${RUN_MODEL}.csv`));
    const rows = csv.split('\r\n');
    assert.ok(rows.includes(`${csvField(term)},${csvField(cell)}`), `${RUN_MODEL}.csv has no row for ${term} = ${cell}:\n${csv}`);
    assert.ok(rows.some((r) => r.split(',').includes(RUN_MODEL)), `${RUN_MODEL}.csv names no model column ${RUN_MODEL}:\n${csv}`);
  });
  lap(`saved ${RUN_MODEL}.csv`);
  await shot('7-regression-exports');
});

const networkTab = () => page.locator('.tabs-container .tab', { hasText: `${RUN_NETWORK} — Network` });

test(`"▶ Run" above network ${RUN_NETWORK} in ${SPEC} draws its last window with the command line's regions`, { timeout: 300_000 }, async (t) => {
  if (!state.opened) return t.skip('the editor did not open a spec');
  const spec = path.join(ws, SPEC);
  const declaration = declarationLine(spec, new RegExp(`^network\\s+${RUN_NETWORK}\\b`));
  const cli = cliResults(spec, RUN_NETWORK);
  const network = cli.results[0];
  assert.equal(network?.name, RUN_NETWORK);
  assert.equal(network.status, 'ok', `the command line could not run ${RUN_NETWORK}: ${JSON.stringify(network.error)}`);
  const last = network.network.windows.at(-1);
  lap(`command line: ${RUN_NETWORK} ${last.label}: ${last.nodes.length} regions, ${last.ties.length} ties`);

  await step('8-revert', async () => {
    // the earlier tests typed an unknown name into the spec, and a spec with errors does not run: revert it
    await page.locator(`.tabs-container .tab[aria-label*="${SPEC}"]`).first().click();
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 15_000 });
    await page.keyboard.type('File: Revert File');
    await page.locator('.quick-input-widget .monaco-list-row[aria-label^="File: Revert File"]').first().click();
    await page.locator(`.tabs-container .tab.dirty[aria-label*="${SPEC}"]`).waitFor({ state: 'detached', timeout: 15_000 });
    await untilNoProblems('no problems after the revert', 60_000);
  });
  lap(`${SPEC} reverted, no problems`);
  await step('8-open', () => openAtLine(SPEC, declaration.line));
  await step('8-code-lens', () => clickRunLens(declaration));
  lap('clicked the code lens');

  await step('8-network-panel', async () => {
    await networkTab().first().waitFor({ timeout: 180_000 });
    lap('network panel open');
    const frame = await until('the network panel laid out', async () => {
      const f = await panelFrame('network');
      return f && (await f.evaluate(() => document.body.dataset.layout)) === 'done' && f;
    }, 120_000);
    const shown = await frame.evaluate(() => ({
      window: document.querySelector('.window-label')?.textContent,
      hint: document.querySelector('.details .hint')?.textContent,
      legend: [...document.querySelectorAll('.legend .entry')].map((e) => e.textContent),
      canvases: document.querySelectorAll('.sigma canvas').length,
      nodes: document.body.dataset.nodes,
    }));
    console.log(`panel: ${JSON.stringify(shown)}`);
    assert.equal(shown.window, last.label, 'the toolbar shows the last window');
    assert.equal(shown.hint?.startsWith(`${last.label}: ${last.nodes.length} regions, ${last.ties.length} ties.`), true, `details: ${shown.hint}`);
    assert.equal(shown.nodes, String(last.nodes.length), 'regions in the drawn graph');
    const counts = shown.legend.map((e) => Number(/\((\d+)\)$/.exec(e)?.[1]));
    assert.ok(shown.legend.length >= 2 && counts.every(Number.isInteger), `community legend: ${JSON.stringify(shown.legend)}`);
    assert.equal(counts.reduce((a, b) => a + b, 0), last.nodes.length, 'the legend counts every region once');
    assert.ok(shown.canvases > 0, 'sigma drew its canvases');
    // the WebGL canvas is not blank (a blank one compresses to a few kB)
    const picture = await frame.locator('.sigma').screenshot();
    assert.ok(picture.length > 10_000, `the graph is drawn (screenshot of ${picture.length} bytes)`);
    await page.locator('.notifications-toasts .notification-toast', { hasText: 'Innograph: running' }).waitFor({ state: 'hidden', timeout: 30_000 });
  });
  state.network = { last, geometry: network.network.geometry };
  await shot('8-network-panel');
});

test(`the network panel saves ${RUN_NETWORK}'s window as GEXF through the save dialog`, { timeout: 180_000 }, async (t) => {
  if (!state.network) return t.skip(`${RUN_NETWORK} did not run`);
  const { last } = state.network;
  await step('9-gexf', async () => {
    await networkTab().first().click();
    const frame = await until('the network panel', () => panelFrame('network'), 60_000);
    await frame.locator('button', { hasText: /^GEXF…$/ }).click();
    const gexf = await saveThroughDialog(path.join(ws, `${RUN_NETWORK}.${last.label.replace(/–/g, '-')}.gexf`));
    assert.match(gexf, /^<\?xml[^>]*\?>\s*<gexf xmlns="http:\/\/gexf\.net\/1\.3"/, `not GEXF 1.3:\n${gexf.slice(0, 300)}`);
    const unescape = (text) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
    const ids = [...gexf.matchAll(/<node id="([^"]*)"/g)].map((m) => unescape(m[1]));
    assert.deepEqual(ids.sort(), [...last.nodes].sort(), 'the GEXF holds the last window\'s regions');
    assert.equal((gexf.match(/<edge /g) ?? []).length, last.ties.length, 'and its ties');
  });
  lap('saved the GEXF');
  await shot('9-network-gexf');
});

test(`"Also as: Map" draws ${RUN_NETWORK} on the geometry its spec declares, listing the regions without a feature`, { timeout: 180_000 }, async (t) => {
  if (!state.network) return t.skip(`${RUN_NETWORK} did not run`);
  const { geometry } = state.network;
  assert.ok(geometry, `${RUN_NETWORK} declares no geometry in ${SPEC}`);
  const topology = JSON.parse(fs.readFileSync(path.join(ws, geometry.file), 'utf8'));
  const features = Object.values(topology.objects)[0].geometries.length;
  await step('10-map', async () => {
    await networkTab().first().click();
    const network = await until('the network panel', () => panelFrame('network'), 60_000);
    await network.locator('nav.alternatives button', { hasText: /^Map$/ }).click();
    const frame = await until('the map panel drew its regions', async () => {
      const f = await panelFrame('map');
      return f && (await f.locator('svg path.region').count()) > 0 && f;
    }, 120_000);
    assert.equal(await frame.locator('.file').textContent(), path.basename(geometry.file), 'the declared file, not a picked one');
    assert.equal(await frame.locator('svg path.region').count(), features, 'every feature is drawn');
    assert.deepEqual(await frame.locator('.unmatched li').allTextContents(), geometry.unmatched, 'the regions the run found without a feature');
  });
  lap('map from the declared geometry');
  await shot('10-map-panel');
});

test(`"Also as: Map" from ${RUN_MEASURES} fills the provinces by its degree tiers and reads them in the legend`, { timeout: 300_000 }, async (t) => {
  if (!state.network) return t.skip(`${RUN_NETWORK} did not run`);
  const declaration = declarationLine(path.join(ws, SPEC), new RegExp(`^measures\\s+${RUN_MEASURES}\\b`));
  await step('10b-open', () => openAtLine(SPEC, declaration.line));
  await step('10b-code-lens', () => clickRunLens(declaration));
  await step('10b-map-fill', async () => {
    const tables = await until(`the ${RUN_MEASURES} panel`, () => panelFrame('tables'), 180_000);
    await tables.locator('nav.alternatives button', { hasText: /^Map$/ }).click();
    const frame = await until('the map panel filled its regions', async () => {
      const f = await panelFrame('map');
      return f && (await f.locator('svg path.region.node').count()) > 0 && f;
    }, 120_000);
    const shown = await frame.evaluate(() => {
      const fill = document.querySelector('svg .legend[data-legend*="(jenks"]');
      return {
        title: fill?.getAttribute('data-legend'),
        entries: [...(fill?.querySelectorAll('.entry text') ?? [])].map((e) => e.textContent),
        filled: [...document.querySelectorAll('svg path.region.node')].map((p) => p.getAttribute('fill')),
      };
    });
    console.log(`map: ${JSON.stringify({ title: shown.title, entries: shown.entries })}`);
    assert.equal(shown.title, `${RUN_MEASURES}.degree (jenks, 4 classes)`, 'the fill is the declared Jenks tiers of degree');
    assert.equal(shown.entries.length, 4, 'a legend entry per class');
    const counts = shown.entries.map((e) => Number(/\((\d+)\)$/.exec(e)?.[1]));
    assert.equal(counts.reduce((a, b) => a + b, 0), shown.filled.length, 'the legend counts every filled province once');
    assert.ok(shown.filled.every((f) => f && f !== 'none'), 'every matched province is filled');
  });
  lap('map filled by the measures\' tiers, with its legend');
  await shot('10b-map-fill');
});

/** Runs a command through the Command Palette by its title. */
async function paletteCommand(title) {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 15_000 });
  await page.keyboard.type(title);
  await page.locator(`.quick-input-widget .monaco-list-row[aria-label^="${title}"]`).first().click();
}

test('the walkthrough lists its steps, and "Open the Example Study" copies the example into the workspace and opens it', { timeout: 180_000 }, async () => {
  await step('11-walkthrough', async () => {
    await paletteCommand('Welcome: Open Walkthrough...');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Get started with Innograph' }).first().click();
    for (const title of ['Open an example study', 'Run it', 'See the results', 'Start from your own data', 'Read the language guide']) {
      await page.locator('.getting-started-step .step-title', { hasText: title }).first().waitFor({ timeout: 60_000 });
    }
  });
  await shot('11-walkthrough');
  const copied = path.join(ws, 'innograph-example', 'rare_earth.study');
  await step('11-example', async () => {
    await paletteCommand('Innograph: Open the Example Study');
    await until('the example copied into the workspace', () => fs.existsSync(copied) && fs.existsSync(path.join(ws, 'innograph-example', 'data', 'rare_earth', 'applicants.csv')), 60_000);
    // the copy is open (its breadcrumbs show its folder): a tab of the same name is already open from the workspace
    await page.locator('.breadcrumbs-control', { hasText: 'innograph-example' }).first().waitFor({ timeout: 60_000 });
    await untilNoProblems('the copied example checks clean', 120_000);
  });
  lap('walkthrough: example copied and checked clean');
});

test('"New Study from a Folder of Data…" proposes a spec for the example\'s data, unsaved beside it', { timeout: 180_000 }, async () => {
  const folder = path.join(ws, 'data', 'rare_earth');
  await step('12-new-study', async () => {
    await paletteCommand('Innograph: New Study from a Folder of Data');
    // code-server's own folder dialog: a quick input holding a path, typed over (it completes as one types)
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: 30_000 });
    await input.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(`${folder}/`);
    await until('the dialog holding the folder', async () => {
      const value = await input.inputValue({ timeout: 2_000 });
      if (value !== `${folder}/`) throw new Error(`the dialog holds "${value}"`);
      return true;
    }, 30_000);
    // the dialog may still be listing the folder when the button is first clicked: click until it closes
    await until('the folder dialog accepted', async () => {
      if (!(await page.locator('.quick-input-widget').isVisible())) return true;
      await page.locator('.quick-input-widget .monaco-button', { hasText: 'Propose a Study' }).first().click({ timeout: 2_000 }).catch(() => undefined);
      return false;
    }, 60_000);
    await page.locator('.editor-group-container.active .tab.active[aria-label*="study.study"]').waitFor({ timeout: 60_000 });
    await page.locator('.editor-group-container.active .monaco-editor .view-line', { hasText: 'dataset applicants from "applicants.csv"' }).first().waitFor({ timeout: 60_000 });
    // unsaved beside the data, it finds them: the proposal checks clean
    await untilNoProblems('the proposal checks clean', 120_000);
  });
  assert.ok(!fs.existsSync(path.join(folder, 'study.study')), 'the proposal stays unsaved: nothing is written into the data folder');
  await shot('12-new-study');
  lap('New Study proposed a spec');
});
