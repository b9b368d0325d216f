// Renders a result panel's page (dist/webview/<kind>.js under the CSP the extension sets) in headless Chromium,
// as a webview would: a stub `acquireVsCodeApi` records what the page posts, and the test sends the same
// `show` message the extension sends. Results come from running the real CLI on an example.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { panelHtml } from '../../client/src/panels/html.ts';
import type { FromWebview, PanelContent, ToWebview } from '../../client/src/panels/messages.ts';
import { packTies } from '../../client/src/panels/tieColumns.ts';
import type { ResultsFile } from '../../server/src/results/format.ts';

export const REPO = resolve(import.meta.dirname, '../..');
const ARTIFACTS = join(import.meta.dirname, 'artifacts');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
/** The origin the page is served from, standing in for the webview's resource origin (its `cspSource`). */
const ORIGIN = 'https://webview.test';
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

/**
 * `innograph run examples/<spec> [--only NAME…] --json`, with the CLI built by `npm test` (dist/cli.cjs).
 * `edit` changes the spec's text first (e.g. fewer placebo draws); it then runs from a copy beside the data.
 */
export function runExample(spec: string, only: string[] = [], edit?: (text: string) => string): ResultsFile {
  const dir = mkdtempSync(join(tmpdir(), 'innograph-panels-'));
  try {
    let path = join(REPO, 'examples', spec);
    if (edit) {
      symlinkSync(join(REPO, 'examples/data'), join(dir, 'data'));
      writeFileSync((path = join(dir, spec)), edit(readFileSync(join(REPO, 'examples', spec), 'utf8')));
    }
    const out = join(dir, 'results.json');
    execFileSync(process.execPath, [join(REPO, 'bin/innograph.js'), 'run', path, ...only.flatMap((name) => ['--only', name]), '--json', out, '--quiet'], { stdio: 'pipe' });
    return JSON.parse(readFileSync(out, 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function launchBrowser(): Promise<Browser> {
  assert.ok(existsSync(CHROMIUM), `The panel tests render pages in headless Chromium, which is not at ${CHROMIUM}. Install Debian's chromium (test/e2e/setup.sh does: apt-get install chromium) or point CHROMIUM at a Chromium binary.`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-unsafe-swiftshader'],
  });
}

/** A few of the variables VS Code's Dark Modern theme sets on a webview's <html>, so screenshots look like the editor. */
const THEME: Record<string, string> = {
  '--vscode-editor-background': '#1f1f1f', '--vscode-editor-foreground': '#cccccc', '--vscode-descriptionForeground': '#9d9d9d',
  '--vscode-button-background': '#0078d4', '--vscode-button-foreground': '#ffffff', '--vscode-button-secondaryBackground': '#313131',
  '--vscode-button-secondaryForeground': '#cccccc', '--vscode-input-background': '#313131', '--vscode-input-foreground': '#cccccc',
  '--vscode-input-border': '#3c3c3c', '--vscode-panel-border': '#2b2b2b', '--vscode-errorForeground': '#f85149',
  '--vscode-font-family': 'system-ui, sans-serif', '--vscode-font-size': '13px', '--vscode-list-hoverBackground': '#2a2d2e',
};

// As a string: tsx would wrap named functions in a helper the page does not have.
const STUB_API = `
  document.addEventListener('DOMContentLoaded', () => {
    for (const [name, value] of Object.entries(${JSON.stringify(THEME)})) document.documentElement.style.setProperty(name, value);
  });
  window.__posted = [];
  window.__violations = [];
  window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m), setState: () => {}, getState: () => undefined });
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ': ' + e.blockedURI));
`;

declare global {
  interface Window { __posted: FromWebview[]; __violations: string[] }
}

export class PanelPage {
  readonly dialogs: string[] = [];
  readonly errors: string[] = [];
  private constructor(readonly page: Page) {}

  static async open(browser: Browser, content: PanelContent, viewport = { width: 1200, height: 900 }): Promise<PanelPage> {
    const page = await browser.newPage({ viewport });
    const panel = new PanelPage(page);
    page.on('dialog', (d) => { panel.dialogs.push(d.message()); void d.dismiss(); });
    page.on('pageerror', (e) => panel.errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') panel.errors.push(m.text()); });
    await page.addInitScript(STUB_API);
    const html = panelHtml({ kind: content.kind, title: content.focus, cspSource: ORIGIN, script: `${ORIGIN}/dist/webview/${content.kind}.js`, style: `${ORIGIN}/dist/webview/${content.kind}.css` });
    await page.route(`${ORIGIN}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/') return route.fulfill({ contentType: 'text/html', body: html });
      const file = join(REPO, path);
      return existsSync(file) && path.startsWith('/dist/webview/') ? route.fulfill({ contentType: TYPES[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) }) : route.fulfill({ status: 404 });
    });
    await page.goto(`${ORIGIN}/`);
    await page.waitForFunction(() => window.__posted.some((m) => m.type === 'ready'));
    // as the extension posts it: a network panel's ties as columns
    await panel.send({ type: 'show', content: packTies(content) });
    return panel;
  }

  /** Posts a message as the extension does and waits until the page has rendered it. */
  async send(message: ToWebview): Promise<void> {
    await this.page.evaluate(() => { delete document.body.dataset.state; });
    await this.page.evaluate((m) => window.postMessage(m, '*'), message);
    await this.page.waitForFunction(() => document.body.dataset.state !== undefined);
    const error = await this.page.locator('.panel-error').allTextContents();
    assert.equal(await this.page.evaluate(() => document.body.dataset.state), 'rendered', `the panel failed: ${error.join(' ')}`);
  }

  posted(): Promise<FromWebview[]> {
    return this.page.evaluate(() => window.__posted);
  }

  /** No script errors, no blocked resource or inline code (CSP), no dialogs. */
  async assertClean(): Promise<void> {
    assert.deepEqual(await this.page.evaluate(() => window.__violations), [], 'CSP violations');
    assert.deepEqual(this.errors, [], 'errors in the page');
    assert.deepEqual(this.dialogs, [], 'dialogs opened');
  }

  async screenshot(name: string): Promise<void> {
    mkdirSync(ARTIFACTS, { recursive: true });
    await this.page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  }
}

/** A test file's example results and browser, made once before its tests and closed after them. */
export function exampleInBrowser(spec: string): { results: ResultsFile; browser: Browser } {
  const state = {} as { results: ResultsFile; browser: Browser };
  before(async () => {
    state.results = runExample(spec);
    state.browser = await launchBrowser();
  });
  after(() => state.browser?.close());
  return state;
}
