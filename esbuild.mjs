// Bundles the extension (client) and the language server / CLI into dist/, and the result panels' pages
// into dist/webview/<panel>.js + .css (browser code, loaded by the webviews; see client/webview).
// DuckDB's native binding (and the loader that picks the platform's) stays external and ships from node_modules;
// its JavaScript API is bundled.
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

// The build's identity: the server's sources and the locked dependencies. The CLI's run cache is kept per
// build (server/src/run/resultStore.ts), so that results computed by other code are never reused.
const sources = readdirSync('server/src', { recursive: true }).map(String).filter((f) => f.endsWith('.ts')).sort();
const build = createHash('sha256');
for (const file of [...sources.map((f) => `server/src/${f}`), 'package-lock.json']) build.update(file).update(readFileSync(file));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  define: {
    'process.env.INNOGRAPH_VERSION': JSON.stringify(version),
    'process.env.INNOGRAPH_BUILD': JSON.stringify(`${version}-${build.digest('hex').slice(0, 16)}`),
  },
};

// Chunk names carry content hashes: stale chunks from earlier builds must not pile up (or ship).
rmSync('dist/server', { recursive: true, force: true });
mkdirSync('dist', { recursive: true });
writeFileSync('dist/cli.cjs', "// Entry point of the language server and CLI (see esbuild.mjs).\nimport('./server/main.mjs');\n");

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.cjs', external: ['vscode'] }),
  // The language server and CLI as ES modules split at their dynamic imports, so that each command loads only
  // its own code: `innograph check` compiles the language (about 0.5 MB), not the engine, Vega and docx (4 MB).
  // `dist/cli.cjs` stays the entry point every client names (bin, the extension, any LSP client, the run worker).
  // Figures are drawn by Vega's SVG string renderer, which needs no canvas: Vega's Node canvas loader (a
  // top-level `await import('canvas')`) is swapped for its browser build, which finds no canvas in Node either.
  esbuild.build({
    // The engine's worker threads (engine/threads.ts): pathWorker.mjs for large betweenness and closeness jobs
    // (engine/networks/paths/chunks.ts), overlapWorker.mjs for the windows of a large overlap (engine/networks/overlap.ts).
    ...common, format: 'esm', splitting: true, outdir: 'dist/server',
    entryPoints: {
      main: 'server/src/cli/main.ts',
      pathWorker: 'server/src/engine/networks/paths/pathWorker.ts',
      overlapWorker: 'server/src/engine/networks/overlapWorker.ts',
    },
    outExtension: { '.js': '.mjs' }, external: ['@duckdb/node-bindings'],
    alias: { 'vega-canvas': './node_modules/vega-canvas/build/vega-canvas.browser.js' },
    // Bundled CommonJS dependencies call `require` for Node's modules: ES modules have none of their own.
    banner: { js: "import { createRequire as innographCreateRequire } from 'node:module'; const require = innographCreateRequire(import.meta.url);" },
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
