// Bundles the extension (client) and the language server / CLI into dist/, and the result panels' pages
// into dist/webview/<panel>.js + .css (browser code, loaded by the webviews; see client/webview).
// DuckDB is a native Node-API module: it stays external and ships from node_modules.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  define: { 'process.env.INNOGRAPH_VERSION': JSON.stringify(version) },
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.cjs', external: ['vscode'] }),
  // Figures are drawn by Vega's SVG string renderer, which needs no canvas: Vega's Node canvas loader (a
  // top-level `await import('canvas')`, which a CommonJS bundle cannot hold) is swapped for its browser build,
  // which finds no canvas in Node either.
  esbuild.build({
    ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.cjs', external: ['@duckdb/node-api'],
    alias: { 'vega-canvas': './node_modules/vega-canvas/build/vega-canvas.browser.js' },
  }),
  esbuild.build({
    entryPoints: Object.fromEntries(['regression', 'network', 'map', 'charts', 'tables'].map((panel) => [panel, `client/webview/${panel}/main.ts`])),
    outdir: 'dist/webview',
    bundle: true,
    platform: 'browser',
    target: 'chrome120',
    format: 'iife',
    minify: true,
    sourcemap: 'linked',
    logLevel: 'warning',
  }),
]);
