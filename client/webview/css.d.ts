// esbuild bundles a page's imported style sheets into dist/webview/<panel>.css.
declare module '*.css';
