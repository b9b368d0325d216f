// The page every result panel loads: its bundle and style sheet from dist/webview, under a strict content
// security policy (scripts only with this page's nonce, nothing remote, no eval: charts use Vega's interpreter).
import { randomBytes } from 'node:crypto';
import type { PanelKind } from './messages.js';

export interface PanelPage {
  kind: PanelKind;
  title: string;
  /** The webview's `cspSource` (the origin its local resources are served from). */
  cspSource: string;
  /** URIs of dist/webview/<kind>.js and .css as the webview sees them. */
  script: string;
  style: string;
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `img-src ${cspSource} data: blob:`,
  ].join('; ');
}

const escapeAttribute = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

export function panelHtml(page: PanelPage, nonce = randomBytes(16).toString('base64')): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(contentSecurityPolicy(page.cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeAttribute(page.title)}</title>
<link rel="stylesheet" nonce="${nonce}" href="${escapeAttribute(page.style)}">
</head>
<body data-panel="${page.kind}">
<main id="root"></main>
<script nonce="${nonce}" src="${escapeAttribute(page.script)}"></script>
</body>
</html>
`;
}
