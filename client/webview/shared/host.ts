// The page's side of the protocol in client/src/panels/messages.ts. `acquireVsCodeApi` is VS Code's (a stub
// in the panel tests); the content is saved as the webview state, which the serializer revives after a reload.
import type { FromWebview, MapGeometry, PanelContent, ToWebview } from '../../src/panels/messages.js';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  setState(state: PanelContent): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();

export function post(message: FromWebview): void {
  vscode.postMessage(message);
}

let current: PanelContent | undefined;

/** Changes the content the page keeps as its webview state (a reload revives it), without rendering again. */
export function keep(patch: Partial<PanelContent>): void {
  if (!current) return;
  current = { ...current, ...patch };
  vscode.setState(current);
}

export interface PanelHandlers {
  show(content: PanelContent): void;
  geometry?(geometry: MapGeometry): void;
}

/** Listens for the extension's messages and says it is ready; a failing render shows its error in the page. */
export function startPanel(handlers: PanelHandlers): void {
  window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
    const message = event.data;
    guard(() => {
      if (message.type === 'show') {
        current = message.content;
        vscode.setState(current);
        handlers.show(current);
      } else if (message.type === 'geometry' && current) {
        current = { ...current, geometry: message.geometry };
        vscode.setState(current);
        handlers.geometry?.(message.geometry);
      }
    });
  });
  post({ type: 'ready' });
}

function guard(render: () => void): void {
  try {
    render();
    document.body.dataset.state = 'rendered';
  } catch (e) {
    const root = document.getElementById('root')!;
    const error = document.createElement('p');
    error.className = 'panel-error';
    error.textContent = `This result could not be shown: ${e instanceof Error ? e.message : String(e)}`;
    root.replaceChildren(error);
    document.body.dataset.state = 'error';
  }
}
